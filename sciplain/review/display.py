"""What the editor's change page shows beside the form: the highlighted abstract and the version diffs."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from sciplain.papers.models import Paper, Summary
from sciplain.summarize.types import Summary as SummaryData


@dataclass
class Segment:
    text: str
    sentence: int | None = None  # index in the engine's sentence list
    findings: list[int] = field(default_factory=list)  # 1-based key-finding numbers citing it


@dataclass
class AbstractSection:
    label: str
    segments: list[Segment]


def _sentences(paper: Paper):
    """The engine's own numbered sentences (``KeyFinding.source_sentences`` index into them)."""
    from sciplain.review.services import article_for

    try:
        from sciplain.summarize import split_article
    except ImportError:  # engine without a public splitter: split at ". " (indices may drift)
        split_article = None
    article = article_for(paper)
    if split_article is not None:
        return article, [(s.index, s.section, s.start, s.end) for s in split_article(article)]
    spans, n = [], 0
    for si, section in enumerate(article.sections):
        for m in re.finditer(r"[^.!?]+[.!?]*", section.text):
            if m.group().strip():
                spans.append((n, si, m.start(), m.end()))
                n += 1
    return article, spans


def abstract_with_findings(paper: Paper, data: SummaryData) -> list[AbstractSection]:
    """The abstract section by section, each sentence tagged with the key findings that cite it."""
    cited: dict[int, list[int]] = {}
    for number, finding in enumerate(data.key_findings, start=1):
        for index in finding.source_sentences:
            cited.setdefault(index, []).append(number)
    article, spans = _sentences(paper)
    sections = []
    for si, section in enumerate(article.sections):
        segments, pos = [], 0
        for index, s_si, start, end in spans:
            if s_si != si:
                continue
            if start > pos:
                segments.append(Segment(section.text[pos:start]))
            segments.append(Segment(section.text[start:end], index, cited.get(index, [])))
            pos = end
        if pos < len(section.text):
            segments.append(Segment(section.text[pos:]))
        sections.append(AbstractSection(section.label, segments))
    return sections


def summary_lines(data: SummaryData) -> list[str]:
    """The summary as labelled lines of text, the unit of a version diff."""
    lines = [f"Simple explanation: {data.simple_explanation}", f"Study design: {data.study_design}",
             f"Evidence level: {data.evidence_level.level if data.evidence_level else ''}",
             f"Participants: {data.participants.description or ''}", f"Study duration: {data.study_duration or ''}"]
    lines += [f"Key finding: {f.text}" for f in data.key_findings]
    lines.append(f"Research summary: {data.research_summary}")
    lines += [f"Implication: {i.title}: {i.text}" for i in data.practical_implications]
    lines += [f"Limitation: {item.text}" for item in data.limitations]
    lines.append(f"Categories: {', '.join(data.categories)}")
    return lines


@dataclass
class VersionRow:
    summary: Summary
    diff: list[tuple[str, str]]  # ("added" | "removed", line)


def version_history(paper: Paper) -> list[VersionRow]:
    """Every version, newest first, each with what changed since the one before it."""
    versions = list(paper.summaries.order_by("version").select_related("created_by", "reviewed_by")
                    .prefetch_related("review_events__editor"))
    rows, previous = [], []
    for summary in versions:
        lines = summary_lines(summary.data)
        diff = [("added" if line[0] == "+" else "removed", line[2:])
                for line in difflib.ndiff(previous, lines) if line[:1] in "+-"]
        rows.append(VersionRow(summary, diff))
        previous = lines
    return rows[::-1]
