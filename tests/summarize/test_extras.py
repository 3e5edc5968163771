import pytest

from sciplain.summarize.resources import CategoryDef
from sciplain.summarize.steps.extras import match_categories

from .abstracts import ALL, ANIMAL, CASE_REPORT, COHORT, PROTOCOL, RCT, REVIEW, article


def _limits(offline, a):
    return [(x.origin, x.text) for x in offline.analyse(a).summary.limitations]


def test_limitations_stated_by_authors_are_kept(offline):
    assert ("stated", "The quality of the evidence was low because most trials were small.") in _limits(offline, REVIEW)


@pytest.mark.parametrize("a, fragment", [
    (ANIMAL, "done in mice"),
    (RCT, "single centre"),
    (COHORT, "looked back at existing records"),
    (CASE_REPORT, "single person"),
])
def test_limitations_inferred_from_design(offline, a, fragment):
    assert any(origin == "inferred" and fragment in text for origin, text in _limits(offline, a))


@pytest.mark.parametrize("methods, short", [
    ("Forty adults with chronic SCI were followed up for 6 weeks after training.", True),
    # a week of treatment whose results came months later; follow-up named only to count who was lost to it
    ("Forty adults with chronic SCI were treated for 1 week. One was lost to follow-up.", False),
])
def test_a_short_follow_up_is_inferred_only_from_a_follow_up_the_paper_dates(offline, methods, short):
    a = article("Training after SCI", [("METHODS", methods),
                                       ("RESULTS", "Walking speed improved by 0.2 m/s after 9 months."),
                                       ("CONCLUSIONS", "Training may help walking.")])
    assert any(text.startswith("Follow-up was short") for _, text in _limits(offline, a)) == short


def test_limitations_small_sample_gives_its_size(offline):
    small = article("Pilot", "We aimed to test a program. In this single-arm pilot study, 12 patients with spinal cord injury "
                             "received 6 weeks of training. Pain fell in most patients. The program may help.")
    assert any("only 12 people took part" in text for _, text in _limits(offline, small))
    assert any("no comparison (control) group" in text for _, text in _limits(offline, small))


@pytest.mark.parametrize("name, title", [
    ("animal", "Tested only in animals so far"), ("animal", "Therapeutic target"), ("rct", "Exercise and rehabilitation"),
    ("protocol", "Results to come"), ("review", "Evidence is still uncertain"), ("cohort", "Talk to your care team"),
])
def test_practical_implications_titled_from_design_and_conclusions(offline, name, title):
    titles = [i.title for i in offline.analyse(ALL[name]).summary.practical_implications]
    assert title in titles and 2 <= len(titles) <= 3 and titles[-1] == "Talk to your care team"


def test_practical_implications_fall_back_to_the_strength_of_evidence(offline):
    items = offline.analyse(ALL["cohort"]).summary.practical_implications
    assert items[0].title == "How strong the evidence is" and items[0].text.startswith("This kind of study gives limited evidence.")


@pytest.mark.parametrize("name, slug", [("rct", "walking-mobility"), ("cohort", "bladder-bowel"), ("review", "pain"), ("lab", "regeneration")])
def test_categories_from_mesh_keywords_and_text(offline, name, slug):
    assert slug in offline.analyse(ALL[name]).summary.categories


def test_categories_list_is_injectable():
    cats = (CategoryDef(name="Spasticity", slug="spasticity", keywords=("spasticity", "baclofen")),)
    assert match_categories("Baclofen reduced spasticity.", "Baclofen", [], [], cats) == ["spasticity"]
    assert match_categories("Nothing relevant.", "Other", [], [], cats) == []


def test_categories_accept_objects_with_attributes_from_the_site():
    from sciplain.summarize import summarize

    class SiteCategory:
        def __init__(self, name, slug, keywords):
            self.name, self.slug, self.keywords, self.mesh, self.description = name, slug, keywords, [], ""

    s = summarize(RCT, categories=[SiteCategory("Gait", "gait", "treadmill,walking")])
    assert s.categories == ["gait"]


