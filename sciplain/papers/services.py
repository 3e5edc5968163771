"""The only place that turns pipeline records into database rows.

``papers_upsert`` is idempotent on the source's own key (PMID, then DOI, then
source + id): re-importing the same records changes nothing, a revised record
updates its paper and, when the title or abstract changed, flags the summary for
regeneration. Each batch is one transaction, so an interrupted run never leaves
a half-written paper.
"""

from __future__ import annotations

import hashlib
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Literal

from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from sciplain import conf
from sciplain.sources.base import PaperRecord, RecordError, Unchanged

from . import json_text
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


def _column_sizes() -> dict[str, int]:
    return {f.name: f.max_length for f in Paper._meta.fields if getattr(f, "max_length", None)}


_JSON_FIELDS = tuple(f.name for f in Paper._meta.concrete_fields if isinstance(f, models.JSONField))
_RECORD_JSON = tuple(name for name in _RECORD_FIELDS if name in _JSON_FIELDS)
_RECORD_SCALARS = tuple(name for name in _RECORD_FIELDS if name not in _JSON_FIELDS)
_SCALAR_FIELDS = ("title", "title_html") + _RECORD_SCALARS
_COLUMN_SIZES = {name: size for name, size in _column_sizes().items() if name in _RECORD_FIELDS}
_record_scalars = operator.attrgetter(*_RECORD_SCALARS)
_record_json = operator.attrgetter(*_RECORD_JSON)


def _scalars_of(record: PaperRecord, warn: Callable[[str], None] = lambda message: None) -> dict:
    """The record's plain (not JSON) Paper fields; a value longer than its column is cut, with a warning."""
    values = dict(zip(_RECORD_SCALARS, _record_scalars(record)))
    values["pmid"] = record.pmid or None
    values["doi"] = (record.doi or "").lower() or None
    values["title"] = record.title
    values["title_html"] = record.title_html
    for name, size in _COLUMN_SIZES.items():
        value = values[name]
        if isinstance(value, str) and len(value) > size:
            warn(f"{name} truncated from {len(value)} to {size} characters")
            values[name] = value[:size]
    return values


def _fields_of(record: PaperRecord, scalars: dict) -> dict:
    """Every Paper field of the record, the JSON ones as lists and dicts (to compare with a stored paper)."""
    return scalars | dict(zip(_RECORD_JSON, map(json_text.plain, _record_json(record))))


def _hash(obj) -> str:
    return hashlib.sha256(json_text.hashable_json(obj).encode()).hexdigest()


def _content_hash(values: dict, encoded: dict[str, str]) -> str:
    """What a paper says, as one digest: equal hashes, nothing to update."""
    parts = [*map(repr, _scalar_values(values)), *_json_texts(encoded)]
    return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()


_scalar_values = operator.itemgetter(*_SCALAR_FIELDS)
_json_texts = operator.itemgetter(*(name for name in _JSON_FIELDS if name in _RECORD_JSON))


def _encoded(record: PaperRecord) -> dict[str, str]:
    """The JSON columns' text, written once: it is both hashed and stored."""
    return json_text.columns(record, _RECORD_JSON)


def _text_hash(record: PaperRecord) -> str:
    """Hash of title + abstract (``_hash([title, abstract])``), written straight from the record."""
    return hashlib.sha256(json_text.title_and_abstract(record).encode()).hexdigest()


def _slug_for(record: PaperRecord) -> str:
    base = slugify(record.title)[:80].rstrip("-") or "paper"
    suffix = record.pmid or hashlib.sha1(f"{record.source}:{record.source_id}".encode()).hexdigest()[:10]
    return f"{base}-{suffix}"


_TABLE = Paper._meta.db_table
_KNOWN_COLUMNS = ("id", "pmid", "doi", "source", "source_id", "content_hash", "source_digest")


def _column(name: str) -> str:
    return connection.ops.quote_name(Paper._meta.get_field(name).column)


