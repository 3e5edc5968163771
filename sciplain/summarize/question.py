"""What a study asked, as a reader's first sentence: its stated aim, or else its title read as a question.

``study_question`` finds the aim ("To evaluate whether …", "We aimed to …", "Here we
tested whether …") and puts it in a frame per field ("The researchers wanted to …",
"The study aimed to …"). Without one, the title stands in: cut to its own sentence
(no journal label, subtitle or design), in sentence case, and framed by what it is —
a question, a statement ("This study reports that …") or a topic ("This study is
about …"). Nothing here rewrites words; each field rewrites the question at its level.
"""

from __future__ import annotations

import re

from .doc import Doc
from .plain import strip_statistics
from .textutil import capitalise, lower_first

AIM_PATTERNS = [
    re.compile(r"^(?:the |our |this )?(?:main |primary |overall |specific )?(?:aims?|objectives?|purposes?|goals?)(?: of (?:this|the|our|the present|the current) (?:[\w-]+ ){0,2}(?:study|work|review|trial|paper|analysis|research|project))?(?: (?:was|were|is|are))? (?:to )(?P<aim>.+)", re.IGNORECASE),
    re.compile(r"^(?:in this (?:study|review|work),? )?we (?:aimed|sought|set out|wanted|intended|aim|seek) to (?P<aim>.+)", re.IGNORECASE),
    re.compile(r"^(?:this|the present|the current|our) (?:[\w-]+ ){0,2}(?:study|review|trial|work|paper|analysis) (?:(?:was |is )?aimed|aims|sought|seeks|was designed|is designed) to (?P<aim>.+)", re.IGNORECASE),
    re.compile(r"^(?:this|the present|our) (?:[\w-]+ ){0,2}(?:study|trial|review) will (?P<aim>(?:test|assess|evaluate|determine|examine|investigate|compare|explore|establish|measure)\b.+)", re.IGNORECASE),
    re.compile(r"^to (?P<aim>(?:evaluate|assess|determine|investigate|examine|compare|explore|identify|describe|test|estimate|characteri[sz]e|review|summari[sz]e|quantify|understand|establish|develop|measure|find|analy[sz]e|report|provide|document|clarify|elucidate|validate|present)\b.+)", re.IGNORECASE),
]
DID_PATTERN = re.compile(r"^(?:here,? |in this (?:study|review|work|report|paper|article),? |therefore,? |thus,? )?we (?P<verb>hypothesi[sz]ed|tested the hypothesis|investigated|examined|evaluated|assessed|explored|asked|tested|studied|determined|compared|characteri[sz]ed|report|describe|present|reviewed|review|discuss|summari[sz]e|analy[sz]ed|measured)\b(?P<rest>.+)", re.IGNORECASE)
STATEMENT_TITLE = re.compile(r"\b(?:is|are|was|were|can|may|might|does|do|did|has|have|causes?|regulates?|promotes?|reduces?|increases?|"
                             r"improves?|inhibits?|prevents?|predicts?|drives?|controls?|mediates?|enhances?|impairs?|protects?|"
                             r"modulates?|induces?|affects?|alters?|limits?|shows?|reveals?|requires?|triggers?|suppresses?|"
                             r"activates?|confers?|underlies|determines?|contributes?|leads?|restores?|blocks?|balances?|explains?|"
                             r"governs?|orchestrates?|coordinates?|encodes?|boosts?|lowers?|raises?|accelerates?|delays?|disrupts?|"
                             r"facilitates?|defines?|dictates?|influences?|modifies?|maintains?|sustains?|shapes?|links?|binds?)\b")
# After a verb comes its object; after a noun that looks like one, often a preposition ("fluid balances in ICU patients").
_PREPOSITIONS = frozenset({"in", "at", "on", "during", "among", "after", "with", "and", "or", "from", "to", "by", "between",
                           "across", "within", "without", "versus", "vs", "before", "under", "over", "through"})
