"""What a letter says unless the page says otherwise: the standard wording to an MP in English and Welsh (a
page may change it), the wording to each other office (a commissioner or mayor, an MSP, a Member of the
Senedd, an MLA) with its thank-you variant for someone who already supports the register, the placeholders a
wording may use, the paragraph prompts and guidance, and how the letter is addressed."""

import re

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from geography.models import Body
from geography.representatives import POST_NOMINALS

# {mp_name} and {recipient_name} are the same: the name of whoever the letter goes to.
PLACEHOLDERS = (
    "mp_name",
    "recipient_name",
    "office",
    "constituency",
    "sender_name",
    "sender_address",
    "personal_paragraph",
)
PLACEHOLDER_PATTERN = re.compile(r"\{([a-z_]+)\}")

DEFAULT_SUBJECT = "Please back a register of serial domestic abuse and stalking perpetrators"
DEFAULT_TEMPLATE = """Dear {mp_name},

I am writing to you as a constituent in {constituency} to ask you to support a register of serial domestic \
abuse and stalking perpetrators.

{personal_paragraph}

Serial perpetrators move from one partner to the next, and too often nobody joins the dots until someone \
is badly hurt or killed. A register, managed through MAPPA by the police, probation and prisons, would mean \
they are identified early and actively managed.

Will you support the call for a register, and raise it with the Home Secretary?

Yours sincerely,

{sender_name}
{sender_address}"""
# The same letter in Welsh: a page's Welsh letter unless staff write their own (letter_template_cy).
DEFAULT_SUBJECT_CY = "Cefnogwch gofrestr o gyflawnwyr cyfresol cam-drin domestig a stelcian"
DEFAULT_TEMPLATE_CY = """Annwyl {mp_name},

Rwy'n ysgrifennu atoch fel etholwr yn {constituency} i ofyn i chi gefnogi cofrestr o gyflawnwyr cyfresol \
cam-drin domestig a stelcian.

{personal_paragraph}

Mae cyflawnwyr cyfresol yn symud o un partner i'r nesaf, ac yn rhy aml does neb yn cysylltu'r dotiau nes bod \
rhywun wedi'i anafu'n ddifrifol neu wedi'i ladd. Byddai cofrestr, wedi'i rheoli drwy MAPPA gan yr heddlu, y \
gwasanaeth prawf a'r carchardai, yn golygu bod y cyflawnwyr hyn yn cael eu hadnabod yn gynnar a'u rheoli'n \
weithredol.

A wnewch chi gefnogi'r alwad am gofrestr, a'i chodi gyda'r Ysgrifennydd Cartref?

Yn gywir,

{sender_name}
{sender_address}"""
# Where the letter goes, in the language of the letter.
PARLIAMENT_ADDRESS = _("House of Commons\nLondon SW1A 0AA")
PDF_FILENAMES = {"en-gb": "letter-to-your-mp.pdf", "cy": "llythyr-at-eich-as.pdf"}
# A letter to anyone else: the file is named for a letter to a representative.
OTHER_PDF_FILENAMES = {
    "en-gb": "letter-to-your-representative.pdf",
    "cy": "llythyr-at-eich-cynrychiolydd.pdf",
}
DEFAULT_PROMPTS = """Why does this matter to you?
Has domestic abuse or stalking touched you, your family, your friends or your community?
What would you like your MP to do?"""


def recipient(result, language=None):
    """The MP's name and address, as the letter is headed, in the letter's language."""
    with translation.override(language or translation.get_language()):
        return gettext("%(mp)s MP") % {"mp": result.mp_name} + "\n" + str(PARLIAMENT_ADDRESS)


