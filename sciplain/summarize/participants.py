"""Who was studied and for how long.

Participants: the count, population, species or strain, age and sex as the abstract states them,
so a reader sees "48 adults with chronic incomplete spinal cord injury (aged 18 to 65 years)". A count
is never read out of a strain name (the 6 of "C57BL/6"), a detail is never repeated, and the
population is the describing phrase without the count.

Duration: the length of the intervention and of the follow-up ("12 weeks of robotic gait training,
with follow-up at 6 months"), never time since injury, an age or a search window; None when the
abstract does not say. Every pattern is compiled once, here: the default backend must stay fast.
"""

from __future__ import annotations

import re

from .textutil import TENS, UNITS, parse_count

# "One hundred thirty-two" whole: textutil's WORD_NUMBER stops at "One hundred thirty", which made the count 100
# and the population "thirty-two patients".
_BELOW_100 = (r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(k for k in UNITS if 0 < UNITS[k] < 10) + r"))?|"
              + "|".join(UNITS) + r")")
WORDS = _BELOW_100 + r"(?:[-\s]hundred(?:[-\s](?:and\s)?" + _BELOW_100 + r")?)?"
NUMBER_WORDS = re.compile(WORDS + r"(?![\w-])", re.IGNORECASE)
# "1,204", and "18 804" with a space between the thousands (as numbers_in reads it too).
NUM = r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?!\d)|\d+|" + WORDS + r")"
NOT_AFTER_NUMBER = r"(?<![\w.,%/-])"  # "C57BL/6", "IL-4", "1.5", "45%" hold no count
HUMAN_NOUNS = (r"patients|participants|subjects|people|persons|individuals|adults|children|adolescents|infants|"
               r"men|women|volunteers|veterans|outpatients|inpatients|survivors|athletes|students|residents|"
               r"respondents|caregivers|cases|controls|wheelchair users|users|nurses|clinicians|physicians|"
               r"therapists|families|dyads|boys|girls|girls and boys|newborns|neonates|youths|older adults")
ANIMAL_NOUNS = r"mice|rats|animals|dogs|pigs|minipigs|monkeys|macaques|rabbits|cats|sheep|zebrafish|larvae|primates|ferrets|hamsters|gerbils"
CASE_NOUNS = r"man|woman|boy|girl|male|female|patient|person|individual|athlete|veteran|child|infant|adolescent"
# Words between a count and its noun ("45 consecutive eligible adults"). Never a verb, a preposition, another number
# or a place or study: "12 centres will enrol 120 participants" and "6 studies that involved 5193 participants" count
# participants, not centres or studies, and "35 deaths occurred among the subjects" counts no one.
MODIFIER = (r"(?:(?!(?:were|was|had|have|has|are|is|be|been|being|will|would|shall|should|can|could|may|might|must|did|do|does|"
            r"and|or|in|of|with|from|who|whom|which|that|the|these|those|this|than|to|at|for|per|by|on|among|amongst|between|"
            r"during|after|before|into|over|under|versus|vs|occurred|met|"
            r"studies|trials|RCTs|articles|papers|reports|reviews|cent(?:re|er)s|sites|hospitals|clinics|countries|cohorts|"
            r"groups|arms|years?|months?|weeks?|days?|hours?|mg|ml|kg|%)\b)(?!(?:\d[\d.,]*|" + WORDS + r")\s)[\w/.'-]+\s+){0,5}")
TAIL_LIMIT = 70
TAIL = (r"(?P<tail>(?:(?:\s+(?:with|after|who|aged|living with|following|undergoing|receiving|diagnosed with|from|in)|,\s+aged)\b"
        r"(?P<body>(?:[^.;:()]|\.(?=\d)){0," + str(TAIL_LIMIT) + r"}))?)")
COUNT = re.compile(NOT_AFTER_NUMBER + NUM + r"\s+(?P<mods>" + MODIFIER + r")(?P<noun>" + HUMAN_NOUNS + "|" + ANIMAL_NOUNS + r")\b" + TAIL,
                   re.IGNORECASE)
# Case reports: "a 52-year-old man with C5 tetraplegia" is one participant.
SINGLE_CASE = re.compile(r"(?<![\w-])(?:an?|one)\s+(?P<mods>" + MODIFIER + r")(?P<noun>" + CASE_NOUNS + r")(?![\w-])" + TAIL,
                         re.IGNORECASE)
