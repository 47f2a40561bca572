"""What an uploaded picture becomes before Kronika keeps it, and the names uploads are kept under.

Every picture and document is stored under a name no file had before
(unique_file_name), made of the name it was sent with.

A picture is accepted for what its bytes are, never for its name: Pillow must
recognise it as one of the web formats the paper publishes, it must fit the
size and pixel limits before a single pixel is decoded, and it is then decoded
and written again in its own format. Only pixels survive, turned upright and
into sRGB: no EXIF (a source's GPS position, the camera's serial number), no
comments, XMP or trailing bytes, so a JPEG that is also an HTML page or a
script becomes a plain JPEG.
"""

import io
import re
import secrets
import threading
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError
from wagtail.coreutils import string_to_ascii
from wagtail.images.utils import get_allowed_image_extensions

# Pillow's name of each format the paper publishes, and the extension it is stored under.
FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}
FORMAT_NAMES = "JPEG, PNG, GIF, WebP or AVIF"
# What a frame may carry besides pixels: how it is drawn and how an animation runs.
FRAME_INFO = ("transparency", "duration")
ANIMATION_INFO = ("loop",)
# Modes every target format stores as they are; others become RGB(A) first.
PORTABLE_MODES = {
    "JPEG": {"L", "RGB"},
    "PNG": {"1", "L", "LA", "P", "RGB", "RGBA", "I;16"},
    "GIF": {"L", "P", "RGB", "RGBA"},
    "WEBP": {"RGB", "RGBA"},
    "AVIF": {"RGB", "RGBA"},
}
SRGB = ImageCms.createProfile("sRGB")
# One picture is decoded at a time in each server process. A picture at the
# pixel limit takes 250 MB while it is turned upright or converted; several at
# once would take the server's memory.
DECODING = threading.Lock()
MAX_SIDE = 20_000

WINDOWS_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in range(10)
}
MAX_STEM = 60
MAX_SUFFIX = 10
# Eight hex digits: a new upload draws the tag of an earlier file of the same
# name one time in four billion, and storage still refuses a name that is taken.
UNIQUE_TAG_BYTES = 4
UNIQUE_TAG = re.compile(rf"^[0-9a-f]{{{UNIQUE_TAG_BYTES * 2}}}-")


class ReencodedImage(ContentFile):
    """A picture's bytes as this module wrote them, so they are not re-encoded twice."""


def reencode_image(file, name: str | None = None) -> ReencodedImage:
    """The picture in `file` decoded and written again, or a ValidationError saying why not."""
    name = name or getattr(file, "name", None) or "picture"
    with opened_picture(file) as picture, DECODING:
        try:
            if getattr(picture, "n_frames", 1) == 1:
                output = _reencoded_still(picture)
            else:
                output = _reencoded_animation(picture)
        except Exception as error:  # truncated or corrupt data fails inside the decoders
            raise _damaged() from error
        extension = FORMATS[picture.format]
    return ReencodedImage(output, name=safe_file_name(name, extension))


def check_picture(file) -> str:
    """Pillow's name for the format of the picture in `file`, once its header shows it fits.

    Nothing is decoded.
    """
    with opened_picture(file) as picture:
        format = picture.format
    file.seek(0)
    return format


