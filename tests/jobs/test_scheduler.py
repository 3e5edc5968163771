"""The in-process scheduler: when each job is due, and that a failing job does not stop the loop."""

import datetime as dt

import pytest

from sciplain import jobs

UTC = dt.UTC
MONDAY_9 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("after, expected", [
    (dt.datetime(2025, 3, 3, 4, 0, tzinfo=UTC), dt.datetime(2025, 3, 3, 5, 0, tzinfo=UTC)),
    (dt.datetime(2025, 3, 3, 5, 0, tzinfo=UTC), dt.datetime(2025, 3, 4, 5, 0, tzinfo=UTC)),
    (dt.datetime(2025, 3, 3, 23, 0, tzinfo=UTC), dt.datetime(2025, 3, 4, 5, 0, tzinfo=UTC)),
])
def test_daily_at_is_the_next_occurrence_of_the_hour(after, expected):
    assert jobs.daily_at(5)(after) == expected


@pytest.mark.parametrize("after, expected", [
    (MONDAY_9 - dt.timedelta(hours=2), MONDAY_9 - dt.timedelta(hours=1)),  # Monday 7:00 -> Monday 8:00
    (MONDAY_9, MONDAY_9 + dt.timedelta(days=7, hours=-1)),  # after Monday 8:00 -> next Monday
    (MONDAY_9 + dt.timedelta(days=3), MONDAY_9 + dt.timedelta(days=7, hours=-1)),
])
def test_weekly_at_is_the_next_weekday_and_hour(after, expected):
    assert jobs.weekly_at(0, 8)(after) == expected


def test_scheduler_runs_due_jobs_and_survives_a_failing_one():
    now = [MONDAY_9]
    ran = []

    def boom():
        raise RuntimeError("ingest failed")

    entries = [jobs.Entry("ingest", boom, jobs.daily_at(5)), jobs.Entry("summarize", lambda: ran.append("s"),
                                                                          jobs.every(15))]
    for entry in entries:
        entry.due = MONDAY_9
    scheduler = jobs.Scheduler.__new__(jobs.Scheduler)
    scheduler.clock, scheduler.entries = (lambda: now[0]), entries
    results = scheduler.run_pending()
    assert results["ingest"] == {"error": "ingest failed", "retry_in_minutes": 5} and ran == ["s"]
    assert entries[0].due == MONDAY_9 + dt.timedelta(minutes=5)
    assert scheduler.run_pending() == {}  # nothing due until the clock moves
    now[0] += dt.timedelta(minutes=15)
    assert list(scheduler.run_pending()) == ["ingest", "summarize"]


def test_scheduler_retries_a_failing_job_with_backoff_then_keeps_its_schedule():
    now = [MONDAY_9]
    outcomes = [RuntimeError("down"), RuntimeError("down"), RuntimeError("down"), "ok"]

    def flaky():
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    entry = jobs.Entry("ingest", flaky, jobs.daily_at(5), due=MONDAY_9)
    scheduler = jobs.Scheduler.__new__(jobs.Scheduler)
    scheduler.clock, scheduler.entries = (lambda: now[0]), [entry]
    waits = []
    for _ in range(4):
        scheduler.run_pending()
        waits.append(entry.due - now[0])
        now[0] = entry.due
    assert waits[:3] == [dt.timedelta(minutes=5), dt.timedelta(minutes=10), dt.timedelta(minutes=20)]
    assert entry.failures == 0 and entry.due == dt.datetime(2025, 3, 4, 5, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_scheduler_starts_with_ingest_when_none_ran_in_the_last_day(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_DIGEST_WEEKDAY", "2")
    scheduler = jobs.Scheduler(clock=lambda: MONDAY_9)
    due = {e.name: e.due for e in scheduler.entries}
    assert due["ingest"] == due["summarize"] == due["publish"] == MONDAY_9
    assert due["digest"] == dt.datetime(2025, 3, 5, 8, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_sciplain_run_once_runs_the_due_jobs(fixed_engine, monkeypatch):
    from click.testing import CliRunner

    from sciplain.cli import jobs as cli_jobs
    from tests import factories

    monkeypatch.setattr("sciplain.cli.django_setup", lambda *a, **k: None)
    monkeypatch.setenv("SCIPLAIN_EUTILS_URL", "http://127.0.0.1:9/")  # nothing listens: the network is down
    monkeypatch.setenv("SCIPLAIN_HTTP_MAX_ATTEMPTS", "1")
    factories.paper()
    result = CliRunner().invoke(cli_jobs.run, ["--once"])
    assert result.exit_code == 0, result.output
    assert 'summarize: {"summarized": 1' in result.output
    assert 'ingest: {"error": "cannot reach PubMed at 127.0.0.1' in result.output


def test_worker_without_redis_url_is_one_readable_error(monkeypatch):
    from click.testing import CliRunner

    from sciplain.cli import jobs as cli_jobs

    monkeypatch.delenv("SCIPLAIN_REDIS_URL", raising=False)
    monkeypatch.setattr("sciplain.cli.django_setup", lambda *a, **k: None)
    result = CliRunner().invoke(cli_jobs.worker, [])
    assert result.exit_code == 1 and "SCIPLAIN_REDIS_URL is not set" in result.output
