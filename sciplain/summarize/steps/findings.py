"""Step "key_findings": 3–5 results and conclusions sentences, each rewritten plainly and
linked to the sentence it came from (``source_sentences``) so an editor can verify it.

Besides the shared plain rewrite, this module holds what every reader-facing text
built from source sentences needs (the research summary uses it too): the authors'
"we" in the third person, the certainty of the evidence kept in plain words when
the statistics that carried it are removed, and extra shortening at clause
boundaries, because a finding a patient cannot read is no finding at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..clauses import CLAUSE_FOLLOWS, drop_frame, ends_a_list, has_verb, hedged
from ..design import design_kind
from ..doc import Doc, Sentence
from ..pipeline import step
from ..plain import rewrite, strip_statistics
from ..textutil import (
    HEDGE,
    capitalise,
    ensure_period,
    has_negation,
    has_quantity,
    lower_case_pattern,
)
from ..types import KeyFinding

# "differ", "differed", "were different", "different from": not "different" alone ("binder of different shares of cement")
EFFECT = re.compile(r"\b(?:improv|increas|decreas|reduc|lower|higher|greater|fewer|associat|differ(?!ent\b)|"
                    r"(?:was|were|is|are) (?:\w+ )?different\b|different (?:from|than)\b|benefit|effective|"
                    r"better|worse|rose|fell|declin|restor|promot|prevent|enhanc|inhibit|attenuat|protect|recover|"
                    r"correlat|predict|no (?:significant|clear|evidence)|did not|was not|were not|not (?:significantly|associated)|"
                    r"found|showed|safe|tolerat|risk)\w*", re.IGNORECASE)
DESCRIPTIVE = re.compile(r"^(?:(?:here(?:in)?,? )?we (?:will|(?:also |briefly |first |then |further |specifically |finally )?"
                         r"(?:discuss|review|summari[sz]e|highlight|propose|describe|outline|introduce))|"
                         r"we (?:included|report|describe|present|identified \d+|searched)|a total of|"
                         r"(?:this|the|our) (?:paper|report|article|review|commentary|chapter) (?:describes|reports|discusses|reviews|"
                         r"summari[sz]es|presents|outlines|highlights)|the (?:included )?(?:studies|trials) (?:were|included)|there were (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?!(?:more|fewer|less)\b)|"
                         r"(?:\w+ ){0,2}(?:studies|trials|rcts)\b[^.;]{0,120}\b(?:were|was) included\b|"
                         r"the (?:main |primary )?(?:aim|objective|purpose|goal) of (?:the|this|our) (?:research|study|work|paper|trial) (?:was|is)\b|"
                         r"\w+ (?:studies|trials) (?:met|satisfied|fulfilled|were included|compared|assessed|evaluated|examined|looked at|tested|investigated)\b|"
                         r"\w+ (?:study|trial|studies|trials) did not report\b|the doses? (?:of [\w-]+ )?(?:tested|used|given|studied) (?:were|was|ranged)\b|of the \d+|data (?:were|from)|the mean age|the median age|"
                         r"most (?:studies|trials)|many studies|the quality|the risk of bias|overall risk of bias|"
                         r"(?:this|the) (?:update|review|search) (?:included|identified|found)|(?:in total, )?(?:this|the|our) (?:updated )?review (?:now )?(?:contains|includes) (?:only )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)|\w+ (?:new )?(?:studies|trials) (?:were|was) added|"
                         r"the (?:duration|length) of (?:treatment|follow-up|the (?:studies|trials|interventions)) (?:varied|ranged)|"
                         # anywhere in the sentence (one ".*" for all: each costs a scan): how the search went, not what it
                         # found ("we screened 300 titles", "347 possible titles"; "Of 1,000 children screened, 5% had scoliosis"
                         # is a finding: only a search's screening counts), an update's bookkeeping, what a paper reviews
                         r".*\b(?:screened \d[\d,]* (?:titles|records|abstracts|citations|references|reports|articles|studies)|"
                         r"no new (?:studies|trials) were (?:found|identified|included)|conclusions? (?:remains?|are|is) unchanged|"
                         r"will be (?:included|incorporated|assessed|considered) in (?:an|the|a future|the next) update|"
                         r"(?:is|are) (?:reviewed|discussed|summari[sz]ed|outlined) in this (?:article|paper|review|chapter)|"
                         r"(?:titles|records|abstracts|citations) (?:and abstracts )?were screened|"
                         r"(?:possible|potential|potentially relevant) (?:titles|records|citations|studies)|"
                         r"titles and abstracts|removal of duplicates|duplicat(?:es|ions) (?:were )?removed|"
                         r"\d[\d,]* (?:references|records|citations) (?:remained|were (?:identified|retrieved|found))|imported into endnote|"
                         r"of [\d,]+ (?:\w+ )?(?:citations|records|references|titles)\b)\b)",
                         re.IGNORECASE)


_DESCRIPTIVE_LOWER = lower_case_pattern(DESCRIPTIVE.pattern)
_EFFECT_LOWER = lower_case_pattern(EFFECT.pattern)


@lru_cache(maxsize=8192)
def is_descriptive(text: str) -> bool:
    """``DESCRIPTIVE.search(text)``, cached (the same sentence is asked as a finding, a meaning and a conclusion)
    and, for ASCII text, run case-sensitively on the lower-cased text, which is twice as fast and the same."""
    return bool(_DESCRIPTIVE_LOWER.search(text.lower()) if text.isascii() else DESCRIPTIVE.search(text))


@lru_cache(maxsize=8192)
def states_an_effect(text: str) -> bool:
    """``EFFECT.search(text)``, cached and lower-cased as ``is_descriptive`` is."""
    return bool(_EFFECT_LOWER.search(text.lower()) if text.isascii() else EFFECT.search(text))


LOW_VALUE = re.compile(r"\b(?:risk of bias|quality of (?:the )?evidence|certainty of (?:the )?evidence|were at (?:high|low|unclear) risk|GRADE|"
                       r"heterogeneity|I2|I²|statistical variation|interpreted with caution|concerns about applicability)\b", re.IGNORECASE)
# What was done rather than what was found: "Mice received X for 14 days", "Samples were collected at …",
# "We measured …", "The cohort consisted of 30 eyes", or what the paper does ("Treatment options are discussed").
# Without a result cue (``EFFECT``) such a sentence is a method.
METHOD = re.compile(r"\b(?:received|underwent|(?:was|were) (?:also |then |further |first |finally |subsequently )?(?:randomi[sz]ed|(?:randomly )?(?:assigned|allocated)|recruited|enrolled|"
                    r"divided|given|fed|injected|exposed|sampled|collected|measured|taken|recorded|prepared|applied|used|performed|"
                    r"conducted|carried out|designed|defined|extracted|administered|analy[sz]ed|calculated|treated|followed|"
                    r"implanted|constructed|selected|evaluated|assessed|examined|tested|obtained|secured|ventilated|screened)|"
                    r"(?:consisted|comprised) of \d|comprised \d|"
                    r"we (?:studied|analy[sz]ed|measured|used|applied|performed|conducted|developed|made|recruited|enrolled|"
                    r"searched|examined|investigated|assessed|evaluated|tested|constructed|collected|designed|combined|"
                    r"(?:have )?also made|then develop))\b|\b(?:are|is) (?:discussed|described|reviewed|presented)\.?$", re.IGNORECASE)


def reports_a_method(text: str) -> bool:
    """Whether a sentence says what was done and not what came of it: no finding, however many numbers it has."""
    return bool(METHOD.search(text)) and not states_an_effect(text)


# A journal's notes that the splitter leaves in the abstract ("doi: 10.1002/… For further resources … please visit …").
# A journal's notes, and sentences that point to another paper for what the data mean ("see Dimter et al.",
# "The data set refers to '…' by Zhou et al.", "Interpretation of this data can be found in a research article …").
BOILERPLATE = re.compile(r"\bdoi:\s*10\.|\bplease (?:visit|see)\b|\bfor further resources\b|^from the (?:clinical )?editor:|"
                         r"\bsee [^.]{0,80}\bet al\b|\bdata(?: set)? (?:refers?|relates?) to\b|"
                         r"\b(?:can|may) be found in (?:a|the|our) (?:research |companion |related )?(?:article|paper)\b",
                         re.IGNORECASE)
# Designs whose abstract states its points as background-like statements rather than as results.
STATEMENT_DESIGNS = frozenset({"narrative review", "guideline"})
READING_WEIGHT = 2.0  # how much plainness counts against relevance when ranking eligible sentences
# Three findings always (when there are three); a fourth and a fifth only when they read no harder than this
# (a sentence of 25 words averaging 6 letters): the research summary holds the detail of the harder ones.
EXTRA_FINDING_LOAD = 1.5


def reading_load(text: str) -> float:
    """How much harder than plain prose a sentence reads (0 for short words in short sentences):
    among sentences that say something, the plainer make better findings."""
    words = text.split()
    if not words:
        return 0.0
    letters = sum(len(w) for w in words) / len(words)
    return max(0.0, letters - 5.0) + max(0, len(words) - 20) / 10


_DIGIT = re.compile(r"\d")
# "This did not translate into …", "It was higher in …": a sentence that leans on the one before it for its subject
# says nothing on its own. "This study", "These results" and the like name what they refer to.
ANAPHORIC = re.compile(r"^(?:(?:however|but|and|thus|moreover|furthermore),?\s+)?(?:this|these|it|they|such)\s+"
                       # "It is uncertain whether …", "It appears that …": "it" stands for nothing there
                       r"(?!(?:is|was|appears|seems|remains|may be|might be|would be|could be|will be|has been)\s+(?:\w+\s+)?"
                       r"(?:that|whether|uncertain|unclear|clear|important|possible|likely|unlikely|difficult|necessary|"
                       r"essential|recommended|advisable|not|too early|evident|known|hoped|expected)\b|appears\b|seems\b)"
                       r"(?!(?:study|studies|review|"
                       r"trial|trials|work|analysis|analyses|findings?|results?|data|paper|article|approach|method|model|models|case|"
                       r"cases|report|research|strategy|technique|tool|observations?|cohort|survey|experiments?|"
                       r"evidence|outcome|outcomes|treatment|intervention|therapy|drug|program(?:me)?|protocol|system|test|"
                       r"device|effect|effects|association|link|difference|differences|increase|decrease|reduction|"
                       r"improvement|change|changes|pattern|patterns|process|mechanism|group|groups|patients|people|"
                       r"participants|mice|rats|animals|cells|genes?|proteins?|is because)\b)", re.IGNORECASE)
_WANTS_MORE = re.compile(r"\b(?:further|future) (?:research|studies|trials)|\bare needed\b|\bwarrant", re.IGNORECASE)


def score(sentence: Sentence, design: str = "") -> float:
    text = sentence.text
    s = {"results": 2.0, "conclusions": 1.2}.get(sentence.role, 0.0)
    if sentence.role in ("background", "methods") and design in STATEMENT_DESIGNS:
        s += 0.5
    effect = states_an_effect(text)
    if effect:
        s += 1.5
    if _DIGIT.search(strip_statistics(text)):
        s += 0.5
    words = len(strip_statistics(text).split())
    if words < 6:
        s -= 3
    if words > 45:
        s -= 1
    low = text.lower()
    # ``reports_a_method``, with the EFFECT search above reused
    if is_descriptive(text) or _may(low, _BOILERPLATE_HINTS) and BOILERPLATE.search(text) or states_statistics(text) \
            or not effect and METHOD.search(text):
        s -= 4
    if _may(low, _LOW_VALUE_HINTS) and LOW_VALUE.search(text):
        s -= 1.2
    if ANAPHORIC.match(text):
        s -= 1.5
    if _may(low, _WANTS_MORE_HINTS) and _WANTS_MORE.search(text):
        s -= 1
    return s


# Substrings of the lower-cased sentence without one of which the pattern cannot match: a cheap test first
# (these searches ran over every sentence of every pool, and most fail).
_BOILERPLATE_HINTS = ("doi", "please", "further resources", "editor", "see ", "data", "found in")
_LOW_VALUE_HINTS = ("bias", "quality of", "certainty of", " risk", "grade", "heterogeneity", "i2", "i²", "statistical variation",
                    "caution", "applicability")
_WANTS_MORE_HINTS = ("further", "future", "needed", "warrant")


def _may(low: str, hints: tuple[str, ...]) -> bool:
    return any(map(low.__contains__, hints))


_STATISTIC_NAME = re.compile(r"\b(?:(?i:(?:odds|risk|hazard|rate) ratios?|mean differences?|relative risks?|risk differences?)|"
                             r"a?ORs?|RRs?|HRs?|IRRs?|S?MDs?|RDs?)\b")


_DECIMAL = re.compile(r"\d\.\d")


def states_statistics(text: str) -> bool:
    """Whether a sentence is still statistics once they are stripped: a named ratio with its value as
    subject or object ("The pooled risk ratio for death was 1.02") cannot be cut out cleanly and
    means nothing to a reader, so it makes no finding."""
    plain = strip_statistics(text)
    return bool(_DECIMAL.search(plain) and _STATISTIC_NAME.search(plain))  # the quick test first


def _pool(sentences: list[Sentence], design: str) -> list[Sentence]:
    """Results and conclusions; when there are too few, methods sentences that state a result (the role
    decoder reads some results as methods: "Upon infection, p32 was linked to X") and, for a narrative
    review or a guideline, whose points read like background, all but the opening sentence make up the
    rest. A method is never a finding: fewer findings beat "Mice received X for 14 days" as one."""
    pool = [s for s in sentences if s.role in ("results", "conclusions")]
    if len(pool) < 3:
        pool += [s for s in sentences if s.index > 0 and (
            s.role in ("methods", "limitations") and states_an_effect(s.text) and not METHOD.search(s.text)
            or s.role == "background" and design in STATEMENT_DESIGNS)]
    return pool


def ranked(sentences: list[Sentence], design: str = "") -> list[tuple[Sentence, float]]:
    """The sentences that may be key findings, best first, each with its ``reading_load``: relevance decides what
    may be a finding; among those, plainer sentences rank higher."""
    pool = _pool(sentences, design)
    out = []
    for s in pool:
        relevance = score(s, design)
        if relevance > 0:
            load = reading_load(strip_statistics(s.text))
            out.append((s, relevance - READING_WEIGHT * load, load))
    out.sort(key=lambda t: (-t[1], t[0].index))
    return [(s, load) for s, _, load in out]


def pick(candidates: list[tuple[Sentence, float]], limit: int = 5, extra_load: float = EXTRA_FINDING_LOAD) -> list[Sentence]:
    """From ``ranked`` candidates, the key findings' sentences in the abstract's order: at most four results and at
    least one conclusion when there is one; past the best three, only those whose load is at most ``extra_load``."""
    chosen = [s for s, _ in candidates[:3]] + [s for s, load in candidates[3:limit] if load <= extra_load]
    results = [s for s in chosen if s.role == "results"][:4]
    conclusions = [s for s in chosen if s.role != "results"][: max(1, limit - len(results))]
    picked = (results + conclusions)[:limit]
    return sorted(picked, key=lambda s: s.index)


def choose(sentences: list[Sentence], limit: int = 5, design: str = "") -> list[Sentence]:
    return pick(ranked(sentences, design), limit)


# --- the authors' voice -------------------------------------------------------------------------------

_HERE_WE = re.compile(r"(?:^|(?<=[.!?] ))(?:Here(?:in)?|In this (?:study|paper|review|article|work|report)|Finally|First|Second|Third),?\s+(?=we\b)",
                      re.IGNORECASE)
_OUR_KNOWLEDGE = re.compile(r"\bto our knowledge\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ourselves)\b", re.IGNORECASE)


def authors(design: str) -> str:
    """Who "we" are to a reader: the authors of a review, the researchers of a study."""
    return "the authors" if design_kind(design) == "review" else "the researchers"


def third_person(text: str, who: str = "the researchers") -> str:
    """The authors' "we" and "our" as a reader hears them: "We highlight X" -> "The authors highlight X",
    "our results" -> "the results". "US" (the country) is left alone: only lower-case "us" is a pronoun."""
    low = text.lower()
    if not ("we" in low or "our" in low or "us" in low) or not _FIRST_PERSON.search(text):  # the quick test first
        return text
    text = _OUR_KNOWLEDGE.sub(lambda m: ("T" if m.group(0)[0] == "T" else "t") + "o the authors' knowledge", text)
    text = _HERE_WE.sub("", text)

    def sub(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if low == "us" and word != "us":
            return word
        plain = {"we": who, "us": who, "our": "the", "ourselves": "themselves"}[low]
        at_start = not m.string[: m.start()].strip() or m.string[: m.start()].rstrip()[-1] in ".!?"
        return capitalise(plain) if word[0].isupper() or at_start else plain

    return _FIRST_PERSON.sub(sub, text)


# --- certainty of the evidence -------------------------------------------------------------------------

# Cochrane prints its hyphens as U+2010 ("low‐certainty") as often as "-".
_HYPHEN = "[-\u2010\u2011 ]"
_LEVEL = rf"(very{_HYPHEN}low|low|moderate|high)"
# "high-quality trials are needed" is a wish, not a grade: a grade is of the evidence, or stands alone ("(low quality)").
CERTAINTY = re.compile(rf"\b{_LEVEL}{_HYPHEN}(?:certainty|quality)\b(?!{_HYPHEN}*(?:randomi|trials?\b|studies|stud(?:y|ies)\b|research|rcts?\b|"
                       rf"data\b|clinical|controlled|prospective|observational|cohort|evaluations?|reporting|methods?))"
                       # a grade is of evidence, or stands alone: "(low quality)", "low-quality evidence"; not "high quality speech"
                       rf"(?=\s*(?:evidence|of (?:the )?evidence|[),;:.\]]|$|and\b|to\b|or\b))|"
                       rf"\bcertainty of (?:the )?evidence (?:was|is|as) {_LEVEL}\b|"
                       rf"\bevidence (?:was |is )?of {_LEVEL} (?:certainty|quality)\b", re.IGNORECASE)
_INLINE_CERTAINTY = re.compile(rf"\b{_LEVEL}{_HYPHEN}(?:certainty|quality) (?:of )?evidence\b", re.IGNORECASE)
_LEVEL_HYPHENS = re.compile(r"[-\u2010\u2011]")


def _level(found: str) -> str:
    """"Very‐low" -> "very low"."""
    return _LEVEL_HYPHENS.sub(" ", found.lower())


STRENGTH = {"high": "strong", "moderate": "moderate", "low": "weak", "very low": "very weak"}
_WEAKEST_FIRST = ("very low", "low", "moderate", "high")
_SAYS_STRENGTH = re.compile(r"\b(?:weak|strong|moderate) evidence\b|\bevidence (?:for this )?(?:is|was)\b|\b(?:un)?certain(?:ty)?\b",
                            re.IGNORECASE)


def _grades(text: str) -> bool:
    low = text.lower()
    return "certainty" in low or "quality" in low


def certainty_levels(text: str) -> list[str]:
    """GRADE levels named in ``text``, weakest first ("very low", "low", "moderate", "high")."""
    if not _grades(text):
        return []
    found = {_level(next(g for g in m.groups() if g)) for m in CERTAINTY.finditer(text)}
    return [level for level in _WEAKEST_FIRST if level in found]


def plain_certainty(text: str) -> str:
    """"low-certainty evidence" -> "weak evidence": the GRADE term in words a reader knows."""
    if not _grades(text):
        return text
    return _INLINE_CERTAINTY.sub(lambda m: STRENGTH[_level(m.group(1))] + " evidence", text)


_TRAILING_STRENGTH = re.compile(r"\.?[,;]\s+((?:very weak|weak|moderate|strong)(?: to (?:very weak|weak|moderate|strong))?) evidence\.?$")


def keep_certainty(text: str, source: str) -> str:
    """``text`` with the certainty its source stated, when rewriting removed it.

    "(MD -1.2, 95% CI …; low-certainty evidence)" goes with the statistics, which would
    turn a hedged Cochrane finding into a plain fact: the finding then says "The evidence
    for this is weak." (or "weak to moderate" when its source grades several outcomes), a
    sentence of its own so that the finding's own sentence does not grow longer."""
    text = plain_certainty(text)
    # "…higher in the training group, very weak evidence." reads as a sentence of its own
    text = _TRAILING_STRENGTH.sub(lambda m: f". The evidence for this is {m.group(1)}.", text)
    levels = certainty_levels(source)
    if not levels or _SAYS_STRENGTH.search(text) or certainty_levels(text):  # "… of only moderate quality" says it already
        return text
    strength = STRENGTH[levels[0]] if len(levels) == 1 else f"{STRENGTH[levels[0]]} to {STRENGTH[levels[-1]]}"
    return f"{ensure_period(text)} The evidence for this is {strength}."


