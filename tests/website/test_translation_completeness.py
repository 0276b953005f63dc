"""Every user-facing string is translated: this fails on any user-facing string left outside translation.

Four layers, each able to fail on its own:
1. Templates: every public template (templates/ and each app's templates/) is read with Django's template
   Lexer; the text outside {% translate %} / {% blocktranslate %}, and the attributes people read or hear
   (aria-label, title, alt, placeholder…), must hold no word but a brand name. Literal captions passed to
   tags must be _("…"), and `|pluralize` (English plurals only) is refused.
2. Catalogs: every string the templates, scripts and our apps' Python mark is in a Welsh catalog, and
   every Welsh entry of every catalog of ours has a non-fuzzy translation with the same placeholders and
   markup as the English, under Welsh plural forms. Each committed .mo says what its .po says
   (`make messages` rebuilds them).
3. Rendering: the main public pages, shown in Welsh, say the interface in Welsh and not in English.
4. The scripts' catalog (website/i18n/javascript_catalog.py) is served from this site, cacheable, and holds
the Welsh.

Staff-only templates are listed in STAFF_ONLY; the lead extends it (never with a page the public sees).
"""

import ast
import fnmatch
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.test import Client
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import templatize

from website.i18n import catalogs

BASE_DIR = Path(settings.BASE_DIR)
TEMPLATE_ROOTS = [BASE_DIR / "templates", *sorted(BASE_DIR.glob("*/templates"))]
SCRIPTS = sorted((BASE_DIR / "static" / "js").glob("*.js"))

# Seen only by signed-in staff (the Wagtail admin, casework, staff emails): Wagtail's own admin is in English,
# and these follow it. Paths are relative to a templates/ folder; shell-style wildcards.
STAFF_ONLY = [
    "wagtailadmin/*",
    "wagtailcore/shared/block_preview.html",
    "two_factor/*",
    "support/admin/*",
    "petition/admin/*",
    "campaign/consent_review_panel.html",
    "emails/two_factor/*",
    "emails/support/*",
    "emails/petition/alert.txt",
    "website/admin/*",
]

# Public templates still being put through translation: expected to fail while listed; strict, so a
# template that passes fails here until it is taken off the list (which stays empty otherwise).
PENDING_ELSEWHERE = []

# Text that is deliberately the same in every language, by template: the language switcher names itself in
# both languages so that someone who reads only one of them can find it; so does the machine-drafted
# notice.
MULTILINGUAL = {
    "includes/language_switcher.html": {'aria-label="Language / Iaith"'},
    "includes/language_notice.html": {'aria-label="Translation"'},
}

# Words that are the same in every language: the charity's name.
BRAND_WORDS = {"Waymark"}
# Attributes that a person reads or a screen reader says.
SPOKEN_ATTRIBUTES = {
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-placeholder",
    "title",
    "alt",
    "placeholder",
    "label",
}
# Arguments of template tags that end up on the page (captions, headings, button and link text).
SPOKEN_ARGUMENTS = {
    "caption",
    "heading",
    "table_text",
    "title",
    "label",
    "text",
    "help_text",
    "button_label",
    "alt",
    "summary",
    "message",
    "headline",
    "noun",
    "description",
    "placeholder",
}

WELSH_PLURAL_FORMS = "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;"
# Urdu is a machine draft: only what keeps someone safe is drafted (the rest falls back to English).
URDU_REQUIRED = [
    "Skip to main content",
    "Exit this page",
    "Quick exit",
    "quickly (or press Shift three times)",
    "Leaving this site quickly",
    "Press Shift %(count)s more time to exit this page.",
]


def relative_name(path):
    for root in TEMPLATE_ROOTS:
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    raise ValueError(path)


def is_staff_only(name):
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in STAFF_ONLY)


def public_templates():
    found = []
    for root in TEMPLATE_ROOTS:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".html", ".txt"} and not is_staff_only(relative_name(path)):
                found.append(path)
    return found


# --- 1. Templates -------------------------------------------------------------------------------------------

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
HOLE = "\x00"  # where a {{ variable }} or {% tag %} was: never a word, and keeps attributes in one piece
WORD = re.compile(r"[^\W\d_]{2,}")
WEB_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+|\S+@\S+\.\w+")
STRING_LITERAL = re.compile(r"""(_\()?("[^"]*"|'[^']*')""")
KWARG_LITERAL = re.compile(r"""(\w+)=("[^"]*"|'[^']*')""")
SKIPPED_BLOCKS = {
    "comment": "endcomment",
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "verbatim": "endverbatim",
}
# Template blocks that fill an attribute no one reads (base.html's <body class>).
SKIPPED_TEMPLATE_BLOCKS = {"body_class"}


