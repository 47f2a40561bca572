"""A megabyte posted as a comment is refused at once; a comment a little too long is not.

Parsing a form decodes its %-escapes in Python, about a second for a megabyte
of "<a", and the form was parsed more than once. A post far beyond the longest
comment is now refused with a 413 before it is parsed, while one somewhat too
long still comes back in the form, so that its writer can shorten it.
"""

import time

from django.conf import settings

from kronika.comments.models import Comment
from kronika.security.tests.slow_inputs import SHAPES
from kronika.testing import KronikaTestCase, post_comment, publish_article


class OversizedCommentTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Port strike ends")

    def test_a_megabyte_comment_is_refused_with_a_413_within_a_second(self):
        for name in ("unclosed tags", "emoji", "letters"):
            with self.subTest(shape=name):
                started = time.perf_counter()
                response = post_comment(self.client, self.article, body=SHAPES[name])
                took = time.perf_counter() - started
                self.assertEqual(response.status_code, 413)
                self.assertIn("larger than this site accepts", response.content.decode())
                self.assertLess(took, 1.0)
        self.assertEqual(Comment.objects.count(), 0)

    def test_a_comment_twice_too_long_in_the_widest_characters_comes_back_to_be_shortened(self):
        limit = settings.KRONIKA_COMMENTS_MAX_LENGTH
        text = "\U0001f600" * (2 * limit - 100)
        response = post_comment(self.client, self.article, body=text)
        self.assertEqual(response.status_code, 400)
        page = response.content.decode()
        self.assertIn(f"Comments can be at most {limit:,} characters long", page)
        self.assertIn(text, page)
        self.assertEqual(Comment.objects.count(), 0)
