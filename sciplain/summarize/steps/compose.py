"""Steps "simple_explanation" and "research_summary": text COMPOSED from the analysed parts.

Neither field copies the abstract. The simple explanation follows one fixed
order — what was studied, in whom, what was found, what it means — from short
template sentences filled with rewritten content. The research summary, the
"more detail" layer, says what was asked, who was studied and how ("This was a
prospective cohort study of 212 people …"), the main results, what the authors
conclude (in their voice, hedges kept) and at most one stated limitation; it keeps
technical terms but not the statistics, and never the registration or funding lines.
"""

from __future__ import annotations

import re

from ..abbreviations import LONG_FORM_WORDS, expand
from ..clauses import EVIDENCE_NOUNS, has_verb
from ..design import design_kind
from ..doc import Doc, Sentence
from ..pipeline import step
from ..plain import plain_words, rewrite, strip_statistics, tidy
from ..question import study_question, without_population
from ..readability import measure
from ..roles import states_a_limitation
from ..terms import apply_glossary
from ..textutil import CONTENT_STOP, capitalise, ensure_period, followed_by_boundary, lower_first
from .findings import (
    ANAPHORIC,
    BOILERPLATE,
    LOW_VALUE,
    STATEMENT_DESIGNS,
    authors,
    is_descriptive,
    reader_text,
    reports_a_method,
    third_person,
)

DESIGN_PLAIN = {
    "systematic review with meta-analysis": "This was a systematic review with a meta-analysis. They gathered past studies and combined their results.",
    "systematic review": "This was a systematic review. They gathered and compared past studies.",
    "randomized controlled trial": "This was a randomized controlled trial. People were put into groups by chance.",
    "non-randomized controlled trial": "This was a controlled trial. People were not put into groups by chance.",
    "cohort (prospective)": "The researchers followed a group of people over time.",
    "cohort (retrospective)": "The researchers looked back at records of past patients.",
    "case-control": "The researchers compared people who had a condition with people who did not.",
    "cross-sectional": "The researchers looked at a group of people at one point in time.",
    "case series": "The researchers described a small group of patients.",
    "case report": "This report describes one patient.",
    "qualitative": "The researchers talked with people about their experiences.",
    "animal study": "This was a study in animals, not in people.",
    "in vitro/lab study": "This was a lab study with cells or tissue, not with people.",
    "narrative review": "This is a review. It describes past research but does not combine the results.",
    "guideline": "This is a guideline written by experts.",
    "study protocol": "This paper describes the plan for a study. It has no results yet.",
    "other": "",
}

# A review that found nothing to include, whatever its design: "gathered and compared past studies" would be untrue.
NO_STUDIES_PLAIN = "This was a review. The researchers looked for studies on this question but found none they could include."

MEANING_CAVEAT = {
    "animal": "Results in animals often do not carry over to people. More research is needed before this could help patients.",
    "lab": "Lab results often do not carry over to people. More research is needed before this could help patients.",
    "case report": "This is one person's story, so the results may not apply to others.",
    "case series": "Only a few patients were described, so the results may not apply to everyone.",
    "study protocol": "We will know more when the study reports its results.",
}

NEEDS_RESEARCH = re.compile(r"\b(?:further|future|more|larger) (?:research|studies|trials|work)\b|\b(?:are|is) (?:needed|warranted|required)\b",
                            re.IGNORECASE)
# What a paper offers rather than what its results mean: "The list is available at http://…".
# ("No effective treatment is available" is a meaning: only availability at a place or on request is not.)
NOT_A_MEANING = re.compile(r"https?://|www\.|^for (?:example|instance)\b|\b(?:is|are) (?:current|up to date) (?:up )?to\b|\bup to date as of\b|\b(?:is|are) (?:freely |publicly )?available (?:at|from|online|on request|upon request|"
                           r"for download)\b|\bunchanged from the (?:previous|last|earlier) (?:review|version|update)|"
                           # an update's bookkeeping, not what the evidence means
                           r"\bconclusions? (?:remains?|are|is) unchanged\b|\bno new (?:studies|trials) were (?:found|identified|included)\b",
                           re.IGNORECASE)
