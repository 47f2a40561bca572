from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from kronika.telegram.messages import DEFAULT_TEMPLATE, compose, visible_length
from kronika.telegram.models import Channel
from kronika.telegram.tests.fake_bot_api import parse_html, utf16_length
from kronika.telegram.tests.support import TelegramTestCase

HEADLINE = "Tallinn & Riga <agree> on rail 🚄 tickets"


class CaptionTests(SimpleTestCase):
    def caption(self, standfirst, headline=HEADLINE, limit=1024):
        return compose(
            DEFAULT_TEMPLATE,
            headline=headline,
            standfirst=standfirst,
            link="https://kronika.example/news/rail/",
            limit=limit,
        )

    def test_everything_is_escaped_and_the_headline_is_bold(self):
        caption = self.caption("Fares fall by 20% <from> May & June.")
        self.assertTrue(caption.startswith("<b>Tallinn &amp; Riga &lt;agree&gt; on rail 🚄"))
        self.assertIn("Fares fall by 20% &lt;from&gt; May &amp; June.", caption)
        self.assertEqual(parse_html(caption).count("<agree>"), 1)

    def test_a_long_standfirst_is_cut_at_a_word_with_an_ellipsis(self):
        words = "The ministry said that the new tickets & passes 🙂 would be cheaper <for> all. "
        caption = self.caption((words * 60)[:3000])
        visible = parse_html(caption)
        self.assertLessEqual(utf16_length(visible), 1024)
        self.assertGreater(utf16_length(visible), 1000, "the room is used, not wasted")
        standfirst = visible.split("\n\n")[1]
        self.assertTrue(standfirst.endswith("…"))
        self.assertIn(standfirst[:-1].split()[-1], words.split(), "cut between words")
        self.assertTrue(visible.endswith("https://kronika.example/news/rail/"))

    def test_an_emoji_counts_as_telegram_counts_it(self):
        caption = self.caption("🙂" * 2000)
        self.assertLessEqual(utf16_length(parse_html(caption)), 1024)
        self.assertEqual(visible_length(caption), utf16_length(parse_html(caption)))

    def test_even_an_endless_headline_fits(self):
        caption = self.caption("Short.", headline="Word " * 400)
        self.assertLessEqual(visible_length(caption), 1024)

    def test_a_template_with_tags_telegram_refuses_is_refused(self):
        channel = Channel(name="x", chat_id="@x", post_template="<div>{headline}</div>")
        with self.assertRaises(ValidationError):
            channel.clean()
        channel.post_template = "<b>{headline}</b> {author}"
        with self.assertRaises(ValidationError):
            channel.clean()
        channel.post_template = "<i>{headline}</i>\n{link}"
        channel.clean()

    def test_a_chat_id_must_be_a_username_or_a_number(self):
        for good in ("@paper", "-1001234567890"):
            Channel(name="x", chat_id=good).clean()
        with self.assertRaises(ValidationError):
            Channel(name="x", chat_id="paper").clean()


class FakeServerAcceptsOurCaptionsTests(TelegramTestCase):
    def test_a_3000_character_standfirst_with_awkward_characters_is_accepted(self):
        standfirst = ("Prices <rise> & fall 🙂 as the Baltic ports compete for cargo. " * 60)[
            :3000
        ]
        article = self.publish(HEADLINE, standfirst=standfirst)
        self.assertEqual(self.post_of(article).state, "sent", self.post_of(article).error)
        caption = self.api.sent()[0]["caption"]
        self.assertLessEqual(utf16_length(parse_html(caption)), 1024)

    def test_the_fake_server_refuses_what_telegram_refuses(self):
        from kronika.telegram.bot_api import BotApi
        from kronika.telegram.tests.support import TOKEN

        api = BotApi(TOKEN, base=self.api.base_url)
        for text, error in (
            ("<div>x</div>", "Unsupported start tag"),
            ("a & b", "Unsupported entity"),
            ("<b>open", "end tag"),
            ("x" * 4097, "too long"),
        ):
            answer = api.call("sendMessage", {"chat_id": "@x", "text": text, "parse_mode": "HTML"})
            self.assertEqual(answer.status, 400)
            self.assertIn(error, answer.description)
        self.assertEqual(BotApi("999:wrong", base=self.api.base_url).call("getMe", {}).status, 401)
