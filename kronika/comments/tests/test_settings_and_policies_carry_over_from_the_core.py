"""Migrating a paper: what PaperSettings and ArticlePage held moves to the features' own models.

Comments, Telegram and feeds each take their part: this test checks all
three, as one migration of one paper.

A real paper in a database of its own (SQLite, or a scratch PostgreSQL one
when the suite runs on PostgreSQL): its articles are written, the features
are wound back to before the move, the columns the core left behind get what
a paper had there (its settings, articles with choices of their own, a draft
that changes them), and `kronika migrate` carries them over.
"""

import json
import tempfile

import pytest

from kronika.scratch import scratch_database
from kronika.testing_over_http import environment_without_settings, kronika_output

WRITE_ARTICLES = """
from wagtail.models import Site
from kronika.base.models import PaperSettings
from kronika.news.models import HomePage, SectionPage
from kronika.testing import publish_article
PaperSettings.for_site(Site.objects.get(is_default_site=True))
home = HomePage.objects.get()
section = home.add_child(instance=SectionPage(title="News", slug="news"))
for title in (
    "Closed for good", "Open for good", "As the site decides", "Held back", "Closing in a draft"
):
    article = publish_article(section, title)
article.save_revision()
"""

WRITE_OLD_VALUES = """
from django.db import connection
from wagtail.models import Revision
from kronika.news.models import ArticlePage
with connection.cursor() as cursor:
    cursor.execute(
        "UPDATE base_papersettings SET telegram_url = %s, telegram_promo_title = %s,"
        " telegram_promo_text = %s, comments_open_by_default = %s,"
        " comments_auto_close_days = %s, comment_moderation = %s,"
        " comment_blocked_words = %s, feeds_full_text = %s",
        ["https://t.me/old_paper", "Our channel", "Read us there.", False, 3, "all",
         "casino", False],
    )
    for title, policy in (("Closed for good", "closed"), ("Open for good", "open")):
        cursor.execute(
            "UPDATE news_articlepage SET comment_policy = %s WHERE page_ptr_id = %s",
            [policy, ArticlePage.objects.get(title=title).pk],
        )
    cursor.execute(
        "UPDATE news_articlepage SET post_to_telegram = %s WHERE page_ptr_id = %s",
        [False, ArticlePage.objects.get(title="Held back").pk],
    )
draft = ArticlePage.objects.get(title="Closing in a draft").latest_revision
content = {**draft.content, "comment_policy": "closed", "post_to_telegram": False}
Revision.objects.filter(pk=draft.pk).update(content=content)
"""

READ_NEW_VALUES = """
import json
from wagtail.models import Site
from kronika.comments.policy import CommentSettings, policy_of
from kronika.feeds.models import FeedSettings
from kronika.news.models import ArticlePage
from kronika.telegram.models import posts_to_telegram
from kronika.telegram.promotion import TelegramSettings
site = Site.objects.get(is_default_site=True)
comments = CommentSettings.for_site(site)
channel = TelegramSettings.for_site(site)
articles = ArticlePage.objects.all()
policies = {article.title: policy_of(article) for article in articles}
posted = {article.title: posts_to_telegram(article) for article in articles}
ArticlePage.objects.get(title="Closing in a draft").latest_revision.publish()
published = ArticlePage.objects.get(title="Closing in a draft")
print(json.dumps({
    "comments": [comments.open_by_default, comments.auto_close_days, comments.moderation,
                 comments.blocked_words],
    "channel": [channel.channel_url, channel.promo_title, channel.promo_text],
    "feeds_full_text": FeedSettings.for_site(site).full_text,
    "policies": policies,
    "posted": posted,
    "draft_once_published": [policy_of(published), posts_to_telegram(published)],
}))
"""

# The core's columns stay whatever the order (kronika/base/migrating.py), so
# winding the features back is winding the paper back to before the move.
BACK_TO_BEFORE_THE_MOVE = [
    ("comments", "0003_count_comments_onto_articles"),
    ("telegram", "0002_editors_see_calls"),
    ("feeds", "zero"),
]


@pytest.fixture(scope="module")
def carried_over():
    with scratch_database() as database, tempfile.TemporaryDirectory() as data_dir:
        env = {**environment_without_settings(), **database}
        env.update(DJANGO_SETTINGS_MODULE="kronika.settings", KRONIKA_DATA_DIR=data_dir)
        kronika_output(env, "migrate", "--no-input", "-v0")
        kronika_output(env, "shell", "--no-imports", "-c", WRITE_ARTICLES)
        for app, target in BACK_TO_BEFORE_THE_MOVE:
            kronika_output(env, "migrate", app, target, "--no-input", "-v0")
        kronika_output(env, "shell", "--no-imports", "-c", WRITE_OLD_VALUES)
        kronika_output(env, "migrate", "--no-input", "-v0")
        yield json.loads(kronika_output(env, "shell", "--no-imports", "-c", READ_NEW_VALUES))


def test_the_comment_settings_keep_their_values(carried_over):
    assert carried_over["comments"] == [False, 3, "all", "casino"]


def test_the_telegram_channel_and_the_feeds_keep_theirs(carried_over):
    assert carried_over["channel"] == ["https://t.me/old_paper", "Our channel", "Read us there."]
    assert carried_over["feeds_full_text"] is False


def test_each_article_keeps_its_own_comment_policy(carried_over):
    assert carried_over["policies"] == {
        "Closed for good": "closed",
        "Open for good": "open",
        "As the site decides": "inherit",
        "Held back": "inherit",
        "Closing in a draft": "inherit",
    }


def test_an_article_held_back_from_telegram_stays_held_back(carried_over):
    held_back = [title for title, posted in carried_over["posted"].items() if not posted]
    assert held_back == ["Held back"]


def test_a_draft_saved_before_the_move_keeps_its_choices_when_it_is_published(carried_over):
    assert carried_over["draft_once_published"] == ["closed", False]
