"""Document metadata: who wrote a PDF or office file, for which organisation, when and with what, removed.

A PDF or a Word file straight from someone's laptop names its author and their organisation, says when it
was created and last saved and by which program, and its pictures can carry the GPS position they were taken
at. `strip(data)` returns a document's bytes without that, or None when there is nothing to remove (so
cleaning is idempotent), read by the file's content whatever its name says:

- a picture: `photo_metadata.strip`.
- a PDF (pypdf): the document information dictionary (title, author, subject, keywords, creator, producer,
  creation and modification dates, and any custom entry) goes, with every XMP metadata stream (the
  catalog's, a page's, an image's, a font's), application private data (`/PieceInfo`), and the author and
  dates of comments and other markup annotations; embedded JPEG photos lose their EXIF, XMP and other
  application segments losslessly (a PDF reader ignores the EXIF orientation, so the pixels are left as they
  are). The file is written again from what it shows, so earlier saved revisions and unused objects, where an
  old author's name may linger, go too.
- an Office Open XML package (.docx, .xlsx, .pptx) or an OpenDocument one (.odt, .ods, .odp): the core,
  extended (app) and custom properties, or ODF's `meta.xml`, are written again empty, so the file still
  opens; the names, initials and times on comments and tracked changes (Word's `w:author` and `w:date`,
  `word/people.xml`, Excel's comment authors, threaded comments and persons, PowerPoint's comment authors,
  OpenDocument's `dc:creator` and `dc:date` on annotations and changes) become "Author", "A" and no time, or
  a fixed one where the format requires a time; every picture in it goes through `photo_metadata.strip`;
  the zip entries' times and extra fields (which say when the file was saved) are reset.

What cannot be cleaned is refused rather than stored as it came: `UnreadableDocument` (a broken PDF or
package, or a picture in it that cannot be decoded) and `ProtectedDocument` (password-protected: its
properties cannot be rewritten without the password). Their message is meant for the person uploading.
"""

import io
import re
import struct
import zipfile
import zlib

from defusedxml import ElementTree
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from website import photo_metadata

# --- Refusals ---


class UnreadableDocument(ValueError):
    """A document that cannot be read, so it cannot be cleaned and is not stored. Says why to the uploader."""


class ProtectedDocument(UnreadableDocument):
    """A password-protected document: its properties cannot be rewritten without the password."""


UNREADABLE_PDF = _(
    "This PDF could not be read, so the names and dates saved inside it cannot be removed. Open it, save "
    "it again as a PDF and upload the new copy."
)
PROTECTED_PDF = _(
    "This PDF is protected by a password, so the names and dates saved inside it cannot be removed. Save "
    "a copy without the password and upload that."
)
UNREADABLE_PACKAGE = _(
    "This file could not be read as a Word, Excel, PowerPoint or OpenDocument file, so the names and dates "
    "saved inside it cannot be removed. Open it, save it again and upload the new copy."
)
PROTECTED_PACKAGE = _(
    "This file is protected by a password, so the names and dates saved inside it cannot be removed. Save a "
    "copy without the password and upload that."
)
UNREADABLE_PICTURE_FILE = _(
    "This picture could not be read, so where and when it was taken cannot be removed. Save it again and "
    "upload the new copy."
)
UNREADABLE_PICTURE = _(
    "A picture in this file could not be read, so where and when it was taken cannot be removed. Replace "
    "the picture, save the file again and upload the new copy."
)


def strip(data):
    """The document in `data` without its metadata; None if it has none (or is a kind we do not clean)."""
    try:
        clean = photo_metadata.strip(data)
    except photo_metadata.UnreadablePicture as error:
        raise UnreadableDocument(UNREADABLE_PICTURE_FILE) from error
    if clean is not None:
        return clean
    if data.startswith(b"PK\x03\x04"):  # first: a zip can hold a PDF near its start
        return _clean_package(data)
    if b"%PDF-" in data[:1024]:  # readers accept a few bytes of rubbish before the header, and so does pypdf
        return _clean_pdf(data)
    return None


# --- PDF ---

# What an annotation keeps about who made it and when: `/T` is a comment's author (on a form field's
# widget it is the field's name instead, and stays), `/M` and `/CreationDate` its times.
ANNOTATION_AUTHOR = "/T"
ANNOTATION_TIMES = ("/M", "/CreationDate")
# Entries any dictionary may carry that are metadata: an XMP stream, an application's private data.
PDF_METADATA_KEYS = ("/Metadata", "/PieceInfo")


