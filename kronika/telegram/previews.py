"""What the editor is shown of an article's Telegram post before it is sent.

The text comes from the function that builds the real post (outbox.post_html),
so the preview and the channel cannot disagree about what is cut.
"""

from django.conf import settings

from kronika.news.editing import Limit
from kronika.telegram.messages import room_for_text, visible_text
from kronika.telegram.models import Channel, Post, posts_to_telegram
from kronika.telegram.outbox import post_html

# An article's address: the site, a section and a slug of about sixty characters.
ADDRESS_ALLOWANCE = 80


def previews(article) -> list[tuple[str, str]]:
    """(channel, text) for each channel the article posts to, as its latest revision reads."""
    photos = dict(Post.objects.filter(article_id=article.pk).values_list("channel", "with_photo"))
    if not photos and not posts_to_telegram(article):
        return []
    return [
        (
            channel.name,
            visible_text(
                post_html(article, channel.post_template, with_photo=photos.get(channel.pk, False))
            ),
        )
        for channel in Channel.objects.for_article(article)
    ]


def caption_limits() -> dict[str, list[Limit]]:
    """The room for headline and standfirst in a post with a picture, in the tightest channel."""
    templates = Channel.objects.enabled().values_list("post_template", flat=True)
    link_length = len(settings.BASE_URL) + ADDRESS_ALLOWANCE
    rooms = [room_for_text(template, link_length) for template in templates]
    if not rooms:
        return {}
    return {"standfirst": [Limit(min(rooms), "fit in a Telegram post", plus="title")]}