# The letter to each other office, in English and Welsh: its subject, why it is written to this office (the
# ask) and, for someone who has already said they support the register, the thanks instead.
_FRAME = """{greeting} {{recipient_name}},

{opening}

{{personal_paragraph}}

{middle}

{ask}

{closing}

{{sender_name}}
{{sender_address}}"""
_EN = {
    "greeting": "Dear",
    "opening": "I am writing to you, as {office}, to ask you to support a register of serial domestic abuse "
    "and stalking perpetrators. I live in {constituency}.",
    "opening_thanks": "I am writing to you, as {office}, to thank you for supporting a register of serial "
    "domestic abuse and stalking perpetrators. I live in {constituency}.",
    "middle": "Serial perpetrators move from one partner to the next, and too often nobody joins the dots "
    "until someone is badly hurt or killed. A register, managed through MAPPA by the police, probation and "
    "prisons, would mean they are identified early and actively managed.",
    "closing": "Yours sincerely,",
}
_CY = {
    "greeting": "Annwyl",
    "opening": "Rwy'n ysgrifennu atoch, fel {office}, i ofyn i chi gefnogi cofrestr o gyflawnwyr cyfresol "
    "cam-drin domestig a stelcian. Rwy'n byw yn {constituency}.",
    "opening_thanks": "Rwy'n ysgrifennu atoch, fel {office}, i ddiolch i chi am gefnogi cofrestr o "
    "gyflawnwyr cyfresol cam-drin domestig a stelcian. Rwy'n byw yn {constituency}.",
    "middle": "Mae cyflawnwyr cyfresol yn symud o un partner i'r nesaf, ac yn rhy aml does neb yn cysylltu'r "
    "dotiau nes bod rhywun wedi'i anafu'n ddifrifol neu wedi'i ladd. Byddai cofrestr, wedi'i rheoli drwy "
    "MAPPA gan yr heddlu, y gwasanaeth prawf a'r carchardai, yn golygu bod y cyflawnwyr hyn yn cael eu "
    "hadnabod yn gynnar a'u rheoli'n weithredol.",
    "closing": "Yn gywir,",
}
# body -> language -> (subject, ask, thanks)
OFFICE_WORDING = {
    Body.POLICING: {
        "en": (
            "Please fund a Serial Priority Perpetrator Caseworker in our police force area",
            "Will you fund a Serial Priority Perpetrator Caseworker in our police force area, so that the "
            "most dangerous repeat perpetrators are tracked and managed here?",
            "Thank you for your support. Will you now fund a Serial Priority Perpetrator Caseworker in our "
            "police force area, and say so publicly?",
        ),
        "cy": (
            "Ariannwch Weithiwr Achos Cyflawnwyr Blaenoriaeth Cyfresol yn ardal ein heddlu",
            "A wnewch chi ariannu Gweithiwr Achos Cyflawnwyr Blaenoriaeth Cyfresol yn ardal ein heddlu, fel "
            "bod y cyflawnwyr mwyaf peryglus sy'n aildroseddu yn cael eu dilyn a'u rheoli yma?",
            "Diolch am eich cefnogaeth. A wnewch chi nawr ariannu Gweithiwr Achos Cyflawnwyr Blaenoriaeth "
            "Cyfresol yn ardal ein heddlu, a dweud hynny'n gyhoeddus?",
        ),
    },
    Body.SCOTTISH_PARLIAMENT: {
        "en": (
            "Please press the Scottish Government for a register of serial perpetrators",
            "Policing and justice are devolved. Will you press the Scottish Government to create a register "
            "and to manage serial perpetrators actively?",
            "Thank you for your support. Will you keep pressing the Scottish Government to create a "
            "register, and raise it in the Parliament?",
        ),
        "cy": (
            "Pwyswch ar Lywodraeth yr Alban am gofrestr o gyflawnwyr cyfresol",
            "Mae plismona a chyfiawnder wedi'u datganoli. A wnewch chi bwyso ar Lywodraeth yr Alban i greu "
            "cofrestr ac i reoli cyflawnwyr cyfresol yn weithredol?",
            "Diolch am eich cefnogaeth. A wnewch chi barhau i bwyso ar Lywodraeth yr Alban i greu cofrestr, "
            "a'i chodi yn y Senedd?",
        ),
    },
    Body.SENEDD: {
        "en": (
            "Please press the Welsh Government to back a register of serial perpetrators",
            "Will you press the Welsh Government to back a register, and to make managing serial "
            "perpetrators part of its work on violence against women, domestic abuse and sexual violence?",
            "Thank you for your support. Will you keep pressing the Welsh Government to back a register, and "
            "raise it in the Senedd?",
        ),
        "cy": (
            "Pwyswch ar Lywodraeth Cymru i gefnogi cofrestr o gyflawnwyr cyfresol",
            "A wnewch chi bwyso ar Lywodraeth Cymru i gefnogi cofrestr, ac i wneud rheoli cyflawnwyr "
            "cyfresol yn rhan o'i gwaith ar drais yn erbyn menywod, cam-drin domestig a thrais rhywiol?",
            "Diolch am eich cefnogaeth. A wnewch chi barhau i bwyso ar Lywodraeth Cymru i gefnogi cofrestr, "
            "a'i chodi yn y Senedd?",
        ),
    },
    Body.NI_ASSEMBLY: {
        "en": (
            "Please press the Executive for a register of serial perpetrators",
            "Policing and justice are devolved. Will you press the Justice Minister and the Executive to "
            "create a register and to manage serial perpetrators actively?",
            "Thank you for your support. Will you keep pressing the Justice Minister to create a register, "
            "and raise it in the Assembly?",
        ),
        "cy": (
            "Pwyswch ar y Weithrediaeth am gofrestr o gyflawnwyr cyfresol",
            "Mae plismona a chyfiawnder wedi'u datganoli. A wnewch chi bwyso ar y Gweinidog Cyfiawnder a'r "
            "Weithrediaeth i greu cofrestr ac i reoli cyflawnwyr cyfresol yn weithredol?",
            "Diolch am eich cefnogaeth. A wnewch chi barhau i bwyso ar y Gweinidog Cyfiawnder i greu "
            "cofrestr, a'i chodi yn y Cynulliad?",
        ),
    },
}
# Beside the letter form: how to make a letter to this office count.
GUIDANCE = {
    Body.WESTMINSTER: _(
        "MPs' offices treat identical letters as campaign mail. A few sentences in your own words make your "
        "letter count."
    ),
    Body.POLICING: _(
        "Commissioners and mayors set their area's police and crime plan and budget. Say where you live, and "
        "why a caseworker for serial perpetrators would matter there."
    ),
    Body.SCOTTISH_PARLIAMENT: _(
        "You can write to your constituency MSP and to any of your regional MSPs. Say in your own words why "
        "this matters to you."
    ),
    Body.SENEDD: _(
        "Each of your Members of the Senedd represents you. Say in your own words why this matters to you."
    ),
    Body.NI_ASSEMBLY: _("Each of your MLAs represents you. Say in your own words why this matters to you."),
}


