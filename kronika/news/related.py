""" "You may also like": related articles from shared tags and distinctive words.

Each published article is indexed as a small set of weighted terms (its tags and
its most frequent uncommon words). Finding an article's relatives reads only the
postings of its own terms, capped per term, so the cost depends on the size of
one article, not on the size of the archive.
"""

import math
import re
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db import connection, transaction
from django.utils.html import strip_tags

from kronika.news.models import ArticlePage, ArticleTerm, RelatedArticle
from kronika.pagecache import tags as cache_tags
from kronika.pagecache.store import invalidate

STORED = 8  # more than are shown, so an unpublished relative leaves no gap
WORDS_PER_ARTICLE = 30
POSTINGS_PER_TERM = 500
COMMON_TERM_DOCUMENTS = 5000
WRITER_LOCKS = 0x4B52  # the first key of _serialise_writers' advisory locks
TAG_WEIGHT = 3.0
SAME_SECTION_BONUS = 0.1
CANDIDATES_PER_PLACE = 4

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
STOPWORDS = frozenset(
    """
    about above after again against also among another around because been before being
    below between both could does doing down during each even ever every from further
    have having here hers herself himself into itself just last less many more most much
    must never next once only other ought ours over said same says several shall should
    since some such than that their theirs them then there these they this those though
    through under until very want were what when where which while whom whose will with
    within without would year years your yours told week weeks month months today
    yesterday tomorrow people percent according
    """.split()
)


def article_text(article: ArticlePage) -> str:
    parts = [article.title, article.title, article.standfirst]
    for block in article.body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "heading":
            parts.append(value["text"])
        elif block.block_type == "quote":
            parts.append(value["quote"])
    return " ".join(parts)


def extract_terms(article: ArticlePage) -> dict[str, float]:
    words = Counter(
        word for word in _WORD.findall(article_text(article).casefold()) if word not in STOPWORDS
    )
    terms = {word: 1.0 + math.log(count) for word, count in words.most_common(WORDS_PER_ARTICLE)}
    for tag in article.tags.all():
        terms[f"#{tag.slug}"] = TAG_WEIGHT
    return terms


def _serialise_writers(article_id: int) -> None:
    """Make two workers writing one article's terms or list take turns.

    Each deletes the old rows and inserts new ones; at the same time on
    PostgreSQL, the second would insert beside the first's rows and break the
    unique constraints. SQLite already runs write transactions one at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [WRITER_LOCKS, article_id])


def index_article(article: ArticlePage) -> dict[str, float]:
    terms = extract_terms(article)
    with transaction.atomic():
        _serialise_writers(article.pk)
        ArticleTerm.objects.filter(article=article).delete()
        ArticleTerm.objects.bulk_create(
            ArticleTerm(article=article, term=term, weight=weight)
            for term, weight in terms.items()
        )
    return terms


def unindex_article(article_id: int) -> None:
    ArticleTerm.objects.filter(article_id=article_id).delete()


def _document_frequency(term: str) -> int:
    # Counting stops at the cap: past it a term is too common to say anything.
    return ArticleTerm.objects.filter(term=term)[:COMMON_TERM_DOCUMENTS].count()


def _archive_size() -> int:
    # idf only needs the archive's order of magnitude; counting 100,000 rows on
    # every computation would cost more than the rest of it.
    return cache.get_or_set(
        "related:archive-size", lambda: ArticlePage.objects.published().count(), 600
    )


def find_related(
    article: ArticlePage, terms: dict[str, float], limit: int = STORED
) -> list[tuple[int, float]]:
    section = article.get_parent()
    documents = max(_archive_size(), 1)
    scores: dict[int, float] = defaultdict(float)
    for term, weight in terms.items():
        frequency = _document_frequency(term)
        if frequency >= COMMON_TERM_DOCUMENTS or frequency <= 1:
            continue
        idf = math.log(1 + documents / frequency)
        postings = (
            ArticleTerm.objects.filter(term=term)
            .exclude(article_id=article.pk)
            .order_by("-article_id")
            .values_list("article_id", "weight")[:POSTINGS_PER_TERM]
        )
        for other_id, other_weight in postings:
            scores[other_id] += idf * min(weight, other_weight)

    # Only the best few candidates are checked against the database: the same
    # section's small bonus can reorder neighbours in the ranking, not lift an
    # article from far below.
    best = sorted(scores, key=scores.__getitem__, reverse=True)[: limit * CANDIDATES_PER_PLACE]
    candidates = dict(
        ArticlePage.objects.published()
        .in_language_of(article)
        .filter(pk__in=best)
        .values_list("pk", "first_published_at")
    )
    section_ids = set(
        ArticlePage.objects.in_section(section)
        .filter(pk__in=list(candidates))
        .values_list("pk", flat=True)
    )
    ranked = sorted(
        (
            (pk, scores[pk] + (SAME_SECTION_BONUS if pk in section_ids else 0.0))
            for pk in candidates
        ),
        key=lambda item: (item[1], candidates[item[0]]),
        reverse=True,
    )[:limit]

    if len(ranked) < limit:
        # An article that shares nothing with the archive still gets a full list:
        # the newest of its own section, then of the paper.
        chosen = {pk for pk, _ in ranked} | {article.pk}
        for queryset in (
            ArticlePage.objects.published().in_section(section),
            ArticlePage.objects.published().in_language_of(article),
        ):
            for pk in (
                queryset.exclude(pk__in=chosen)
                .newest_first()
                .values_list("pk", flat=True)[: limit - len(ranked)]
            ):
                ranked.append((pk, 0.0))
                chosen.add(pk)
    return ranked[:limit]


def store_related(article: ArticlePage, ranked: list[tuple[int, float]]) -> None:
    stored = RelatedArticle.objects.filter(article=article)
    with transaction.atomic():
        _serialise_writers(article.pk)
        before = list(stored.order_by("rank").values_list("related_id", flat=True))
        stored.delete()
        RelatedArticle.objects.bulk_create(
            RelatedArticle(article=article, related_id=pk, rank=rank, score=score)
            for rank, (pk, score) in enumerate(ranked)
        )
        # Scores and the reserve places move with every article published; the page
        # changes only when the places it shows do.
        shown = ArticlePage.RELATED_SHOWN
        if before[:shown] != [pk for pk, _ in ranked][:shown]:
            invalidate(cache_tags.page(article.pk))


def recompute_list(article: ArticlePage) -> None:
    terms = dict(ArticleTerm.objects.filter(article=article).values_list("term", "weight"))
    if not terms:
        terms = index_article(article)
    store_related(article, find_related(article, terms))