STUDY_NOUN = r"(?:studies|trials|RCTs|articles|papers|reports)"  # plural: "one study with 40 infants" is one of many
STUDY_WORDS = r"(?:(?!(?:of|the|these|those|in|were|was|and|or)\b)[\w-]+,?\s+)"  # "four randomized, placebo-controlled"
REVIEW = re.compile(
    r"(?<![\w.])(?P<k>(?!(?:19|20)\d\d\b)\d+|" + WORDS + r")\s+" + STUDY_WORDS + r"{0,3}?" + STUDY_NOUN + r"\b[^.;]{0,60}?"
    r"(?:involving|with|including|enrolling|recruiting|evaluating|representing|of|and|randomi[sz]ing|comprising|totalling|totaling|"
    r"reporting on|(?:that|which|who) (?:involved|included|enrolled|recruited|randomi[sz]ed|evaluated|studied|analy[sz]ed))\s+"
    r"(?:a total of\s+|data (?:from|on)\s+|over\s+|more than\s+|nearly\s+|about\s+|approximately\s+|almost\s+|around\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<mods>" + MODIFIER + r")(?P<noun>" + HUMAN_NOUNS + r")\b",
    re.IGNORECASE,
)
# People first: "7524 participants from 40 randomised controlled trials", "1166 randomised women in three trials".
REVIEW_PEOPLE_FIRST = re.compile(
    r"(?<![\w.])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<mods>" + MODIFIER + r")(?P<noun>" + HUMAN_NOUNS + r")\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:from|in|across)\s+(?P<k>(?!(?:19|20)\d\d\b)\d+|" + WORDS + r")\s+" + STUDY_WORDS + r"{0,3}?"
    + STUDY_NOUN + r"\b",
    re.IGNORECASE,
)
REVIEW_STUDIES = re.compile(r"(?<![\w.])(?P<k>\d+|" + WORDS + r")\s+" + STUDY_WORDS + r"{0,2}?(?:studies|trials|RCTs)\b", re.IGNORECASE)
TOTAL = re.compile(r"\ba total of\s+" + NUM, re.IGNORECASE)
WORD_AFTER = re.compile(r"\s+[^\W\d]")
GROUP_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*")
YEARLIKE = re.compile(r"^(?:19|20)\d\d$")
# "aged 18 to 65 years", "aged from 1 year to 18 years", "aged 65 and over"
AGED = (r"aged\s+(?:from\s+)?\d+(?:\s*(?:years?|yrs|y)\b)?(?:\s*(?:-|–|to)\s*\d+)?\s*(?:years|yrs|y)?\b"
        r"(?:\s*\b(?:and|or)\s+(?:older|over|above))?")
AGE = re.compile(r"\b(?:(?:mean|median|average)\s+age(?:\s+(?:of|was|was\s+about))?[:,]?\s*\d+(?:\.\d+)?(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)?\s*(?:years|yrs|y)\b|"
                 + AGED + r"|\d+\s*(?:-|–|to)\s*\d+\s*years?\s+(?:old|of age))", re.IGNORECASE)
AGED_IN_TAIL = re.compile(r",?\s*\b" + AGED + r",?", re.IGNORECASE)  # "48 adults aged 18 to 65 years with SCI": the age is added on its own
SEX = re.compile(r"\b\d+(?:\.\d+)?\s*%\s*(?:were\s+)?(?:male|female|men|women)\b|\b\d+\s+(?:men|males?)\s+and\s+\d+\s+(?:women|females?)\b|"
                 r"\b(?:all|only)\s+(?:male|female|men|women)\b|\b(?:male|female)\s+(?:and|or)\s+(?:male|female)\b", re.IGNORECASE)