def _words(text):
    text = WEB_ADDRESS.sub(" ", text.replace(HOLE, " "))
    return [word for word in WORD.findall(text) if word not in BRAND_WORDS]


class _SpokenText(HTMLParser):
    """Collects the words a person reads or hears: text outside <script>/<style>, and spoken attributes.
    Text inside an element that states its language (lang="en-GB") is deliberately in that language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._silent = 0
        self._stated = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._silent += 1
        attributes = dict(attrs)
        if "lang" in attributes and tag not in VOID_ELEMENTS:
            self._stated.append(tag)
        for name, value in attrs:
            spoken = name in SPOKEN_ATTRIBUTES or (
                name == "value" and tag == "input" and attributes.get("type") in {"submit", "button", "reset"}
            )
            if spoken and value and _words(value):
                self.found.append(f'{name}="{value.replace(HOLE, "{…}")}"')

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._silent:
            self._silent -= 1
        if self._stated and self._stated[-1] == tag:
            self._stated.pop()

    def handle_data(self, data):
        if not self._silent and not self._stated and _words(data):
            self.found.append(" ".join(data.replace(HOLE, "{…}").split()))


def untranslated_text(source, plain_text=False):
    """The user-facing text in a template's source that is not inside a translation tag."""
    text = []
    problems = []
    closing = None
    for token in Lexer(source).tokenize():
        if closing:
            if token.token_type == TokenType.BLOCK and token.split_contents()[0] == closing:
                closing = None
            continue
        if token.token_type == TokenType.TEXT:
            text.append(token.contents)
            continue
        text.append(HOLE)
        if token.token_type == TokenType.BLOCK:
            bits = token.split_contents()
            if bits[0] in SKIPPED_BLOCKS:
                closing = SKIPPED_BLOCKS[bits[0]]
            elif bits[0] == "block" and bits[1:2] and bits[1] in SKIPPED_TEMPLATE_BLOCKS:
                closing = "endblock"
            if bits[0] not in {"translate", "trans"}:
                for name, literal in KWARG_LITERAL.findall(token.contents):
                    if name in SPOKEN_ARGUMENTS and _words(literal):
                        problems.append(f"{{% {bits[0]} … {name}={literal} %}}: wrap it in _()")
        elif token.token_type == TokenType.VAR:
            if re.search(r"\|\s*pluralize\b", token.contents):
                problems.append(
                    f"{{{{ {token.contents} }}}}: |pluralize is English only; use blocktranslate count"
                )
            for translated, literal in STRING_LITERAL.findall(token.contents):
                if not translated and any(len(word) > 2 for word in _words(literal)):
                    problems.append(f"{{{{ {token.contents} }}}}: the literal {literal} is not translated")
    joined = "".join(text)
    if plain_text:
        problems += [
            " ".join(line.replace(HOLE, "{…}").split()) for line in joined.splitlines() if _words(line)
        ]
    else:
        parser = _SpokenText()
        parser.feed(joined)
        parser.close()
        problems += parser.found
    return problems


def _pending(path):
    if any(fnmatch.fnmatchcase(relative_name(path), pattern) for pattern in PENDING_ELSEWHERE):
        return pytest.param(path, marks=pytest.mark.xfail(strict=True, reason="translated on another branch"))
    return path


@pytest.mark.parametrize("path", [_pending(path) for path in public_templates()], ids=relative_name)
def test_a_public_template_shows_no_text_outside_translation(path):
    problems = untranslated_text(path.read_text(), plain_text=path.suffix == ".txt")
    problems = [problem for problem in problems if problem not in MULTILINGUAL.get(relative_name(path), ())]
    assert not problems, f"{relative_name(path)} has user-facing text outside translation:\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>Sign the petition</p>", ["Sign the petition"]),
        ('<nav aria-label="Main">{% translate "Menu" %}</nav>', ['aria-label="Main"']),
        ('<img alt="A survivor" src="x.png">', ['alt="A survivor"']),
        ('<input type="submit" value="Send">', ['value="Send"']),
        ('<p lang="cy">Cymraeg</p><p>English</p>', ["English"]),
        ('<a title="{{ name }} website" href="/">{% translate "Go" %}</a>', ['title="{…} website"']),
        ("<p>{{ count }} signature{{ count|pluralize }}</p>", ["signature"]),
        ('{% include "x.html" with caption="Signatures by country" %}', ["caption="]),
        ('{{ value|default:"No results yet" }}', ["No results yet"]),
        ("Dear {{ name }},\nThank you for signing.", ["Dear", "Thank you"]),
    ],
)
def test_the_template_check_finds_untranslated_text(source, expected):
    problems = "\n".join(untranslated_text(source, plain_text="Dear" in source))
    for fragment in expected:
        assert fragment in problems