def test_glossary_lists_terms_found_in_the_final_text(offline):
    terms = {g.term: g.definition for g in offline.analyse(CASE_REPORT).summary.glossary}
    assert "tetraplegia" in terms and terms["tetraplegia"].startswith("Weakness or paralysis")
    assert "contusion" not in terms


def test_glossary_empty_when_no_word_list(standin_resources):
    from sciplain.summarize.backends.offline import OfflineBackend
    from sciplain.summarize.resources import Resources

    assert OfflineBackend(resources=Resources()).summarize(PROTOCOL).glossary == []


def test_categories_score_each_keyword_once_even_when_keywords_overlap():
    cats = (CategoryDef(name="Injury", slug="injury", keywords=("spinal cord injury", "spinal cord")),
            CategoryDef(name="Cord blood", slug="cord-blood", keywords=("cord blood",)),
            CategoryDef(name="Pain", slug="pain", keywords=("pain",), mesh=("Chronic Pain",)))
    # "spinal cord injury" and "spinal cord" both count, 2 each for the title (the text adds nothing more);
    # "cord blood" is not "cord-blood"; MeSH alone scores 3.
    assert match_categories("Spinal cord injury and cord-blood.", "Spinal cord injury", ["chronic pain"], [], cats) == ["injury", "pain"]
    assert match_categories("Cord blood was used.", "Other", [], ["Cord Blood"], cats) == ["cord-blood"]  # keyword + text: 3


def test_glossary_spells_out_the_papers_abbreviations_the_summary_keeps_short(offline):
    cycling = article("Cycling with electrical stimulation after spinal cord injury",
                      "We asked whether functional electrical stimulation cycling (FESC) improves leg strength after "
                      "spinal cord injury. Thirty adults with chronic spinal cord injury did FESC or passive cycling for "
                      "12 weeks. FESC increased leg muscle strength by 25% compared with passive cycling. FESC may help "
                      "people keep their leg muscles.")
    summary = offline.summarize(cycling)
    assert any("FESC" in finding.text for finding in summary.key_findings)  # too long to spell out in the sentence
    terms = {g.term: (g.definition, g.origin) for g in summary.glossary}
    assert terms.get("FESC") == ("Short for functional electrical stimulation cycling.", "paper")
    assert terms.get("spinal cord injury", ("", ""))[1] == "glossary"
    assert not any(c.code == "F009" for c in summary.checks)


def test_the_strength_of_a_narrative_review_reads_as_english(offline):
    from .abstracts import article

    a = article("Cortical reorganization after spinal cord injury: a review",
                [("", "We review how the cortex reorganizes after spinal cord injury. Reorganization varies between people.")])
    items = offline.analyse(a).summary.practical_implications
    assert items[0].text == ("This kind of study gives the weakest evidence. That level covers a single case, an expert "
                             "opinion or a review that does not combine results.")


def test_a_study_of_no_known_type_is_not_described_by_the_scale_s_examples(offline):
    a = article("T", [("", "Arm strength was higher in 12 of 20 people after cycling. Pain scores were lower after cycling.")])
    doc = offline.analyse(a)
    assert doc.summary.study_design == "other"
    item = next(i for i in doc.summary.practical_implications if i.title == "How strong the evidence is")
    assert "single case" not in item.text and item.text.startswith("This kind of study gives")


def test_a_study_in_people_says_whom_its_results_come_from(offline):
    items = {i.title: i.text for i in offline.analyse(COHORT).summary.practical_implications}
    assert items["Who the results apply to"] == (
        "The results come from 318 patients with traumatic spinal cord injury. They may not hold for others who differ from them.")
    # a single case says so in its limitations instead
    assert "Who the results apply to" not in {i.title for i in offline.analyse(CASE_REPORT).summary.practical_implications}
