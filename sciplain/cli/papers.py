"""Paper commands: import files (ingest from PubMed/Europe PMC joins here)."""

from __future__ import annotations

import click

from . import cli, data_dir_option, echo_result, json_option


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

    try:
        report = papers_import_files(paths=files, batch_size=batch_size)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    for message in report.errors[:20]:
        click.echo(f"skipped {message}", err=True)
    if len(report.errors) > 20:
        click.echo(f"… and {len(report.errors) - 20} more bad records", err=True)
    echo_result(report.as_dict(), report.line(), as_json)
