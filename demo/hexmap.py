"""Demo content for the constituency hexmap: the 2024 layout from the shared sample data, when it is there.

The layout file (Open Innovations, MIT) is read from settings.SHARED_DATA_DIR, beside the checkout, and never
copied into the repository. A layout already loaded is left alone, so a newer one imported by staff stays.
"""

from django.conf import settings

from geography.hexjson import import_hexmap
from geography.models import ConstituencyHex

LAYOUT = "hexmaps/uk-constituencies-2024.hexjson"
REFERENCE = "parliament/constituencies_2024.json"


def run(stdout):
    if ConstituencyHex.objects.exists():
        stdout.write("Constituency map: layout already loaded, left as it is.")
        return
    layout, reference = settings.SHARED_DATA_DIR / LAYOUT, settings.SHARED_DATA_DIR / REFERENCE
    if not layout.exists():
        stdout.write(
            f"Constituency map: skipped, no layout at {layout}. The petition and campaign pages show tables "
            "instead; load one with `manage.py import_hexmap PATH`."
        )
        return
    report = import_hexmap(layout, reference if reference.exists() else None)
    stdout.write(
        f"Constituency map: {report.placed} constituencies placed, {len(report.by_name)} matched by name "
        f"({', '.join(name for _old, _new, name in report.by_name)})."
    )
