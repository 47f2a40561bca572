"""Stored rich text made safe, however it got into the database.

The editor stores only what a block's features allow, but imports and scripts
can store any HTML, and Wagtail renders stored rich text as it is: it rewrites
the links it recognises and leaves everything else, `<script>` and
`href="javascript:…"` included. So rich text is cleaned whenever it is read or
saved. HTML in the exact form the editor writes passes a quick check; anything
else goes through Wagtail's own sanitiser for database HTML (the one its API
uses for rich text input), which keeps only the features' elements and drops
URLs with other schemes than http, https, ftp, mailto and tel.
"""

import re
from functools import lru_cache

# What each feature adds to the editor's own output, beyond <p> and <br/>.
FEATURE_TAGS = {
    "bold": ("b", "strong"),
    "italic": ("i", "em"),
    "ol": ("ol", "li"),
    "ul": ("ul", "li"),
    "h2": ("h2",),
    "h3": ("h3",),
    "h4": ("h4",),
    "superscript": ("sup",),
    "subscript": ("sub",),
    "strikethrough": ("s",),
    "code": ("code",),
}
# Block-level elements carry the editor's block keys, which anchor its comments.
KEYED_TAGS = frozenset({"p", "li", "h2", "h3", "h4"})
BLOCK_KEY = re.compile(r"[0-9a-z]{1,16}")
# A link the quick check trusts: the scheme is spelled out literally, so no entity
# or control character can turn it into another one.
SAFE_HREF = r'(?:https?://|mailto:|tel:|#|/(?![/\\]))[^"<>\s]*'


@lru_cache(maxsize=32)
def _editor_form(features: tuple[str, ...]) -> re.Pattern:
    """A pattern that matches only HTML exactly as the editor writes it for `features`."""
    tags = {"p"} | {tag for feature in features for tag in FEATURE_TAGS.get(feature, ())}
    opening = [
        f'{tag}(?: data-block-key="{BLOCK_KEY.pattern}")?' if tag in KEYED_TAGS else tag
        for tag in sorted(tags)
    ]
    closing = sorted(tags)
    if "link" in features:
        opening += [
            f'a href="{SAFE_HREF}"',
            r'a linktype="page" id="\d{1,18}"',
            r'a id="\d{1,18}" linktype="page"',
        ]
        closing.append("a")
    markup = rf"<(?:{'|'.join(opening)})>|</(?:{'|'.join(closing)})>|<br/?>"
    return re.compile(rf"(?:[^<]++|{markup})*+")


@lru_cache(maxsize=32)
def _converter_rules(features: tuple[str, ...]) -> list:
    from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

    return DbHTMLConverter(list(features)).converter_rules


def _block_key(value: str) -> str | None:
    return value if BLOCK_KEY.fullmatch(value) else None


def _whitelister(features: tuple[str, ...]):
    # Wagtail is imported here, not at the top: this module is imported while
    # the models load, before Wagtail's admin can be.
    from wagtail.admin.rich_text.converters.db_html import DbHtmlInputWhitelister
    from wagtail.whitelist import allow_without_attributes, attribute_rule

    class Whitelister(DbHtmlInputWhitelister):
        def __init__(self, converter_rules):
            super().__init__(converter_rules)
            # Wagtail has no converter rules of this kind for some of the editor's
            # inline styles (superscript, subscript, strikethrough, code), so its
            # sanitiser would drop the very tags the editor writes for them.
            for feature in features:
                for tag in FEATURE_TAGS.get(feature, ()):
                    self.element_rules.setdefault(tag, allow_without_attributes)
            for tag in KEYED_TAGS & set(self.element_rules):
                self.element_rules[tag] = attribute_rule({"data-block-key": _block_key})

        def clean_tag_node(self, doc, tag):
            # A page or document link is looked up by its id when the page is
            # shown or edited; one that is not a number would fail there.
            if "data-linktype" in tag.attrs and not str(tag.get("data-id", "")).isdigit():
                tag.attrs.pop("data-id", None)
            super().clean_tag_node(doc, tag)

    # A new whitelister per call: Wagtail's keeps per-call state on itself.
    return Whitelister(_converter_rules(features))


def default_features() -> tuple[str, ...]:
    from wagtail.rich_text import features as registry

    return tuple(registry.get_default_features())


def clean_rich_text(html: str | None, features=None) -> str:
    """`html` in database form, keeping only what `features` allow and no script URLs."""
    if not html:
        return ""
    features = tuple(features) if features is not None else default_features()
    if _editor_form(features).fullmatch(html):
        return html
    return _whitelister(features).clean(html)
