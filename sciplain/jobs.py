"""Pipeline jobs: ingest -> summarize -> publish -> digest, one definition each.

Every job is a thin call into a service, so the same definition runs in-process on
one machine and as a Celery task on many.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass


def quickstart_pipeline(*, file: str | None = None, days: int = 30, max_records: int = 200) -> Iterator[str]:
    """The one-machine main job: init, import or fetch, summarize, publish passing summaries."""
    from sciplain.ops import site_init
    from sciplain.review.services import summaries_generate
    from sciplain.sources.base import SourceError

    info = site_init()
    yield f"Data directory: {info['data_dir']}"
    try:
        if file:
            from sciplain.papers.services import papers_import_files

            yield "Imported: " + papers_import_files(paths=[file]).line()
        else:
            from sciplain.papers.ingest import ingest_run

            since = dt.date.today() - dt.timedelta(days=days)
            run = ingest_run(source="pubmed", since=since, max_records=max_records)
            yield f"Fetched from PubMed: {run.line()}"
    except SourceError as exc:
        yield f"Could not fetch new papers ({exc}); serving what the database holds."
    result = summaries_generate(publish=True)
    yield (f"Summarized {result['summarized']}: published {result['published']}, "
           f"waiting for review {result['needs_review']}, failed {result['failed']}")


# --- The pipeline's jobs: one definition each, run in-process (Scheduler) or by Celery (sciplain.celery).

log = logging.getLogger("sciplain.jobs")


def job_ingest(*, days: int | None = None) -> dict:
    """Fetch papers added since the last finished run (or in the last ``days``): resumable, idempotent."""
    from sciplain import conf
    from sciplain.papers.ingest import ingest

    since = dt.date.today() - dt.timedelta(days=days) if days else None
    result = ingest(source=conf.get("INGEST_SOURCE"), since=since)
    return {"status": "failed" if result.nothing_done else "done", "line": result.line(),
            "counts": {run.source: run.counts for run in result.runs}, "failures": result.failures}


def job_summarize_paper(paper_id: int, *, backend: str | None = None) -> str:
    """Summarize one paper once (a claim makes a duplicate delivery a no-op); see review.claims."""
    from sciplain.review.claims import paper_summarize

    return paper_summarize(paper_id=paper_id, backend=backend)


def job_summarize(*, dispatch: Callable[[int], object] | None = None, backend: str | None = None,
                  limit: int | None = None) -> dict:
    """Queue (or, in-process, run) one summarize job per paper that needs a summary."""
    from sciplain.papers.models import Paper
    from sciplain.review.claims import ClaimBusy

    ids = _not_backing_off(list(Paper.objects.needs_summary().order_by("pk").values_list("pk", flat=True)[:limit]))
    counts = {"queued" if dispatch else "summarized": 0, "skipped": 0, "failed": 0}
    for paper_id in ids:
        if dispatch is not None:
            dispatch(paper_id)
            counts["queued"] += 1
            continue
        try:
            outcome = job_summarize_paper(paper_id, backend=backend)
        except ClaimBusy:
            outcome = "skipped"
        except Exception as exc:  # noqa: BLE001 - recorded on the SummaryJob row; the batch goes on
            log.warning("summarizing paper %s failed: %s", paper_id, exc)
            outcome = "failed"
        counts[outcome] += 1
    return counts


SUMMARY_RETRY_FIRST = dt.timedelta(minutes=15)
SUMMARY_RETRY_MAX = dt.timedelta(days=1)


def _not_backing_off(paper_ids: list[int]) -> list[int]:
    """Leave out papers whose summary failed recently: 15, 30, 60 … minutes (at most a day) after each failure.

    The error stays on the paper's SummaryJob for editors; an editor's Regenerate does not wait.
    """
    from django.utils import timezone

    from sciplain.review.models import SummaryJob

    now = timezone.now()
    waiting = {
        job.paper_id for job in SummaryJob.objects.filter(paper_id__in=paper_ids, status=SummaryJob.Status.FAILED)
        if job.finished_at and now < job.finished_at + min(SUMMARY_RETRY_MAX,
                                                           SUMMARY_RETRY_FIRST * 2 ** min(job.attempts - 1, 10))
    }
    return [paper_id for paper_id in paper_ids if paper_id not in waiting]


def job_publish() -> dict:
    """With AUTO_PUBLISH on, publish waiting machine summaries that pass every check.

    ``summary_save`` already publishes new ones; this catches up those written before
    the knob was turned on. Editors' versions (``created_by`` set) are never touched.
    """
    from sciplain import conf
    from sciplain.papers.models import Summary
    from sciplain.review.services import PublishRefused, summary_publish

    if not conf.get("AUTO_PUBLISH"):
        return {"published": 0, "auto_publish": False}
    published = 0
    waiting = Summary.objects.needs_review().filter(passed_checks=True, created_by=None, paper__retracted=False)
    for summary in waiting.select_related("paper"):
        try:
            summary_publish(summary=summary)
            published += 1
        except PublishRefused:
            pass
    return {"published": published, "auto_publish": True}


def job_digest() -> dict:
    """Send the weekly digest (safe to repeat: nobody gets the same digest twice)."""
    from sciplain.subscriptions.services import digests_send_all

    return digests_send_all()


# --- In-process scheduler: the one-machine replacement for Celery beat.


def daily_at(hour: int) -> Callable[[dt.datetime], dt.datetime]:
    def next_run(after: dt.datetime) -> dt.datetime:
        candidate = after.replace(hour=hour, minute=0, second=0, microsecond=0)
        return candidate if candidate > after else candidate + dt.timedelta(days=1)
    return next_run


def weekly_at(weekday: int, hour: int) -> Callable[[dt.datetime], dt.datetime]:
    def next_run(after: dt.datetime) -> dt.datetime:
        candidate = after.replace(hour=hour, minute=0, second=0, microsecond=0)
        candidate += dt.timedelta(days=(weekday - after.weekday()) % 7)
        return candidate if candidate > after else candidate + dt.timedelta(days=7)
    return next_run


def every(minutes: int) -> Callable[[dt.datetime], dt.datetime]:
    return lambda after: after + dt.timedelta(minutes=minutes)


@dataclass
class Entry:
    name: str
    run: Callable[[], object]
    next_after: Callable[[dt.datetime], dt.datetime]
    due: dt.datetime | None = None
    failures: int = 0  # in a row; a failing job is tried again sooner than its schedule says


RETRY_FIRST = dt.timedelta(minutes=5)


def retry_delay(failures: int) -> dt.timedelta:
    """5, 10, 20, 40 … minutes after the 1st, 2nd, 3rd, 4th failure in a row (the network may be back)."""
    return RETRY_FIRST * 2 ** min(failures - 1, 10)


def schedule_entries() -> list[Entry]:
    """ingest daily, summarize and publish every few minutes, digest weekly (all from conf knobs)."""
    from sciplain import conf

    return [
        Entry("ingest", job_ingest, daily_at(conf.get("INGEST_HOUR"))),
        Entry("summarize", job_summarize, every(conf.get("SUMMARIZE_EVERY_MINUTES"))),
        Entry("publish", job_publish, every(conf.get("SUMMARIZE_EVERY_MINUTES"))),
        Entry("digest", job_digest, weekly_at(conf.get("DIGEST_WEEKDAY"), conf.get("DIGEST_HOUR"))),
    ]


class Scheduler:
    """Run each entry when due, one at a time, in this process.

    A failing job is logged and tried again with exponential backoff (``retry_delay``),
    never later than its next regular time.

    On start, summarize and publish run at once, and ingest too if no fetch finished in
    the last day (a laptop that was off at INGEST_HOUR catches up when it starts).
    """

    def __init__(self, entries: list[Entry] | None = None, *, clock: Callable[[], dt.datetime] | None = None):
        from django.utils import timezone

        self.clock = clock or timezone.now
        self.entries = entries if entries is not None else schedule_entries()
        now = self.clock()
        for entry in self.entries:
            entry.due = now if entry.name in ("summarize", "publish") or (
                entry.name == "ingest" and not _ingested_since(now - dt.timedelta(days=1))
            ) else entry.next_after(now)

    def run_pending(self) -> dict[str, object]:
        results: dict[str, object] = {}
        for entry in self.entries:
            now = self.clock()
            if entry.due is None or entry.due > now:
                continue
            try:
                results[entry.name] = entry.run()
                log.info("job %s: %s", entry.name, results[entry.name])
                entry.failures = 0
                entry.due = entry.next_after(self.clock())
            except Exception as exc:
                log.exception("job %s failed", entry.name)
                entry.failures += 1
                now = self.clock()
                entry.due = min(entry.next_after(now), now + retry_delay(entry.failures))
                wait = round((entry.due - now).total_seconds() / 60)
                results[entry.name] = {"error": str(exc), "retry_in_minutes": wait}
        return results

    def run_forever(self, *, tick: float = 30.0, should_stop: Callable[[], bool] = lambda: False,
                    on_result: Callable[[str, object], None] | None = None) -> None:
        import time

        from django.db import close_old_connections

        while not should_stop():
            close_old_connections()
            for name, result in self.run_pending().items():
                if on_result:
                    on_result(name, result)
            waited = 0.0
            while waited < tick and not should_stop():
                time.sleep(min(1.0, tick - waited))
                waited += 1.0


def _ingested_since(when: dt.datetime) -> bool:
    from sciplain.papers.models import IngestRun

    return IngestRun.objects.filter(status=IngestRun.Status.DONE, finished_at__gte=when).exists()
