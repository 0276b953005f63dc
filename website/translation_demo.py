# ruff: noqa: E501 (prose: a string per sentence pair reads better than strings cut to fit)
"""Demo translations (part of `seed_demo`, after every app's English pages): Welsh versions of the home,
campaign, petition, letter, one guidance and the disclosure request pages, and, when Urdu is enabled (development), a
machine-drafted Urdu home, support index and one guidance page.

Made the way a translator's work is stored: wagtail-localize's TranslationSource (the English page's strings),
a Translation for the target locale, a StringTranslation for each string, then `save_target` publishes the
translated page. A string with no entry here stays in English (Localize falls back to the source), as it would
for a translator part-way through. Safe to run again: a page already translated is left alone, so staff and
translators' edits are kept.
"""

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from website.models import HomePage

# English string → Welsh, for the strings of the pages below (their segments, as Localize splits them).
WELSH = {
    # Home
    "Waymark": "Waymark",
    "Waymark: register serial domestic abusers and stalkers": (
        "Waymark: cofrestru camdrinwyr domestig a stelcwyr cyfresol"
    ),
    "A register for serial domestic abuse and stalking perpetrators.": (
        "Cofrestr ar gyfer cyflawnwyr cyfresol cam-drin domestig a stelcian."
    ),
    "Serial domestic abusers and stalkers move from victim to victim, unseen. We campaign for them to be "
    "identified, registered and managed, and we support survivors.": (
        "Mae camdrinwyr domestig a stelcwyr cyfresol yn symud o un dioddefwr i’r nesaf heb i neb sylwi. "
        "Rydym yn ymgyrchu i’w hadnabod, eu cofrestru a’u rheoli, ac rydym yn cefnogi goroeswyr."
    ),
    "The register we are asking for": "Y gofrestr rydym yn gofyn amdani",
    "Who counts as a serial perpetrator, and what changes.": (
        "Pwy sy’n cyfrif fel cyflawnwr cyfresol, a beth fyddai’n newid."
    ),
    "Read the proposal": "Darllen y cynnig",
    "Survivors' stories": "Straeon goroeswyr",
    "Why a register matters, in survivors' own words.": (
        "Pam mae cofrestr yn bwysig, yng ngeiriau goroeswyr eu hunain."
    ),
    "Read the stories": "Darllen y straeon",
    "Help and guidance": "Help a chyngor",
    "Helplines, your right to ask under Clare's Law, and staying safe online.": (
        "Llinellau cymorth, eich hawl i ofyn dan Gyfraith Clare, a chadw’n ddiogel ar-lein."
    ),
    "Get support": "Cael cymorth",
    # Campaign
    "Campaign": "Ymgyrch",
    "Our proposal: register serial domestic abuse and stalking perpetrators under MAPPA.": (
        "Ein cynnig: cofrestru cyflawnwyr cyfresol cam-drin domestig a stelcian dan MAPPA."
    ),
    "Serial domestic abusers and stalkers move from one victim to the next while each case is handled as if "
    "it were the first. We are calling for a register that identifies them and manages them: a new Category 4 "
    "of MAPPA, with duties to tell the police about their lives.": (
        "Mae camdrinwyr domestig a stelcwyr cyfresol yn symud o un dioddefwr i’r nesaf, tra bo pob achos yn "
        "cael ei drin fel petai’r cyntaf. Rydym yn galw am gofrestr sy’n eu hadnabod ac yn eu rheoli: "
        "Categori 4 newydd o MAPPA, gyda dyletswydd arnynt i ddweud wrth yr heddlu am eu bywydau."
    ),
    "Who counts as a serial perpetrator": "Pwy sy’n cyfrif fel cyflawnwr cyfresol",
    "A new Category 4 of MAPPA": "Categori 4 newydd o MAPPA",
    "What a registered perpetrator would have to do": "Beth fyddai’n rhaid i gyflawnwr cofrestredig ei wneud",
    "Obligations on everyone on the register": "Rhwymedigaethau pawb sydd ar y gofrestr",
    "Attend a treatment programme that works on abusive behaviour": (
        "Mynychu rhaglen driniaeth sy’n mynd i’r afael ag ymddygiad camdriniol"
    ),
    "Tell the police of any change of name": "Rhoi gwybod i’r heddlu am unrhyw newid enw",
    "Tell the police when they move home": "Rhoi gwybod i’r heddlu pan fyddant yn symud tŷ",
    "Tell the police before they travel abroad": "Rhoi gwybod i’r heddlu cyn teithio dramor",
    "Tell the police when they start a new relationship, so the new partner can be protected": (
        "Rhoi gwybod i’r heddlu pan fyddant yn dechrau perthynas newydd, fel bod modd diogelu’r partner newydd"
    ),
    "Orders that would count": "Gorchmynion a fyddai’n cyfrif",
    "Domestic Violence Protection Order (DVPO)": "Gorchymyn Diogelu rhag Trais Domestig (DVPO)",
    "Stalking Protection Order (SPO)": "Gorchymyn Diogelu rhag Stelcian (SPO)",
    "Restraining Order": "Gorchymyn Atal",
    "Non-Molestation Order": "Gorchymyn Peidio ag Ymyrryd",
    "MAPPA+: specialists at the table": "MAPPA+: arbenigwyr wrth y bwrdd",
    "Every one of his partners met him as a stranger. The police already knew him well.": (
        "Roedd pob un o’i bartneriaid yn ei gyfarfod fel dieithryn. Roedd yr heddlu’n ei adnabod yn dda yn barod."
    ),
    "The sister of a woman killed by a serial abuser": "Chwaer i fenyw a laddwyd gan gamdriniwr cyfresol",
    # Petition
    "Register serial abusers and stalkers": "Cofrestrwch gamdrinwyr a stelcwyr cyfresol",
    "Sign our petition for a register of serial domestic abuse and stalking perpetrators.": (
        "Llofnodwch ein deiseb dros gofrestr o gyflawnwyr cyfresol cam-drin domestig a stelcian."
    ),
    "We call on the Government to register serial domestic abusers and stalkers and manage them like other "
    "dangerous offenders, under MAPPA.": (
        "Rydym yn galw ar y Llywodraeth i gofrestru camdrinwyr domestig a stelcwyr cyfresol a’u rheoli fel "
        "troseddwyr peryglus eraill, dan MAPPA."
    ),
    "Many domestic homicides are committed by men who had abused partners before. Police and probation often "
    "knew, but nobody was responsible for managing the risk they posed.": (
        "Mae llawer o laddiadau domestig yn cael eu cyflawni gan ddynion a oedd wedi cam-drin partneriaid o’r "
        "blaen. Roedd yr heddlu a’r gwasanaeth prawf yn aml yn gwybod, ond doedd neb yn gyfrifol am reoli’r "
        "risg roeddent yn ei pheri."
    ),
    "A register would mean serial perpetrators are identified, actively managed and monitored, so the next "
    "partner does not have to find out the hard way.": (
        "Byddai cofrestr yn golygu bod cyflawnwyr cyfresol yn cael eu hadnabod, eu rheoli’n weithredol a’u "
        "monitro, fel nad oes rhaid i’r partner nesaf ddod i wybod yn y ffordd anodd."
    ),
    "We have sent you an email. Open the link in it and press <b>Confirm</b> to add your name. If it has not "
    "arrived in a few minutes, look in your spam folder.": (
        "Rydym wedi anfon e-bost atoch. Agorwch y ddolen ynddo a phwyso <b>Cadarnhau</b> i ychwanegu eich enw. "
        "Os nad yw wedi cyrraedd ymhen ychydig funudau, edrychwch yn eich ffolder sbam."
    ),
    "Thank you. Your signature has been added and will appear in the count within a minute.": (
        "Diolch. Mae eich llofnod wedi’i ychwanegu a bydd yn ymddangos yn y cyfrif o fewn munud."
    ),
    "This petition is no longer collecting signatures. Thank you to everyone who signed.": (
        "Nid yw’r ddeiseb hon yn casglu llofnodion bellach. Diolch i bawb a’i llofnododd."
    ),
    # Letter to your MP
    "Write to your MP": "Ysgrifennwch at eich Aelod Seneddol",
    "Find your MP from your postcode and write them a letter, in your own words.": (
        "Dewch o hyd i’ch Aelod Seneddol o’ch cod post ac ysgrifennwch lythyr ato, yn eich geiriau eich hun."
    ),
    "Ask your MP to back a register of serial domestic abuse and stalking perpetrators. Enter your postcode to "
    "find your MP, then add a few words of your own.": (
        "Gofynnwch i’ch Aelod Seneddol gefnogi cofrestr o gyflawnwyr cyfresol cam-drin domestig a stelcian. "
        "Rhowch eich cod post i ddod o hyd i’ch Aelod Seneddol, yna ychwanegwch ychydig eiriau eich hun."
    ),
    "MPs' offices treat identical letters as campaign mail. A few sentences in your own words, about why this "
    "matters to you, make your letter count.": (
        "Mae swyddfeydd Aelodau Seneddol yn trin llythyrau unfath fel post ymgyrch. Mae ychydig frawddegau yn "
        "eich geiriau eich hun, am pam mae hyn yn bwysig i chi, yn gwneud i’ch llythyr gyfrif."
    ),
    # Support index (the guidance page's parent)
    "Support": "Cymorth",
    "Guidance and helplines for people experiencing domestic abuse or stalking.": (
        "Canllawiau a llinellau cymorth i bobl sy’n profi cam-drin domestig neu stelcian."
    ),
    "Plain guidance on abuse and stalking, your rights, and where to get help. Every page lists the helplines, "
    "and the Exit this page button is always at the top.": (
        "Canllawiau clir am gam-drin domestig, stelcian a rheolaeth drwy orfodaeth, eich hawliau, a ble i gael "
        "help. Mae pob tudalen yn rhestru’r llinellau cymorth, ac mae’r botwm Gadael y dudalen hon bob amser ar "
        "y brig."
    ),
    # Guidance: Clare's Law
    "Clare's Law: your right to ask": "Cyfraith Clare: eich hawl i ofyn",
    "You can ask the police whether a partner has a record of abuse or violence.": (
        "Gallwch ofyn i’r heddlu a oes gan bartner hanes o gam-drin neu drais."
    ),
    "The Domestic Violence Disclosure Scheme, known as Clare's Law, lets you ask the police whether your "
    "partner, or a friend's or relative's partner, has a history of abuse or violence. This is the right to "
    "ask. The police can also decide to tell you on their own initiative: the right to know.": (
        "Mae’r Cynllun Datgelu Trais Domestig, a elwir yn Gyfraith Clare, yn gadael i chi ofyn i’r heddlu a "
        "oes gan eich partner, neu bartner ffrind neu berthynas, hanes o gam-drin neu drais. Dyma’r hawl i "
        "ofyn. Gall yr heddlu hefyd benderfynu dweud wrthych ar eu liwt eu hunain: yr hawl i wybod."
    ),
    "How asking works": "Sut mae gofyn yn gweithio",
    "You can ask at a police station, by phone on 101, or online through your police force. The police check "
    "their records and, if there is a risk to you, a trained officer tells you in person and talks you "
    "through a safety plan.": (
        "Gallwch ofyn mewn gorsaf heddlu, dros y ffôn ar 101, neu ar-lein drwy eich heddlu. Mae’r heddlu’n "
        "gwirio eu cofnodion ac, os oes risg i chi, bydd swyddog hyfforddedig yn dweud wrthych wyneb yn wyneb "
        "ac yn mynd drwy gynllun diogelwch gyda chi."
    ),
    "Will my partner find out that I asked?": "A fydd fy mhartner yn dod i wybod fy mod wedi gofyn?",
    "The police do not tell the person who asked about them. Make sure the police know a safe way and time "
    "to contact you.": (
        "Nid yw’r heddlu’n dweud wrth yr unigolyn pwy a ofynnodd amdano. Gwnewch yn siŵr bod yr heddlu’n "
        "gwybod am ffordd ac amser diogel i gysylltu â chi."
    ),
    "How long does it take?": "Faint o amser mae’n ei gymryd?",
    "Guidance asks forces to decide within 28 days, and faster when you are at immediate risk.": (
        "Mae’r canllawiau’n gofyn i heddluoedd benderfynu o fewn 28 diwrnod, ac yn gynt os ydych mewn perygl "
        "uniongyrchol."
    ),
    "We can help you ask": "Gallwn eich helpu i ofyn",
    "Tell us what worries you, and a caseworker helps you apply to the right police force, contacting you only "
    "in the way you say is safe.": (
        "Dywedwch wrthym beth sy’n eich poeni, a bydd gweithiwr achos yn eich helpu i wneud cais i’r heddlu "
        "cywir, gan gysylltu â chi dim ond yn y ffordd rydych yn dweud sy’n ddiogel."
    ),
    "Ask the police with our help": "Gofyn i’r heddlu gyda’n help ni",
    "If you are in danger while you wait, call 999.": "Os ydych mewn perygl tra byddwch yn aros, ffoniwch 999.",
    # Disclosure request page
    "Ask the police about someone's past": "Gofyn i’r heddlu am orffennol rhywun",
    "Clare's Law: ask the police whether a partner has a history of abuse. We can help you ask.": (
        "Cyfraith Clare: gofynnwch i’r heddlu a oes gan bartner hanes o gam-drin. Gallwn eich helpu i ofyn."
    ),
    "Under the Domestic Violence Disclosure Scheme (Clare's Law) you can ask the police whether a partner, or "
    "the partner of someone you care about, has a record of abuse or violence. This is the <b>right to ask</b>. "
    "The police can also decide to tell someone without being asked: the <b>right to know</b>.": (
        "Dan y Cynllun Datgelu Trais Domestig (Cyfraith Clare) gallwch ofyn i’r heddlu a oes gan bartner, neu "
        "bartner rhywun sy’n annwyl i chi, hanes o gam-drin neu drais. Dyma’r <b>hawl i ofyn</b>. Gall yr "
        "heddlu hefyd benderfynu dweud wrth rywun heb i neb ofyn: yr <b>hawl i wybod</b>."
    ),
    "Scotland has its own Disclosure Scheme for Domestic Abuse, and Northern Ireland its Domestic Violence and "
    "Abuse Disclosure Scheme. They work in much the same way.": (
        "Mae gan yr Alban ei Chynllun Datgelu ei hun ar gyfer Cam-drin Domestig, a Gogledd Iwerddon ei Chynllun "
        "Datgelu Trais a Cham-drin Domestig. Maent yn gweithio mewn ffordd debyg iawn."
    ),
    "The police decide whether to tell you anything, and it usually takes around 28 days. Our caseworkers can "
    "help you ask, contact you only in the way you tell us is safe, and support you whatever the answer.": (
        "Yr heddlu sy’n penderfynu a fyddant yn dweud unrhyw beth wrthych, ac fel arfer mae’n cymryd tua 28 "
        "diwrnod. Gall ein gweithwyr achos eich helpu i ofyn, cysylltu â chi dim ond yn y ffordd rydych yn "
        "dweud sy’n ddiogel, a’ch cefnogi beth bynnag fo’r ateb i’ch cais am ddatgeliad."
    ),
    "If you are in danger now, call <b>999</b>. If you cannot speak, call 999, listen, and press <b>55</b> "
    "when asked (the Silent Solution).": (
        "Os ydych mewn perygl nawr, ffoniwch <b>999</b>. Os na allwch siarad, ffoniwch 999, gwrandewch, a "
        "phwyswch <b>55</b> pan ofynnir i chi (y Datrysiad Tawel)."
    ),
    "We delete unfinished answers after 30 minutes without a step, or at once when you use <b>Exit this "
    "page</b>.": (
        "Rydym yn dileu atebion anorffenedig ar ôl 30 munud heb gam, neu ar unwaith pan fyddwch yn defnyddio "
        "<b>Gadael y dudalen hon</b>."
    ),
    "We delete the details twelve months after your request is closed, keeping only anonymous counts.": (
        "Rydym yn dileu’r manylion ddeuddeg mis ar ôl cau eich cais, gan gadw cyfrifon dienw yn unig."
    ),
    "Thank you. A caseworker will contact you in the way you told us is safe, usually within two working days.": (
        "Diolch. Bydd gweithiwr achos yn cysylltu â chi yn y ffordd y dywedoch wrthym sy’n ddiogel, fel arfer o "
        "fewn dau ddiwrnod gwaith."
    ),
}

