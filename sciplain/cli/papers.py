"""Paper commands: import files, and ingest from PubMed and Europe PMC."""

from __future__ import annotations

import sys

import click

from . import cli, data_dir_option, echo_result, json_option, progress


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--batch-size", default=500, show_default=True, help="Records committed per transaction.")
@data_dir_option
@json_option
def import_(files, batch_size, as_json):
    """Import papers from PubMed XML (plain or .gz), MEDLINE/.nbib or RIS files.

    Re-importing the same file changes nothing. Bad records are reported and
    skipped; the rest of the file is imported.

    Example:

        sciplain import pubmed_result.xml baseline/pubmed25n0001.xml.gz
    """
    from sciplain.papers.services import papers_import_files
    from sciplain.sources.base import SourceError
    from sciplain.sources.files import count_records

    try:
        on_terminal = sys.stderr.isatty()  # counting costs a read of each file: only for a bar someone watches
        bar = progress(sum(map(count_records, files)) if on_terminal else 0, "Importing").__enter__()
        try:
            report = papers_import_files(paths=files, batch_size=batch_size, on_progress=bar.update)
        finally:
            bar.__exit__(None, None, None)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    _echo_messages("skipped", report.errors, report.counts["errors"])
    _echo_messages("warning:", report.warnings, report.counts["warnings"])
    if report.counts["errors"] and not (report.counts["created"] + report.counts["updated"] + report.counts["skipped"]):
        raise click.ClickException(f"no record could be read: {report.line()}")
    echo_result(report.as_dict(), report.line(), as_json)


def _echo_messages(prefix: str, messages: list[str], count: int, shown: int = 20) -> None:
    for message in messages[:shown]:
        click.echo(f"{prefix} {message}", err=True)
    if count > shown:
        click.echo(f"… and {count - shown} more", err=True)


@cli.command("ingest")
@click.option("--source", type=click.Choice(["pubmed", "europepmc", "all"]), default="pubmed", show_default=True,
              help="Where to fetch from; 'all' reads both and merges records of the same paper.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First day of the window (default: the last "
              "day of the last finished run, else SCIPLAIN_INGEST_DAYS ago).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last day of the window (default: today).")
@click.option("--query", help="Search query in the source's own syntax (default: SCIPLAIN_PUBMED_QUERY / "
              "SCIPLAIN_EUROPEPMC_QUERY).")
@click.option("--max", "max_records", type=click.IntRange(min=1), help="Fetch at most N records per source.")
@data_dir_option
@json_option
def ingest(source, since, until, query, max_records, as_json):
    """Fetch new spinal cord injury papers from PubMed and/or Europe PMC.

    Re-running a window changes nothing; an interrupted run (Ctrl-C, kill, lost
    network) resumes where it stopped when run again. Bad records are reported and
    skipped. The exit code is non-zero only when nothing could be fetched.

    Example:

        sciplain ingest --since 2026-11-01 --until 2026-11-30 --source all
    """
    from sciplain.papers.ingest import ingest as ingest_service
    from sciplain.sources.base import SourceError

    bar = _LazyBar("Fetching")
    try:
        result = ingest_service(source=source, since=since.date() if since else None,
                                until=until.date() if until else None, query=query,
                                max_records=max_records, on_progress=bar.update)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        raise click.ClickException("interrupted; run the same command again to resume") from None
    finally:
        bar.close()
    for run in result.runs:
        _echo_messages(f"{run.source}: skipped", run.errors, run.counts.get("skipped", 0))
        _echo_messages(f"{run.source}: warning:", run.warnings, run.counts.get("warnings", 0))
    if result.nothing_done:
        raise click.ClickException(result.line())
    echo_result({"runs": [{"source": r.source, "since": r.since, "until": r.until, **r.counts} for r in result.runs],
                 "failures": result.failures}, result.line(), as_json)


class _LazyBar:
    """A progress bar that appears once the source says how many records the window holds."""

    def __init__(self, label: str):
        self.label, self.bar, self.total = label, None, 0

    def update(self, done: int, total: int) -> None:
        if self.bar is None or total != self.total:
            self.close()
            self.total = total
            self.bar = progress(total or None, self.label).__enter__()
        self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
