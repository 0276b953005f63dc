"""The demo's support content (demo.support and demo.disclosure load it): the helplines, the guidance pages
under /support/, the helplines, call-back and disclosure request pages."""

from demo.pages import FIRST_CHILD, Ref, paragraphs
from support.models import (
    CallbackRequestPage,
    DisclosureRequestPage,
    GuidanceIndexPage,
    GuidancePage,
    HelplinesPage,
)

HELPLINES = [
    {
        "name": "Emergency: police",
        "number": "999",
        "hours": "Any time",
        "description": (
            "If you are in danger now, call 999. If you cannot speak, stay on the line, cough or tap "
            "the phone if you can, and press 55 when the operator asks: this is the Silent Solution, "
            "and it tells the police the call is real."
        ),
        "name_cy": "Argyfwng: yr heddlu",
        "hours_cy": "Unrhyw bryd",
        "description_cy": (
            "Os ydych chi mewn perygl nawr, ffoniwch 999. Os na allwch chi siarad, arhoswch ar y lein, "
            "pesychwch neu tapiwch y ffôn os gallwch chi, a phwyswch 55 pan fydd y gweithredwr yn gofyn: "
            "dyma'r Silent Solution, ac mae'n dweud wrth yr heddlu bod yr alwad yn un go iawn."
        ),
        "is_free": True,
        "is_silent_option": True,
        "is_emergency": True,
        "sort_order": 0,
    },
    {
        "name": "National Domestic Abuse Helpline",
        "number": "0808 2000 247",
        "hours": "24 hours, every day",
        "description": (
            "Free, confidential advice for anyone experiencing domestic abuse, and for friends, "
            "family and professionals worried about someone."
        ),
        "name_cy": "Llinell Gymorth Genedlaethol ar Gam-drin Domestig",
        "hours_cy": "24 awr, bob dydd",
        "description_cy": (
            "Cyngor am ddim a chyfrinachol i unrhyw un sy'n profi cam-drin domestig, ac i ffrindiau, "
            "teulu a gweithwyr proffesiynol sy'n poeni am rywun."
        ),
        "website_url": "https://www.nationaldahelpline.org.uk/",
        "is_free": True,
        "sort_order": 10,
    },
    {
        "name": "National Stalking Helpline",
        "number": "0808 802 0300",
        "hours": "Weekdays in the daytime; check the website for today's hours",
        "description": (
            "Advice for anyone being stalked or harassed, including what evidence to keep and how "
            "to report it."
        ),
        "name_cy": "Llinell Gymorth Genedlaethol ar Stelcian",
        "hours_cy": "Yn ystod y dydd ar ddiwrnodau'r wythnos; gwelwch y wefan am oriau heddiw",
        "description_cy": (
            "Cyngor i unrhyw un sy'n cael ei stelcian neu ei aflonyddu, gan gynnwys pa dystiolaeth i'w "
            "chadw a sut i roi gwybod amdano."
        ),
        "website_url": "https://www.suzylamplugh.org/",
        "is_free": True,
        "sort_order": 20,
    },
]


def callout(helpline, note=""):
    """A helpline block, naming the helpline by its name in HELPLINES."""
    return ("helpline", {"helpline": Ref(helpline), "note": note})


def qa(question, *answer):
    return ("question_answer", {"question": question, "answer": "".join(f"<p>{p}</p>" for p in answer)})


def section(title, *content):
    return ("section", {"title": title, "content": list(content)})


# The request form (demo.disclosure makes it too, for a tree without the guidance).
REQUEST_PAGE = {
    "type": DisclosureRequestPage,
    "parent": "home",
    "slug": "ask-the-police",
    "title": "Ask the police about someone's past",
    "summary": "Clare's Law: ask the police whether a partner has a history of abuse. We can help you ask.",
    "show_in_menus": True,
}

