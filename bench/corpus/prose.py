"""The archive's words: a seeded vocabulary, and a writer that turns it into articles.

Sentences come from a pool with their word counts made once, so the terms an
article gives the related-articles index (`terms_of`) cost a sum of counters
instead of a second reading of its text.
"""

import math
import random
from bisect import bisect
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate

from kronika.news import related

GENERATED_AUTHORS = 300
TAGS = 2_000
CONTENT_WORDS = 3_500
SENTENCE_POOL = 30_000
BODY_CHARS = (3_400, 4_600)

# Listed by frequency: the first is the commonest. The text never contains & < > " or ',
# so paragraphs need no escaping and read back through strip_tags unchanged.
FUNCTION_WORDS = """
    the of and to in a is that for on was with as by at from it be has have are were
    said will not but after its their who which this an or had more than would been also
    into over new two three last first could about when they he she we his her there what
    up out if no so can all one other some only most now year people government minister
    city police court company state country week while under since before between during
    against local public national
""".split()
PLACES = [
    ("Vilnius", "Vilniaus", "Vilniuje", "Vilnių"),
    ("Kaunas", "Kauno", "Kaune"),
    ("Klaipėda", "Klaipėdos", "Klaipėdoje"),
    ("Šiauliai", "Šiaulių", "Šiauliuose"),
    ("Panevėžys", "Panevėžio"),
    ("Riga", "Rīgas"),
    ("Tallinn", "Tallinna"),
    ("Tartu",),
    ("Daugavpils",),
    ("Liepāja", "Liepājas"),
    ("Jelgava", "Jelgavas"),
    ("Ventspils",),
    ("Narva",),
    ("Pärnu",),
    ("Gdańsk",),
    ("Helsinki",),
]
FIRST_NAMES = [
    "Rūta Ieva Eglė Aistė Gintarė Tomas Mantas Darius Jonas Vytautas".split(),
    "Līga Ilze Anna Kristīne Zane Jānis Mārtiņš Andris Edgars Kārlis".split(),
    "Kadri Kati Maarja Liis Triin Andres Jaan Tanel Margus Rein".split(),
    "Agnieszka Magdalena Katarzyna Ewa Joanna Tomasz Piotr Marek Paweł Krzysztof".split(),
]
SURNAMES = [
    "Kazlauskaitė Petrauskienė Jankauskas Stankevičius Vasiliauskas Žukauskas Butkus "
    "Paulauskas Urbonas Navickas".split(),
    "Bērziņa Ozols Kalniņš Liepiņa Krūmiņš Zariņa Pētersons Vītols Jansons Kļaviņa".split(),
    "Tamm Kask Saar Sepp Mägi Rebane Ilves Kukk Lepik Kuusk".split(),
    "Zieliński Nowak Kowalska Wiśniewski Wójcik Kamińska Lewandowski Dąbrowska Szymański "
    "Woźniak".split(),
]
ROLES = [
    "a spokesperson for the ministry",
    "the mayor",
    "an economist",
    "a professor at the university",
    "a union leader",
    "a local resident",
    "the chief executive",
    "a police spokesperson",
    "an opposition lawmaker",
    "the head of the association",
]
ONSETS = [*"b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr r s".split(), ""]
ONSETS += [*"sc sh sl sp st str t th tr v w".split(), "", "", ""]
NUCLEI = "a e i o u a e i o ea ai ou io".split()
CODAS = [*"n r s t l m nd nt st rk ng ck ll".split(), "", "", "", "", "", ""]
SUFFIXES = [*"ing ment tion er ly ed s al ist ity".split(), *[""] * 12]


class Zipf:
    """Picks from a ranked list, the first item most often, as word use goes."""

    def __init__(self, items, exponent: float = 1.0):
        self.items = list(items)
        self._bounds = list(accumulate(1 / (rank + 1) ** exponent for rank in range(len(items))))

    def pick(self, rng: random.Random):
        return self.items[bisect(self._bounds, rng.random() * self._bounds[-1])]


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    lengths = {}
    reserved = set(FUNCTION_WORDS)
    while len(lengths) < count:
        syllables = rng.choice((1, 2, 2, 2, 3))
        word = "".join(
            rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(syllables)
        )
        word += rng.choice(SUFFIXES)
        if 3 <= len(word) <= 13 and word not in reserved:
            lengths.setdefault(word, len(word) + 4 * rng.random())
    # Short words are the common ones, as in natural languages.
    return sorted(lengths, key=lengths.get)