def _marks(count: int) -> str:
    return ", ".join(["%s"] * count)


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
    # Each alternative names the leading column of an index (pmid, doi, source + source_id),
    # so the database looks each key up instead of scanning every paper it holds. Plain SQL:
    # the ORM spends longer preparing a batch's three IN lists than the database takes to answer.
    alternatives, params = [], []
    if pmids:
        alternatives.append(f"{_column('pmid')} IN ({_marks(len(pmids))})")
        params += pmids
    if dois:
        alternatives.append(f"{_column('doi')} IN ({_marks(len(dois))})")
        params += dois
    for source, ids in ids_by_source.items():
        alternatives.append(f"({_column('source')} = %s AND {_column('source_id')} IN ({_marks(len(ids))}))")
        params += [source, *ids]
    found: dict[str, _Known] = {}
    if not alternatives:
        return found
    with connection.cursor() as cursor:
        columns = ", ".join(map(_column, _KNOWN_COLUMNS))
        cursor.execute(f"SELECT {columns} FROM {_TABLE} WHERE {' OR '.join(alternatives)}", params)
        rows = cursor.fetchall()
    for pk, pmid, doi, source, source_id, content_hash, digest in rows:
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
        key = _key(record)
        by_key.pop(key, None)
        by_key[key] = record
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
            values = _scalars_of(record, notes.append)  # the JSON fields as text only: a new paper needs no more
            if report is not None:
                for note in notes:
                    report.add_warning(record, note)
            encoded = _encoded(record)
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
            counts[_update(stored[pk], record, _fields_of(record, values), content_hash)] += 1
        _insert(new)
        if digests:
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {Paper._meta.db_table} SET source_digest = %s WHERE id = %s", digests)
    return counts


_INSERT_FIELDS = [f for f in Paper._meta.concrete_fields if not f.primary_key]
_insert_row = operator.itemgetter(*(f.name for f in _INSERT_FIELDS))


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
            "text_hash": _text_hash(record), "needs_resummary": False,
            "created_at": now, "updated_at": now,
        }
        rows.append(_insert_row(row))
    json_cast = "::jsonb" if connection.vendor == "postgresql" else ""
    columns = ", ".join(connection.ops.quote_name(f.column) for f in _INSERT_FIELDS)
    marks = ", ".join(f"%s{json_cast}" if f.name in _JSON_FIELDS else "%s" for f in _INSERT_FIELDS)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {_TABLE} ({columns}) VALUES ({marks})", rows)


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
    with _page_cache_for_batches():
        return _import_batches(items, batch_size, on_progress)


# A batch of 500 new papers dirties 6 MB of pages or more (12 KB a paper: its raw XML, its
# JSON and its index entries), beyond SQLite's default 2 MB page cache, which then spills
# dirty pages to the WAL mid-transaction and writes some of them again at commit. Only memory
# changes: what commits, when, and how durably, stays as it was.
_IMPORT_CACHE_KIB = 64 * 1024


@contextmanager
def _page_cache_for_batches() -> Iterator[None]:
    """On SQLite, a page cache that holds a whole batch while importing; the connection's own size after."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA page_size")
        (page_size,) = cursor.fetchone()
        # a negative size is in KiB, a positive one in pages; never shrink a cache set larger
        if (-before if before < 0 else before * page_size // 1024) < _IMPORT_CACHE_KIB:
            cursor.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with suppress(DatabaseError), connection.cursor() as cursor:  # a lost connection is the error to see
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _import_batches(items: Iterable[PaperRecord | RecordError | Unchanged], batch_size: int,
                    on_progress: Callable[[int], None] | None) -> ImportReport:
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
    """The PMIDs stored with exactly these digests: their records need not be read again.

    Asked for every few hundred records of a file, new ones too: plain SQL, as in ``_find_existing``.
    """
    if not digests:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {_column('pmid')}, {_column('source_digest')} FROM {_TABLE} "
                       f"WHERE {_column('pmid')} IN ({_marks(len(digests))}) AND {_column('source_digest')} <> ''",
                       list(digests))
        return {pmid for pmid, digest in cursor.fetchall() if digests[pmid] == digest}
