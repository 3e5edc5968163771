"""Typed records that every source produces and the rest of the pipeline consumes.

Sources know nothing of Django: they turn bytes from PubMed, Europe PMC or a file
into frozen ``PaperRecord`` values. Only ``sciplain.papers.services`` turns a
record into a database row, so a source can be tested without a database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an ``__init__`` that sets its slots directly.

    A parser builds some twenty records per article and 30,000 articles per file.
    The ``__init__`` dataclasses write for a frozen class goes through
    ``object.__setattr__`` field by field, three times slower than the slots' own
    setters used here. Signature, defaults, equality, hashing and frozenness stay
    those of the dataclass.
    """
    fields = dataclasses.fields(cls)
    namespace = {f"_set_{f.name}": getattr(cls, f.name).__set__ for f in fields}
    namespace |= {f"_default_{f.name}": f.default for f in fields}
    parameters = ", ".join(
        f.name if f.default is dataclasses.MISSING else f"{f.name}=_default_{f.name}" for f in fields)
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields)
    exec(f"def __init__(self, {parameters}):\n{body}", namespace)  # noqa: S102 - code built from field names only
    cls.__init__ = namespace["__init__"]
    return cls


@quick_init
@dataclass(frozen=True, slots=True)
class AbstractSection:
    """One section of an abstract: ``label`` as printed, ``category`` as NLM normalises it."""

    text: str
    label: str = ""
    category: str = ""  # BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS, UNASSIGNED or ""


@quick_init
@dataclass(frozen=True, slots=True)
class Author:
    last_name: str = ""
    fore_name: str = ""
    initials: str = ""
    collective_name: str = ""
    affiliation: str = ""
    orcid: str = ""

    @property
    def display_name(self) -> str:
        if self.collective_name:
            return self.collective_name
        return " ".join(part for part in (self.fore_name or self.initials, self.last_name) if part)


@quick_init
@dataclass(frozen=True, slots=True)
class MeshHeading:
    descriptor: str
    ui: str = ""
    major: bool = False
    qualifiers: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class Correction:
    """A CommentsCorrections link such as RetractionIn, ErratumIn or UpdateIn."""

    ref_type: str
    pmid: str = ""
    source: str = ""


@quick_init
@dataclass(frozen=True, slots=True)
class Grant:
    grant_id: str = ""
    agency: str = ""
    country: str = ""


@quick_init
@dataclass(frozen=True, slots=True)
class PaperRecord:
    """A paper as one source saw it. ``source_id`` is the source's own key.

    ``title_html`` keeps inline markup (i, b, sup, sub) as a safe HTML subset;
    ``title`` is the same text without markup. ``raw`` is the verbatim source
    record (XML or JSON text), kept for provenance.
    """

    source: str
    source_id: str
    title: str
    title_html: str = ""
    pmid: str = ""
    doi: str = ""
    pmcid: str = ""
    journal: str = ""
    journal_iso: str = ""
    pub_date: str = ""  # as printed: "2018 Mar 5", "2018 Mar", "2017 Dec-2018 Jan"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    authors: tuple[Author, ...] = ()
    abstract: tuple[AbstractSection, ...] = ()
    # plain-language summaries and translations; here ``category`` holds the OtherAbstract
    # Type ("plain-language-summary", "Publisher", …) since NLM assigns those no category
    other_abstracts: tuple[AbstractSection, ...] = ()
    keywords: tuple[str, ...] = ()
    mesh: tuple[MeshHeading, ...] = ()
    publication_types: tuple[str, ...] = ()
    language: str = ""
    grants: tuple[Grant, ...] = ()
    corrections: tuple[Correction, ...] = ()
    retracted: bool = False
    free_full_text_url: str = ""
    revised: str = ""  # ISO date of the source's last revision, when it says
    raw: str = ""
    # fingerprint of ``raw`` and of the parser that read it: equal digests, equal records
    digest: str = field(default="", compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def abstract_text(self) -> str:
        return "\n".join(
            f"{s.label}: {s.text}" if s.label else s.text for s in self.abstract if s.text
        )


@quick_init
@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that could not be read; the batch goes on without it."""

    position: int
    reason: str
    pmid: str = ""

    def __str__(self) -> str:
        where = f"PMID {self.pmid}" if self.pmid else f"record {self.position}"
        return f"{where}: {self.reason}"


@quick_init
@dataclass(frozen=True, slots=True)
class Unchanged:
    """A record the caller already holds, byte for byte: reported, not parsed (see ``Known``)."""

    position: int
    pmid: str


# Asked by a streaming parser, a few hundred records at a time, with {pmid: digest};
# answers the PMIDs already stored with exactly that digest. Re-importing a baseline
# file is then mostly a matter of reading it: an unchanged record is never built.
Known = Callable[[dict[str, str]], Collection[str]]


class SourceError(Exception):
    """A whole source failed (not a single record): unreadable file, unreachable server."""


class Source(Protocol):
    """Anything that yields records (and per-record errors) for a window or a file."""

    name: str

    def fetch(self, **window) -> Iterator[PaperRecord | RecordError]: ...
