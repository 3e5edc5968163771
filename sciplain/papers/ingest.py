"""Ingestion runs: fetch a date window from PubMed or Europe PMC into the database, resumably.

Each batch the source sends is written in one transaction together with the run's
cursor (efetch ``retstart`` or Europe PMC ``cursorMark``), so after Ctrl-C, kill -9
or a lost network the database holds whole batches only, and the next run with the
same window (or, with no window given, the unfinished run itself) carries on from
the cursor. Upserts are idempotent, so a batch read twice changes nothing.

Counts use the reader's words: new, updated, unchanged, and skipped (a record that
could not be read, with its reason in ``errors``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from sciplain import conf
from sciplain.sources.base import PaperRecord, RecordError, SourceError

from .models import IngestRun
from .services import papers_import

log = logging.getLogger("sciplain.ingest")

SOURCES = ("pubmed", "europepmc")
MAX_STORED_ERRORS = 500  # a run with thousands of bad records keeps the first reasons, and counts all
_OUTCOME_NAMES = {"created": "new", "updated": "updated", "skipped": "unchanged", "errors": "skipped",
                  "warnings": "warnings"}

Progress = Callable[[int, int], None]  # (records done in this step, total records in the run)


@dataclass(frozen=True)
class Chunk:
    """A source's batch: its items and the cursor that reads what comes after it."""

    items: tuple[PaperRecord | RecordError, ...]
    next_cursor: str
    total: int


def _http_options() -> dict:
    return {"max_attempts": conf.get("HTTP_MAX_ATTEMPTS"), "backoff": conf.get("HTTP_BACKOFF_SECONDS")}


def _pubmed_chunks(*, query: str, since: dt.date, until: dt.date, cursor: str,
                   max_records: int | None, batch_size: int) -> Iterator[Chunk]:
    from sciplain.sources.eutils import NEW_OR_REVISED, PubMedSource

    api_key = os.environ.get("NCBI_API_KEY") or None
    source = PubMedSource(base_url=conf.get("EUTILS_URL"), query=query, api_key=api_key, datetype=NEW_OR_REVISED,
                          email=conf.get("NCBI_EMAIL") or conf.get("FROM_EMAIL"), batch_size=batch_size,
                          **_http_options())
    try:
        # the cursor is "next position/records found", or a bare position from before counts were kept
        start, _, count = (cursor or "0").partition("/")
        for batch in source.iter_batches(since, until, start=int(start), max=max_records,
                                         count=int(count) if count else None):
            yield Chunk(batch.items, f"{batch.end}/{batch.count}", batch.total)
    finally:
        source.close()


def _europepmc_chunks(*, query: str, since: dt.date, until: dt.date, cursor: str,
                      max_records: int | None, batch_size: int) -> Iterator[Chunk]:
    from sciplain.sources.europepmc import EuropePMCSource

    source = EuropePMCSource(base_url=conf.get("EUROPEPMC_URL"), query=query,
                             email=conf.get("NCBI_EMAIL") or conf.get("FROM_EMAIL"), page_size=min(batch_size, 1000),
                             **_http_options())
    try:
        for page in source.iter_pages(since, until, cursor=cursor or "*", max=max_records):
            yield Chunk(page.items, page.next_cursor, page.total)
    finally:
        source.close()


_CHUNKS = {"pubmed": _pubmed_chunks, "europepmc": _europepmc_chunks}
_QUERY_KNOB = {"pubmed": "PUBMED_QUERY", "europepmc": "EUROPEPMC_QUERY"}


def _window(source: str, since: dt.date | None, until: dt.date | None) -> tuple[dt.date, dt.date]:
    """The window to fetch: as given; else from the end of the last finished run; else INGEST_DAYS back."""
    until = until or timezone.localdate()
    if since is None:
        last = IngestRun.objects.filter(source=source, status=IngestRun.Status.DONE).order_by("-finished_at").first()
        # the last run's final day again: papers entered late that day are caught, and re-reading is free
        since = last.until if last and last.until else until - dt.timedelta(days=conf.get("INGEST_DAYS"))
    if since > until:
        raise SourceError(f"the window starts ({since}) after it ends ({until})")
    return since, until


