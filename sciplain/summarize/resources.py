"""The engine's word lists: the glossary and the category list, loaded once and injectable.

``data/glossary.json`` entries: {term, plain, definition, aliases, kind}.
``data/categories.json`` entries: {name, slug, description, mesh, keywords}.
The site passes its own configured categories (``Resources(categories=…)``);
tests pass tiny stand-ins. A missing file means an empty list, never a crash.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .textutil import PhraseIndex, lowered, pluralise, singulars

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str = ""
    plain: str = ""
    aliases: tuple[str, ...] = ()
    kind: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GlossaryEntry:
        aliases = d.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = (aliases,)
        return cls(term=str(d["term"]), definition=str(d.get("definition") or ""), plain=str(d.get("plain") or ""),
                   aliases=tuple(str(a) for a in aliases), kind=str(d.get("kind") or ""))

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class CategoryDef:
    name: str
    slug: str
    description: str = ""
    mesh: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @classmethod
    def from_obj(cls, d: Any) -> CategoryDef:
        get = (lambda k, default=None: d.get(k, default)) if isinstance(d, dict) else (lambda k, default=None: getattr(d, k, default))
        name = str(get("name") or "")
        slug = str(get("slug") or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))
        as_tuple = lambda v: tuple(v.split(",")) if isinstance(v, str) else tuple(v or ())
        return cls(name=name, slug=slug, description=str(get("description") or ""),
                   mesh=tuple(s.strip() for s in as_tuple(get("mesh")) if s.strip()),
                   keywords=tuple(s.strip() for s in as_tuple(get("keywords")) if s.strip()))


def _load_list(path: Path, key: str) -> list[dict]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get(key) or data.get("entries") or data.get("items") or next(
            (v for v in data.values() if isinstance(v, list)), [])
    return [d for d in data if isinstance(d, dict)]


@dataclass(frozen=True)
class Resources:
    glossary: tuple[GlossaryEntry, ...] = ()
    categories: tuple[CategoryDef, ...] = ()

    @classmethod
    def build(cls, glossary: Iterable[Any] | None = None, categories: Iterable[Any] | None = None) -> Resources:
        g = default_resources().glossary if glossary is None else tuple(
            e if isinstance(e, GlossaryEntry) else GlossaryEntry.from_dict(e) for e in glossary)
        c = default_resources().categories if categories is None else tuple(
            e if isinstance(e, CategoryDef) else CategoryDef.from_obj(e) for e in categories)
        return cls(glossary=g, categories=c)

    @cached_property
    def glossary_index(self) -> GlossaryIndex:
        default = default_resources()
        if self.glossary is default.glossary and self is not default:
            return default.glossary_index  # the site passes only its categories: share the packaged glossary's index
        return GlossaryIndex(self.glossary)


# Where a term's words mean something else, the glossary's plain form and definition would mislead: genetic or
# species "differentiation" is a divergence and "differentiation of benign from malignant" a telling apart, not a
# cell maturing; "myeloid differentiation factor 88" is a protein's name. A form found inside one of these is no
# use of the term.
_OTHER_SENSES = {
    "differentiation": re.compile(
        r"\b(?:species|genetic|population|taxonomic|morphological|sexual|social|product|diagnostic|methylation|"
        r"expression|melanoma|myeloid)[\s-]+differentiation|differentiation[\s-]+(?:between|among|factor|associated)\b|"
        r"\bdifferentiation\s+of\s+[^.,;]{1,60}?\s+from\b", re.IGNORECASE),
    # a profession or a hospital department, not a disease: "speech pathology students"
    "pathology": re.compile(r"\b(?:speech|speech-language|language|oral|forensic|veterinary|plant)[\s-]+pathology|"
                            r"\bdepartments?\s+of\s+pathology|\bpathology\s+(?:department|services?|laborator|students?|"
                            r"residents?|trainees?)", re.IGNORECASE),
}


class GlossaryIndex:
    """Every glossary form (term or alias) by its lower-cased spelling, and where the forms occur in a text."""

    def __init__(self, glossary: Iterable[GlossaryEntry]):
        self.forms: dict[str, GlossaryEntry] = {}
        for entry in glossary:
            for form in entry.forms:
                if form.strip():
                    self.forms.setdefault(form.strip().lower(), entry)
        self._phrases = PhraseIndex(self.forms)
        # Per index, not per process: a summary looks up the same sentence from several fields and checks.
        self.find = lru_cache(maxsize=2048)(self._find)

    def _find(self, text: str) -> tuple[tuple[int, int, GlossaryEntry], ...]:
        """``(start, end, entry)`` of each form in ``text``, case-blind, leftmost and then longest first."""
        found = tuple((start, end, self.forms[form]) for start, end, form in self._phrases.longest(lowered(text)))
        if not any(entry.term in _OTHER_SENSES for _, _, entry in found):
            return found
        return tuple((start, end, entry) for start, end, entry in found if not _other_sense(text, start, end, entry))


    def is_plural(self, found: str) -> bool | None:
        """Whether ``found`` is the plural of another form of its entry ("neurons" of "neuron", "pressure ulcers" of
        "pressure ulcer") or the singular of one ("abdominal muscle" of "abdominal muscles"); None when neither."""
        low = found.strip().lower()
        entry = self.forms.get(low)
        if entry is None:
            return None
        last = low.rsplit(" ", 1)[-1]
        prefix = low[: len(low) - len(last)]
        if any(self.forms.get(prefix + s) is entry for s in singulars(last)):
            return True
        if self.forms.get(prefix + pluralise(last)) is entry:
            return False
        return None


def _other_sense(text: str, start: int, end: int, entry: GlossaryEntry) -> bool:
    """Whether the form at ``text[start:end]`` lies in a phrase where ``entry``'s words mean something else."""
    pattern = _OTHER_SENSES.get(entry.term)
    return pattern is not None and any(m.start() <= start and end <= m.end() for m in pattern.finditer(text))


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    glossary = tuple(GlossaryEntry.from_dict(d) for d in _load_list(DATA_DIR / "glossary.json", "terms") if d.get("term"))
    categories = tuple(CategoryDef.from_obj(d) for d in _load_list(DATA_DIR / "categories.json", "categories") if d.get("name"))
    return Resources(glossary=glossary, categories=categories)