LEAD_IN = re.compile(r"^(?:in conclusion|to conclude|in summary|taken together|collectively|overall|together|thus|therefore|hence|finally|"
                     r"mechanistically|moreover|furthermore|additionally|in addition|importantly|notably|interestingly|"
                     r"in particular|specifically|indeed|here|in sum|in short|in brief|all in all|in this (?:study|work|paper|report)|"
                     # a contrast with a sentence that is not there: "The authors conclude that but, …"
                     r"however|nevertheless|nonetheless),?\s+(?=\S)|^(?:but|yet|still),\s+|"
                     r"^(?:it (?:was|is|can be|could be) concluded that|we conclude that)\s+(?=\S)", re.IGNORECASE)


def without_lead_in(text: str) -> str:
    """``text`` without its lead-ins, however many: "In conclusion, it was concluded that X" is "X"."""
    while (rest := LEAD_IN.sub("", text, count=1)) != text:
        text = rest
    return text


def _plain(text: str, doc: Doc, max_words: int = 14) -> str:
    return rewrite(text, abbreviations=doc.abbreviations, resources=doc.resources, level="simple", max_words=max_words,
                   long_forms=False)


def what_was_studied(doc: Doc, question: str) -> str:
    return third_person(_plain(question, doc), authors(doc.design)) if question else ""


_PREDICATE = re.compile(r"\s+(?:will be|were|was|are|is|had|have|underwent|received)\b.*$")


def noun_phrase(who: str) -> str:
    """The participants as a noun phrase: "60 adults with X will be randomly assigned" -> "60 adults with X"."""
    return _PREDICATE.sub("", who)


_ENDS_IN_NUMBER = re.compile(r"\S+ [-−]?\d+(?:\.\d+)?$")


def with_unit(phrase: str, source: str) -> str:
    """``phrase`` with the unit its last number has in ``source``: a participants description cut after "a mean
    duration of 8.8" reads "… of 8.8 weeks", as the abstract says."""
    m = _ENDS_IN_NUMBER.search(phrase)
    unit = m and re.search(re.escape(m.group(0)) + r"(\s*)(%|[A-Za-zµμ][\w/-]*)", source)
    if not unit or unit.group(2).lower() in CONTENT_STOP:  # "aged 45 and older": no unit
        return phrase
    return f"{phrase}{unit.group(1)}{unit.group(2)}"


def names_participants(question: str, description: str | None) -> bool:
    """Whether the question already says who was studied ("This paper describes a 52-year-old woman …")."""
    return bool(description) and noun_phrase(description).split(" ", 1)[-1] in question


def participants_phrase(doc: Doc) -> str:
    """Who was studied as a plain noun phrase for a sentence ("56 outpatients with schizophrenia"), or "".
    Age and sex details "(median age was 35 years)" stay in the participants field; they go before the predicate is cut."""
    p = doc.summary.participants
    described = re.sub(r"\s*\([^()]*\)?", "", p.description or p.population or "")  # "(Median age" the cut left open too
    who = with_unit(noun_phrase(tidy(described)), doc.source_text)
    if not who:
        return ""
    who = expand(_common_start(who, doc.source_text), doc.abbreviations, LONG_FORM_WORDS)
    plain = plain_words(apply_glossary(who, doc.resources))
    return lower_first(plain) if who[:1].islower() else plain  # a swap at the start comes capitalised


def who_was_studied(doc: Doc) -> str:
    kind = design_kind(doc.design)
    who = participants_phrase(doc)
    if doc.design in ("systematic review", "systematic review with meta-analysis"):
        if not who:
            return ""
        return f"They found {who}." if re.search(r"\b(?:stud|trial)", who) else f"The studies they found included {who}."
    if kind == "animal":
        return f"The study used {who}." if who else ""
    if who and kind in ("human", "other"):
        verb = "will include" if doc.design == "study protocol" else "included"
        return f"The study {verb} {who}."
    if kind in ("human", "other") and doc.species == "humans":
        return "The study was done in people."
    if kind == "animal" and doc.species not in ("", "humans"):
        return f"The study was done in {doc.species}."
    return ""


