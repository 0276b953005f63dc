"""Photo metadata: what is served of an image or a document that is a picture never says where, when or with
what it was taken, and the picture still stands the right way up."""

import io
import re
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve
from PIL import ExifTags, Image, PngImagePlugin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from tests.campaign.factories import StoryIndexPageFactory, StoryPageFactory
from tests.website.factories import make_site
from website import document_metadata

pytestmark = pytest.mark.django_db

# A phone photo 60 wide and 40 high, taken with the phone on its side: EXIF orientation 6 says "turn it a
# quarter clockwise to show it", so it shows 40 wide and 60 high. Its top-left corner is red, so once
# turned the red corner is at the top right.
STORED_SIZE = (60, 40)
UPRIGHT_SIZE = (40, 60)
# What the photo's metadata says, as it would appear in the file's bytes.
GIVEAWAYS = [
    b"Phonemaker",  # Make
    b"Pocket 9 Pro",  # Model
    b"Jo Bloggs",  # Artist, IPTC by-line, PNG Author
    b"SN-0042-7781",  # body serial number
    b"2025:03:14 07:15:00",  # DateTimeOriginal, DateTime
    b"Acacia Avenue",  # a comment, the XMP
]

Image_ = get_image_model()
Document = get_document_model()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def staff_client(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@waymark.example", "pw"))
    return client


def phone_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phonemaker"
    exif[ExifTags.Base.Model] = "Pocket 9 Pro"
    exif[ExifTags.Base.Artist] = "Jo Bloggs"
    exif[ExifTags.Base.DateTime] = "2025:03:14 07:15:00"
    exif[ExifTags.Base.Orientation] = 6
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.DateTimeOriginal] = "2025:03:14 07:15:00"
    details[ExifTags.Base.BodySerialNumber] = "SN-0042-7781"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 26.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    return exif


def picture():
    image = Image.new("RGB", STORED_SIZE, "white")
    image.paste((255, 0, 0), (0, 0, 15, 15))
    return image


def iptc_segment():
    """An APP13 segment as Photoshop writes it: IPTC record 2:80, the by-line (who took it)."""
    byline = b"Jo Bloggs"
    iptc = b"\x1c\x02\x50" + struct.pack(">H", len(byline)) + byline
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def phone_jpeg():
    out = io.BytesIO()
    picture().save(
        out,
        "JPEG",
        quality=95,
        exif=phone_exif(),
        xmp=b"<x:xmpmeta><exif:GPSLatitude>51,30.4N</exif:GPSLatitude>Acacia Avenue</x:xmpmeta>",
        comment=b"12 Acacia Avenue",
    )
    data = out.getvalue()
    return data[:2] + iptc_segment() + data[2:]  # straight after the start-of-image marker


def phone_png():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jo Bloggs")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Acacia Avenue</x:xmpmeta>")
    info.add(b"tIME", struct.pack(">HBBBBB", 2025, 3, 14, 7, 15, 0))
    out = io.BytesIO()
    picture().save(out, "PNG", pnginfo=info, exif=phone_exif())
    return out.getvalue()


def assert_clean_and_upright(data, size=UPRIGHT_SIZE):
    for giveaway in GIVEAWAYS:
        assert giveaway not in data, giveaway
    assert b"tIME" not in data and b"Exif\x00\x00" not in data and b"xmpmeta" not in data
    served = Image.open(io.BytesIO(data))
    exif = served.getexif()
    for tag in (ExifTags.Base.Make, ExifTags.Base.Model, ExifTags.Base.DateTime, ExifTags.Base.Orientation):
        assert tag not in exif
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert not exif.get_ifd(ExifTags.IFD.Exif)
    assert not {"exif", "xmp", "comment", "photoshop", "Author", "XML:com.adobe.xmp"} & set(served.info)
    assert served.size == size
    # Turned, not just relabelled: the red corner is now at the top right.
    rgb = served.convert("RGB")
    red, green, _ = rgb.getpixel((size[0] - 3, 3))
    assert red > 200 and green < 60
    assert rgb.getpixel((3, 3)) > (200, 200, 200)