# --- shorter sentences ---------------------------------------------------------------------------------

_LEFTOVER_STAT = re.compile(r"[=<>≤≥]\s*[-−]?\d|\b(?:(?:odds|risk|hazard|rate) ratios?|ORs?|RRs?|HRs?)\s+[-−‐]?\d|^\W*%\W*$")
_COLON_PERCENT = re.compile(r"\s*:\s*%")
_PIECES = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|:\s+|;\s+")
_DASH_ASIDE = re.compile(r"\s*[—–]\s*[^—–.]{3,80}?\s*[—–]\s*")
_LEAD_WORDS = (r"(?:(?:by )?using|based on|starting from|through|via|mechanistically|specifically|in particular|in addition|additionally|"
               r"importantly|notably|interestingly|overall|together|taken together|collectively|consistent with|in line with|"
               r"in (?:agreement|keeping) with|supporting|similar to|as in|as with|"
               r"first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|later|then|moreover|furthermore)\b")
# A lead-in of up to 90 characters; a longer one ("Using a clock plasmid to measure … and electron microscopy to
# define …, we saw …") only when the authors follow as the subject.
_METHOD_LEAD = re.compile(rf"^{_LEAD_WORDS}(?:[^,;.]{{0,90}}|[^;.]{{0,220}}(?=,\s+we\b)),\s+(?=\S)", re.IGNORECASE)
_RESULT_FRAME = re.compile(r"^(?:these|the|our) (?:results|findings|data|experiments) (?:show|showed|demonstrate|demonstrated|reveal|revealed|"
                           r"confirm|confirmed|establish|established) that\s+", re.IGNORECASE)
