"""Steps "simple_explanation" and "research_summary": text COMPOSED from the analysed parts.

Neither field copies the abstract. The simple explanation follows one fixed
order — what was studied, in whom, what was found, what it means — from short
template sentences filled with rewritten content; the research summary says the
same for clinicians, keeping technical terms but not the statistics.
"""

from __future__ import annotations

import re

from ..abbreviations import expand
from ..design import design_kind
from ..doc import Doc
from ..pipeline import step
from ..plain import apply_glossary, plain_words, rewrite, strip_statistics, tidy
from ..textutil import capitalise, ensure_period, lower_first

DESIGN_PLAIN = {
    "systematic review with meta-analysis": "This was a systematic review with a meta-analysis. The researchers gathered earlier studies and combined their results.",
    "systematic review": "This was a systematic review. The researchers gathered and compared earlier studies.",
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
    "narrative review": "This is a review. It describes earlier research but does not combine the results.",
    "guideline": "This is a guideline written by experts.",
    "study protocol": "This paper describes the plan for a study. It has no results yet.",
    "other": "",
}

MEANING_CAVEAT = {
    "animal": "Results in animals often do not carry over to people. More research is needed before this could help patients.",
    "lab": "Lab results often do not carry over to people. More research is needed before this could help patients.",
    "case report": "This is one person's story, so the results may not apply to others.",
    "case series": "Only a few patients were described, so the results may not apply to everyone.",
    "study protocol": "We will know more when the study reports its results.",
}

AIM_PATTERNS = [
    re.compile(r"^(?:the |our |this )?(?:main |primary |overall |specific )?(?:aims?|objectives?|purposes?|goals?)(?: of (?:this|the|our|the present|the current) (?:[\w-]+ ){0,2}(?:study|work|review|trial|paper|analysis|research|project))?(?: (?:was|were|is|are))? (?:to )(?P<aim>.+)", re.IGNORECASE),
    re.compile(r"^(?:in this (?:study|review|work),? )?we (?:aimed|sought|set out|wanted|intended|aim|seek) to (?P<aim>.+)", re.IGNORECASE),
    re.compile(r"^(?:this|the present|the current|our) (?:[\w-]+ ){0,2}(?:study|review|trial|work|paper|analysis) (?:aimed|aims|sought|seeks|was designed|is designed) to (?P<aim>.+)", re.IGNORECASE),
    re.compile(r"^to (?P<aim>(?:evaluate|assess|determine|investigate|examine|compare|explore|identify|describe|test|estimate|characteri[sz]e|review|summari[sz]e|quantify|understand|establish|develop|measure|find|analy[sz]e|report|provide|document|clarify|elucidate|validate|present)\b.+)", re.IGNORECASE),
]
DID_PATTERN = re.compile(r"^(?:here,? |in this (?:study|review|work|report|paper|article),? |therefore,? |thus,? )?we (?P<verb>hypothesi[sz]ed|tested the hypothesis|investigated|examined|evaluated|assessed|explored|asked|tested|studied|determined|compared|characteri[sz]ed|report|describe|present|reviewed|review|discuss|summari[sz]e|analy[sz]ed|measured)\b(?P<rest>.+)", re.IGNORECASE)
STATEMENT_TITLE = re.compile(r"\b(?:is|are|was|were|can|may|might|does|do|did|has|have|causes?|regulates?|promotes?|reduces?|increases?|"
                             r"improves?|inhibits?|prevents?|predicts?|drives?|controls?|mediates?|enhances?|impairs?|protects?|"
                             r"modulates?|induces?|affects?|alters?|limits?|shows?|reveals?|requires?|triggers?|suppresses?|"
                             r"activates?|confers?|underlies|determines?|contributes?|leads?|restores?|blocks?)\b")
