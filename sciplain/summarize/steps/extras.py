"""Steps "limitations", "practical_implications", "categories" and "glossary"."""

from __future__ import annotations

import re
from functools import lru_cache

from ..design import design_kind
from ..doc import Doc
from ..evidence import EVIDENCE_SCALE
from ..pipeline import step
from ..plain import rewrite, strip_statistics
from ..resources import CategoryDef, Resources
from ..roles import states_a_limitation
from ..textutil import PhraseIndex, lower_first, numbers_in, occurs_as_word, word_alternation
from ..types import GlossaryTerm, Implication, Limitation
from .compose import participants_phrase
from .findings import authors, drop_leftover_statistics, plain_certainty, third_person

EVIDENCE_QUALITY = word_alternation(
    "low[- ](?:quality|certainty)", "very low[- ](?:quality|certainty)", "poor[- ](?:quality|certainty)",
    "limited[- ](?:quality|certainty)", "quality of (?:the )?evidence (?:was|is) (?:low|very low|poor|limited)",
    "certainty of (?:the )?evidence (?:was|is) (?:low|very low)", "high risk of bias", "small (?:number of|sample)",
    "insufficient evidence", "evidence (?:is|was|remains) (?:insufficient|limited|weak|uncertain)")
CONTROL = word_alternation("control(?:s|led)?", "placebo", "sham", "usual care", "standard care", "compared (?:with|to)", "versus",
                           r"vs\.?", "comparison group", "wait-?list")
INTERVENTION = word_alternation("treat(?:ed|ment)", "train(?:ed|ing)", "therapy", "intervention", "stimulation", "exercise",
                                "supplement", "administ", "drug", "surgery", "program", end=r"\w*")
SINGLE_CENTRE = word_alternation("single[- ](?:cent(?:er|re)|site|institution|hospital)", "one (?:cent(?:er|re)|hospital|institution|site)")
DURATION_VALUE = re.compile(r"(?P<n>\d+(?:\.\d+)?)[- ]*(?P<unit>hour|day|week|month|year)", re.IGNORECASE)
DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
MAX_GLOSSARY = 12  # words explained under a summary
MAX_ABBREVIATIONS = 6  # of which the paper's own abbreviations


def _stated(doc: Doc) -> list[Limitation]:
    out = []
    for s in doc.sentences:
        if s.role == "limitations" or states_a_limitation(s.text) or (
                s.role in ("results", "conclusions") and EVIDENCE_QUALITY.search(strip_statistics(s.text))):
            # as in the key findings: "very low-certainty evidence" reads "very weak evidence", a ratio left after a
            # colon goes, and "we judged" is "the authors judged"
            text = rewrite(s.text, abbreviations=doc.abbreviations, resources=doc.resources, level="simple", max_words=20)
            text = third_person(drop_leftover_statistics(plain_certainty(text)), authors(doc.design))
            text = re.sub(r"^(?:Limitations?|Study limitations?)[:,]\s*", "", text, flags=re.IGNORECASE)
            if len(text.split()) >= 4:
                out.append(Limitation(text=text[:1].upper() + text[1:], origin="stated"))
                if len(out) == 3:
                    break
    return out


def _inferred(doc: Doc) -> list[Limitation]:
    out: list[str] = []
    kind = design_kind(doc.design)
    p = doc.summary.participants
    text = " ".join(s.text for s in doc.sentences)
    source_numbers = numbers_in(doc.source_text, words=True)
    if kind == "animal":
        species = p.species if p.species and p.species != "animals" else "animals"
        out.append(f"The study was done in {species}. Results in animals often differ in people.")
    elif kind == "lab":
        out.append("The study was done with cells or tissue in a lab. Results may differ in living people.")
    if kind == "human" and doc.design not in ("case report", "study protocol", "qualitative") and p.count and p.count < 30:
        if str(p.count) in source_numbers:
            out.append(f"It was a small study: only {p.count} people took part, so chance may explain some results.")
        else:
            out.append("It was a small study, so chance may explain some results.")
    if doc.design in ("non-randomized controlled trial", "cohort (prospective)", "case series") and INTERVENTION.search(text) and not CONTROL.search(text):
        out.append("There was no comparison (control) group, so it is hard to tell what caused the changes.")
    if doc.design == "non-randomized controlled trial":
        out.append("People were not put into groups by chance, so other differences between groups may explain the results.")
    if doc.design == "cohort (retrospective)":
        out.append("The study looked back at existing records, which can miss or misreport details.")
    if doc.design == "cross-sectional":
        out.append("It looked at one point in time, so it cannot show what causes what.")
    if doc.design == "case report":
        out.append("It describes a single person, so the results may not apply to others.")
    if doc.design == "study protocol":
        out.append("This is a plan: the study has no results yet, and plans can change.")
    if doc.no_studies:
        out.append("The review found no studies to include, so it cannot show whether the treatment works or not.")
    elif doc.design == "narrative review":
        out.append("The authors did not search for studies in a systematic way, so some studies may have been left out.")
    if doc.summary.study_duration and kind == "human":
        m = DURATION_VALUE.search(doc.summary.study_duration)
        if m and float(m.group("n")) * DAYS[m.group("unit").lower()] < 90 and _follow_up_lasted(text, m):
            out.append(f"Follow-up was short ({doc.summary.study_duration}), so long-term effects are unknown.")
    if SINGLE_CENTRE.search(text):
        out.append("It took place at a single centre, so results may differ elsewhere.")
    return [Limitation(text=t, origin="inferred") for t in out]


