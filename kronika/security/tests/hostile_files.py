"""Two hundred hostile uploads, made in memory, and how to send one as a browser does.

Each file says what it is, where it goes (the image or the document library)
and what must become of it: refused, or accepted (a picture re-encoded, a
document kept under a safe name). Every payload carries PAYLOAD, so a stored
file that still holds any MARKERS kept something it should not have.
"""

import gzip
import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass

from PIL import Image

PAYLOAD = b'<script>alert("kronika-payload")</script>'
MARKERS = (b"kronika-payload", b"<script", b"<svg", b"<html", b"javascript:", b"onload=", b"<?php")
HTML = b"<html><body>" + PAYLOAD + b"</body></html>"

IMAGE, DOCUMENT = "image", "document"
REFUSED, ACCEPTED = "refused", "accepted"


@dataclass(frozen=True)
class Hostile:
    category: str
    name: str
    data: bytes
    library: str
    expected: str


def hostile_files() -> list[Hostile]:
    files = [
        *_script_svgs(),
        *_polyglot_images(),
        *_files_that_are_not_pictures(),
        *_decompression_bombs(),
        *_huge_pictures(),
        *_truncated_pictures(),
        *_pictures_with_path_names(),
        *_hostile_documents(),
        *_documents_with_path_names(),
    ]
    assert len(files) == 200, len(files)
    return files


def picture(format="JPEG", size=(64, 48), mode="RGB", color="#3a6", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color if mode not in ("P", "1") else 1).save(buffer, format, **options)
    return buffer.getvalue()


def _script_svgs():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    forms = [
        svg + b' onload="alert(1)"><rect width="10" height="10"/></svg><!--' + PAYLOAD + b"-->",
        b'<?xml version="1.0"?>' + svg + b">" + PAYLOAD + b"</svg>",
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "' + PAYLOAD.replace(b'"', b"'")
        + b'"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' + svg + b"><text>&b;</text></svg>",
        svg + b'><foreignObject><html xmlns="http://www.w3.org/1999/xhtml">' + PAYLOAD
        + b"</html></foreignObject></svg>",
        svg + b'><a xlink:href="javascript:alert(1)"><text>x</text></a>' + PAYLOAD + b"</svg>",
        svg + b'><set attributeName="onload" to="alert(1)"/>' + PAYLOAD + b"</svg>",
        ('<?xml version="1.0" encoding="UTF-16"?>' + (svg + b">" + PAYLOAD + b"</svg>").decode())
        .encode("utf-16"),
        gzip.compress(svg + b' onload="alert(1)">' + PAYLOAD + b"</svg>"),
    ]  # fmt: skip
    return [
        Hostile("script SVG", f"drawing-{i}.{extension}", form, IMAGE, REFUSED)
        for i, form in enumerate(forms)
        for extension in ("svg", "png" if i % 2 else "jpg")
    ]


def _jpeg_segment(marker: int, body: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(body) + 2) + body


def _after_soi(jpeg: bytes, segment: bytes) -> bytes:
    return jpeg[:2] + segment + jpeg[2:]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _before_iend(png: bytes, chunk: bytes) -> bytes:
    return png[:-12] + chunk + png[-12:]


