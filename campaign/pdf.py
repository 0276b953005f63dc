"""The finished letter as an A4 PDF, made with fpdf2 (pure Python: no system packages needed)."""

import os
import unicodedata

from django.conf import settings
from django.utils import formats, translation
from fpdf import FPDF

FONT = "letter"


def _font(document):
    """A Unicode TrueType font when one is installed; Helvetica (Latin-1 only) otherwise."""
    path = settings.LETTER_PDF_FONT
    if path and os.path.exists(path):
        document.add_font(FONT, fname=path)
        return FONT, False
    return "helvetica", True


def _latin1(text):
    """Fold what Helvetica cannot draw: 'Glyndŵr' → 'Glyndwr', curly quotes → straight, else '?'."""
    text = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-"})
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(folded if folded and all(ord(c) < 256 for c in folded) else "?")
    return "".join(out)


def letter_date(dated, language=None):
    """The date as the letter gives it ("1 December 2026", "1 Rhagfyr 2026")."""
    with translation.override(language or translation.get_language()):
        return formats.date_format(dated, "j F Y")


def letter_pdf(*, subject, body, recipient, dated, language=None):
    """The writer's own address is in the body (the letter template ends with it). `language` is the letter's:
    the date is written in it, and the PDF says it (screen readers pick their voice from it)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    document = FPDF(format="A4")
    document.set_margins(25, 25, 25)
    document.set_auto_page_break(True, margin=25)
    document.set_title(subject)
    document.set_creator("Waymark")
    document.set_lang(language)
    family, fold = _font(document)
    clean = _latin1 if fold else (lambda text: text)
    document.add_page()
    document.set_font(family, size=11)
    width = document.epw
    document.multi_cell(width, 5.5, letter_date(dated, language), align="R", new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    document.multi_cell(width, 5.5, clean(recipient), new_x="LMARGIN", new_y="NEXT")
    document.ln(8)
    document.set_font(family, size=12)
    document.multi_cell(width, 6, clean(subject), new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    document.set_font(family, size=11)
    document.multi_cell(width, 5.5, clean(body), new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())