def _follow_up_lasted(text: str, duration: re.Match) -> bool:
    """Whether the paper says its follow-up lasted this long ("followed up for 6 weeks", "a 4-week follow-up"):
    a treatment of one week whose results came months later is no short follow-up, and a paper that mentions
    follow-up only to count those lost to it has not said how long it was."""
    length = re.escape(duration.group("n")) + r"[- ]*" + duration.group("unit") + r"s?"
    return bool(re.search(rf"\bfollow(?:ed|ing)?(?:[- ]?up)?\b[^.;]{{0,40}}?\b{length}\b|\b{length}[- ]+(?:of\s+)?follow",
                          text, re.IGNORECASE))


@step("limitations", requires=["sentences", "design", "summary.participants", "summary.study_duration", "no_studies"],
      assigns=["summary.limitations"])
def limitations_step(doc: Doc) -> Doc:
    doc.summary.limitations = _stated(doc) + _inferred(doc)
    return doc


TARGET = word_alternation("therapeutic target", r"target for (?:\w+ ){0,3}(?:therap|treatment|intervention)", "novel target",
                          "potential target", "promising (?:target|strategy|approach|candidate)",
                          "new (?:therapeutic|treatment) (?:strategy|approach)", "therapeutic (?:potential|strategy|approach)", end=r"\w*")
EXERCISE = word_alternation("exercise", "training", "treadmill", "walking", "physical activity", "rehabilitation", "physiotherapy",
                            "physical therapy", "cycling", "strength")
WEAK_EVIDENCE = word_alternation("insufficient", "uncertain", "unclear", "low[- ]quality", "very low", "low[- ]certainty",
                                 "no (?:clear )?evidence", "not enough evidence", "limited evidence", "inconclusive")
DEVICE = word_alternation("stimulation", "device", "exoskeleton", "implant", "brain-computer", "robot", end=r"\w*")


@step("practical_implications", requires=["design", "species", "sentences", "abbreviations", "summary.participants", "summary.evidence_level",
                                        "no_studies"],
      assigns=["summary.practical_implications"])
def implications_step(doc: Doc) -> Doc:
    kind = design_kind(doc.design)
    concl = " ".join(s.text for s in doc.by_role("conclusions", "results"))
    items: list[Implication] = []
    if kind == "animal":
        items.append(Implication(title="Tested only in animals so far", text="These results come from animals. They need to be tested in people before anyone can say whether they help patients."))
    elif kind == "lab":
        items.append(Implication(title="Lab research only", text="This work was done with cells in a lab. It is an early step, years away from any treatment."))
    elif doc.design == "study protocol":
        items.append(Implication(title="Results to come", text="This paper sets out how a study will be run. It does not say yet whether the treatment works."))
    if TARGET.search(concl) and kind in ("animal", "lab", "other"):
        items.append(Implication(title="Therapeutic target", text="The authors suggest this could be a target for future treatments. It is not a treatment yet."))
    if doc.no_studies:
        items.append(Implication(title="No answer yet", text="No studies on this question could be found, so nobody knows yet whether this works. "
                                                             "Studies may be planned or under way."))
    elif kind == "review" and WEAK_EVIDENCE.search(concl):
        items.append(Implication(title="Evidence is still uncertain", text="The studies so far do not give a clear answer. More and better studies are needed."))
    elif kind == "review" and doc.design != "narrative review":
        items.append(Implication(title="What the evidence says", text="This review brings together many studies, which gives a fuller picture than any single study."))
    if kind == "human" and EXERCISE.search(concl + " " + " ".join(s.text for s in doc.by_role("methods"))):
        items.append(Implication(title="Exercise and rehabilitation", text="If this kind of activity interests you, ask your therapist whether it suits your level of injury and health."))
    elif kind == "human" and DEVICE.search(concl):
        items.append(Implication(title="Devices and technology", text="Technologies like this are often available only in research centres. Ask your care team whether any trials are open to you."))
    items = items[:2]
    if not items and doc.summary.evidence_level is not None:
        # Nothing specific to say: say how much weight this kind of study can bear.
        level = doc.summary.evidence_level
        # the scale's examples of a level ("A single case, an expert opinion …") would misname a study of no known type
        explanation = "" if doc.design == "other" else next((text for lv, _, text in EVIDENCE_SCALE if lv == level.level), "")
        strength = level.label.split(":", 1)[-1].strip()  # no "4 of 5" here: F001 allows only the source's numbers
        strength = f"the {strength}" if strength.endswith("est") else strength  # "the weakest evidence"
        items.append(Implication(title="How strong the evidence is",
                                 text=f"This kind of study gives {strength} evidence."
                                 + (f" That level covers {lower_first(explanation)}" if explanation else "")))
    who = participants_phrase(doc) if doc.summary.participants.description else ""
    if len(items) < 2 and who and (kind == "human" or doc.species == "humans") and doc.design not in ("case report", "case series",
                                                                                                     "study protocol"):
        # a reader asks first whether the results are about people like them
        items.append(Implication(title="Who the results apply to",
                                 text=f"The results come from {who}. They may not hold for others who differ from them."))
    items.append(Implication(title="Talk to your care team", text="One study is not enough to change your care. Ask your doctor or therapist what these results mean for you."))
    doc.summary.practical_implications = items[:3]
    return doc