_DASH = re.compile(r"\s*[—–]\s*|\s+-\s+")
# Runs after the plain rewrite, which has already turned "indicating" into "showing".
_SO_THAT = re.compile(r",\s+(suggesting|showing|implying|confirming|meaning) that\s+", re.IGNORECASE)
_THIS_VERB = {"suggesting": "suggests", "showing": "shows", "implying": "implies", "confirming": "confirms", "meaning": "means"}
# The authors' reading of a result, after it: ", suggesting that …", ", which indicates …", ", consistent with …".
# ", showing …" without "that" often reports a further result (", showing larger lesions"): only "showing that" goes.
_INTERPRETATION = re.compile(r",\s+(?:(?:suggesting|implying|meaning|supporting the (?:idea|notion|view|hypothesis))(?: that)?|"
                             r"(?:showing|confirming) that|pointing to|consistent with|in (?:line|keeping) with|which (?:suggests?|shows?|indicates?|implies|"
                             r"means|supports?|confirms?|points to|may (?:reflect|explain|indicate|suggest)))\s+[^;]+$", re.IGNORECASE)
_TRAILING = re.compile(r",\s+(?:laying|paving|opening|offering|allowing|enabling|thereby|making it possible|highlighting|underscoring|"
                       r"emphasi[sz]ing|stressing)\b[^.;]*(?=[.!?]?$)",
                       re.IGNORECASE)
