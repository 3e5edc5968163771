"""File mode: summarize JSON Lines without a database, one bad line never stopping the batch.

Input lines: {"id", "title", "abstract", optional "journal", "year", "doi", "pmid",
"publication_types", "mesh", "keywords", "language"}. Section labels may appear
inline ("METHODS: …" at a line start or mid-text) or as heading lines
("Background" alone on a line, as Cochrane prints them). Output lines:
{"id", "passed", "summary": {…}} or {"id", "error": "…"}.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from .roles import role_from_label
from .types import Article, Section

CATEGORY_OF_ROLE = {"background": "BACKGROUND", "objective": "OBJECTIVE", "methods": "METHODS", "results": "RESULTS",
                    "conclusions": "CONCLUSIONS", "limitations": "UNASSIGNED"}
KNOWN_LABELS = (
    "background", "backgrounds", "introduction", "context", "rationale", "objective", "objectives", "aim", "aims",
    "purpose", "purposes", "goal", "goals", "hypothesis", "study design", "design", "setting", "settings", "participants",
    "patients", "subjects", "interventions", "intervention", "methods", "method", "materials and methods",
    "methods and materials", "patients and methods", "material and methods", "methodology", "search methods",
    "selection criteria", "data collection and analysis", "data sources", "study selection", "data extraction",
    "data synthesis", "main outcome measures", "main outcomes and measures", "outcome measures", "measurements",
    "results", "result", "main results", "findings", "key results", "conclusions", "conclusion", "authors' conclusions",
    "authors’ conclusions", "discussion", "interpretation", "significance", "implications", "clinical relevance",
    "limitations", "trial registration", "level of evidence", "case presentation", "case report", "case description",
    "summary", "importance", "exposures", "observations", "conclusions and relevance", "funding", "evidence acquisition",
    "evidence synthesis", "study objective", "study objectives", "summary of background data", "experimental design",
)
_LABEL_ALT = "|".join(re.escape(x) for x in sorted(KNOWN_LABELS, key=len, reverse=True))
# "METHODS:" anywhere after a sentence end or line start; "Methods:" likewise; any ALL-CAPS "FOO BAR:" at a line start.
_INLINE = re.compile(r"(?:^|(?<=[.!?])\s+|(?<=\n))(?P<label>(?i:" + _LABEL_ALT + r")|[A-Z][A-Z &/'-]{2,40})\s*[:.]\s+(?=\S)")
_HEADING_LINE = re.compile(r"^\s*(?P<label>(?i:" + _LABEL_ALT + r"))\s*:?\s*$")


@dataclass(frozen=True)
class InputError:
    """A line that could not become an Article; ``line`` counts from 1."""

    line: int
    message: str
    id: str = ""


class Counts(TypedDict):
    ok: int
    failed: int
    passed: int


def _category(label: str) -> str:
    return CATEGORY_OF_ROLE.get(role_from_label(label), "") if label else ""


def sections_from_text(text: str) -> list[Section]:
    """Split an abstract into labelled sections where labels are printed inline or as heading lines."""
    sections: list[Section] = []
    label, buf = "", []

    def flush():
        body = "\n".join(buf).strip()
        if body:
            sections.append(Section(label=label, category=_category(label), text=body))

    for line in text.replace("\r\n", "\n").split("\n"):
        h = _HEADING_LINE.match(line)
        if h:
            flush()
            label, buf = h.group("label").strip(), []
            continue
        pos = 0
        for m in _INLINE.finditer(line):
            cand = m.group("label").strip()
            if cand.isupper() or cand.lower() in KNOWN_LABELS:
                if cand.isupper() and cand.lower() not in KNOWN_LABELS and m.start() != 0:
                    continue  # an acronym such as "NOTE:" mid-sentence is not a heading
                buf.append(line[pos:m.start()])
                flush()
                label, buf, pos = cand.title() if cand.isupper() else cand, [], m.end()
        buf.append(line[pos:])
    flush()
    return sections


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    out = []
    for v in value:
        if isinstance(v, dict):
            v = v.get("descriptor") or v.get("name") or v.get("term") or ""
        if v:
            out.append(str(v))
    return out


def article_from_dict(data: dict, fallback_id: str = "") -> Article:
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")  # noqa: TRY004 - reported per line like every bad value
    ident = str(data.get("id") or data.get("pmid") or data.get("doi") or fallback_id)
    abstract = data.get("abstract")
    if isinstance(abstract, list):
        sections = [Section(label=str(s.get("label") or ""), category=str(s.get("category") or s.get("nlm_category") or ""),
                            text=str(s["text"])) for s in abstract if isinstance(s, dict) and s.get("text")]
    elif isinstance(abstract, str):
        sections = sections_from_text(abstract)
    else:
        sections = []
    title = str(data.get("title") or "").strip()
    if not title and not sections:
        raise ValueError("no title and no abstract")
    year = data.get("year")
    try:
        year = int(str(year)[:4]) if year not in (None, "") else None
    except ValueError:
        year = None
    return Article(id=ident, title=title, sections=sections, journal=str(data.get("journal") or ""), year=year,
                   doi=str(data.get("doi") or ""), pmid=str(data.get("pmid") or ""),
                   publication_types=_str_list(data.get("publication_types")), mesh=_str_list(data.get("mesh")),
                   keywords=_str_list(data.get("keywords")), language=str(data.get("language") or ""))


def read_articles(path: str | Path) -> Iterator[Article | InputError]:
    """One Article per JSONL line, or an InputError saying what was wrong with that line."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(number, f"line {number}: not JSON ({exc.msg})")
                continue
            try:
                yield article_from_dict(data, fallback_id=f"line-{number}")
            except (ValueError, TypeError, KeyError) as exc:
                ident = str(data.get("id") or "") if isinstance(data, dict) else ""
                yield InputError(number, f"line {number}: {exc}", ident)