UNIT = r"(?:hours?|days?|weeks?|months?|years?|sessions?)"
DURATION_NUM = r"(?:\d+(?:\.\d+)?|" + WORDS + r"|a|one)"
FOR_DURATION = r"\s+(?:for|over|during)\s+(?:a\s+(?:period\s+of\s+)?)?" + DURATION_NUM + r"\s+(?:consecutive\s+)?" + UNIT + r"\b"
# Where a population phrase stops: an age not removed whole, a verb, or how long people were followed.
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
# Where a population phrase stops: an age not removed whole, a verb ("… met the inclusion criteria", "… enrolled on"),
# a relative clause ("cases in which …"), a time span ("… between December 2006 and November 2008"), or how long
# people were followed. What is left is a noun phrase.
TAIL_END = re.compile(r"\s*,?\s+(?:with |and )?(?:a |an )?(?:mean|median|average) age\b|\s*,?\s*\(?\baged\b|,?\s+followed by\b|"
                      r"\s+(?:were|was|are|is|will|would|could|may|can|have|has|who|whose|which|that|underwent|received|completed|"
                      r"participated|took part|presented|developed|showed|had|experienced|met|enrolled|recruited|occurred|to|into|"
                      r"did|do|does|used|performed|practised|practiced|trained|walked|tried|wore|gave|took|got|"
                      r"in order|(?:in|of|for|by|from) (?:which|whom)|and (?:\d|were))\b|"
                      r",?\s+(?:between|from|since|during|in|until|through)\s+(?:(?:early|late|mid-?)\s*)?(?:" + MONTH + r"\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b|"
                      + FOR_DURATION, re.IGNORECASE)
# What a cut before a date or a length leaves at the end: function words, and a participle that needed its time
# ("318 patients with SCI treated | between 2005 and 2015", "patients surgically treated | in 2010").
DANGLING = re.compile(r"(?:(?:\s+\w+ly)?\s+(?:treated|admitted|seen|operated|hospitali[sz]ed|diagnosed|evaluated|examined|"
                      r"studied|identified|registered|born|living|managed|assessed|injured))?"
                      r"(?:[\s,]+(?:and|or|with|of|in|the|a|an|at|as|by|for|on|from|after|following))*[\s,]*$")  # lower case: "severe AS" keeps its AS

# Strains and genotypes: "Swiss, Balb/cJ and IL-4 knockout mice", "adult female Sprague-Dawley rats".
STRAIN_STOP = r"(?!(?:Here|We|In|The|This|These|Those|Our|Using|All|Both|Then|Thus|To|For|After|Before|Of|On|At|By|From|With|" \
              r"A|An|And|Or|Each|Some|Groups?)\b)(?!(?i:" + WORDS + r")\b)"
GENOTYPE = (r"(?i:wild[- ]type|knock[- ]?out|knock[- ]?in|transgenic|mutant|null|deficient|heterozygous|homozygous|littermates?|"
            r"adult|female|male|young|aged|juvenile|neonatal|inbred|outbred|nude|athymic)")
STRAIN_TOKEN = STRAIN_STOP + r"(?:" + GENOTYPE + r"(?![\w-])|[A-Z0-9][\w/.+−-]*|\([A-Z0-9][\w/.+−-]*\)|[+−-]/[+−-])"
STRAIN_ITEM = STRAIN_TOKEN + r"(?:\s+" + STRAIN_TOKEN + r"){0,3}(?:\s+(?:mice|rats))?"
STRAIN_SEP = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
NAMED = re.compile(r"(?<![\w-])(?!" + GENOTYPE + r"(?![\w-]))[A-Z0-9(]")  # a strain name, not "Adult"
STRAIN = re.compile(r"(?<![\w/-])(?P<strain>" + STRAIN_ITEM + r"(?:" + STRAIN_SEP + STRAIN_ITEM + r"){0,5})\s+(?P<animal>mice|rats)\b")
MORE_STRAINS = re.compile(r",?\s+(?:and|or)\s+(?:in\s+)?(?P<strain>" + STRAIN_ITEM + r")\s+(?P<animal>mice|rats)\b")
COUNT_BEFORE = re.compile(NOT_AFTER_NUMBER + NUM + r"\s+$", re.IGNORECASE)
REVIEWS = ("systematic review", "systematic review with meta-analysis")


