"""Kronika's search stemmer against the hand-written one it replaced: quality and speed.

    python -m bench.stemmers [--seconds S] [--merges]

Quality is measured on bench/stemmer_words.txt, a word list written for
Kronika: families of inflected forms (Lithuanian and Russian), which should
meet, and English words that must stay apart. Two words meet in a search when
one's word or stem is the other's word or stem: a query asks for the word and
its stem, and an article is indexed by its words and their stems. A family is
brought together when every pair of its forms meets; a false merge is a pair
of families, or of words kept apart, that meet. Speed is words stemmed a
second, over every section's words, measured for S seconds per stemmer.

Three stemmers are measured: the hand-written list of Lithuanian endings that
Kronika used until Snowball replaced it (kept here so the comparison can be
run again), Snowball as Kronika uses it (kronika.base.stemming), and Snowball
with no guard against short Latin-script stems, which shows what the guard is
for. Needs no database.
"""

import argparse
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

from kronika.base import stemming

WORDS = Path(__file__).with_name("stemmer_words.txt")
APART = "kept apart"
# How many pairs of forms brought together one false merge is worth, for the verdict.
MERGE_COST = 100

# The hand-written stemmer, as kronika/base/stemming.py had it: the first
# ending, longest first, that leaves a stem of at least four letters is removed.
HAND_WRITTEN_ENDINGS = sorted(
    {
        "iuose", "iuje", "ioje", "iams", "iems", "iais", "iaus", "iumi", "iomis",
        "uose", "uje", "oje", "ėje", "ams", "ems", "oms", "ėms", "ais", "aus", "ius", "ių",
        "iai", "iui", "ią", "imi", "omis", "ėmis", "ės", "os", "as", "is", "ys", "us",
        "ui", "ai", "ei", "iu", "io", "ia", "ą", "ę", "į", "ų", "a", "e", "o", "u", "i", "ė",
    },
    key=len,
    reverse=True,
)  # fmt: skip


def hand_written(word: str) -> str | None:
    word = word.casefold()
    for ending in HAND_WRITTEN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return None


LITHUANIAN, RUSSIAN = snowballstemmer.stemmer("lithuanian"), snowballstemmer.stemmer("russian")


def unguarded(word: str) -> str | None:
    """Snowball's stem whatever its length, in the script's own language."""
    word = word.casefold()
    found = (RUSSIAN if stemming.CYRILLIC.match(word) else LITHUANIAN).stemWord(word)
    return found if found != word else None


STEMMERS: dict[str, Callable[[str], str | None]] = {
    "hand-written": hand_written,
    "snowball (kronika)": stemming.stem,
    "snowball unguarded": unguarded,
}


def sections(path: Path = WORDS) -> dict[str, list[list[str]]]:
    """Each section's families; in a section of words kept apart, each word is its own."""
    found: dict[str, list[list[str]]] = {}
    name = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("= "):
            name = line[2:]
            found[name] = []
        elif APART in name:
            found[name] += [[word] for word in line.split()]
        else:
            found[name].append(line.split())
    return found


def search_forms(stem: Callable, word: str) -> set[str]:
    """What a search asks for, or an article is indexed by, for `word`."""
    return {word.casefold(), stem(word)} - {None}


@dataclass
class Quality:
    families: int
    together: int
    pairs: int
    pairs_meeting: int

    @property
    def share(self) -> float:
        return self.pairs_meeting / self.pairs if self.pairs else 1.0


def quality(stem: Callable, families: list[list[str]]) -> Quality:
    result = Quality(len(families), 0, 0, 0)
    for family in families:
        forms = [search_forms(stem, word) for word in family]
        meeting = [bool(a & b) for a, b in itertools.combinations(forms, 2)]
        result.pairs += len(meeting)
        result.pairs_meeting += sum(meeting)
        result.together += all(meeting)
    return result


def false_merges(stem: Callable, families: list[list[str]]) -> list[tuple[str, str]]:
    """Pairs of different families (named by their first word) that meet somewhere."""
    holders: dict[str, set[int]] = {}
    for number, family in enumerate(families):
        for word in family:
            for form in search_forms(stem, word):
                holders.setdefault(form, set()).add(number)
    pairs = {
        pair for numbers in holders.values() for pair in itertools.combinations(sorted(numbers), 2)
    }
    return sorted((families[a][0], families[b][0]) for a, b in pairs)


def words_per_second(stem: Callable, words: list[str], seconds: float, forget=None) -> float:
    """Words stemmed a second; `forget` is called before each pass over `words`."""
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        if forget:
            forget()
        for word in words:
            stem(word)
        done += len(words)
    return done / elapsed


def speeds(words: list[str], seconds: float) -> dict[str, float]:
    """Each stemmer's words a second, over words it sees for the first time.

    Kronika's stemmer remembers the stems of the words it has seen; it is
    timed with its memory emptied before each pass, and again as it is in a
    process that has stemmed these words before.
    """
    forget = stemming.stem_casefolded.cache_clear
    found = {
        name: words_per_second(stem, words, seconds, forget) for name, stem in STEMMERS.items()
    }
    found["snowball (kronika), words seen before"] = words_per_second(
        stemming.stem, words, seconds
    )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stemmers", description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="timing per stemmer")
    parser.add_argument("--merges", action="store_true", help="list every false merge")
    args = parser.parse_args()

    found = sections()
    everything = [family for families in found.values() for family in families]
    qualities: dict[tuple[str, str], Quality] = {}
    merge_counts: dict[str, int] = {}
    for name, stem in STEMMERS.items():
        print(f"\n{name}")
        for section, families in found.items():
            if APART in section:
                continue
            q = quality(stem, families)
            print(
                f"  {section:20} {q.together:3} of {q.families} words' forms all meet,"
                f" {q.share:4.0%} of pairs of forms meet"
            )
            qualities[name, section] = q
        merges = false_merges(stem, everything)
        shown = merges if args.merges else merges[:6]
        more = "" if len(shown) == len(merges) else ", …"
        print(f"  false merges: {len(merges)} ({', '.join('/'.join(p) for p in shown)}{more})")
        merge_counts[name] = len(merges)

    words = list(dict.fromkeys(word for family in everything for word in family))
    print(f"\nSpeed, {len(words)} different words of every section in turn:")
    for name, speed in speeds(words, args.seconds).items():
        print(f"  {name:40} {speed:11,.0f} words/s")

    unchanged = [word for word in words if hand_written(word) == stemming.stem(word)]
    print(
        f"\nWords stemmed alike by the hand-written and Kronika's stemmer:"
        f" {len(unchanged)} of {len(words)}"
    )
    new, old = "snowball (kronika)", "hand-written"
    gained = {
        section: qualities[new, section].pairs_meeting - qualities[old, section].pairs_meeting
        for section in found
        if APART not in section
    }
    extra = merge_counts[new] - merge_counts[old]
    print(
        f"{new} against {old}: pairs of forms that meet "
        + ", ".join(f"{gain:+} {section.split()[0]}" for section, gain in gained.items())
        + f"; false merges {extra:+}"
    )
    # A false merge costs a reader more than one missed form, but not a hundred.
    better = min(gained.values()) > 0 and extra * MERGE_COST <= sum(gained.values())
    print("Better:", new if better else old)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
