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
import operator
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from sciplain import conf
from sciplain.sources.base import PaperRecord, RecordError, Unchanged

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


_TO_DICT: dict[type, Callable | None] = {}  # per record type: its converter to a dict, or None
_UNSEEN = object()


def _plain(value):
    """A record's value as JSON-ready lists and dicts (this runs for every field of every record).

    A record's tuples hold one type each (``tuple[Author, ...]``, ``tuple[str, ...]``),
    so the converter is found once per tuple rather than once per item.
    """
    kind = type(value)
    if kind is tuple or kind is list:
        if not value:
            return []
        to_dict = _to_dict(type(value[0]))
        return list(value) if to_dict is None else [to_dict(v) for v in value]
    to_dict = _to_dict(kind)
    return value if to_dict is None else to_dict(value)


def _to_dict(kind: type) -> Callable | None:
    to_dict = _TO_DICT.get(kind, _UNSEEN)
    if to_dict is _UNSEEN:
        to_dict = _TO_DICT[kind] = _converter(kind)
    return to_dict


def _converter(kind: type) -> Callable | None:
    """A function from a record dataclass to a dict: one C-level getter for all its fields.

    Record dataclasses hold strings, numbers and tuples (of strings or of records);
    only the tuples need converting further.
    """
    if not dataclasses.is_dataclass(kind):
        return None
    fields = dataclasses.fields(kind)
    names = tuple(f.name for f in fields)
    nested = tuple(f.name for f in fields if str(f.type).startswith("tuple"))
    get = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))

    def to_dict(obj) -> dict:
        plain = dict(zip(names, get(obj)))
        for name in nested:
            plain[name] = _plain(plain[name])
        return plain

    return to_dict


def _column_sizes() -> dict[str, int]:
    return {f.name: f.max_length for f in Paper._meta.fields if getattr(f, "max_length", None)}


def _fields_of(record: PaperRecord, warn: Callable[[str], None] = lambda message: None) -> dict:
    """The record as Paper field values; a value longer than its column is cut, with a warning."""
    values = dict(zip(_RECORD_FIELDS, map(_plain, _record_fields(record))))
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
_record_fields = operator.attrgetter(*_RECORD_FIELDS)


