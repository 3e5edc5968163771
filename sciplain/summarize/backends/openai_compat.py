"""The "openai" backend: a language model behind any OpenAI-compatible server writes the prose.

vLLM, Ollama, the llama.cpp server and OpenAI itself all speak ``POST
/chat/completions``, so one small client covers them; the operator switches with
``SCIPLAIN_SUMMARY_BACKEND=openai``, ``SCIPLAIN_LLM_URL`` and ``SCIPLAIN_LLM_MODEL``
(``SCIPLAIN_LLM_API_KEY`` when the server wants one).

A model writes fluent text but may invent facts, so it only writes what needs
writing: the explanations, key findings, implications and limitations. What can
be decided by rule is: the sentence split (the model cites sentence numbers into
the same list the editor highlights), the study design and evidence level (a
model must not grade its own paper), participants, study length, categories and
glossary. The reply must be JSON of a fixed shape; one bad reply is sent back
with the error, a second one fails the paper. Every check of ``checks.py`` then
runs on the result, so an invented number or an unsupported finding sends the
summary to review like any other.
"""

from __future__ import annotations

import os
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sciplain import conf
from sciplain.sources.base import SourceError
from sciplain.sources.http import HttpClient

from .. import finalize, pipeline
from ..doc import Doc
from ..resources import Resources
from ..types import Article, Implication, KeyFinding, Limitation, Summary
from . import UnknownBackend, register_backend

HINT_STEPS = ["sentences", "abbreviations", "design", "evidence_level", "participants", "duration", "limitations"]
AFTER_STEPS = ["categories", "glossary"]  # they read the final text

SYSTEM = """You explain medical research abstracts in plain language for people living with spinal cord injury and their families.

Rules:
- Use only what the abstract says. Write no number that is not in the abstract.
- Keep every "not", "no" and "did not", and keep hedges such as "may" or "suggests".
- Simple explanation: short sentences and everyday words (US school grade 8 at most); explain any technical term.
- Every key finding cites the numbers of the abstract sentences that state it, and uses their words where it can.
- Practical implications describe what the study means; they never tell the reader what to do about their own care.
- A limitation is "stated" if the authors say it, "inferred" if it follows from how the study was done.

Reply with one JSON object and nothing else, in exactly this shape:
{
  "simple_explanation": "4 to 8 short sentences: what was studied, in whom, what was found, what it means",
  "research_summary": "3 to 6 sentences for clinicians: aim, design, main results, conclusion",
  "key_findings": [{"text": "one plain sentence", "source_sentences": [5]}],
  "practical_implications": [{"title": "2 to 5 words", "text": "1 or 2 sentences"}],
  "limitations": [{"text": "one sentence", "origin": "stated"}]
}
Give 3 to 5 key findings (none for a study plan without results), 1 to 3 implications and 1 to 3 limitations."""


class LLMError(RuntimeError):
    """The model server failed or its replies were unusable; one line that names the host."""


class LLMNotConfigured(UnknownBackend):
    """The backend exists but cannot run; an UnknownBackend so that commands stop with this one line."""


class _Limitation(Limitation):
    origin: Literal["stated", "inferred"]


class Reply(BaseModel):
    """The model's part of a Summary; everything else comes from the deterministic steps."""

    model_config = ConfigDict(extra="ignore")  # a chatty model's extra keys do no harm

    simple_explanation: str = Field(min_length=1)
    research_summary: str = Field(min_length=1)
    key_findings: list[KeyFinding]
    practical_implications: list[Implication]
    limitations: list[_Limitation]


