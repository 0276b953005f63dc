"""What a letter to an MP says unless the page says otherwise: the standard wording in English and Welsh,
the placeholders a wording may use, the paragraph prompts, and how the letter is addressed."""

import re

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = ("mp_name", "constituency", "sender_name", "sender_address", "personal_paragraph")
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
DEFAULT_PROMPTS = """Why does this matter to you?
Has domestic abuse or stalking touched you, your family, your friends or your community?
What would you like your MP to do?"""


def recipient(result, language=None):
    """The MP's name and address, as the letter is headed, in the letter's language."""
    with translation.override(language or translation.get_language()):
        return gettext("%(mp)s MP") % {"mp": result.mp_name} + "\n" + str(PARLIAMENT_ADDRESS)
