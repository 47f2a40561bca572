"""Executable markup in what Kronika sends, read as a browser or a feed reader reads it.

Each scan returns findings, one line each, naming where it was found and what.
A finding is a <script> the page did not put there itself, an on* attribute, a
URL attribute that a browser would run as script (javascript:, vbscript:, or
data: anywhere but a picture), or an element that loads or runs content on its
own: <iframe srcdoc>, <base>, <meta http-equiv=refresh>, <object>, <embed>.
"""

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

MARKER = re.compile(r"zx\d{3}[a-z]{2}")
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "codebase",
        "dynsrc",
        "lowsrc",
        "ping",
    }
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
SAFE_DATA_IMAGES = ("data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp")
INERT_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})
# Our own scripts: static files, and Django's translation catalogue for the admin.
OWN_SCRIPT_PATHS = ("/static/", "/admin/jsi18n/")
# Wagtail's admin starts its widgets with short inline scripts of exactly these
# shapes, data only in JSON options and in an escapejs string.
WAGTAIL_INLINE_SCRIPTS = re.compile(
    r'\s*(?:init(?:Date|DateTime|Time)Chooser|new \w+Chooser)\("id_[\w-]+", \{[^<>(){};]*\}\);\s*'
    r"|\s*\(function\(\)\s*\{\s*var panel = new InlinePanel\("
    r'JSON\.parse\("(?:[^"\\<>]|\\u[0-9A-Fa-f]{4})*"\)\);\s*\}\)\(\);\s*'
)
FORBIDDEN_ELEMENTS = frozenset({"base", "object", "embed", "applet", "frame", "frameset"})
CSS_SCRIPT = ("expression(", "javascript:", "vbscript:", "behavior:", "-moz-binding")
# What browsers drop before reading a URL's scheme: whitespace and control characters.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f-\xa0\s]+")
# The feed elements that feed readers show as HTML; the rest are plain text.
RSS_HTML = frozenset({"description", "{http://purl.org/rss/1.0/modules/content/}encoded"})
ATOM = "{http://www.w3.org/2005/Atom}"
# Elements that hold an address, by their name without the namespace.
FEED_URL_ELEMENTS = frozenset({"link", "guid", "loc", "id", "uri", "url"})


def normalised_url(value: str) -> str:
    """A URL as a browser reads its scheme: entities already decoded by the parser."""
    return IGNORED_IN_URLS.sub("", value).lower()


def script_url(value: str, *, picture: bool = False) -> bool:
    url = normalised_url(value)
    if picture and url.startswith(SAFE_DATA_IMAGES):
        return False
    return url.startswith(SCRIPT_SCHEMES)


def _describe(tag: Tag) -> str:
    return " ".join(str(tag).split())[:160]


def _own_script(tag: Tag, own_hosts: tuple[str, ...]) -> bool:
    src = tag.get("src")
    if src is not None:
        parts = urlsplit(src.strip())
        local = (not parts.scheme and not parts.netloc) or parts.netloc in own_hosts
        return (
            local
            and parts.scheme in ("", "http", "https")
            and parts.path.startswith(OWN_SCRIPT_PATHS)
        )
    if (tag.get("type") or "").strip().lower() in INERT_SCRIPT_TYPES:
        try:
            json.loads(tag.string or "")
        except ValueError:
            return False  # not whole JSON: something broke out of it
        return True
    return bool(WAGTAIL_INLINE_SCRIPTS.fullmatch(tag.string or ""))


def scan_html(html: str, where: str, own_hosts: tuple[str, ...] = ("testserver",)) -> list[str]:
    findings = []
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        name = tag.name.lower()
        if name == "script" and not _own_script(tag, own_hosts):
            findings.append(f"{where}: a script that is not ours: {_describe(tag)}")
        if name in FORBIDDEN_ELEMENTS:
            findings.append(f"{where}: <{name}>: {_describe(tag)}")
        if name == "meta" and (tag.get("http-equiv") or "").strip().lower() == "refresh":
            findings.append(f"{where}: a refresh: {_describe(tag)}")
        if name == "style" and any(s in normalised_url(tag.get_text()) for s in CSS_SCRIPT):
            findings.append(f"{where}: script in a style sheet: {_describe(tag)}")
        for attribute, value in tag.attrs.items():
            attribute = attribute.lower()
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.startswith("on"):
                findings.append(f"{where}: an event handler {attribute}: {_describe(tag)}")
            elif attribute == "srcdoc":
                findings.append(f"{where}: srcdoc: {_describe(tag)}")
            elif attribute in URL_ATTRIBUTES and script_url(
                value, picture=(name, attribute) == ("img", "src")
            ):
                findings.append(f"{where}: a script URL in {attribute}: {_describe(tag)}")
            elif attribute == "style" and any(s in normalised_url(value) for s in CSS_SCRIPT):
                findings.append(f"{where}: script in a style: {_describe(tag)}")
    return findings


def _is_html(element: ET.Element) -> bool:
    if element.tag in RSS_HTML:
        return True
    if element.tag in (f"{ATOM}content", f"{ATOM}summary", f"{ATOM}title", f"{ATOM}subtitle"):
        return element.get("type") in ("html", "xhtml")
    return False


def scan_xml(data: bytes, where: str) -> list[str]:
    """A feed or sitemap: well-formed, with its HTML elements read as HTML after XML decoding."""
    try:
        root = ET.fromstring(data)  # noqa: S314 - our own output
    except ET.ParseError as error:
        return [f"{where}: not well-formed XML ({error})"]
    findings = []
    for element in root.iter():
        text = element.text or ""
        if _is_html(element):
            findings += scan_html(text, f"{where} <{element.tag}>")
        if element.tag.rpartition("}")[2] in FEED_URL_ELEMENTS and script_url(text):
            findings.append(f"{where}: a script URL in <{element.tag}>: {text[:120]}")
        for attribute, value in element.attrib.items():
            if attribute in ("href", "url", "src") and script_url(value):
                findings.append(f"{where}: a script URL in <{element.tag} {attribute}>: {value}")
    return findings


def scan_json_feed(data: dict, where: str) -> list[str]:
    findings = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for inner_key, inner in value.items():
                walk(inner, inner_key)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, key)
        elif isinstance(value, str):
            if key == "content_html":
                findings.extend(scan_html(value, f"{where} {key}"))
            elif (
                key.endswith("url") or key in ("image", "banner_image", "avatar", "id")
            ) and script_url(value):
                findings.append(f"{where}: a script URL in {key}: {value[:120]}")

    walk(data)
    return findings


def markers(text: str) -> set[str]:
    return set(MARKER.findall(text))