# A subtitle after a colon, bracket or dash ("X: a randomized trial"); one after a full stop goes with ``title_core``.
TITLE_DESIGN = re.compile(r"\s*[:(-]\s*(?:a |an |the )?(?:(?:study )?protocol|(?:systematic |scoping |narrative )?review|meta-analysis|"
                          r"(?:randomi[sz]ed|controlled|pilot|feasibility|prospective|retrospective|multicent(?:er|re)|single-cent(?:er|re)|"
                          r"cross-sectional|cohort|case|observational|clinical|double-blind|placebo-controlled|qualitative)\b).*$", re.IGNORECASE)
# "A Phase Two Randomised Controlled Double Blind Trial of X versus Y" is about "X versus Y".
TITLE_LEAD = re.compile(r"^(?:a |an |the )?(?:(?:phase|one|two|three|i{1,3}|iv|randomi[sz]ed|controlled|double|single|triple|blind(?:ed)?|"
                        r"double-blind|placebo-controlled|multicent(?:er|re)|pilot|prospective|retrospective|cohort|cross-sectional|"
                        r"clinical|open-label|systematic|narrative|observational|comparative|feasibility|case-control|longitudinal|"
                        r"pragmatic|crossover|cross-over|population-based) ){1,8}(?:trial|study|review|meta-analysis|analysis) "
                        r"(?:of|on|in|comparing|into)\s+(?=\S)", re.IGNORECASE)
# "Calorimetric study of copper binding …" is about "copper binding …": "This study is about calorimetric study of" is no sentence.
TITLE_STUDY_OF = re.compile(r"^(?:a |an |the )?(?:[\w-]+ ){0,2}?(?:study|studies|analysis|analyses|investigation|assessment|evaluation|survey|"
                            r"examination|exploration|characteri[sz]ation) (?:of|on|into)\s+(?=\S)", re.IGNORECASE)

QUALIFIER = re.compile(r"(?<!followed)(?<!caused)(?<!induced)(?<!mediated)(?<!accompanied)\s+(?:using|by (?:means of |using )?|through|with the use of|based on|via|in order to|as (?:measured|assessed) by|"
                       r"and (?:to )?(?:compare|evaluate|assess|determine|examine|explore|identify|investigate|describe|test)|"
                       r"and its (?:effects?|impact|association|relationship)|,\s+(?:as well as|and)\s|as part of|"
                       r",\s+(?:during|which|where|in which|with|whereas|while|as)\s)\b", re.IGNORECASE)


def short_aim(aim: str, limit: int = 14) -> str:
    """Keep the core of a long aim: "evaluate X using Y and compare Z" -> "evaluate X"."""
    if len(aim.split()) <= limit:
        return aim
    m = QUALIFIER.search(aim)
    if m and len(aim[: m.start()].split()) >= 6 and not _ENDS_OPEN.search(aim[: m.start()]):
        return aim[: m.start()]
    return aim


# "the benefit and safety of | using X": after a preposition, an article or a conjunction the "qualifier" is the
# object the phrase needs, and a cut there would leave "… safety of."
_ENDS_OPEN = re.compile(r"\b(?:of|for|in|on|to|with|by|from|at|the|a|an|and|or|between)$", re.IGNORECASE)


# How a title says how the work was done: "… lens sizing based on iris measurements", "… tumor growth through HIF-1".
_TITLE_METHOD = re.compile(r"\s+(?:using|based on|via|through|by means of|with the use of)\s", re.IGNORECASE)


def without_method(title: str, limit: int = 14) -> str:
    """A long title without how the work was done, for patients (the research summary keeps it): "predicting
    annotations of orphan genes using protein interactions" -> "predicting annotations of orphan genes"."""
    if len(title.split()) <= limit:
        return title
    m = _TITLE_METHOD.search(title)
    return title[: m.start()] if m and len(title[: m.start()].split()) >= 6 and not _ENDS_OPEN.search(title[: m.start()]) else title


