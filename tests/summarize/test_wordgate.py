"""A word gate never rules out a sentence its pattern matches, and names the words a plain cue needs."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciplain.summarize import roles
from sciplain.summarize.splitter import split_sentences
from sciplain.summarize.wordgate import trigger_words, words_of

from .abstracts import ALL

GATED = [pattern for cues in roles.CUES.values() for pattern, _ in cues] + [roles.FINITE, roles.PAST, roles.PRESENT, roles.STATISTIC]
# The words the cues need, their near misses and the characters around words, so that generated texts often match.
FRAGMENTS = sorted(set().union(*(trigger_words(p) or () for p in GATED))) + [
    "a", "the", "of", "to", "be", "s", "ed", "ly", "1", "2019", "%", "-", " ", " ", ".", ",", "é", "_", "?"]


@pytest.mark.parametrize("pattern, words", [
    (r"\b(?:is|are) (?:a|an|the)\b", {"is", "are"}),
    (r"\bwill (?:be|receive)\b", {"will"}),
    (r"^(?:to|and to) (?:evaluate|assess)\b", {"evaluate", "assess"}),
    (r"\b(?:is|are)\b", {"is", "are"}),
    (r"\b(?:was|were) (?:conducted|performed) to\b", {"conducted", "performed"}),
    (r"\b(?:included \d+|\d+ (?:studies|trials) (?:with|met))\b", {"included", "studies", "trials"}),
    (r"\b(?:we|this study)\s+(?:aimed|sought)\b", {"aimed", "sought"}),
])
def test_trigger_words_names_the_words_every_match_needs(pattern, words):
    assert trigger_words(re.compile(pattern)) == words


@pytest.mark.parametrize("pattern", [
    r"\d+(?:\.\d+)?\s?%",  # no word at all
    r"\baim\w*",  # the word goes on past the literal
    r"is (?:a|the)",  # "is" may end "this"
])
def test_trigger_words_refuses_what_it_cannot_vouch_for(pattern):
    assert trigger_words(re.compile(pattern)) is None


def test_trigger_words_refuses_a_case_blind_pattern():
    assert trigger_words(re.compile(r"\bwill\b", re.IGNORECASE)) is None


@given(st.sampled_from(GATED), st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_wordgate_passes_every_text_its_cue_matches(pattern, fragments):
    text = "".join(fragments)
    needs = trigger_words(pattern)
    if pattern.search(text):
        assert needs is None or not needs.isdisjoint(words_of(text))


@pytest.mark.parametrize("name", sorted(ALL))
def test_wordgate_passes_every_sentence_its_cue_matches(name):
    for section in ALL[name].sections:
        for sentence in split_sentences(section.text):
            text = sentence.lower()
            for pattern in GATED:
                needs = trigger_words(pattern)
                if pattern.search(text):
                    assert needs is None or not needs.isdisjoint(words_of(text)), (pattern.pattern, text)
