"""Document metadata: a PDF or office file served from the site never names who wrote it, for which
organisation, when or with what, and still opens with everything it shows."""

import datetime
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text
from pypdf.generic import NameObject, TextStringObject
from wagtail.documents import get_document_model

from tests.website.test_photo_metadata import (
    GIVEAWAYS,
    assert_clean_and_upright,
    assert_wagtail_knows_the_stored_file,
    phone_jpeg,
    phone_png,
    served,
    stored_bytes,
)
from website.staff import groups as staff_groups

pytestmark = pytest.mark.django_db

Document = get_document_model()

# What the document's properties say, as it would appear in the file's bytes.
AUTHOR = "Jo Bloggs"
ORGANISATION = "Acacia Avenue Refuge"
SOFTWARE = "Wordsmith Office 16"
TITLE = "Notes for Jo Bloggs's caseworker"
SECRETS = [AUTHOR, ORGANISATION, SOFTWARE, TITLE, "2025-03-14", "20250314"]
# What the document shows, which must still be there.
BODY_TEXT = "Leaflet: where to find help"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_user("eddie", "eddie@waymark.example", "x")
    editor.groups.add(Group.objects.get(name=staff_groups.EDITORS))
    client.force_login(editor)
    return client


def assert_says_nothing_of_its_maker(data):
    for secret in SECRETS:
        assert secret.encode() not in data, secret
        assert secret.encode("utf-16-be") not in data, secret
    for giveaway in GIVEAWAYS:  # the photo inside it
        assert giveaway not in data, giveaway


# --- The files, built as their programs write them ---


