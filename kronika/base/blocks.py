"""The blocks an article or page body is built from.

Embeds are kept as links to the original, not fetched iframes: a reader page must
load nothing from third-party hosts, which may be blocked for our readers and
would learn who reads what.
"""

from urllib.parse import urlsplit

from django.utils.encoding import force_str
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from kronika.base.rich_text import clean_rich_text

# The schemes an embed may link to: a link elsewhere is a web page.
EMBED_SCHEMES = ("http", "https")


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text cleaned whenever it is read or saved (see kronika.base.rich_text).

    Reading covers every consumer at once: pages, feeds, previews, the editor
    and the search index all see the cleaned HTML, including HTML stored
    before this block cleaned it.
    """

    def clean_html(self, value) -> str:
        html = value.source if isinstance(value, RichText) else value
        return clean_rich_text(force_str(html) if html is not None else "", self.features)

    def to_python(self, value):
        return RichText(self.clean_html(value))

    def get_prep_value(self, value):
        return self.clean_html(value)

    def normalize(self, value):
        return RichText(self.clean_html(value))

    def value_from_form(self, value):
        return RichText(self.clean_html(value))


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading"), ("h3", "Subheading")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(
        required=False, max_length=255, help_text="Defaults to the image's own credit."
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/figure.html"


class EmbedLinkValue(blocks.StructValue):
    def _parts(self):
        try:
            return urlsplit((self.get("url") or "").strip())
        except ValueError:  # such as an unclosed [IPv6] host
            return None

    def host(self) -> str:
        parts = self._parts()
        return (parts.hostname or "") if parts else ""

    def href(self) -> str:
        """The address to link to, or "" for one that is not a web page.

        The editor accepts only web addresses, but an imported embed may hold
        anything, such as a javascript: URL.
        """
        parts = self._parts()
        if parts is None or parts.scheme.lower() not in EMBED_SCHEMES or not parts.hostname:
            return ""
        return parts.geturl()


class EmbedLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(help_text="A video, post or document elsewhere on the web.")
    title = blocks.CharBlock(required=False, max_length=255)
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "media"
        label = "Embed"
        template = "blocks/embed.html"
        value_class = EmbedLinkValue


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "image"


class GalleryBlock(blocks.StructBlock):
    images = blocks.ListBlock(GalleryImageBlock(), min_num=1)
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "image"
        label = "Gallery"
        template = "blocks/gallery.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.CharBlock(required=False, max_length=50)
    code = blocks.TextBlock()

    class Meta:
        icon = "code"
        label = "Code"
        template = "blocks/code.html"


# What the HTML block keeps of markup the other blocks cannot hold, such as an
# imported post's HTML block: more than a paragraph, and still only text.
HTML_FEATURES = [
    "bold",
    "italic",
    "link",
    "ol",
    "ul",
    "h2",
    "h3",
    "h4",
    "superscript",
    "subscript",
    "strikethrough",
    "code",
]


class BodyBlock(blocks.StreamBlock):
    paragraph = SafeRichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedLinkBlock()
    gallery = GalleryBlock()
    # Cells are plain text (the default renderer), and our own template leaves
    # out stored class names and spans, which an import could fill with anything.
    table = TableBlock(template="blocks/table.html")
    separator = blocks.StaticBlock(
        admin_text="A horizontal line between parts of the text.",
        icon="horizontalrule",
        label="Separator",
        template="blocks/separator.html",
    )
    code = CodeBlock()
    html = SafeRichTextBlock(
        features=HTML_FEATURES, label="HTML (cleaned)", icon="code", template="blocks/html.html"
    )
