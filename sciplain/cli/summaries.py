"""Summary commands: summarize papers in the database, or files without one."""

from __future__ import annotations

import click

from . import cli, database_ready, django_setup, echo_result, json_option, progress


@cli.command()
@click.argument("pmids", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Re-summarize every paper with an abstract.")
@click.option("--pending", is_flag=True, help="Summarize papers without a current summary (the default).")
@click.option("--backend", default=None, help="Summary backend name (default: SCIPLAIN_SUMMARY_BACKEND or offline).")
@click.option("--publish", is_flag=True, help="Publish summaries that pass every check instead of queueing them for review.")
@click.option("--input", "input_path", type=click.Path(exists=True, dir_okay=False),
              help="File mode: JSONL or PubMed XML papers to summarize, without a database.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False), help="File mode: JSONL to write.")
@click.option("--data-dir", envvar="SCIPLAIN_DATA_DIR", default="sciplain-data", show_default=True,
              type=click.Path(file_okay=False), help="Folder holding the database.")
@json_option
def summarize(pmids, all_, pending, backend, publish, input_path, output_path, data_dir, as_json):
    """Write plain-language summaries with the chosen backend.

    New summaries wait for an editor unless --publish is given. File mode
    (--input/--output) needs no database; one bad line never stops the batch.

    Example:

        sciplain summarize --pending
        sciplain summarize 31234567 --backend offline --publish
        sciplain summarize --input papers.jsonl --output summaries.jsonl
    """
    if input_path or output_path:
        if not (input_path and output_path):
            raise click.ClickException("file mode needs both --input and --output")
        from sciplain.summarize.backends import UnknownBackend
        from sciplain.summarize.files import summarize_path

        try:
            counts = summarize_path(input_path, output_path, backend=backend)
        except UnknownBackend as exc:
            raise click.ClickException(str(exc)) from None
        echo_result(counts, f"Summarized {counts['ok']}, failed {counts['failed']} -> {output_path}", as_json)
        return

    django_setup(data_dir, make_key=True)
    database_ready()
    from sciplain.papers.models import Paper
    from sciplain.review.services import summaries_generate
    from sciplain.summarize.backends import UnknownBackend, get_backend

    try:
        get_backend(backend)
    except UnknownBackend as exc:
        raise click.ClickException(str(exc)) from None
    if pmids:
        papers = Paper.objects.filter(pmid__in=pmids)
        missing = set(pmids) - set(papers.values_list("pmid", flat=True))
        if missing:
            raise click.ClickException(f"no paper with PMID {', '.join(sorted(missing))} in the database")
    elif all_:
        papers = Paper.objects.exclude(abstract=[])
    else:
        papers = Paper.objects.needs_summary()
    with progress(papers.count(), "Summarizing") as bar:
        result = summaries_generate(papers=papers, backend=backend, publish=publish, on_progress=bar.update)
    for message in result["errors"][:20]:
        click.echo(f"failed {message}", err=True)
    echo_result(result, f"Summarized {result['summarized']}: published {result['published']}, "
                        f"waiting for review {result['needs_review']}, failed {result['failed']}", as_json)