def served(client, url):
    """The bytes a visitor gets for a URL: media files as the web server sends them from MEDIA_ROOT (the
    same stored file Django's static view reads), everything else from the site."""
    if url.startswith(settings.MEDIA_URL):
        response = serve(
            RequestFactory().get(url), url.removeprefix(settings.MEDIA_URL), document_root=settings.MEDIA_ROOT
        )
    else:
        response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def rendition_specs():
    """Every filter spec our templates render images with ({% image %}, {% picture %}, {% srcset_image %})."""
    tag = re.compile(r"{%\s*(?:image|picture|srcset_image)\s+\S+\s+(.*?)%}")
    specs = set()
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for arguments in tag.findall(path.read_text()):
            words = arguments.split(" as ")[0].split()
            specs.add("|".join(word for word in words if "=" not in word))
    return specs


def stored_bytes(instance):
    with instance.file.storage.open(instance.file.name, "rb") as f:
        return f.read()


def assert_wagtail_knows_the_stored_file(instance):
    data = stored_bytes(instance)
    assert instance.file_size == len(data)
    assert instance.file_hash == hash_filelike(io.BytesIO(data))


# --- Uploading ---


def test_a_photo_uploaded_in_the_admin_is_stored_without_its_metadata_and_upright(staff_client):
    response = staff_client.post(
        reverse("wagtailimages:add"),
        {"title": "Path", "file": SimpleUploadedFile("path.jpg", phone_jpeg(), content_type="image/jpeg")},
    )
    assert response.status_code == 302, response.content
    image = Image_.objects.get()
    assert_clean_and_upright(served(staff_client, image.file.url))
    assert (image.width, image.height) == UPRIGHT_SIZE
    assert_wagtail_knows_the_stored_file(image)


def test_photos_added_several_at_once_in_the_admin_are_stored_without_their_metadata(staff_client):
    for name, data in (("path.jpg", phone_jpeg()), ("path.png", phone_png())):
        response = staff_client.post(
            reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, data)}
        )
        assert response.json()["success"], response.content
    for image in Image_.objects.all():
        assert_clean_and_upright(served(staff_client, image.file.url))
        assert (image.width, image.height) == UPRIGHT_SIZE
        assert_wagtail_knows_the_stored_file(image)


def test_a_png_loses_its_exif_and_text_chunks_and_keeps_every_pixel(client):
    image = Image_.objects.create(title="Path", file=ImageFile(io.BytesIO(phone_png()), name="path.png"))
    data = served(client, image.file.url)
    assert_clean_and_upright(data)
    assert (
        Image.open(io.BytesIO(data)).convert("RGB").tobytes() == picture().rotate(-90, expand=True).tobytes()
    )


def test_a_photo_stored_by_code_is_stored_without_its_metadata(client):
    image = Image_.objects.create(title="Path", file=ImageFile(io.BytesIO(phone_jpeg()), name="path.jpg"))
    image.refresh_from_db()
    assert_clean_and_upright(served(client, image.file.url))
    assert (image.width, image.height) == UPRIGHT_SIZE
    assert_wagtail_knows_the_stored_file(image)


def test_a_file_written_to_storage_first_is_replaced_by_a_clean_copy(client):
    image = Image_.objects.create(title="Path", file=ImageFile(io.BytesIO(phone_jpeg()), name="path.jpg"))
    first = image.file.name
    image.file.save("another.jpg", ContentFile(phone_jpeg()))  # stores the file, then saves the row
    image.refresh_from_db()
    assert image.file.name != first
    assert_clean_and_upright(served(client, image.file.url))
    assert_wagtail_knows_the_stored_file(image)
    stored = {
        path.name: path.read_bytes() for path in (Path(settings.MEDIA_ROOT) / "original_images").iterdir()
    }
    assert "another.jpg" not in stored, "the photo as uploaded is not kept beside its clean copy"
    for data in stored.values():
        assert_clean_and_upright(data)