def dirty_pdf():
    """A one-page PDF showing text and a phone photo (embedded as it came, EXIF and all, as many tools do),
    with its author, organisation, software and dates in the information dictionary and XMP, a comment
    signed by its author, and an earlier revision that named the author too."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=BODY_TEXT)
    pdf.image(io.BytesIO(phone_jpeg()), x=10, y=20, w=30)
    first = bytes(pdf.output())

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(first)))
    writer.add_metadata(
        {
            "/Author": AUTHOR,
            "/Creator": SOFTWARE,
            "/Producer": SOFTWARE,
            "/Title": TITLE,
            "/Company": ORGANISATION,
            "/CreationDate": "D:20250314071500+00'00'",
            "/ModDate": "D:20250314071500+00'00'",
        }
    )
    writer.xmp_metadata = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="{AUTHOR}"'
        f' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="{SOFTWARE}"'
        ' xmp:CreateDate="2025-03-14T07:15:00Z"/></rdf:RDF></x:xmpmeta>'
    ).encode()
    comment = Text(rect=(50, 550, 200, 650), text="Check the address with the refuge")
    comment[NameObject("/T")] = TextStringObject(AUTHOR)
    comment[NameObject("/M")] = TextStringObject("D:20250314071500Z")
    writer.add_annotation(page_number=0, annotation=comment)
    out = io.BytesIO()
    writer.write(out)

    # Saved again by someone else: the new revision is appended, the old one (with the author) stays.
    revised = PdfWriter(io.BytesIO(out.getvalue()), incremental=True)
    revised.add_metadata({"/Author": "Someone else"})
    again = io.BytesIO()
    revised.write(again)
    data = again.getvalue()
    assert AUTHOR.encode() in data and b"Phonemaker" in data
    return data


def assert_pdf_still_shows_everything(data):
    reader = PdfReader(io.BytesIO(data), strict=True)
    assert not reader.metadata
    assert reader.xmp_metadata is None
    page = reader.pages[0]
    assert BODY_TEXT in page.extract_text()
    [picture] = page.images
    assert picture.image.size == (60, 40)  # the PDF places the photo itself: its pixels stay as they were
    [comment] = [annotation.get_object() for annotation in page["/Annots"]]
    assert comment["/Contents"] == "Check the address with the refuge"
    assert "/T" not in comment and "/M" not in comment


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml"'
    ' ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '<Override PartName="/docProps/custom.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    "</Types>"
)
ROOT_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    '<Relationship Id="rId2" Target="docProps/core.xml"'
    ' Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>'
    '<Relationship Id="rId3" Target="docProps/app.xml"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"/>'
    '<Relationship Id="rId4" Target="docProps/custom.xml"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"/>'
    "</Relationships>"
)
WORD_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    f"<w:body><w:p><w:r><w:t>{BODY_TEXT}</w:t></w:r></w:p></w:body></w:document>"
)
DOCUMENT_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId5" Target="media/image1.jpeg"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
    "</Relationships>"
)
CORE_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    f"<dc:title>{TITLE}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
    f"<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy><cp:revision>7</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-14T07:15:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-14T09:40:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)
APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>{SOFTWARE}</Application><Company>{ORGANISATION}</Company>"
    "<Template>C:\\Users\\jbloggs\\Templates\\Normal.dotm</Template><TotalTime>42</TotalTime>"
    "</Properties>"
)
CUSTOM_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client">'
    f"<vt:lpwstr>{AUTHOR}</vt:lpwstr></property></Properties>"
)
SAVED_AT = (2025, 3, 14, 9, 40, 0)


def dirty_docx():
    """A Word document as Word saves it: its text, a phone photo, and the author, organisation, software and
    dates in its properties; each zip entry timed when it was saved."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELATIONSHIPS,
        "word/document.xml": WORD_DOCUMENT,
        "word/_rels/document.xml.rels": DOCUMENT_RELATIONSHIPS,
        "word/media/image1.jpeg": phone_jpeg(),
        "docProps/core.xml": CORE_PROPERTIES,
        "docProps/app.xml": APP_PROPERTIES,
        "docProps/custom.xml": CUSTOM_PROPERTIES,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(zipfile.ZipInfo(name, date_time=SAVED_AT), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


ODF_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.3"'
    ' manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="Pictures/photo.png" manifest:media-type="image/png"/>'
    "</manifest:manifest>"
)
ODF_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
    f"<office:body><office:text><text:p>{BODY_TEXT}</text:p></office:text></office:body>"
    "</office:document-content>"
)
ODF_META = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
    f"<meta:generator>{SOFTWARE}</meta:generator><meta:initial-creator>{AUTHOR}</meta:initial-creator>"
    f"<dc:creator>{AUTHOR}</dc:creator><dc:title>{TITLE}</dc:title>"
    "<meta:creation-date>2025-03-14T07:15:00</meta:creation-date><dc:date>2025-03-14T09:40:00</dc:date>"
    f'<meta:user-defined meta:name="Organisation">{ORGANISATION}</meta:user-defined>'
    "</office:meta></office:document-meta>"
)
ODF_TEXT = "application/vnd.oasis.opendocument.text"


def dirty_odt(manifest=ODF_MANIFEST):
    """An OpenDocument text as LibreOffice saves it: `mimetype` first and uncompressed, its text, a phone
    photo, and the author, organisation, software and dates in meta.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype", date_time=SAVED_AT), ODF_TEXT, zipfile.ZIP_STORED)
        for name, content in (
            ("META-INF/manifest.xml", manifest),
            ("content.xml", ODF_CONTENT),
            ("meta.xml", ODF_META),
            ("Pictures/photo.png", phone_png()),
        ):
            package.writestr(zipfile.ZipInfo(name, date_time=SAVED_AT), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def dirty_xlsx():
    """A spreadsheet written by openpyxl, with its author, organisation and dates in the properties."""
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = BODY_TEXT
    workbook.properties.creator = AUTHOR
    workbook.properties.lastModifiedBy = AUTHOR
    workbook.properties.title = TITLE
    workbook.properties.created = datetime.datetime(2025, 3, 14, 7, 15)
    workbook.properties.modified = datetime.datetime(2025, 3, 14, 9, 40)
    workbook.properties.company = ORGANISATION  # not one openpyxl writes; set for good measure
    out = io.BytesIO()
    workbook.save(out)
    data = out.getvalue()
    assert AUTHOR.encode() in zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")
    return data


def assert_package_still_opens(data):
    """Every XML part still parses, nothing is missing, no entry says when it was saved, and its pictures
    are clean and upright."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        for info in package.infolist():
            content = package.read(info)
            assert info.date_time == (1980, 1, 1, 0, 0, 0), info.filename
            if info.filename.endswith((".xml", ".rels")):
                ElementTree.fromstring(content)
            elif info.filename.endswith((".jpeg", ".png")):
                assert_clean_and_upright(content)
        return {info.filename: package.read(info) for info in package.infolist()}


