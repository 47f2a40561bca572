"""A paper whose pages are told apart well enough to see which ones a change touches.

Sport is older than News, so News articles are nobody's neighbour in Sport,
and each section's articles share words, so their related lists stay inside
their own section.
"""

from kronika.testing import KronikaTestCase, body, publish_article

HIT = "hit"


class CachedPaperTestCase(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sport_articles = cls.series(
            cls.sport,
            "Football match",
            5,
            days_ago=20,
            tag="football",
            author=cls.bob,
            text="Football supporters filled the stadium for the derby match again.",
        )
        cls.news_articles = cls.series(
            cls.news,
            "Parliament vote",
            3,
            days_ago=10,
            tag="parliament",
            author=cls.alice,
            text="The parliament minister called the election vote a coalition test.",
        )

    @classmethod
    def series(cls, section, title, count, *, days_ago, tag, author, text):
        """Articles numbered from 1, a day apart, sharing a tag, an author and their words."""
        return [
            publish_article(
                section,
                f"{title} {n}",
                when=cls.days_ago(days_ago - n),
                tags=[tag],
                authors=[author],
                body=body(text),
            )
            for n in range(1, count + 1)
        ]

    def warm(self, *urls: str) -> None:
        for url in urls:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertTrue(self.is_cached(url), f"{url} was not kept by the page cache")

    def is_cached(self, url: str, **headers) -> bool:
        return self.client.get(url, headers=headers).get("X-Kronika-Cache") == HIT

    def assertCached(self, *urls: str) -> None:
        for url in urls:
            self.assertTrue(self.is_cached(url), f"{url} should still be cached")

    def assertRenderedAfresh(self, *urls: str) -> None:
        for url in urls:
            self.assertFalse(self.is_cached(url), f"{url} should have been rendered afresh")
