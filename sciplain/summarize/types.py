"""The typed Summary model: what every backend must produce and the site renders.

These pydantic models are the contract between the summary engine, the database
(summaries are stored as this model's JSON, validated on the way in and out) and
the templates. A list of objects is always a list of these models, never a bare
dict, which is what makes "[object Object]" on a page impossible.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Cochrane and some journals print hyphens as U+2010 or U+2011 ("self‐efficacy", "low‐certainty"): the same
# characters to a reader, but every word rule reads "-", so "self‐efficacy" met "efficacy" alone ("self‐benefit").
# One character for one, so sentence offsets into the text stay where they were.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
PlainHyphens = Annotated[str, AfterValidator(lambda text: text.translate(_HYPHENS))]


class Section(_Model):
    label: str = ""
    category: str = ""
    text: PlainHyphens


class Article(_Model):
    """The engine's input: one paper, independent of where it came from."""

    id: str
    title: PlainHyphens
    sections: list[Section] = Field(default_factory=list)
    journal: str = ""
    year: int | None = None
    doi: str = ""
    pmid: str = ""
    publication_types: list[str] = Field(default_factory=list)
    mesh: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    language: str = ""


class KeyFinding(_Model):
    text: str
    source_sentences: list[int] = Field(default_factory=list)


class EvidenceLevel(_Model):
    level: str  # "1".."5", "preclinical", "no-results", "no-studies"
    label: str
    reason: str


class Participants(_Model):
    description: str | None = None
    count: int | None = None
    population: str | None = None
    species: str | None = None


class Implication(_Model):
    title: str
    text: str


class Limitation(_Model):
    text: str
    origin: str = "stated"  # "stated" by the authors or "inferred" from the design


class GlossaryTerm(_Model):
    term: str
    definition: str
    origin: str = "glossary"  # from the site's lay "glossary", or an abbreviation the "paper" defines


class FieldReadability(_Model):
    fkgl: float | None = None
    smog: float | None = None
    words: int = 0
    sentences: int = 0


class Check(_Model):
    """One faithfulness or quality finding, coded (F001 …) so editors can filter by code."""

    code: str
    message: str
    field: str = ""
    severity: str = "error"  # "error" sends the summary to review; "warning" does not


class Summary(_Model):
    simple_explanation: str = ""
    research_summary: str = ""
    key_findings: list[KeyFinding] = Field(default_factory=list)
    study_design: str = "other"
    evidence_level: EvidenceLevel | None = None
    participants: Participants = Field(default_factory=Participants)
    study_duration: str | None = None
    practical_implications: list[Implication] = Field(default_factory=list)
    limitations: list[Limitation] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    glossary: list[GlossaryTerm] = Field(default_factory=list)
    readability: dict[str, FieldReadability] = Field(default_factory=dict)
    checks: list[Check] = Field(default_factory=list)
    backend: str = ""
    version: str = ""

    @property
    def passed(self) -> bool:
        return not any(c.severity == "error" for c in self.checks)