# Machine-drafted and awaiting review: every Urdu page says so (includes/language_switcher.html).
URDU = {
    "Waymark": "Waymark",
    "Waymark: register serial domestic abusers and stalkers": (
        "Waymark: بار بار گھریلو زیادتی کرنے والوں اور پیچھا کرنے والوں کا اندراج"
    ),
    "A register for serial domestic abuse and stalking perpetrators.": (
        "بار بار گھریلو زیادتی اور پیچھا کرنے والے مجرموں کے لیے ایک رجسٹر۔"
    ),
    "Serial domestic abusers and stalkers move from victim to victim, unseen. We campaign for them to be "
    "identified, registered and managed, and we support survivors.": (
        "بار بار گھریلو زیادتی کرنے والے اور پیچھا کرنے والے بغیر کسی کی نظر میں آئے ایک متاثرہ سے دوسرے تک جاتے"
        " ہیں۔ ہم مہم چلاتے ہیں کہ ان کی شناخت، اندراج اور نگرانی ہو، اور ہم متاثرین کی مدد کرتے ہیں۔"
    ),
    "Support": "مدد",
    "Guidance and helplines for people experiencing domestic abuse or stalking.": (
        "گھریلو زیادتی یا پیچھا کیے جانے کا سامنا کرنے والوں کے لیے رہنمائی اور ہیلپ لائنز۔"
    ),
    "Plain guidance on abuse and stalking, your rights, and where to get help. Every page lists the helplines, "
    "and the Exit this page button is always at the top.": (
        "زیادتی اور پیچھا کیے جانے، آپ کے حقوق، اور مدد کہاں سے ملے، اس پر سادہ رہنمائی۔ ہر صفحے پر ہیلپ لائنز"
        " درج ہیں، اور ’یہ صفحہ چھوڑیں‘ کا بٹن ہمیشہ اوپر ہوتا ہے۔"
    ),
    "Clare's Law: your right to ask": "کلیئر کا قانون: آپ کا پوچھنے کا حق",
    "You can ask the police whether a partner has a record of abuse or violence.": (
        "آپ پولیس سے پوچھ سکتے ہیں کہ کیا کسی ساتھی کا زیادتی یا تشدد کا ریکارڈ ہے۔"
    ),
    "How asking works": "پوچھنے کا طریقہ",
    "How long does it take?": "اس میں کتنا وقت لگتا ہے؟",
    "Will my partner find out that I asked?": "کیا میرے ساتھی کو پتا چلے گا کہ میں نے پوچھا؟",
    "If you are in danger while you wait, call 999.": "اگر انتظار کے دوران آپ خطرے میں ہوں تو 999 پر کال کریں۔",
}

