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
    try:
        from sciplain.sources import (
            pubmed,  # the lead's parser; imported late so the engine does not need it
        )
    except ImportError:
        yield InputError(0, f"{path}: PubMed XML needs sciplain.sources.pubmed, which is not installed")
        return
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        import gzip

        data = gzip.decompress(data)
    for record in pubmed.parse(data):
        try:
            yield article_from_record(record)
        except Exception as exc:  # noqa: BLE001
            yield InputError(0, f"record {getattr(record, 'pmid', '?')}: {exc}", str(getattr(record, "pmid", "")))