def test_a_clean_picture_is_stored_byte_for_byte():
    out = io.BytesIO()
    picture().save(out, "JPEG", quality=80)
    image = Image_.objects.create(title="Plain", file=ImageFile(io.BytesIO(out.getvalue()), name="plain.jpg"))
    assert stored_bytes(image) == out.getvalue()


def test_an_animated_gif_with_a_comment_loses_it_and_keeps_every_frame():
    colours = ["red", "green", "blue", "yellow"]
    frames = [Image.new("RGB", (30, 30), colour) for colour in colours]
    out = io.BytesIO()
    frames[0].save(
        out, "GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300, 400], loop=0,
        comment=b"taken at 12 Acacia Avenue",
    )  # fmt: skip
    image = Image_.objects.create(title="Wave", file=ImageFile(io.BytesIO(out.getvalue()), name="wave.gif"))
    data = stored_bytes(image)
    assert b"Acacia" not in data
    gif = Image.open(io.BytesIO(data))
    assert gif.n_frames == 4 and gif.info["loop"] == 0
    seen = []
    for index in range(4):
        gif.seek(index)
        seen.append((gif.info["duration"], gif.convert("RGB").getpixel((5, 5))))
    assert seen == [(100, (255, 0, 0)), (200, (0, 128, 0)), (300, (0, 0, 255)), (400, (255, 255, 0))]


