"""What the gate checks of a page's layout and of what it loads, in a real browser.

The layout checks run in the page (layout.js) and answer in words: each finding
names the element as tag.class "text", so a failure says what to fix.
"""

from urllib.parse import urlsplit

from e2e.gate import E2E_DIR

LAYOUT_JS = (E2E_DIR / "layout.js").read_text()

# The narrowest phone still in use, a common phone, a tablet and a laptop.
WIDTHS = (320, 390, 768, 1280)
HEIGHT = 800

# The least room between the navigation's rule and the first thing on the page.
# 8 px is the smallest gap that reads as a deliberate space rather than a
# collision at reading distance; the design's rhythm may give more, never less.
CONTENT_GAP = 8

# The pictures nothing may lie over: the article's hero and the home page's lead.
HERO_IMAGES = [".hero img", ".lead-story img"]

# A printed article keeps its story and drops what only works on a screen.
PRINTED = {
    "headline": "h1",
    "byline": ".byline",
    "hero picture": ".hero img",
    "body": ".article-body",
}
NOT_PRINTED = [
    "nav",
    "form",
    ".site-nav",
    ".article-nav",
    ".skip-link",
    ".comments",
    ".comment-count",
    ".rating",
    ".channel-promo",
    ".related",
    ".more-in-section",
    ".site-footer form",
]

# Fonts a reader's browser downloads for one page, in total, over the wire. A page
# in Lithuanian or Russian needs a second subset of the same faces besides the
# Latin one (latin-ext for ą, č, ė…, cyrillic), some 12 KB a weight: a quarter more.
FONT_BUDGET_KB = 100
SECOND_SUBSET_FONT_BUDGET_KB = 125


def layout_findings(page, width: int) -> list[str]:
    """Everything wrong with the layout of the loaded page at its current width."""
    page.evaluate(LAYOUT_JS)
    findings = page.evaluate("() => window.kronikaLayout.overflow()")
    findings += page.evaluate(
        "(gap) => window.kronikaLayout.contentClearOfHeader(gap)", CONTENT_GAP
    )
    findings += page.evaluate("(hero) => window.kronikaLayout.heroOverlaps(hero)", HERO_IMAGES)
    return [f"at {width} px: {finding}" for finding in findings]


def shown(page, selector: str) -> list[str]:
    """The elements matching `selector` that the page renders, as tag.class."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden")
            .map(e => e.tagName.toLowerCase() + [...e.classList].map(c => "." + c).join(""))""",
        selector,
    )


def page_background_luminance(page) -> float:
    """The relative luminance (0 black … 1 white) behind the page's text."""
    return page.evaluate(
        """() => {
            const colour = [document.body, document.documentElement]
                .map(e => getComputedStyle(e).backgroundColor)
                .find(c => c !== "rgba(0, 0, 0, 0)");
            const dark = getComputedStyle(document.documentElement).colorScheme.includes("dark");
            const [r, g, b] = colour ? colour.match(/[\\d.]+/g).slice(0, 3).map(Number)
                : (dark ? [18, 18, 18] : [255, 255, 255]);
            const linear = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        }"""
    )


class Requests:
    """Every request a page makes while it loads and is scrolled to its end."""

    def __init__(self, page):
        self.page = page
        self.requests = []
        self.finished = []
        self.refused = []
        page.on("request", lambda request: self.requests.append(request))
        page.on("requestfinished", lambda request: self.finished.append(request))
        # What the Content-Security-Policy stops never becomes a request: the
        # browser says so on the console instead.
        page.on("console", self.note_refusal)

    def note_refusal(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.refused.append(message.text)

    def settle(self):
        """Let the loaded page fetch all it would for a reader who reads to its end."""
        # Lazy pictures below the fold load only when a reader scrolls to them.
        self.page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        self.page.evaluate("() => document.fonts.ready.then(() => true)")
        self.page.wait_for_load_state("networkidle")

    def off_site(self, origin: str) -> list[str]:
        return [
            request.url
            for request in self.requests
            if urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
            and origin_of(request.url) != origin
        ]

    def fonts(self) -> dict[str, float]:
        """URL → kilobytes over the wire (headers and body) of each font loaded."""
        sizes = {}
        for request in self.finished:
            if request.resource_type == "font":
                transfer = request.sizes()
                size = transfer["responseHeadersSize"] + transfer["responseBodySize"]
                sizes[request.url] = round(size / 1024, 1)
        return sizes


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