def find_participants(sentences: list[tuple[str, str]], species: str, design: str) -> dict:
    """{"count", "population", "description", "species"} from (text, role) pairs; missing keys mean unknown.
    A review that included no studies at all has "no_studies"."""
    texts = [t for t, r in sentences]
    ordered = [t for t, r in sentences if r == "methods"] + [t for t, r in sentences if r in ("results", "")] + \
              [t for t, r in sentences if r not in ("methods", "results", "")]
    result = _review(ordered) if design in REVIEWS else {}
    if "count" not in result:
        result.update(_people(ordered, design))
    if species:
        result["species"] = species
    if species and species != "humans" and design in ("animal study", "in vitro/lab study"):
        _add_strain(result, ordered)
    if "count" in result or "studies" not in result:  # "5 studies (aged 48 to 57 years)": an age is a person's
        _add_age_and_sex(result, " ".join(texts))
    if design in REVIEWS + ("narrative review",) and found_no_studies(result, " ".join(texts)):
        result["no_studies"] = True
    return result


# What a search turned up is not what a review included: "we screened 1611 potentially relevant studies".
SEARCHED = re.compile(r"\b(?:screen|retriev|potential|possibl|records|titles|citations|abstracts)",
                      re.IGNORECASE)
# A review that found nothing to include: "No studies met the inclusion criteria", "We did not find any RCTs".
NO_STUDIES = re.compile(
    r"\bno (?:new |eligible |relevant |published |completed |suitable |includable )*(?:randomi[sz]ed |controlled |clinical |"
    r"quasi-randomi[sz]ed |prospective |comparative )*(?:studies|trials|RCTs)\b(?: \w+){0,3}? (?:were|was|met|could be|have been|"
    r"has been|fulfilled|satisfied) (?:found|identified|included|eligible|located|retrieved|the|our|inclusion)|"
    r"\b(?:did not|could not|failed to) (?:find|identify|locate|include) any (?:[\w-]+ ){0,5}?(?:studies|trials|RCTs)\b|"
    r"\b(?:found|identified) no (?:[\w-]+ ){0,4}?(?:studies|trials|RCTs)\b|\bnone of the (?:\d+ |identified |retrieved )?(?:studies|trials|records) met\b|"
    r"\bthere (?:were|was) no (?:[\w-]+ ){0,4}?(?:studies|trials|RCTs) (?:found|identified|included|eligible)\b",
    re.IGNORECASE)


# "Only one case-control study was included", "We included a single trial": a review with something in it.
INCLUDED_SOME = re.compile(r"\b(?:(?:only )?(?:one|a single|\d+|" + WORDS + r") (?:[\w-]+ ){0,3}(?:study|studies|trials?|RCTs?) (?:was|were) included|"
                           r"we included (?:only )?(?:one|a single|\d+|" + WORDS + r") )", re.IGNORECASE)


def found_no_studies(found: dict, text: str) -> bool:
    """Whether a review included no studies at all: it says it found none, and includes or counts neither studies
    nor people ("We found no trials comparing X" in a review of 12 trials is about one comparison; "No randomized
    trials were identified. Only one case-control study was included." has one study)."""
    return ("count" not in found and "studies" not in found and bool(NO_STUDIES.search(text))
            and not INCLUDED_SOME.search(text))


def _searched(m: re.Match, t: str) -> bool:
    return bool(SEARCHED.search(m.group(0)) or SEARCHED.search(t, max(0, m.start() - 30), m.start()))


def _review(ordered: list[str]) -> dict:
    """"12 studies with 480 participants", or only the number of studies when no people are counted.

    The people are the count ("count" is never the number of studies), whichever is named first; what a
    search found ("we screened 1611 potentially relevant studies") counts for neither."""
    for rx in (REVIEW, REVIEW_PEOPLE_FIRST):
        for t in ordered:
            m = rx.search(t)
            if m and _count(m.group("n")) and _count(m.group("k")) and not _searched(m, t):
                people = f"{m.group('mods')}{m.group('noun')}"
                return {"count": _count(m.group("n")), "population": people, "studies": _count(m.group("k")),
                        "description": f"{_studies(m.group('k'))} with {m.group('n')} {people}"}
    for t in ordered:
        m = REVIEW_STUDIES.search(t)
        if m and _count(m.group("k")) and not _searched(m, t):
            return {"description": _studies(m.group("k")), "studies": _count(m.group("k"))}
    return {}


SPACED_THOUSANDS = re.compile(r"(?<=\d)[ \u2009\u202f](?=\d{3})")


