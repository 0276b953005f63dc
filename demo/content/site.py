"""The demo site's own pages under the home page (demo.site loads them), and the demo charity's details."""

from demo.pages import rich
from website.models import StandardPage

# Invented details for the demo charity (Settings → Site settings holds the real ones).
CHARITY_NUMBER = "1234567"
DATA_CONTROLLER = "Waymark, 1 Example Street, London N1 0AA (ICO registration ZA000000)"
CONTACT_EMAIL = "hello@waymark.localhost"
PRIVACY_EMAIL = "privacy@waymark.localhost"
ACCESSIBILITY_EMAIL = "accessibility@waymark.localhost"

# The home page's text, set once when the demo makes it.
HOME = {
    "intro": (
        "Serial domestic abusers and stalkers move from victim to victim, unseen. "
        "We campaign for them to be identified, registered and managed, and we support survivors."
    ),
    "summary": "A register for serial domestic abuse and stalking perpetrators.",
    "seo_title": "Waymark: register serial domestic abusers and stalkers",
}

PAGES = [
    {
        "type": StandardPage,
        "parent": "home",
        "slug": "about",
        "title": "About us",
        "show_in_menus": True,
        "summary": "Who we are and why we campaign.",
        "body": rich(
            "Waymark is a charity started by survivors and the families of people killed by a partner "
            "or former partner who had hurt others before.",
            "We campaign for a new category of MAPPA, the arrangements police, probation and prisons "
            "use to manage dangerous offenders, so that serial perpetrators are identified early and "
            "managed actively. We also help survivors find support and ask the police for a disclosure.",
        ),
    },
    {
        "type": StandardPage,
        "parent": "home",
        "slug": "contact",
        "title": "Contact us",
        "summary": "How to reach us, and how to get help quickly if you need it.",
        "body": rich(
            "<b>If you are in danger now, call 999.</b> We are a small charity and cannot respond to "
            "emergencies. Helplines are listed at the foot of every page.",
            f'Email us at <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. We reply within five '
            "working days. Tell us if there is a safe time or way to reach you; we never leave messages "
            "unless you say we can.",
            "By post: Waymark, 1 Example Street, London N1 0AA.",
            "Press enquiries: the same email address, with \u201cpress\u201d in the subject line.",
        ),
    },
    {
        "type": StandardPage,
        "parent": "home",
        "slug": "privacy",
        "title": "Privacy notice",
        "summary": "What we keep about you, why, for how long, and your rights.",
        "body": rich(
            f"Waymark ({DATA_CONTROLLER}) is the data controller for the information you give us on this "
            f'website. You can reach us about your information at <a href="mailto:{PRIVACY_EMAIL}">'
            f"{PRIVACY_EMAIL}</a>.",
            "We collect as little as we can. We never sell or share your information for marketing.",
            "<b>Petition signatures.</b> We keep your name, email address, postcode and whether you "
            "want campaign updates. We use them to count your signature once and to contact you if "
            "you asked us to. Six months after the petition closes we delete names, email addresses, "
            "postcodes and network details, keeping only the counts.",
            "<b>Campaign updates.</b> If you ticked the box for campaign updates, we keep your name and "
            "email address for that, separately from your signature, until you unsubscribe (one click, "
            "in any update) or two years after you last asked for updates, whichever comes first. "
            "Unsubscribing deletes your email address from our list at once.",
            "<b>Letters to your MP.</b> We do not store your name, address or letter. We only count "
            "how many letters were written in each constituency.",
            "<b>Disclosure requests.</b> What you tell us is sensitive and may be criminal-offence "
            "data. It is encrypted, seen only by the caseworkers of the team handling your request (not "
            "our other staff or the administrators of this website), every look at it is recorded, and it is "
            "deleted twelve months after your request is closed.",
            "<b>Your device.</b> We set no tracking or advertising cookies and load nothing from other "
            "websites. The quick exit button clears what our server knows about your visit.",
            "<b>Your rights.</b> Under the UK General Data Protection Regulation (UK GDPR) you have the "
            "right to be told what we hold about you and to get a copy of it (a subject access request); "
            "to have it corrected if it is wrong; to have it deleted; to restrict how we use it; to object "
            "to our using it, including for campaign emails at any time; to withdraw your consent where "
            "we rely on it; and to receive it in a form you can take elsewhere (data portability).",
            "<b>How to use your rights.</b> Email or write to us (the addresses are above and on our "
            '<a href="/contact/">contact page</a>), saying which right you want to use. You do not '
            "have to use any particular words or form, and it is free. We answer within one month. We may "
            "ask you to prove who you are, in a way that is safe for you. To stop petition emails, use the "
            "unsubscribe link in any of them; to withdraw your signature, use the link in your confirmation "
            "email.",
            "<b>Complaints.</b> If you are unhappy with how we use your information, tell us first. You "
            "can also complain to the Information Commissioner's Office (ICO), the UK's data protection "
            "regulator: ico.org.uk, helpline 0303 123 1113.",
        ),
    },
    {
        "type": StandardPage,
        "parent": "home",
        "slug": "accessibility",
        "title": "Accessibility statement",
        "summary": "How accessible this website is and how to tell us about problems.",
        "body": rich(
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
            "Every page works with a keyboard and a screen reader, and we test each page type "
            "with automated accessibility checks.",
            "<b>Reporting a problem.</b> If something on this website does not work for you, or you "
            f'need information in a different format, email <a href="mailto:{ACCESSIBILITY_EMAIL}">'
            f'{ACCESSIBILITY_EMAIL}</a> or use our <a href="/contact/">contact page</a>. Tell us the '
            "web address of the page, what the problem is and what you were using (for example a "
            "screen reader or a phone). We reply within five working days.",
            "<b>Enforcement.</b> If you are not happy with how we respond, contact the Equality Advisory "
            "and Support Service (EASS).",
        ),
    },
]
