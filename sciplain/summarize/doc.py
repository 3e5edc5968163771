"""Working state of one summary run: the analysed article beside the Summary being built.

Steps read and write a ``Doc`` the way spaCy components share a ``Doc``: the
sentences with their roles, the abbreviations defined in the text, the study
design … live here, and only what readers see goes into ``doc.summary``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .types import Article, Summary

ROLES = ("background", "objective", "methods", "results", "conclusions", "limitations", "other")


@dataclass(slots=True)
class Sentence:
    """One sentence of the abstract. ``index`` is its position in ``split_article``'s list,
    which is what ``KeyFinding.source_sentences`` points into (the editor highlights them)."""

    index: int
    text: str
    section: int  # index into article.sections
    start: int  # character offsets inside that section's text
    end: int
    label: str = ""  # the section label as printed ("" when unstructured)
    role: str = ""  # one of ROLES


@dataclass(slots=True)
class Doc:
    article: Article
    summary: Summary = field(default_factory=Summary)
    sentences: list[Sentence] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)  # short -> long form
    design: str = ""
    species: str = ""  # "humans", "mice", "rats", … ("" when unknown)
    no_studies: bool = False  # a review that found no studies it could include
    findings: list[int] = field(default_factory=list)  # sentence indices chosen as key findings
    # what could have been a key finding however hard it reads: the research summary's results come from here
    finding_candidates: list[int] = field(default_factory=list)
    resources: object = None  # a resources.Resources (glossary, categories)

    @property
    def source_text(self) -> str:
        return "\n".join([self.article.title] + [s.text for s in self.article.sections])

    @property
    def abstract_text(self) -> str:
        """The abstract without its title, whose Title Case capitalises words that are no names ("… in Stroke")."""
        return "\n".join(s.text for s in self.article.sections)

    def by_role(self, *roles: str) -> list[Sentence]:
        return [s for s in self.sentences if s.role in roles]
