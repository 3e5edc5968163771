"""Pipeline jobs: ingest -> summarize -> publish -> digest, one definition each.

Every job is a thin call into a service, so the same definition runs in-process on
one machine and as a Celery task on many.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator


def quickstart_pipeline(*, file: str | None = None, days: int = 30, max_records: int = 200) -> Iterator[str]:
    """The one-machine main job: init, import or fetch, summarize, publish passing summaries."""
    from sciplain.ops import site_init
    from sciplain.review.services import summaries_generate
    from sciplain.sources.base import SourceError

    info = site_init()
    yield f"Data directory: {info['data_dir']}"
    try:
        if file:
            from sciplain.papers.services import papers_import_files

            yield "Imported: " + papers_import_files(paths=[file]).line()
        else:
            from sciplain.papers.ingest import ingest_run

            since = dt.date.today() - dt.timedelta(days=days)
            run = ingest_run(source="pubmed", since=since, max_records=max_records)
            yield f"Fetched from PubMed: {run.line()}"
    except SourceError as exc:
        yield f"Could not fetch new papers ({exc}); serving what the database holds."
    result = summaries_generate(publish=True)
    yield (f"Summarized {result['summarized']}: published {result['published']}, "
           f"waiting for review {result['needs_review']}, failed {result['failed']}")