def word_length(text: str) -> float:
    """Mean letters per word: a cheap stand-in for syllables per word, the larger half of FKGL."""
    words = text.split()
    return sum(len(w) for w in words) / max(1, len(words))


def plainest(texts: list[str], limit: int = 25) -> list[str]:
    """Texts of at most ``limit`` words, plainest first (all are faithful: the choice is only about reading).
    Plainest by reading grade, which counts long sentences as well as long words."""
    return sorted((t for t in texts if 0 < len(t.split()) <= limit), key=lambda t: (measure(t).fkgl, word_length(t)))


# A second result joins the simple explanation only when it reads at this grade or below.
SECOND_RESULT_GRADE = 10.0


def what_was_found(doc: Doc) -> list[str]:
    """One or two of the results, the plainest: every key finding stays in its own field, the simple
    explanation keeps what a reader can take in, so a second result comes only when it is plain too."""
    findings = [f.text for f in doc.summary.key_findings]
    results = [f for f, i in zip(findings, doc.findings) if doc.sentences[i].role == "results"] or findings[:-1] or findings
    if not results:
        return []
    # "All three trials were at high risk of bias" reads plainly but says how good the studies were, not what they found
    telling = [f for f, i in zip(findings, doc.findings) if f in results and not LOW_VALUE.search(doc.sentences[i].text)]
    results = telling or results
    plain = plainest(results[:4])
    chosen = plain[:1] + [t for t in plain[1:2] if measure(t).fkgl <= SECOND_RESULT_GRADE]
    chosen = chosen or [min(results, key=lambda t: len(t.split()))]
    chosen.sort(key=results.index)
    lead = "Here are the main points." if doc.design in STATEMENT_DESIGNS else "Here is what they found."
    return [lead] + chosen


def what_it_means(doc: Doc, found: list[str]) -> list[str]:
    """The plainest conclusion that is not already among what was ``found``, then the caveat of the design."""
    out = []
    used = {i for i in doc.findings if doc.sentences[i].role == "results"}
    conclusions = [s for s in doc.by_role("conclusions") if s.index not in used and not NEEDS_RESEARCH.search(s.text)
                   and not is_descriptive(s.text) and not NOT_A_MEANING.search(s.text) and not BOILERPLATE.search(s.text)
                   and not ANAPHORIC.match(without_lead_in(s.text))
                   and not reports_a_method(s.text)]
    if conclusions and doc.design != "study protocol":
        # The conclusion that reads plainest in about 25 words, else the shortest.
        candidates = [reader_text(_plain(without_lead_in(strip_statistics(s.text)), doc), doc, [s]) for s in conclusions[:4]]
        candidates = [c for c in candidates if has_verb(c)] or candidates  # not a fragment: "because of the low risk of X."
        meaning = next(iter(plainest(candidates)), min(candidates, key=lambda c: len(c.split())))
        if meaning not in found:
            out.append("What it means: " + _lower_start(meaning, doc.abstract_text))
    kind = design_kind(doc.design)
    caveat = MEANING_CAVEAT.get(kind) or MEANING_CAVEAT.get(doc.design)
    if caveat:
        out.append(caveat)
    return out


@step("simple_explanation", requires=["summary.key_findings", "findings", "design", "summary.participants", "abbreviations", "no_studies"],
      assigns=["summary.simple_explanation"])
