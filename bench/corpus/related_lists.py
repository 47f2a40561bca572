"""Stored related-articles lists for the archive, drawn from shared tags near in time."""

import math
from collections import defaultdict
from dataclasses import dataclass

from kronika.news import related

# Related lists are drawn from the articles published nearest in time under
# each shared tag, this many on either side.
TAG_NEIGHBOURS = 12


@dataclass
class Filed:
    """What the related lists are drawn from: one generated article, in publication order."""

    pk: int
    section: int
    tags: list[int]


def related_lists(filed: list[Filed]):
    """Eight related articles for each generated one, from its tags' postings near it in time.

    A cheap stand-in for find_related: articles sharing more and rarer tags
    rank higher, as with the real index, and the section's neighbours fill up
    a list that tags alone cannot. Yields each article's rows, in `filed` order.
    """
    postings, by_section = defaultdict(list), defaultdict(list)
    places = []
    for index, article in enumerate(filed):
        places.append(
            ([(tag, len(postings[tag])) for tag in article.tags], len(by_section[article.section]))
        )
        for tag in article.tags:
            postings[tag].append(index)
        by_section[article.section].append(index)
    for index, article in enumerate(filed):
        tag_places, section_place = places[index]
        scores = defaultdict(float)
        for tag, place in tag_places:
            posting = postings[tag]
            idf = math.log(1 + len(filed) / len(posting))
            for other in posting[max(0, place - TAG_NEIGHBOURS) : place + TAG_NEIGHBOURS + 1]:
                scores[other] += related.TAG_WEIGHT * idf
        scores.pop(index, None)
        for other in scores:
            if filed[other].section == article.section:
                scores[other] += related.SAME_SECTION_BONUS
        ranked = sorted(scores.items(), key=lambda item: (item[1], item[0]), reverse=True)
        ranked = ranked[: related.STORED]
        if len(ranked) < related.STORED:
            chosen = {index, *dict(ranked)}
            fill = _section_fill(by_section[article.section], section_place, chosen)
            ranked += fill[: related.STORED - len(ranked)]
        yield [
            (article.pk, filed[other].pk, rank, score)
            for rank, (other, score) in enumerate(ranked)
        ]


def _section_fill(section: list[int], place: int, chosen: set[int]) -> list[tuple[int, float]]:
    nearby = section[max(0, place - related.STORED) : place + related.STORED + 1]
    return [(other, 0.0) for other in sorted(nearby, reverse=True) if other not in chosen]
