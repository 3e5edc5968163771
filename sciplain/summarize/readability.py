"""Reading-grade figures per field: FKGL and SMOG exactly as textstat 0.7.4 computes them.

textstat recounts every word of a text once per formula, hyphenates each word with
pyphen on every call, and memoises its methods per whole text in caches of 128
entries, which polysyllabcount's per-word calls evict at once: a fifth of the
engine's run time went there. This module counts each text once, memoises the
syllables of each *word* and the figures of each text (the composer measures
its candidates, and the final texts are measured again), and applies textstat's
own formulas and rounding, so the figures are the same
(``tests/summarize/test_readability.py`` compares them with textstat on real text).

Hyphenation points come from pyphen's own en_US patterns by pyphen's own algorithm, with
one shortcut: pyphen looks up every substring of a word up to the longest pattern, while
``_points`` stops extending a substring as soon as no pattern starts with it. Almost every
word in an abstract is new to the caches, so this was most of the remaining cost.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from pyphen import Pyphen

from .types import FieldReadability, Summary

TARGETS = {"simple_explanation": 8.0, "key_findings": 10.0, "research_summary": 11.0}

_PUNCTUATION = re.compile(r"[^\w\s]")  # textstat.remove_punctuation, apostrophes included
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat.sentence_count
_pyphen = Pyphen(lang="en_US")
_PATTERNS: dict[str, tuple[int, list[int]]] = _pyphen.hd.patterns
_LONGEST = _pyphen.hd.maxlen
_MISSING = object()
# Every prefix of a pattern -> the pattern's non-zero weights as (offset from the piece's start, weight), or None
# when the prefix is no pattern itself: one dict lookup per substring tells both whether to go on and what to apply.
# A zero weight never raises a point, so it is left out.
_LOOKUP: dict[str, tuple[tuple[int, int], ...] | None] = {key[:i]: None for key in _PATTERNS for i in range(1, len(key) + 1)}
_LOOKUP.update({key: tuple((offset + n, value) for n, value in enumerate(values) if value)
                for key, (offset, values) in _PATTERNS.items()})


@lru_cache(maxsize=100_000)
def _points(word: str) -> int:
    """How many hyphenation points ``Pyphen(lang="en_US").positions(word)`` returns (the same Liang
    algorithm over the same patterns), without the substrings that no pattern starts with. Cached by word:
    the same word comes with different punctuation and capitals ("Study", "study,")."""
    dotted = f".{word.lower()}."
    size = len(dotted)
    weights = [0] * (size + 1)
    lookup = _LOOKUP.get
    for i in range(size - 1):
        for j in range(i + 1, min(i + _LONGEST, size) + 1):
            pattern = lookup(dotted[i:j], _MISSING)
            if pattern is _MISSING:
                break
            if pattern:
                for offset, value in pattern:
                    weights[i + offset] = max(weights[i + offset], value)
    # The points counted are those at positions left + 1 … right + 1 of ``weights`` with an odd weight.
    left, right = _pyphen.left, len(word) - _pyphen.right
    return sum(weight & 1 for weight in weights[max(left + 1, 0):max(right + 2, 0)])


@lru_cache(maxsize=100_000)
def _syllables(token: str) -> int:
    """Syllables of a whitespace-delimited token, as textstat counts them: lower-cased, punctuation
    removed ("well-known" is one word), pyphen's hyphenation points plus one; 0 for bare punctuation."""
    word = _PUNCTUATION.sub("", token.lower())
    return _points(word) + 1 if word else 0


def _round(number: float, points: int = 1) -> float:
    """textstat's ``_legacy_round``: half away from zero."""
    p = 10**points
    return float(math.floor(number * p + math.copysign(0.5, number))) / p


def _word_count(text: str) -> int:
    return len(_PUNCTUATION.sub("", text).split())


def _sentence_count(text: str) -> int:
    """Sentences of three or more words; at least one."""
    sentences = _SENTENCE.findall(text)
    return max(1, len(sentences) - sum(1 for s in sentences if _word_count(s) <= 2))


def measure(text: str) -> FieldReadability:
    text = text.strip()
    if not text:
        return FieldReadability()
    fkgl, smog, words, sentences = _figures(text)
    return FieldReadability(fkgl=fkgl, smog=smog, words=words, sentences=sentences)


@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[float, float | None, int, int]:
    """(fkgl, smog, words, sentences); a token is a word when it keeps a character once punctuation
    is removed, which is when it has syllables (textstat's lexicon_count, without a second pass)."""
    per_token = list(map(_syllables, text.split()))
    words = len(per_token) - per_token.count(0)
    sentences = _sentence_count(text)
    syllables = sum(per_token)
    sentence_length = _round(words / sentences)
    syllables_per_word = _round(syllables / words) if words else 0.0
    fkgl = _round(0.39 * sentence_length + 11.8 * syllables_per_word - 15.59)
    smog = None
    if sentences >= 3:
        polysyllables = sum(1 for n in per_token if n >= 3)
        smog = _round(1.043 * (30 * (polysyllables / sentences)) ** 0.5 + 3.1291)
    return fkgl, smog, words, sentences


def summary_readability(summary: Summary) -> dict[str, FieldReadability]:
    return {
        "simple_explanation": measure(summary.simple_explanation),
        "key_findings": measure(" ".join(f.text for f in summary.key_findings)),
        "research_summary": measure(summary.research_summary),
    }