def test_an_animated_gif_with_no_metadata_is_left_alone():
    frames = [Image.new("RGB", (30, 30), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    image = Image_.objects.create(title="Blink", file=ImageFile(io.BytesIO(out.getvalue()), name="blink.gif"))
    assert stored_bytes(image) == out.getvalue()


@pytest.mark.parametrize("form", ["WEBP", "HEIF"])
def test_webp_and_heic_photos_lose_their_metadata(form):
    out = io.BytesIO()
    picture().save(out, form, exif=phone_exif(), xmp=b"<x:xmpmeta>Acacia Avenue</x:xmpmeta>", quality=95)
    assert b"Phonemaker" in out.getvalue()
    image = Image_.objects.create(title="Path", file=ImageFile(io.BytesIO(out.getvalue()), name=f"p.{form}"))
    data = stored_bytes(image)
    for giveaway in GIVEAWAYS:
        assert giveaway not in data, giveaway
    stored = Image.open(io.BytesIO(data))
    assert stored.format == form and not stored.getexif() and not stored.info.get("xmp")
    assert (image.width, image.height) == stored.size


def test_a_document_that_is_a_broken_photo_is_refused_rather_than_stored_with_its_metadata():
    # (Wagtail itself refuses such an image: it reads the whole picture to find its size.)
    whole = phone_jpeg()
    truncated = whole[: whole.index(b"\xff\xda") + 40]  # its headers, and the pixels cut short
    with pytest.raises(document_metadata.UnreadableDocument):
        Document.objects.create(title="Broken", file=ContentFile(truncated, name="broken.jpg"))
    assert not Document.objects.exists()


# --- What a published story serves ---


def test_a_published_story_serves_its_photo_and_every_rendition_without_metadata(client):
    image = Image_.objects.create(title="Path", file=ImageFile(io.BytesIO(phone_jpeg()), name="path.jpg"))
    index = StoryIndexPageFactory(parent=make_site())
    story = StoryPageFactory(
        parent=index,
        slug="the-path",
        image=image,
        image_alt="A path through a wood",
        body=[("image", {"image": image, "alt_text": "The same path in winter", "caption": ""})],
    )
    story.save_revision().publish()

    html = served(client, "/stories/the-path/").decode()
    on_the_page = re.findall(r'<img[^>]*\ssrc="([^"]+)"', html)
    assert len(on_the_page) == 2  # the story's photo and the photo block in its body
    specs = rendition_specs()
    assert {"width-800", "width-900"} <= specs
    urls = {*on_the_page, image.file.url, *(image.get_rendition(spec).url for spec in specs)}
    for url in urls:
        assert_clean_and_upright(served(client, url))


# --- Documents ---


def test_a_document_that_is_a_photo_is_downloaded_without_its_metadata(client):
    document = Document.objects.create(title="Path", file=ContentFile(phone_jpeg(), name="path.jpg"))
    assert_clean_and_upright(served(client, document.url))
    assert_wagtail_knows_the_stored_file(document)


def test_a_photo_uploaded_as_a_document_is_cleaned_whatever_its_name_says(staff_client):
    response = staff_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Leaflet", "file": SimpleUploadedFile("leaflet.pdf", phone_jpeg())},
    )
    assert response.status_code == 302, response.content
    document = Document.objects.get()
    assert_clean_and_upright(served(staff_client, document.url))
    assert_wagtail_knows_the_stored_file(document)


def test_a_document_that_is_plain_text_is_stored_as_it_came():
    notes = b"Written by Jo Bloggs at 12 Acacia Avenue\n"
    document = Document.objects.create(title="Notes", file=ContentFile(notes, name="notes.txt"))
    assert stored_bytes(document) == notes


# --- Files stored before the cleaning existed ---


def write_over(instance, data):
    """Put a dirty file in storage under a row, as it was before uploads were cleaned."""
    path = Path(instance.file.path)
    path.write_bytes(data)
    fields = {"file_size": len(data), "file_hash": hash_filelike(io.BytesIO(data))}
    if hasattr(instance, "width"):
        fields.update(width=STORED_SIZE[0], height=STORED_SIZE[1])
    type(instance).objects.filter(pk=instance.pk).update(**fields)


def test_the_command_cleans_files_stored_before_and_makes_renditions_again(client):
    image = Image_.objects.create(title="Path", file=ImageFile(io.BytesIO(phone_jpeg()), name="path.jpg"))
    document = Document.objects.create(title="Path", file=ContentFile(phone_jpeg(), name="path.jpg"))
    Image_.objects.create(title="Already clean", file=ImageFile(io.BytesIO(phone_png()), name="clean.png"))
    Document.objects.create(title="Notes", file=ContentFile(b"just some notes", name="notes.txt"))
    write_over(image, phone_jpeg())
    write_over(document, phone_jpeg())
    assert b"Phonemaker" in stored_bytes(image)
    stale = image.get_rendition("width-800")
    out = io.StringIO()

    call_command("strip_file_metadata", stdout=out)

    assert "Cleaned 1 of 2 images and 1 of 2 documents." in out.getvalue()
    image.refresh_from_db()
    document.refresh_from_db()
    assert_clean_and_upright(served(client, image.file.url))
    assert_clean_and_upright(served(client, document.url))
    assert (image.width, image.height) == UPRIGHT_SIZE
    assert_wagtail_knows_the_stored_file(image)
    assert_wagtail_knows_the_stored_file(document)
    assert not image.renditions.filter(pk=stale.pk).exists()
    assert_clean_and_upright(served(client, image.get_rendition("width-800").url))

    again = io.StringIO()
    call_command("strip_file_metadata", stdout=again)
    assert "Cleaned 0 of 2 images and 0 of 2 documents." in again.getvalue()


def test_the_command_reports_a_missing_file_and_carries_on():
    lost = Image_.objects.create(title="Lost", file=ImageFile(io.BytesIO(phone_jpeg()), name="lost.jpg"))
    Path(lost.file.path).unlink()
    image = Image_.objects.create(title="Path", file=ImageFile(io.BytesIO(phone_jpeg()), name="path.jpg"))
    write_over(image, phone_jpeg())
    out, errors = io.StringIO(), io.StringIO()

    call_command("strip_file_metadata", stdout=out, stderr=errors)

    assert "Cleaned 1 of 2 images" in out.getvalue()
    assert f"Image {lost.pk} (lost.jpg) could not be read" in errors.getvalue()
    assert_clean_and_upright(stored_bytes(Image_.objects.get(pk=image.pk)))