def _exif_with_payload(orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = HTML.decode()  # ImageDescription
    if orientation:
        exif[0x0112] = orientation
    return exif.tobytes()


def _animated(format: str, frames: int, size=(24, 24), **options) -> bytes:
    images = [Image.new("RGB", size, (40 * i % 256, 90, 160)) for i in range(frames)]
    buffer = io.BytesIO()
    images[0].save(
        buffer, format, save_all=True, append_images=images[1:], duration=80, loop=0, **options
    )
    return buffer.getvalue()


def _gif_blocks(data: bytes) -> bytes:
    """GIF extension data: sub-blocks of at most 255 bytes, then an empty one."""
    blocks = (data[i : i + 255] for i in range(0, len(data), 255))
    return b"".join(bytes([len(block)]) + block for block in blocks) + b"\x00"


def _gif_javascript_polyglot() -> bytes:
    """A GIF whose first bytes read as `GIF89a/*`, so the file also parses as a script."""
    gif = picture("GIF", size=(0x2A2F, 1), mode="P")
    return b"GIF89a" + gif[6:] + b"*/=alert('kronika-payload');"


def _polyglot_images():
    jpeg = picture("JPEG")
    png = picture("PNG")
    gif = picture("GIF", mode="P")
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + PAYLOAD + b"</x:xmpmeta>"
    jpegs = [
        picture("JPEG", comment=HTML),
        jpeg + HTML,
        picture("JPEG", exif=_exif_with_payload()),
        _after_soi(jpeg, _jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp)),
        _after_soi(jpeg, _jpeg_segment(0xED, b"Photoshop 3.0\x00" + HTML)),
        _after_soi(jpeg, _jpeg_segment(0xEF, HTML)),
        picture("JPEG", icc_profile=b"\x00\x00\x02\x00" + HTML),
        picture("JPEG", size=(60, 40), exif=_exif_with_payload(orientation=6)),
        picture("JPEG", mode="CMYK", color=(0, 120, 200, 0), comment=HTML),
        picture("JPEG", progressive=True) + PAYLOAD,
    ]
    pngs = [
        _before_iend(png, _png_chunk(b"tEXt", b"Comment\x00" + HTML)),
        # Level 0 stores the payload uncompressed, where a scan of the file finds it.
        _before_iend(png, _png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(HTML, 0))),
        _before_iend(png, _png_chunk(b"iTXt", b"Comment\x00\x00\x00\x00\x00" + HTML)),
        png + HTML,
        _before_iend(png, _png_chunk(b"htMl", HTML)),
        _before_iend(png, _png_chunk(b"eXIf", _exif_with_payload()[6:])),
        _before_iend(
            picture("PNG", mode="P", transparency=1), _png_chunk(b"tEXt", b"x\x00" + HTML)
        ),
        picture("PNG", mode="RGBA", color=(9, 9, 9, 100)) + PAYLOAD,
        _before_iend(picture("PNG", mode="LA"), _png_chunk(b"tEXt", b"Comment\x00" + HTML)),
        _before_iend(picture("PNG", mode="I;16"), _png_chunk(b"tEXt", b"Title\x00" + HTML)),
    ]
    gifs = [
        picture("GIF", mode="P", comment=HTML),
        gif + HTML,
        _gif_javascript_polyglot(),
        gif[:-1] + b"\x21\xff\x0bXMP DataXMP" + _gif_blocks(HTML) + b";",
        _animated("GIF", 3, comment=HTML),
        gif[:-1] + b"\x21\x01\x0c" + bytes(12) + _gif_blocks(HTML) + b";",
        picture("GIF", mode="P", transparency=1, comment=HTML),
        gif[:-1] + (b"\x21\xfe" + _gif_blocks(PAYLOAD)) * 2 + b";",
        picture("GIF", mode="P").replace(b"GIF89a", b"GIF87a", 1) + HTML,
        _animated("GIF", 4) + HTML,
    ]
    webps = [
        picture("WEBP", exif=_exif_with_payload()),
        picture("WEBP", xmp=xmp),
        picture("WEBP") + HTML,
        _animated("WEBP", 3, xmp=xmp),
        picture("WEBP", lossless=True, exif=_exif_with_payload()),
        picture("WEBP", icc_profile=b"\x00\x00\x02\x00" + HTML),
    ]
    avifs = [
        picture("AVIF", exif=_exif_with_payload()),
        picture("AVIF", xmp=xmp),
        picture("AVIF") + HTML,
        picture("AVIF", mode="RGBA", color=(1, 2, 3, 50), exif=_exif_with_payload()),
    ]
    named = [
        *((f"jpeg-html-{i}.jpg", data) for i, data in enumerate(jpegs)),
        *((f"png-html-{i}.png", data) for i, data in enumerate(pngs)),
        *((f"gif-script-{i}.gif", data) for i, data in enumerate(gifs)),
        *((f"webp-html-{i}.webp", data) for i, data in enumerate(webps)),
        *((f"avif-html-{i}.avif", data) for i, data in enumerate(avifs)),
    ]
    return [Hostile("polyglot", name, data, IMAGE, ACCEPTED) for name, data in named]


