"""The string scans that stand in for per-word regexes give the regexes' answers."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciplain.summarize.steps.compose import _mid_sentence
from sciplain.summarize.textutil import followed_by_boundary, occurs_as_word

# Few characters, so that words, hyphens, sentence ends and near misses meet often.
TEXT = st.text(alphabet="aAb-_ .!?é1(", max_size=30)
WORD = st.text(alphabet="aAb-_ .é1", max_size=4)


@given(TEXT, WORD)
def test_occurs_as_word_agrees_with_the_regex(text, word):
    assert occurs_as_word(text, word) == bool(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


@given(TEXT, WORD)
def test_mid_sentence_agrees_with_the_regex(text, word):
    assert _mid_sentence(text, word) == bool(re.search(rf"(?<![.!?]) {re.escape(word)}\b", text))


@given(TEXT, st.integers(min_value=0, max_value=31))
def test_followed_by_boundary_agrees_with_the_regex(text, i):
    i = min(i, len(text))
    assert followed_by_boundary(text, i) == bool(re.compile(r"\b").match(text, i))


@pytest.mark.parametrize("text, word, expected", [
    ("Spinal cord injury (SCI) and SCI.", "SCI", True), ("SCI-related pain", "SCI", False), ("SCIs", "SCI", False),
    ("the MRI_scan", "MRI", False), ("", "SCI", False),
])
def test_occurs_as_word_examples(text, word, expected):
    assert occurs_as_word(text, word) is expected