# How each kind of stated question is put to a reader, per field: patients, then clinicians.
QUESTION_FRAMES = {
    "simple": {"aim": "The researchers wanted to ", "plan": "The researchers want to ", "idea": "The researchers tested the idea that ", "asked": "The researchers asked: ",
               "title": "This study reports that ", "topic": "This study is about "},
    "summary": {"aim": "The study aimed to ", "plan": "The study aims to ", "idea": "The researchers tested the hypothesis that ", "asked": "The study asked: ",
                "title": "The study examined whether ", "topic": "This study is about "},
}
PAPER_VERBS = {"report": "reports", "present": "presents", "review": "reviews", "discuss": "discusses"}


def study_question(doc: Doc, level: str = "simple") -> str:
    """What was asked, from the stated aim ("To evaluate whether …", "We aimed to …", "Here we tested
    whether …") or else from the title; not yet rewritten, so each field can rewrite it at its level."""
    frames = QUESTION_FRAMES[level]
    for s in doc.by_role("objective") + doc.sentences[:4]:
        text = strip_statistics(_OPEN_END.sub("", s.text.rstrip())).rstrip(". ")
        for rx in AIM_PATTERNS:
            m = rx.match(text)
            if m:
                aim = short_aim(purpose_only(m.group("aim")))
                if _POINTS_BACK.match(aim):
                    continue  # "To study this, a protein scaffold … has been designed": the aim is in another sentence
                if level == "simple" and doc.design != "study protocol":
                    aim_plainly = plain_aim(aim)
                    if aim_plainly:
                        return aim_plainly
                return frames["plan" if doc.design == "study protocol" else "aim"] + aim
        m = DID_PATTERN.match(text)
        if m:
            verb = m.group("verb").lower()
            if verb.startswith(("hypothesi", "tested the hyp")):
                return frames["idea"] + re.sub(r"^\s*that\s+", "", m.group("rest")).strip()
            if verb in ("report", "describe", "present", "review", "discuss", "summarise", "summarize"):
                return "This paper " + PAPER_VERBS.get(verb, "describes") + _AND_VERB.sub(_third_singular, m.group("rest"), count=1)
            return "The researchers " + verb + m.group("rest")
    title = sentence_case(TITLE_DESIGN.sub("", TITLE_STUDY_OF.sub("", TITLE_LEAD.sub("", title_core(doc.article.title.strip()).rstrip(".")))),
                          " ".join(s.text for s in doc.sentences))
    if not title:
        return ""
    if ":" in title and len(title.split(":")[0].split()) >= 3:
        title = title.split(":")[0]  # "Main topic: a multidimensional scaling analysis of …"
    if title.endswith("?"):
        return frames["asked"] + lower_first(title)
    if level == "simple":
        title = without_method(title)
    if states_something(title):
        return frames["title"] + lower_first(title)
    return frames["topic"] + lower_first(title)


# An aim that introduces a list given in the sentences after it: "… with effects of their non-PBO equivalent in
# relation to:" reads as a question only without its open end.
_OPEN_END = re.compile(r"(?:\s+(?:in relation to|with respect to|with regard to|regarding|including|such as|as follows|"
                       r"of|for|on|to|in|and|or|the following))+\s*:$", re.IGNORECASE)


# An aim that only points back: "study this", "address these questions", "do so".
# "find such molecules" points back as well: the molecules are named in the sentence before.
_POINTS_BACK = re.compile(r"^(?:\w+\s+){1,2}(?:(?:this|these|that|those|it|them|so)(?:\s+(?:question|questions|issue|issues|gap|problem))?|"
                          r"such\s+[\w-]+)\s*(?:$|,)", re.IGNORECASE)


# "We present and develop the theory": a verb joined to the paper's verb agrees with "This paper" too.
_AND_VERB = re.compile(r"^(\s+and\s+)([a-z]+)(?=\s)")