def simple_explanation_step(doc: Doc) -> Doc:
    question = study_question(doc)
    who = "" if names_participants(question, doc.summary.participants.description) else who_was_studied(doc)
    if who.startswith(("The study included", "The study will include", "The study used")):
        question = without_population(question)
    parts = [what_was_studied(doc, question), who, NO_STUDIES_PLAIN if doc.no_studies else DESIGN_PLAIN.get(doc.design, "")]
    found = what_was_found(doc)
    parts += found + what_it_means(doc, found)
    doc.summary.simple_explanation = " ".join(ensure_period(p) for p in parts if p and p.strip())
    return doc


# --- the research summary -----------------------------------------------------------------------------

DESIGN_NOUN = {
    "systematic review with meta-analysis": "a systematic review with meta-analysis", "systematic review": "a systematic review",
    "randomized controlled trial": "a randomized controlled trial", "non-randomized controlled trial": "a non-randomized controlled trial",
    "cohort (prospective)": "a prospective cohort study", "cohort (retrospective)": "a retrospective cohort study",
    "case-control": "a case-control study", "cross-sectional": "a cross-sectional study", "case series": "a case series",
    "case report": "a case report", "qualitative": "a qualitative study", "animal study": "an animal study",
    "in vitro/lab study": "a laboratory study", "narrative review": "a narrative review", "guideline": "a clinical guideline",
}
PRESENT_TENSE = frozenset({"narrative review", "guideline"})  # a review is, a study was
OUTCOME = re.compile(r"\b(?:primary|main) (?:outcome|end ?point)s?(?: measures?)? (?:was|were|will be|is|are|included) (?P<what>[^;]{3,120}?)\.?$",
                     re.IGNORECASE)
# "These results suggest that", "The results of this study show that", "Cross-sectional analyses suggest that"
CONCLUSION_FRAME = re.compile(rf"^(?:(?:[\w-]+ ){{0,3}}?{EVIDENCE_NOUNS}(?: of (?:this|the|our|the present) (?:study|review|trial|work|analysis))?|"
                              r"we|the authors) (?:further |strongly |collectively |also )?(?P<verb>suggest|indicat|show|demonstrat|impl|reveal|"
                              r"conclud|support|propos)\w*(?: the (?:idea|notion|view|hypothesis))? that\s+", re.IGNORECASE)
# A conclusion whose subject is already the study or its results ("These findings establish a link …", "The study
# found no link …") says whose conclusion it is: "The authors conclude that" would only add words.
OWN_SUBJECT = re.compile(rf"^(?:these|this|the|our|the present|such) (?:(?:[\w-]+ ){{0,2}}{EVIDENCE_NOUNS}|model|approach|"
                         r"method|strategy|framework)\b(?! (?:of|in|on|for|from|with|that|which)\b)", re.IGNORECASE)
TENTATIVE = ("suggest", "impl", "support", "propos")  # frames that hedge: the authors "suggest", not "conclude"


def _summary(text: str, doc: Doc, sources: list[Sentence]) -> str:
    """Clinicians' wording: the plain rewrite without the glossary, so technical terms stay while general
    academic words ("utilised", "mortality") and asides go."""
    rewritten = rewrite(text, abbreviations=doc.abbreviations, resources=None, level="simple", max_words=18)
    return reader_text(rewritten, doc, sources)


def _lower_start(text: str, source: str) -> str:
    """Lower-case the first word to follow "that", unless the source capitalises it mid-sentence (a name). A function
    word ("The", "These") is never a name: a source capitalises it after a colon ("Main results: The …")."""
    first = text.split(" ", 1)[0]
    return text if first.lower() not in CONTENT_STOP and _mid_sentence(source, first) else lower_first(text)


def _common_start(text: str, source: str) -> str:
    """A description taken from the start of a sentence ("Normal mice …") as it reads mid-sentence: its first word
    lower-cased only when the source writes that word in lower case too and never capitalises it mid-sentence, so
    that "Swiss, Balb/cJ and IL-4 knockout mice" keeps its name."""
    first = text.split(" ", 1)[0]
    if not (first[:1].isupper() and first[1:].islower()) or _mid_sentence(source, first):
        return text
    low = first.lower()
    return lower_first(text) if _mid_sentence(source, low) else text