def _files_that_are_not_pictures():
    exe = b"MZ\x90\x00\x03" + bytes(59) + b"This program cannot be run in DOS mode." + PAYLOAD
    elf = b"\x7fELF\x02\x01\x01" + bytes(9) + PAYLOAD
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n" + PAYLOAD + b"\n%%EOF"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("index.html", HTML)
    files = [
        ("setup.jpg", exe),
        ("program.png", elf),
        ("page.jpg", HTML),
        ("page.gif", HTML),
        ("magic-then-html.gif", b"GIF89a" + HTML),
        ("magic-then-html.jpg", b"\xff\xd8\xff\xe0" + HTML),
        ("magic-then-html.png", b"\x89PNG\r\n\x1a\n" + HTML),
        ("shell.jpg", b"<?php system($_GET['c']); ?>" + PAYLOAD),
        ("script.gif", b"alert('kronika-payload');" + PAYLOAD),
        ("statement.jpg", pdf),
        ("archive.png", archive.getvalue()),
        ("bitmap.jpg", picture("BMP") + PAYLOAD),
        ("scan.jpg", picture("TIFF") + PAYLOAD),
        ("favicon.png", picture("ICO", size=(16, 16)) + PAYLOAD),
        ("layers.jpg", picture("PPM") + PAYLOAD),
        ("notes.webp", b"RIFF\x20\x00\x00\x00WEBP" + HTML),
        ("data.avif", b'{"a": "' + PAYLOAD + b'"}'),
        ("print.jpg", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n" + PAYLOAD),
        ("icon.gif", picture("PCX") + PAYLOAD),
        ("photo.jpg.html", picture("JPEG") + HTML),
    ]
    return [Hostile("not a picture", name, data, IMAGE, REFUSED) for name, data in files]


def _png_header(width: int, height: int, depth=8, color_type=0, idat=b"") -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", idat or zlib.compress(b"", 9))
        + _png_chunk(b"IEND", b"")
    )


