"""Site commands: init, serve, createeditor."""

from __future__ import annotations

import os
import sys

import click

from . import cli, data_dir_option, echo_result, json_option


@cli.command()
@data_dir_option
@json_option
def init(as_json):
    """Create the data directory, migrate the database and load the categories.

    Safe to run again: it only adds what is missing.

    Example:

        sciplain init --data-dir ./sciplain-data
    """
    from sciplain.ops import site_init

    result = site_init()
    echo_result(result, f"Ready: {result['data_dir']} ({result['categories']} categories)", as_json)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=int, help="Web worker processes.")
@click.option("--with-scheduler", is_flag=True, help="Also run the pipeline jobs in-process (`sciplain run`).")
@data_dir_option
def serve(host, port, workers, with_scheduler=False):
    """Serve the site with gunicorn (static files through whitenoise).

    Example:

        sciplain serve --port 8000
    """
    from sciplain.ops import site_init

    site_init()  # migrations and static files must exist before the first request
    click.echo(f"Serving on http://{host}:{port}/ (Ctrl-C to stop)")
    if with_scheduler:  # a child that stops when the server (this pid, after exec) stops
        import subprocess

        subprocess.Popen([sys.executable, "-m", "sciplain", "run", "--exit-with-parent", str(os.getpid())])
    args = [sys.executable, "-m", "gunicorn", "sciplain.wsgi:application", "--bind", f"{host}:{port}",
            "--workers", str(workers), "--access-logfile", "-"]
    os.execvpe(args[0], args, os.environ.copy())


@cli.command()
@click.argument("username")
@click.option("--email", default="", help="Editor's email address.")
@click.option("--password", envvar="SCIPLAIN_EDITOR_PASSWORD", prompt=True, hide_input=True,
              confirmation_prompt=True, help="Password (or SCIPLAIN_EDITOR_PASSWORD).")
@data_dir_option
def createeditor(username, email, password):
    """Create an editor account that can log in to /admin/ and review summaries.

    Example:

        sciplain createeditor alice --email alice@example.org
    """
    from django.core.exceptions import ValidationError

    from sciplain.review.services import editor_create

    try:
        editor_create(username=username, email=email, password=password)
    except ValidationError as exc:
        raise click.ClickException(" ".join(exc.messages)) from None
    click.echo(f"Editor {username} created; log in at /admin/")


@cli.command()
@click.option("--file", "file_", type=click.Path(exists=True, dir_okay=False),
              help="Import this PubMed XML/MEDLINE/RIS file instead of fetching from PubMed.")
@click.option("--days", default=30, show_default=True, help="Fetch papers added to PubMed in the last N days.")
@click.option("--max", "max_records", default=200, show_default=True, help="Fetch at most this many papers.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Stop after summarizing instead of serving the site.")
@data_dir_option
def quickstart(file_, days, max_records, host, port, no_serve):
    """Set up, get papers, summarize them, publish what passes every check, and serve.

    This is the one-machine main job. Without network access it says so in one
    line and serves what the database already holds.

    Example:

        sciplain quickstart --file pubmed_result.xml
    """
    from sciplain.jobs import quickstart_pipeline

    for line in quickstart_pipeline(file=file_, days=days, max_records=max_records):
        click.echo(line)
    if not no_serve:  # the same data dir, whether it came from --data-dir or SCIPLAIN_DATA_DIR
        click.get_current_context().invoke(serve, host=host, port=port, data_dir=os.environ["SCIPLAIN_DATA_DIR"])
