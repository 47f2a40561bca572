"""The blocks an article or page body is built from.

Embeds are kept as links to the original, not fetched iframes: a reader page must
load nothing from third-party hosts, which may be blocked for our readers and
would learn who reads what.
"""

from urllib.parse import urlsplit

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


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
    def host(self) -> str:
        return urlsplit(self.get("url") or "").hostname or ""


class EmbedLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(help_text="A video, post or document elsewhere on the web.")
    title = blocks.CharBlock(required=False, max_length=255)
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "media"
        label = "Embed"
        template = "blocks/embed.html"
        value_class = EmbedLinkValue


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedLinkBlock()