@lru_cache(maxsize=16)
def _category_index(categories: tuple[CategoryDef, ...]) -> tuple[PhraseIndex, list[tuple[str, frozenset[str], tuple[str, ...]]]]:
    """The keywords of every category in one lookup, and each category's lower-cased MeSH terms and keywords."""
    cats = [(cat.slug, frozenset(m.lower() for m in cat.mesh), tuple(k.lower() for k in cat.keywords if k)) for cat in categories]
    return PhraseIndex(k for _, _, keywords in cats for k in keywords), cats


def match_categories(doc_text: str, title: str, mesh: list[str], keywords: list[str], categories: tuple[CategoryDef, ...], limit: int = 4) -> list[str]:
    """Slugs of the categories this paper belongs to: MeSH terms, author keywords and wording, best first."""
    index, cats = _category_index(tuple(categories))
    mesh_l = {m.lower() for m in mesh}
    kw_l = {k.lower() for k in keywords}
    in_text, in_title = index.present(doc_text.lower()), index.present(title.lower())
    scored = []
    for slug, cat_mesh, cat_keywords in cats:
        score = 3 * len(mesh_l & cat_mesh)
        for k in cat_keywords:
            score += 2 * (k in kw_l) + (2 if k in in_title else k in in_text)
        if score >= 2:
            scored.append((-score, slug))
    return [slug for _, slug in sorted(scored)[:limit]]


@step("categories", requires=["sentences"], assigns=["summary.categories"])
def categories_step(doc: Doc) -> Doc:
    resources = doc.resources if isinstance(doc.resources, Resources) else Resources()
    a = doc.article
    doc.summary.categories = match_categories(" ".join(s.text for s in doc.sentences), a.title, a.mesh, a.keywords, resources.categories)
    return doc


def summary_text(doc: Doc) -> str:
    s = doc.summary
    return "\n".join([s.simple_explanation, s.research_summary, *(f.text for f in s.key_findings),
                      *(i.text for i in s.practical_implications), *(lim.text for lim in s.limitations),
                      s.participants.description or "", s.study_duration or ""])


@step("glossary", requires=["summary.simple_explanation", "summary.research_summary", "summary.key_findings",
                            "summary.limitations", "summary.practical_implications"], assigns=["summary.glossary"])
def glossary_step(doc: Doc) -> Doc:
    """Words explained: the paper's own abbreviations that the summary keeps short, then lay-glossary terms.

    Findings and the simple explanation keep a long abbreviation's short form to stay
    readable, so the reader needs its long form here, from the abbreviation the paper defined.
    """
    resources = doc.resources if isinstance(doc.resources, Resources) else Resources()
    text = summary_text(doc)
    terms = [GlossaryTerm(term=short, definition=f"Short for {long}.", origin="paper")
             for short, long in doc.abbreviations.items()
             if occurs_as_word(text, short)][:MAX_ABBREVIATIONS]
    seen = {term.term.lower() for term in terms}
    for _, _, entry in resources.glossary_index.find(text):
        if entry.term.lower() not in seen and entry.definition:
            seen.add(entry.term.lower())
            terms.append(GlossaryTerm(term=entry.term, definition=entry.definition))
    doc.summary.glossary = terms[:MAX_GLOSSARY]
    return doc