def _third_singular(m: re.Match) -> str:
    verb = m.group(2)
    if verb.endswith(("s", "ed")):
        return m.group(0)
    if verb.endswith(("sh", "ch", "x", "z")):
        return m.group(1) + verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return m.group(1) + verb[:-1] + "ies"
    return m.group(1) + verb + "s"


# "To find such molecules, we screened …": the purpose ends where the main clause begins.
_MAIN_CLAUSE = re.compile(r",\s+(?:we|the (?:researchers|authors)|(?:the|a|an|this|these|our) (?:[\w-]+ ){0,8}(?:was|were|is|are|has been|have been))\b")


def purpose_only(aim: str) -> str:
    m = _MAIN_CLAUSE.search(aim)
    return aim[: m.start()] if m else aim


# A title's sentence break ("… in 2014. A case report", "GENE SILENCING. Epigenetic …", "… process? Ultrastructure …"):
# after a whole word, not after an abbreviation ("Anopheles gambiae s.s. and its …", "Leishmania spp. DNA", "C. elegans").
_TITLE_BREAK = re.compile(r"(?:(?<=[a-z0-9]{3}[.?!])|(?<=[A-Z]{3}[.?!])|(?<=[?!]))(?<!\bspp\.)(?<!\bssp\.)(?<!\bvar\.)(?<!subsp\.)"
                          r"(?<!\betc\.)(?<!\bsensu\.)\s+(?=[\[\"'“A-Z])")


# A journal's section label before the title: "Introduction: Management of endometriosis: …".
_SECTION_LABEL = re.compile(r"^(?:introduction|editorial|commentary|preface|foreword|guest editorial|invited commentary)\s*:\s+(?=\S)",
                            re.IGNORECASE)


# MEDLINE puts a title translated into English in square brackets: "[Confirmation of an excess of …]."
_TRANSLATED = re.compile(r"^\[([^\[\]]+)\]\.?$")


def title_core(title: str) -> str:
    """The title's own sentence: a journal's section label before it ("GENE SILENCING.") and a subtitle after it
    ("A case report.", "Findings from an evidence synthesis.") go, and so do a translated title's brackets."""
    title = _SECTION_LABEL.sub("", _TRANSLATED.sub(r"\1", title.strip()))
    parts = [p for p in _TITLE_BREAK.split(title) if p.strip()]
    while len(parts) > 1 and parts[0].rstrip(".").isupper():
        parts = parts[1:]
    core = parts[0] if parts else title
    lead = _RHETORICAL_LEAD.match(core)
    return capitalise(core[lead.end():]) if lead else core


# A lead-in that names no subject of its own: in "Beyond infertility: obstetrical complications of endometriosis"
# the study is about what follows the colon ("This study is about beyond infertility" says nothing).
_RHETORICAL_LEAD = re.compile(r"(?:beyond|not (?:just|only)|more than|rethinking|revisiting)\b[^:.?!]{0,40}:\s+(?=\w)",
                              re.IGNORECASE)


_NOT_A_SUBJECT = frozenset({"to", "that", "which", "who", "the", "a", "an", "of", "as", "and", "or", "for", "in", "on", "with",
                            "by", "its", "their", "from", "into", "between", "against", "about"})
_AUX_VERBS = frozenset({"is", "are", "was", "were", "can", "may", "might", "does", "do", "did", "has", "have"})


def states_something(title: str) -> bool:
    """Whether the title is a clause ("Akt controls X") and can follow "This study reports that": a verb of
    ``STATEMENT_TITLE`` with a subject before it. "metabolic control of X", "challenges to vector control using
    nets", "factors that affect chewing" and "lead placement" are nouns or clauses inside a noun phrase."""
    for m in STATEMENT_TITLE.finditer(title):
        before = title[: m.start()].split()
        previous = before[-1].lower() if before else ""
        following = title[m.end():].split(None, 1)
        after = following[0].lower().strip(",.;:") if following else ""
        word = m.group(0).lower()
        if not before or previous in _NOT_A_SUBJECT or after in ("of", "for"):
            continue
        if word not in _AUX_VERBS and after in _PREPOSITIONS and not (word in _CHANGES_WITH and after == "with"):
            continue
        if word not in _AUX_VERBS and not word.endswith("s"):
            # A bare verb ("drive", "control") after a plural or a compound subject, with an object after it.
            plural = previous.endswith("s") and not previous.endswith("ss") or " and " in title[: m.start()]
            if not plural or not after or after.endswith("ing"):
                continue
        return True
    return False