def _clean_pdf(data):
    clean = _rewrite_pdf(data)
    if clean == data:  # pypdf's own output, with nothing to remove, comes back the same
        return None
    # Written once more: the first writing leaves gaps where the removed objects were, and only a file
    # without them comes back the same, so cleaning a clean file changes nothing.
    return _rewrite_pdf(clean)


def _rewrite_pdf(data):
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ProtectedDocument(PROTECTED_PDF)
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None  # the information dictionary, and the Producer pypdf would add
        _scrub(writer.root_object)
        # Only what the pages still use is written: not the XMP streams taken out, nor objects left over
        # from earlier revisions.
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        out = io.BytesIO()
        writer.write(out)
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises all kinds (KeyError, ValueError, RecursionError…) on bad input
        raise UnreadableDocument(UNREADABLE_PDF) from error
    return out.getvalue()


def _scrub(root):
    seen = set()
    stack = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            _scrub_dictionary(item)
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def _scrub_dictionary(dictionary):
    for key in PDF_METADATA_KEYS:
        dictionary.pop(key, None)
    if "/Subtype" in dictionary and "/Rect" in dictionary:  # an annotation
        for key in ANNOTATION_TIMES:
            dictionary.pop(key, None)
        if dictionary["/Subtype"] != "/Widget":
            dictionary.pop(ANNOTATION_AUTHOR, None)
    if isinstance(dictionary, StreamObject) and _is_jpeg_image(dictionary):
        clean = jpeg_without_metadata(dictionary._data)
        if clean is not None:
            # The encoded bytes themselves: pypdf's set_data on an encoded stream would encode them again.
            StreamObject.set_data(dictionary, clean)


def _is_jpeg_image(stream):
    filters = stream.get("/Filter")
    return stream.get("/Subtype") == "/Image" and filters in ("/DCTDecode", ["/DCTDecode"])


def jpeg_without_metadata(data):
    """A JPEG's bytes without its application segments and comments, losslessly; None if it has none.

    Kept: the JFIF header without a thumbnail, the ICC colour profile and Adobe's segment (how to read
    CMYK), and everything that codes the pixels. Anything after the end of the picture (a phone's second,
    MPF picture) goes."""
    if not data.startswith(b"\xff\xd8"):
        return None
    kept, position, changed = [b"\xff\xd8"], 2, False
    while position + 2 <= len(data):
        if data[position] != 0xFF:
            return None  # not laid out as a JPEG should be: leave it to the reader
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:  # end of picture
            kept.append(data[position : position + 2])
            changed = changed or position + 2 < len(data)
            return b"".join(kept) if changed else None
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            kept.append(data[position : position + 2])
            position += 2
            continue
        if position + 4 > len(data):
            return None
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        end = position + 2 + length
        segment = data[position:end]
        if marker == 0xDA:  # start of scan: its coded pixels run to the next marker that is not stuffing
            end = _end_of_scan(data, end)
            segment = data[position:end]
        if _is_metadata_segment(marker, segment[4:]):
            changed = True
        else:
            kept.append(segment)
        position = end
    return None  # no end of picture: leave it to the reader


def _end_of_scan(data, position):
    while (position := data.find(b"\xff", position)) != -1 and position + 1 < len(data):
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 2 if following != 0xFF else 1
            continue
        return position
    return len(data)


def _is_metadata_segment(marker, payload):
    if marker == 0xFE:  # comment
        return True
    if not 0xE0 <= marker <= 0xEF:  # not an application segment: it codes the pixels
        return False
    if marker == 0xE0 and payload.startswith(b"JFIF\0") and payload[12:14] == b"\0\0":
        return False
    if marker == 0xE2 and payload.startswith(b"ICC_PROFILE\0"):
        return False
    return not (marker == 0xEE and payload.startswith(b"Adobe"))


# --- Office Open XML and OpenDocument packages ---

