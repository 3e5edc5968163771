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


def _expand_with_regexes(text: str, abbreviations: dict[str, str], max_words: int | None = None) -> str:
    """The regex ``expand`` used to compile per paper: the reference the string scan must agree with."""
    from sciplain.summarize.abbreviations import _plural

    alternation = "|".join(re.escape(sf) for sf, _ in sorted(sorted(abbreviations.items()), key=lambda kv: -len(kv[0])))
    text = re.sub(r"\s*\(\s*(?:" + alternation + r")\s*(?:[;,][^()]*)?\)", "", text)

    def long_form(m: re.Match) -> str:
        lf = abbreviations[m.group(1)]
        if max_words is not None and lf.count(" ") >= max_words:
            return m.group(0)
        return _plural(lf) if m.group(2) else lf

    return re.sub(r"(?<![\w-])(" + alternation + r")(s?)(?![\w-])", long_form, text)


# Short forms as find_abbreviations gives them: no brackets, no space at either end.
SHORT = st.text(alphabet="ABs1-é ", min_size=1, max_size=3).filter(lambda s: s == s.strip())
LONG = st.sampled_from(["spinal cord injury", "injury", "body", "x y z w"])


@given(st.text(alphabet="ABs1-é ()\t;,x", max_size=40), st.dictionaries(SHORT, LONG, min_size=1, max_size=3),
       st.sampled_from([None, 1, 3]))
def test_expand_agrees_with_the_regexes(text, abbreviations, max_words):
    from sciplain.summarize.abbreviations import expand

    assert expand(text, abbreviations, max_words) == _expand_with_regexes(text, abbreviations, max_words)

