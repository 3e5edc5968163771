"""Read RIS files (Zotero, EndNote, Mendeley, Europe PMC exports) into PaperRecords.

``rispy`` reads the tags; this module splits the file into records first, so that
one record rispy cannot read becomes a ``RecordError`` instead of ending the file,
and maps rispy's field names onto ``PaperRecord``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from html import escape

import rispy

from .base import AbstractSection, Author, PaperRecord, RecordError
from .text import MAX_SECTION, MAX_TITLE, cap, labelled_sections, printed_date, squash

_END = re.compile(r"^ER  -")
_PUBMED_URL = re.compile(r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)(\d+)")
_DOI = re.compile(r"(10\.\d{4,9}/\S+)")


def parse(text: str) -> list[PaperRecord | RecordError]:
    return list(iter_records(text.splitlines()))


def iter_records(lines: Iterable[str]) -> Iterator[PaperRecord | RecordError]:
    """Records of RIS text lines, in order, one ``TY`` … ``ER`` block each."""
    position = 0
    for chunk in _chunks(lines):
        position += 1
        try:
            entries = rispy.loads(chunk)
        except Exception as exc:  # noqa: BLE001 - rispy raises several types on odd input
            yield RecordError(position, f"not a RIS record ({type(exc).__name__}: {exc})")
            continue
        if not entries:
            yield RecordError(position, "not a RIS record (no TY line)")
            continue
        yield _record(entries[0], chunk, position)


def _chunks(lines: Iterable[str]) -> Iterator[str]:
    chunk: list[str] = []
    for line in lines:
        line = line.rstrip("\r\n").lstrip("\ufeff")
        if line.strip():
            chunk.append(line)
        if _END.match(line):
            yield "\n".join(chunk) + "\n"
            chunk = []
    if any(line.strip() for line in chunk):
        yield "\n".join(chunk) + "\nER  - \n"  # a last record without ER is still a record


def _record(entry: dict, raw: str, position: int) -> PaperRecord | RecordError:
    warnings: list[str] = []
    title = squash(entry.get("title") or entry.get("primary_title") or entry.get("translated_title"))
    if not title:
        return RecordError(position, "no title (TI or T1)")
    title = cap(title, MAX_TITLE, "title", warnings)
    pmid = _pmid(entry)
    doi = _doi(entry.get("doi", ""))
    printed = squash(entry.get("date") or entry.get("year") or entry.get("publication_year"))
    year, month, day, problems = printed_date(printed.replace("/", " ").strip())
    warnings.extend(f"date: {problem}" for problem in problems)
    pmcid = next((v for v in (entry.get("custom2", ""), entry.get("note", "")) if v.startswith("PMC")), "")
    return PaperRecord(
        source="ris",
        source_id=pmid or doi or entry.get("id") or hashlib.sha1(f"{title}|{year}".encode()).hexdigest()[:16],
        pmid=pmid,
        title=title,
        title_html=escape(title, quote=False),
        doi=doi,
        pmcid=pmcid,
        journal=squash(entry.get("journal_name") or entry.get("secondary_title") or entry.get("alternate_title3")),
        journal_iso=squash(entry.get("alternate_title1") or entry.get("alternate_title2")),
        pub_date=printed.rstrip("/"),
        year=year,
        month=month,
        day=day,
        authors=tuple(_author(name) for name in entry.get("authors", []) + entry.get("first_authors", [])),
        abstract=tuple(AbstractSection(text=cap(s.text, MAX_SECTION, "abstract section", warnings),
                                       label=s.label, category=s.category)
                       for s in labelled_sections(entry.get("abstract") or entry.get("notes_abstract") or "")),
        keywords=tuple(squash(k) for k in entry.get("keywords", []) if squash(k)),
        language=squash(entry.get("language")),
        free_full_text_url=next((u for u in entry.get("urls", []) if "europepmc.org/articles/" in u), ""),
        raw=raw,
        warnings=tuple(warnings),
    )


def _author(name: str) -> Author:
    last, _, fore = name.partition(",")
    return Author(last_name=last.strip(), fore_name=fore.strip())


def _pmid(entry: dict) -> str:
    accession = squash(entry.get("accession_number"))
    if accession.isdigit() and "pubmed" in (entry.get("name_of_database") or "pubmed").lower():
        return accession
    for url in entry.get("urls", []):
        if match := _PUBMED_URL.search(url):
            return match.group(1)
    return ""


def _doi(value: str) -> str:
    match = _DOI.search(value or "")
    return match.group(1).rstrip(".") if match else ""
