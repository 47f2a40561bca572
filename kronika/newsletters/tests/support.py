import re
from urllib.parse import urlencode

from kronika.newsletters.models import Newsletter
from kronika.testing import KronikaTestCase, mail_through, reader_address
from kronika.testing_smtp import SmtpSink

SUBSCRIBE = "/newsletter/subscribe/"


def sign_up(client, email="reader@example.org", newsletters=(), *, reader=1, **fields):
    """Post the sign-up form as a browser does, from reader number `reader`."""
    data = {"email": email, "name": "", "website": "", "newsletters": list(newsletters)}
    data.update(fields)
    return client.post(
        SUBSCRIBE,
        urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR=reader_address(reader),
    )


def press_confirm(client, link: str):
    """Press the button on a confirmation link's page, as a browser posts it."""
    return client.post(link, "confirm=1", content_type="application/x-www-form-urlencoded")


def confirmation_path(message) -> str:
    """The path of the link in a confirmation mail."""
    text = message.get_body(("plain",)).get_content()
    return re.search(r"https?://[^/\s]+(/\S*newsletter/confirm/\S+/)", text).group(1)


class NewsletterTestCase(KronikaTestCase):
    """The paper's two newsletters (made by the migration), with mail sent to a sink."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.digest = Newsletter.objects.get(kind=Newsletter.Kind.DIGEST)
        cls.breaking = Newsletter.objects.get(kind=Newsletter.Kind.BREAKING)

    def setUp(self):
        self.sink = self.enterContext(SmtpSink())
        self.enterContext(mail_through(self.sink))

    def sign_up(self, *args, **kwargs):
        """Sign up, with the mail it queues sent as the worker sends it."""
        with self.captureOnCommitCallbacks(execute=True):
            return sign_up(self.client, *args, **kwargs)
