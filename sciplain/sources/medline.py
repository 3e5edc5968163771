"""Read MEDLINE text (PubMed's "Save as PubMed format", ``.nbib`` files) into PaperRecords.

Editors export search results this way from the PubMed website. The format is a
tag in the first four columns, ``- `` and a value; values wrap onto lines that
start with six spaces; a blank line ends a record. The tags are documented at
https://pubmed.ncbi.nlm.nih.gov/help/#pubmed-format
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import escape

from .base import AbstractSection, Author, Correction, Grant, MeshHeading, PaperRecord, RecordError
from .text import (
    MAX_SECTION,
    MAX_TITLE,
    cap,
    date_parts,
    iso_date,
    labelled_sections,
    normalise_orcid,
    printed_date,
    squash,
)

_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3}) *- ?(.*)$")
_ID = re.compile(r"^(\S+)\s*\[(\w+)\]")
_PMID_IN = re.compile(r"PMID:\s*(\d+)")
_CORRECTION_TAGS = {
    "RIN": "RetractionIn", "ROF": "RetractionOf", "EIN": "ErratumIn", "EFR": "ErratumFor",
    "UIN": "UpdateIn", "UOF": "UpdateOf", "ECI": "ExpressionOfConcernIn",
    "ECF": "ExpressionOfConcernFor", "RPI": "RepublishedIn", "RPF": "RepublishedFrom",
    "CRI": "ReprintIn", "CRF": "ReprintOf",
}


def parse(text: str) -> list[PaperRecord | RecordError]:
    return list(iter_records(text.splitlines()))


def iter_records(lines: Iterable[str]) -> Iterator[PaperRecord | RecordError]:
    """Records of MEDLINE text lines, in order; a record without a PMID is a RecordError."""
    for position, chunk in enumerate(_chunks(lines), 1):
        try:
            yield _record(chunk, position)
        except Exception as exc:  # noqa: BLE001 - one odd record must not end the file
            yield RecordError(position, f"unreadable record ({type(exc).__name__}: {exc})")


def _chunks(lines: Iterable[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if line.strip():
            chunk.append(line)
        elif chunk:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fields(chunk: list[str], warnings: list[str]) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for number, line in enumerate(chunk, 1):
        match = _LINE.match(line)
        if line.startswith("      ") and fields:
            tag, value = fields[-1]
            fields[-1] = (tag, f"{value} {line.strip()}")
        elif match:
            fields.append((match.group(1), match.group(2).strip()))
        else:
            warnings.append(f"unreadable line {number}: {line[:60]!r}")
    return fields


def _record(chunk: list[str], position: int) -> PaperRecord | RecordError:
    warnings: list[str] = []
    fields = _fields(chunk, warnings)
    values: dict[str, list[str]] = {}
    for tag, value in fields:
        values.setdefault(tag, []).append(value)
    first = lambda tag: values.get(tag, [""])[0]
    pmid = first("PMID")
    if not pmid.isdigit():
        return RecordError(position, f"PMID {pmid!r} is not a number" if pmid else "no PMID", pmid)
    title = cap(squash(first("TI") or first("TT")), MAX_TITLE, "title", warnings)
    year, month, day, problems = printed_date(first("DP"))
    warnings.extend(f"DP: {problem}" for problem in problems)
    ids = dict(reversed([m.group(2, 1) for v in values.get("AID", []) + values.get("LID", []) if (m := _ID.match(v))]))
    corrections = tuple(
        Correction(ref_type=_CORRECTION_TAGS[tag], source=value,
                   pmid=m.group(1) if (m := _PMID_IN.search(value)) else "")
        for tag, value in fields if tag in _CORRECTION_TAGS
    )
    types = tuple(values.get("PT", ()))
    revised = first("LR")
    return PaperRecord(
        source="pubmed",
        source_id=pmid,
        pmid=pmid,
        title=title,
        title_html=escape(title, quote=False),
        doi=ids.get("doi", ""),
        pmcid=first("PMC") or ids.get("pmc", ""),
        journal=first("JT") or first("TA"),
        journal_iso=first("TA"),
        pub_date=first("DP"),
        year=year,
        month=month,
        day=day,
        authors=_authors(fields),
        abstract=tuple(AbstractSection(text=cap(s.text, MAX_SECTION, "abstract section", warnings),
                                       label=s.label, category=s.category)
                       for s in labelled_sections(first("AB"))),
        other_abstracts=tuple(AbstractSection(text=squash(v), category="other") for v in values.get("OAB", ())),
        keywords=tuple(values.get("OT", ())),
        mesh=tuple(_mesh(v) for v in values.get("MH", ())),
        publication_types=types,
        language=first("LA"),
        grants=tuple(_grant(v) for v in values.get("GR", ())),
        corrections=corrections,
        retracted="Retracted Publication" in types or any(c.ref_type == "RetractionIn" for c in corrections),
        revised=iso_date(*date_parts(revised[:4], revised[4:6], revised[6:8])[:3]) if revised.isdigit() else "",
        raw="\n".join(chunk),
        warnings=tuple(warnings),
    )


def _authors(fields: list[tuple[str, str]]) -> tuple[Author, ...]:
    """Authors in order. FAU names a person and the AU after it adds the initials (records
    before 2002 have AU only); AD and AUID belong to the person just named."""
    people: list[dict] = []
    named = None  # the person of the last FAU, waiting for its AU
    loose_affiliation = ""
    for tag, value in fields:
        if tag == "FAU":
            last, _, fore = value.partition(",")
            named = {"last_name": last.strip(), "fore_name": fore.strip()}
            people.append(named)
        elif tag == "AU":
            last, _, initials = value.rpartition(" ")
            if named is None:
                people.append({"last_name": last or initials, "initials": initials if last else ""})
            else:
                named["initials"] = initials
            named = None
        elif tag == "CN":
            people.append({"collective_name": value})
            named = None
        elif tag == "AD":
            if people:
                people[-1]["affiliation"] = "; ".join(filter(None, (people[-1].get("affiliation"), value)))
            else:
                loose_affiliation = value  # before 2014 one AD line came before the authors
        elif tag == "AUID" and people and "ORCID" in value:
            people[-1]["orcid"] = normalise_orcid(value)
    if people and loose_affiliation and not people[0].get("affiliation"):
        people[0]["affiliation"] = loose_affiliation
    return tuple(Author(**person) for person in people)


def _mesh(value: str) -> MeshHeading:
    descriptor, *qualifiers = value.split("/")
    return MeshHeading(
        descriptor=descriptor.lstrip("*"),
        major="*" in value,
        qualifiers=tuple(q.lstrip("*") for q in qualifiers),
    )


def _grant(value: str) -> Grant:
    parts = value.split("/")
    if len(parts) >= 3:
        return Grant(grant_id=parts[0].strip(), agency=parts[-2].strip(), country=parts[-1].strip())
    return Grant(grant_id=value)