def _png_bomb(width: int, height: int, rows: int = 2000) -> bytes:
    """A real all-zero PNG stream of `rows` rows: a few KB that would decode to gigabytes."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    idat = b"".join(compressor.compress(row) for _ in range(rows)) + compressor.flush()
    return _png_header(width, height, idat=idat)


def _gif_header(width: int, height: int) -> bytes:
    return (
        b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + bytes(6)
        + b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00;"
    )  # fmt: skip


def _gif_frames(frames: int) -> bytes:
    """A 200x200 animation of `frames` one-pixel frames, each drawn on the whole canvas."""
    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    header = b"GIF89a" + struct.pack("<HHBBB", 200, 200, 0x80, 0, 0) + bytes(6)
    return header + frame * frames + b";"


def _apng_claiming(frames: int) -> bytes:
    """A 300x300 PNG whose animation control chunk announces `frames` frames."""
    png = picture("PNG", size=(300, 300))
    animation = _png_chunk(b"acTL", struct.pack(">II", frames, 0))
    return png[:33] + animation + png[33:]


def _jpeg_claiming(width: int, height: int) -> bytes:
    jpeg = picture("JPEG", size=(8, 8))
    sof = jpeg.index(b"\xff\xc0")
    return jpeg[: sof + 5] + struct.pack(">HH", height, width) + jpeg[sof + 9 :]


def _text_bomb(kind: bytes) -> bytes:
    bomb = zlib.compress(b"A" * 64 * 1024**2, 9)
    body = b"Comment\x00\x00" + bomb if kind == b"zTXt" else b"Comment\x00\x01\x00\x00\x00" + bomb
    return _before_iend(picture("PNG"), _png_chunk(kind, body))


def _decompression_bombs():
    bombs = [
        ("zeros-30000x30000.png", _png_bomb(30000, 30000)),
        ("zeros-50000x50000.png", _png_bomb(50000, 50000, rows=200)),
        ("bits-65535x65535.png", _png_header(65535, 65535, depth=1)),
        ("palette-20000x20000.png", _png_header(20000, 20000, color_type=3)),
        ("lzw-65535x65535.gif", _gif_header(65535, 65535)),
        ("claims-65500x65500.jpg", _jpeg_claiming(65500, 65500)),
        ("vp8l-16384x16384.webp", _webp_lossless_claiming(16384, 16384)),
        ("frames-5000.gif", _gif_frames(5000)),
        ("frames-100000.png", _apng_claiming(100_000)),
        ("ztxt-bomb.png", _text_bomb(b"zTXt")),
        ("itxt-bomb.png", _text_bomb(b"iTXt")),
        ("tall-1x90000000.png", _png_header(1, 90_000_000)),
    ]
    return [Hostile("decompression bomb", name, data, IMAGE, REFUSED) for name, data in bombs]


def _webp_lossless_claiming(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    vp8l = b"\x2f" + struct.pack("<I", bits) + bytes(16)
    chunk = b"VP8L" + struct.pack("<I", len(vp8l)) + vp8l
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def _huge_pictures():
    padding = random.Random(9).randbytes(21 * 1024**2)
    huge = [
        ("photo-7000x7000.jpg", picture("JPEG", size=(7000, 7000))),
        ("scan-10000x4500.png", picture("PNG", size=(10000, 4500), mode="L")),
        ("claims-12000x12000.jpg", _jpeg_claiming(12000, 12000)),
        ("banner-40001x1001.gif", _gif_header(40001, 1001)),
        ("padded-21mb.jpg", picture("JPEG") + padding),
        ("padded-21mb.png", picture("PNG") + padding),
        ("claims-8000x8000.webp", _webp_lossless_claiming(8000, 8000)),
        ("strip-50000000x1.png", _png_header(50_000_000, 1)),
    ]
    return [Hostile("huge picture", name, data, IMAGE, REFUSED) for name, data in huge]


def _truncated_pictures():
    jpeg = picture("JPEG", size=(400, 300), color="#c84")
    noise = Image.frombytes("RGB", (200, 150), random.Random(4).randbytes(200 * 150 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    png = buffer.getvalue()
    gif = _animated("GIF", 3, size=(120, 90))
    webp = picture("WEBP", size=(300, 200))
    avif = picture("AVIF", size=(300, 200))
    idat = png.index(b"IDAT") - 4
    bad_crc = bytearray(png)
    bad_crc[idat + 20] ^= 0xFF
    truncated = [
        ("cut-10.jpg", jpeg[: len(jpeg) // 10]),
        ("cut-50.jpg", jpeg[: len(jpeg) // 2]),
        ("cut-90.jpg", jpeg[: len(jpeg) * 9 // 10]),
        ("only-headers.jpg", jpeg[:20]),
        ("cut-30.png", png[: len(png) * 3 // 10]),
        ("cut-70.png", png[: len(png) * 7 // 10]),
        ("no-idat.png", png[:idat] + png[-12:]),
        ("bad-crc.png", bytes(bad_crc)),
        ("cut-50.gif", gif[: len(gif) // 2]),
        ("header-only.gif", gif[:13]),
        ("cut-50.webp", webp[: len(webp) // 2]),
        ("cut-50.avif", avif[: len(avif) // 2]),
        ("one-byte.jpg", b"\xff"),
        ("empty.png", b""),
        ("noise.jpg", random.Random(5).randbytes(1000)),
        ("soi-eoi.jpg", b"\xff\xd8\xff\xd9"),
    ]
    return [Hostile("truncated", name, data, IMAGE, REFUSED) for name, data in truncated]


PATH_NAMES = [
    "../../x.jpg",
    "..\\..\\x.jpg",
    "/etc/passwd.jpg",
    "C:\\Windows\\win.ini.jpg",
    "....//....//x.jpg",
    "..%2f..%2fx.jpg",
    "%2e%2e/%2e%2e/x.jpg",
    "x\x00.php.jpg",
    "x.php\x00.png",
    "a" * 300 + ".jpg",
    "ж" * 300 + ".png",
    "CON.jpg",
    "nul.png",
    "COM1.jpg",
    "LPT9.png",
    ".htaccess.jpg",
    "x..jpg",
    "-rf.png",
    "exe\u202egpj.jpg",
    "\uff46\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48.jpg",
    "\uff0e\uff0e\uff0f\uff0e\uff0e\uff0fetc\uff0fpasswd.png",
    "\u2024\u2024/x.jpg",
    "x.jpg\n.html.jpg",
    "x.jpg;.html.png",
    "x.html.jpg",
    '<img src=x onerror="alert(1)">.jpg',
    "~/.ssh/authorized_keys.png",
    "/proc/self/environ.png",
    "\\\\server\\share\\x.jpg",
    "file:///etc/passwd.jpg",
    "a...jpg",
    "x/../../y.png",
    "./x.jpg",
    "%00.jpg",
    "\U0001f642.png",
    "ñ" * 100 + ".png",
    "x" * 1000 + ".jpg",
    "name with spaces & 'quotes\".jpg",
    "UPPER.JPG",
    "tab\there.png",
]


def _pictures_with_path_names():
    return [
        Hostile(
            "path name",
            name,
            picture("PNG" if name.lower().endswith(".png") else "JPEG", color="#a36"),
            IMAGE,
            # Django answers 400 to a part whose headers pass 1 KB.
            REFUSED if len(name) > 900 else ACCEPTED,
        )
        for name in PATH_NAMES
    ]


def pdf(*objects: bytes) -> bytes:
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % (n + 1, obj) for n, obj in enumerate(objects))
    return b"%PDF-1.7\n" + body + b"trailer<</Root 1 0 R>>\n%%EOF\n"


def office(extension: str, *, main_type: str | None = None, extra=(), content_types=True):
    main_parts = {
        "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
        "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
        "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
    }
    part, kind = main_parts[extension]
    main_type = main_type or f"application/vnd.openxmlformats-officedocument.{kind}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if content_types:
            archive.writestr(
                "[Content_Types].xml",
                f'<Types><Override PartName="/{part}" ContentType="{main_type}"/></Types>',
            )
        archive.writestr(part, "<document>Minutes of the board meeting</document>")
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


def opendocument(extension: str, *, mimetype: str | None = None, extra=(), first=True):
    types = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}
    mimetype = mimetype or f"application/vnd.oasis.opendocument.{types[extension]}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if not first:
            archive.writestr("meta.xml", "<meta/>")
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A .docx whose one extra part inflates from about 100 KB to 100 MB."""
    buffer = io.BytesIO(office("docx"))
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("word/media/zeros.bin", "w") as part,
    ):
        for _ in range(100):
            part.write(bytes(1024**2))
    return buffer.getvalue()