def article_from_record(record: Any) -> Article:
    """An Article from any record with pmid, doi, title, journal, year, abstract (items with
    label, category, text), publication_types, mesh (items with .descriptor), keywords, language —
    such as ``sciplain.sources.base.PaperRecord``, duck-typed so this module imports no source."""
    get = lambda name, default=None: getattr(record, name, default)
    sections = [Section(label=str(getattr(s, "label", "") or ""), category=str(getattr(s, "category", "") or ""),
                        text=str(getattr(s, "text", "") or ""))
                for s in (get("abstract") or ()) if getattr(s, "text", "")]
    mesh = [str(getattr(m, "descriptor", m)) for m in (get("mesh") or ())]
    ident = get("pmid") or (f"{get('source')}:{get('source_id')}" if get("source") and get("source_id") else "") or get("doi") or get("title", "")[:40]
    year = get("year")
    return Article(id=str(ident), title=str(get("title") or ""), sections=sections, journal=str(get("journal") or ""),
                   year=int(year) if isinstance(year, int) or (isinstance(year, str) and year.isdigit()) else None,
                   doi=str(get("doi") or ""), pmid=str(get("pmid") or ""),
                   publication_types=[str(t) for t in (get("publication_types") or ())], mesh=mesh,
                   keywords=[str(k) for k in (get("keywords") or ())], language=str(get("language") or ""))


def write_results(items, output_path: str | Path, backend: str | None = None) -> Counts:
    from . import summarize

    counts: Counts = {"ok": 0, "failed": 0, "passed": 0}
    with open(output_path, "w", encoding="utf-8") as out:
        for item in items:
            if isinstance(item, InputError):
                row = {"id": item.id, "error": item.message}
            else:
                try:
                    summary = summarize(item, backend=backend)
                    row = {"id": item.id, "passed": summary.passed, "summary": summary.model_dump(mode="json")}
                except Exception as exc:
                    if type(exc).__name__ == "UnknownBackend":
                        raise
                    row = {"id": item.id, "error": f"{type(exc).__name__}: {exc}"}
            if "error" in row:
                counts["failed"] += 1
            else:
                counts["ok"] += 1
                counts["passed"] += int(row["passed"])
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return counts


def summarize_file(input_path: str | Path, output_path: str | Path, backend: str | None = None) -> Counts:
    """Summarize every line of a JSONL file into another; returns {"ok", "failed", "passed"} counts."""
    from .backends import get_backend

    get_backend(backend)  # an unknown backend is one error for the whole run, not one per line
    return write_results(read_articles(input_path), output_path, backend)
