"""Abbreviations defined in the text, found with the Schwartz–Hearst algorithm.

Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
definitions in biomedical text": for every "long form (SF)" pair, walk the short
form right to left and find each character in the preceding words, the first
one at a word start. Readers with no medical training meet "SCI" as
"spinal cord injury", so the writing steps expand these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .textutil import PhraseIndex, looks_plural, singular

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
        max_words = min(len(sf) + 5, len(sf) * 2)
        # the last words before the bracket, split off from the right: splitting all the text before it, for
        # every bracket, cost time in the square of the abstract's length
        window = " ".join(text[: m.start()].rsplit(None, max_words)[-max_words:])
        # A long form never spans a sentence or clause break.
        window = re.split(r"[.;:!?]\s|[\[\]()]", window)[-1]
        long_form = _best_long_form(sf, window)
        digits_ok = not long_form or set(re.findall(r"\d", long_form)) <= set(re.findall(r"\d", sf))
        if long_form and digits_ok and len(long_form.split()) <= max_words:
            if long_form[:1].isupper() and long_form[1:2].islower() and not re.search(r"\s[A-Z]", long_form) \
                    and not _eponym(long_form, text):
                long_form = long_form[0].lower() + long_form[1:]  # "Spinal cord injury" opened its sentence
            found[sf] = _singular_for(sf, long_form)
    return found


# Nouns that end in "s" in the singular too.
_INVARIANT = frozenset({"species", "series", "diabetes", "means", "news", "herpes", "rabies", "scabies", "measles", "mumps",
                        "rickets", "aids", "physics", "genetics", "economics", "statistics", "diagnostics", "kinetics",
                        "dynamics", "mechanics", "biomechanics", "ethics", "politics", "lens"})


def _singular_for(sf: str, long_form: str) -> str:
    """"Digital rectal exams (DRE)": a singular short form stands for one exam, so "the DRE was" must read "the
    digital rectal exam was"; "DREs" is then made plural again. A plural short form ("AEs") keeps its plural."""
    head, _, last = long_form.rpartition(" ")
    if sf.endswith("s") or not looks_plural(last) or last.lower() in _INVARIANT or not last.islower():
        return long_form
    return f"{head} {singular(last)}" if head else singular(last)


@lru_cache(maxsize=256)
def _expander(shorts: tuple[str, ...]) -> tuple[PhraseIndex, dict[str, tuple[str, bool]]]:
    """Where any of ``shorts`` is used, alone or with a plural "s": each form -> (short form, plural?). A short
    form that itself ends in "s" ("SCIs") is that form, not a plural of another. One index per document: a regex
    alternation compiled per document cost more than all the expanding it did."""
    forms = {sf + "s": (sf, True) for sf in shorts}
    forms.update({sf: (sf, False) for sf in shorts})
    return PhraseIndex(forms), forms


# "(SF)" or "(SF; 95% CI …)" right after the long form: the definition, which goes once the long form is written.
_DEFINITION = re.compile(r"\s*\(\s*([^()]*?)\s*(?:[;,][^()]*)?\)")


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
    of at most ``max_words`` words, when it is given)."""
    # Longest first, so that "SCIs" is not read as "SCI" + "s" when "SCIs" is an abbreviation of its own.
    shorts = tuple(sorted((sf for sf in abbreviations if sf), key=lambda sf: (-len(sf), sf)))
    if not shorts:
        return text
    if "(" in text:
        text = _DEFINITION.sub(lambda m: "" if m.group(1) in abbreviations else m.group(0), text)
    index, forms = _expander(shorts)
    out, last = [], 0
    for start, end, form in index.longest(text):
        sf, plural = forms[form]
        lf = abbreviations[sf]
        if max_words is not None and lf.count(" ") >= max_words:
            continue
        out.append(_fit_article(text[last:start], lf))
        out.append(_plural(lf) if plural else lf)
        last = end
    out.append(text[last:])
    return "".join(out)


_ARTICLE_END = re.compile(r"(?<![\w-])([Aa])(n?) $")


def _fit_article(before: str, long_form: str) -> str:
    """``before`` with its closing "a"/"an" fitted to the long form that now follows: "an RK incision" is "a radial
    keratotomy incision". Before "u", "h" and "o" (a unit, a hospital, a one-off) the article is left as written."""
    m = _ARTICLE_END.search(before)
    first = long_form[:1].lower()
    if m is None or not first.isalpha() or first in "uho":
        return before
    return f"{before[:m.start()]}{m.group(1)}{'n' if first in 'aei' else ''} "
