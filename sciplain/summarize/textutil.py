"""Small text helpers shared by steps and checks: numbers, word numbers, negation cues."""

from __future__ import annotations

import re
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


_NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:[,\s]\d{3})*(?:\.\d+)?|(?<![\w])\.\d+")


def numbers_in(text: str, words: bool = False) -> set[str]:
    """Normalised numbers in ``text`` ("1,234" -> "1234", "0.50" -> "0.5", ".05" -> "0.05").

    With ``words`` number words count too ("forty-two" -> "42"), which is how a
    source that spells a number out still supports the digits in a summary.
    """
    found = set()
    for m in _NUMBER.finditer(text):
        found.add(normalise_number(m.group()))
    if words and _NUMBER_WORD_HINT.search(text):
        for m in WORD_NUMBER.finditer(text):
            n = word_to_int(m.group())
            if n is not None:
                found.add(str(n))
    return found


_NUMBER_WORD_HINT = re.compile(r"(?i)\b(?:" + "|".join(list(UNITS) + list(TENS)) + ")")


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


NEGATION = re.compile(
    r"\b(?:not|no|nor|neither|never|none|without|cannot|can't|didn't|don't|doesn't|isn't|wasn't|weren't|"
    r"aren't|unable|failed to|fail to|lack(?:ed|s)? of|absence of|absent|insufficient|unlikely|unchanged)\b",
    re.IGNORECASE,
)
HEDGE = re.compile(r"\b(?:may|might|could|possibly|potential(?:ly)?|suggests?|suggested|appears?|likely)\b", re.IGNORECASE)


def has_negation(text: str) -> bool:
    return any(m.group(0) != "NO" for m in NEGATION.finditer(text))  # "NO" is nitric oxide


CONTENT_STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "their", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "than", "then", "so", "such", "not", "no", "also", "into", "over", "under", "after", "before", "during", "between", "among", "about", "we", "our", "they", "them", "he", "she", "his", "her", "has", "have", "had", "do", "does", "did", "can", "could", "may", "might", "will", "would", "should", "shall", "more", "most", "less", "very", "both", "each", "other", "all", "any", "some", "one"]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in CONTENT_STOP and len(w) > 2}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    w = word.lower()
    for suf in ("ations", "ation", "ments", "ment", "ities", "ity", "ness", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like an acronym or a name ("SCI", "BDNF")."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:2].isupper() or any(c.isdigit() for c in first)):
        return text
    return text[:1].lower() + text[1:]


def ensure_period(text: str) -> str:
    text = text.rstrip()
    if not text:
        return text
    return text if text[-1] in ".!?" else text + "."
