import pytest
from textstat.textstat import textstatistics

from sciplain.summarize.readability import measure

TEXTS = [
    "People with a spinal cord injury walked further after training.",
    ("We enrolled 42 adults (mean age 38.5 years). Walking speed rose by 0.12 m/s. "
    "The well-known six-minute walk test didn't change; p = 0.04. Pain fell."),
    ("Intrathecal baclofen reduced spasticity. It's safe. Side-effects were rare, e.g. nausea! "
    "Was it worth it? Most participants said yes… Quality of life improved at 12 months."),
    "Ok. Fine. Short.",
    "Électrothérapie — or “electrical stimulation” — helped 3/4 of the 28 participants.",
    "!!! ...",
]


@pytest.mark.parametrize("text", TEXTS)
def test_readability_figures_equal_textstat(text):
    ts = textstatistics()
    sentences = max(1, ts.sentence_count(text))
    r = measure(text)
    assert r.fkgl == round(float(ts.flesch_kincaid_grade(text)), 1)
    assert r.smog == (round(float(ts.smog_index(text)), 1) if sentences >= 3 else None)
    assert (r.words, r.sentences) == (ts.lexicon_count(text), sentences)


def test_readability_of_empty_text_is_empty():
    assert measure("   ").fkgl is None


def test_hyphenation_shortcut_counts_the_points_pyphen_finds():
    from pyphen import Pyphen

    from sciplain.summarize.readability import _points

    pyphen = Pyphen(lang="en_US")
    words = ["rehabilitation", "electrophysiological", "tetraplegia", "intrathecal", "a", "ab", "straße", "İstanbul",
             "hyperreflexia", "neuromodulation", "x" * 40, "well-known", "electrothérapie"]
    assert [_points(w) for w in words] == [len(pyphen.positions(w)) for w in words]


def test_repeated_texts_are_measured_alike_and_separately():
    first, second = measure("Walking improved after training."), measure("Walking improved after training.")
    assert first == second and first is not second
