"""Template filters for the support pages."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def in_reader_language(text):
    """A page's editable text in the reader's language while it is still the model's default.

    The defaults (support.models.disclosure_page and callback_page, marked with gettext_noop) are msgids of
    the catalogs, so a page whose editors have not changed a field shows its Welsh on a Welsh page. Text an
    editor wrote is no msgid: it comes back as it is.
    """
    return gettext(text) if isinstance(text, str) and text else text
