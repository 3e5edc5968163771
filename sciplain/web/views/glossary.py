"""The glossary page: every word the summary engine explains, A to Z, with a filter that needs no JavaScript.

The entries are the engine's own word list (``sciplain/summarize/data/glossary.json``
via ``default_resources()``), so a term a research page explains always has an
entry here. Each entry's anchor is ``term-`` plus Django's ``slugify`` of the term:
research pages build the same anchor with the ``slugify`` template filter, so
"Words explained" can link straight to the entry without a lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.shortcuts import render
from django.utils.text import slugify

from sciplain.summarize.resources import GlossaryEntry, default_resources

MAX_QUERY = 100  # a filter word, not a document: longer input is cut, never an error
DIGITS = "0–9"


def term_anchor(term: str) -> str:
    return "term-" + slugify(term)


@dataclass
class LetterGroup:
    letter: str
    anchor: str
    entries: list[dict] = field(default_factory=list)


def _letter(term: str) -> str:
    first = term.strip()[:1].upper()
    return first if "A" <= first <= "Z" else DIGITS


def _matches(entry: GlossaryEntry, needle: str) -> bool:
    """A reader may type the jargon, an abbreviation, the everyday word or a word of the definition."""
    haystack = (entry.term, entry.plain, entry.definition, *entry.aliases)
    return any(needle in text.casefold() for text in haystack)


def glossary_groups(entries, query: str = "") -> list[LetterGroup]:
    """Entries sorted case-insensitively and grouped by first letter; numbers come first, under 0–9."""
    needle = query.casefold()
    groups: dict[str, LetterGroup] = {}
    for entry in sorted(entries, key=lambda e: e.term.casefold()):
        if not entry.definition or (needle and not _matches(entry, needle)):
            continue
        letter = _letter(entry.term)
        group = groups.get(letter)
        if group is None:
            anchor = "letter-" + ("0-9" if letter == DIGITS else letter.lower())
            group = groups[letter] = LetterGroup(letter=letter, anchor=anchor)
        group.entries.append({
            "term": entry.term, "anchor": term_anchor(entry.term), "plain": entry.plain,
            "definition": entry.definition,
        })
    return sorted(groups.values(), key=lambda g: (g.letter != DIGITS, g.letter))


def glossary(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    groups = glossary_groups(default_resources().glossary, query)
    return render(request, "web/glossary.html", {
        "q": query,
        "groups": groups,
        "count": sum(len(g.entries) for g in groups),
    })
