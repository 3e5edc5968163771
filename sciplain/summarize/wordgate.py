"""Words a pattern cannot match without: a set test that skips searches which cannot succeed.

``roles.cue_scores`` ran some fifty ``re`` searches over every sentence, an eighth of the
engine's run time, and most of them fail: a cue such as ``\\b(?:is|are) (?:a|an|the)\\b``
cannot match a sentence without the word "is" or "are". ``trigger_words`` reads those words
off the pattern's parse tree, so that a cue edited later keeps a right gate; a sentence's
words are one set, and a cue whose words it lacks is not searched. A pattern this analysis
cannot vouch for (case-blind, or with no literal whole word every match needs) gets None:
no gate, its search always runs.

A word here is what ``\\w+`` matches, as ``\\b`` sees it; Python's private parser
(``re._parser``) is read only for the node kinds below, anything else means "no gate".
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

from .textutil import is_word_char

_EDGE = "\0"  # a word edge: ``\b``, ``^`` or ``$``, or a non-word character the match consumes
_LIMIT = 64  # strings a run of literal items may spell before it stops being spelt out
_EDGES = {sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
_NON_WORD_CLASSES = {sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD}
_WORDS = re.compile(r"\w+")
_BOUNDED = re.compile(r"(?<=\0)[^\0]+(?=\0)")


def words_of(text: str) -> set[str]:
    """The set ``trigger_words`` is tested against."""
    return set(_WORDS.findall(text))


def trigger_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Words such that every match of ``pattern`` contains one of them as a whole word of the text
    searched (bounded by non-word characters or the text's ends); None when no such set is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _required(list(_parser.parse(pattern.pattern, pattern.flags)))


def _spelt(items: list) -> set[str] | None:
    """Every string a sequence can consume, its non-word characters and word-edge assertions written ``_EDGE``;
    None when that is not a few strings."""
    out = {""}
    for op, av in items:
        strings = _spelt_item(op, av)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > _LIMIT:
            return None
    return out


def _spelt_item(op, av) -> set[str] | None:
    if op is sre.LITERAL:
        c = chr(av)
        return {c if is_word_char(c) else _EDGE}
    if op is sre.AT:
        return {_EDGE} if av in _EDGES else {""}
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.IN:
        if len(av) <= 16 and all(kind is sre.LITERAL for kind, _ in av):
            return {c if is_word_char(c) else _EDGE for c in (chr(code) for _, code in av)}
        return None
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _spelt(list(sub))
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _spelt(list(branch))
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _LIMIT else None
    if op in _REPEATS and av[1] <= 3:
        low, high, sub = av
        once = _spelt(list(sub))
        if once is None:
            return None
        out, repeated = set(), {""}
        for count in range(high + 1):
            if count >= low:
                out |= repeated
            repeated = {a + b for a in repeated for b in once}
            if len(out) > _LIMIT:
                return None
        return out
    return None


def _consumes_non_word(op, av) -> bool:
    """Whether the item always consumes at least one character and only non-word ones (``\\s+``, ``[ ,]``)."""
    if op in _REPEATS:
        low, _high, sub = av
        return low >= 1 and len(sub) == 1 and _consumes_non_word(*sub[0])
    if op is sre.IN:
        return all(kind is sre.CATEGORY and code in _NON_WORD_CLASSES or kind is sre.LITERAL and not is_word_char(chr(code))
                   for kind, code in av)
    return op is sre.LITERAL and not is_word_char(chr(av))


def _bounded_words(spelt: str) -> list[str]:
    """The words of ``spelt`` with an edge on both sides: what a text matched by it holds as whole words."""
    return _BOUNDED.findall(spelt)


def _run_words(run: set[str]) -> frozenset[str] | None:
    """Bounded words covering every string of a run, picked greedily by strings covered times length (long words
    are the rarer ones: "were" covers "were randomised" and "were enrolled"); None if a string has none."""
    options = [set(_bounded_words(spelt)) for spelt in run]
    if not all(options):
        return None
    chosen = set()
    while options:
        best = max(set().union(*options), key=lambda w: (len(w) * sum(w in words for words in options), w))
        chosen.add(best)
        options = [words for words in options if best not in words]
    return frozenset(chosen)


def _required(items: list, edge_before: bool = False, edge_after: bool = False) -> frozenset[str] | None:
    """The best word set some part of the sequence needs: its runs of spelt-out items, then what nested
    items need. ``edge_before`` and ``edge_after``: whether the sequence is known to sit between word edges."""
    found: list[frozenset[str]] = []
    run = {_EDGE} if edge_before else {""}

    def close(edge: bool) -> None:
        words = _run_words({s + _EDGE for s in run} if edge else run)
        if words:
            found.append(words)

    for i, (op, av) in enumerate(items):
        strings = _spelt_item(op, av)
        if strings is not None:
            longer = {a + b for a in run for b in strings}
            if len(longer) <= _LIMIT:
                run = longer
                continue
            close(False)
            run = strings
            continue
        edge = _consumes_non_word(op, av)
        nested = _required_item(op, av, all(s.endswith(_EDGE) for s in run),
                                _starts_with_edge(items[i + 1]) if i + 1 < len(items) else edge_after)
        close(edge)
        run = {_EDGE} if edge else {""}
        if nested:
            found.append(nested)
    close(edge_after)
    return max(found, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _starts_with_edge(item) -> bool:
    strings = _spelt_item(*item)
    return all(s.startswith(_EDGE) for s in strings) if strings is not None else _consumes_non_word(*item)


def _required_item(op, av, edge_before: bool, edge_after: bool) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _required(list(av[3]), edge_before, edge_after)
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            words = _required(list(branch), edge_before, edge_after)
            if words is None:
                return None
            out |= words
        return frozenset(out)
    if op in _REPEATS and av[0] >= 1:  # the first time round follows what precedes the repeat
        return _required(list(av[2]), edge_before)
    return None
