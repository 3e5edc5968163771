"""Job definitions and the paper claim: idempotent, safe to retry, failures kept for editors."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sciplain import jobs
from sciplain.papers.models import Summary
from sciplain.review.claims import ClaimBusy, paper_summarize, summary_job_claim
from sciplain.review.models import SummaryJob
from tests import factories

pytestmark = pytest.mark.django_db


def test_summarize_job_summarizes_each_pending_paper_once(fixed_engine):
    papers = [factories.paper() for _ in range(3)]
    assert jobs.job_summarize() == {"summarized": 3, "skipped": 0, "failed": 0}
    assert jobs.job_summarize() == {"summarized": 0, "skipped": 0, "failed": 0}
    assert Summary.objects.filter(paper__in=papers).count() == 3


def test_a_duplicate_delivery_of_the_same_job_is_a_no_op(fixed_engine):
    paper = factories.paper()
    assert jobs.job_summarize_paper(paper.pk) == "summarized"
    assert jobs.job_summarize_paper(paper.pk) == "skipped"
    assert paper.summaries.count() == 1
    assert SummaryJob.objects.get(paper=paper).status == SummaryJob.Status.DONE


def test_a_live_claim_makes_another_worker_wait(fixed_engine):
    paper = factories.paper()
    summary_job_claim(paper_id=paper.pk, worker="worker-a")
    with pytest.raises(ClaimBusy) as busy:
        paper_summarize(paper_id=paper.pk, worker="worker-b")
    assert 0 < busy.value.retry_in <= 901
    assert paper.summaries.count() == 0


def test_a_dead_workers_claim_is_taken_over_after_its_lease(fixed_engine, settings):
    paper = factories.paper()
    summary_job_claim(paper_id=paper.pk, worker="dead-worker")
    SummaryJob.objects.update(claimed_at=timezone.now() - timedelta(seconds=settings.JOB_LEASE_SECONDS + 1))
    assert paper_summarize(paper_id=paper.pk, worker="live-worker") == "summarized"
    job = SummaryJob.objects.get(paper=paper)
    assert (job.worker, job.attempts, job.status) == ("live-worker", 2, "done")


def test_a_worker_that_lost_its_claim_stores_nothing(fixed_engine, monkeypatch):
    paper = factories.paper()
    from sciplain.review import claims

    real_claim = claims.summary_job_claim

    def claim_then_lose(**kwargs):
        token = real_claim(**kwargs)
        SummaryJob.objects.filter(paper_id=paper.pk).update(token="someone-else")  # lease expired, taken over
        return token

    monkeypatch.setattr(claims, "summary_job_claim", claim_then_lose)
    assert paper_summarize(paper_id=paper.pk) == "skipped"
    assert paper.summaries.count() == 0


def test_a_failure_is_recorded_with_its_error_and_retried_later(fixed_engine):
    paper = factories.paper()
    with pytest.raises(RuntimeError):
        paper_summarize(paper_id=paper.pk, backend="broken")
    job = SummaryJob.objects.get(paper=paper)
    assert job.status == SummaryJob.Status.FAILED and "failed on purpose" in job.error
    assert paper_summarize(paper_id=paper.pk) == "summarized"  # the retry takes the failed claim over
    job.refresh_from_db()
    assert (job.status, job.error, job.attempts) == ("done", "", 2)


def test_failed_jobs_are_listed_for_editors(fixed_engine, editor_client):
    paper = factories.paper(title="A paper the engine could not read")
    assert jobs.job_summarize(backend="broken")["failed"] == 1
    html = editor_client.get("/admin/review/summaryjob/?status__exact=failed").content.decode()
    assert "A paper the engine could not read" in html and "failed on purpose" in html
    SummaryJob.objects.filter(paper=paper).update(backend="")  # retried with the default backend
    editor_client.post("/admin/review/summaryjob/", {"action": "retry_selected",
                                                      "_selected_action": [paper.summary_job.pk]})
    assert paper.summaries.count() == 1


def test_a_paper_flagged_for_resummary_is_summarized_again(fixed_engine):
    paper = factories.paper()
    jobs.job_summarize_paper(paper.pk)
    type(paper).objects.filter(pk=paper.pk).update(needs_resummary=True)
    assert jobs.job_summarize_paper(paper.pk) == "summarized"
    assert jobs.job_summarize_paper(paper.pk) == "skipped"
    assert paper.summaries.count() == 2


def test_summarize_job_can_dispatch_instead_of_running(fixed_engine):
    papers = [factories.paper() for _ in range(2)]
    queued = []
    assert jobs.job_summarize(dispatch=queued.append)["queued"] == 2
    assert queued == [p.pk for p in papers] and Summary.objects.count() == 0


def test_publish_job_publishes_passing_machine_summaries_only_with_auto_publish(monkeypatch):
    from sciplain.review.services import summary_save

    passing = summary_save(paper=factories.paper(), data=factories.summary_data(checks=[]))
    assert jobs.job_publish() == {"published": 0, "auto_publish": False}
    monkeypatch.setenv("SCIPLAIN_AUTO_PUBLISH", "1")
    assert jobs.job_publish() == {"published": 1, "auto_publish": True}
    passing.refresh_from_db()
    assert passing.status == Summary.Status.PUBLISHED


def test_summarize_job_backs_off_from_a_paper_that_keeps_failing(fixed_engine):
    import time_machine

    paper = factories.paper()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert jobs.job_summarize(backend="broken")["failed"] == 1
        assert jobs.job_summarize(backend="broken") == {"summarized": 0, "skipped": 0, "failed": 0}  # waiting
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert jobs.job_summarize(backend="broken")["failed"] == 1  # 2nd attempt: now waits 30 minutes
    with time_machine.travel(start + timedelta(minutes=40), tick=False):
        assert jobs.job_summarize()["summarized"] == 0
    with time_machine.travel(start + timedelta(minutes=47), tick=False):
        assert jobs.job_summarize()["summarized"] == 1
    assert SummaryJob.objects.get(paper=paper).attempts == 3