OOXML_CONTENT_TYPES = "[Content_Types].xml"
OOXML_ROOT_RELATIONSHIPS = "_rels/.rels"
RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Each kind of document property, by the relationship type (its last part) that names its part, the usual
# name of that part, and what it is written again as: the root element alone, so the file still opens.
OOXML_PROPERTIES = {
    "core-properties": (
        "docProps/core.xml",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        b' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
    ),
    "extended-properties": (
        "docProps/app.xml",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
    ),
    "custom-properties": (
        "docProps/custom.xml",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
    ),
}
ODF_MIMETYPE = "mimetype"
ODF_META = "meta.xml"
ODF_MANIFEST = "META-INF/manifest.xml"
ODF_EMPTY_META = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' office:version="{version}"><office:meta/></office:document-meta>'
)
ODF_VERSION = re.compile(rb'office:version="([0-9.]{1,8})"')
# The earliest time a zip entry can hold, as Microsoft Office itself writes: no entry says when it was saved.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# What zipfile raises on a damaged or unusual zip (NotImplementedError: a compression it does not know).
BROKEN_PACKAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
)
# More than this unpacked is refused rather than read into memory (a small zip can unpack to gigabytes).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024


def _clean_package(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            replacements = _property_replacements(package)
            if replacements is None:
                return None  # a zip, but not an office document
            if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED_BYTES:
                raise UnreadableDocument(UNREADABLE_PACKAGE)
            entries, changed = [], bool(package.comment)
            for info in package.infolist():
                content = package.read(info)
                clean = replacements.get(info.filename, content)
                if clean is content:
                    clean = _without_reviewers(info.filename, content)
                if clean is content:
                    clean = photo_metadata.strip(content) or content
                changed = changed or clean != content or _entry_says_more(info)
                entries.append((info, clean))
    except UnreadableDocument:
        raise
    except photo_metadata.UnreadablePicture as error:
        raise UnreadableDocument(UNREADABLE_PICTURE) from error
    except BROKEN_PACKAGE as error:
        raise UnreadableDocument(UNREADABLE_PACKAGE) from error
    if not changed:
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as clean_package:
        # In the same order and with the same compression: an OpenDocument's `mimetype` must come first and
        # be stored uncompressed.
        for info, content in entries:
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            entry.compress_type = info.compress_type
            clean_package.writestr(entry, content)
    return out.getvalue()


def _property_replacements(package):
    """What each property part is written again as, by its name in the package; None if not an office file."""
    names = set(package.namelist())
    if OOXML_CONTENT_TYPES in names:
        parts = _ooxml_property_parts(package, names)
        return {name: OOXML_PROPERTIES[kind][1] for kind, name in parts.items() if name in names}
    if ODF_MIMETYPE in names and package.read(ODF_MIMETYPE).startswith(b"application/vnd.oasis.opendocument"):
        if ODF_MANIFEST in names and b"encryption-data" in package.read(ODF_MANIFEST):
            raise ProtectedDocument(PROTECTED_PACKAGE)
        if ODF_META not in names:
            return {}
        found = ODF_VERSION.search(package.read(ODF_META))
        version = found.group(1).decode() if found else "1.2"
        return {ODF_META: ODF_EMPTY_META.format(version=version).encode()}
    return None


def _ooxml_property_parts(package, names):
    """Where the package keeps each kind of property: as its relationships say, else the usual names."""
    parts = {kind: name for kind, (name, _empty) in OOXML_PROPERTIES.items()}
    if OOXML_ROOT_RELATIONSHIPS in names:
        try:
            relationships = ElementTree.fromstring(package.read(OOXML_ROOT_RELATIONSHIPS))
        except ElementTree.ParseError as error:
            raise UnreadableDocument(UNREADABLE_PACKAGE) from error
        for relationship in relationships.iter(f"{RELATIONSHIPS_NS}Relationship"):
            kind = relationship.get("Type", "").rsplit("/", 1)[-1]
            if kind in parts and relationship.get("TargetMode") != "External":
                parts[kind] = relationship.get("Target", "").lstrip("/")
    return parts


# --- Who commented and who changed what, inside the content ---

# What comments and tracked changes say of their writer is replaced, not removed, where the format requires
# it (an author name, a time): by these, the same for everyone, as Word's and LibreOffice's own "remove
# personal information" write.
ANONYMOUS_AUTHOR = b"Author"
ANONYMOUS_INITIALS = b"A"
FIXED_TIME = b"1980-01-01T00:00:00"  # ZIP_EPOCH, as an XML date and time
_VALUE = rb"""(?:"[^"]*"|'[^']*')"""
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"


def _attribute(names):
    """An attribute with one of these local names (in any namespace), with the space before it."""
    return re.compile(rb"\s" + _PREFIX + rb"(?:" + b"|".join(names) + rb")\s*=\s*" + _VALUE)


def _element(names, prefix=_PREFIX):
    """An element with one of these local names and its text, as 1: start tag, 2: end tag."""
    local = prefix + rb"(?:" + b"|".join(names) + rb")"
    return re.compile(rb"(<" + local + rb"(?:\s[^>]*)?>)[^<]*(</" + local + rb"\s*>)")


def _set(names, value):
    return (
        _attribute(names),
        lambda match: match.group(0)[: match.group(0).index(b"=") + 1] + b'"' + value + b'"',
    )


def _drop(names):
    return (_attribute(names), b"")


def _text(names, value, prefix=_PREFIX):
    return (_element(names, prefix), lambda match: match.group(1) + value + match.group(2))


# Word: every part under word/ (the document, comments, headers, footnotes, people.xml…) names its
# reviewers on w:comment, w:ins, w:del, w:moveFrom, w:rPrChange and the like, and in people.xml, whose
# presence information holds an account (an email address); the times there are all optional.
WORD_REVIEWERS = (
    _set([b"author"], ANONYMOUS_AUTHOR),
    _set([b"initials"], ANONYMOUS_INITIALS),
    _drop([b"date", b"dateUtc"]),
    (
        re.compile(
            rb"<" + _PREFIX + rb"presenceInfo\b[^>]*?(?:/>|>.*?</" + _PREFIX + rb"presenceInfo\s*>)", re.S
        ),
        b"",
    ),
)
# Where each kind of part names who commented or changed what, by the part's name.
REVIEWERS = (
    (re.compile(r"word/.+\.xml"), WORD_REVIEWERS),
    # Excel: legacy comments list their authors; threaded comments point at persons, which carry a
    # display name and an account, and carry their own time (optional).
    (re.compile(r"xl/comments(?:[^/]*|/[^/]+)\.xml"), (_text([b"author"], ANONYMOUS_AUTHOR),)),
    (re.compile(r"xl/threadedComments/[^/]+\.xml"), (_drop([b"dT"]),)),
    (
        re.compile(r"xl/persons/[^/]+\.xml"),
        (_set([b"displayName"], ANONYMOUS_AUTHOR), _drop([b"userId", b"providerId"])),
    ),
    # Excel's shared-workbook change history: who saved each revision, and when (required).
    (
        re.compile(r"xl/revisions/[^/]+\.xml"),
        (_set([b"userName"], ANONYMOUS_AUTHOR), _set([b"dateTime"], FIXED_TIME)),
    ),
    (re.compile(r"xl/revisions/userNames\.xml"), (_set([b"name"], ANONYMOUS_AUTHOR),)),
    # PowerPoint: comment authors (legacy and modern) and the comments' times.
    (
        re.compile(r"ppt/(?:commentAuthors|authors)\.xml"),
        (
            _set([b"name"], ANONYMOUS_AUTHOR),
            _set([b"initials"], ANONYMOUS_INITIALS),
            _drop([b"userId", b"providerId"]),
        ),
    ),
    (re.compile(r"ppt/comments/[^/]+\.xml"), (_drop([b"dt"]),)),
    # OpenDocument: annotations and tracked changes (office:change-info) say who and when; a change's time
    # is required, an annotation's is not, so both get the fixed one. By their usual prefixes: a
    # `text:date` field is part of what the document shows and stays.
    (
        re.compile(r"(?:content|styles)\.xml"),
        (
            _text([b"creator"], ANONYMOUS_AUTHOR, prefix=b"dc:"),
            _text([b"creator-initials"], ANONYMOUS_INITIALS, prefix=b"meta:"),
            _text([b"date"], FIXED_TIME, prefix=b"dc:"),
        ),
    ),
)


def _without_reviewers(name, content):
    """The part without the names and times of who commented on it or changed it; `content` itself if the
    part says none (so a clean file comes back unchanged)."""
    clean = content
    for part, rules in REVIEWERS:
        if part.fullmatch(name):
            for pattern, replacement in rules:
                clean = pattern.sub(replacement, clean)
    return content if clean == content else clean


def _entry_says_more(info):
    return info.date_time != ZIP_EPOCH or bool(info.extra) or bool(info.comment)
