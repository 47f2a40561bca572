from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import TestCase
from django.utils import timezone

from kronika.mail import outbox
from kronika.mail.models import OutgoingMail
from kronika.testing import mail_through
from kronika.testing_over_http import free_port
from kronika.testing_smtp import SmtpSink

State = OutgoingMail.State


class OutboxTestCase(TestCase):
    def setUp(self):
        self.sink = self.enterContext(SmtpSink())
        self.enterContext(mail_through(self.sink))

    def queue(self, *recipients, subject="Confirm your address"):
        with self.captureOnCommitCallbacks(execute=False):
            send_mail(subject, "Follow the link.", None, list(recipients))
        return list(OutgoingMail.objects.order_by("pk"))

    def due_now(self):
        OutgoingMail.objects.update(not_before=timezone.now())

    def send_all(self):
        for mail in OutgoingMail.objects.order_by("pk"):
            outbox.send(mail.pk)


class DeliveryTests(OutboxTestCase):
    def test_a_mail_sent_by_the_site_is_kept_then_handed_to_the_server_once(self):
        [mail] = self.queue("reader@example.org")
        self.assertEqual(mail.state, State.QUEUED)
        self.assertEqual(self.sink.received, [])
        self.send_all()
        self.send_all()
        [received] = self.sink.wait_for(1)
        self.assertEqual(received.rcpt_tos, ("reader@example.org",))
        self.assertEqual(received.message["Subject"], "Confirm your address")
        self.assertEqual(len(self.sink.received), 1)
        # Nothing of a sent mail is kept, not even its address.
        self.assertFalse(OutgoingMail.objects.exists())

    def test_html_headers_and_reply_to_survive_the_outbox(self):
        message = EmailMultiAlternatives(
            "Issue 1",
            "Plain words.",
            "Paper <news@example.org>",
            ["reader@example.org"],
            headers={"List-Id": "Daily <daily.news.example.org>", outbox.PURPOSE: "newsletter"},
            reply_to=["desk@example.org"],
        )
        message.attach_alternative("<p>Rich words.</p>", "text/html")
        with self.captureOnCommitCallbacks(execute=False):
            message.send()
        [mail] = OutgoingMail.objects.all()
        self.assertEqual(mail.purpose, "newsletter")
        self.send_all()
        [received] = self.sink.wait_for(1)
        sent = received.message
        self.assertEqual(sent["List-Id"], "Daily <daily.news.example.org>")
        self.assertEqual(sent["Reply-To"], "desk@example.org")
        self.assertIsNone(sent[outbox.PURPOSE])
        self.assertEqual(sent.get_body(("plain",)).get_content().strip(), "Plain words.")
        self.assertEqual(sent.get_body(("html",)).get_content().strip(), "<p>Rich words.</p>")

    def test_mail_given_up_on_is_deleted_a_month_later(self):
        old = self.queue("old@example.org", "recent@example.org")[0]
        OutgoingMail.objects.update(state=State.FAILED)
        OutgoingMail.objects.filter(pk=old.pk).update(
            queued_at=timezone.now() - outbox.FAILED_KEPT - timedelta(minutes=1)
        )
        self.queue("next@example.org")
        self.assertEqual(
            sorted(OutgoingMail.objects.values_list("recipient", flat=True)),
            ["next@example.org", "recent@example.org"],
        )

    def test_each_recipient_has_a_row_of_their_own(self):
        rows = self.queue("one@example.org", "two@example.org")
        self.assertEqual([row.recipient for row in rows], ["one@example.org", "two@example.org"])