TITLE_DESIGN = re.compile(r"\s*[:.(-]\s*(?:a |an |the )?(?:(?:study )?protocol|(?:systematic |scoping |narrative )?review|meta-analysis|"
                          r"(?:randomi[sz]ed|controlled|pilot|feasibility|prospective|retrospective|multicent(?:er|re)|single-cent(?:er|re)|"
                          r"cross-sectional|cohort|case|observational|clinical|double-blind|placebo-controlled|qualitative)\b).*$", re.IGNORECASE)
LEAD_IN = re.compile(r"^(?:in conclusion|to conclude|in summary|taken together|collectively|overall|together|thus|therefore|hence|finally),?\s+", re.IGNORECASE)


def _plain(text: str, doc: Doc, max_words: int = 14) -> str:
    return rewrite(text, abbreviations=doc.abbreviations, resources=doc.resources, level="simple", max_words=max_words)


QUALIFIER = re.compile(r"\s+(?:using|by (?:means of |using )?|through|with the use of|based on|via|in order to|as (?:measured|assessed) by|"
                       r"and (?:to )?(?:compare|evaluate|assess|determine|examine|explore|identify|investigate|describe|test)|"
                       r"and its (?:effects?|impact|association|relationship)|,\s+(?:as well as|and)\s|as part of|"
                       r",\s+(?:during|which|where|in which|with|whereas|while|as)\s)\b", re.IGNORECASE)


def short_aim(aim: str, limit: int = 14) -> str:
    """Keep the core of a long aim: "evaluate X using Y and compare Z" -> "evaluate X"."""
    if len(aim.split()) <= limit:
        return aim
    m = QUALIFIER.search(aim)
    if m and len(aim[: m.start()].split()) >= 4:
        return aim[: m.start()]
    return aim


def what_was_studied(doc: Doc) -> str:
    for s in doc.by_role("objective") + doc.sentences[:4]:
        text = strip_statistics(s.text).rstrip(". ")
        for rx in AIM_PATTERNS:
            m = rx.match(text)
            if m:
                return _plain("The researchers wanted to " + short_aim(m.group("aim")), doc)
        m = DID_PATTERN.match(text)
        if m:
            verb = m.group("verb").lower()
            if verb.startswith(("hypothesi", "tested the hyp")):
                rest = re.sub(r"^\s*that\s+", "", m.group("rest"))
                return _plain("The researchers tested the idea that " + rest.strip(), doc)
            if verb in ("report", "describe", "present", "review", "discuss", "summarise", "summarize"):
                return _plain("This paper " + {"report": "reports", "present": "presents", "review": "reviews",
                                               "discuss": "discusses"}.get(verb, "describes") + m.group("rest"), doc)
            return _plain("The researchers " + verb + m.group("rest"), doc)
    title = TITLE_DESIGN.sub("", doc.article.title.strip().rstrip("."))
    if not title:
        return ""
    if ":" in title and len(title.split(":")[0].split()) >= 3:
        title = title.split(":")[0]  # "Main topic: a multidimensional scaling analysis of …"
    if title.endswith("?"):
        return _plain("The researchers asked: " + lower_first(title), doc)
    if STATEMENT_TITLE.search(title):
        return _plain("The study's main message is in its title: " + lower_first(title), doc)
    return _plain("This study is about " + lower_first(title), doc)


def who_was_studied(doc: Doc) -> str:
    p = doc.summary.participants
    kind = design_kind(doc.design)
    who = p.description or p.population
    if who:
        who = tidy(re.sub(r"\s*\([^()]*\)", "", who))  # age/sex details stay in the participants field
        who = plain_words(apply_glossary(expand(who, doc.abbreviations), doc.resources))
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
    """Texts of at most ``limit`` words, plainest first (all are faithful: the choice is only about reading)."""
    return sorted((t for t in texts if len(t.split()) <= limit), key=word_length)


