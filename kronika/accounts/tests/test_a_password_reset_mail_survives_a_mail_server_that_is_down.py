"""A reset asked for while the mail server is down is kept, and reaches the editor
once it is back: Django alone would log the failure and drop the mail."""

from django.utils import timezone

from kronika.accounts.tests.support import reset_path_in
from kronika.mail import outbox
from kronika.mail.models import OutgoingMail
from kronika.testing import KronikaTestCase, mail_through
from kronika.testing_smtp import SmtpSink


class ResetWhileTheServerIsDownTests(KronikaTestCase):
    def test_the_reset_mail_waits_for_the_server_and_its_link_works(self):
        sink = self.enterContext(SmtpSink())
        self.enterContext(mail_through(sink))
        sink.refuse_all(421, "Down for maintenance")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/admin/password_reset/", {"email": "editor@example.org"})
        self.assertRedirects(response, "/admin/password_reset/done/")
        [mail] = OutgoingMail.objects.all()
        self.assertEqual((mail.state, mail.purpose), (OutgoingMail.State.QUEUED, "site mail"))
        self.assertIn("421 Down for maintenance", mail.error)

        sink.accept_all()
        OutgoingMail.objects.update(not_before=timezone.now())
        # The worker picks up what waits when it starts (kronika.worker's command).
        outbox.resume()
        [received] = sink.wait_for(1)
        self.assertEqual(received.rcpt_tos, ("editor@example.org",))
        link = reset_path_in(received.message.get_body(("plain",)).get_content())
        self.assertEqual(self.client.get(link).status_code, 302)
