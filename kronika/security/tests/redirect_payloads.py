"""Hostile redirect targets, and where a browser would really go when sent to one.

Python's urljoin is no guide to what a browser does with a Location: browsers
drop tabs and newlines anywhere, read a backslash as a slash in http(s)
addresses, skip any number of slashes before a host, and take "https:evil" from
an http page as https://evil/. `destination` follows the WHATWG URL standard on
those points, so a redirect counts as off-site exactly when a browser would leave.
"""

import re
import unicodedata
from urllib.parse import unquote, urlsplit

PAYLOADS = [
    "//evil.example",
    "//evil.example/",
    "///evil.example",
    "////evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "https:evil.example",
    "http:evil.example",
    "https:/evil.example",
    "https:\\\\evil.example",
    "http:/\\evil.example",
    "https:///evil.example",
    "https://evil.example",
    "HTTPS://EVIL.EXAMPLE/",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "%5C%5Cevil.example",
    "//evil%00.example",
    "//evil.example%00",
    "\x00//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "   https://evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https://evil.example@127.0.0.1/",
    "https://127.0.0.1.evil.example/",
    "https://testserver.evil.example/",
    "//testserver@evil.example/",
    "https://testserver\\@evil.example/",
    "https://evil.example#@testserver/",
    "https://evil.example?@testserver/",
    "\uff0f\uff0fevil.example",
    "/\uff0fevil.example",
    "\u2215\u2215evil.example",
    "//evil\u3002example",
    "//evil.example:443/",
    "/.//evil.example",
    "%0D%0A//evil.example",
    "/%09/evil.example",
]

C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(.*)", re.DOTALL)
META_REFRESH = re.compile(
    r"<meta[^>]+http-equiv=[\"']?refresh[\"']?[^>]*content=[\"']?\s*\d*\s*;?\s*url\s*=\s*([^\"'>]+)",
    re.IGNORECASE,
)
SCRIPT_REDIRECT = re.compile(
    r"location(?:\.href)?\s*=\s*[\"']([^\"']*)[\"']"
    r"|location\.(?:replace|assign)\(\s*[\"']([^\"']*)[\"']",
    re.IGNORECASE,
)


def _host(authority: str) -> str:
    authority = re.split(r"[/?#]", authority, maxsplit=1)[0]
    host = authority.rpartition("@")[2]
    if not host.startswith("["):
        host = host.partition(":")[0]
    # Browsers percent-decode a host, then map it as IDNA does (full-width dots
    # and letters to ASCII).
    return unicodedata.normalize("NFKC", unquote(host)).replace("\u3002", ".").lower()


def destination(location: str, page_url: str) -> tuple[str, str]:
    """The scheme and host a browser goes to when a response from `page_url` says `location`."""
    page = urlsplit(page_url)
    text = re.sub(r"[\t\n\r]", "", location.strip(C0_AND_SPACE))
    scheme = page.scheme
    absolute = SCHEME.fullmatch(text)
    if absolute:
        scheme, rest = absolute.group(1).lower(), absolute.group(2)
        if scheme not in ("http", "https"):
            return scheme, ""
        rest = rest.replace("\\", "/")
        if scheme != page.scheme or rest.startswith("//"):
            return scheme, _host(rest.lstrip("/"))
        text = rest
    text = text.replace("\\", "/")
    if text.startswith("//"):
        return scheme, _host(text.lstrip("/"))
    return scheme, page.hostname or ""


def redirect_targets(response) -> list[str]:
    """Every place a response sends the browser: Location, meta refresh, script."""
    targets = [response["Location"]] if response.has_header("Location") else []
    if "html" in response.get("Content-Type", "") and not response.streaming:
        page = response.content.decode(errors="replace")
        targets += META_REFRESH.findall(page)
        targets += [a or b for a, b in SCRIPT_REDIRECT.findall(page)]
    return targets


def off_site_targets(response, page_url: str) -> list[str]:
    """The targets of `response` that would take a browser off the page's own host."""
    own = urlsplit(page_url).hostname
    return [
        target
        for target in redirect_targets(response)
        if destination(target, page_url) not in (("http", own), ("https", own))
    ]