def _count(number: str) -> int | None:
    """"1,204", "18 804", "forty-two" -> int."""
    return parse_count(SPACED_THOUSANDS.sub(",", number))


def _studies(k: str) -> str:
    """"12 studies", "one study"."""
    return f"{k} study" if _count(k) == 1 else f"{k} studies"


def _people(ordered: list[str], design: str) -> dict:
    """The first sentence that says who took part; in a case report "a 52-year-old man" counts as one,
    unless a count comes first ("We present two patients …")."""
    finders = (_counted, _single_case) if design == "case report" else (_counted,)
    for t in ordered:
        found = [f for f in (finder(t) for finder in finders) if f]
        if found:
            return min(found, key=lambda f: f[0])[1]
    return {}


def _counted(t: str) -> tuple[int, dict] | None:
    """(position, fields) for people or animals counted in one sentence; two groups joined by "and" both count."""
    matches = [m for m in COUNT.finditer(t) if _ok_count(m, t)]
    if not matches:
        return None
    # "Among a cohort of 12,193 women …, a total of 9,892 women were included": the total is who took part
    # (looked for on its own: the first group's phrase may run over it).
    total = TOTAL.search(t)
    counted_total = COUNT.match(t, total.start("n")) if total else None
    if counted_total and _ok_count(counted_total, t):
        m, following = counted_total, [x for x in matches if x.start() >= counted_total.end("noun")]
    else:
        m, following = matches[0], matches[1:]
    count, description, population = _count(m.group("n")), _phrase(m), _population(m)
    # "56 outpatients and 16 matched healthy controls": both groups took part.
    if following and GROUP_JOIN.fullmatch(t, m.end() if m.group("tail") else m.end("noun"), following[0].start()):
        count += _count(following[0].group("n"))
        description = f"{description} and {_phrase(following[0])}"
        population = f"{population} and {_population(following[0])}"
    # "A total of 72 (56 outpatients and 16 controls)"; not "a total of 181 eyes of 167 patients", where 181 counts eyes.
    if total and _count(total.group("n")) and total.start("n") != m.start("n") and not WORD_AFTER.match(t, total.end("n")):
        count = _count(total.group("n"))
    return m.start(), {"count": count, "population": population, "description": description}


def _single_case(t: str) -> tuple[int, dict] | None:
    m = SINGLE_CASE.search(t)
    if not m:
        return None
    return m.start(), {"count": 1, "population": _population(m), "description": f"one {_population(m)}"}


def _ok_count(m: re.Match, text: str) -> bool:
    n = m.group("n")
    value = _count(n)
    if not value or YEARLIKE.match(n) and text[max(0, m.start() - 4):m.start()].strip().lower() in ("in", "since", "of"):
        return False
    if m.group("noun").lower() in ("cases", "controls") and value > 100000:
        return False
    if value == 1 and m.group("mods").lower().startswith(("study ", "trial ")):  # "one study residents in …"
        return False
    return not text.startswith("%", m.end("n"))


def _population(m: re.Match) -> str:
    """"adults with chronic incomplete spinal cord injury": who they were, without the count or the age."""
    parts = TAIL_END.split(AGED_IN_TAIL.sub("", m.group("tail") or ""), maxsplit=1)
    tail = parts[0]
    if len(parts) == 1 and len(m.group("body") or "") == TAIL_LIMIT:
        tail = _trim_cut_off(tail)
    return " ".join(f"{m.group('mods') or ''}{m.group('noun')}{DANGLING.sub('', tail)}".split())


def _trim_cut_off(tail: str) -> str:
    """A tail that hit its length limit ends at its last whole item ("…, vaginal dysgenesis, and ovarian" -> "…, vaginal dysgenesis")."""
    cut = tail.rfind(",")
    return tail[:cut] if cut > 0 else tail.rsplit(" ", 1)[0]


def _phrase(m: re.Match) -> str:
    return f"{m.group('n')} {_population(m)}"


