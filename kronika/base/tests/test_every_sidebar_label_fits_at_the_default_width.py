"""Every label of the admin's sidebar fits its default width, for every kind of staff.

The sidebar and its submenus' panels are 200 px wide, and a label that does
not fit is cut with "…" ("Comments (3 pend…" was). Measured in Chromium at
1280 px, a label has about 148 px; "Telegram channels", the longest of ours
at 17 characters, takes 131. Wagtail's own "What's new in Wagtail 8.0" is
longer in characters but narrow ones (123 px). The comments item's pending
count is given four digits here, its widest.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from kronika.testing import KronikaTestCase, publish_article

MOST_CHARACTERS = 17
MEASURED_TO_FIT = {"What's new in Wagtail 8.0"}


def labels(items, depth=0):
    for item in items:
        yield item.label, depth
        yield from labels(getattr(item, "menu_items", ()), depth + 1)


class EverySidebarLabelFits(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = get_user_model().objects.create_superuser(
            "administrator", "administrator@example.org", "x"
        )
        if apps.is_installed("kronika.comments"):
            from kronika.comments.models import Comment

            article = publish_article(cls.news, "A much discussed story")
            Comment.objects.bulk_create(
                Comment(article=article, name="A reader", body=f"Comment {n}") for n in range(1234)
            )

    def sidebar(self, user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return list(labels(admin_menu.render_component(request)))

    def test_every_label_fits_for_each_role(self):
        for user in (self.reporter, self.editor, self.administrator):
            found = self.sidebar(user)
            self.assertGreater(len(found), 5)
            for label, depth in found:
                if label in MEASURED_TO_FIT:
                    continue
                with self.subTest(user=user.username, label=label, depth=depth):
                    self.assertLessEqual(len(str(label)), MOST_CHARACTERS)

    def test_the_comments_item_counts_what_is_waiting_in_its_label(self):
        if not apps.is_installed("kronika.comments"):
            self.skipTest("comments are not installed")
        labels_shown = [label for label, _ in self.sidebar(self.editor)]
        self.assertIn("Comments · 1,234", labels_shown)
