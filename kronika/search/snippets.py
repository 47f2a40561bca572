"""A few lines of an article around what the reader searched for, with the matches marked.

A snippet begins and ends between words, never inside one, and says "…" where
text was left out. It begins in the block (paragraph, heading, quote…) of the
first match, so the end of the paragraph before does not run into it, and the
blocks after it are set apart: by a dash after a line without a full stop, as
a heading is ("Wind farms — The turbines went up…"), by a space after a
sentence. A dash rather than cutting the snippet at the block's end, as a
heading alone would leave too little to read.

A word is marked when it is a searched word in another form, as the index
matched it: its Snowball stem (kronika.base.stemming) equals a searched word's,
so "winds" is marked for "wind" and "windless" is not.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kronika.base.stemming import stem
from kronika.base.text import plain_text

WIDTH = 220
# A snippet is cut around a match in the first SOURCE characters of an
# article's text, so that an article a megabyte long costs no more than an
# ordinary one however many are on a page of results. A match further in is not marked.
SOURCE = 50_000
# Text without a space for longer than this is no word (a pasted address, a
# run of markup): a snippet may cut it, with "…" attached.
LONGEST_WORD = 40
# The text has one line a block (kronika.base.text.plain_text).
BLOCK_END = "\n"
# The end of a sentence, and any closing quote or bracket after it.
SENTENCE_END = re.compile(r"([.!?…:;][\"'»”\u2019)\]]*)\n")


def _key(word: str) -> str:
    """What a word is matched by: its stem, or the word when it has none."""
    return stem(word) or word.casefold()


def _candidates(keys: set[str]) -> re.Pattern:
    """The words that may have one of `keys` as their key, to be stemmed and compared.

    Stemming every word of an article's first 50,000 characters took a third
    of a second when few had been seen before. Snowball only takes endings
    off, and may then change the stem's last letter (Lithuanian "č" to "t"),
    so a word whose stem is a key begins with all of that key but its last letter.
    """
    starts = sorted({key[:-1] or key for key in keys}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, starts)) + r")\w*", re.IGNORECASE)


def _word_start(text: str, position: int, floor: int) -> int:
    """The start of the word that `position` falls in, or `position` when that is too far back.

    No further back than `floor`; `position` itself when it is between words.
    """
    if position <= floor or text[position - 1] in " \n":
        return position
    gap = max(text.rfind(" ", floor, position), text.rfind("\n", floor, position), floor - 1) + 1
    return gap if position - gap <= LONGEST_WORD else position


def _between_words(text: str, position: int) -> bool:
    if position in (0, len(text)):
        return True
    return text[position - 1] in " \n" or text[position] in " \n"


def _window(text: str, anchor: int) -> tuple[int, int]:
    """Where the snippet around the word at `anchor` begins and ends in `text`."""
    block = text.rfind(BLOCK_END, 0, anchor) + 1
    start = _word_start(text, max(block, anchor - WIDTH // 3), block)
    end = min(len(text), start + WIDTH)
    if not _between_words(text, end):
        end = _word_start(text, end, start)
    return start, end


def _ellipses(text: str, start: int, end: int) -> tuple[str, str]:
    """Ellipses where text was left out: apart from a whole word, attached to a cut one."""
    before = "" if start == 0 else ("… " if _between_words(text, start) else "…")
    after = "" if end == len(text) else (" …" if _between_words(text, end) else "…")
    return before, after


def _marked(window: str, wanted: set[str], candidates: re.Pattern) -> str:
    """`window` as HTML, its matching words marked and its blocks set apart."""
    marked = candidates.sub(lambda m: f"\0{m[0]}\1" if _key(m[0]) in wanted else m[0], window)
    apart = SENTENCE_END.sub(r"\1 ", marked).replace(BLOCK_END, " — ")
    return escape(apart).replace("\0", "<mark>").replace("\1", "</mark>")


def snippet(article, terms: list[str]) -> SafeString:
    # Read on past SOURCE, so that a snippet near its end still ends on the
    # edge of a word, and says whether more follows.
    text = plain_text(article, SOURCE + 2 * WIDTH)
    wanted = {_key(term) for term in terms}
    candidates = _candidates(wanted) if wanted else re.compile(r"(?!)")
    matches = candidates.finditer(text, 0, SOURCE)
    first = next((m.start() for m in matches if _key(m[0]) in wanted), 0)
    start, end = _window(text, first)
    window = text[start:end].strip(" \n")
    before, after = _ellipses(text, start, end)
    html = _marked(window, wanted, candidates)
    return mark_safe(f"{escape(before)}{html}{escape(after)}")  # noqa: S308 - escaped, then marked