# "Ectopic pregnancy rate increases with the number of oocytes": a change "with" something is a verb's ("fluid
# balances in ICU patients" is a noun's).
_CHANGES_WITH = frozenset({"increases", "reduces", "improves", "lowers", "raises"})


# "To determine whether X" asks a question: said that way it loses the research verb ("wanted to find out whether").
_ASKS = re.compile(r"^(?:determine|assess|evaluate|investigate|examine|explore|test|establish|clarify|understand|ascertain|"
                   r"analy[sz]e|find out|see|know|study|identify|verify|confirm)\s+(?P<rest>(?:whether|if)\s.+)", re.IGNORECASE)


def plain_aim(aim: str) -> str:
    """A stated aim in plain words, or "" when it has no plainer form: "determine whether X" -> "The researchers
    asked whether X"."""
    m = _ASKS.match(aim)
    return "The researchers asked " + m.group("rest") if m else ""


_TITLE_WORD = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)(?![\w-])")
_MID_SENTENCE_NAME = re.compile(r"(?<![.!?:]\s)(?<=\s)([A-Z][a-z]+)(?![\w-])")
# "Indio Mountains Research Station", "Human Microbiome Project": a run of capitalised words ending in one of these.
_PLACE = re.compile(r"(?:[A-Z][a-z]+ ){1,4}(?:University|Hospital|Station|Institute|Cent(?:er|re)|Project|Program(?:me)?|"
                    r"Society|Association|Foundation|Mountains?|River|Lake|Islands?|County|City|State|Province|Region|Registry)\b")


def sentence_case(title: str, source: str) -> str:
    """A Title Case title in sentence case, as a sentence needs it ("Interplay between BRCA1 and RHAMM Regulates
    Polarization" -> "… regulates polarization"). A word the abstract capitalises mid-sentence is a name
    ("Oxytricha", "Parkinson") and stays, as do acronyms, gene names and the names of places and institutions;
    a title in sentence case is left alone."""
    words = _TITLE_WORD.findall(title)
    if len(words) < 3 or len(words) <= len(re.findall(r"(?<![\w-])[a-z]{4,}", title)):
        return title
    names = set(_MID_SENTENCE_NAME.findall(source))
    places = [m.span() for m in _PLACE.finditer(title)]

    def lower(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in places):
            return m.group(1)
        first, *rest = m.group(1).split("-")
        if m.start() != 0:
            first = first if first in names else first.lower()
        return "-".join([first] + [part if part in names else part.lower() for part in rest])  # "Ligand-based discovery"

    return _TITLE_WORD.sub(lower, title)


# A population at the end of the question that the next sentence names anyway ("… in adults with chronic SCI").
_POPULATION_TAIL = re.compile(r"\s+(?:in|among)\s+(?:\w+\s+){0,3}?(?:patients|people|persons|individuals|adults|children|"
                              r"adolescents|men|women|participants|subjects|survivors|veterans|athletes)\b(?:\s+(?:with|who|after)\b[^,;:]*)?$")


def without_population(question: str) -> str:
    """``question`` without a trailing population ("in older adults with X") when at least eight words remain and
    no number goes with it: the sentence on who was studied says it in full."""
    m = _POPULATION_TAIL.search(question.rstrip(". "))
    if m is None or len(question[: m.start()].split()) < 8 or re.search(r"\d", m.group(0)):
        return question
    return question[: m.start()]