def office_wording(body, language, *, thanks=False):
    """(subject, letter template) for a letter to someone in `body` other than Westminster."""
    welsh = (language or "").split("-")[0] == "cy"
    words = _CY if welsh else _EN
    subject, ask, thanked = OFFICE_WORDING[body]["cy" if welsh else "en"]
    template = _FRAME.format(
        greeting=words["greeting"],
        opening=words["opening_thanks" if thanks else "opening"],
        middle=words["middle"],
        ask=thanked if thanks else ask,
        closing=words["closing"],
    )
    return subject, template


def address(choice_recipient, result, language=None):
    """How a letter to anyone (a geography.representatives.Recipient) is headed, in the letter's language."""
    if choice_recipient.is_mp:
        return recipient(result, language)
    with translation.override(language or translation.get_language()):
        name = choice_recipient.name
        if choice_recipient.body in POST_NOMINALS:
            name = f"{name} {POST_NOMINALS[choice_recipient.body]}"
        lines = [name]
        if choice_recipient.body not in POST_NOMINALS or choice_recipient.office_title:
            lines.append(choice_recipient.office(language))
        # Only the address staff or an import recorded for them: none is made up.
        lines += [line.strip() for line in choice_recipient.postal_address.splitlines() if line.strip()]
        return "\n".join(lines)
