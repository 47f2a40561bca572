"""What a document must be to be kept: one of a few types, whose bytes are what its name says.

Each accepted extension has a check of its own, written narrowly: a PDF starts
as one and has no scripts or launch actions a scan can see; an Office or
OpenDocument file is a zip with the parts of that kind of file and no macros,
small enough unpacked that it cannot be a zip bomb; text is UTF-8 without NUL
bytes. An extension without a check here is refused whatever
WAGTAILDOCS_EXTENSIONS allows.
Documents are then only ever served as downloads (see WAGTAILDOCS_* in the settings).
"""

import codecs
import posixpath
import re
import struct
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError

PDF_TAIL = 8192
# A PDF name runs to the next white space or delimiter, and may spell letters
# as #xx: /J#61vaScript is /JavaScript. Every script action is of type
# /JavaScript; shorter names such as /JS turn up by chance in compressed data.
PDF_NAME = re.compile(rb"/([^\s()<>\[\]{}/%]+)")
PDF_ACTIVE_NAMES = {b"JavaScript", b"Launch"}

# What the zip's [Content_Types].xml names as the main part of each Office type;
# the macro-enabled variants (docm, xlsm, pptm) name another type, and are refused.
OOXML_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# Bounds that no real document reaches and every zip bomb passes.
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_DIRECTORY = ZIP_MAX_MEMBERS * 512
ZIP_END_RECORD = b"PK\x05\x06"
ZIP_MAX_UNPACKED = 256 * 1024**2
ZIP_MAX_RATIO = 200
ZIP_MAX_SMALL_PART = 1024**2
MACRO_PARTS = re.compile(r"(^|/)vbaProject\.bin$|^(Basic|Scripts)/", re.IGNORECASE)

TEXT_CHUNK = 64 * 1024


def check_document(file, extension: str) -> None:
    """Raise a ValidationError unless `file`'s bytes are a document of type `extension`."""
    accepted = accepted_extensions()
    if extension.lower() not in accepted:
        raise ValidationError(
            "Documents of this type are not accepted. Accepted types: "
            + ", ".join(f".{name}" for name in sorted(accepted))
            + ".",
            code="invalid_extension",
        )
    file.seek(0)
    try:
        CHECKS[extension.lower()](file, extension.lower())
    finally:
        file.seek(0)


def accepted_extensions() -> set[str]:
    """WAGTAILDOCS_EXTENSIONS, less any extension that has no check here."""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or CHECKS
    return {extension.lower() for extension in allowed} & set(CHECKS)


def _not_what_it_says(extension: str, why: str) -> ValidationError:
    return ValidationError(
        f"This file is not a valid .{extension} document: {why}.", code="invalid_content"
    )


def _check_pdf(file, extension):
    if not file.read(8).startswith((b"%PDF-1.", b"%PDF-2.")):
        raise _not_what_it_says(extension, "it does not start as a PDF does")
    file.seek(max(file.size - PDF_TAIL, 0))
    if b"%%EOF" not in file.read(PDF_TAIL):
        raise _not_what_it_says(extension, "it does not end as a PDF does")
    file.seek(0)
    # Names that run code or programs when the PDF is opened. Streams compressed
    # inside object streams escape this scan; the download and its
    # Content-Security-Policy are the defence then.
    previous = b""
    for chunk in file.chunks():
        window = previous + chunk
        for match in PDF_NAME.finditer(window):
            if _pdf_name(match.group(1)) in PDF_ACTIVE_NAMES:
                raise _not_what_it_says(extension, "it contains scripts or launch actions")
        previous = window[-64:]


def _pdf_name(raw: bytes) -> bytes:
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)


def _opened_zip(file, extension) -> zipfile.ZipFile:
    if file.read(4) != b"PK\x03\x04":
        raise _not_what_it_says(extension, "it is not a zip archive, as such documents are")
    # zipfile builds an object for every entry in the central directory, so
    # its declared size is bounded first: 20 MB of tiny entries would take
    # hundreds of megabytes of memory.
    if not _zip_directory_is_small(file):
        raise _not_what_it_says(extension, "its zip archive is damaged or far too large")
    file.seek(0)
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise _not_what_it_says(extension, "its zip archive is damaged") from error
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    if (
        len(members) > ZIP_MAX_MEMBERS
        or unpacked > ZIP_MAX_UNPACKED
        or unpacked > ZIP_MAX_RATIO * max(file.size, 1)
    ):
        raise _not_what_it_says(extension, "it would unpack to far more than it holds")
    for member in members:
        name = member.filename
        if (
            name.startswith("/")
            or "\\" in name
            or ".." in posixpath.normpath(name).split("/")
            or member.flag_bits & 0x1
        ):
            raise _not_what_it_says(extension, "it holds encrypted parts or parts outside it")
        if MACRO_PARTS.search(name):
            raise _not_what_it_says(extension, "it contains macros")
    return archive


def _zip_directory_is_small(file) -> bool:
    tail_size = min(file.size, 22 + 65_535)
    file.seek(file.size - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(ZIP_END_RECORD)
    if at < 0 or len(tail) - at < 22:
        return False
    entries, directory_size = struct.unpack("<HI", tail[at + 10 : at + 16])
    return entries <= ZIP_MAX_MEMBERS and directory_size <= ZIP_MAX_DIRECTORY


def _small_part(archive: zipfile.ZipFile, name: str, extension) -> bytes | None:
    try:
        member = archive.getinfo(name)
    except KeyError:
        return None
    if member.file_size > ZIP_MAX_SMALL_PART:
        raise _not_what_it_says(extension, f"its {name} is far too large")
    try:
        with archive.open(member) as part:
            # Read no more than the header claims, whatever the stream would inflate to.
            return part.read(ZIP_MAX_SMALL_PART + 1)[:ZIP_MAX_SMALL_PART]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise _not_what_it_says(extension, "its zip archive is damaged") from error


def _check_ooxml(file, extension):
    archive = _opened_zip(file, extension)
    content_types = _small_part(archive, "[Content_Types].xml", extension)
    if content_types is None or OOXML_MAIN_TYPES[extension].encode() not in content_types:
        raise _not_what_it_says(extension, "it lacks the parts such a document has")


def _check_odf(file, extension):
    archive = _opened_zip(file, extension)
    members = archive.infolist()
    # The OpenDocument standard puts an uncompressed "mimetype" first, naming the type.
    first = members[0] if members else None
    if (
        first is None
        or first.filename != "mimetype"
        or first.compress_type != zipfile.ZIP_STORED
        or _small_part(archive, "mimetype", extension) != ODF_MIMETYPES[extension].encode()
        or "content.xml" not in archive.namelist()
    ):
        raise _not_what_it_says(extension, "it lacks the parts such a document has")


def _check_text(file, extension):
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in file.chunks(TEXT_CHUNK):
            if b"\x00" in chunk:
                raise _not_what_it_says(extension, "it contains binary data")
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _not_what_it_says(extension, "it is not UTF-8 text") from None


CHECKS = {
    "pdf": _check_pdf,
    **dict.fromkeys(OOXML_MAIN_TYPES, _check_ooxml),
    **dict.fromkeys(ODF_MIMETYPES, _check_odf),
    "txt": _check_text,
    "csv": _check_text,
}
