"""The e-mails the newsroom sends name the paper (PaperSettings), not Wagtail.

Wagtail's own carry no name at all ("Password reset"), and its HTML
notifications are headed by Wagtail's picture. They are rendered with no
request at hand, so they take the default site's paper settings.
"""

from django.core import mail
from django.test import override_settings
from wagtail.models import Workflow

from kronika.testing import KronikaTestCase, draft_article, paper_settings


class TheNewsroomsEmailsNameThePaper(KronikaTestCase):
    def setUp(self):
        paper_settings(name="Žinių & Kronika")

    def test_the_password_reset_names_the_paper_in_its_subject_and_text(self):
        self.client.post("/admin/password_reset/", {"email": "editor@example.org"})
        (message,) = mail.outbox
        self.assertEqual(message.subject, "Password reset for Žinių & Kronika")
        self.assertIn("your account in the Žinių & Kronika newsroom", message.body)
        self.assertIn("/admin/password_reset/confirm/", message.body)

    def submit_for_review(self):
        article = draft_article(self.news, "A story for review", authors=(self.alice,))
        Workflow.objects.get(name="Editorial review").start(article, self.reporter)
        to_editor = [message for message in mail.outbox if "editor@example.org" in message.to]
        self.assertEqual(len(to_editor), 1)
        return to_editor[0]

    def test_a_review_notification_is_signed_by_the_paper(self):
        message = self.submit_for_review()
        self.assertIn("A story for review", message.body)
        self.assertIn("Žinių & Kronika newsroom", message.body)

    @override_settings(WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
    def test_an_html_notification_is_headed_by_the_paper_not_wagtail(self):
        html = self.submit_for_review().alternatives[0][0]
        self.assertIn("Žinių &amp; Kronika</p>", html)
        self.assertNotIn("email-header.jpg", html)
