"""The offline summary pipeline: a readable list of named steps, each with a contract.

Modelled on spaCy's ``@Language.component(requires=, assigns=)``: every step
declares which ``Doc`` attributes it needs and which it fills, so that
``analyze_steps`` can prove (in a test) that each requirement is met by an
earlier step. The runner checks each step's return type and wraps failures
with the step's name, so a traceback says *which* step broke on *which* paper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .doc import Doc

StepFunc = Callable[[Doc], Doc]


@dataclass(frozen=True)
class Step:
    name: str
    func: StepFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, Step] = {}


class StepError(RuntimeError):
    """A pipeline step failed; the message names the step."""

    def __init__(self, step: str, article_id: str, cause: BaseException):
        super().__init__(f"step {step!r} failed on article {article_id!r}: {type(cause).__name__}: {cause}")
        self.step = step


def step(name: str, *, requires: list[str] | tuple[str, ...] = (), assigns: list[str] | tuple[str, ...] = ()):
    """Register ``func(doc) -> doc`` as the pipeline step ``name``."""

    def register(func: StepFunc) -> StepFunc:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ValueError(f"step {name!r} is registered twice")
        REGISTRY[name] = Step(name, func, tuple(requires), tuple(assigns))
        return func

    return register


# Importing the step modules fills REGISTRY.
from .steps import (  # noqa: F401
    compose,
    design,
    extras,
    findings,
    participants,
    sentences,
)

STEPS: list[str] = [
    "sentences",  # split the abstract, give each sentence a role
    "abbreviations",  # Schwartz–Hearst: "spinal cord injury (SCI)"
    "design",  # publication types, MeSH check tags and text cues -> fixed vocabulary
    "participants",  # who and how many; a review that included no studies
    "evidence_level",  # design -> Oxford CEBM 2011 level with a plain label
    "duration",
    "key_findings",  # 3–5 results/conclusions sentences, rewritten plainly
    "simple_explanation",  # composed: what was studied, in whom, what was found, what it means
    "research_summary",
    "limitations",
    "practical_implications",
    "categories",
    "glossary",  # terms that appear in the final text, with definitions
]


def analyze_steps(names: list[str] | None = None) -> list[str]:
    """Problems with the step order: each ``requires`` must be assigned by an earlier step."""
    problems: list[str] = []
    assigned = {"article", "resources"}
    for name in names or STEPS:
        if name not in REGISTRY:
            problems.append(f"unknown step {name!r}")
            continue
        s = REGISTRY[name]
        problems += [f"step {name!r} requires {r!r}, which no earlier step assigns" for r in s.requires if r not in assigned]
        assigned.update(s.assigns)
    return problems


def run(doc: Doc, names: list[str] | None = None) -> Doc:
    for name in names or STEPS:
        s = REGISTRY[name]
        try:
            result = s.func(doc)
        except Exception as exc:
            raise StepError(name, doc.article.id, exc) from exc
        if not isinstance(result, Doc):
            raise StepError(name, doc.article.id, TypeError(f"returned {type(result).__name__}, expected Doc"))
        doc = result
    return doc