# (path under the English home, language → strings). The home page comes first: the others hang from it.
PAGES = [
    ("/", {"cy": WELSH, "ur": URDU}),
    ("/campaign/", {"cy": WELSH}),
    ("/petition/", {"cy": WELSH}),
    ("/write-to-your-mp/", {"cy": WELSH}),
    ("/support/", {"cy": WELSH, "ur": URDU}),
    ("/support/clares-law/", {"cy": WELSH, "ur": URDU}),
    ("/ask-the-police/", {"cy": WELSH}),
]


def run(stdout):
    if not getattr(settings, "WAYMARK_DEMO_TRANSLATIONS", True):
        return
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    made = []
    enabled = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    for path, by_language in PAGES:
        page = Page.objects.filter(url_path=home.url_path + path.lstrip("/")).first()
        if page is None:
            continue
        for language, strings in by_language.items():
            if language not in enabled:
                continue
            locale, _ = Locale.objects.get_or_create(language_code=language)
            if translate(page.specific, locale, strings):
                made.append(f"{page.title} ({language})")
    if made:
        stdout.write("Demo translations: " + ", ".join(made) + ".")


def translate(page, locale, strings):
    """Translate `page` into `locale` with `strings` and publish it, unless it is already translated."""
    if page.has_translation(locale):
        return False
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": _string_data(text)},
        )
    # Saved as a draft, then published here and now: `save_target(publish=True)` publishes when the transaction
    # commits, from the page as it was before its children were added, which would undo their count in the
    # tree (seed_demo makes every translation in one transaction; the admin makes one per request).
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()
    return True


def _string_data(text):
    """Strings are stored as Localize's normalised HTML, whether the field is plain text or rich text."""
    value = StringValue.from_translated_html(text) if "<" in text else StringValue.from_plaintext(text)
    return value.data