class ServerTroubleTests(OutboxTestCase):
    def test_try_later_keeps_the_mail_and_it_goes_once_the_server_is_back(self):
        [mail] = self.queue("reader@example.org")
        self.sink.refuse_all(421, "Too busy, try later")
        self.send_all()
        mail.refresh_from_db()
        self.assertEqual(mail.state, State.QUEUED)
        self.assertIn("421 Too busy, try later", mail.error)
        self.assertGreater(mail.not_before, timezone.now())
        # Not due yet: nothing is tried.
        self.sink.accept_all()
        self.send_all()
        mail.refresh_from_db()
        self.assertEqual(mail.attempts, 1)
        self.due_now()
        self.send_all()
        self.sink.wait_for(1)
        self.assertFalse(OutgoingMail.objects.exists())

    def test_the_pause_grows_with_each_attempt(self):
        [mail] = self.queue("reader@example.org")
        self.sink.refuse_all(451)
        pauses = []
        for _ in range(4):
            self.due_now()
            before = timezone.now()
            self.send_all()
            mail.refresh_from_db()
            pauses.append(round((mail.not_before - before).total_seconds()))
        self.assertEqual(pauses, list(outbox.RETRY_PAUSES[:4]))

    def test_a_server_that_cannot_be_reached_is_named_and_tried_again(self):
        [mail] = self.queue("reader@example.org")
        port = free_port()
        with self.settings(EMAIL_PORT=port):
            self.send_all()
        mail.refresh_from_db()
        self.assertEqual(mail.state, State.QUEUED)
        self.assertIn(f"The mail server 127.0.0.1:{port} could not be reached", mail.error)
        self.due_now()
        self.send_all()
        self.sink.wait_for(1)

    def test_a_refused_address_fails_that_address_alone_at_once(self):
        self.sink.reject_recipient("gone@example.org", 550, "No such user")
        gone, kept = self.queue("gone@example.org", "kept@example.org")
        self.send_all()
        gone.refresh_from_db()
        self.assertEqual(gone.state, State.FAILED)
        self.assertIn("refused the address gone@example.org: 550 No such user", gone.error)
        self.assertFalse(OutgoingMail.objects.filter(pk=kept.pk).exists())
        self.assertEqual([r.rcpt_tos for r in self.sink.wait_for(1)], [("kept@example.org",)])

    def test_mail_is_given_up_on_only_after_the_retry_window(self):
        [mail] = self.queue("reader@example.org")
        self.sink.refuse_all(421)
        with self.settings(KRONIKA_EMAIL_RETRY_HOURS=2):
            OutgoingMail.objects.update(queued_at=timezone.now() - timedelta(hours=1))
            self.send_all()
            mail.refresh_from_db()
            self.assertEqual(mail.state, State.QUEUED)
            OutgoingMail.objects.update(
                queued_at=timezone.now() - timedelta(hours=3), not_before=timezone.now()
            )
            self.send_all()
        mail.refresh_from_db()
        self.assertEqual(mail.state, State.FAILED)
        self.assertTrue(mail.error.startswith("Gave up after 2 attempts"), mail.error)

    def test_a_claim_left_by_a_stopped_worker_is_taken_over_once_it_is_stale(self):
        self.queue("reader@example.org")
        OutgoingMail.objects.update(state=State.SENDING, claimed_at=timezone.now())
        self.send_all()
        self.assertEqual(self.sink.received, [])
        OutgoingMail.objects.update(claimed_at=timezone.now() - timedelta(hours=1))
        self.send_all()
        self.sink.wait_for(1)


class LoginTests(TestCase):
    def test_a_refused_login_is_explained_and_the_mail_goes_once_it_is_fixed(self):
        sink = self.enterContext(SmtpSink(login=("kronika", "right horse")))
        with mail_through(sink, login=("kronika", "wrong horse")):
            with self.captureOnCommitCallbacks(execute=False):
                send_mail("Reset", "Link.", None, ["editor@example.org"])
            [mail] = OutgoingMail.objects.all()
            outbox.send(mail.pk)
        mail.refresh_from_db()
        self.assertEqual(mail.state, State.QUEUED)
        self.assertIn("refused Kronika's login (535", mail.error)
        self.assertIn("KRONIKA_EMAIL_URL", mail.error)
        OutgoingMail.objects.update(not_before=timezone.now())
        with mail_through(sink, login=("kronika", "right horse")):
            outbox.send(mail.pk)
        sink.wait_for(1)
