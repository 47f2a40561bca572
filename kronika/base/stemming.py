"""A light stemmer for Lithuanian, so that "Vilniaus" finds "Vilnius".

Neither SQLite's FTS5 nor PostgreSQL ship a Lithuanian stemmer. Articles are
indexed with the stems of their words as well as the words, and a query looks
for both, so inflected forms meet on either backend. Only stems of at least
four letters are used, which keeps short English words out of it.
"""

import re

WORD = re.compile(r"\w+", re.UNICODE)
# Longest first: the first ending that leaves a long enough stem is removed.
ENDINGS = sorted(
    {
        "iuose", "iuje", "ioje", "iams", "iems", "iais", "iaus", "iumi", "iomis",
        "uose", "uje", "oje", "ėje", "ams", "ems", "oms", "ėms", "ais", "aus", "ius", "ių",
        "iai", "iui", "ią", "imi", "omis", "ėmis", "ės", "os", "as", "is", "ys", "us",
        "ui", "ai", "ei", "iu", "io", "ia", "ą", "ę", "į", "ų", "a", "e", "o", "u", "i", "ė",
    },
    key=len,
    reverse=True,
)  # fmt: skip
MIN_STEM = 4


def stem(word: str) -> str | None:
    word = word.casefold()
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return None


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text or "")]


def stems_of(text: str) -> str:
    """The distinct stems of a text's words, as one string for the search index."""
    # Each distinct word is stemmed once: a long text repeats its words, and
    # trying every ending on each repetition took seconds for a megabyte.
    found = {stem(word) for word in set(words(text))}
    found.discard(None)
    return " ".join(sorted(found))
