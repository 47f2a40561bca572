"""What the front page shows, and in which order: each story once.

A reader scanning the front page should meet a story in one place only. The
page is filled from the top down, and every tier leaves out what a tier above
it took:

1. the lead: the editors' choice, else the newest story with a picture;
2. the secondary stories: the next newest with a picture, shown as equal cards;
3. "Latest": the newest stories that neither tier above holds;
4. a block per section: its newest stories not shown above, the newest of them
   with a picture leading a list of the others' headlines.

A section block may so come out shorter than the others, or empty, on a paper
that publishes little: it is then left out rather than repeating a story.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import prefetch_related_objects
from django.utils import timezone

from kronika.news.bylines import with_bylines


@dataclass
class FrontPage:
    lead: object = None
    secondary: list = field(default_factory=list)
    latest: list = field(default_factory=list)
    section_blocks: list = field(default_factory=list)

    SECONDARY_COUNT = 3
    LATEST_COUNT = 6
    SECTION_BLOCK_COUNT = 4

    def articles(self) -> list:
        """Every story on the page, top to bottom."""
        top = [self.lead] if self.lead else []
        blocks = [article for _, articles in self.section_blocks for article in articles]
        return [*top, *self.secondary, *self.latest, *blocks]


def build_front_page(published, lead_pk, sections) -> FrontPage:
    """The front page from `published` teasers (newest first) and the paper's `sections`."""
    front = FrontPage()
    if lead_pk:
        front.lead = published.filter(pk=lead_pk).first()
    if front.lead is None:
        front.lead = published.filter(hero_image__isnull=False).first() or published.first()
    shown = [front.lead.pk] if front.lead else []
    front.secondary = list(
        published.filter(hero_image__isnull=False).exclude(pk__in=shown)[: front.SECONDARY_COUNT]
    )
    shown += [article.pk for article in front.secondary]
    front.latest = list(published.exclude(pk__in=shown)[: front.LATEST_COUNT])
    shown += [article.pk for article in front.latest]
    for section in sections:
        articles = list(
            published.in_section(section).exclude(pk__in=shown)[: front.SECTION_BLOCK_COUNT]
        )
        if articles:
            front.section_blocks.append((section, pictured_first(articles)))
    # One query each fetches the pictures and the bylines of every teaser on the page.
    prefetch_related_objects(front.articles(), "hero_image__renditions", with_bylines())
    return front


def pictured_first(articles: list) -> list:
    """The newest story with a picture leads its block; the rest keep their order."""
    pictured = next((article for article in articles if article.hero_image_id), None)
    if pictured is None:
        return articles
    return [pictured, *(article for article in articles if article is not pictured)]


def next_midnight() -> datetime:
    """When the date the front page shows under the nameplate turns, in the paper's time zone."""
    now = timezone.localtime()
    tomorrow = now.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min), now.tzinfo)
