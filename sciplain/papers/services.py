"""The only place that turns pipeline records into database rows.

``papers_upsert`` is idempotent on the source's own key (PMID, then DOI, then
source + id): re-importing the same records changes nothing, a revised record
updates its paper and, when the title or abstract changed, flags the summary for
regeneration. Each batch is one transaction, so an interrupted run never leaves
a half-written paper.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.db import transaction
from django.utils.text import slugify

from sciplain import conf
from sciplain.sources.base import PaperRecord, RecordError

from .models import Category, Paper

Outcome = Literal["created", "updated", "skipped"]

# When two sources describe the same paper, the richer one wins and the other only fills gaps.
SOURCE_PRIORITY = {"pubmed": 3, "file": 2, "europepmc": 1}

_RECORD_FIELDS = ["pmid", "doi", "pmcid", "journal", "journal_iso", "pub_date", "year", "month", "day", "authors", "abstract", "other_abstracts", "keywords", "mesh", "publication_types", "language", "grants", "corrections", "retracted", "free_full_text_url", "revised"]


MAX_MESSAGES = 1_000  # kept per report; every one is counted


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_error(self, error: RecordError | str) -> None:
        self.counts["errors"] += 1
        if len(self.errors) < MAX_MESSAGES:
            self.errors.append(str(error))

    def add_warning(self, record: PaperRecord, warning: str) -> None:
        self.counts["warnings"] += 1
        if len(self.warnings) < MAX_MESSAGES:
            self.warnings.append(f"PMID {record.pmid}: {warning}" if record.pmid else f"{record.source_id}: {warning}")

    def merge(self, other: ImportReport) -> None:
        self.counts.update(other.counts)
        self.errors.extend(other.errors[:MAX_MESSAGES - len(self.errors)])
        self.warnings.extend(other.warnings[:MAX_MESSAGES - len(self.warnings)])

    def line(self) -> str:
        c = self.counts
        text = f"Created {c['created']}, updated {c['updated']}, skipped {c['skipped']}"
        text += f", {c['errors']} bad records" if c["errors"] else ""
        return text + (f", {c['warnings']} warnings" if c["warnings"] else "")

    def as_dict(self) -> dict:
        return ({k: self.counts[k] for k in ("created", "updated", "skipped", "errors", "warnings")}
                | {"error_messages": self.errors, "warning_messages": self.warnings})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}  # per type: its dataclass fields, or None


def _plain(value):
    """A record's value as JSON-ready lists and dicts (this runs for every field of every record)."""
    kind = type(value)
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    try:
        names = _FIELD_NAMES[kind]
    except KeyError:
        names = _FIELD_NAMES[kind] = (
            tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
        )
    if names is None:
        return value
    return {name: _plain(getattr(value, name)) for name in names}


def _column_sizes() -> dict[str, int]:
    return {f.name: f.max_length for f in Paper._meta.fields if getattr(f, "max_length", None)}


def _fields_of(record: PaperRecord, warn: Callable[[str], None] = lambda message: None) -> dict:
    """The record as Paper field values; a value longer than its column is cut, with a warning."""
    values = {name: _plain(getattr(record, name)) for name in _RECORD_FIELDS}
    values["pmid"] = record.pmid or None
    values["doi"] = (record.doi or "").lower() or None
    values["title"] = record.title
    values["title_html"] = record.title_html
    values["year"] = record.year
    for name, size in _COLUMN_SIZES.items():
        value = values.get(name)
        if isinstance(value, str) and len(value) > size:
            warn(f"{name} truncated from {len(value)} to {size} characters")
            values[name] = value[:size]
    return values


_COLUMN_SIZES = {name: size for name, size in _column_sizes().items() if name in _RECORD_FIELDS}