# ", and the rate was …": a conjunction before a clause with its own subject (see ``CLAUSE_FOLLOWS``).
_NEW_CLAUSE = re.compile(r",\s+(and|but|while|whereas|yet)\s+" + CLAUSE_FOLLOWS, re.IGNORECASE)
# How a result was measured, at the end of a finding: "…, as measured by cleaved caspase-3 levels and TUNEL".
# The plain rewrite has already turned "assessed" into "checked", "determined" into "found" and so on.
_METHOD_TAIL = re.compile(r",?\s+as (?:measured|assessed|checked|determined|found|evaluated|tested|quantified|detected|estimated|"
                          r"judged|shown|indicated|defined|seen|reflected|confirmed) (?:by|using|with|through|via|on|in)\s+[^.;!?]+$",
                          re.IGNORECASE)
_ALTHOUGH = re.compile(r"^(?:Although|Though|While)\s+([^,]{15,}?),\s+(.{15,})$")


def _keeps_meaning(piece: str) -> bool:
    """An aside may go only if it carries no negation, hedge or certainty wording."""
    return not (has_negation(piece) or HEDGE.search(piece) or CERTAINTY.search(piece))


def drop_leftover_statistics(text: str) -> str:
    """Pieces (sentences, or parts after a colon or semicolon) that are still statistics once the
    shared rewrite is done ("n = 3,965, weighted hazard ratio = 1.04") are dropped whole."""
    if "%" in text:
        text = _COLON_PERCENT.sub("", text)
    if not ("%" in text or _DIGIT.search(text)) or not _LEFTOVER_STAT.search(text):  # each statistic has one or the other
        return text
    pieces = [p for p in _PIECES.split(text) if p.strip()]
    kept = [p for p in pieces if not _LEFTOVER_STAT.search(p)]
    return " ".join(ensure_period(capitalise(p.strip())) for p in kept) if kept else text


