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
from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal

from django.db import transaction
from django.utils.text import slugify

from sciplain import conf
from sciplain.sources.base import PaperRecord, RecordError

from .models import Category, Paper

Outcome = Literal["created", "updated", "skipped"]

# When two sources describe the same paper, the richer one wins and the other only fills gaps.
SOURCE_PRIORITY = {"pubmed": 3, "file": 2, "europepmc": 1}

_RECORD_FIELDS = (
    "pmid doi pmcid journal journal_iso pub_date year month day authors abstract other_abstracts "
    "keywords mesh publication_types language grants corrections retracted free_full_text_url revised"
).split()


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def add_error(self, error: RecordError | str) -> None:
        self.counts["errors"] += 1
        self.errors.append(str(error))

    def line(self) -> str:
        c = self.counts
        text = f"Created {c['created']}, updated {c['updated']}, skipped {c['skipped']}"
        return text + (f", {c['errors']} bad records" if c["errors"] else "")

    def as_dict(self) -> dict:
        return {k: self.counts[k] for k in ("created", "updated", "skipped", "errors")} | {"error_messages": self.errors}


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _fields_of(record: PaperRecord) -> dict:
    values = {name: _plain(getattr(record, name)) for name in _RECORD_FIELDS}
    values["pmid"] = record.pmid or None
    values["doi"] = (record.doi or "").lower() or None
    values["title"] = record.title
    values["title_html"] = record.title_html
    values["year"] = record.year
    return values


def _hash(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def _slug_for(record: PaperRecord) -> str:
    base = slugify(record.title)[:80].rstrip("-") or "paper"
    suffix = record.pmid or hashlib.sha1(f"{record.source}:{record.source_id}".encode()).hexdigest()[:10]
    return f"{base}-{suffix}"


def _find_existing(records: list[PaperRecord]) -> dict[str, Paper]:
    """Existing papers for a batch, keyed as ``pmid:…``, ``doi:…`` and ``src:…``."""
    pmids = {r.pmid for r in records if r.pmid}
    dois = {r.doi.lower() for r in records if r.doi}
    keys = {(r.source, r.source_id) for r in records}
    found: dict[str, Paper] = {}
    query = Paper.objects.none()
    if pmids:
        query |= Paper.objects.filter(pmid__in=pmids)
    if dois:
        query |= Paper.objects.filter(doi__in=dois)
    if keys:
        query |= Paper.objects.filter(source_id__in={k[1] for k in keys})
    for paper in query:
        if paper.pmid:
            found[f"pmid:{paper.pmid}"] = paper
        if paper.doi:
            found[f"doi:{paper.doi}"] = paper
        found[f"src:{paper.source}:{paper.source_id}"] = paper
    return found


def _match(record: PaperRecord, found: dict[str, Paper]) -> Paper | None:
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


def papers_upsert(*, records: Iterable[PaperRecord]) -> Counter:
    """Insert or update a batch of records in one transaction; returns outcome counts."""
    records = list(records)
    counts: Counter = Counter()
    if not records:
        return counts
    with transaction.atomic():
        found = _find_existing(records)
        new: list[Paper] = []
        for record in records:
            values = _fields_of(record)
            content_hash = _hash([values, record.title_html])
            paper = _match(record, found)
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
            report.counts.update(papers_upsert(records=batch))
        except Exception:  # noqa: BLE001 - isolate the offending record below
            for record in batch:
                try:
                    report.counts.update(papers_upsert(records=[record]))
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
        part = papers_import(items=iter_file(path), batch_size=batch_size, on_progress=on_progress)
        report.counts.update(part.counts)
        report.errors.extend(part.errors)
    return report
