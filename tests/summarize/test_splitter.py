import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciplain.summarize.splitter import split_sentences, split_spans


@pytest.mark.parametrize("text, expected", [
    ("Pain fell. Sleep improved.", ["Pain fell.", "Sleep improved."]),
    ("Scores rose (p < .05). Twelve rats died.", ["Scores rose (p < .05).", "Twelve rats died."]),
    ("We used 0.5 mg/kg daily. Mice gained weight.", ["We used 0.5 mg/kg daily.", "Mice gained weight."]),
    ("Some drugs, e.g. baclofen, help. Others do not.", ["Some drugs, e.g. baclofen, help.", "Others do not."]),
    ("Drug vs. placebo was tested. It worked.", ["Drug vs. placebo was tested. It worked."][0:0] or ["Drug vs. placebo was tested.", "It worked."]),
    ("As shown by Smith et al. in 2010, it works.", ["As shown by Smith et al. in 2010, it works."]),
    ("See Fig. 2 for details. Done.", ["See Fig. 2 for details.", "Done."]),
    ("Rats (n = 12) were injured. Pain (i.e. allodynia. Also heat) rose.", ["Rats (n = 12) were injured.", "Pain (i.e. allodynia. Also heat) rose."]),
    ("Ranges were 1.2–3.4. Means were 2.5.", ["Ranges were 1.2–3.4.", "Means were 2.5."]),
    ("S. aureus grew in culture. E. coli did not.", ["S. aureus grew in culture.", "E. coli did not."]),
    ("Was it safe? Yes! It was.", ["Was it safe?", "Yes!", "It was."]),
    ("Background\nPain is common.", ["Background", "Pain is common."]),
    ("The odds ratio was 2.1 (95% CI 1.2 to 3.4). 45% responded.", ["The odds ratio was 2.1 (95% CI 1.2 to 3.4).", "45% responded."]),
])
def test_splitter_handles_biomedical_punctuation(text, expected):
    assert split_sentences(text) == expected


def test_splitter_unbalanced_parenthesis_does_not_block_later_splits():
    assert split_sentences("A (first. Second one. Third one.") == ["A (first.", "Second one.", "Third one."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.,()?!\n12%e.g")), max_size=120))
def test_splitter_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = split_spans(text)
    last = -1
    for a, b in spans:
        assert 0 <= a < b <= len(text) and a >= last
        assert text[a:b] == text[a:b].strip()
        last = b
    # nothing but whitespace is lost between spans
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_splitter_does_not_split_after_drs():
    assert split_sentences("Drs. Smith and Jones received fees. Nothing else.") == ["Drs. Smith and Jones received fees.", "Nothing else."]


def test_splitter_finds_the_word_before_a_full_stop_in_a_long_line():
    text = "x" * 5000 + " as in e.g. Walking improved. Pain fell."  # "e.g." is no sentence end, "improved." is
    assert split_sentences(text) == [text[:-len(" Pain fell.")], "Pain fell."]