def without_method_tail(body: str) -> str:
    """A finding without how it was measured (", as measured by …"), when what is left is a sentence of its own
    and the tail holds no quantity, negation or hedge the finding would lose."""
    m = _METHOD_TAIL.search(body)
    if m is None or len(body[: m.start()].split()) < 5 or has_quantity(m.group(0)) or not _keeps_meaning(m.group(0)):
        return body
    return body[: m.start()]


def result_only(body: str) -> str:
    """The result without the authors' reading of it ("X rose, suggesting that Y" -> "X rose"): in a key finding
    the reading belongs to the conclusions. It stays when it holds a number or a negation the finding would lose,
    or when what is left is too short to be a sentence of its own."""
    m = _INTERPRETATION.search(body)
    if m is None or len(body[: m.start()].split()) < 6 or re.search(r"\d", m.group(0)) or has_negation(m.group(0)):
        return body
    return body[: m.start()]


def _shorten_sentence(sentence: str, drop_frames: bool, findings: bool = False) -> str:
    body = sentence.rstrip(".!? ")
    end = sentence[len(body):].strip() or "."
    body = _DASH_ASIDE.sub(lambda m: " " if _keeps_meaning(m.group(0)) else m.group(0), body)
    lead = _METHOD_LEAD.match(body)
    if lead and _keeps_meaning(lead.group(0)) and len(body[lead.end():].split()) >= 5:
        body = capitalise(body[lead.end():])
    if drop_frames:
        body = capitalise(_RESULT_FRAME.sub("", drop_frame(body)))
    else:  # "These results suggest that X rose" -> "X may have risen": the hedge kept in fewer words
        body = hedged(body) or body
    body = _split_at_dash(body)
    trailing = _TRAILING.search(body)
    if trailing and _keeps_meaning(trailing.group(0)) and len(body[: trailing.start()].split()) >= 6:
        body = body[: trailing.start()]
    if findings:
        body = without_method_tail(result_only(body))
    m = _SO_THAT.search(body)
    if m and len(body[: m.start()].split()) >= 5 and len(body[m.end():].split()) >= 4:
        body = f"{body[: m.start()]}. This {_THIS_VERB[m.group(1).lower()]} that {body[m.end():]}"
    m = _ALTHOUGH.match(body)
    if m and len(body.split()) > 16:
        body = f"{capitalise(m.group(1))}. But {m.group(2)}"
    return " ".join(_split_clauses(body).split()) + end


