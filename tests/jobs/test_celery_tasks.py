"""The Celery wrappers: acks_late, reject_on_worker_lost and retry with backoff on every task."""

import pytest

from sciplain import celery as tasks


@pytest.mark.parametrize("task", [tasks.ingest, tasks.summarize_pending, tasks.summarize_paper, tasks.publish,
                                  tasks.digest])
def test_every_task_is_acked_late_and_retried_with_backoff(task):
    assert task.acks_late and task.reject_on_worker_lost
    assert task.autoretry_for == (Exception,) and task.retry_backoff and task.max_retries == 5


def test_beat_schedule_maps_the_digest_weekday_to_crontab(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_DIGEST_WEEKDAY", "0")  # Monday, as in Python
    schedule = tasks.beat_schedule()
    assert schedule["digest"]["schedule"].day_of_week == {1}  # crontab: Sunday = 0
    assert set(schedule) == {"ingest", "summarize", "publish", "digest"}


@pytest.mark.django_db
def test_summarize_paper_task_retries_without_spending_a_retry_while_another_worker_holds_the_claim(
        fixed_engine, monkeypatch):
    from celery.exceptions import Retry

    from sciplain.review.claims import summary_job_claim
    from tests import factories

    paper = factories.paper()
    summary_job_claim(paper_id=paper.pk, worker="other")
    calls = []
    monkeypatch.setattr(tasks.summarize_paper, "retry", lambda **kw: calls.append(kw) or Retry())
    with pytest.raises(Retry):
        tasks.summarize_paper.run(paper.pk)
    assert calls[0]["max_retries"] is None and calls[0]["countdown"] > 0