class Vocabulary:
    """The words, tags and names of the archive, all fixed by the seed.

    `render` builds its search queries from the same vocabulary, so it knows
    which words are common and which are rare.
    """

    def __init__(self, seed: int = 1):
        rng = random.Random(f"kronika-bench-vocabulary:{seed}")  # noqa: S311 - not a secret
        self.content = Zipf(_pseudo_words(rng, CONTENT_WORDS))
        self.function = Zipf(FUNCTION_WORDS)
        self.places = Zipf(PLACES, exponent=0.8)
        self.tag_names = self._tag_names(rng)
        self.author_names = self._author_names(rng)

    def _tag_names(self, rng: random.Random) -> list[str]:
        words = self.content.items
        places = [forms[0] for forms in PLACES]
        singles = words[40 : 40 + TAGS - len(places) - 300]
        pairs = set()
        while len(pairs) < 300:
            pairs.add(f"{rng.choice(words[100:1000])} {rng.choice(words[100:1000])}")
        names = [*singles, *sorted(pairs), *places]
        rng.shuffle(names)  # the order is the tags' popularity
        return names

    def _author_names(self, rng: random.Random) -> list[str]:
        names = [
            f"{first} {last}"
            for firsts, lasts in zip(FIRST_NAMES, SURNAMES, strict=True)
            for first in firsts
            for last in lasts
        ]
        return rng.sample(names, GENERATED_AUTHORS)

    def place(self, rng: random.Random, *, inflected: bool = True) -> str:
        forms = self.places.pick(rng)
        return rng.choice(forms) if inflected and rng.random() < 0.3 else forms[0]

    def token(self, rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.40:
            return self.function.pick(rng)
        if roll < 0.43:
            return self.place(rng)
        if roll < 0.45:
            return str(rng.choice((rng.randint(2, 99), rng.randint(100, 9999))))
        return self.content.pick(rng)

    def phrase(self, rng: random.Random, words: int, topic=()) -> str:
        tokens = [self.token(rng) for _ in range(words)]
        for word in topic:
            tokens.insert(rng.randrange(len(tokens) + 1), word)
        if len(tokens) > 10 and rng.random() < 0.5:
            comma = rng.randrange(3, len(tokens) - 3)
            tokens[comma] += ","
        text = " ".join(tokens)
        return text[0].upper() + text[1:]

    def sentence(self, rng: random.Random, words: int, topic=()) -> str:
        return self.phrase(rng, words, topic) + "."

    def person(self, rng: random.Random) -> str:
        group = rng.randrange(len(FIRST_NAMES))
        return f"{rng.choice(FIRST_NAMES[group])} {rng.choice(SURNAMES[group])}"


def counted(text: str) -> tuple[str, Counter]:
    """A text with the word counts that related.extract_terms would take from it."""
    return text, Counter(
        word for word in related._WORD.findall(text.casefold()) if word not in related.STOPWORDS
    )


@dataclass
class Draft:
    """One article before it becomes rows."""

    title: str
    slug: str
    standfirst: str
    body: list[dict]
    counts: list[Counter]  # the words of title, standfirst and body blocks, in text order
    dateline: str
    section: int
    tags: list[int]
    authors: list[int]
    picture: int | None
    first_published_at: datetime
    last_published_at: datetime


class Writer:
    """Writes articles from a pool of sentences, so 100,000 of them take seconds.

    Each paragraph also gets one fresh sentence about the article's own tags,
    which makes the article's distinctive words its topic, as in real news.
    """

    def __init__(self, vocabulary: Vocabulary, rng: random.Random):
        self.vocabulary = vocabulary
        self.rng = rng
        self.pool = [
            counted(vocabulary.sentence(rng, rng.randint(8, 22))) for _ in range(SENTENCE_POOL)
        ]

    def _paragraph(self, topic: list[str]) -> list[tuple[str, Counter]]:
        rng = self.rng
        sentences = [rng.choice(self.pool) for _ in range(rng.randint(3, 5))]
        fresh = self.vocabulary.sentence(rng, rng.randint(7, 14), rng.sample(topic, 1))
        sentences.insert(rng.randrange(len(sentences) + 1), counted(fresh))
        return sentences

    def body(self, topic: list[str]) -> tuple[list[dict], list[Counter]]:
        """Paragraphs with a heading now and then and perhaps a quote, ~4,000 characters."""
        rng, vocabulary = self.rng, self.vocabulary
        blocks, counts = [], []
        target = rng.randint(*BODY_CHARS)
        quote_after = rng.randint(2, 5) if rng.random() < 0.6 else None
        length = paragraphs = 0
        while length < target:
            if paragraphs and paragraphs % 3 == 0 and rng.random() < 0.5:
                text, words = counted(vocabulary.phrase(rng, rng.randint(3, 6), topic[:1]))
                blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})
                counts.append(words)
            sentences = self._paragraph(topic)
            text = " ".join(sentence for sentence, _ in sentences)
            blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
            counts.extend(words for _, words in sentences)
            length += len(text)
            paragraphs += 1
            if paragraphs == quote_after:
                quote, words = rng.choice(self.pool)
                attribution = f"{vocabulary.person(rng)}, {rng.choice(ROLES)}"
                blocks.append(
                    {"type": "quote", "value": {"quote": quote, "attribution": attribution}}
                )
                counts.append(words)
        return blocks, counts

    def headline(self, topic: list[str]) -> str:
        rng = self.rng
        extra = [self.vocabulary.place(rng, inflected=False)] if rng.random() < 0.3 else []
        words = rng.randint(6, 12) - 1 - len(extra)
        return self.vocabulary.phrase(rng, words, [topic[0], *extra]).rstrip(",")

    def standfirst(self, topic: list[str]) -> str:
        rng = self.rng
        first = self.vocabulary.sentence(rng, rng.randint(12, 22), topic[:2])
        if rng.random() < 0.5:
            return first
        return f"{first} {rng.choice(self.pool)[0]}"


def terms_of(draft: Draft, tag_slugs: dict[int, str]) -> dict:
    """What related.extract_terms gives for the article, from counts made once per sentence.

    Counters are added in the order of the article's text, so ties in
    most_common() fall as they do when extract_terms counts the whole text.
    """
    words = Counter()
    for counts in draft.counts:
        words.update(counts)
    terms = {
        word: 1.0 + math.log(count) for word, count in words.most_common(related.WORDS_PER_ARTICLE)
    }
    for tag in draft.tags:
        terms[f"#{tag_slugs[tag]}"] = related.TAG_WEIGHT
    return terms