def _hash(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


_JSON_FIELDS = tuple(f.name for f in Paper._meta.concrete_fields if isinstance(f, models.JSONField))
_SCALAR_FIELDS = ("title", "title_html") + tuple(n for n in _RECORD_FIELDS if n not in _JSON_FIELDS)


# Values come from records, which are trees: no cycle to look for. Compact, since
# every new paper's JSON is encoded, hashed and stored.
_to_json = json.JSONEncoder(check_circular=False, separators=(",", ":")).encode


def _encoded(values: dict) -> dict[str, str]:
    """The JSON columns' text, encoded once: it is both hashed and written."""
    return {name: _to_json(values[name]) for name in _JSON_FIELDS if name in values}


def _content_hash(values: dict, encoded: dict[str, str]) -> str:
    """What a paper says, as one digest: equal hashes, nothing to update."""
    parts = [repr(values[name]) for name in _SCALAR_FIELDS]
    parts += (encoded[name] for name in _JSON_FIELDS if name in encoded)
    return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()


def _slug_for(record: PaperRecord) -> str:
    base = slugify(record.title)[:80].rstrip("-") or "paper"
    suffix = record.pmid or hashlib.sha1(f"{record.source}:{record.source_id}".encode()).hexdigest()[:10]
    return f"{base}-{suffix}"


@dataclass(frozen=True)
class _Known:
    """An existing paper as matching needs it: its key and hashes, without loading its JSON fields."""

    pk: int
    content_hash: str
    source_digest: str = ""


_PENDING = object()  # in ``found``: a paper of this batch, not yet written


def _find_existing(records: list[PaperRecord]) -> dict[str, _Known]:
    """Existing papers for a batch, keyed as ``pmid:…``, ``doi:…`` and ``src:…``.

    Only keys and hashes are read: on a re-import most records are unchanged, and
    decoding every stored paper's JSON fields just to find that out is most of the cost.
    """
    pmids = {r.pmid for r in records if r.pmid}
    dois = {r.doi.lower() for r in records if r.doi}
    ids_by_source: dict[str, set[str]] = {}
    for r in records:
        ids_by_source.setdefault(r.source, set()).add(r.source_id)
    found: dict[str, _Known] = {}
    # Each alternative names the leading column of an index (pmid, doi, source + source_id),
    # so the database looks each key up instead of scanning every paper it holds.
    match = Q(pk__in=[])
    if pmids:
        match |= Q(pmid__in=pmids)
    if dois:
        match |= Q(doi__in=dois)
    for source, ids in ids_by_source.items():
        match |= Q(source=source, source_id__in=ids)
    for pk, pmid, doi, source, source_id, content_hash, digest in Paper.objects.filter(match).values_list(
            "pk", "pmid", "doi", "source", "source_id", "content_hash", "source_digest"):
        known = _Known(pk, content_hash, digest)
        if pmid:
            found[f"pmid:{pmid}"] = known
        if doi:
            found[f"doi:{doi}"] = known
        found[f"src:{source}:{source_id}"] = known
    return found


def _match(record: PaperRecord, found: dict[str, object]) -> object:
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
        paper.source_digest = record.digest
        if (paper.source, paper.source_id) != (record.source, record.source_id):
            paper.source, paper.source_id = record.source, record.source_id
            changed.append("source")
    if not changed:
        if not fills_only:
            paper.save(update_fields=["content_hash", "source_digest", "raw", "updated_at"])
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
        found: dict[str, object] = _find_existing(records)  # pending new papers join it below
        new: list[tuple[PaperRecord, dict, dict[str, str], str]] = []
        changed: list[tuple[PaperRecord, dict, str, int]] = []
        digests: list[tuple[str, int]] = []  # unchanged papers stored before digests were
        for record in records:
            notes = list(record.warnings)
            values = _fields_of(record, notes.append)
            if report is not None:
                for note in notes:
                    report.add_warning(record, note)
            encoded = _encoded(values)
            content_hash = _content_hash(values, encoded)
            paper = _match(record, found)
            if paper is _PENDING:  # a second record of a paper new in this batch (same DOI, other key)
                _insert(new)
                new.clear()
                paper = _match(record, _find_existing([record]))
            if isinstance(paper, _Known):
                if paper.content_hash != content_hash:
                    changed.append((record, values, content_hash, paper.pk))
                    continue
                counts["skipped"] += 1
                if record.digest and record.digest != paper.source_digest:
                    digests.append((record.digest, paper.pk))
                continue
            new.append((record, values, encoded, content_hash))
            for key in (f"pmid:{record.pmid}" if record.pmid else None,
                        f"doi:{values['doi']}" if values["doi"] else None,
                        f"src:{record.source}:{record.source_id}"):
                if key:
                    found[key] = _PENDING
            counts["created"] += 1
        stored = Paper.objects.defer("raw").in_bulk([pk for *_, pk in changed])  # raw is replaced, never compared
        for record, values, content_hash, pk in changed:
            counts[_update(stored[pk], record, values, content_hash)] += 1
        _insert(new)
        if digests:
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {Paper._meta.db_table} SET source_digest = %s WHERE id = %s", digests)
    return counts


_INSERT_FIELDS = [f for f in Paper._meta.concrete_fields if not f.primary_key]


def _insert(new: list[tuple[PaperRecord, dict, dict[str, str], str]]) -> None:
    """Write new papers with one prepared INSERT run for every row.

    The JSON columns arrive already encoded (they were hashed), and a new paper needs
    none of the ORM's per-field work: ``bulk_create`` would spend more time preparing
    each row than SQLite takes to store it.
    """
    if not new:
        return
    now = Paper._meta.get_field("created_at").get_db_prep_save(timezone.now(), connection)
    rows = []
    for record, values, encoded, content_hash in new:
        row = values | encoded | {
            "source": record.source, "source_id": record.source_id, "slug": _slug_for(record),
            "raw": record.raw, "content_hash": content_hash, "source_digest": record.digest,
            "text_hash": _hash([record.title, values["abstract"]]), "needs_resummary": False,
            "created_at": now, "updated_at": now,
        }
        rows.append([row[f.name] for f in _INSERT_FIELDS])
    json_cast = "::jsonb" if connection.vendor == "postgresql" else ""
    columns = ", ".join(connection.ops.quote_name(f.column) for f in _INSERT_FIELDS)
    marks = ", ".join(f"%s{json_cast}" if f.name in _JSON_FIELDS else "%s" for f in _INSERT_FIELDS)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {Paper._meta.db_table} ({columns}) VALUES ({marks})", rows)


def paper_upsert(*, record: PaperRecord) -> Outcome:
    """Insert or update one record; the batch form is ``papers_upsert``."""
    counts = papers_upsert(records=[record])
    return next(iter(counts))  # type: ignore[return-value]


def papers_import(
    *,
    items: Iterable[PaperRecord | RecordError | Unchanged],
    batch_size: int = 500,
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import a stream of records in committed batches; bad records are reported, not fatal.

    A batch that the database refuses (say, two records sharing a DOI) is retried one
    record at a time, so one bad record never loses the rest of its batch. Records the
    source found unchanged (``Unchanged``) count as skipped.
    """
    report = ImportReport()
    batch: list[PaperRecord] = []
    unchanged = 0

    def flush() -> None:
        nonlocal unchanged
        if unchanged:
            report.counts["skipped"] += unchanged
            if on_progress:
                on_progress(unchanged)
            unchanged = 0
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
        if isinstance(item, Unchanged):
            unchanged += 1
            if unchanged >= batch_size:
                flush()
            continue
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
        items = iter_file(path, known=_stored_unchanged)
        report.merge(papers_import(items=items, batch_size=batch_size, on_progress=on_progress))
    return report


def _stored_unchanged(digests: dict[str, str]) -> set[str]:
    """The PMIDs stored with exactly these digests: their records need not be read again."""
    stored = Paper.objects.filter(pmid__in=digests).exclude(source_digest="").values_list("pmid", "source_digest")
    return {pmid for pmid, digest in stored if digests[pmid] == digest}