def _many_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for n in range(12_000):
            archive.writestr(f"xl/p{n}", b"")
    return buffer.getvalue()


def _escaping_member() -> bytes:
    return office("docx", extra=[("../../../etc/cron.d/job", PAYLOAD)])


def _encrypted_member() -> bytes:
    data = bytearray(office("xlsx"))
    # Set the "encrypted" flag of every entry, in the local and central headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 0x01
            start += 4
    return bytes(data)


def _hostile_documents():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">' + PAYLOAD + b"</svg>"
    refused = [
        ("report.pdf", HTML),
        ("polyglot.pdf", HTML + b"\n" + pdf(b"<</Type/Catalog>>")),
        ("script.pdf", pdf(b"<</Type/Catalog/OpenAction 2 0 R>>", b"<</S/JavaScript/JS(1)>>")),
        ("hidden-script.pdf", pdf(b"<</Type/Catalog/OpenAction<</S/J#61vaScript/JS 2 0 R>>>>")),
        ("launch.pdf", pdf(b"<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>")),
        ("truncated.pdf", pdf(b"<</Type/Catalog>>")[:-7]),
        ("setup.pdf", b"MZ\x90\x00" + bytes(60) + PAYLOAD),
        ("setup.docx", b"MZ\x90\x00" + bytes(60) + PAYLOAD),
        ("bomb.docx", _zip_bomb()),
        ("members.xlsx", _many_members()),
        ("macros.docx", office("docx", extra=[("word/vbaProject.bin", PAYLOAD)])),
        ("bare-zip.docx", office("docx", content_types=False)),
        (
            "really-docm.docx",
            office("docx", main_type="application/vnd.ms-word.document.macroEnabled.main+xml"),
        ),
        ("escaping.docx", _escaping_member()),
        ("encrypted.xlsx", _encrypted_member()),
        ("not-slides.pptx", office("docx")),
        ("wrong-type.odt", opendocument("odt", mimetype="text/html")),
        ("macros.ods", opendocument("ods", extra=[("Basic/Standard/Module1.xml", PAYLOAD)])),
        ("mimetype-second.odp", opendocument("odp", first=False)),
        ("nul.txt", b"plain text\x00" + PAYLOAD),
        ("utf16.txt", "text in UTF-16".encode("utf-16")),
        ("latin1.csv", "name,city\nJürgen,Köln\n".encode("latin-1")),
        ("nul.csv", b"a,b\n1,\x00\n"),
        ("page.html", HTML),
        ("drawing.svg", svg),
        ("script.js", PAYLOAD),
        ("setup.exe", b"MZ" + PAYLOAD),
        ("shell.php", b"<?php echo 1; ?>"),
        ("macros.docm", office("docx")),
        ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
        ("no-extension", b"plain text"),
        ("report.pdf.html", pdf(b"<</Type/Catalog>>")),
    ]  # fmt: skip
    accepted = [
        ("drawing.txt", svg),
        ("page.txt", HTML),
        ("ANNUAL-REPORT.PDF", pdf(b"<</Type/Catalog>>")),
        ("minutes.docx", office("docx")),
    ]
    return [
        *(Hostile("hostile document", n, d, DOCUMENT, REFUSED) for n, d in refused),
        *(Hostile("hostile document", n, d, DOCUMENT, ACCEPTED) for n, d in accepted),
    ]