def _add_strain(result: dict, ordered: list[str]) -> None:
    """The strains or genotypes become the population; a count stated just before them is kept."""
    found = [(t, m) for t in ordered if (m := STRAIN.search(t))]
    if not found:
        return
    named = [(t, m) for t, m in found if NAMED.search(m.group("strain"))]  # "CD1 mice" says more than "adult mice"
    t, m = (named or found)[0]
    strain, end = f"{m.group('strain')} {m.group('animal')}", m.end()
    while more := MORE_STRAINS.match(t, end):  # "… in Swiss mice and in IL-4 knockout mice"
        strain, end = f"{strain} and {more.group('strain')} {more.group('animal')}", more.end()
    before = COUNT_BEFORE.search(t, 0, m.start())
    if before and "count" not in result:
        result["count"] = _count(before.group("n"))
    result["population"] = strain
    if strain.lower() not in result.get("description", "").lower():
        number = before.group("n") if before else result.get("count")
        result["description"] = f"{number} {strain}" if number else strain


def _add_age_and_sex(result: dict, joined: str) -> None:
    """Append the age and sex where stated, unless the description already says them."""
    description = result.get("description")
    if not description:
        return
    extras = [m.group(0).strip() for m in (AGE.search(joined), SEX.search(joined)) if m]
    extras = [e for e in extras if e.lower() not in description.lower()]
    if extras:
        result["description"] = f"{description} ({'; '.join(extras)})"


AFTER_EVENT = r"(?:discharge|surgery|randomi[sz]ation|baseline|enrol?lment|admission|treatment|training|the intervention)"
INTERVENTION_NOUN = r"(?:training|treatment|therapy|exercise|rehabilitation|stimulation|intervention|supplementation|administration|practice|use)"
CUE = r"(?:train|treat|stimulat|exercis|receiv|supplement|administ|therap|interven|practic)"
# Each pattern names the phrase to report ``d``; ``fu`` is set when it is a follow-up rather than the intervention.
DURATION_PATTERNS = [
    # "12-month follow-up", "a 6-week program of …", "8-week training"
    re.compile(r"\b(?P<d>" + DURATION_NUM + r"[- ](?:hour|day|week|month|year)s?[- ](?:long\s+)?(?:(?:exercise|training|treatment|rehabilitation|walking|home|intervention|therapy)\s+(?:program(?:me)?|course|period|protocol|regimen)|(?P<fu>follow[- ]?up)|intervention|training|treatment|program(?:me)?|course|trial|regimen|protocol|period of (?:training|treatment)|exercise|therapy|rehabilitation|supplementation|study)\b(?:\s+(?:of|with|in)\s+[\w -]{3,40}?(?=[,.;()]|\s+(?:and|in|on|was|were|with)\b))?)", re.IGNORECASE),
    # "8 weeks of treadmill training", "8 weeks of active tSCS or sham stimulation", "6 months of follow-up"
    re.compile(r"\b(?P<d>" + DURATION_NUM + r"\s+" + UNIT + r"\s+of\s+(?:\w+[- ]){0,4}(?:" + INTERVENTION_NOUN + r"|(?P<fu>follow[- ]?up))\b)", re.IGNORECASE),
    # "followed for a median of 4 years", "follow-up period of 6 months"
    re.compile(r"\b(?P<d>(?P<fu>followed(?:\s+up)?|follow[- ]up(?:\s+(?:period|time|duration))?(?:\s+(?:of|was|lasted))?)\s+(?:for\s+)?(?:a\s+)?(?:mean|median|average|minimum|maximum|up to|at least)?\s*(?:of\s+)?" + DURATION_NUM + r"(?:\.\d+)?\s*" + UNIT + r")", re.IGNORECASE),
    # "We followed 212 people with spinal cord injury for 12 months after discharge"
    re.compile(r"\b(?P<fu>followed)(?:\s+up)?\s+[^.;]{1,80}?\s(?:for|over)\s+(?P<d>(?:a\s+(?:mean|median)\s+of\s+)?" + DURATION_NUM + r"\s+" + UNIT + r"(?:\s+(?:after|from|following|post)[- ]?" + AFTER_EVENT + r")?)\b", re.IGNORECASE),
    # "for 12 weeks, three sessions of training a week"
    re.compile(r"\b(?:for|over|during)\s+(?P<d>(?:a\s+(?:period\s+of\s+)?)?" + DURATION_NUM + r"\s+(?:consecutive\s+)?" + UNIT + r")\b(?=[^.]{0,40}\b(?:" + CUE + r"|walk|follow))", re.IGNORECASE),
    # "treated for 14 days"
    re.compile(CUE + r"\w*[^.;]{0,40}?\b(?:for|over)\s+(?P<d>" + DURATION_NUM + r"\s+(?:consecutive\s+)?" + UNIT + r")\b", re.IGNORECASE),
    # "randomly assigned to 10 weeks of arm cycling or stretching": last: whatever the arms are called
    re.compile(r"\b(?:assigned|allocated|randomi[sz]ed)\s+to\s+(?:either\s+)?(?P<d>" + DURATION_NUM + r"\s+" + UNIT
               + r"\s+of\s+[\w -]{3,50}?)(?=[,.;()]|\s+(?:in|on|was|were|with|at|for)\b)", re.IGNORECASE),
]
NOT_DURATION = re.compile(r"\b(?:old|of age|aged|age|post[- ]?injury|after (?:the )?injury|since (?:the )?injury|after (?:the )?(?:SCI|spinal cord injury|lesion)|"
                          r"(?:years?|months?) (?:post|after|since)(?![- ]?" + AFTER_EVENT + r")|duration of (?:injury|SCI|disease|illness)|time since|"
                          r"searched|published|between \d{4}|from \d{4}|up to \d{4}|database|literature)\b", re.IGNORECASE)
