"""Summary backends, registered by name (datasette's DEFAULT_PLUGINS / sqlite-utils' hookspecs).

The built-in offline backend registers through the same door a future
OpenAI-compatible backend will use: ``@register_backend("openai")`` on a class
whose instances have ``name``, ``version`` and ``summarize(article) -> Summary``.
``SCIPLAIN_SUMMARY_BACKEND`` chooses the default. Start with a dict; adopt
pluggy only when outside plugins become real.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from ..types import Article, Summary

DEFAULT_BACKEND = "offline"
ENV_VAR = "SCIPLAIN_SUMMARY_BACKEND"


@runtime_checkable
class Backend(Protocol):
    name: str
    version: str

    def summarize(self, article: Article) -> Summary: ...


class UnknownBackend(LookupError):
    def __str__(self) -> str:  # click prints this line as is
        return str(self.args[0]) if self.args else "unknown summary backend"


SUMMARY_BACKENDS: dict[str, Callable[..., Backend]] = {}
_INSTANCES: dict[str, Backend] = {}


def register_backend(name: str):
    """Class decorator: make a backend available as ``get_backend(name)``."""

    def register(factory: Callable[..., Backend]):
        SUMMARY_BACKENDS[name] = factory
        _INSTANCES.pop(name, None)
        return factory

    return register


def get_backend(name: str | None = None, **options: Any) -> Backend:
    """The backend called ``name`` (default: $SCIPLAIN_SUMMARY_BACKEND, else "offline").

    Without options the instance is shared, so word lists load once per process.
    """
    name = name or os.environ.get(ENV_VAR) or DEFAULT_BACKEND
    if name not in SUMMARY_BACKENDS:
        known = ", ".join(sorted(SUMMARY_BACKENDS))
        raise UnknownBackend(f"unknown summary backend {name!r} (known: {known})")
    if options:
        return SUMMARY_BACKENDS[name](**options)
    if name not in _INSTANCES:
        _INSTANCES[name] = SUMMARY_BACKENDS[name]()
    return _INSTANCES[name]


from . import offline, openai_compat  # noqa: F401  built-ins register like any plugin
