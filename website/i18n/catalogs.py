"""Our translation catalogs: where they are, compiling them, and whether a compiled .mo matches its .po.

The compiled .mo files are committed, so a fresh clone serves Welsh without GNU gettext installed;
`make messages` (the `compile_translations` command) rebuilds them, and tests/website/
test_translation_completeness.py fails when one no longer matches its .po.
"""

import shutil
import subprocess
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings


def locale_dirs():
    """LOCALE_PATHS, then each of our apps' own locale/ folder (not those of installed libraries)."""
    base = Path(settings.BASE_DIR).resolve()
    dirs = [Path(path).resolve() for path in settings.LOCALE_PATHS]
    for app in apps.get_app_configs():
        path = Path(app.path).resolve() / "locale"
        if path.is_relative_to(base) and ".venv" not in path.parts and path not in dirs:
            dirs.append(path)
    return dirs


# The gettext domains Django reads; any other .po in a locale folder is a working file, not a catalog.
DOMAINS = ("django", "djangojs")


def po_files(language=None):
    patterns = [f"{language or '*'}/LC_MESSAGES/{domain}.po" for domain in DOMAINS]
    return sorted(po for directory in locale_dirs() for pattern in patterns for po in directory.glob(pattern))


def _entries(catalog):
    """What a compiled catalog holds: every translated, non-fuzzy message, and the header."""
    entries = {}
    for entry in catalog:
        # A .mo holds translated entries only; a .po may have others, which compile to nothing.
        is_po = isinstance(entry, polib.POEntry)
        if is_po and (entry.obsolete or "fuzzy" in entry.flags or not entry.translated()):
            continue
        key = (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")
        if entry.msgid_plural:
            entries[key] = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
        else:
            entries[key] = entry.msgstr
    plural_forms = catalog.metadata.get("Plural-Forms", "").strip()
    return entries, plural_forms


def mo_is_current(po_path):
    """The .mo beside the .po exists and holds exactly the .po's translations and plural forms."""
    mo_path = Path(po_path).with_suffix(".mo")
    if not mo_path.exists():
        return False
    return _entries(polib.pofile(str(po_path))) == _entries(polib.mofile(str(mo_path)))


def compile_po(po_path):
    """Compile with GNU msgfmt when it is installed (it checks the formats as well), else with polib."""
    po_path = Path(po_path)
    mo_path = po_path.with_suffix(".mo")
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        subprocess.run([msgfmt, "--check-format", "-o", str(mo_path), str(po_path)], check=True)  # noqa: S603
    else:
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return mo_path