def assert_docx_clean(data):
    assert_says_nothing_of_its_maker(data)
    parts = assert_package_still_opens(data)
    assert set(parts) == {
        *("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"),
        *("word/media/image1.jpeg", "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"),
    }
    assert parts["word/document.xml"] == WORD_DOCUMENT.encode()
    for name, root in (
        ("docProps/core.xml", "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"),
        ("docProps/app.xml", "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"),
        ("docProps/custom.xml", "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"),
    ):
        properties = ElementTree.fromstring(parts[name])
        assert properties.tag.startswith(root) and len(properties) == 0, name


def assert_odt_clean(data):
    assert_says_nothing_of_its_maker(data)
    parts = assert_package_still_opens(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        first = package.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert parts["mimetype"] == ODF_TEXT.encode()
    assert parts["content.xml"] == ODF_CONTENT.encode()
    meta = ElementTree.fromstring(parts["meta.xml"])
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    assert meta.get(f"{office}version") == "1.3"
    [empty] = meta
    assert empty.tag == f"{office}meta" and len(empty) == 0


# --- Uploading in the admin ---


def upload(client, name, data, title="Leaflet"):
    return client.post(reverse("wagtaildocs:add"), {"title": title, "file": SimpleUploadedFile(name, data)})


def test_a_pdf_uploaded_by_an_editor_is_served_without_its_metadata_and_still_shows_everything(editor_client):
    response = upload(editor_client, "leaflet.pdf", dirty_pdf())
    assert response.status_code == 302, response.content
    document = Document.objects.get()
    data = served(editor_client, document.url)
    assert_says_nothing_of_its_maker(data)
    assert b"Someone else" not in data and b"xmpmeta" not in data
    assert_pdf_still_shows_everything(data)
    assert_wagtail_knows_the_stored_file(document)


def test_a_word_document_uploaded_by_an_editor_is_served_without_its_properties(editor_client):
    response = upload(editor_client, "leaflet.docx", dirty_docx())
    assert response.status_code == 302, response.content
    document = Document.objects.get()
    assert_docx_clean(served(editor_client, document.url))
    assert_wagtail_knows_the_stored_file(document)


def test_an_opendocument_text_uploaded_by_an_editor_is_served_without_its_metadata(editor_client):
    response = upload(editor_client, "leaflet.odt", dirty_odt())
    assert response.status_code == 302, response.content
    assert_odt_clean(served(editor_client, Document.objects.get().url))


def test_a_spreadsheet_uploaded_by_an_editor_still_opens_without_its_author(editor_client):
    response = upload(editor_client, "figures.xlsx", dirty_xlsx())
    assert response.status_code == 302, response.content
    data = served(editor_client, Document.objects.get().url)
    assert_says_nothing_of_its_maker(data)
    assert_package_still_opens(data)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.active["A1"].value == BODY_TEXT
    properties = workbook.properties  # (openpyxl says "openpyxl" for a creator it does not find)
    assert properties.creator == "openpyxl" and properties.lastModifiedBy is None and properties.title is None


def test_documents_added_several_at_once_are_served_without_their_metadata(editor_client):
    for name, data in (
        ("leaflet.pdf", dirty_pdf()),
        ("leaflet.docx", dirty_docx()),
        ("notes.odt", dirty_odt()),
    ):
        response = editor_client.post(
            reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, data)}
        )
        assert response.json()["success"], response.content
    documents = {Path(document.filename).suffix: document for document in Document.objects.all()}
    assert_pdf_still_shows_everything(served(editor_client, documents[".pdf"].url))
    assert_says_nothing_of_its_maker(served(editor_client, documents[".pdf"].url))
    assert_docx_clean(served(editor_client, documents[".docx"].url))
    assert_odt_clean(served(editor_client, documents[".odt"].url))
    for document in documents.values():
        assert_wagtail_knows_the_stored_file(document)


