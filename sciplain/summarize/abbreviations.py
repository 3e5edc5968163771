"""Abbreviations defined in the text, found with the Schwartz–Hearst algorithm.

Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
definitions in biomedical text": for every "long form (SF)" pair, walk the short
form right to left and find each character in the preceding words, the first
one at a word start. Readers with no medical training meet "SCI" as
"spinal cord injury", so the writing steps expand these.
"""

from __future__ import annotations

import re

from .textutil import is_word_char

_PAREN = re.compile(r"\(([^()]{1,12})\)")


def _valid_short(sf: str) -> bool:
    sf = sf.strip()
    if not (2 <= len(sf) <= 10) or not sf[0].isalnum() or not any(c.isalpha() for c in sf):
        return False
    if not re.search(r"[A-Z]", sf):  # "(or not)", "(ns)": words, not abbreviations
        return False
    if " " in sf and (len(sf.split()) > 2 or not all(re.search(r"[A-Z0-9]", part) for part in sf.split())):
        return False
    if re.fullmatch(r"[a-z]+", sf) and len(sf) > 3:  # a plain word, not an abbreviation
        return False
    return not re.search(r"\d\s*%|^[pn]\s*[<=>]|^\d", sf)


def _best_long_form(sf: str, candidate: str) -> str | None:
    s, l = len(sf) - 1, len(candidate) - 1
    while s >= 0:
        c = sf[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l >= 0 and (candidate[l].lower() != c or (s == 0 and l > 0 and candidate[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return None
        l -= 1
        s -= 1
    start = candidate.rfind(" ", 0, l + 1) + 1
    long_form = candidate[start:].strip()
    if long_form.lower() == sf.lower() or len(long_form) <= len(sf):
        return None
    return long_form


_EPONYM = re.compile(r"^([A-Z][a-z]+)(?:['’]s)? (?:disease|syndrome|disorder|palsy|sign|test|scale|score|classification)\b")


def _eponym(long_form: str, text: str) -> bool:
    """Whether a capitalised long form is named after a person ("Alzheimer disease", "Guillain syndrome"): its
    first word is capitalised before "disease" or "syndrome" and never written in lower case in the text."""
    m = _EPONYM.match(long_form)
    return bool(m) and not re.search(rf"(?<![\w-]){m.group(1).lower()}\b", text)


def find_abbreviations(text: str) -> dict[str, str]:
    """{"SCI": "spinal cord injury", …} for every "long form (SF)" definition in ``text``."""
    found: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        sf = m.group(1).strip()
        sf = re.split(r"[;,]", sf)[0].strip()
        if not _valid_short(sf) or sf in found:
            continue
        before = text[: m.start()].rstrip()
        words = re.split(r"(?<=\S)\s+", before)
        max_words = min(len(sf) + 5, len(sf) * 2)
        window = " ".join(words[-max_words:])
        # A long form never spans a sentence or clause break.
        window = re.split(r"[.;:!?]\s|[\[\]()]", window)[-1]
        long_form = _best_long_form(sf, window)
        digits_ok = not long_form or set(re.findall(r"\d", long_form)) <= set(re.findall(r"\d", sf))
        if long_form and digits_ok and len(long_form.split()) <= max_words:
            if long_form[:1].isupper() and long_form[1:2].islower() and not re.search(r"\s[A-Z]", long_form) \
                    and not _eponym(long_form, text):
                long_form = long_form[0].lower() + long_form[1:]  # "Spinal cord injury" opened its sentence
            found[sf] = long_form
    return found


def _without_definitions(text: str, shorts: list[str]) -> str:
    r"""``text`` without each "(SF)" or "(SF; …)" definition and the space before it.

    The same as ``re.sub(r"\s*\(\s*(?:SF1|SF2…)\s*(?:[;,][^()]*)?\)", "", text)``: a definition is a
    bracket holding no other bracket whose content is a short form, then nothing or a ";"/","-led rest. A
    paper's abbreviations are new to ``re`` each time, and compiling that pattern cost more than the work."""
    out, last = [], 0
    opening = text.find("(")
    while opening >= 0:
        closing = text.find(")", opening + 1)
        if closing < 0:
            break
        inside = text[opening + 1:closing]
        if "(" in inside:
            opening = text.find("(", opening + 1)
            continue
        content = inside.lstrip()
        if any(content.startswith(sf) and (not (rest := content[len(sf):].lstrip()) or rest[0] in ";,") for sf in shorts):
            start = opening
            while start > last and text[start - 1].isspace():
                start -= 1
            out.append(text[last:start])
            last = closing + 1
            opening = text.find("(", last)
        else:
            opening = text.find("(", opening + 1)
    out.append(text[last:])
    return "".join(out)


def _uses(text: str, shorts: list[str]):
    r"""``(start, end, short form, plural)`` of each use of a short form, as
    ``re.finditer(r"(?<![\w-])(SF1|SF2…)(s?)(?![\w-])", text)`` finds them with the longest short form
    tried first: leftmost first, never overlapping."""
    starts = set()
    for sf in shorts:
        i = text.find(sf)
        while i >= 0:
            starts.add(i)
            i = text.find(sf, i + 1)
    n, last = len(text), 0
    for i in sorted(starts):
        if i < last or i and (is_word_char(text[i - 1]) or text[i - 1] == "-"):
            continue
        for sf in shorts:
            if not text.startswith(sf, i):
                continue
            end = i + len(sf)
            plural = end < n and text[end] == "s"
            for stop in ((end + 1, end) if plural else (end,)):
                if stop == n or not (is_word_char(text[stop]) or text[stop] == "-"):
                    yield i, stop, sf, stop > end
                    last = stop
                    break
            else:
                continue
            break


def _plural(phrase: str) -> str:
    if phrase.endswith("s"):
        return phrase
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + "s"


# A long form of more words than this is not written into a sentence for patients: "LPA2" as "lysophosphatidic
# acid receptor 2" makes the sentence five words longer and no plainer, so the short form stays.
LONG_FORM_WORDS = 3


def expand(text: str, abbreviations: dict[str, str], max_words: int | None = None) -> str:
    """Drop "(SF)" definitions and write the long form for later uses of each short form (only for long forms
    of at most ``max_words`` words, when it is given). Short forms are as ``find_abbreviations`` gives them:
    no brackets, no space at either end; an empty one stands for nothing and is ignored."""
    # Longest first, so that "SCIs" is not read as "SCI" + "s" when "SCIs" is an abbreviation of its own.
    shorts = sorted((sf for sf in sorted(abbreviations) if sf), key=len, reverse=True)
    if not shorts:
        return text
    text = _without_definitions(text, shorts)
    out, last = [], 0
    for start, end, sf, plural in _uses(text, shorts):
        lf = abbreviations[sf]
        if max_words is not None and lf.count(" ") >= max_words:
            continue
        out += [text[last:start], _plural(lf) if plural else lf]
        last = end
    out.append(text[last:])
    return "".join(out)
