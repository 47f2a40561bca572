"""Bodies under a kilobyte, and what is not text, go out uncompressed: compressing
them would save less than a packet, or nothing at all. Such an answer does not
vary with Accept-Encoding either, so caches keep one copy of it.
"""

from kronika.pagecache.compression import MIN_SIZE
from kronika.testing import KronikaTestCase, make_image

EVERY_CODING = {"Accept-Encoding": "gzip, deflate, br"}


class UncompressedTests(KronikaTestCase):
    def assert_as_it_is(self, answer):
        self.assertEqual(answer.status_code, 200)
        self.assertNotIn("Content-Encoding", answer)
        self.assertNotIn("Accept-Encoding", answer.get("Vary", ""))

    def test_robots_txt_and_the_health_check_stay_as_they_are(self):
        for url in ("/robots.txt", "/healthz"):
            with self.subTest(url=url):
                answer = self.client.get(url, headers=EVERY_CODING)
                self.assertLess(len(answer.content), MIN_SIZE)
                self.assert_as_it_is(answer)

    def test_a_picture_is_sent_as_it_is(self):
        rendition = make_image("Harbour").get_rendition("fill-160x90")
        answer = self.client.get(rendition.url, headers=EVERY_CODING)
        self.assert_as_it_is(answer)
        self.assertEqual(b"".join(answer.streaming_content)[:2], b"\xff\xd8")
