"""Small text helpers shared by steps and checks: numbers, word numbers, negation cues, phrase lookup, plurals."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBER = re.compile(
    r"\b(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(k for k in UNITS if UNITS[k] and UNITS[k] < 10)
    + r"))?|" + "|".join(UNITS) + r")(?:[-\s]hundred(?:[-\s](?:and\s)?\w+)?)?\b",
    re.IGNORECASE,
)


def lower_case_pattern(pattern: str) -> re.Pattern:
    """``pattern`` compiled for lower-cased text, without IGNORECASE: lowering a sentence once and searching
    case-sensitively runs about twice as fast as an IGNORECASE search, and gives the same matches on ASCII text.
    Lowering would turn an upper-case escape (\\S, \\W, \\D, \\B) into its opposite: refused."""
    if re.search(r"\\[SWDBAZ]", pattern):
        raise ValueError(f"pattern {pattern[:40]!r} uses an upper-case escape")
    return re.compile(pattern.lower())


def word_to_int(text: str) -> int | None:
    """'forty-two' -> 42, 'Twelve' -> 12, 'one hundred and five' -> 105; None if not a number word."""
    words = re.split(r"[-\s]+", text.lower().strip())
    words = [w for w in words if w != "and"]
    if not words:
        return None
    total, current = 0, 0
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


def parse_count(text: str) -> int | None:
    """'1,234' -> 1234, 'forty-two' -> 42."""
    t = text.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    return word_to_int(t)


# The look-ahead lets ``re`` skip to the characters a number can start with.
_NUMBER = re.compile(r"(?=[-−\d.])(?:(?<![\w.])[-−]?\d+(?:[,\s]\d{3})*(?:\.\d+)?|(?<![\w])\.\d+)")
_DIGIT = re.compile(r"\d")
_WORD_NUMBER_LOWER = re.compile(WORD_NUMBER.pattern)  # on lower-cased text: five times faster than IGNORECASE


@lru_cache(maxsize=4096)
def numbers_in(text: str, words: bool = False) -> frozenset[str]:
    """Normalised numbers in ``text`` ("1,234" -> "1234", "0.50" -> "0.5", ".05" -> "0.05").

    With ``words`` number words count too ("forty-two" -> "42"), which is how a
    source that spells a number out still supports the digits in a summary.
    Cached: the checks and the limitations step both ask about the whole source.
    """
    found = {normalise_number(m.group()) for m in _NUMBER.finditer(text)} if _DIGIT.search(text) else set()
    if words:
        for m in _WORD_NUMBER_LOWER.finditer(lowered(text)):
            n = word_to_int(m.group())
            if n is not None:
                found.add(str(n))
    return frozenset(found)


def normalise_number(raw: str) -> str:
    s = raw.replace("−", "-").replace(",", "").replace(" ", "").replace("\u2009", "")
    if s.startswith("."):
        s = "0" + s
    if s.startswith("-."):
        s = "-0" + s[1:]
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    s = s.lstrip("-") if s in ("-0",) else s
    return s.lstrip("-")  # a sign lost to a range dash ("1.2-3.4") must not count as a new number


def word_alternation(*words: str, end: str = r"\b") -> re.Pattern:
    """``\\b(?:word|…)\\b``, case-blind, led by a look-ahead for the words' first letters: ``re`` then jumps
    between candidate letters instead of trying every word at every position (two to three times faster).
    Each word must start with a letter; the rest may be a pattern ("lack(?:ed|s)? of")."""
    first = "".join(sorted({w[0].lower() for w in words}))
    return re.compile(rf"(?=[{first}])\b(?:{'|'.join(words)}){end}", re.IGNORECASE)


NEGATION = word_alternation(
    "not", "no", "nor", "neither", "never", "none", "without", "cannot", "can't", "didn't", "don't", "doesn't", "isn't",
    "wasn't", "weren't", "aren't", "unable", "failed to", "fail to", "lack(?:ed|s)? of", "absence of", "absent",
    "insufficient", "unlikely", "unchanged")
HEDGE = word_alternation("may", "might", "could", "possibly", "potential(?:ly)?", "suggests?", "suggested", "appears?", "likely")


def has_negation(text: str) -> bool:
    return any(m.group(0) != "NO" for m in NEGATION.finditer(text))  # "NO" is nitric oxide


# A digit that starts a quantity ("8.8 weeks", "-0.3 D"), not one inside a name ("caspase-3", "Bcl2", "IL-6").
_QUANTITY = re.compile(r"(?<!\w)(?<![A-Za-z]-)\d")


def has_quantity(text: str) -> bool:
    return bool(_QUANTITY.search(text))


# A word, then the same word again or its plural: "sequencing sequencing", "treatment treatments".
_DOUBLED = re.compile(r"\b([a-z][a-z-]+) (\1(?:e?s)?)\b", re.IGNORECASE)


def undouble(text: str, source: str) -> str:
    """``text`` without a word doubled by rewriting: an expanded "NGS sequencing" gives "next-generation sequencing
    sequencing", "therapeutic treatment" gives "treatment treatment". A pair its ``source`` has ("in in vitro")
    stays."""
    if not _DOUBLED.search(text):
        return text
    low = source.lower()

    def single(m: re.Match) -> str:
        if m.group(0).lower() in low:
            return m.group(0)
        return m.group(2)[0].upper() + m.group(2)[1:] if m.group(1)[0].isupper() else m.group(2)  # "Treatment treatments"

    return _DOUBLED.sub(single, text)


CONTENT_STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "their", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "than", "then", "so", "such", "not", "no", "also", "into", "over", "under", "after", "before", "during", "between", "among", "about", "we", "our", "they", "them", "he", "she", "his", "her", "has", "have", "had", "do", "does", "did", "can", "could", "may", "might", "will", "would", "should", "shall", "more", "most", "less", "very", "both", "each", "other", "all", "any", "some", "one"]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def content_words(text: str) -> set[str]:
    return {w for w in map(str.lower, _WORD.findall(text)) if len(w) > 2} - CONTENT_STOP


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    w = word.lower()
    for suf in ("ations", "ation", "ments", "ment", "ities", "ity", "ness", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def capitalise(text: str) -> str:
    """The first letter in upper case, unless the first word is a name written with a small first letter and a
    capital later ("miR-200a", "mTOR", "pH", "rFgCatL1"): "MiR-200a" is no such name."""
    if not text or not text[0].islower():
        return text
    space = text.find(" ")
    rest = text[1:space] if space > 0 else text[1:]
    return text if rest != rest.lower() else text[0].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like an acronym or a name ("SCI", "BDNF", the genus
    initial of "C. frutescens")."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:2].isupper() or first[1:2] == "." or any(c.isdigit() for c in first)):
        return text
    return text[:1].lower() + text[1:]


def ensure_period(text: str) -> str:
    text = text.rstrip()
    if not text:
        return text
    return text if text[-1] in ".!?" else text + "."


def lowered(text: str) -> str:
    """``text.lower()`` with the same length, so that offsets found in it hold for ``text`` ("İ" stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches in a str pattern


def occurs_as_word(text: str, word: str) -> bool:
    r"""Whether ``word`` occurs in ``text`` with no word character or hyphen on either side: the same answer as
    ``re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)``, without compiling a regex for every word
    (a paper's abbreviations are new to ``re``'s cache each time)."""
    start, n, size = text.find(word), len(text), len(word)
    while start >= 0:
        end = start + size
        if not (start and (is_word_char(text[start - 1]) or text[start - 1] == "-")) \
                and not (end < n and (is_word_char(text[end]) or text[end] == "-")):
            return True
        start = text.find(word, start + 1)
    return False


def followed_by_boundary(text: str, i: int) -> bool:
    r"""Whether ``\b`` holds at offset ``i`` of ``text``: a word character on exactly one side."""
    return (i > 0 and is_word_char(text[i - 1])) != (i < len(text) and is_word_char(text[i]))


_WORDS_ANY = re.compile(r"\w+")
# In an ASCII text the same words come faster from str.split once every other character is a space.
_ASCII_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if not is_word_char(c)})