def _split_at_dash(body: str) -> str:
    """"… clearance—the rest is taken care of by …": a lone dash before a clause becomes a sentence break."""
    if "—" not in body and "–" not in body and "-" not in body:  # what ``_DASH`` splits at
        return body
    parts = _DASH.split(body)
    if len(parts) != 2 or len(parts[0].split()) < 6 or not _NEW_CLAUSE.match(", and " + parts[1]):
        return body
    return f"{parts[0]}. {capitalise(parts[1])}"


def _split_clauses(body: str, max_words: int = 14) -> str:
    """Split a long sentence where a conjunction starts a clause with its own subject."""
    if len(body.split()) <= max_words:
        return body
    for m in _NEW_CLAUSE.finditer(body):
        left, right = body[: m.start()], body[m.end():]
        if len(left.split()) >= 6 and len(right.split()) >= 5 and not ends_a_list(left) and has_verb(left):
            right = _split_clauses(right, max_words)
            return f"{left}. {capitalise(right)}" if m.group(1).lower() == "and" else f"{left}. But {right}"
    return body


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def shorten(text: str, drop_frames: bool = True, findings: bool = False) -> str:
    """Shorter sentences that say the same: asides between dashes, method lead-ins ("Using X, …") and
    trailing "…, paving the way for …" go; ", suggesting that X" becomes a sentence of its own
    ("This suggests that X"), or, in a key finding (``findings``), goes (see ``result_only``); "Although X, Y"
    becomes "X. But Y". Negations and hedges always stay; with ``drop_frames`` "The results show that X"
    becomes "X" too."""
    text = drop_leftover_statistics(text)
    sentences = _SENTENCE_BREAK.split(text)
    return " ".join(_shorten_sentence(s, drop_frames, findings) for s in sentences if s.strip())