def test_a_document_uploaded_from_the_chooser_while_editing_a_page_is_served_clean(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs_chooser:create"),
        {"document-chooser-upload-title": "Leaflet", "document-chooser-upload-file": SimpleUploadedFile(
            "leaflet.docx", dirty_docx()
        )},
    )  # fmt: skip
    assert response.status_code == 200 and response.json()["step"] == "chosen", response.content
    assert_docx_clean(served(editor_client, Document.objects.get().url))


def test_a_file_replaced_in_the_admin_is_served_clean(editor_client):
    document = Document.objects.create(title="Leaflet", file=ContentFile(b"first draft", name="leaflet.txt"))
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Leaflet", "file": SimpleUploadedFile("leaflet.pdf", dirty_pdf())},
    )
    assert response.status_code == 302, response.content
    document.refresh_from_db()
    data = served(editor_client, document.url)
    assert_says_nothing_of_its_maker(data)
    assert_pdf_still_shows_everything(data)
    assert_wagtail_knows_the_stored_file(document)


# --- What cannot be cleaned is refused, next to the field ---


# What LibreOffice writes in the manifest for each part of a password-protected document.
ENCRYPTED_MANIFEST = ODF_MANIFEST.replace(
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/>'
    "</manifest:file-entry>",
)


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(dirty_pdf())))
    writer.encrypt(user_password="", owner_password="secret")  # opens without a password, but encrypted
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "broken.pdf",
            lambda: b"%PDF-1.7\n1 0 obj << /Author (Jo Bloggs) /Title (",
            "This PDF could not be read",
        ),
        ("locked.pdf", encrypted_pdf, "This PDF is protected by a password"),
        ("broken.docx", lambda: dirty_docx()[:-200], "could not be read as a Word, Excel, PowerPoint"),
        ("locked.odt", lambda: dirty_odt(ENCRYPTED_MANIFEST), "This file is protected by a password"),
    ],
    ids=["broken pdf", "encrypted pdf", "broken docx", "encrypted odt"],
)
def test_a_document_that_cannot_be_cleaned_is_refused_with_a_message_next_to_the_field(
    editor_client, name, make, message
):
    response = upload(editor_client, name, make())
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["file"] and message in errors["file"][0], errors
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Document.objects.exists()


def test_an_rtf_document_is_refused_next_to_the_field_since_its_author_block_would_stay(editor_client):
    rtf = rb"{\rtf1\ansi{\info{\author Jo Bloggs}{\company Refuge Road}}Leaflet\par}"
    response = upload(editor_client, "leaflet.rtf", rtf)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["file"]
    assert not Document.objects.exists()


def test_a_broken_pdf_added_with_others_is_refused_and_the_others_are_kept(editor_client):
    broken = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("broken.pdf", b"%PDF-1.7\nrubbish")},
    )
    kept = editor_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("leaflet.docx", dirty_docx())}
    )
    assert not broken.json()["success"] and "This PDF could not be read" in broken.json()["error_message"]
    assert kept.json()["success"]
    assert [document.filename for document in Document.objects.all()] == ["leaflet.docx"]


def test_a_broken_pdf_stored_by_code_is_not_stored():
    from website import document_metadata

    with pytest.raises(document_metadata.UnreadableDocument):
        Document.objects.create(title="Broken", file=ContentFile(b"%PDF-1.7\nrubbish", name="broken.pdf"))
    assert not Document.objects.exists()


# --- Stored by code, and what is left alone ---


def test_a_document_stored_by_code_is_stored_clean_and_cleaning_it_again_changes_nothing():
    for name, data, check in (
        ("leaflet.pdf", dirty_pdf(), assert_says_nothing_of_its_maker),
        ("leaflet.docx", dirty_docx(), assert_docx_clean),
        ("leaflet.odt", dirty_odt(), assert_odt_clean),
    ):
        document = Document.objects.create(title="Leaflet", file=ContentFile(data, name=name))
        clean = stored_bytes(document)
        check(clean)
        again = Document.objects.create(title="Leaflet again", file=ContentFile(clean, name=name))
        assert stored_bytes(again) == clean, name


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.txt", b"Written by Jo Bloggs\n"),
        ("figures.csv", b"name,count\nJo Bloggs,3\n"),
        ("leaflet.rtf", rb"{\rtf1\ansi{\info{\author Jo Bloggs}}Leaflet\par}"),
    ],
)
def test_documents_of_other_kinds_are_stored_as_they_came(name, data):
    document = Document.objects.create(title="Notes", file=ContentFile(data, name=name))
    assert stored_bytes(document) == data