class PhraseIndex:
    """Find many phrases at once, as ``(?<![\\w-])phrase(?![\\w-])`` would, without one regex per phrase.

    A 3,000-way regex alternation tries every phrase at every position, and
    compiling one regex per phrase per call thrashed ``re``'s cache. Here the
    text's words meet the phrases' first words in one set intersection, and only
    the few first words found are located (``str.find``) and extended.
    Phrases and texts are matched as given: lower both for a case-blind search.
    """

    def __init__(self, phrases: Iterable[str]):
        self._by_key: dict[str, list[str]] = {}
        for phrase in sorted({p for p in phrases if p}, key=len, reverse=True):
            m = re.match(r"\w+", phrase)
            self._by_key.setdefault(m.group(0) if m else phrase[0], []).append(phrase)
        self._keys = frozenset(self._by_key)
        self._odd = [k for k in self._keys if not is_word_char(k[0])]

    def _candidates(self, text: str) -> list[tuple[int, int, str]]:
        """Every ``(start, end, phrase)`` match, by start and then longest first (the character tests are
        written out: this runs for every sentence of every summary).

        In an ASCII text a first word is looked for between spaces in the text with every other character
        made a space, so that ``str.find`` stops only at whole words: it stopped at every "in" of "using"
        and every "t" of "patient" (a few glossary forms start with such short words)."""
        spaced = text.translate(_ASCII_SPACES) if text.isascii() else None
        words = spaced.split() if spaced is not None else _WORDS_ANY.findall(text)
        padded = f" {spaced} " if spaced is not None else ""
        out: list[tuple[int, int, str]] = []
        n = len(text)
        for key in self._keys.intersection(words).union(k for k in self._odd if k in text):
            whole_word = key[0].isalnum() or key[0] == "_"  # a first word must be a whole word of the text
            starts = []
            if spaced is not None and whole_word:  # all word characters: only a hyphen before it is left to test
                target = f" {key} "
                start = padded.find(target)  # the offset of the space before it in ``padded`` is the word's in ``text``
                while start >= 0:
                    if not (start and text[start - 1] == "-"):
                        starts.append(start)
                    start = padded.find(target, start + len(key) + 1)
            else:
                start = text.find(key)
                while start >= 0:
                    after = start + len(key)
                    before, next_char = text[start - 1] if start else " ", text[after] if after < n else " "
                    if not (before.isalnum() or before in "_-" or whole_word and (next_char.isalnum() or next_char == "_")):
                        starts.append(start)
                    start = text.find(key, after)
            for start in starts:
                for phrase in self._by_key[key]:
                    end = start + len(phrase)
                    if text.startswith(phrase, start) and (end == n or not (text[end].isalnum() or text[end] in "_-")):
                        out.append((start, end, phrase))
        out.sort(key=lambda c: (c[0], -c[1]))
        return out

    def present(self, text: str) -> set[str]:
        """Every phrase that occurs in ``text``, overlapping ones included."""
        return {phrase for _, _, phrase in self._candidates(text)}

    def longest(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, phrase)``, leftmost first and then longest, like the regex alternation."""
        out: list[tuple[int, int, str]] = []
        for start, end, phrase in self._candidates(text):
            if not out or start >= out[-1][1]:
                out.append((start, end, phrase))
        return out


_SIBILANT = re.compile(r"(?:s|x|z|ch|sh)$")


def pluralise(word: str) -> str:
    """Regular English plural of one noun: "cell" -> "cells", "body" -> "bodies", "analysis" -> "analyses"."""
    if word.endswith("sis"):
        return word[:-2] + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "es" if _SIBILANT.search(word) else word + "s"


def looks_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def singular(word: str) -> str:
    """The likeliest singular of a plural noun: "cells" -> "cell", "bodies" -> "body", "reflexes" -> "reflex"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if _SIBILANT.search(word[:-2]) and word.endswith("es"):
        return word[:-2]
    return word[:-1] if looks_plural(word) else word


def singulars(word: str) -> list[str]:
    """The forms ``word`` could be the plural of ("bodies" -> "body", "cortices" -> "cortex", "neurons" -> "neuron")."""
    out = []
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("es"):
        out += [word[:-2], word[:-2] + "is"]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("ices"):
        out += [word[:-4] + "ix", word[:-4] + "ex"]
    return out
