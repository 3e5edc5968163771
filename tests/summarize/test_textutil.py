import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciplain.summarize.textutil import (
    PhraseIndex,
    has_negation,
    numbers_in,
    parse_count,
    pluralise,
    singular,
    singulars,
    word_to_int,
)


@pytest.mark.parametrize("text, value", [
    ("forty-two", 42), ("Twelve", 12), ("one hundred and five", 105), ("ninety nine", 99), ("sixty", 60), ("pain", None),
])
def test_word_numbers_parse(text, value):
    assert word_to_int(text) == value


@pytest.mark.parametrize("text, expected", [
    ("1,234 people", {"1234"}), ("p < .05", {"0.05"}), ("0.50 mg", {"0.5"}), ("1.2–3.4", {"1.2", "3.4"}),
    ("IL-4 mice", {"4"}), ("no numbers", set()),
])
def test_numbers_in_normalises(text, expected):
    assert numbers_in(text) == expected


def test_numbers_in_counts_number_words_when_asked():
    assert numbers_in("Forty-two adults", words=True) == {"42"}
    assert numbers_in("Forty-two adults") == set()


@given(st.integers(min_value=0, max_value=10**7))
def test_numbers_in_finds_every_integer_with_or_without_thousands_separators(n):
    assert str(n) in numbers_in(f"We saw {n:,} cases.") and str(n) in numbers_in(f"We saw {n} cases.")


@given(st.integers(min_value=1, max_value=999))
def test_parse_count_round_trips_digits(n):
    assert parse_count(str(n)) == n


@pytest.mark.parametrize("text, negated", [
    ("Pain did not change.", True), ("No serious events occurred.", True), ("There was no difference.", True),
    ("Pain fell without side effects.", True), ("Pain fell.", False), ("NO levels rose.", False), ("Notably, pain fell.", False),
])
def test_negation_cues(text, negated):
    assert has_negation(text) is negated


_PHRASES = ["spinal cord", "spinal cord injury", "cord", "in vivo", "in", "a-b", "(x)", "-z", "x"]


@given(st.text(alphabet="spinal cord injury vivo ab-x()z_1.é", max_size=60))
def test_phrase_index_finds_what_the_regex_alternation_finds(text):
    alternation = "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True))
    regex = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")
    index = PhraseIndex(_PHRASES)
    assert index.longest(text) == [(m.start(), m.end(), m.group(0)) for m in regex.finditer(text)]
    assert index.present(text) == {p for p in _PHRASES if re.search(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", text)}


def test_phrase_index_prefers_the_longest_phrase_and_keeps_overlaps_for_present():
    index = PhraseIndex(["spinal cord", "spinal cord injury", "cord injury"])
    assert index.longest("after spinal cord injury, cord injury") == [(6, 24, "spinal cord injury"), (26, 37, "cord injury")]
    assert index.present("spinal cord injury") == {"spinal cord", "spinal cord injury", "cord injury"}
    assert index.longest("cerebrospinal cord-injury") == []


@pytest.mark.parametrize("word, plural, back", [
    ("cell", "cells", "cell"), ("body", "bodies", "body"), ("day", "days", "day"), ("branch", "branches", "branch"),
    ("reflex", "reflexes", "reflex"), ("analysis", "analyses", "analys"),  # "-ses" is ambiguous: singulars() has both
])
def test_pluralise_singular_and_singulars(word, plural, back):
    assert pluralise(word) == plural
    assert singular(plural) == back
    assert word in singulars(plural)
