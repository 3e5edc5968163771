import pytest

from sciplain.summarize.plain import apply_glossary, rewrite, split_long, strip_statistics
from sciplain.summarize.textutil import has_negation, numbers_in


@pytest.mark.parametrize("text, expected", [
    ("Pain fell (p < 0.05).", "Pain fell."),
    ("Pain fell (RR 0.73, 95% CI 0.65 to 0.81; N = 3008) in children.", "Pain fell in children."),
    ("Risk rose, p = .03, in men.", "Risk rose, in men."),
    ("Walking improved (95% confidence interval 1.2–3.4).", "Walking improved."),
    ("Survival rose (OR = 2.1).", "Survival rose."),
    ("Scores were higher [mean 3.1 ± 0.4].", "Scores were higher."),
    ("Pain fell in 12 patients (the treated group).", "Pain fell in 12 patients (the treated group)."),
])
def test_plain_strip_statistics_removes_stats_but_not_plain_parentheses(text, expected):
    assert strip_statistics(text) == expected


@pytest.mark.parametrize("text", [
    "Balance did not improve after 8 weeks of training (p = 0.41).",
    "There was no difference in pain between 20 and 25 patients.",
    "Treatment may reduce spasticity in 14 of 21 participants.",
])
def test_plain_rewrite_keeps_numbers_negations_and_hedges(text):
    out = rewrite(text, abbreviations={}, resources=None)
    assert has_negation(out) == has_negation(text)
    assert numbers_in(out) <= numbers_in(text)
    assert ("may" in out) == ("may" in text)


def test_plain_rewrite_expands_abbreviations_and_uses_plainer_words():
    out = rewrite("SCI patients utilized the device and demonstrated improvement.", abbreviations={"SCI": "spinal cord injury"},
                  resources=None)
    assert out == "Spinal cord injury patients used the device and showed improvement."


def test_plain_split_long_sentence_at_clause_boundaries():
    text = ("Walking speed improved in the training group over the eight weeks of the study; "
            "balance scores did not change in either of the two groups at any time.")
    assert split_long(text) == ("Walking speed improved in the training group over the eight weeks of the study. "
                                "Balance scores did not change in either of the two groups at any time.")


def test_plain_glossary_swaps_short_plain_forms_only(standin_resources):
    assert apply_glossary("A contusion of the cord.", standin_resources) == "A bruising injury of the cord."
    assert apply_glossary("Tetraplegia is common.", standin_resources) == "Tetraplegia is common."
    assert apply_glossary("Intermittent catheterization helps.", standin_resources) == "Intermittent catheterization helps."
