"""The offline backend: the deterministic rule pipeline, no network and no model files."""

from __future__ import annotations

from .. import pipeline
from ..doc import Doc
from ..resources import Resources
from ..types import Article, Summary
from . import register_backend

VERSION = "offline-1.0"


@register_backend("offline")
class OfflineBackend:
    name = "offline"
    version = VERSION

    def __init__(self, resources: Resources | None = None, steps: list[str] | None = None):
        self.resources = resources or Resources.build()
        self.steps = steps or pipeline.STEPS

    def analyse(self, article: Article) -> Doc:
        """The full working state (sentences, roles, abbreviations …) as well as the summary."""
        doc = Doc(article=article, resources=self.resources)
        doc = pipeline.run(doc, self.steps)
        doc.summary.backend, doc.summary.version = self.name, self.version
        return doc

    def summarize(self, article: Article) -> Summary:
        return self.analyse(article).summary