def _hash(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def _slug_for(record: PaperRecord) -> str:
    base = slugify(record.title)[:80].rstrip("-") or "paper"
    suffix = record.pmid or hashlib.sha1(f"{record.source}:{record.source_id}".encode()).hexdigest()[:10]
    return f"{base}-{suffix}"


@dataclass(frozen=True)
class _Known:
    """An existing paper as matching needs it: its key and hash, without loading its JSON fields."""

    pk: int
    content_hash: str


def _find_existing(records: list[PaperRecord]) -> dict[str, _Known]:
    """Existing papers for a batch, keyed as ``pmid:…``, ``doi:…`` and ``src:…``.

    Only keys and hashes are read: on a re-import most records are unchanged, and
    decoding every stored paper's JSON fields just to find that out is most of the cost.
    """
    pmids = {r.pmid for r in records if r.pmid}
    dois = {r.doi.lower() for r in records if r.doi}
    keys = {(r.source, r.source_id) for r in records}
    found: dict[str, _Known] = {}
    query = Paper.objects.none()
    if pmids:
        query |= Paper.objects.filter(pmid__in=pmids)
    if dois:
        query |= Paper.objects.filter(doi__in=dois)
    if keys:
        query |= Paper.objects.filter(source_id__in={k[1] for k in keys})
    for pk, pmid, doi, source, source_id, content_hash in query.values_list(
            "pk", "pmid", "doi", "source", "source_id", "content_hash"):
        known = _Known(pk, content_hash)
        if pmid:
            found[f"pmid:{pmid}"] = known
        if doi:
            found[f"doi:{doi}"] = known
        found[f"src:{source}:{source_id}"] = known
    return found


def _match(record: PaperRecord, found: dict[str, "_Known | Paper"]) -> "_Known | Paper | None":
    for key in (
        f"pmid:{record.pmid}" if record.pmid else None,
        f"doi:{record.doi.lower()}" if record.doi else None,
        f"src:{record.source}:{record.source_id}",
    ):
        if key and key in found:
            return found[key]
    return None


def _update(paper: Paper, record: PaperRecord, values: dict, content_hash: str) -> Outcome:
    if paper.content_hash == content_hash:
        return "skipped"
    if record.revised and paper.revised and record.revised < paper.revised:
        return "skipped"  # replace only if newer
    fills_only = SOURCE_PRIORITY.get(record.source, 0) < SOURCE_PRIORITY.get(paper.source, 0)
    changed = []
    for name, value in values.items():
        current = getattr(paper, name)
        if fills_only and current not in (None, "", [], False):
            continue
        if value in (None, "", []) and fills_only:
            continue
        if current != value:
            setattr(paper, name, value)
            changed.append(name)
    if not fills_only:
        paper.raw = record.raw
        paper.content_hash = content_hash
        if (paper.source, paper.source_id) != (record.source, record.source_id):
            paper.source, paper.source_id = record.source, record.source_id
            changed.append("source")
    if not changed:
        if not fills_only:
            paper.save(update_fields=["content_hash", "raw", "updated_at"])
        return "skipped"
    text_hash = _hash([paper.title, paper.abstract])
    if text_hash != paper.text_hash:
        paper.text_hash = text_hash
        paper.needs_resummary = paper.summaries.filter(is_current=True).exists()
    paper.save()
    return "updated"


def _last_of_each(records: Iterable[PaperRecord]) -> list[PaperRecord]:
    """One record per paper key: NLM update files may carry a PMID twice, and the later copy wins."""
    by_key: dict[tuple, PaperRecord] = {}
    for record in records:
        by_key.pop(_key(record), None)
        by_key[_key(record)] = record
    return list(by_key.values())


def _key(record: PaperRecord) -> tuple:
    return ("pmid", record.pmid) if record.pmid else ("src", record.source, record.source_id)


def papers_upsert(*, records: Iterable[PaperRecord], report: ImportReport | None = None) -> Counter:
    """Insert or update a batch of records in one transaction; returns outcome counts.

    Warnings (truncated fields, bad dates, unknown elements) go to ``report`` when given.
    """
    records = _last_of_each(records)
    counts: Counter = Counter()
    if not records:
        return counts
    with transaction.atomic():
        found: dict[str, _Known | Paper] = dict(_find_existing(records))
        new: list[Paper] = []
        changed: list[tuple[PaperRecord, dict, str, int]] = []
        for record in records:
            notes = list(record.warnings)
            values = _fields_of(record, notes.append)
            if report is not None:
                for note in notes:
                    report.add_warning(record, note)
            content_hash = _hash([values, record.title_html])
            paper = _match(record, found)
            if isinstance(paper, _Known):
                if paper.content_hash == content_hash:
                    counts["skipped"] += 1
                else:
                    changed.append((record, values, content_hash, paper.pk))
                continue
            if paper is not None:
                counts[_update(paper, record, values, content_hash)] += 1
                continue
            paper = Paper(
                source=record.source,
                source_id=record.source_id,
                slug=_slug_for(record),
                raw=record.raw,
                content_hash=content_hash,
                text_hash=_hash([record.title, values["abstract"]]),
                **values,
            )
            new.append(paper)
            for key in (f"pmid:{record.pmid}" if record.pmid else None,
                        f"doi:{values['doi']}" if values["doi"] else None,
                        f"src:{record.source}:{record.source_id}"):
                if key:
                    found[key] = paper
            counts["created"] += 1
        stored = Paper.objects.defer("raw").in_bulk([pk for *_, pk in changed])  # raw is replaced, never compared
        for record, values, content_hash, pk in changed:
            counts[_update(stored[pk], record, values, content_hash)] += 1
        Paper.objects.bulk_create(new, batch_size=500)
    return counts


def paper_upsert(*, record: PaperRecord) -> Outcome:
    """Insert or update one record; the batch form is ``papers_upsert``."""
    counts = papers_upsert(records=[record])
    return next(iter(counts))  # type: ignore[return-value]


def papers_import(
    *,
    items: Iterable[PaperRecord | RecordError],
    batch_size: int = 500,
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import a stream of records in committed batches; bad records are reported, not fatal.

    A batch that the database refuses (say, two records sharing a DOI) is retried one
    record at a time, so one bad record never loses the rest of its batch.
    """
    report = ImportReport()
    batch: list[PaperRecord] = []

    def flush() -> None:
        if not batch:
            return
        try:
            attempt = ImportReport()
            attempt.counts.update(papers_upsert(records=batch, report=attempt))
            report.merge(attempt)
        except Exception:  # noqa: BLE001 - isolate the offending record below
            for record in batch:
                try:
                    attempt = ImportReport()
                    attempt.counts.update(papers_upsert(records=[record], report=attempt))
                    report.merge(attempt)
                except Exception as exc:  # noqa: BLE001
                    report.add_error(f"PMID {record.pmid or record.source_id}: {exc}")
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    for item in items:
        if isinstance(item, RecordError):
            report.add_error(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return report


def categories_sync() -> int:
    """Create or update the configured categories (idempotent); returns how many exist."""
    for order, item in enumerate(conf.categories()):
        Category.objects.update_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "description": item.get("description", ""), "order": order},
        )
    return Category.objects.count()


def papers_import_files(*, paths, batch_size: int = 500, on_progress=None) -> ImportReport:
    """Import every record of each file (format detected); a file that is not a paper file raises SourceError."""
    from sciplain.sources.files import detect_format, iter_file

    for path in paths:
        detect_format(path)  # fail fast, before anything is written, on a file of the wrong kind
    report = ImportReport()
    for path in paths:
        report.merge(papers_import(items=iter_file(path), batch_size=batch_size, on_progress=on_progress))
    return report