@pytest.mark.parametrize(
    "source",
    [
        '{% load i18n %}<p>{% translate "Sign the petition" %}</p>',
        "<p>{% blocktranslate trimmed %}Call <b>999</b> now, {{ name }}.{% endblocktranslate %}</p>",
        '<a class="site-header__brand" href="/">Waymark</a> · <a href="tel:999">999</a>',
        '<div class="helpline{% if x %} helpline--emergency{% endif %}" data-noun="{{ noun }}"></div>',
        '{% comment %}Not shown to anyone.{% endcomment %}{# nor this #}<script>var a = "text";</script>',
        '{% include "x.html" with caption=_("Signatures by country") heading=_("Country") %}',
        '<p>{{ date|date:"j F Y" }} <a href="https://members.parliament.uk/">{{ link }}</a></p>',
        '<p lang="en-GB">Machine-drafted translation, <b>awaiting</b> review.</p>',
    ],
)
def test_the_template_check_passes_translated_text_markup_and_brand_names(source):
    assert untranslated_text(source) == []


def test_the_check_reads_every_template_folder_of_ours():
    names = {relative_name(path) for path in public_templates()}
    assert {"base.html", "components/quick_exit.html", "pages/petition_page.html"} <= names
    assert "petition/widgets/country_select.html" in names  # petition/templates/
    assert not any(name.startswith("wagtailadmin/") for name in names)


# --- 2. Catalogs --------------------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{(\w*)\}")
TAG = re.compile(r"</?([a-zA-Z][\w-]*)")


def placeholders(text):
    return Counter(match.group(0) for match in PLACEHOLDER.finditer(text.replace("%%", "")))


def tags(text):
    return Counter(TAG.findall(text))


def welsh_entries():
    for po_path in catalogs.po_files("cy"):
        for entry in polib.pofile(str(po_path)):
            if not entry.obsolete:
                yield po_path, entry


def marked_strings():
    """(context, msgid) of every string the public templates and the scripts mark for translation."""
    string = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    call = re.compile(rf"\b(gettext|pgettext|ngettext|npgettext|_)\(((?:\s*u?{string}\s*,?)+)")
    literal = re.compile(rf"u?({string})")
    found = set()
    sources = [(path, templatize(path.read_text(), origin=str(path))) for path in public_templates()]
    sources += [(path, path.read_text()) for path in SCRIPTS]
    for path, source in sources:
        for function, arguments in call.findall(source):
            strings = [
                ast.literal_eval(text) if path.suffix != ".js" else json.loads(text)
                for text in literal.findall(arguments)
            ]
            context = strings.pop(0) if function.startswith("p") or function.startswith("np") else ""
            if strings:
                found.add((context, strings[0], path.name))
    return found


GETTEXT_FUNCTIONS = {
    "_": 0, "gettext": 0, "gettext_lazy": 0, "ngettext": 0, "ngettext_lazy": 0,
    "pgettext": 1, "pgettext_lazy": 1, "npgettext": 1, "npgettext_lazy": 1,
}  # fmt: skip


