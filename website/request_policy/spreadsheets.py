"""Formula-safe exports: a cell that starts like a formula is exported as text, never run, and no cell holds a
direction control (website.request_policy.text_direction)."""

from wagtail.admin.views.generic import IndexView

from website.request_policy.text_direction import without_bidi_controls

# Spreadsheets run a cell starting with one of these as a formula (tab and line breaks too, after trimming).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def starts_like_formula(text):
    return str(text).startswith(FORMULA_PREFIXES)


def spreadsheet_safe(value):
    """The value as text, with no direction controls and a leading quote when it would otherwise run as a
    formula."""
    text = "" if value is None else without_bidi_controls(str(value))
    return "'" + text if starts_like_formula(text) else text


class FormulaSafeExportMixin:
    """For a Wagtail IndexView with `list_export`: every text cell of the CSV or XLSX is formula-safe."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if isinstance(value, str) else value


class FormulaSafeIndexView(FormulaSafeExportMixin, IndexView):
    pass