# --- Files stored before the cleaning existed ---


def write_over(document, data):
    from wagtail.utils.file import hash_filelike

    Path(document.file.path).write_bytes(data)
    Document.objects.filter(pk=document.pk).update(
        file_size=len(data), file_hash=hash_filelike(io.BytesIO(data))
    )


def test_the_command_cleans_documents_stored_before_once(client):
    pdf = Document.objects.create(title="Leaflet", file=ContentFile(b"placeholder", name="leaflet.pdf"))
    docx = Document.objects.create(title="Letter", file=ContentFile(b"placeholder", name="letter.docx"))
    Document.objects.create(title="Notes", file=ContentFile(b"just some notes", name="notes.txt"))
    write_over(pdf, dirty_pdf())
    write_over(docx, dirty_docx())
    out = io.StringIO()

    call_command("strip_file_metadata", stdout=out)

    assert "Cleaned 0 of 0 images and 2 of 3 documents." in out.getvalue()
    pdf.refresh_from_db()
    docx.refresh_from_db()
    assert_says_nothing_of_its_maker(served(client, pdf.url))
    assert_pdf_still_shows_everything(served(client, pdf.url))
    assert_docx_clean(served(client, docx.url))
    assert_wagtail_knows_the_stored_file(pdf)
    assert_wagtail_knows_the_stored_file(docx)
    # The dirty copies are gone from storage, not just no longer referred to.
    assert not [path for path in Path(pdf.file.path).parent.iterdir() if AUTHOR.encode() in path.read_bytes()]

    again = io.StringIO()
    call_command("strip_file_metadata", stdout=again)
    assert "Cleaned 0 of 0 images and 0 of 3 documents." in again.getvalue()


def test_the_command_reports_a_document_it_cannot_clean_and_carries_on():
    locked = Document.objects.create(title="Locked", file=ContentFile(b"placeholder", name="locked.pdf"))
    docx = Document.objects.create(title="Letter", file=ContentFile(b"placeholder", name="letter.docx"))
    write_over(locked, encrypted_pdf())
    write_over(docx, dirty_docx())
    out, errors = io.StringIO(), io.StringIO()

    call_command("strip_file_metadata", stdout=out, stderr=errors)

    assert "Cleaned 0 of 0 images and 1 of 2 documents." in out.getvalue()
    assert f"Document {locked.pk} (locked.pdf) could not be read: This PDF is protected" in errors.getvalue()
    assert_docx_clean(stored_bytes(Document.objects.get(pk=docx.pk)))


def test_a_picture_in_a_document_is_turned_upright_like_any_photo():
    document = Document.objects.create(title="Letter", file=ContentFile(dirty_docx(), name="letter.docx"))
    with zipfile.ZipFile(io.BytesIO(stored_bytes(document))) as package:
        photo = package.read("word/media/image1.jpeg")
    assert Image.open(io.BytesIO(photo)).size == (40, 60)


# --- Who commented and who changed what, inside the content ---

