from kronika.news.models import ArticlePage
from kronika.pagecache.store import invalidating_everything_once
from kronika.pagecache.tests.paper import CachedPaperTestCase
from kronika.testing import build_article


class ABulkChangeRenewsTheWholeCacheOnceAtItsEnd(CachedPaperTestCase):
    def test_pages_stay_cached_during_the_change_and_are_all_rendered_afresh_after(self):
        urls = ["/", "/news/", "/sport/", "/tags/parliament/", self.news_articles[0].url]
        self.warm(*urls)
        with invalidating_everything_once():
            article = build_article(self.news, "Budget passes", tags=["parliament"])
            self.news.add_child(instance=article)
            article.save_revision().publish()
            self.assertCached(*urls)
        self.assertRenderedAfresh(*urls)
        self.assertContains(self.client.get("/news/"), "Budget passes")

    def test_a_change_that_fails_renews_nothing(self):
        self.warm("/", "/news/")
        with self.assertRaises(RuntimeError), invalidating_everything_once():
            ArticlePage.objects.filter(pk=self.news_articles[0].pk).update(title="Changed")
            raise RuntimeError("the import broke")
        self.assertCached("/", "/news/")
