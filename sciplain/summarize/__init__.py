"""The summary engine: an Article in, a checked, plain-language Summary out. No Django here.

    from sciplain.summarize import summarize
    summary = summarize(article)            # backend from $SCIPLAIN_SUMMARY_BACKEND or "offline"
    summary.passed                          # False if any error-severity check fired
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .checks import check_summary
from .design import DESIGNS, design_kind
from .doc import Sentence
from .evidence import EVIDENCE_SCALE, evidence_for_design
from .readability import summary_readability
from .resources import Resources
from .steps.sentences import split_article
from .types import Article, Section, Summary

__all__ = [
    "DESIGNS",
    "EVIDENCE_SCALE",
    "Article",
    "Resources",
    "Section",
    "Sentence",
    "Summary",
    "design_kind",
    "evidence_for_design",
    "finalize",
    "split_article",
    "summarize",
]


_WITH_RESOURCES: dict[tuple, tuple[Any, Any, Any]] = {}  # (name, id(categories), id(glossary)) -> (backend, inputs)


def _backend_for(name: str | None, categories: Iterable[Any] | None, glossary: Iterable[Any] | None):
    """The named backend; with the site's own word lists, one instance per list (building one is not cheap).

    Callers pass the same list object every time (``conf.categories()`` is cached), so the
    instance is reused; the cache keeps the lists alive, so an id is never reused for another.
    """
    from .backends import DEFAULT_BACKEND, ENV_VAR, get_backend

    if categories is None and glossary is None:
        return get_backend(name)
    name = name or os.environ.get(ENV_VAR) or DEFAULT_BACKEND
    key = (name, id(categories), id(glossary))
    if key not in _WITH_RESOURCES:
        resources = Resources.build(glossary=glossary, categories=categories)
        _WITH_RESOURCES[key] = (get_backend(name, resources=resources), categories, glossary)
    return _WITH_RESOURCES[key][0]


def summarize(article: Article, backend: str | None = None, *, categories: Iterable[Any] | None = None,
              glossary: Iterable[Any] | None = None) -> Summary:
    """Summarize one article with the chosen backend, then measure and check the result.

    ``categories`` (the site's configured list: objects or dicts with name, slug,
    mesh, keywords) and ``glossary`` replace the packaged word lists, whichever backend runs.
    """
    chosen = _backend_for(backend, categories, glossary)
    sentences = None
    if hasattr(chosen, "analyse"):  # the backend already split the article: reuse it
        doc = chosen.analyse(article)
        summary, sentences = doc.summary, doc.sentences
    else:
        summary = chosen.summarize(article)
    if not isinstance(summary, Summary):
        raise TypeError(f"backend {chosen.name!r} returned {type(summary).__name__}, expected Summary")
    return finalize(summary, article, backend_name=chosen.name, version=chosen.version,
                    resources=getattr(chosen, "resources", None), sentences=sentences)


def finalize(summary: Summary, article: Article, *, backend_name: str = "", version: str = "",
             resources: Resources | None = None, sentences: list[Sentence] | None = None) -> Summary:
    """Readability figures and every check, whichever backend wrote ``summary``."""
    summary = summary.model_copy(deep=True) if sentences is None else summary
    summary.backend = summary.backend or backend_name
    summary.version = summary.version or version
    summary.readability = summary_readability(summary)
    own = [c for c in summary.checks if not c.code.startswith("F")]  # a backend's own notes stay
    summary.checks = own + check_summary(summary, article, sentences if sentences is not None else split_article(article),
                                       resources or Resources.build())
    return summary