@register_backend("openai")
class OpenAIBackend:
    name = "openai"

    def __init__(self, url: str | None = None, model: str | None = None, api_key: str | None = None,
                 timeout: float | None = None, resources: Resources | None = None, max_attempts: int = 4,
                 backoff: float = 1.0, max_backoff: float = 60.0):
        self.url = (url or conf.get("LLM_URL")).rstrip("/")
        self.model = model or conf.get("LLM_MODEL")
        missing = [env for env, value in [("SCIPLAIN_LLM_URL", self.url), ("SCIPLAIN_LLM_MODEL", self.model)] if not value]
        if missing:
            raise LLMNotConfigured(f"summary backend 'openai' needs {' and '.join(missing)} (e.g. http://127.0.0.1:8001/v1 and the served model's name)")
        self.version = self.model
        self.api_key = api_key if api_key is not None else os.environ.get("SCIPLAIN_LLM_API_KEY", "")
        self.timeout = timeout if timeout is not None else conf.get("LLM_TIMEOUT")
        self.resources = resources or Resources.build()
        self.http_options = {"max_attempts": max_attempts, "backoff": backoff, "max_backoff": max_backoff}

    @property
    def host(self) -> str:
        return self._client().host

    def analyse(self, article: Article) -> Doc:
        """The deterministic analysis, the model's prose on top, then categories and glossary."""
        doc = pipeline.run(Doc(article=article, resources=self.resources), HINT_STEPS)
        reply = self.ask(self.messages(doc), len(doc.sentences))
        s = doc.summary
        s.simple_explanation, s.research_summary = reply.simple_explanation.strip(), reply.research_summary.strip()
        s.key_findings, s.practical_implications = reply.key_findings, reply.practical_implications
        s.limitations = [Limitation(text=x.text, origin=x.origin) for x in reply.limitations]
        doc = pipeline.run(doc, AFTER_STEPS)
        s.backend, s.version = self.name, self.version
        return doc

    def summarize(self, article: Article) -> Summary:
        doc = self.analyse(article)
        return finalize(doc.summary, article, resources=self.resources, sentences=doc.sentences)

    def messages(self, doc: Doc) -> list[dict[str, str]]:
        s = doc.summary
        hints = [f"Title: {doc.article.title}", f"Study design (already decided; do not contradict it): {s.study_design}"]
        if s.evidence_level:
            hints.append(f"Evidence level (already decided): {s.evidence_level.label}")
        if s.participants.description:
            hints.append(f"Participants: {s.participants.description}")
        if s.study_duration:
            hints.append(f"Study length: {s.study_duration}")
        if doc.abbreviations:
            hints.append("Abbreviations: " + "; ".join(f"{k} = {v}" for k, v in doc.abbreviations.items()))
        hints += [f"Possible limitation ({x.origin}): {x.text}" for x in s.limitations]
        numbered = "\n".join(f"[{x.index}] {x.text}" for x in doc.sentences)
        user = "\n".join(hints) + "\n\nAbstract, one numbered sentence per line:\n" + numbered
        return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]

    def ask(self, messages: list[dict[str, str]], sentence_count: int) -> Reply:
        """The model's reply as a Reply; an invalid one is sent back once with what was wrong."""
        client = self._client()
        try:
            content = self._complete(client, messages)
            try:
                return parse_reply(content, sentence_count)
            except ValueError as exc:
                error = describe(exc)
            messages = messages + [{"role": "assistant", "content": content},
                                   {"role": "user", "content": f"That reply was not valid: {error}. "
                                                               "Answer again with only the JSON object in the shape given."}]
            try:
                return parse_reply(self._complete(client, messages), sentence_count)
            except ValueError as exc:
                raise LLMError(f"model {self.model!r} at {client.host} sent an invalid summary twice: {describe(exc)}") from None
        finally:
            client.close()

    def _client(self) -> HttpClient:
        """Retries, backoff and Retry-After as for PubMed; no rate limit (the operator's own server)."""
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        return HttpClient(base_url=self.url + "/", service="the model server", headers=headers,
                          timeout=self.timeout, **self.http_options)

    def _complete(self, client: HttpClient, messages: list[dict[str, str]]) -> str:
        payload = {"model": self.model, "messages": messages, "temperature": 0, "response_format": {"type": "json_object"}}
        try:
            data = client.post_json("chat/completions", payload).json()
        except SourceError as exc:
            raise LLMError(str(exc)) from None
        except ValueError:
            raise LLMError(f"the model server at {client.host} answered with something other than JSON") from None
        try:
            return data["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError):
            raise LLMError(f"the model server at {client.host} sent no chat completion: {str(data)[:200]}") from None


_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


def parse_reply(content: str, sentence_count: int) -> Reply:
    """Validate a reply (a ```json fence around it is forgiven); cited sentences must exist."""
    text = content.strip()
    fenced = _FENCE.match(text)
    reply = Reply.model_validate_json(fenced.group(1) if fenced else text)
    for i, finding in enumerate(reply.key_findings):
        bad = [j for j in finding.source_sentences if not 0 <= j < sentence_count]
        if not finding.source_sentences or bad:
            raise ValueError(f"key_findings[{i}].source_sentences must cite sentences 0 to {sentence_count - 1}, got {finding.source_sentences}")
    return reply


def describe(exc: ValueError) -> str:
    """A validation error on one line: "key_findings.0.text: Field required; …"."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'reply'}: {e['msg']}" for e in exc.errors()[:5])
    return str(exc)
