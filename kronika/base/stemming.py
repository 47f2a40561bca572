"""Stems for search, so that "Vilniaus" finds "Vilnius" and "города" finds "город".

Neither SQLite's FTS5 nor PostgreSQL ship a Lithuanian stemmer. Articles are
indexed with the stems of their words as well as the words, and a query looks
for both, so inflected forms meet on either backend.

The stems are Snowball's (snowballstemmer): Russian for words in Cyrillic,
Lithuanian for the rest. They replaced a hand-written list of Lithuanian
endings after `python -m bench.stemmers` measured both on a word list checked
in beside it (bench/stemmer_words.txt). Of 50 Lithuanian words, all the forms
of 36 meet under Snowball against 15 under the list (73% of pairs of forms
against 60%); of 20 Russian words, 19 against none (99% against 0%); and both
merge about as many different words (12 pairs against 11, nearly all short
English words). Snowball in pure Python is the slower: 40,000 to 55,000 new
words a second against 280,000 to 390,000, so the stems of the words seen
last are remembered (4.5 million words a second).

English shares the Latin script, and Lithuanian endings take the final "e"
off "made" and "note": so a Latin-script stem is used only when it keeps at
least four letters, as the hand-written stemmer required. Without it Snowball
brings 46 of the 50 Lithuanian words together but also "made" and "mad",
"note" and "not": 38 false merges. Cyrillic has no English to collide with,
and its stems are used whatever their length ("суд" for "суда").

Changing the stemmer changes what is indexed: after upgrading past a change
here, run `kronika update_index` once (docs/production.md, "Upgrades").
"""

import re
import threading
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIN_LATIN_STEM = 4
# No Lithuanian or Russian word is this long; a longer run of letters is a
# pasted address or an attack, and Snowball takes a third of a second over a
# megabyte of one.
MAX_WORD = 40
# Snowball's stemmers keep the word being stemmed on the object, so two threads
# of an app server sharing one would read each other's words.
_local = threading.local()


def _stemmers():
    if not hasattr(_local, "lithuanian"):
        _local.lithuanian = snowballstemmer.stemmer("lithuanian")
        _local.russian = snowballstemmer.stemmer("russian")
    return _local


def stem(word: str) -> str | None:
    """The stem of `word`, or None when it is the word itself or too short to trust."""
    word = word.casefold()
    return stem_casefolded(word) if len(word) <= MAX_WORD else None


# A paper's articles repeat most of their words, and Snowball in pure Python
# stems about 50,000 new words a second: remembering the stems of the words
# seen last makes most of an article's stems lookups (a few megabytes a process).
@lru_cache(maxsize=2**15)
def stem_casefolded(word: str) -> str | None:
    stemmers = _stemmers()
    if CYRILLIC.match(word):
        found, shortest = stemmers.russian.stemWord(word), 1
    else:
        found, shortest = stemmers.lithuanian.stemWord(word), MIN_LATIN_STEM
    return found if found != word and len(found) >= shortest else None


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text or "")]


def stems_of(text: str) -> str:
    """The distinct stems of a text's words, as one string for the search index."""
    # Each distinct word is stemmed once: a long text repeats its words, and
    # stemming each repetition took seconds for a megabyte.
    found = {stem(word) for word in set(words(text))}
    found.discard(None)
    return " ".join(sorted(found))