def what_was_found(doc: Doc) -> list[str]:
    """Two of the results, the plainest first: every key finding stays in its own field,
    the simple explanation picks the ones a reader can take in."""
    findings = [f.text for f in doc.summary.key_findings]
    results = [f for f, i in zip(findings, doc.findings) if doc.sentences[i].role == "results"] or findings[:-1] or findings
    if not results:
        return []
    chosen = plainest(results[:4])[:2] or [min(results, key=lambda t: len(t.split()))]
    chosen.sort(key=results.index)
    return ["Here is what they found."] + chosen


def what_it_means(doc: Doc) -> list[str]:
    out = []
    used = {i for i in doc.findings if doc.sentences[i].role == "results"}
    conclusions = [s for s in doc.by_role("conclusions") if s.index not in used and
                   not re.search(r"\b(?:further|future|more) (?:research|studies|trials|work)\b|\bare (?:needed|warranted)\b", s.text, re.IGNORECASE)]
    if conclusions and doc.design != "study protocol":
        # The first conclusion that reads plainly in about 25 words, else the shortest.
        candidates = [_plain(LEAD_IN.sub("", strip_statistics(s.text)), doc) for s in conclusions[:3]]
        meaning = next(iter(plainest(candidates)), min(candidates, key=lambda c: len(c.split())))
        if meaning not in what_was_found(doc):
            out.append("What it means: " + lower_first(meaning))
    kind = design_kind(doc.design)
    caveat = MEANING_CAVEAT.get(kind) or MEANING_CAVEAT.get(doc.design)
    if caveat:
        out.append(caveat)
    return out


@step("simple_explanation", requires=["summary.key_findings", "findings", "design", "summary.participants", "abbreviations"],
      assigns=["summary.simple_explanation"])
def simple_explanation_step(doc: Doc) -> Doc:
    parts = [what_was_studied(doc), who_was_studied(doc), DESIGN_PLAIN.get(doc.design, "")]
    parts += what_was_found(doc) + what_it_means(doc)
    doc.summary.simple_explanation = " ".join(ensure_period(p) for p in parts if p and p.strip())
    return doc


def _summary_sentence(text: str, doc: Doc) -> str:
    out = rewrite(text, abbreviations=doc.abbreviations, resources=doc.resources, level="summary")
    return plain_words_light(out)


_LIGHT = re.compile(r"\b(?:utiliz|utilis)(e|ed|es|ation)\b", re.IGNORECASE)


def plain_words_light(text: str) -> str:
    return _LIGHT.sub(lambda m: {"e": "use", "ed": "used", "es": "uses", "ation": "use"}[m.group(1).lower()], text)


@step("research_summary", requires=["sentences", "design", "summary.participants", "summary.study_duration", "findings"],
      assigns=["summary.research_summary"])
def research_summary_step(doc: Doc) -> Doc:
    parts: list[str] = []
    background = doc.by_role("background")
    if background:
        parts.append(_summary_sentence(background[-1].text if len(background) > 1 and "?" not in background[-1].text else background[0].text, doc))
    objective = doc.by_role("objective")
    if objective:
        aim = _summary_sentence(objective[0].text, doc)
        parts.append(re.sub(r"^To ", "The study aimed to ", aim))
    design_bits = f"Design: {doc.design}" if doc.design != "other" else ""
    p = doc.summary.participants
    if design_bits:
        if p.description:
            design_bits += f" of {expand(p.description, doc.abbreviations)}"
        parts.append(ensure_period(design_bits))
        if doc.summary.study_duration:
            parts.append(f"Study length: {doc.summary.study_duration}.")
    results = [doc.sentences[i] for i in doc.findings if doc.sentences[i].role == "results"][:3]
    if not results:
        results = doc.by_role("results")[:2]
    parts += [_summary_sentence(s.text, doc) for s in results]
    conclusions = [s for s in doc.by_role("conclusions")][:2]
    parts += [_summary_sentence(LEAD_IN.sub("", s.text), doc) for s in conclusions]
    text = " ".join(ensure_period(capitalise(p)) for p in parts if p and len(p.split()) >= 3)
    doc.summary.research_summary = text
    return doc
