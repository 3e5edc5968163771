"""The ``sciplain`` command: everything an operator does, one thin command per service.

Django is set up lazily inside each command, so ``--data-dir`` (or
``SCIPLAIN_DATA_DIR``) decides which database a command opens, and ``--help``
works without any configuration.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from pathlib import Path

import click


def django_setup(data_dir: str | None = None, *, make_key: bool = False) -> None:
    """Point Django at the data dir and set it up; a missing secret key is one readable error."""
    if data_dir:
        os.environ["SCIPLAIN_DATA_DIR"] = str(Path(data_dir).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sciplain.settings")
    if make_key and not os.environ.get("SCIPLAIN_SECRET_KEY"):
        from sciplain.ops import secret_key_ensure

        secret_key_ensure(Path(os.environ.get("SCIPLAIN_DATA_DIR", "sciplain-data")).resolve())
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise click.ClickException(str(exc)) from None


def data_dir_option(func):
    @click.option(
        "--data-dir",
        type=click.Path(file_okay=False),
        envvar="SCIPLAIN_DATA_DIR",
        default="sciplain-data",
        show_default=True,
        help="Folder holding the SQLite database, secret key and static files.",
    )
    @functools.wraps(func)
    def wrapper(*args, data_dir, **kwargs):
        django_setup(data_dir, make_key=True)
        if func.__name__ not in NO_DATABASE_CHECK:
            database_ready()
        return func(*args, **kwargs)

    return wrapper


# Commands that set the database up themselves, or hand over to Celery (whose tasks report their own errors).
NO_DATABASE_CHECK = frozenset({"init", "serve", "quickstart", "restore", "worker", "scheduler"})


def database_ready() -> None:
    """One readable line, instead of "no such table" per record, when the database is missing or old."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # noqa: BLE001 - an unreachable server, a locked or unreadable file
        raise click.ClickException(f"cannot open the database: {' '.join(str(exc).split())}") from None
    if pending:
        where = os.environ.get("DATABASE_URL") or os.environ.get("SCIPLAIN_DATA_DIR", "sciplain-data")
        raise click.ClickException(f"the database ({where}) is not set up yet: run `sciplain init` first")


def json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(func)


def echo_result(result: dict, line: str, as_json: bool) -> None:
    click.echo(json.dumps(result, default=str) if as_json else line)


def progress(length: int | None, label: str):
    """A progress bar with count, rate and ETA on a terminal; silence otherwise (logs and CI stay clean)."""
    known = bool(length)
    bar = click.progressbar(length=length or 0, label=label, show_pos=True, show_percent=known, show_eta=known,
                            hidden=not sys.stderr.isatty(), file=sys.stderr)
    bar.item_show_func = lambda _item: f"{bar.pos / max(time.time() - bar.start, 1e-3):,.0f} records/s"
    return bar


class OneLineErrors(click.Group):
    """The ``sciplain`` group: a mistake in the command line is one line too, like every other error.

    Click prints a usage error as the usage, a hint and the error: three lines, the
    useful one last. Here it is the error and where to look, on one line, exit code 2.
    """

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:  # bare `sciplain`: the help, as click gives it
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "sciplain"
            click.echo(f"Error: {exc.format_message()} (see `{where} --help`)", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)  # ctx.exit(code) comes back as its code


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sciplain")
def cli():
    """sciplain: plain-language summaries of spinal cord injury research.

    Example:

        sciplain init && sciplain import papers.xml && sciplain summarize --pending && sciplain serve
    """


from . import digest as _digest  # noqa: F401
from . import jobs as _jobs  # noqa: F401
from . import ops as _ops  # noqa: F401
from . import papers as _papers  # noqa: F401  (registers commands)
from . import site as _site  # noqa: F401
from . import summaries as _summaries  # noqa: F401
