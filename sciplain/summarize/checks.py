"""Faithfulness and quality checks that run on every summary, whatever backend wrote it.

Codes work like spaCy's ``Errors.E005``: editors filter the review queue by
code and tests assert on it. An "error" keeps a summary from being published
automatically (``Summary.passed`` is False); a "warning" only informs.

| code | severity | meaning |
|------|----------|---------|
| F001 | error    | a number in the summary does not appear in the source |
| F002 | error    | a key finding lost or added a negation ("not", "no", "did not") |
| F003 | error    | a key finding has no (valid) source sentence, or its words are not supported by them |
| F004 | warning  | reading grade above the field's target |
| F005 | error    | a required field is empty |
| F006 | warning  | a key finding dropped a hedge ("may", "suggests") that its source had |
| F007 | error    | the evidence level does not match the study design ("Not specified" for a known design) |
| F008 | error    | practical implications read like medical advice |
| F009 | warning  | an unexplained abbreviation in the simple explanation |
| F010 | warning  | the simple explanation copies a long source sentence word for word |
"""

from __future__ import annotations

import re
from functools import lru_cache

from .abbreviations import find_abbreviations
from .design import design_kind
from .doc import Sentence
from .evidence import DESIGN_LEVEL, NO_STUDIES_FOUND
from .plain import drop_parentheticals, strip_statistics
from .plain_words import PLAIN_WORDS
from .readability import TARGETS, summary_readability
from .resources import Resources
from .terms import plain_for
from .textutil import HEDGE, content_words, has_negation, numbers_in, stem
from .types import Article, Check, Summary


class Errors:
    F001 = "number {numbers} not found in the source"
    F002 = "negation {change}: the finding says {finding!r} but its source says {source!r}"
    F003 = "key finding {detail}"
    F004 = "reading grade {fkgl} is above the target of {target}"
    F005 = "required field is empty"
    F006 = "hedge lost: the source says {hedge!r}, the finding states it as fact"
    F007 = "evidence level {level!r} does not match the design {design!r}"
    F008 = "reads like medical advice: {phrase!r}"
    F009 = "unexplained abbreviation {abbr!r}"
    F010 = "copies a source sentence word for word: {start!r}…"


SEVERITY = {"F001": "error", "F002": "error", "F003": "error", "F004": "warning", "F005": "error", "F006": "warning",
            "F007": "error", "F008": "error", "F009": "warning", "F010": "warning"}
ADVICE = re.compile(r"\byou (?:should|must|need to) (?:take|start|stop|use|increase|decrease|try|ask for|avoid)\b|\b(?:take|stop taking|start taking) (?:this|the) (?:drug|medicine|medication)\b|\bwe recommend that you\b", re.IGNORECASE)
SUPPORT_THRESHOLD = 0.55
_TEMPLATE_WORDS = frozenset(
    stem(w) for w in ["researchers", "wanted", "study", "found", "people", "results", "authors", "think", "clear", "clearly", "greatly", "large", "look", "looked", "looking", "check", "checked", "checking", "test", "tested", "testing", "find", "found", "get", "got", "use", "used", "need", "needed", "help", "helped", "also", "but", "while", "this", "these", "show", "showed", "shows", "seen", "about", "most", "mainly", "often", "many", "before", "later", "start", "started", "treatment", "treatments", "side", "effects", "effect", "death", "rate", "benefit", "thinking", "change", "changed", "changes", "type", "types", "still", "size", "best", "enough", "carry", "carried", "end", "ended", "giving", "given", "weak", "strong", "evidence"])


_PLAIN_VOCAB = frozenset({stem(w) for v in PLAIN_WORDS.values() for w in content_words(v)} | _TEMPLATE_WORDS)


def _check(code: str, field: str, **kw) -> Check:
    return Check(code=code, message=f"{code} " + getattr(Errors, code).format(**kw), field=field, severity=SEVERITY[code])


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in content_words(text))


def _glossary_vocab(text: str, resources: Resources | None) -> frozenset[str]:
    """Stems of the plain forms of the glossary terms in ``text``, in the number ``text`` uses."""
    vocab: frozenset[str] = frozenset()
    if resources is not None:
        index = resources.glossary_index
        for start, end, entry in index.find(text):
            vocab |= _stems(f"{entry.plain} {plain_for(text[start:end], entry, index)}")
    return vocab


@lru_cache(maxsize=64)
def _abbreviation_vocab(source: str) -> frozenset[str]:
    return frozenset().union(*(_stems(long) for long in find_abbreviations(source).values()))


def _support(words: frozenset[str], src: str, source: str, resources: Resources | None) -> float:
    """The share of a finding's stems found among its source sentences', the plain words', the glossary plain
    forms' and the abbreviations' long forms. The last two cost the most and only count when they can matter."""
    vocab = _stems(src) | _PLAIN_VOCAB
    for more in (lambda: _glossary_vocab(src, resources), lambda: _abbreviation_vocab(source)):
        if len(words & vocab) / len(words) >= SUPPORT_THRESHOLD:
            break
        vocab |= more()
    return len(words & vocab) / len(words)


