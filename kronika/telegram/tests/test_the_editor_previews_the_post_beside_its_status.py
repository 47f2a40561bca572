from django.urls import reverse

from kronika.telegram.models import Channel
from kronika.testing import KronikaTestCase, draft_article


class PostPreviewTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.channel = Channel.objects.create(
            name="Kronika daily", chat_id="@kronika_test", bot_token="123:secret-token"
        )
        cls.draft = draft_article(
            cls.news, "Harbour cranes return", standfirst="Three cranes & a new quay."
        )

    def edit_page(self):
        self.client.force_login(self.editor)
        return self.client.get(reverse("wagtailadmin_pages:edit", args=(self.draft.pk,)))

    def test_the_settings_tab_shows_the_post_the_latest_revision_makes(self):
        revision = self.draft.get_latest_revision_as_object()
        revision.standfirst = "Four cranes now."
        revision.save_revision()
        page = self.edit_page().content.decode()
        self.assertIn("The post in Kronika daily, when published", page)
        preview = page[page.index("data-telegram-preview") :]
        self.assertIn("Harbour cranes return<br><br>Four cranes now.", preview)
        self.assertIn("/news/harbour-cranes-return/", preview)

    def test_the_standfirst_counts_the_room_left_in_a_post(self):
        form = self.edit_page().context["form"]
        limits = form.fields["standfirst"].widget.attrs["data-kronika-limits"]
        self.assertIn('"label": "fit in a Telegram post", "plus": "id_title"', limits)
        self.assertIn('"max": 160', limits)