# The plain rewrite turns "indicated" into "showed"; a frame whose source hedged must stay.
_TENTATIVE_FRAME = re.compile(r"\b(?:indicat|suggest|impl(?:y|ie))\w* that\b", re.IGNORECASE)


def reader_text(rewritten: str, doc: Doc, sources: list[Sentence], findings: bool = False) -> str:
    """A rewritten source text as a reader sees it: shortened (as a key finding with ``findings``), in the third
    person, with the certainty of the evidence its ``sources`` stated kept."""
    source = " ".join(s.text for s in sources)
    tentative = " that" in source.lower() and _TENTATIVE_FRAME.search(source)  # every frame ends in "that"
    out = shorten(rewritten, drop_frames=not tentative, findings=findings)
    out = third_person(out, authors(doc.design))
    return ensure_period(capitalise(keep_certainty(out, source)))


# "But the pupa of the new species …": a key finding stands alone, without the link to the sentence before it.
_LEADING_CONJUNCTION = re.compile(r"^(?:But|And|So|Yet|Also),?\s+(?=\S)")
# A heading-like fragment opens with a noun of action: "Provision of information on …", "Use of …".
_NOMINAL_START = re.compile(r"^(?:[A-Z][a-z]+(?:ion|ment|ance|ence|ity|ing)|Use|Effects?|Comparison|Role) of\b")


