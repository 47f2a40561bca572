from kronika.mail.models import OutgoingMail
from kronika.testing import KronikaTestCase, dashboard_panels

State = OutgoingMail.State
REFUSED = (
    "The mail server mail.example.org:587 refused Kronika's login (535 Authentication failed). "
    "Check the user name and password in KRONIKA_EMAIL_URL."
)


def mail(state, attempts, error="", to="reader@example.org"):
    return OutgoingMail.objects.create(
        purpose="site mail",
        sender="news@example.org",
        recipient=to,
        subject="Reset",
        text="Link.",
        state=state,
        attempts=attempts,
        error=error,
    )


class MailTroublePanelTests(KronikaTestCase):
    def panel_of(self, user):
        self.client.force_login(user)
        return dashboard_panels(self.client).get("mail_not_going_out")

    def test_editors_see_waiting_and_given_up_mail_with_the_server_s_words(self):
        mail(State.QUEUED, 3, REFUSED)
        mail(
            State.FAILED, 1, "The mail server refused the address x@example.org: 550 No such user."
        )
        mail(State.SENDING, 1)
        mail(State.QUEUED, 0)
        panel = self.panel_of(self.editor)
        self.assertEqual(panel["heading"], "Mail not going out (2)")
        self.assertIn(
            "Waiting after 3 attempts: The mail server mail.example.org:587 refused", panel["text"]
        )
        self.assertIn("Given up after 1 attempt:", panel["text"])
        self.assertIn("550 No such user", panel["text"])

    def test_it_is_not_shown_while_mail_goes_out(self):
        mail(State.SENDING, 1)
        mail(State.QUEUED, 0)
        self.assertIsNone(self.panel_of(self.editor))

    def test_reporters_do_not_see_it(self):
        mail(State.QUEUED, 3, REFUSED)
        self.assertIsNone(self.panel_of(self.reporter))
