"""Steps "participants" and "duration": the extracted phrases in the form readers see (digits, expanded abbreviations)."""

from __future__ import annotations

import re

from ..abbreviations import LONG_FORM_WORDS, expand
from ..doc import Doc
from ..participants import NUMBER_WORDS, find_duration, find_participants
from ..pipeline import step
from ..textutil import lower_first, numbers_in, parse_count
from ..types import Participants


def _digits_first(phrase: str) -> str:
    """"Forty-five adults with …" -> "45 adults with …" (readers scan digits faster).

    "one 52-year-old man" stays in words: "1 52-year-old man" reads as one number. So does a number that the
    number check (``numbers_in``) cannot read back from the source's words ("One hundred thirty-two"): digits
    there would be flagged as a number not in the source."""
    m = NUMBER_WORDS.match(phrase)
    value = parse_count(m.group(0)) if m else None
    if value is not None and str(value) in numbers_in(phrase, words=True) and value != 1 and phrase[m.end():m.end() + 1] in (" ", "") and not phrase[m.end() + 1:m.end() + 2].isdigit():
        return f"{value}{phrase[m.end():]}"
    return phrase


COMMON_OPENERS = re.compile(r"^(?:Adult|Female|Male|Young|Aged|Old|Juvenile|Transgenic|Knockout|Wild-type|Healthy|Consecutive|"
                            r"Eligible|All|Patients|Participants|People|Children|Adults|Men|Women|Mice|Rats|Twelve|Total|Normal|Untreated|"
                            r"Treated|Infected|Naive|Naïve|Sham|Older|Younger|Pregnant|Obese|Diabetic|Injured|Uninjured|Control)\b")


def _reader_form(phrase: str | None, doc: Doc) -> str | None:
    if not phrase:
        return None
    phrase = _digits_first(phrase)
    if COMMON_OPENERS.match(phrase) or NUMBER_WORDS.match(phrase):  # "Four hundred fifty-nine patients" opened a sentence
        phrase = lower_first(phrase)
    return expand(phrase, doc.abbreviations, LONG_FORM_WORDS)  # "75 patients with DSM-IV …", not its eight-word name


@step("participants", requires=["sentences", "design", "species", "abbreviations"], assigns=["summary.participants", "no_studies"])
def participants_step(doc: Doc) -> Doc:
    found = find_participants([(s.text, s.role) for s in doc.sentences], doc.species, doc.design)
    doc.no_studies = bool(found.get("no_studies"))
    doc.summary.participants = Participants(
        description=_reader_form(found.get("description"), doc),
        count=found.get("count"),
        population=_reader_form(found.get("population"), doc),
        species=found.get("species") or None,
    )
    return doc


@step("duration", requires=["sentences", "design"], assigns=["summary.study_duration"])
def duration_step(doc: Doc) -> Doc:
    doc.summary.study_duration = find_duration([(s.text, s.role) for s in doc.sentences], doc.design)
    return doc