def _mid_sentence(source: str, word: str) -> bool:
    r"""Whether ``source`` has " word" ending at a word boundary, not straight after ".", "!" or "?": what
    ``re.search(rf"(?<![.!?]) {re.escape(word)}\b", source)`` says, without a regex compiled per word."""
    needle = " " + word
    start = source.find(needle)
    while start >= 0:
        if not (start and source[start - 1] in ".!?") and followed_by_boundary(source, start + len(needle)):
            return True
        start = source.find(needle, start + 1)
    return False


def research_design(doc: Doc, question: str = "") -> list[str]:
    """"This was a prospective cohort study of 212 people …", the length of the study and its main outcome.
    Participants the question already names ("This paper reports the case of a 34-year-old man …") are not repeated."""
    p, design, future = doc.summary.participants, doc.design, doc.design == "study protocol"
    who = "" if names_participants(question, p.description) else with_unit(noun_phrase(p.description or ""), doc.source_text)
    who = re.sub(r"^one ", "a ", expand(who, doc.abbreviations))
    if design == "study protocol":
        out = [f"This paper describes the plan for a study{' of ' + who if who else ''}. It has no results yet."]
    elif doc.no_studies:
        out = [f"This {'is' if design in PRESENT_TENSE else 'was'} {DESIGN_NOUN.get(design, 'a review')} that found no studies it could include."]
    elif design in DESIGN_NOUN:
        link = " in " if design == "animal study" else " of "
        out = [f"This {'is' if design in PRESENT_TENSE else 'was'} {DESIGN_NOUN[design]}{link + who if who else ''}."]
    else:
        out = [f"The study included {who}."] if who else []
    if doc.summary.study_duration:
        out.append(duration_sentence(doc.summary.study_duration, future))
    # A protocol's plans read as results to the role decoder ("The primary outcome will be …"), so look there too.
    outcome = next((m for s in doc.by_role("methods", "results") if (m := OUTCOME.search(strip_statistics(s.text))) and names_an_outcome(m)), None)
    if outcome:
        what = expand(outcome.group("what"), doc.abbreviations)
        out.append(f"The main outcome {'will be' if future else 'was'} {what}.")
    return out


def names_an_outcome(m: re.Match) -> bool:
    """"The primary outcome was walking speed"; not "the evidence for the primary outcome was of very low certainty"."""
    before = m.string[max(0, m.start() - 8):m.start()]
    return not (before.endswith(("for the ", "on the ")) or m.group("what").startswith("of ")
                or "certainty" in m.group("what") or "quality" in m.group("what"))


def duration_sentence(duration: str, future: bool) -> str:
    """"followed for a median of 4 years", "24-month follow-up", "8 weeks of treadmill training", "14 days" as a sentence."""
    was, lasted = ("will be", "will last") if future else ("were", "lasted")
    if duration.startswith("followed"):
        return f"Participants {was} {duration}."
    if duration.endswith("follow-up"):
        return f"There {'will be' if future else 'was'} a {duration}."
    if " of " in duration:
        return f"It {'will involve' if future else 'involved'} {duration}."
    if re.match(r"\S+-(?:hour|day|week|month|year)\b", duration):  # "24-week treatment period", "6-month program"
        number = duration.split("-", 1)[0]
        article = "an" if number.startswith("8") or number in ("11", "18") else "a"  # "an 8-week", "an 18-month"
        return f"It {'will involve' if future else 'involved'} {article} {duration}."
    return f"The study {lasted} {duration}."


def research_results(doc: Doc, conclusion: Sentence | None) -> list[str]:
    """Up to three main results, the plainest of the results that could be key findings however hard they read
    (the key findings leave out a hard fourth or fifth; this, the detailed layer, may take it when it is plain enough),
    else (a narrative review) its points; none for a protocol, whose "results" are plans."""
    if doc.design == "study protocol":
        return []
    chosen = [doc.sentences[i] for i in doc.finding_candidates]
    results = [s for s in chosen if s.role == "results"] or [s for s in chosen if s is not conclusion] or doc.by_role("results")[:2]
    texts = [_summary(s.text, doc, [s]) for s in results]
    if len(texts) > 3:  # the plainest three, in the abstract's order
        plain = sorted(texts, key=lambda t: measure(t).fkgl or 0.0)[:3]
        texts = [t for t in texts if t in plain]
    return texts


