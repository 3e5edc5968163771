import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sciplain.summarize.io import (
    InputError,
    article_from_record,
    read_articles,
    sections_from_text,
    summarize_file,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summarize"


@pytest.mark.parametrize("text, labels", [
    ("BACKGROUND: Pain is common. METHODS: We studied 20 people. RESULTS: Pain fell. CONCLUSIONS: It helps.",
     ["Background", "Methods", "Results", "Conclusions"]),
    ("Objective: To test a drug.\nMethods: We gave it.\nResults: It worked.", ["Objective", "Methods", "Results"]),
    ("Background\nPain is common.\nMain results\nPain fell.\nAuthors' conclusions\nIt helps.", ["Background", "Main results", "Authors' conclusions"]),
    ("No labels at all. Just text.", [""]),
    ("The WHO: a note. Pain fell.", [""]),
])
def test_io_sections_from_inline_and_heading_labels(text, labels):
    assert [s.label for s in sections_from_text(text)] == labels


def test_io_sections_carry_nlm_categories():
    cats = [s.category for s in sections_from_text("BACKGROUND: A. METHODS: B. RESULTS: C. CONCLUSIONS: D.")]
    assert cats == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]


def test_io_read_articles_reports_bad_lines_and_goes_on():
    items = list(read_articles(FIXTURES / "papers.jsonl"))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if not isinstance(i, InputError)]
    assert [e.line for e in errors] == [3, 4]
    assert "not JSON" in errors[0].message and "no title and no abstract" in errors[1].message
    assert [a.id for a in articles] == ["rct-1", "animal-1", "nolabel-1"]
    assert articles[0].mesh == ["Humans", "Spinal Cord Injuries"] and articles[0].year == 2021


def test_io_summarize_file_writes_one_line_per_input(tmp_path):
    out = tmp_path / "out.jsonl"
    counts = summarize_file(FIXTURES / "papers.jsonl", out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert counts["ok"] == 3 and counts["failed"] == 2 and len(rows) == 5
    ok = [r for r in rows if "summary" in r]
    assert {r["id"] for r in ok} == {"rct-1", "animal-1", "nolabel-1"}
    assert all(set(r) == {"id", "passed", "summary"} for r in ok)
    assert all("error" in r for r in rows if "summary" not in r)


def test_io_summarize_file_unknown_backend_is_one_error(tmp_path):
    from sciplain.summarize.backends import UnknownBackend

    with pytest.raises(UnknownBackend):
        summarize_file(FIXTURES / "papers.jsonl", tmp_path / "out.jsonl", backend="missing")


@dataclass(frozen=True)
class _Section:
    text: str
    label: str = ""
    category: str = ""


@dataclass(frozen=True)
class _Mesh:
    descriptor: str


@dataclass(frozen=True)
class _Record:
    pmid: str = "123"
    doi: str = "10.1/x"
    title: str = "A trial"
    journal: str = "J"
    year: int | None = 2020
    abstract: tuple = (_Section("Pain fell.", "RESULTS", "RESULTS"),)
    publication_types: tuple = ("Randomized Controlled Trial",)
    mesh: tuple = (_Mesh("Humans"),)
    keywords: tuple = ("pain",)
    language: str = "eng"
    extra: list = field(default_factory=list)


def test_io_article_from_record_is_duck_typed():
    a = article_from_record(_Record())
    assert a.id == "123" and a.mesh == ["Humans"] and a.sections[0].category == "RESULTS"
    assert a.publication_types == ["Randomized Controlled Trial"] and a.year == 2020