def _documents_with_path_names():
    names = [
        ("../../evil.pdf", pdf(b"<</Type/Catalog>>")),
        ("..\\..\\evil.pdf", pdf(b"<</Type/Catalog>>")),
        ("/etc/cron.d/job.txt", b"* * * * * root true\n"),
        ("CON.txt", b"a console\n"),
        (".bashrc.txt", b"alias ls=rm\n"),
        ("d" * 300 + ".pdf", pdf(b"<</Type/Catalog>>")),
        ('<img src=x onerror="alert(1)">.xlsx', office("xlsx")),
        ("\uff0e\uff0e\uff0fdata.csv", b"a,b\n1,2\n"),
        ("report\u202efdp.txt", b"right to left\n"),
        ("nul.odt", opendocument("odt")),
        ("a\x00b.pptx", office("pptx")),
        ("~/.profile.ods", opendocument("ods")),
    ]
    return [Hostile("path name", n, d, DOCUMENT, ACCEPTED) for n, d in names]


def multipart(fields: dict[str, str], file_field: str | None = None, name="", data=b""):
    """A multipart/form-data body as a browser builds it, the file name sent as typed.

    Browsers escape only quotes and line breaks in the name; everything else
    (slashes, backslashes, dots, NUL) reaches the server as it was.
    """
    boundary = f"----kronika{random.getrandbits(64):016x}"
    escaped = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    if file_field:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="{escaped}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"