PAGES = [
    {
        "type": GuidanceIndexPage,
        "parent": "home",
        "slug": "support",
        "title": "Support",
        "show_in_menus": True,
        "before": FIRST_CHILD,  # the menu reads Campaign, Stories, Support, About
        "intro": "Plain guidance on abuse and stalking, your rights, and where to get help. "
        "Every page lists the helplines, and the Exit this page button is always at the top.",
        "summary": "Guidance and helplines for people experiencing domestic abuse or stalking.",
    },
    {
        "type": GuidancePage,
        "parent": "support",
        "slug": "coercive-control",
        "title": "What coercive control is",
        "summary": "Abuse is not only violence. Coercive control is a pattern that takes away your freedom.",
        "body": [
            paragraphs(
                "Coercive control is a pattern of behaviour that isolates, frightens and controls you. "
                "It can happen with or without physical violence, and it is a crime in England and "
                "Wales when it is repeated or continuous in an intimate or family relationship."
            ),
            section(
                "Signs to look for",
                paragraphs(
                    "<ul><li>Checking your phone, messages or where you go</li>"
                    "<li>Cutting you off from friends and family</li>"
                    "<li>Controlling your money, food, medication or sleep</li>"
                    "<li>Putting you down, or threatening you, your children or your pets</li>"
                    "<li>Making rules and punishing you for breaking them</li></ul>"
                ),
            ),
            section(
                "Questions people ask",
                qa(
                    "It has never been physical. Is it still abuse?",
                    "Yes. Controlling behaviour on its own can be abuse, and it is often how "
                    "violence starts. You deserve support whether or not you have been hurt physically.",
                ),
                qa(
                    "Will the helpline make me leave?",
                    "No. Advisers listen and help you think through your options, including staying "
                    "safer where you are. You decide what happens.",
                ),
            ),
            callout("National Domestic Abuse Helpline", "Free, confidential and open all day and night."),
        ],
    },
    {
        "type": GuidancePage,
        "parent": "support",
        "slug": "stalking",
        "title": "What stalking is",
        "summary": "Unwanted, repeated behaviour that makes you feel watched, followed or afraid.",
        "body": [
            paragraphs(
                "Stalking is a pattern of fixated, obsessive and unwanted behaviour: following you, "
                "turning up where you are, watching you, contacting you again and again, or tracking "
                "you online. Many stalkers are former partners, and many have stalked before."
            ),
            section(
                "Keeping a record",
                paragraphs(
                    "Write down each incident with the date, time, place and what happened. Keep "
                    "messages, screenshots and call logs somewhere the stalker cannot reach. A record "
                    "helps the police see the pattern and can support a Stalking Protection Order."
                ),
            ),
            section(
                "Questions people ask",
                qa(
                    "Should I reply and ask them to stop?",
                    "Saying no once, clearly, can help. After that, replying can encourage them. "
                    "Keep the messages as evidence instead of answering them.",
                ),
                qa(
                    "Can I report stalking if I do not know who it is?",
                    "Yes. Report it to the police on 101, or 999 if you are in danger now.",
                ),
            ),
            callout("National Stalking Helpline", "Advisers can help you plan how to report and stay safe."),
        ],
    },
    REQUEST_PAGE,  # before the Clare's Law guidance, which links to it
    {
        "type": GuidancePage,
        "parent": "support",
        "slug": "clares-law",
        "title": "Clare's Law: your right to ask",
        "summary": "You can ask the police whether a partner has a record of abuse or violence.",
        "body": [
            paragraphs(
                "The Domestic Violence Disclosure Scheme, known as Clare's Law, lets you ask the police "
                "whether your partner, or a friend's or relative's partner, has a history of abuse or "
                "violence. This is the right to ask. The police can also decide to tell you on their "
                "own initiative: the right to know."
            ),
            section(
                "How asking works",
                paragraphs(
                    "You can ask at a police station, by phone on 101, or online through your police "
                    "force. The police check their records and, if there is a risk to you, a trained "
                    "officer tells you in person and talks you through a safety plan."
                ),
                qa(
                    "Will my partner find out that I asked?",
                    "The police do not tell the person who asked about them. Make sure the police "
                    "know a safe way and time to contact you.",
                ),
                qa(
                    "How long does it take?",
                    "Guidance asks forces to decide within 28 days, and faster when you are at "
                    "immediate risk.",
                ),
            ),
            (
                "call_to_action",
                {
                    "title": "We can help you ask",
                    "text": "Tell us what worries you, and a caseworker helps you apply to the right "
                    "police force, contacting you only in the way you say is safe.",
                    "page": Ref("ask-the-police"),
                    "button_label": "Ask the police with our help",
                },
            ),
            callout("Emergency: police", "If you are in danger while you wait, call 999."),
        ],
    },
    {
        "type": GuidancePage,
        "parent": "support",
        "slug": "cover-your-tracks",
        "title": "Cover your tracks online",
        "summary": "How to look for help without leaving a trail on a shared or monitored device.",
        "body": [
            paragraphs(
                "If someone else uses or checks your phone or computer, they may be able to see the "
                "websites you have visited. These steps lower the risk. No step is perfect, so use "
                "a device they cannot reach, such as a friend's phone or a library computer, when you can."
            ),
            section(
                "Private browsing",
                paragraphs(
                    "A private or incognito window does not keep history, cookies or searches once you "
                    "close it. Open one from your browser's menu before you visit support sites. It "
                    "does not hide what you do from your internet provider or from monitoring apps."
                ),
            ),
            section(
                "Deleting history",
                paragraphs(
                    "Every browser lets you delete history from its settings. Deleting only some pages "
                    "is safer than clearing everything, which can itself look suspicious. Check the "
                    "browser's recently closed tabs, and any other devices signed in to the same account."
                ),
            ),
            section(
                "What the Exit this page button can and cannot do",
                paragraphs(
                    "The button at the top of every page (or, on a computer, pressing Shift three times) "
                    "hides this site at once, replaces it with a weather page and forgets your visit on "
                    "our side, including anything typed into our forms. It cannot delete your browser "
                    "history: the pages you viewed are still listed there. Use private browsing, or "
                    "delete them afterwards."
                ),
                ("back_button", None),
            ),
            section(
                "Spyware and trackers",
                qa(
                    "How do I know if my phone is being monitored?",
                    "Warning signs include a partner knowing what you said in messages, a battery that "
                    "drains fast, or apps you did not install. Removing spyware can alert the person "
                    "who installed it, so talk to a helpline adviser before you do.",
                ),
            ),
            callout("National Domestic Abuse Helpline", "Advisers can talk you through staying safe online."),
        ],
    },
    {
        "type": GuidancePage,
        "parent": "support",
        "slug": "getting-help",
        "title": "Getting help",
        "summary": "Who to call, what happens when you do, and what to do in an emergency.",
        "body": [
            section(
                "In an emergency",
                callout("Emergency: police", "Press 55 if you cannot speak."),
            ),
            section(
                "Talking to someone",
                paragraphs(
                    "You can call a helpline before you are sure what is happening, and you do not have "
                    "to give your name. Advisers can help you make a safety plan, find a refuge, or "
                    "contact a local specialist service."
                ),
                callout("National Domestic Abuse Helpline"),
                callout("National Stalking Helpline"),
            ),
            section(
                "Questions people ask",
                qa(
                    "Do I have to report to the police to get help?",
                    "No. Helplines and specialist services support you whether or not you go to the police.",
                ),
            ),
        ],
    },
    {
        "type": HelplinesPage,
        "parent": "home",
        "slug": "helplines",
        "title": "Helplines",
        "summary": "Free, confidential helplines for domestic abuse and stalking, and what to do in danger.",
        "intro": "You do not have to give your name, and you do not have to be sure what is happening. "
        "Advisers listen, help you make a safety plan and tell you what your options are.",
    },
    # The safe call-back request: linked from every support page (the helplines aside), not from the menu.
    {
        "type": CallbackRequestPage,
        "parent": "home",
        "slug": "call-back",
        "title": "Ask us to call you back",
        "summary": "Give us a safe number and a safe time, and a caseworker will ring you.",
    },
]