REVIEWER = "Sam Reviewer"
REVIEWER_INITIALS = "SRV"
REVIEWER_ACCOUNT = "sam.reviewer@acacia.example"
REVIEWED_AT = "2025-03-14T10:05:00Z"
REVIEWER_SECRETS = [REVIEWER, REVIEWER_INITIALS, REVIEWER_ACCOUNT, "2025-03-14"]
COMMENT_TEXT = "Check the address with the refuge"
INSERTED_TEXT = "open every day"
DELETED_TEXT = "closed on Sundays"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
REVIEWED_WORD_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:document xmlns:w="{W}"><w:body><w:p>'
    '<w:commentRangeStart w:id="0"/>'
    f"<w:r><w:t>{BODY_TEXT}</w:t></w:r>"
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    f'<w:ins w:id="1" w:author="{REVIEWER}" w:date="{REVIEWED_AT}">'
    f"<w:r><w:t>{INSERTED_TEXT}</w:t></w:r></w:ins>"
    f"<w:del w:id='2' w:author='{REVIEWER}' w:date='{REVIEWED_AT}'>"
    f"<w:r><w:delText>{DELETED_TEXT}</w:delText></w:r></w:del>"
    f'<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="{REVIEWER}" w:date="{REVIEWED_AT}"><w:rPr/>'
    "</w:rPrChange></w:rPr><w:t>Call us</w:t></w:r>"
    "</w:p></w:body></w:document>"
)
WORD_COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:comments xmlns:w="{W}">'
    f'<w:comment w:id="0" w:author="{REVIEWER}" w:date="{REVIEWED_AT}" w:initials="{REVIEWER_INITIALS}">'
    f"<w:p><w:r><w:t>{COMMENT_TEXT}</w:t></w:r></w:p></w:comment></w:comments>"
)
WORD_PEOPLE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w15:people xmlns:w15="{W15}"><w15:person w15:author="{REVIEWER}">'
    f'<w15:presenceInfo w15:providerId="AD" w15:userId="{REVIEWER_ACCOUNT}"/></w15:person></w15:people>'
)
WORD_COMMENTS_EXTENSIBLE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w16cex:commentsExtensible xmlns:w16cex="{W16CEX}">'
    f'<w16cex:commentExtensible w16cex:durableId="1A2B3C4D" w16cex:dateUtc="{REVIEWED_AT}"/>'
    "</w16cex:commentsExtensible>"
)