NOT_DURATION_AFTER = re.compile(r"\b(?:old|of age|post[- ]?injury|after (?:the )?injury|since (?:the )?injury)\b", re.IGNORECASE)
FOLLOW_UP_ADJECTIVE = re.compile(r"(?:an?\s+)?(?P<n>" + DURATION_NUM + r")[- ](?P<unit>hour|day|week|month|year)s?[- ]follow[- ]?up", re.IGNORECASE)
FOLLOWED = re.compile(r"^follow(?:ed(?:\s+up)?|[- ]?up)(?:\s+(?:period|time|duration))?(?:\s+(?:of|was|lasted))?\s+(?:for\s+)?", re.IGNORECASE)
NO_DURATION_DESIGNS = REVIEWS + ("narrative review", "guideline", "in vitro/lab study")
ROLE_TIERS = (("methods",), ("results", "objective", ""), ("background", "conclusions"))


def find_duration(sentences: list[tuple[str, str]], design: str) -> str | None:
    """"8 weeks of treadmill training", "12-month follow-up", both joined when both are stated, or None."""
    if design in NO_DURATION_DESIGNS:
        return None
    found: dict[str, str] = {}
    for roles in ROLE_TIERS:
        for text, role in sentences:
            if role in roles:
                for kind, phrase in _durations(text):
                    found.setdefault(kind, phrase)
    if "intervention" in found and "follow-up" in found:
        return f"{found['intervention']}, with {_follow_up_clause(found['follow-up'])}"
    return found.get("intervention") or found.get("follow-up")


UNIT_WORDS = ("hour", "day", "week", "month", "year", "session")  # every duration pattern needs one


def _durations(text: str):
    """(kind, phrase) for each length stated in one sentence, kind "intervention" or "follow-up"."""
    folded = text.casefold()  # as IGNORECASE matches: "ſ" is an "s"
    if not any(unit in folded for unit in UNIT_WORDS):
        return
    for rx in DURATION_PATTERNS:
        for m in rx.finditer(text):
            if NOT_DURATION.search(m.group(0)) or NOT_DURATION_AFTER.search(text, m.end(), m.end() + 25):
                continue
            phrase = m.group("d").strip(" ,")
            kind = "follow-up" if m.groupdict().get("fu") else "intervention"
            yield kind, (phrase[:1].lower() + phrase[1:] if not phrase[:2].isupper() else phrase)


def _follow_up_clause(phrase: str) -> str:
    """"6-month follow-up" -> "follow-up at 6 months"; "followed for a median of 4 years" -> "follow-up for a median of 4 years"."""
    m = FOLLOW_UP_ADJECTIVE.fullmatch(phrase)
    if m:
        plural = "" if m.group("n").lower() in ("1", "a", "one") else "s"
        return f"follow-up at {m.group('n')} {m.group('unit').lower()}{plural}"
    if FOLLOWED.match(phrase):
        return FOLLOWED.sub("follow-up for ", phrase)
    return phrase if "follow" in phrase.lower() else f"follow-up for {phrase}"
