"""A day in the newsroom, for the dashboard's tests: drafts, a story in review, one scheduled."""

from datetime import timedelta

from django.utils import timezone

from kronika.testing import KronikaTestCase, build_article, publish_article


def write(section, title, user, **fields):
    """A draft as the admin saves it: owned by and last edited by `user`."""
    article = build_article(section, title, live=False, owner=user, **fields)
    section.add_child(instance=article)
    article.save_revision(user=user)
    return article


class NewsroomDayTestCase(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reporters_draft = write(cls.news, "Reporter's unfinished draft", cls.reporter)
        cls.in_review = write(cls.sport, "Reporter's story for review", cls.reporter)
        cls.in_review.get_workflow().start(cls.in_review, cls.reporter)
        cls.editors_draft = write(cls.news, "Editor's own draft", cls.editor)

        cls.scheduled = write(cls.news, "Tomorrow's story", cls.editor)
        cls.scheduled.go_live_at = timezone.now() + timedelta(days=1)
        cls.scheduled.save_revision(user=cls.editor).publish(user=cls.editor)

        cls.today = publish_article(cls.news, "Today's story", when=timezone.now())
        cls.yesterday = publish_article(cls.news, "Yesterday's story", when=cls.days_ago(1.5))