def main_conclusion(doc: Doc) -> Sentence | None:
    """The first conclusion that is neither a call for more research (that one only if there is no other)
    nor a description of the paper ("We also discuss …")."""
    conclusions = [s for s in doc.by_role("conclusions") if not is_descriptive(s.text)]
    return next((s for s in conclusions if not NEEDS_RESEARCH.search(s.text)), conclusions[0] if conclusions else None)


def research_conclusion(doc: Doc, s: Sentence) -> str:
    """"These results suggest that X may …" -> "The authors suggest that X may …": the authors' voice, hedges kept."""
    text = without_lead_in(strip_statistics(s.text))
    if doc.design == "study protocol":
        return _summary(text, doc, [s])
    m = CONCLUSION_FRAME.match(text)
    # "We did not find …" already says who concludes; "That X did not rise suggests Y" opens with a clause that
    # "The authors conclude that" would double ("conclude that that X …").
    if m is None and (re.match(r"(?:we|the authors|the researchers|that)\b", text, re.IGNORECASE) or OWN_SUBJECT.match(text)):
        return _summary(text, doc, [s])
    if m is None:
        return _summary(f"The authors conclude that {_lower_start(text, doc.abstract_text)}", doc, [s])
    verb = "suggest" if m.group("verb").lower().startswith(TENTATIVE) else "conclude"
    return _summary(f"The authors {verb} that {text[m.end():]}", doc, [s])


STUDY_LIMITATION = re.compile(r"\b(?:limitations?|weakness(?:es)?|caveats?) (?:of|in|to) (?:this|the|our|these) (?:present )?(?:study|review|trial|"
                              r"analysis|work|data|findings|results|evidence)|\b(?:the|a|one|another|our) (?:main |major |key |important |"
                              r"potential |further |second )?(?:study )?(?:limitation|weakness)s? (?:is|was|are|were|included|includes)\b|"
                              r"\bstudy limitations?\b|\b(?:this|our|the) (?:study|review|trial|analysis) (?:is|was) limited by\b|"
                              r"\bshould be interpreted with caution\b", re.IGNORECASE)


def research_limitation(doc: Doc) -> str:
    """At most one limitation of the study itself: a sentence under a "Limitations" label, or one that says
    so ("A limitation of this study is …"); "… present major limitations for recovery" is not one."""
    s = next((s for s in doc.by_role("limitations") if "limitation" in s.label.lower() or STUDY_LIMITATION.search(s.text)), None)
    if s is None:
        return ""
    text = _summary(s.text, doc, [s])
    return text if states_a_limitation(text) else "The authors note a limitation: " + _lower_start(text, doc.abstract_text)


@step("research_summary", requires=["sentences", "design", "summary.participants", "summary.study_duration", "finding_candidates",
                                    "no_studies"],
      assigns=["summary.research_summary"])
def research_summary_step(doc: Doc) -> Doc:
    """The "more detail" layer, composed in a fixed order: what was asked, who and how, what was found,
    what the authors conclude, and at most one limitation. Registration and funding lines (role "other")
    never appear; numbers come through exactly as the source gives them."""
    question = study_question(doc, level="summary")
    conclusion = main_conclusion(doc)
    parts = [_summary(question, doc, []) if question else ""]
    parts += research_design(doc, question)
    parts += research_results(doc, conclusion)
    if conclusion is not None:
        parts.append(research_conclusion(doc, conclusion))
    parts.append(research_limitation(doc))
    doc.summary.research_summary = " ".join(ensure_period(capitalise(p)) for p in parts if p and len(p.split()) >= 3)
    return doc