@step("key_findings", requires=["sentences", "abbreviations", "design"],
      assigns=["findings", "finding_candidates", "summary.key_findings"])
def key_findings_step(doc: Doc) -> Doc:
    if doc.design == "study protocol":
        doc.findings, doc.finding_candidates, doc.summary.key_findings = [], [], []
        return doc
    candidates_ranked = ranked(doc.sentences, doc.design)
    chosen = pick(candidates_ranked)
    every = pick(candidates_ranked, extra_load=float("inf"))
    findings: list[KeyFinding] = []
    candidates: list[int] = []
    in_every, in_chosen = {s.index for s in every}, {s.index for s in chosen}
    for s in sorted({s.index: s for s in every + chosen}.values(), key=lambda s: s.index):
        plain = rewrite(s.text, abbreviations=doc.abbreviations, resources=doc.resources, level="simple", max_words=16,
                        long_forms=False)
        text = capitalise(_LEADING_CONJUNCTION.sub("", reader_text(plain, doc, [s], findings=True)))
        # too short, a repeat, or no sentence at all ("Provision of information on …" from a list of comparisons)
        if len(text.split()) < 4 or any(f.text == text for f in findings) or not has_verb(text) and (
                _NOMINAL_START.match(text) or len(text.split()) <= 8):  # "More versus fewer home visits."
            continue
        if s.index in in_every:
            candidates.append(s.index)
        if s.index in in_chosen:
            findings.append(KeyFinding(text=text, source_sentences=[s.index]))
    doc.findings = [f.source_sentences[0] for f in findings]
    doc.finding_candidates = candidates
    doc.summary.key_findings = findings
    return doc
