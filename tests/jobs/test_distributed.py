"""Two Celery workers on a real Redis, one killed with SIGKILL mid-run: every paper is summarized exactly once.

What makes it hold: tasks are acknowledged only after they ran (``acks_late``) and
re-queued when their worker dies (``reject_on_worker_lost``; Redis re-delivers
unacknowledged tasks after the visibility timeout), and the paper claim in
``review.claims`` turns every duplicate delivery into a no-op. The database is a
file-based SQLite in a temp dir, or a fresh database on the PostgreSQL server in
``DATABASE_URL`` when that is set (``.ci/with-postgres``).

A worker killed between taking a task off the Redis list and recording it as
unacknowledged loses that task: kombu's Redis transport cannot make the two one
step (celery/kombu#1836, #305). Production has the scheduler's sweep behind it
(``summarize_pending`` every ``SUMMARIZE_EVERY_MINUTES``, which queues every paper
still without a summary), so the test runs that sweep too, on a compressed clock
and only once re-delivery has had its time: a lost task then costs a delay, never
a paper, and a sweep's duplicates must be no-ops like any other.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAPERS = 200
DUPLICATES = 40  # the same job queued twice for some papers, as a re-running scheduler would

pytestmark = pytest.mark.slow

SETUP = f"""
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from sciplain.papers.models import Paper
abstract = [{{"label": "RESULTS", "category": "RESULTS", "text": "Walking speed improved. Balance did not."}}]
Paper.objects.bulk_create([Paper(pmid=str(40000000 + i), source="pubmed", source_id=str(40000000 + i),
                                 slug=f"paper-{{i}}", title=f"Paper {{i}}", abstract=abstract) for i in range({PAPERS})])
from sciplain.celery import summarize_paper
ids = list(Paper.objects.order_by("pk").values_list("pk", flat=True))
for pk in ids + ids[:{DUPLICATES}]:
    summarize_paper.delay(pk)
print(len(ids))
"""
# What celery beat runs every SUMMARIZE_EVERY_MINUTES.
SWEEP = """
import django
django.setup()
from sciplain.celery import summarize_pending
summarize_pending.delay()
"""
SWEEP_AFTER, SWEEP_EVERY = 20.0, 10.0  # seconds after the kill: visibility timeout 5 s + restore sweeps + lease 5 s


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(server).exists():
        pytest.fail("redis-server not found: apt-get install -y redis-server")
    port = _free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.kill()
    proc.wait()


@pytest.fixture
def database(tmp_path):
    """(env, count) for a throwaway database; count() returns (summaries, papers with one, max versions)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import dj_database_url
        import psycopg

        base = dj_database_url.parse(url)
        name = f"sciplain_dist_{uuid.uuid4().hex[:8]}"
        params = dict(host=base["HOST"] or None, port=base["PORT"] or None, user=base["USER"] or None,
                      password=base["PASSWORD"] or None)
        with psycopg.connect(dbname=base["NAME"], autocommit=True, **params) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        connect = lambda: psycopg.connect(dbname=name, **params)
        env = {"DATABASE_URL": url.rsplit("/", 1)[0] + "/" + name}
    else:
        path = tmp_path / "data" / "sciplain.sqlite3"
        connect = lambda: sqlite3.connect(path, timeout=20)
        env = {"DATABASE_URL": ""}

    def count():
        try:
            conn = connect()
            try:
                cur = conn.cursor()
                cur.execute("SELECT COUNT(*), COUNT(DISTINCT paper_id), COALESCE(MAX(version), 0) FROM papers_summary")
                return cur.fetchone()
            finally:
                conn.close()
        except Exception:  # noqa: BLE001 - tables not there yet
            return (0, 0, 0)

    yield env, count
    if "name" in locals():
        with psycopg.connect(dbname=base["NAME"], autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(tmp_path, redis_url, db_env) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAIN_", "DJANGO_"))}
    env.update(db_env)
    if not env["DATABASE_URL"]:
        del env["DATABASE_URL"]
    env.update({
        "DJANGO_SETTINGS_MODULE": "sciplain.settings", "SCIPLAIN_SECRET_KEY": "distributed-test-" + "k" * 40,
        "SCIPLAIN_DATA_DIR": str(tmp_path / "data"), "SCIPLAIN_REDIS_URL": redis_url,
        "SCIPLAIN_JOB_VISIBILITY_TIMEOUT": "5", "SCIPLAIN_JOB_LEASE_SECONDS": "5",
        "SCIPLAIN_JOB_RESTORE_SECONDS": "1",
        "SCIPLAIN_TEST_WORK_SECONDS": "0.05", "PYTHONPATH": str(ROOT),
    })
    return env


def _worker(env, name, log):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.jobs.worker_app", "worker", "--concurrency=2",
         "--pool=prefork", "-n", f"{name}@%h", "--without-gossip", "--without-mingle", "--loglevel=INFO"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def test_two_workers_one_killed_mid_run_summarize_every_paper_exactly_once(tmp_path, redis_url, database):
    db_env, count = database
    env = _env(tmp_path, redis_url, db_env)
    (tmp_path / "data").mkdir()
    started = time.monotonic()
    setup = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr[-3000:]

    logs = [open(tmp_path / f"worker{i}.log", "w") for i in (1, 2)]  # noqa: SIM115 - closed below
    workers = [_worker(env, f"w{i}", logs[i - 1]) for i in (1, 2)]
    try:
        deadline = time.monotonic() + 60
        while count()[1] < PAPERS // 5:  # let both workers get going
            assert time.monotonic() < deadline, (tmp_path / "worker1.log").read_text()[-3000:]
            time.sleep(0.1)
        os.killpg(workers[0].pid, signal.SIGKILL)  # the whole worker: main process and its pool
        workers[0].wait()
        done_at_kill = count()[1]
        assert done_at_kill < PAPERS, "the first worker must die mid-run"

        killed_at = time.monotonic()
        deadline, next_sweep = killed_at + 120, killed_at + SWEEP_AFTER
        while count()[1] < PAPERS:
            assert time.monotonic() < deadline, (count(), (tmp_path / "worker2.log").read_text()[-3000:])
            if time.monotonic() >= next_sweep:
                sweep = subprocess.run([sys.executable, "-c", SWEEP], cwd=ROOT, env=env, capture_output=True, text=True)
                assert sweep.returncode == 0, sweep.stderr[-3000:]
                next_sweep = time.monotonic() + SWEEP_EVERY
            time.sleep(0.25)
        time.sleep(6)  # duplicates and re-deliveries still in flight must not add a second summary
        summaries, papers, max_version = count()
        assert (summaries, papers, max_version) == (PAPERS, PAPERS, 1)
    finally:
        for proc in workers:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        for log in logs:
            log.close()
    print(f"\ndistributed: {PAPERS} papers, killed at {done_at_kill}, all once in {time.monotonic() - started:.1f}s")
