"""Celery wrappers around ``sciplain.jobs``: the same job definitions, run by workers on a Redis broker.

    SCIPLAIN_REDIS_URL=redis://localhost:6379/0 sciplain worker      # or: celery -A sciplain.celery worker
    SCIPLAIN_REDIS_URL=redis://localhost:6379/0 sciplain scheduler   # celery beat

Every task is safe to run twice. Tasks are acknowledged after they ran
(``acks_late``) and re-queued when their worker dies (``reject_on_worker_lost``);
the paper claim in ``review.claims`` turns any duplicate delivery into a no-op.
Failures are retried with exponential backoff, and the last error stays on the
paper's SummaryJob row for editors (admin: Editorial review › Summary jobs).
"""

from __future__ import annotations

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciplain.settings")

app = Celery("sciplain")
app.config_from_object("django.conf:settings", namespace="CELERY")

RETRY = dict(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True,
             max_retries=5, acks_late=True, reject_on_worker_lost=True)


@app.task(name="sciplain.ingest", **RETRY)
def ingest():
    from sciplain import jobs

    result = jobs.job_ingest()
    summarize_pending.delay()
    return result


@app.task(name="sciplain.summarize_pending", **RETRY)
def summarize_pending(backend: str | None = None):
    from sciplain import jobs

    return jobs.job_summarize(dispatch=lambda paper_id: summarize_paper.delay(paper_id, backend=backend))


@app.task(name="sciplain.summarize_paper", bind=True, **RETRY)
def summarize_paper(self, paper_id: int, backend: str | None = None):
    from sciplain import jobs
    from sciplain.review.claims import ClaimBusy

    try:
        return jobs.job_summarize_paper(paper_id, backend=backend)
    except ClaimBusy as busy:  # another worker is on it: look again when its lease ends, without using a retry
        raise self.retry(countdown=busy.retry_in, max_retries=None) from None


@app.task(name="sciplain.publish", **RETRY)
def publish():
    from sciplain import jobs

    return jobs.job_publish()


@app.task(name="sciplain.digest", **RETRY)
def digest():
    from sciplain import jobs

    return jobs.job_digest()


def beat_schedule() -> dict:
    from sciplain import conf

    minutes = conf.get("SUMMARIZE_EVERY_MINUTES")
    return {
        "ingest": {"task": "sciplain.ingest", "schedule": crontab(minute=0, hour=conf.get("INGEST_HOUR"))},
        "summarize": {"task": "sciplain.summarize_pending", "schedule": minutes * 60.0},
        "publish": {"task": "sciplain.publish", "schedule": minutes * 60.0},
        # crontab counts weekdays from Sunday = 0; the knob, like Python, from Monday = 0
        "digest": {"task": "sciplain.digest", "schedule": crontab(
            minute=0, hour=conf.get("DIGEST_HOUR"), day_of_week=(conf.get("DIGEST_WEEKDAY") + 1) % 7)},
    }


app.conf.beat_schedule = beat_schedule()
