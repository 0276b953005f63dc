"""Demo content for support: the helplines and the guidance pages (part of `seed_demo`)."""

from wagtail.models import Site

from demo.disclosure import ensure_request_page
from demo.site import ensure_child
from support.models import CallbackRequestPage, GuidanceIndexPage, GuidancePage, Helpline, HelplinesPage
from website.models import HomePage, SiteSettings

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


WELSH_FIELDS = ("name_cy", "hours_cy", "description_cy")


def ensure_helplines():
    """Create and publish each helpline once, by name, with a first revision as if staff had published it;
    staff edits to an existing one are kept, published or waiting for moderation. The Welsh texts are filled
    in (and published) where a helpline has none yet and no draft waits for a Moderator, whose draft
    publishing them would leave behind (a database seeded before they existed)."""
    helplines = {}
    for fields in HELPLINES:
        values = dict(fields)
        name = values.pop("name")
        helpline = Helpline.objects.filter(name=name).first()
        if helpline is None:
            helpline = Helpline(name=name, live=False, **values)
            helpline.save()
            helpline.save_revision().publish()
        else:
            missing = [f for f in WELSH_FIELDS if not getattr(helpline, f) and values.get(f)]
            if missing and not helpline.has_unpublished_changes:
                for field in missing:
                    setattr(helpline, field, values[field])
                helpline.save_revision().publish()
        helplines[name] = helpline
    return helplines


def callout(helpline, note=""):
    return ("helpline", {"helpline": helpline, "note": note})


def qa(question, *paragraphs):
    return ("question_answer", {"question": question, "answer": "".join(f"<p>{p}</p>" for p in paragraphs)})


def section(title, *content):
    return ("section", {"title": title, "content": list(content)})


def paragraph(*paragraphs):
    return ("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))


def run(stdout):
    home = HomePage.objects.first()  # the English home: the Welsh one comes later in the tree
    helplines = ensure_helplines()
    emergency = helplines["Emergency: police"]
    domestic_abuse = helplines["National Domestic Abuse Helpline"]
    stalking = helplines["National Stalking Helpline"]

    index = ensure_child(
        home,
        GuidanceIndexPage,
        "support",
        title="Support",
        show_in_menus=True,
        before=home.get_first_child(),  # the menu reads Campaign, Stories, Support, About
        intro="Plain guidance on abuse and stalking, your rights, and where to get help. "
        "Every page lists the helplines, and the Exit this page button is always at the top.",
        summary="Guidance and helplines for people experiencing domestic abuse or stalking.",
    )

    ensure_child(
        index,
        GuidancePage,
        "coercive-control",
        title="What coercive control is",
        summary="Abuse is not only violence. Coercive control is a pattern that takes away your freedom.",
        body=[
            paragraph(
                "Coercive control is a pattern of behaviour that isolates, frightens and controls you. "
                "It can happen with or without physical violence, and it is a crime in England and "
                "Wales when it is repeated or continuous in an intimate or family relationship."
            ),
            section(
                "Signs to look for",
                paragraph(
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
            callout(domestic_abuse, "Free, confidential and open all day and night."),
        ],
    )

    ensure_child(
        index,
        GuidancePage,
        "stalking",
        title="What stalking is",
        summary="Unwanted, repeated behaviour that makes you feel watched, followed or afraid.",
        body=[
            paragraph(
                "Stalking is a pattern of fixated, obsessive and unwanted behaviour: following you, "
                "turning up where you are, watching you, contacting you again and again, or tracking "
                "you online. Many stalkers are former partners, and many have stalked before."
            ),
            section(
                "Keeping a record",
                paragraph(
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
            callout(stalking, "Advisers can help you plan how to report and stay safe."),
        ],
    )

    request_page = ensure_request_page(home)
    ensure_child(
        index,
        GuidancePage,
        "clares-law",
        title="Clare's Law: your right to ask",
        summary="You can ask the police whether a partner has a record of abuse or violence.",
        body=[
            paragraph(
                "The Domestic Violence Disclosure Scheme, known as Clare's Law, lets you ask the police "
                "whether your partner, or a friend's or relative's partner, has a history of abuse or "
                "violence. This is the right to ask. The police can also decide to tell you on their "
                "own initiative: the right to know."
            ),
            section(
                "How asking works",
                paragraph(
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
                    "page": request_page,
                    "button_label": "Ask the police with our help",
                },
            ),
            callout(emergency, "If you are in danger while you wait, call 999."),
        ],
    )

    tracks = ensure_child(
        index,
        GuidancePage,
        "cover-your-tracks",
        title="Cover your tracks online",
        summary="How to look for help without leaving a trail on a shared or monitored device.",
        body=[
            paragraph(
                "If someone else uses or checks your phone or computer, they may be able to see the "
                "websites you have visited. These steps lower the risk. No step is perfect, so use "
                "a device they cannot reach, such as a friend's phone or a library computer, when you can."
            ),
            section(
                "Private browsing",
                paragraph(
                    "A private or incognito window does not keep history, cookies or searches once you "
                    "close it. Open one from your browser's menu before you visit support sites. It "
                    "does not hide what you do from your internet provider or from monitoring apps."
                ),
            ),
            section(
                "Deleting history",
                paragraph(
                    "Every browser lets you delete history from its settings. Deleting only some pages "
                    "is safer than clearing everything, which can itself look suspicious. Check the "
                    "browser's recently closed tabs, and any other devices signed in to the same account."
                ),
            ),
            section(
                "What the Exit this page button can and cannot do",
                paragraph(
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
            callout(domestic_abuse, "Advisers can talk you through staying safe online."),
        ],
    )

    ensure_child(
        index,
        GuidancePage,
        "getting-help",
        title="Getting help",
        summary="Who to call, what happens when you do, and what to do in an emergency.",
        body=[
            section(
                "In an emergency",
                callout(emergency, "Press 55 if you cannot speak."),
            ),
            section(
                "Talking to someone",
                paragraph(
                    "You can call a helpline before you are sure what is happening, and you do not have "
                    "to give your name. Advisers can help you make a safety plan, find a refuge, or "
                    "contact a local specialist service."
                ),
                callout(domestic_abuse),
                callout(stalking),
            ),
            section(
                "Questions people ask",
                qa(
                    "Do I have to report to the police to get help?",
                    "No. Helplines and specialist services support you whether or not you go to the police.",
                ),
            ),
        ],
    )

    ensure_child(
        home,
        HelplinesPage,
        "helplines",
        title="Helplines",
        summary="Free, confidential helplines for domestic abuse and stalking, and what to do in danger.",
        intro="You do not have to give your name, and you do not have to be sure what is happening. "
        "Advisers listen, help you make a safety plan and tell you what your options are.",
    )

    # The safe call-back request: linked from every support page (the helplines aside), not from the menu.
    ensure_child(
        home,
        CallbackRequestPage,
        "call-back",
        title="Ask us to call you back",
        summary="Give us a safe number and a safe time, and a caseworker will ring you.",
    )

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    # First run only: once staff have chosen footer helplines or a cover-your-tracks page, keep them.
    if settings.cover_your_tracks_page_id is None:
        settings.cover_your_tracks_page = tracks
        settings.save(update_fields=["cover_your_tracks_page"])
    if not settings.footer_helplines.exists():
        settings.footer_helplines.set(helplines.values())
    stdout.write(
        "Support: helplines, the helplines page, five guidance pages and the call-back request page."
    )