def _run_for(source: str, query: str, since: dt.date | None, until: dt.date | None) -> IngestRun:
    """The unfinished run this call continues, or a new one.

    With no window given, an unfinished run of the source is continued over its own
    window; with a window, only an unfinished run of that same window and query is.
    """
    unfinished = IngestRun.objects.filter(
        source=source, query=query, status__in=[IngestRun.Status.RUNNING, IngestRun.Status.FAILED],
    ).order_by("-started_at")
    window = None if since is None and until is None else _window(source, since, until)
    run = (unfinished if window is None else unfinished.filter(since=window[0], until=window[1])).first()
    if run is not None and IngestRun.objects.filter(source=source, status=IngestRun.Status.DONE,
                                                    started_at__gt=run.started_at).exists():
        run = None  # a later run finished since: this one is history, not work to resume
    if run is None:
        since, until = window or _window(source, since, until)
        return IngestRun.objects.create(source=source, query=query, since=since, until=until)
    run.status = IngestRun.Status.RUNNING
    run.counts = {**run.counts, "resumed": run.counts.get("resumed", 0) + 1}
    run.save(update_fields=["status", "counts"])
    return run


def _finish(run: IngestRun, status: str, error: str = "") -> None:
    run.status = status
    run.finished_at = timezone.now()
    if error:
        run.errors = [*run.errors, error][-MAX_STORED_ERRORS:]
    run.save(update_fields=["status", "finished_at", "errors"])


def ingest_run(*, source: str = "pubmed", since: dt.date | None = None, until: dt.date | None = None,
               query: str | None = None, max_records: int | None = None, batch_size: int = 200,
               on_progress: Progress | None = None) -> IngestRun:
    """Fetch one source's papers in a date window (see the module docstring); returns the run.

    A source that cannot be reached (after the HTTP client's retries) marks the run
    failed and raises ``SourceError``; what came before stays committed and the next
    call resumes after it.
    """
    if source not in _CHUNKS:
        raise SourceError(f"unknown source {source!r} (known: {', '.join(SOURCES)})")
    query = query or conf.get(_QUERY_KNOB[source])
    run = _run_for(source, query, since, until)
    done = 0
    try:
        for chunk in _CHUNKS[source](query=query, since=run.since, until=run.until, cursor=run.cursor,
                                     max_records=max_records, batch_size=batch_size):
            with transaction.atomic():
                report = papers_import(items=chunk.items, batch_size=len(chunk.items) + 1)
                counts = Counter(run.counts)
                for outcome, name in _OUTCOME_NAMES.items():
                    counts[name] += report.counts.get(outcome, 0)
                run.counts = dict(counts)
                run.errors = [*run.errors, *report.errors][:MAX_STORED_ERRORS]
                run.warnings = [*run.warnings, *report.warnings][:MAX_STORED_ERRORS]
                run.cursor = chunk.next_cursor
                run.save(update_fields=["counts", "errors", "warnings", "cursor"])
            done += len(chunk.items)
            if on_progress:
                on_progress(len(chunk.items), chunk.total)
    except SourceError as exc:
        _finish(run, IngestRun.Status.FAILED, str(exc))
        raise SourceError(f"{exc} (stopped after {done} records; run again to resume)") from None
    except BaseException:  # Ctrl-C and the like: record it, keep what is committed, let it propagate
        _finish(run, IngestRun.Status.FAILED, "interrupted")
        raise
    _finish(run, IngestRun.Status.DONE)
    log.info("ingest %s %s", source, run.line())
    return run


@dataclass
class IngestResult:
    """What ``ingest`` did with each source: its run, or the one-line reason it failed."""

    runs: list[IngestRun]
    failures: dict[str, str]

    @property
    def nothing_done(self) -> bool:
        return not self.runs

    def line(self) -> str:
        parts = [f"{run.source}: {run.line()}" for run in self.runs]
        parts += [f"{name}: failed ({reason})" for name, reason in self.failures.items()]
        return "; ".join(parts)


def ingest(*, source: str = "pubmed", since: dt.date | None = None, until: dt.date | None = None,
           query: str | None = None, max_records: int | None = None, batch_size: int = 200,
           on_progress: Progress | None = None) -> IngestResult:
    """Fetch from one source or, with ``source="all"``, from each in turn.

    With "all", Europe PMC is both a second source and the fallback: one failing
    source does not stop the other, and records of the same paper merge (PMID, DOI).
    """
    names = SOURCES if source == "all" else (source,)
    runs, failures = [], {}
    for name in names:
        try:
            runs.append(ingest_run(source=name, since=since, until=until, query=query,
                                   max_records=max_records, batch_size=batch_size, on_progress=on_progress))
        except SourceError as exc:
            if source != "all":
                raise
            failures[name] = str(exc)
    return IngestResult(runs, failures)

