"""Photo metadata: where, when and with what a picture was taken, removed from its bytes.

A photo straight from a phone carries its GPS position, the camera's make, model and serial number, the
owner's name and the time in EXIF, XMP and IPTC, and often a thumbnail of the uncropped original. On a
survivor's story that can lead the person who abused them to where it was taken.

`strip(data)` returns the picture's bytes without metadata and standing upright (EXIF orientation applied to
the pixels with `ImageOps.exif_transpose` first), keeping only what drawing it needs: the ICC colour profile,
transparency, resolution and, for an animation, its frames, timing and looping. It returns None when there is
nothing to remove, so a clean file is never re-encoded (and cleaning is idempotent). `website.file_metadata`
calls it on every image and document stored, and `website.document_metadata` on the pictures inside a
document.
"""

import io
import struct

from PIL import Image, ImageOps, ImageSequence, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError

try:  # HEIC/HEIF, as iPhones save photos. pillow_heif comes with Wagtail's image library (Willow).
    import pillow_heif
except ImportError:  # pragma: no cover - without it, HEIF files are not read as pictures at all
    pillow_heif = None
else:
    pillow_heif.register_heif_opener()

# The formats read as pictures (a JPEG with more than one picture in it, MPO, is read as JPEG). An
# animated GIF, PNG or WebP keeps its animation.
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "AVIF", "HEIF")
ANIMATED = ("GIF", "PNG", "WEBP")

# What drawing the picture needs, copied onto the clean copy; everything else is left behind.
KEPT = ("icc_profile", "transparency", "dpi", "duration", "loop", "background", "compression")
# What Pillow reports about the encoding itself. Any other entry, unless empty, is metadata to remove.
HARMLESS = (
    *KEPT,
    *("jfif", "jfif_version", "jfif_unit", "jfif_density", "adobe", "adobe_transform"),
    *("progressive", "progression", "resolution", "gamma", "srgb", "chromaticity", "aspect", "interlace"),
    *("version", "disposal", "blend", "default_image", "bbox", "timestamp"),
    *("primary", "bit_depth", "chroma", "nclx_profile", "original_orientation"),
)
GIF_LOOPING_EXTENSIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")
# PNG chunks that hold only the picture: any other (tIME, tEXt, iTXt, zTXt, eXIf, caBX…) is metadata.
PNG_PICTURE_CHUNKS = {
    *(b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"iCCP", b"sRGB", b"gAMA", b"cHRM", b"cICP", b"sBIT"),
    *(b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"),
}
# TIFF tags that describe the pixels; any other (Make, Model, Artist, DateTime, GPS…) is metadata.
TIFF_PICTURE_TAGS = {
    *(254, 256, 257, 258, 259, 262, 266, 273, 277, 278, 279, 282, 283, 284, 296, 305, 317, 320, 322, 323),
    *(324, 325, 338, 339, 530, 531, 532, 34675),
}
ORIENTATION = 0x0112
# Lossy formats are written again at this quality when they must be; a JPEG keeps its own tables instead.
QUALITY = 90


class UnreadablePicture(ValueError):
    """A file that says it is a picture but cannot be decoded, so it cannot be cleaned and is not stored."""


def strip(data):
    """The picture in `data` upright and without metadata; None if it has none (or is not a picture)."""
    try:
        picture = Image.open(io.BytesIO(data), formats=FORMATS)
    except UnidentifiedImageError:
        return None
    except Image.DecompressionBombError as error:
        raise UnreadablePicture(f"The picture is too large to clean: {error}") from error
    with picture:
        try:
            if not _carries_metadata(picture, data):
                return None
            return _clean_copy(picture)
        except (OSError, SyntaxError, ValueError, struct.error) as error:
            raise UnreadablePicture(f"The {picture.format} picture could not be read: {error}") from error


def _carries_metadata(picture, data):
    if picture.format in ("JPEG", "MPO") and _jpeg_has_metadata(picture):
        return True
    if picture.format == "PNG" and any(chunk not in PNG_PICTURE_CHUNKS for chunk in _png_chunks(data)):
        return True
    if picture.format == "TIFF" and set(picture.getexif()) - TIFF_PICTURE_TAGS:
        return True
    if picture.format != "TIFF" and picture.getexif():
        return True
    # Each frame of an animation has its own entries (a GIF's comment may sit on any frame).
    try:
        return any(
            _is_metadata(key, value)
            for frame in ImageSequence.Iterator(picture)
            for key, value in frame.info.items()
        )
    finally:
        picture.seek(0)


def _is_metadata(key, value):
    if key == "extension":  # a GIF application extension: only the looping ones are not metadata
        return value[0] not in GIF_LOOPING_EXTENSIONS
    return bool(value) and key not in HARMLESS


def _jpeg_has_metadata(picture):
    if getattr(picture, "n_frames", 1) > 1:  # a second picture: MPO previews, depth maps
        return True
    for marker, payload in picture.applist:
        if marker == "APP0" and payload.startswith(b"JFIF\0") and payload[12:14] == b"\0\0":
            continue  # JFIF with no thumbnail
        if marker == "APP2" and payload.startswith(b"ICC_PROFILE\0"):
            continue
        if marker == "APP14" and payload.startswith(b"Adobe"):
            continue  # how to read CMYK
        return True  # EXIF, XMP, IPTC, comments, MPF, FlashPix, C2PA, maker segments
    return False


def _png_chunks(data):
    position = 8
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        yield data[position + 4 : position + 8]
        position += 12 + length


def _clean_copy(picture):
    form = "JPEG" if picture.format == "MPO" else picture.format
    options = {"format": form, **_options_for(picture, form)}
    frames = (
        ImageSequence.Iterator(picture) if form in ANIMATED and getattr(picture, "n_frames", 1) > 1 else None
    )
    if frames is None:
        clean = _upright_without_metadata(picture)
    else:
        copies = [_upright_without_metadata(frame) for frame in frames]
        clean = copies[0]
        options.update(save_all=True, append_images=copies[1:])
        options["duration"] = [frame.info.get("duration", 0) for frame in copies]
        if "loop" in clean.info:
            options["loop"] = clean.info["loop"]
        # Pillow hands over each frame whole, already drawn over the ones before: clear the canvas
        # between frames, or transparent parts would show the previous frame through.
        if form == "GIF":
            options["disposal"] = 2
        elif form == "PNG":
            options.update(
                disposal=PngImagePlugin.Disposal.OP_BACKGROUND, blend=PngImagePlugin.Blend.OP_SOURCE
            )
    output = io.BytesIO()
    clean.save(output, **options)
    return output.getvalue()


def _upright_without_metadata(frame):
    upright = ImageOps.exif_transpose(frame)  # a copy, turned as the EXIF orientation says
    upright.info = {key: frame.info[key] for key in KEPT if key in frame.info}
    return upright


def _options_for(picture, form):
    options = {}
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    if form == "JPEG":
        # The original's own quantisation tables and chroma subsampling: no more loss than it already had.
        options["qtables"] = picture.quantization
        if (subsampling := JpegImagePlugin.get_sampling(picture)) != -1:
            options["subsampling"] = subsampling
        options["progressive"] = bool(picture.info.get("progressive"))
        if "dpi" in picture.info:
            options["dpi"] = picture.info["dpi"]
    elif form in ("WEBP", "AVIF", "HEIF"):
        options["quality"] = QUALITY
    elif form == "TIFF" and picture.info.get("compression") not in (None, "raw"):
        options["compression"] = picture.info["compression"]
    elif form == "PNG" and "dpi" in picture.info:
        options["dpi"] = picture.info["dpi"]
    return options
