"""A tiny deterministic summary engine for job and review tests.

The real engine is tested in tests/summarize; here what matters is *that* a paper
was summarized (and how often), so ``fixed_summarize`` returns the factory summary
after a short pause that stands in for real work. It is also registered in the
engine's backend registry as "fixed", so it can be chosen by name.
"""

from __future__ import annotations

import os
import time

from sciplain.summarize.types import Article, Summary

WORK_SECONDS = float(os.environ.get("SCIPLAIN_TEST_WORK_SECONDS", "0"))


def _data(article: Article) -> Summary:
    from tests.factories import summary_data

    return summary_data(research_summary=f"Summary of {article.id}: {article.title}", backend="fixed")


class FixedBackend:
    name = "fixed"
    version = "1"

    def summarize(self, article: Article) -> Summary:
        return _data(article)


def fixed_summarize(article: Article, backend: str | None = None, **_) -> Summary:
    if backend == "broken":
        raise RuntimeError("the engine failed on purpose")
    if WORK_SECONDS:
        time.sleep(WORK_SECONDS)
    data = _data(article)
    return data.model_copy(update={"backend": backend or "fixed"})


def install() -> None:
    """Register the backend and route ``sciplain.summarize.summarize`` to the fixed engine."""
    import sciplain.summarize as engine

    try:
        from sciplain.summarize.backends import register_backend

        register_backend("fixed")(FixedBackend)
    except ImportError:
        pass
    engine.summarize = fixed_summarize
