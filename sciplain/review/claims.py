"""Summarize one paper at most once, however many workers receive the same job.

A job may be delivered twice: Celery re-delivers an unacknowledged job when its
worker dies (``acks_late``), a retry may overlap a slow first attempt, and the
scheduler may queue a paper again before the first job ran. So a worker first
*claims* the paper's ``SummaryJob`` row by compare-and-swap on ``token`` (a
conditional UPDATE that only one writer can win), summarizes outside any
transaction (a model call may take seconds), and then stores the summary in the
same transaction as a second compare-and-swap that marks the claim done. A worker
that lost its claim meanwhile (its lease ran out and another took over) stores
nothing. A claim left by a dead worker is taken over once its lease
(``SCIPLAIN_JOB_LEASE_SECONDS``) has passed.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sciplain.papers.models import Paper

from .models import SummaryJob


@dataclass
class ClaimBusy(Exception):
    """Another worker holds a live claim on this paper; try again in ``retry_in`` seconds."""

    paper_id: int
    retry_in: float

    def __str__(self) -> str:
        return f"paper {self.paper_id} is being summarized by another worker; retry in {self.retry_in:.0f}s"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _needs_summary(paper_id: int) -> bool:
    return Paper.objects.needs_summary().filter(pk=paper_id).exists()


def summary_job_claim(*, paper_id: int, backend: str = "", worker: str = "") -> str | None:
    """The claim's token, or None when the paper needs no summary; raises ClaimBusy."""
    if not _needs_summary(paper_id):
        return None
    now, token = timezone.now(), uuid.uuid4().hex
    worker = worker or worker_name()
    try:
        with transaction.atomic():
            SummaryJob.objects.create(paper_id=paper_id, token=token, worker=worker, backend=backend or "",
                                      attempts=1, claimed_at=now)
        return token
    except IntegrityError:
        pass
    job = SummaryJob.objects.get(paper_id=paper_id)
    lease = timedelta(seconds=settings.JOB_LEASE_SECONDS)
    if job.status == SummaryJob.Status.RUNNING and job.claimed_at > now - lease:
        raise ClaimBusy(paper_id, (job.claimed_at + lease - now).total_seconds() + 1)
    taken = SummaryJob.objects.filter(pk=job.pk, token=job.token).update(
        token=token, status=SummaryJob.Status.RUNNING, worker=worker, backend=backend or "",
        claimed_at=now, finished_at=None, attempts=F("attempts") + 1)
    if not taken:  # another worker took it between our read and our update
        raise ClaimBusy(paper_id, 1)
    return token


def summary_job_fail(*, paper_id: int, token: str, error: str) -> None:
    """Keep the error for editors (the admin's job list); the claim is released."""
    SummaryJob.objects.filter(paper_id=paper_id, token=token).update(
        status=SummaryJob.Status.FAILED, error=error[:5000], finished_at=timezone.now())


def paper_summarize(*, paper_id: int, backend: str | None = None, worker: str = "") -> str:
    """Summarize one paper once: "summarized", "skipped" (nothing to do, or another worker did it).

    Raises ClaimBusy while another worker holds a live claim, and re-raises the
    engine's error after recording it, so that the caller may retry.
    """
    from .services import paper_summary_data, summary_save

    token = summary_job_claim(paper_id=paper_id, backend=backend or "", worker=worker)
    if token is None:
        return "skipped"
    try:
        paper = Paper.objects.get(pk=paper_id)
        data = paper_summary_data(paper=paper, backend=backend)
        with transaction.atomic():
            done = SummaryJob.objects.filter(paper_id=paper_id, token=token).update(
                status=SummaryJob.Status.DONE, error="", finished_at=timezone.now())
            if not done or not _needs_summary(paper_id):
                return "skipped"  # our lease ran out and another worker took over, or it already finished
            summary_save(paper=paper, data=data)
    except Exception as exc:
        summary_job_fail(paper_id=paper_id, token=token, error=f"{type(exc).__name__}: {exc}")
        raise
    return "summarized"
