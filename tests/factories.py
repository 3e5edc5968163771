"""Factories with sensible defaults, so a test states only what matters to it."""

from __future__ import annotations

import itertools

from sciplain.papers.models import Category, Paper, Summary
from sciplain.review.services import summary_save
from sciplain.summarize.evidence import evidence_for_design
from sciplain.summarize.types import (
    FieldReadability,
    Implication,
    KeyFinding,
    Limitation,
    Participants,
)
from sciplain.summarize.types import Summary as SummaryData

_ids = itertools.count(1000)


def summary_data(**overrides) -> SummaryData:
    values = dict(
        simple_explanation="Researchers tested walking practice in 45 adults with spinal cord injury. "
        "Most of them walked faster after 12 weeks.",
        research_summary="This trial compared treadmill practice with usual care over 12 weeks.",
        key_findings=[
            KeyFinding(text="Walking speed went up in the practice group.", source_sentences=[3]),
            KeyFinding(text="Balance did not change.", source_sentences=[4]),
        ],
        study_design="randomized controlled trial",
        evidence_level=evidence_for_design("randomized controlled trial"),
        participants=Participants(description="45 adults with chronic incomplete spinal cord injury", count=45,
                                  population="adults with chronic incomplete spinal cord injury", species="human"),
        study_duration="12 weeks of treadmill training",
        practical_implications=[
            Implication(title="Exercise prescription", text="Walking practice may help some people walk faster."),
            Implication(title="Talk to your care team", text="Ask a therapist whether this kind of training suits you."),
        ],
        limitations=[
            Limitation(text="Only 45 people took part.", origin="inferred"),
            Limitation(text="The authors note that follow-up was short.", origin="stated"),
        ],
        categories=["rehabilitation"],
        readability={"simple_explanation": FieldReadability(fkgl=6.1, smog=7.0, words=25, sentences=2)},
        backend="offline",
        version="test",
    )
    values.update(overrides)
    return SummaryData(**values)


def category(name: str = "Rehabilitation", slug: str | None = None, order: int = 0) -> Category:
    slug = slug or name.lower().replace(" ", "-")
    return Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})[0]


def paper(**overrides) -> Paper:
    n = next(_ids)
    values = dict(
        pmid=str(30000000 + n),
        doi=f"10.1000/sci.{n}",
        source="pubmed",
        source_id=str(30000000 + n),
        slug=f"treadmill-training-after-spinal-cord-injury-{n}",
        title="Treadmill training after spinal cord injury: a randomized trial",
        journal="Journal of Spinal Cord Research",
        pub_date="2024 Mar",
        year=2024,
        month=3,
        authors=[{"last_name": "Rivera", "fore_name": "Ana", "initials": "A"},
                 {"collective_name": "SCI Walking Group"}],
        abstract=[{"label": "RESULTS", "category": "RESULTS", "text": "Walking speed improved."}],
        publication_types=["Randomized Controlled Trial"],
    )
    values.update(overrides)
    return Paper.objects.create(**values)


def published_paper(data: SummaryData | None = None, **paper_overrides) -> Paper:
    p = paper(**paper_overrides)
    category("Rehabilitation")
    summary_save(paper=p, data=data or summary_data(), status=Summary.Status.PUBLISHED)
    return p
