"""File mode entry point for the CLI: JSON Lines here, PubMed XML through ``sciplain.sources``."""

from __future__ import annotations

from pathlib import Path

from .io import Counts, InputError, article_from_record, summarize_file, write_results


def summarize_path(input_path: str | Path, output_path: str | Path, backend: str | None = None) -> Counts:
    path = Path(input_path)
    if path.suffix.lower() in (".xml", ".gz"):
        from .backends import get_backend

        get_backend(backend)
        return write_results(_xml_articles(path), output_path, backend)
    return summarize_file(path, output_path, backend)


def _xml_articles(path: Path):
    """Articles of a PubMed XML file (plain or gzipped), streamed; an unreadable record becomes an error line."""
    from sciplain.sources import pubmed
    from sciplain.sources.base import RecordError

    for record in pubmed.iter_records(path):
        if isinstance(record, RecordError):
            yield InputError(record.position, str(record), record.pmid)
            continue
        try:
            yield article_from_record(record)
        except Exception as exc:  # noqa: BLE001 - one record never stops the file
            yield InputError(0, f"record {record.pmid}: {exc}", record.pmid)