def opened_picture(file) -> Image.Image:
    """`file` opened by Pillow, header only, once it is known to fit the limits."""
    check_upload_size(file.size, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    file.seek(0)
    try:
        picture = Image.open(file, formats=_accepted_formats())
        frames = getattr(picture, "n_frames", 1)
    except UnidentifiedImageError:
        raise ValidationError(
            f"This file is not a picture in a format the paper accepts ({FORMAT_NAMES}). "
            "SVG and other drawings with code in them are not accepted.",
            code="invalid_image",
        ) from None
    except Image.DecompressionBombError:
        raise _too_many_pixels("far more pixels than any photograph") from None
    except Exception as error:  # Pillow's parsers fail in many ways on hostile input
        raise _damaged() from error
    try:
        _check_dimensions(picture, frames)
    except ValidationError:
        picture.close()
        raise
    return picture


def _check_dimensions(picture: Image.Image, frames: int):
    width, height = picture.size
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    described = f"{width}x{height} pixels" + (f" in {frames} frames" if frames > 1 else "")
    if limit is not None and width * height * frames > limit:
        raise _too_many_pixels(described)
    # Pillow keeps a pointer for every row: a picture one pixel wide and 30
    # million tall would take 240 MB before a pixel is decoded.
    if max(width, height) > MAX_SIDE:
        raise ValidationError(
            f"This picture has {described}. Neither side may be longer than {MAX_SIDE} "
            "pixels; please make it smaller first.",
            code="file_too_many_pixels",
        )
    if frames > 1 and picture.format == "PNG":
        # Wagtail cannot make renditions of animated PNGs.
        raise ValidationError(
            "Animated PNG pictures are not accepted; please use an animated GIF or WebP.",
            code="invalid_image",
        )


def check_upload_size(size: int | None, limit: int | None):
    if limit is not None and (size is None or size > limit):
        raise ValidationError(
            f"This file is too big ({filesizeformat(size or 0)}). "
            f"The largest accepted is {filesizeformat(limit)}.",
            code="file_too_large",
        )


def _accepted_formats() -> list[str]:
    extensions = {"jpg" if ext == "jpeg" else ext for ext in get_allowed_image_extensions()}
    return [pillow for pillow, extension in FORMATS.items() if extension in extensions]


def _reencoded_still(picture: Image.Image) -> bytes:
    format = picture.format
    picture.load()
    icc_profile = picture.info.get("icc_profile")
    # The source's quantisation tables can be reused only while the pixels
    # are still in the decoded JPEG itself; that spares a photo a second loss.
    keep_jpeg_quality = format == "JPEG" and picture.mode in PORTABLE_MODES["JPEG"]
    ImageOps.exif_transpose(picture, in_place=True)
    if icc_profile:
        _to_srgb_in_place(picture, icc_profile)
    image = _portable(picture, format)
    image.info = _drawing_info(picture, image)
    options = _save_options(format)
    if keep_jpeg_quality and image is picture:
        options.update(quality="keep", subsampling="keep")
    return _save(image, format, options)


def _reencoded_animation(picture: Image.Image) -> bytes:
    format = picture.format
    animation = {key: picture.info[key] for key in ANIMATION_INFO if key in picture.info}
    frames, durations = [], []
    for frame in ImageSequence.Iterator(picture):
        frame.load()
        # A copy of the pixels alone: seeking brings each frame's comments back into `info`.
        clean = _portable(frame, format).copy()
        clean.info = _drawing_info(frame, clean)
        frames.append(clean)
        durations.append(frame.info.get("duration", 100))
    options = _save_options(format)
    options.update(animation, save_all=True, append_images=frames[1:], duration=durations)
    return _save(frames[0], format, options)


def _drawing_info(source: Image.Image, image: Image.Image) -> dict:
    """What `image` keeps of `source`'s info: its transparent colour only in the same mode."""
    keep = FRAME_INFO if image.mode == source.mode else ("duration",)
    return {key: source.info[key] for key in keep if key in source.info}


def _to_srgb_in_place(picture: Image.Image, icc_profile: bytes):
    """Convert the pixels from their embedded colour profile, which is then not kept.

    A profile is an opaque blob that could carry anything; sRGB is what the web
    assumes for a picture without one.
    """
    if picture.mode not in ("RGB", "RGBA"):
        return
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        ImageCms.profileToProfile(picture, source, SRGB, outputMode=picture.mode, inPlace=True)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A profile lcms cannot use, or one for other kinds of pixels: the
        # pixels are kept as they are, which browsers show as sRGB.
        return


def _portable(image: Image.Image, format: str) -> Image.Image:
    if image.mode in PORTABLE_MODES[format]:
        return image
    has_alpha = "A" in image.mode or "transparency" in image.info
    return image.convert("RGBA" if has_alpha and format != "JPEG" else "RGB")


def _save_options(format: str) -> dict:
    return {
        "JPEG": {"quality": 90},
        "PNG": {"compress_level": 6},
        "GIF": {},
        "WEBP": {"quality": 90, "method": 4},
        "AVIF": {"quality": 85},
    }[format]


def _save(image: Image.Image, format: str, options: dict) -> bytes:
    buffer = io.BytesIO()
    # Named explicitly so that nothing the source carried is written back.
    image.save(buffer, format, exif=b"", **options)
    return buffer.getvalue()


def _too_many_pixels(described: str) -> ValidationError:
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS or Image.MAX_IMAGE_PIXELS
    return ValidationError(
        f"This picture has {described}. The largest accepted is "
        f"{limit / 1_000_000:g} million pixels; please make it smaller first.",
        code="file_too_many_pixels",
    )


def _damaged() -> ValidationError:
    return ValidationError(
        "This picture is damaged or incomplete and cannot be read. "
        "Please export it again from the original.",
        code="damaged_image",
    )


def safe_file_name(name: str, extension: str | None = None, max_stem: int = MAX_STEM) -> str:
    """A name for a stored file that is only ever a name, never a path.

    Made of ASCII letters, digits, '-', '_' and single dots, with no directory,
    no leading dot or dash, no Windows device name, and a bounded length, from
    whatever the browser sent: `../../x.jpg`, `..\\x.jpg`, `/etc/passwd`, NUL
    bytes, right-to-left overrides or 300 characters. `extension` replaces the
    one the name claims.
    """
    # Normalised first: a fullwidth solidus or dot leader becomes "/" or "." here.
    # Control and format characters (NUL, tab, a right-to-left override) go.
    base = unicodedata.normalize("NFKC", str(name))
    base = "".join(char for char in base if unicodedata.category(char)[0] != "C")
    base = string_to_ascii(base.replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    if extension is not None:
        suffix = extension
    suffix = re.sub(r"[^a-z0-9]", "", suffix.lower())[:MAX_SUFFIX]
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem)
    stem = re.sub(r"\.{2,}", ".", stem).strip(".-_")[:max_stem].rstrip(".-_")
    if not stem or stem.split(".")[0].upper() in WINDOWS_DEVICE_NAMES:
        stem = f"file-{stem}".rstrip("-")
    return f"{stem}.{suffix}" if suffix else stem


def unique_file_name(name: str, extension: str | None = None) -> str:
    """safe_file_name behind a random tag: `3f9a1c2b-harbour.jpg`, a name no earlier upload had.

    Pictures are served with long cache lifetimes (nginx, a bucket, a CDN), which
    keep a file by its address: a deleted picture's name given to a new upload
    would show the old picture at the new one's address until they expire. The
    tag leads, because Wagtail shortens a rendition's name from its end to make
    room for the filter (`3f9a1c2b-harbour.fill-480x270.format-webp.webp`).
    """
    tag = secrets.token_hex(UNIQUE_TAG_BYTES)
    # Short enough that storage's own safe_file_name keeps it whole.
    readable = safe_file_name(name, extension, max_stem=MAX_STEM - len(tag) - 1)
    return f"{tag}-{readable}"


def readable_file_name(stored_name: str) -> str:
    """A stored file's name as it was uploaded, without its folder and unique tag."""
    return UNIQUE_TAG.sub("", stored_name.rsplit("/", 1)[-1])


def give_documents_unique_names(document_model) -> None:
    """Store each of the document model's files under a unique_file_name, however it is saved.

    Unlike images, Wagtail's documents have no get_upload_to: their files go to
    upload_to="documents" as named, and changing upload_to would change Wagtail's
    own migrations. Wrapping the field's generate_filename reaches every way a
    document's file is written: the forms, the file the multiple upload held
    aside, the WordPress importer.
    """
    field = document_model._meta.get_field("file")
    generate_filename = field.generate_filename
    field.generate_filename = lambda instance, filename: generate_filename(
        instance, unique_file_name(filename)
    )