def python_marked_strings():
    """(context, msgid, file) of every string our apps' Python code marks (the other engineers' part)."""
    found = set()
    for app in ("website", "campaign", "support", "petition"):
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name not in GETTEXT_FUNCTIONS:
                    continue
                strings = [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                has_context = GETTEXT_FUNCTIONS[name]
                if len(strings) > has_context:
                    found.add((strings[0] if has_context else "", strings[has_context], path.name))
    return found


def test_every_string_marked_in_python_is_in_a_welsh_catalog():
    translated = {(entry.msgctxt or "", entry.msgid) for _, entry in welsh_entries()}
    missing = sorted(
        f"{name}: {msgid!r}"
        for context, msgid, name in python_marked_strings()
        if (context, msgid) not in translated
    )
    assert not missing, "Run `make messages` and translate:\n" + "\n".join(missing)


def test_every_welsh_catalog_says_welsh_plural_forms():
    po_paths = catalogs.po_files("cy")
    assert BASE_DIR / "locale" / "cy" / "LC_MESSAGES" / "django.po" in po_paths
    assert BASE_DIR / "locale" / "cy" / "LC_MESSAGES" / "djangojs.po" in po_paths
    for po_path in po_paths:
        metadata = polib.pofile(str(po_path)).metadata
        assert metadata.get("Plural-Forms") == WELSH_PLURAL_FORMS, po_path
        assert metadata.get("Language") == "cy", po_path


def test_every_marked_string_is_in_a_welsh_catalog():
    marked = marked_strings()
    # The harvest itself works: templates (with context and plurals) and scripts.
    assert ("", "Skip to main content", "base.html") in marked
    assert ("map legend", "Key", "hexmap.html") in marked
    assert ("", "Press Shift %(count)s more time to exit this page.", "quick-exit.js") in marked
    translated = {(entry.msgctxt or "", entry.msgid) for _, entry in welsh_entries()}
    missing = sorted(
        f"{name}: {msgid!r}" + (f" (context {context!r})" if context else "")
        for context, msgid, name in marked_strings()
        if (context, msgid) not in translated
    )
    assert not missing, "Run `make messages` and translate:\n" + "\n".join(missing)


def test_every_welsh_entry_is_translated_with_the_same_placeholders_and_markup():
    problems = []
    for po_path, entry in welsh_entries():
        where = f"{po_path.relative_to(BASE_DIR)}: {entry.msgid!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"{where} is fuzzy (check the translation, then remove the flag)")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(6)]
            sources = [entry.msgid_plural] * 6
            if len(entry.msgstr_plural) != 6:
                problems.append(f"{where} has {len(entry.msgstr_plural)} plural forms, not Welsh's 6")
        else:
            forms, sources = [entry.msgstr], [entry.msgid]
        for index, (form, source) in enumerate(zip(forms, sources, strict=True)):
            # Welsh forms 0-4 each stand for one number (0, 1, 2, 3, 6), so they may say it in words and leave
            # out the number's placeholder ("dim llofnodion"); the last form, every other number, may not.
            one_number = entry.msgid_plural and index < 5
            missing = placeholders(source) - placeholders(form)
            if not form.strip():
                problems.append(f"{where} has no Welsh")
            elif one_number and placeholders(form) <= placeholders(source) and sum(missing.values()) <= 1:
                pass
            elif placeholders(form) != placeholders(source):
                problems.append(f"{where}: placeholders {dict(placeholders(form))} in {form!r}")
            elif tags(form) != tags(source):
                problems.append(f"{where}: markup {dict(tags(form))} in {form!r}")
    assert not problems, "\n".join(problems)


def test_the_catalog_checks_catch_a_missing_or_broken_translation():
    assert placeholders("%(name)s: %(counter)s letters") != placeholders("%(name)s: llythyrau")
    assert placeholders("%(percent)s%% o %(target)s") == placeholders("%(percent)s%% of %(target)s")
    assert tags('<a href="/">Go</a> <strong>x</strong>') != tags("Ewch <strong>x</strong>")


def test_urdu_drafts_what_keeps_someone_safe():
    entries = {
        entry.msgid: entry
        for po_path in catalogs.po_files("ur")
        for entry in polib.pofile(str(po_path))
        if not entry.obsolete
    }
    for msgid in URDU_REQUIRED:
        entry = entries[msgid]
        assert entry.translated() and "fuzzy" not in entry.flags, msgid
        assert "awaiting review" in entry.tcomment.lower(), msgid


@pytest.mark.parametrize("po_path", catalogs.po_files(), ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_the_committed_mo_matches_its_po(po_path):
    assert catalogs.mo_is_current(po_path), f"{po_path.with_suffix('.mo')} is stale: run `make messages`"


def test_a_stale_mo_is_noticed(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": WELSH_PLURAL_FORMS}
    po.append(polib.POEntry(msgid="Menu", msgstr="Dewislen"))
    po.save(str(tmp_path / "django.po"))
    po.save_as_mofile(str(tmp_path / "django.mo"))
    assert catalogs.mo_is_current(tmp_path / "django.po")
    po.append(polib.POEntry(msgid="Search", msgstr="Chwilio"))
    po.save(str(tmp_path / "django.po"))
    assert not catalogs.mo_is_current(tmp_path / "django.po")


# --- 3. Rendering in Welsh ----------------------------------------------------------------------------------

ENGLISH_INTERFACE = [
    "Skip to main content",
    "Exit this page",
    "Emergency help",
    "Leaving this site quickly",
    "There is a problem",
    "Content warning",
    "I understand, show me the story",
    "Find my MP",
    "Signatures over time",
    "Where people have signed",
    "Share the petition",
    "Talk to someone",
]


def in_welsh(client, path, data=None):
    """The page at its Welsh address (/cy/…: the language comes from the address,
    website/i18n/languages.py)."""
    path = translate_url(path, "cy")
    response = client.get(path) if data is None else client.post(path, data)
    assert response.status_code == 200, path
    return response.content.decode()


def assert_welsh(html, *welsh):
    english = [text for text in ENGLISH_INTERFACE if text in html]
    assert not english, f"English interface in a Welsh page: {english}"
    for text in ["Neidio i'r prif gynnwys", "Gadael y dudalen hon", *welsh]:
        assert text in html


def welsh_version(page):
    """The page's Welsh translation: the demo's when it has one, else made here (as an editor would)."""
    from wagtail.models import Locale

    welsh, _ = Locale.objects.get_or_create(language_code="cy")
    translation_ = page.get_translation_or_none(welsh)
    if translation_ is None:
        translation_ = page.copy_for_translation(welsh, copy_parents=True)
        translation_.save_revision().publish()
    return translation_.specific


@pytest.mark.django_db
def test_the_main_public_pages_speak_welsh(client, seeded):
    from campaign.models import CampaignPage, LetterPage, StoryPage
    from petition.models import PetitionPage
    from website.models import HomePage

    welsh_version(HomePage.objects.first())
    # The furniture is cached in fragments: English first, so a fragment cached without its language shows.
    assert "Skip to main content" in Client().get("/").content.decode()
    assert_welsh(in_welsh(client, "/"), "Ysgrifennu at eich Aelod Seneddol", "Llinellau cymorth")
    assert_welsh(
        in_welsh(client, welsh_version(CampaignPage.objects.live().first()).url), "Llofnodi'r ddeiseb"
    )
    petition = welsh_version(PetitionPage.objects.live().first())
    assert_welsh(in_welsh(client, petition.url), "Llofnodi'r ddeiseb", "Rhannu'r ddeiseb")
    assert_welsh(
        in_welsh(client, welsh_version(LetterPage.objects.live().first()).url),
        "Dod o hyd i fy Aelod Seneddol",
    )
    story = welsh_version(StoryPage.objects.live().first())
    assert_welsh(in_welsh(client, story.url), "Rhybudd cynnwys", "Cuddio'r stori")


@pytest.mark.django_db
def test_a_welsh_petition_with_form_errors_answers_in_welsh(client, seeded):
    """The sign endpoint has no language prefix: the page answering with the errors must still be Welsh."""
    from petition.models import PetitionPage

    petition = welsh_version(PetitionPage.objects.live().first())
    response = client.post(reverse("petition_sign", args=[petition.pk]), {}, HTTP_REFERER=petition.full_url)
    html = response.content.decode()
    assert_welsh(html, "Mae problem", "Llofnodi'r ddeiseb")


@pytest.mark.django_db
def test_english_is_still_english(client, seeded):
    html = client.get("/").content.decode()
    assert "Skip to main content" in html
    assert "Neidio" not in html


def test_the_error_pages_speak_welsh(rf):
    from django.template.loader import render_to_string

    with translation.override("cy"):
        html = render_to_string("404.html")
    assert "Heb ddod o hyd i'r dudalen" in html
    assert "Mewn argyfwng, ffoniwch <b>999</b>" in html
    assert "Page not found" not in html


# --- 4. The scripts' catalog --------------------------------------------------------------------------------


def test_the_scripts_catalog_is_served_here_in_welsh_and_can_be_cached(db):
    client = Client()
    response = client.get(reverse("javascript_catalog", args=["cy"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert "Pwyswch Shift %(count)s waith eto i adael y dudalen hon." in body
    assert "Mae'r llythyr wedi'i gop\\u00efo" in body
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    assert not response.cookies
    again = client.get(reverse("javascript_catalog", args=["cy"]), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    # Only our own strings: the Wagtail admin's catalogs stay out of public pages.
    assert len(response.content) < 20_000
    assert client.get("/jsi18n/xx.js").status_code == 404


def test_the_english_catalog_is_empty_so_the_scripts_keep_their_words(db):
    body = Client().get(reverse("javascript_catalog", args=["en-gb"])).content.decode()
    assert "Pwyswch" not in body and "django.ngettext" in body


@pytest.mark.django_db
def test_every_page_loads_the_catalog_after_the_quick_exit_without_waiting_for_it(client, home):
    html = client.get("/").content.decode()
    head = html.split("</head>", 1)[0]
    catalog = f'<script src="{reverse("javascript_catalog", args=["en-gb"])}" defer></script>'
    assert catalog in head
    assert head.index("js/quick-exit.js") < head.index(catalog)
