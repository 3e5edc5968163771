"""Reading-grade figures per field (FKGL and SMOG via textstat 0.7.4, which is offline-safe).

We use a private ``textstatistics`` instance whose pyphen lookups are memoised:
textstat hyphenates every word on every call, which was a third of the
engine's run time, and memoising ``positions(word)`` cannot change a result.
"""

from __future__ import annotations

from functools import lru_cache

from textstat.textstat import textstatistics

from .types import FieldReadability, Summary

TARGETS = {"simple_explanation": 8.0, "key_findings": 10.0, "research_summary": 11.0}


class _MemoPyphen:
    def __init__(self, pyphen):
        self._pyphen = pyphen
        self.positions = lru_cache(maxsize=100_000)(pyphen.positions)

    def __getattr__(self, name):
        return getattr(self._pyphen, name)


_ts = textstatistics()
_ts.pyphen = _MemoPyphen(_ts.pyphen)


def measure(text: str) -> FieldReadability:
    text = text.strip()
    if not text:
        return FieldReadability()
    sentences = max(1, _ts.sentence_count(text))
    return FieldReadability(
        fkgl=round(float(_ts.flesch_kincaid_grade(text)), 1),
        smog=round(float(_ts.smog_index(text)), 1) if sentences >= 3 else None,
        words=int(_ts.lexicon_count(text)),
        sentences=int(sentences),
    )


def summary_readability(summary: Summary) -> dict[str, FieldReadability]:
    return {
        "simple_explanation": measure(summary.simple_explanation),
        "key_findings": measure(" ".join(f.text for f in summary.key_findings)),
        "research_summary": measure(summary.research_summary),
    }