def with_parts(data, parts):
    """The package in `data` with these parts added (or written over), as its program would save them."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(out, "w") as changed:
        for info in package.infolist():
            if info.filename not in parts:
                changed.writestr(info, package.read(info))
        for name, content in parts.items():
            changed.writestr(zipfile.ZipInfo(name, date_time=SAVED_AT), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def assert_says_nothing_of_its_reviewers(data):
    assert_says_nothing_of_its_maker(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            content = package.read(info)
            for secret in REVIEWER_SECRETS:
                assert secret.encode() not in content, (info.filename, secret)


def reviewed_docx():
    """A Word document with a comment, tracked insertions, deletions and formatting changes, and the people
    who made them, as Word saves them."""
    return with_parts(
        dirty_docx(),
        {
            "word/document.xml": REVIEWED_WORD_DOCUMENT,
            "word/comments.xml": WORD_COMMENTS,
            "word/people.xml": WORD_PEOPLE,
            "word/commentsExtensible.xml": WORD_COMMENTS_EXTENSIBLE,
        },
    )


def test_a_word_document_keeps_its_comments_and_tracked_changes_but_not_who_made_them_or_when(editor_client):
    data = reviewed_docx()
    assert REVIEWER.encode() in zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml")
    response = upload(editor_client, "reviewed.docx", data)
    assert response.status_code == 302, response.content
    clean = served(editor_client, Document.objects.get().url)
    assert_says_nothing_of_its_reviewers(clean)
    parts = assert_package_still_opens(clean)
    w = f"{{{W}}}"
    document = ElementTree.fromstring(parts["word/document.xml"])
    [inserted] = document.iter(f"{w}ins")
    [deleted] = document.iter(f"{w}del")
    [formatting] = document.iter(f"{w}rPrChange")
    for change in (inserted, deleted, formatting):
        assert change.get(f"{w}author") == "Author" and change.get(f"{w}date") is None
    assert "".join(inserted.itertext()) == INSERTED_TEXT
    assert "".join(deleted.itertext()) == DELETED_TEXT
    assert BODY_TEXT in "".join(document.itertext())
    [comment] = ElementTree.fromstring(parts["word/comments.xml"])
    assert comment.get(f"{w}author") == "Author" and comment.get(f"{w}initials") == "A"
    assert comment.get(f"{w}date") is None and comment.get(f"{w}id") == "0"
    assert "".join(comment.itertext()) == COMMENT_TEXT
    [person] = ElementTree.fromstring(parts["word/people.xml"])
    assert person.get(f"{{{W15}}}author") == "Author" and len(person) == 0
    [extensible] = ElementTree.fromstring(parts["word/commentsExtensible.xml"])
    assert extensible.get(f"{{{W16CEX}}}durableId") == "1A2B3C4D"
    assert extensible.get(f"{{{W16CEX}}}dateUtc") is None


X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
PERSON_ID = "{54EE7950-7262-4200-6969-000000000001}"
EXCEL_THREADED_COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<ThreadedComments xmlns="{THREADED}">'
    f'<threadedComment ref="A1" dT="{REVIEWED_AT}" personId="{PERSON_ID}"'
    ' id="{00000000-0001-0000-0000-000000000000}">'
    f"<text>{COMMENT_TEXT}</text></threadedComment></ThreadedComments>"
)
EXCEL_PERSONS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<personList xmlns="{THREADED}">'
    f'<person displayName="{REVIEWER}" id="{PERSON_ID}" userId="{REVIEWER_ACCOUNT}" providerId="AD"/>'
    "</personList>"
)


def reviewed_xlsx():
    """A spreadsheet with a comment signed by its author (openpyxl writes it as Excel does), and the
    threaded comment and person Excel adds beside it."""
    workbook = openpyxl.load_workbook(io.BytesIO(dirty_xlsx()))
    workbook.active["A1"].comment = openpyxl.comments.Comment(COMMENT_TEXT, REVIEWER)
    out = io.BytesIO()
    workbook.save(out)
    data = with_parts(
        out.getvalue(),
        {
            "xl/threadedComments/threadedComment1.xml": EXCEL_THREADED_COMMENTS,
            "xl/persons/person.xml": EXCEL_PERSONS,
        },
    )
    [comments] = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("xl/comments")]
    assert REVIEWER.encode() in zipfile.ZipFile(io.BytesIO(data)).read(comments)
    return data


def test_a_spreadsheet_keeps_its_comments_but_not_who_wrote_them(editor_client):
    response = upload(editor_client, "reviewed.xlsx", reviewed_xlsx())
    assert response.status_code == 302, response.content
    clean = served(editor_client, Document.objects.get().url)
    assert_says_nothing_of_its_reviewers(clean)
    parts = assert_package_still_opens(clean)
    workbook = openpyxl.load_workbook(io.BytesIO(clean))
    comment = workbook.active["A1"].comment
    assert comment.text == COMMENT_TEXT and comment.author == "Author"
    assert workbook.active["A1"].value == BODY_TEXT
    [threaded] = ElementTree.fromstring(parts["xl/threadedComments/threadedComment1.xml"])
    assert threaded.get("personId") == PERSON_ID and threaded.get("dT") is None
    assert "".join(threaded.itertext()) == COMMENT_TEXT
    [person] = ElementTree.fromstring(parts["xl/persons/person.xml"])
    assert person.get("displayName") == "Author" and person.get("id") == PERSON_ID
    assert person.get("userId") is None and person.get("providerId") is None


OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
FIELD_DATE = "14/03/2025"
REVIEWED_ODF_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<office:document-content xmlns:office="{OFFICE}" xmlns:text="{TEXT}" xmlns:dc="{DC}"'
    f' xmlns:meta="{META}" office:version="1.3"><office:body><office:text>'
    '<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:insertion>'
    f"<office:change-info><dc:creator>{REVIEWER}</dc:creator><dc:date>2025-03-14T10:05:00</dc:date>"
    "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
    f"<text:p>{BODY_TEXT}"
    f"<office:annotation><dc:creator>{REVIEWER}</dc:creator><dc:date>2025-03-14T10:05:00</dc:date>"
    f"<meta:creator-initials>{REVIEWER_INITIALS}</meta:creator-initials>"
    f"<text:p>{COMMENT_TEXT}</text:p></office:annotation>"
    f'<text:change-start text:change-id="ct1"/>{INSERTED_TEXT}<text:change-end text:change-id="ct1"/>'
    f'<text:date text:date-value="2025-03-14">{FIELD_DATE}</text:date>'
    "</text:p></office:text></office:body></office:document-content>"
)


def test_an_opendocument_text_keeps_its_annotations_and_changes_but_not_who_made_them(editor_client):
    data = with_parts(dirty_odt(), {"content.xml": REVIEWED_ODF_CONTENT})
    response = upload(editor_client, "reviewed.odt", data)
    assert response.status_code == 302, response.content
    clean = served(editor_client, Document.objects.get().url)
    with zipfile.ZipFile(io.BytesIO(clean)) as package:
        content = package.read("content.xml")
        assert package.infolist()[0].filename == "mimetype"
    for secret in (REVIEWER, REVIEWER_INITIALS, "2025-03-14T10:05"):
        assert secret.encode() not in content, secret
    assert_package_still_opens(clean)
    root = ElementTree.fromstring(content)
    creators = [element.text for element in root.iter(f"{{{DC}}}creator")]
    dates = [element.text for element in root.iter(f"{{{DC}}}date")]
    assert creators == ["Author", "Author"] and dates == ["1980-01-01T00:00:00"] * 2
    assert [element.text for element in root.iter(f"{{{META}}}creator-initials")] == ["A"]
    text = "".join(root.itertext())
    assert BODY_TEXT in text and COMMENT_TEXT in text and INSERTED_TEXT in text
    [field] = root.iter(f"{{{TEXT}}}date")
    assert field.text == FIELD_DATE and field.get(f"{{{TEXT}}}date-value") == "2025-03-14"


def test_a_reviewed_document_cleaned_once_comes_back_the_same_when_cleaned_again():
    for name, data in (("reviewed.docx", reviewed_docx()), ("reviewed.xlsx", reviewed_xlsx())):
        document = Document.objects.create(title="Reviewed", file=ContentFile(data, name=name))
        clean = stored_bytes(document)
        assert_says_nothing_of_its_reviewers(clean)
        again = Document.objects.create(title="Reviewed again", file=ContentFile(clean, name=name))
        assert stored_bytes(again) == clean, name


P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
PRESENTATION_AUTHORS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<p188:authorLst xmlns:p188="{P188}"><p188:author id="{PERSON_ID}" name="{REVIEWER}"'
    f' initials="{REVIEWER_INITIALS}" userId="{REVIEWER_ACCOUNT}" providerId="AD"/></p188:authorLst>'
)
PRESENTATION_COMMENT_AUTHORS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    f'<p:cmAuthor id="0" name="{REVIEWER}" initials="{REVIEWER_INITIALS}" lastIdx="1" clrIdx="0"/>'
    "</p:cmAuthorLst>"
)
PRESENTATION_COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<p:cmLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    f'<p:cm authorId="0" dt="{REVIEWED_AT}" idx="1"><p:pos x="10" y="10"/><p:text>{COMMENT_TEXT}</p:text>'
    "</p:cm></p:cmLst>"
)


def test_a_presentation_keeps_its_comments_but_not_who_wrote_them():
    data = with_parts(
        dirty_docx(),
        {
            "ppt/authors.xml": PRESENTATION_AUTHORS,
            "ppt/commentAuthors.xml": PRESENTATION_COMMENT_AUTHORS,
            "ppt/comments/comment1.xml": PRESENTATION_COMMENTS,
        },
    )
    document = Document.objects.create(title="Slides", file=ContentFile(data, name="slides.pptx"))
    clean = stored_bytes(document)
    assert_says_nothing_of_its_reviewers(clean)
    parts = assert_package_still_opens(clean)
    [author] = ElementTree.fromstring(parts["ppt/authors.xml"])
    assert (author.get("id"), author.get("name"), author.get("initials")) == (PERSON_ID, "Author", "A")
    assert author.get("userId") is None and author.get("providerId") is None
    [legacy] = ElementTree.fromstring(parts["ppt/commentAuthors.xml"])
    assert (legacy.get("id"), legacy.get("name"), legacy.get("initials")) == ("0", "Author", "A")
    [comment] = ElementTree.fromstring(parts["ppt/comments/comment1.xml"])
    assert comment.get("authorId") == "0" and comment.get("dt") is None
    assert "".join(comment.itertext()) == COMMENT_TEXT