def _number_checks(summary: Summary, source: str) -> list[Check]:
    source_numbers = numbers_in(source, words=True)
    fields: list[tuple[str, str]] = [("simple_explanation", summary.simple_explanation), ("research_summary", summary.research_summary)]
    fields += [(f"key_findings[{i}]", f.text) for i, f in enumerate(summary.key_findings)]
    fields += [("participants.description", summary.participants.description or ""), ("study_duration", summary.study_duration or "")]
    fields += [(f"limitations[{i}]", x.text) for i, x in enumerate(summary.limitations)]
    fields += [(f"practical_implications[{i}]", x.text) for i, x in enumerate(summary.practical_implications)]
    checks = []
    for name, text in fields:
        missing = sorted(numbers_in(text) - source_numbers)
        if missing:
            checks.append(_check("F001", name, numbers=", ".join(missing)))
    return checks


# An abbreviation whose long form holds a negation: "44 no light perception (NLP) eyes". Written out in a finding
# ("1 NLP eye" -> "1 no light perception eye") it names a thing and adds no negation.
_NEGATED_LONG_FORM = re.compile(r"\b((?:no|non|not)[\s-][\w\s-]{3,40}?)\s*\([A-Z][A-Za-z]{1,7}\)", re.IGNORECASE)


def _without_negated_names(text: str, source: str) -> str:
    for m in _NEGATED_LONG_FORM.finditer(source):
        text = re.sub(rf"\b{re.escape(m.group(1))}\b", "", text, flags=re.IGNORECASE)
    return text


def _finding_checks(summary: Summary, source: str, sentences: list[Sentence], resources: Resources | None) -> list[Check]:
    checks: list[Check] = []
    for i, finding in enumerate(summary.key_findings):
        field = f"key_findings[{i}]"
        idx = [j for j in finding.source_sentences if 0 <= j < len(sentences)]
        if not finding.source_sentences or len(idx) != len(finding.source_sentences):
            checks.append(_check("F003", field, detail="has no valid source sentence"))
            continue
        src = " ".join(sentences[j].text for j in idx)
        negated, stated, said = has_negation(src), has_negation(finding.text), src
        if negated != stated:  # a name that holds a negation ("no light perception (NLP)") is no negation
            said = _without_negated_names(src, source)
            negated, stated = has_negation(said), has_negation(_without_negated_names(finding.text, source))
        # A negation only inside brackets ("(no exercise)") may go with the brackets.
        if negated != stated and has_negation(drop_parentheticals(strip_statistics(said))) == negated:
            checks.append(_check("F002", field, change="lost" if negated else "added", finding=finding.text[:80], source=src[:80]))
        hedge = HEDGE.search(src)
        if hedge and not HEDGE.search(finding.text):
            checks.append(_check("F006", field, hedge=hedge.group(0)))
        words = _stems(finding.text)
        if words:
            support = _support(words, src, source, resources)
            if support < SUPPORT_THRESHOLD:
                checks.append(_check("F003", field, detail=f"is not supported by its source sentences ({support:.0%} of its words)"))
    return checks


def check_summary(summary: Summary, article: Article, sentences: list[Sentence], resources: Resources | None = None) -> list[Check]:
    """Every check for one summary; ``sentences`` is ``split_article(article)``."""
    source = "\n".join([article.title] + [s.text for s in article.sections])
    checks = _number_checks(summary, source) + _finding_checks(summary, source, sentences, resources)

    readability = summary.readability or summary_readability(summary)
    for name, target in TARGETS.items():
        r = readability.get(name)
        if r and r.fkgl is not None and r.fkgl > target:
            checks.append(_check("F004", name, fkgl=r.fkgl, target=target))

    required = {"simple_explanation": summary.simple_explanation.strip(), "research_summary": summary.research_summary.strip(),
                "study_design": summary.study_design.strip(), "evidence_level": summary.evidence_level}
    if summary.study_design != "study protocol":
        required["key_findings"] = summary.key_findings
    checks += [_check("F005", name) for name, value in required.items() if not value]

    if summary.evidence_level is not None and summary.study_design in DESIGN_LEVEL:
        expected = {DESIGN_LEVEL[summary.study_design][0]}
        if design_kind(summary.study_design) == "review":
            expected.add(NO_STUDIES_FOUND.level)  # a review that included no studies has no level to give
        if summary.evidence_level.level not in expected or "not specified" in summary.evidence_level.label.lower():
            checks.append(_check("F007", "evidence_level", level=summary.evidence_level.level, design=summary.study_design))

    for i, item in enumerate(summary.practical_implications):
        m = ADVICE.search(f"{item.title} {item.text}")
        if m:
            checks.append(_check("F008", f"practical_implications[{i}]", phrase=m.group(0)))

    glossary_terms = {g.term.lower() for g in summary.glossary}
    # Gene and protein names ("ERBB2", "IL-4") carry digits and are names, not abbreviations to spell out.
    for abbr in sorted(set(re.findall(r"(?<![\w-])[A-Z]{2,6}s?(?![\w-])", summary.simple_explanation))):
        if abbr.rstrip("s").lower() not in glossary_terms and abbr not in {"I", "A", "OK", "UK", "USA", "US", "DNA", "HIV", "MRI", "CT", "ICU"}:
            checks.append(_check("F009", "simple_explanation", abbr=abbr))

    simple = " ".join(summary.simple_explanation.split())
    for s in sentences:
        if len(s.text.split()) > 20 and " ".join(s.text.split()) in simple:
            checks.append(_check("F010", "simple_explanation", start=s.text[:40]))
            break
    return checks
