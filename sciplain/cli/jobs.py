"""Job commands: the in-process scheduler (one machine) and Celery workers and beat (many)."""

from __future__ import annotations

import json
import os
import sys

import click

from . import cli, data_dir_option


@cli.command()
@click.option("--once", is_flag=True, help="Run the jobs that are due now, then exit.")
@click.option("--tick", default=30.0, show_default=True, help="Seconds between looks at the schedule.")
@click.option("--exit-with-parent", "parent_pid", type=int, default=None, hidden=True,
              help="Stop when this process ends (used by `sciplain serve --with-scheduler`).")
@data_dir_option
def run(once, tick, parent_pid):
    """Run the pipeline jobs in this process: ingest daily, summarize and publish often, digest weekly.

    The one-machine replacement for Celery: no broker, no workers. Times come from
    SCIPLAIN_INGEST_HOUR, SCIPLAIN_SUMMARIZE_EVERY_MINUTES, SCIPLAIN_DIGEST_WEEKDAY
    and SCIPLAIN_DIGEST_HOUR. Stop it with Ctrl-C.

    Example:

        sciplain run
    """
    from sciplain.jobs import Scheduler

    scheduler = Scheduler()

    def report(name, result):
        click.echo(f"{name}: {json.dumps(result, default=str)}")

    if once:
        for name, result in scheduler.run_pending().items():
            report(name, result)
        return
    click.echo("Scheduler running (Ctrl-C to stop)")

    def should_stop():
        return parent_pid is not None and os.getppid() != parent_pid

    try:
        scheduler.run_forever(tick=tick, should_stop=should_stop, on_result=report)
    except KeyboardInterrupt:
        pass


def _celery(args: list[str]) -> None:
    if not os.environ.get("SCIPLAIN_REDIS_URL"):
        raise click.ClickException("SCIPLAIN_REDIS_URL is not set: Celery needs a Redis broker "
                                   "(or use `sciplain run` for in-process jobs)")
    argv = [sys.executable, "-m", "celery", "-A", "sciplain.celery", *args]
    os.execvpe(argv[0], argv, os.environ.copy())


@cli.command()
@click.option("--concurrency", default=2, show_default=True, type=int, help="Jobs run at once.")
@click.option("--loglevel", default="INFO", show_default=True)
@data_dir_option
def worker(concurrency, loglevel):
    """Start a Celery worker that runs summarize, ingest, publish and digest jobs from Redis.

    Start as many as you like, on as many machines as share the database and
    SCIPLAIN_REDIS_URL; a paper is still summarized once.

    Example:

        SCIPLAIN_REDIS_URL=redis://localhost:6379/0 sciplain worker --concurrency 4
    """
    _celery(["worker", "--concurrency", str(concurrency), "--loglevel", loglevel])


@cli.command()
@click.option("--loglevel", default="INFO", show_default=True)
@data_dir_option
def scheduler(loglevel):
    """Start Celery beat, which queues the pipeline jobs on schedule (run exactly one).

    Example:

        SCIPLAIN_REDIS_URL=redis://localhost:6379/0 sciplain scheduler
    """
    from django.conf import settings

    _celery(["beat", "--loglevel", loglevel, "--schedule", str(settings.DATA_DIR / "celerybeat-schedule")])
