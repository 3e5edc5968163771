"""Study design: publication types, MeSH check tags and wording, mapped to one fixed vocabulary.

Publication types are the most reliable signal (NLM indexers assign them), so
they decide first; MeSH check tags (Humans, Animals, Mice, Rats …) then say
who or what was studied; the title and abstract wording decide the rest.
"""

from __future__ import annotations

import re

DESIGNS = (
    "systematic review with meta-analysis", "systematic review", "randomized controlled trial",
    "non-randomized controlled trial", "cohort (prospective)", "cohort (retrospective)", "case-control",
    "cross-sectional", "case series", "case report", "qualitative", "animal study", "in vitro/lab study",
    "narrative review", "guideline", "study protocol", "other",
)

HUMAN_DESIGNS = frozenset({
    "randomized controlled trial", "non-randomized controlled trial", "cohort (prospective)",
    "cohort (retrospective)", "case-control", "cross-sectional", "case series", "case report", "qualitative",
    "study protocol",
})


def design_kind(design: str) -> str:
    """What the site's marker says: "human" (tested in people), "animal", "lab", "review" or "other"."""
    if design == "animal study":
        return "animal"
    if design == "in vitro/lab study":
        return "lab"
    if design in {"systematic review with meta-analysis", "systematic review", "narrative review", "guideline"}:
        return "review"
    if design in HUMAN_DESIGNS:
        return "human"
    return "other"


def _rx(p: str) -> re.Pattern:
    """A cue matched against lower-cased text: every function here lowers its text once, and a
    case-sensitive search runs several times faster than an IGNORECASE one (design was a sixth of
    the engine's time). Lowering would turn an upper-case escape (\\S, \\W, \\D, \\B) into its opposite: refused."""
    if re.search(r"\\[SWDBAZ]", p):
        raise ValueError(f"cue {p!r} uses an upper-case escape")
    return re.compile(p.lower())


ANIMAL_MESH = {"animals", "mice", "rats", "mice, inbred c57bl", "rats, sprague-dawley", "rats, wistar", "dogs", "swine",
               "cats", "rabbits", "macaca mulatta", "macaca", "zebrafish", "primates", "sheep", "disease models, animal",
               "mice, knockout", "mice, transgenic", "drosophila", "drosophila melanogaster", "guinea pigs", "cattle", "horses",
               "chickens", "goats"}
MESH_SPECIES = {"mice": "mice", "rats": "rats", "dogs": "dogs", "swine": "pigs", "cats": "cats", "rabbits": "rabbits",
                "zebrafish": "zebrafish", "macaca mulatta": "monkeys", "macaca": "monkeys", "primates": "monkeys",
                "sheep": "sheep", "drosophila": "flies", "drosophila melanogaster": "flies", "guinea pigs": "guinea pigs",
                "cattle": "cattle", "horses": "horses", "chickens": "chickens", "goats": "goats"}
SPECIES_WORDS = {
    "mice": _rx(r"\b(?:mice|mouse|murine)\b"),
    "rats": _rx(r"\b(?:rats?|sprague[- ]dawley|wistar)\b"),
    "zebrafish": _rx(r"\bzebrafish\b"),
    "dogs": _rx(r"\b(?:dogs?|canine)\b"),
    "pigs": _rx(r"\b(?:pigs?|swine|porcine|minipigs?)\b"),
    "monkeys": _rx(r"\b(?:monkeys?|macaques?|non-?human primates?|marmosets?)\b"),
    "cats": _rx(r"\b(?:cats|feline)\b"),
    "rabbits": _rx(r"\brabbits?\b"),
    "flies": _rx(r"\b(?:drosophila|fruit flies)\b"),
    "worms": _rx(r"\b(?:c\. elegans|caenorhabditis)\b"),
    "sheep": _rx(r"\b(?:sheep|ovine)\b"),
    "cattle": _rx(r"\b(?:cattle|cows?|calves|heifers|bovine(?! serum))\b"),  # bovine serum albumin is a lab reagent
    "horses": _rx(r"\b(?:horses?|equine)\b"),
    "chickens": _rx(r"\b(?:chickens?|chicks|broilers)\b"),
    "goats": _rx(r"\b(?:goats?|caprine)\b"),
    "bats": _rx(r"\bbats\b"),
}
# One flat alternation finds every species word; the word's own pattern then names it. (Named groups, one per
# species, made the search ten times slower.)
_ANY_SPECIES = re.compile("|".join(p.pattern for p in SPECIES_WORDS.values()))
HUMAN_WORDS = _rx(r"\b(?:patients?|participants?|people|persons?|individuals|adults|children|adolescents|women|men|"
                  r"volunteers|veterans|subjects with|survivors|caregivers|clinicians|nurses|physicians|infants|"
                  r"outpatients|inpatients|respondents|human subjects|residents)\b")
LAB_WORDS = _rx(r"\b(?:in vitro|cell lines?|cultured|cultures?|cells were|organoids?|ex vivo|hek293|hela|"
                r"stem cells|neurons were|transfected|knockdown|sirna|crystal structure|recombinant|biochemical)\b")
ANIMAL_PROCEDURE = _rx(r"\b(?:in vivo|contusion|transection|hemisection|compression injury|crush|injected|intrathecal|intraperitoneal|"
                      r"locomotor|hindlimb|behaviou?r(?:al)?|bbb score|basso|(?:mice|rats|animals) (?:were|received|underwent)|"
                      r"treated (?:mice|rats)|knockout mice|transgenic mice|xenograft|implanted)\b")
IN_VIVO = _rx(r"\b(?:in vivo|animal models?|rodent|transgenic|knockout|knock-in|xenograft)\b")

# A paper that calls itself a protocol. "This protocol describes …" is a plan; "With this protocol we let a
# population evolve …" is a method.
PROTOCOL_NAMED = (r"\b(?:study|trial|review) protocol\b|\bthis protocol (?:describes|outlines|presents|details|sets out|reports|will)\b|"
                  r"\bprotocol for a\b")

TEXT_RULES: list[tuple[str, re.Pattern]] = [
    ("study protocol", _rx(PROTOCOL_NAMED + r"|"
                           r"\b(?:we|this study|this trial) will (?:recruit|enrol|enroll|randomi[sz]e|assess|compare|evaluate)\b|"
                           r"\bparticipants will be\b|\bwill be randomi[sz]ed\b")),
    ("systematic review with meta-analysis", _rx(r"\bmeta-?analys[ie]s\b|\bmeta-?analytic|\bpooled (?:analysis|estimate|data|results)\b")),
    ("systematic review", _rx(r"\bsystematic(?:ally)? review|\bwe (?:systematically )?searched (?:the )?(?:\w+ ){0,4}(?:medline|pubmed|embase|cinahl|cochrane|databases?|registers?|web of science|scopus|psycinfo)|"
                              r"\b(?:studies|trials|rcts) (?:were included|met the inclusion)|"
                              r"\bwe included (?:\d+|\w+) (?:studies|trials|rcts|randomi[sz]ed)|"
                              r"\bincluded (?:studies|trials)\b|\bscoping review\b|\bumbrella review\b|"
                              r"\bwe included (?:only )?(?:one|a single|two|three|\d+) (?:small |eligible |relevant )?(?:study|trial|rct)|"
                              r"\b(?:included in|for) (?:this|the) review\b|\b(?:this|the) review (?:included|identified|found)|"
                              r"\bmet (?:our|the) (?:inclusion|eligibility|selection) criteria|\bsearch strateg(?:y|ies)\b|"
                              r"\beligible for (?:inclusion|this review)|\b\d+ (?:unique )?(?:citations|references|records)\b|"
                              r"\bwe identified \d+ (?:unique |eligible |relevant )?(?:studies|trials|reports|rcts)\b|"
                              # "We only included one RCT" is said by a review of it, never by the trial itself
                              r"\bwe (?:only )?included (?:only )?(?:one|a single|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                              r"(?:[\w-]+ ){0,3}(?:rcts?|trials?|studies|reports)\b|"
                              # a Cochrane review's own headings and search report, which an empty review still has
                              r"\bsearch methods\b|\blast searched\b|\b(?:were|was) searched for (?:publications|studies|trials|randomi[sz]ed)")),
    ("guideline", _rx(r"\b(?:clinical )?(?:practice )?guidelines? (?:for|on)\b.*\brecommend|\bconsensus statement\b|\brecommendations? (?:for|on) the (?:management|treatment|care)\b|\bposition statement\b")),
    ("randomized controlled trial", _rx(r"\brandomi[sz]ed(?:,)? (?:\w+[- ]){0,4}(?:controlled |clinical |crossover |cross-over |pilot |feasibility )?(?:trial|study)\b|\brandomly (?:assigned|allocated|divided)\b|\bwere randomi[sz]ed\b|\bplacebo-controlled\b|\brandomi[sz]ation\b")),
    ("case report", _rx(r"\bcase report\b|\bwe (?:hereby |here |now )?(?:report|describe|present) (?:a|the|an unusual|a rare) (?:case|patient|\d+-year-old)|\ba \d+-year-old (?:man|woman|male|female|boy|girl|patient)\b|\bthis case\b(?!-)")),
    ("case series", _rx(r"\bcase series\b|\b(?:two|three|four|five|six|seven|eight|nine|ten) patients\b(?: with [^.,;]{1,60})? presented with\b|\bwe (?:report|describe|present) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|a series of) (?:cases|patients)\b|\bseries of (?:\d+ )?(?:cases|patients)\b")),
    ("qualitative", _rx(r"\bqualitative\b|\bsemi-structured interviews?\b|\bfocus groups?\b|\bthematic analysis\b|\bgrounded theory\b|\binterpretative phenomenological\b")),
    ("case-control", _rx(r"\bcase-?control\b|\bmatched controls\b")),
    ("cross-sectional", _rx(r"\bcross-?sectional\b|\b(?:online |national |postal |web-based )?survey\b|\bquestionnaire study\b|\bprevalence study\b")),
    ("cohort (retrospective)", _rx(r"\bretrospective(?:ly)?\b|\bmedical records\b|\bchart review\b|\bregistry\b|\bdatabase (?:study|analysis)\b|\badministrative (?:data|claims)\b|\bclaims data\b")),
    ("non-randomized controlled trial", _rx(r"\bnon-?randomi[sz]ed\b|\bquasi-?experimental\b|\bsingle-arm\b|\bopen-label\b|\bphase (?:i|ii|1|2|i/ii|1/2)\b(?: trial| study)|\bpilot (?:study|trial)\b|\bpre-?post\b|\bbefore and after\b|\bclinical trial\b")),
    # "prospective" of a study, not of "prospective technologies" or "prospective parents"
    ("cohort (prospective)", _rx(r"\bprospectively\b|\bprospective,?\s+(?:[\w-]+,?\s+){0,2}?(?:stud|cohort|trial|design|data\b|"
                                r"registr(?:y|ies)|observational|analys|series|evaluation|enrol|recruit|collect|follow|manner|"
                                r"basis|multi|randomi|controlled|longitudinal|comparative|case|clinical|database|survey|surveillance|"
                                r"assessment|investigation|population|sample|audit|research|open-label|pilot|phase|single|"
                                r"double|non-?randomi|consecutive|patients|participants|review|associat|experiment)|"
                                r"\bcohort\b|\blongitudinal\b|\bfollowed (?:up )?for\b|\bfollow-up (?:of|study)\b")),
    ("narrative review", _rx(r"\b(?:this|the present|in this|our) (?:\w+ )?review\b|\bwe (?:review|discuss|summari[sz]e|highlight|overview)\b|\breview(?:s|ed)? (?:the|recent|current)\b|\brecent (?:advances|progress|developments)\b|\bstate of the art\b|^(?:a )?review\b|: a review\b|\boverview\b|\b(?:this|our) perspective\b|\ba perspective (?:on|of)\b|: a perspective\b")),
]

STRONG_PROTOCOL = _rx(PROTOCOL_NAMED + r"|\bthis is (?:the|a) protocol\b")
# A design the title names outright ("…: A Randomised Controlled Trial") outweighs the abstract's wording, which may
# mention other designs ("Systematic reviews of acupuncture have identified …"). In order: the most specific first;
# a title that names a review is left to the rules below ("Randomized trials in X: a review").
TITLE_DESIGNS = (
    ("study protocol", _rx(r"\b(?:study|trial|review) protocol\b|\bprotocol (?:for|of) (?:a|an|the)\b")),
    ("systematic review with meta-analysis", _rx(r"\bmeta-?analys[ie]s\b")),
    ("systematic review", _rx(r"\bsystematic (?:literature )?review\b")),
    ("", _rx(r"\breview\b")),
    ("randomized controlled trial", _rx(r"\brandomi[sz]ed (?:[\w-]+ ){0,4}trial\b")),
    ("case report", _rx(r"\bcase report\b")),
    ("case-control", _rx(r"\bcase-control study\b")),
    ("cross-sectional", _rx(r"\bcross-sectional (?:study|survey|analysis)\b")),
)
PEOPLE_COUNTED = _rx(r"\b\d[\d,]* (?:consecutive |adult |eligible )?(?:patients|participants|subjects|people|adults|children|women|men|"
                     r"persons|individuals|volunteers)\b")
# Work on models and data alone: no people recruited, no animals treated, no cells grown. "other" in the vocabulary.
COMPUTATIONAL_TITLE = _rx(r"\b(?:theoretical|computational|in silico|mathematical model(?:l?ing)?|simulations?)\b")
# A plan told in the future tense, twice or more: "differences will be compared …", "statistics will be used …".
FUTURE_METHODS = _rx(r"\bwill be (?:compared|used|measured|assessed|collected|analy[sz]ed|included|followed|invited|enrolled|"
                     r"evaluated|examined|recorded|recruited|randomi[sz]ed|allocated|assigned|performed|conducted|obtained)\b")
REVIEW_SAYS_SO = _rx(r"\b(?:here,? we (?:review|discuss|summari[sz]e|describe recent|highlight|provide an overview)|we review|this (?:mini-?)?review|"
                     r"here,? we (?:provide|give|present|offer) (?:an? )?(?:brief |short |comprehensive |critical |concise )?(?:update|overview|summary|review|synthesis)|"
                     r"we (?:will )?briefly (?:discuss|review|summari[sz]e|describe|outline)|we summari[sz]e (?:recent|current|the (?:current|recent|latest))|"
                     r"in this (?:mini-?)?review|(?:narrative|literature|brief|mini-?|comprehensive|critical|historical) review|review of (?:the )?(?:literature|recent|current)|"
                     r"this (?:article|paper|chapter) (?:reviews|discusses|summari[sz]es|describes|provides an overview|highlights|focuses)|"
                     r"the aim of this (?:article|paper|review) is)\b")
REVIEW_TITLE = _rx(r"\b(?:current concepts|(?:recent )?advances in|an update|update on|past,? present,? and future|overview|state of the art|"
                   r"perspectives?|insights?|and its roles?|roles? of|mechanisms of|management of|differential diagnosis|"
                   r"alternatives and evidence|a review|review\b|challenges|opportunities|lessons|what do we know|"
                   r"from bench to bedside|implications for|emerging|novel class|therapeutic (?:targets?|potential|strategies))")
EMPIRICAL = _rx(r"\b(?:we (?:found|observed|show(?:ed)?|demonstrate[ds]?|measured|performed|conducted|analy[sz]ed|enrolled|recruited|used|"
                r"tested|investigated|examined|identified|report(?:ed)?|compared|evaluated|assessed|studied|developed|generated|included|searched|"
                r"combined|applied|quantified|sequenced|recorded|followed|treated|surveyed|interviewed|screened|collected)|presented with|"
                r"(?:were|was) (?:randomi[sz]ed|enrolled|recruited|treated|measured|assessed|analy[sz]ed|included|injected|exposed|collected|"
                r"compared|evaluated|examined|followed|observed|found|detected|used|performed|obtained|identified|administered)|"
                r"(?:were|was) (?:\w+ly )?(?:grown|given|taken|seen|\w+ed)|received|underwent|"
                r"[pP]\s*[<=]|\d+(?:\.\d+)?\s*%|significant(?:ly)?|(?:results|data|findings) (?:showed|indicated|revealed|demonstrated|suggest))\b")

# An overview argues from others' work: it discusses and proposes, and shows none of the marks of collecting data itself.
REVIEW_VOICE = _rx(r"\b(?:we (?:(?:will )?discuss|speculate|present evidence that|provide an? (?:update|overview))|"
                   r"recent (?:advances|progress|developments) in|current (?:concepts|knowledge|understanding|evidence) (?:of|on|in|about)|is reviewed|are reviewed)\b")
# Unmistakable marks of a study that collected its own patients' data, whatever PubMed's publication type says.
OWN_PATIENTS = _rx(r"\bwe (?:retrospectively|prospectively) (?:collected|analy[sz]ed|reviewed|studied|enrolled|recruited)|"
                   r"\bwe (?:enrolled|recruited|randomi[sz]ed)\b|\b(?:were|was) (?:prospectively |consecutively )?(?:enrolled|recruited|"
                   r"randomi[sz]ed)\b")
OWN_DATA = _rx(r"\b(?:we (?:enrolled|recruited|randomi[sz]ed|measured|conducted|analy[sz]ed|collected|followed|interviewed|surveyed|treated|injected|searched|included|"
               r"found|observed|show(?:ed)?|demonstrated?|report(?:ed)?|used|investigated|compared|examined|identified|tested)|underwent|was admitted|"
               r"(?:were|was) (?:randomi[sz]ed|randomly|enrolled|recruited|included|followed|treated|injected|interviewed|measured|analy[sz]ed|allocated|assigned|"
               r"identified|observed|recorded|collected|coded)|"
               r"[p]\s*[<=]\s*0?\.\d|95\s?% ?(?:ci|confidence)|\bn\s*=\s*\d|\d+ (?:patients|participants|subjects|mice|rats|animals|adults|children|women|men) (?:were|with|who|aged|underwent|received))")

_STUDY_NOUN = _rx(r"\b(?:trials|studies|RCTs)\b")
_COUNT_BEFORE = _rx(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
                           r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:[- ][a-z]+)?)\s+(?:(?:randomi[sz]ed|controlled|clinical|"
                           r"placebo-controlled|double-blind|small|eligible|relevant|included|published|additional|new|cohort|observational)"
                           r",?\s+(?:and\s+)?){0,3}$")


def counts_studies(text: str) -> bool:
    """"22 randomized controlled trials", "four studies": a review counts studies, a single study does not.
    Anchored on the noun and checked backwards, because the same regex run forwards is slow."""
    low = text.lower()
    return any(_COUNT_BEFORE.search(low, max(0, m.start() - 70), m.start()) for m in _STUDY_NOUN.finditer(low))


def is_systematic(text: str) -> bool:
    return bool(RULES["systematic review"].search(text.lower())) or counts_studies(text)


PUB_TYPES: list[tuple[str, str]] = [  # checked in order: the most specific type first
    ("clinical trial protocol", "study protocol"),
    ("meta-analysis", "systematic review with meta-analysis"),
    ("network meta-analysis", "systematic review with meta-analysis"),
    ("systematic review", "systematic review"),
    ("randomized controlled trial", "randomized controlled trial"),
    ("equivalence trial", "randomized controlled trial"),
    ("pragmatic clinical trial", "randomized controlled trial"),
    ("practice guideline", "guideline"),
    ("guideline", "guideline"),
    ("consensus development conference", "guideline"),
    ("case reports", "case report"),
    ("controlled clinical trial", "non-randomized controlled trial"),
    ("clinical trial, phase i", "non-randomized controlled trial"),
    ("clinical trial, phase ii", "non-randomized controlled trial"),
    ("clinical trial, phase iii", "non-randomized controlled trial"),
    ("clinical trial, phase iv", "non-randomized controlled trial"),
    ("clinical trial", "non-randomized controlled trial"),
    ("observational study", "cohort (prospective)"),
    ("scoping review", "narrative review"),
    ("review", "narrative review"),
]


# Cheap substring tests before each (slow, case-insensitive) rule: a rule can only match
# if one of its hints occurs in the lower-cased text. This halves the engine's run time.
RULE_HINTS: dict[str, tuple[str, ...]] = {'study protocol': ('protocol', ' will '),
    'systematic review with meta-analysis': ('meta', 'pooled'),
    'systematic review': ('systematic', 'searched', 'studies', 'trials', 'rcts', 'review'),
    'guideline': ('guideline', 'consensus', 'recommendation', 'position statement'),
    'randomized controlled trial': ('random', 'placebo'),
    'case report': ('case', 'year-old', 'we report', 'we describe', 'we present'),
    'case series': ('case', 'series', 'we report', 'we describe', 'we present', 'presented with'),
    'qualitative': ('qualitative', 'interview', 'focus group', 'thematic', 'grounded', 'phenomenolog'),
    'case-control': ('case', 'matched controls'),
    'cross-sectional': ('cross', 'survey', 'questionnaire', 'prevalence'),
    'cohort (retrospective)': ('retrospective', 'records', 'chart', 'registry', 'database', 'administrative', 'claims'),
    'non-randomized controlled trial': ('random', 'quasi', 'single-arm', 'open-label', 'phase', 'pilot', 'pre-post', 'prepost', 'before and after', 'clinical trial'),
    'cohort (prospective)': ('prospective', 'cohort', 'longitudinal', 'follow'),
    'narrative review': ('review', 'overview', 'perspective', 'we discuss', 'we summari', 'we highlight', 'advances', 'progress', 'developments', 'state of the art')}
RULES = dict(TEXT_RULES)


def _may_match(design: str, low: str) -> bool:
    return any(map(low.__contains__, RULE_HINTS.get(design, ("",))))


def species_of(text: str, mesh: list[str]) -> str:
    """"humans", an animal ("mice", "rats" …) or ""; MeSH check tags win over wording."""
    tags = {m.lower() for m in mesh}
    for tag in sorted(tags):
        head = tag.split(",")[0]
        if head in MESH_SPECIES:
            return MESH_SPECIES[head]
    animal_tag = tags & ANIMAL_MESH
    if "humans" in tags and not animal_tag:
        return "humans"
    low = text.lower()
    counts: dict[str, int] = {}
    for m in _ANY_SPECIES.finditer(low):
        name = next(k for k, p in SPECIES_WORDS.items() if p.fullmatch(m.group()))
        counts[name] = counts.get(name, 0) + 1
    name, n = max(counts.items(), key=lambda kv: kv[1]) if counts else ("", 0)
    humans = len(HUMAN_WORDS.findall(low))
    if animal_tag and n == 0:
        return "animals"
    if n and n >= humans:
        return name
    if humans:
        return "humans"
    return ""


TITLE_META = _rx(r"\bmeta-?analys[ie]s\b")
TITLE_GUIDELINE = _rx(r"guideline|consensus|recommendation|position statement")
TITLE_REVIEW = _rx(r"\breview\b")
OBSERVATIONAL_TYPES = ("randomized controlled trial", "non-randomized controlled trial", "cohort (prospective)",
                       "cohort (retrospective)", "case-control", "cross-sectional", "case series", "case report")


def classify_design(title: str, text: str, publication_types: list[str], mesh: list[str], species: str | None = None) -> str:
    """One of DESIGNS. ``text`` is the abstract (section labels may be included)."""
    types = {t.lower().strip() for t in publication_types}
    full = f"{title}\n{text}"
    low, low_title = full.lower(), title.lower()
    meta = RULES["systematic review with meta-analysis"]
    for pub, design in PUB_TYPES:
        if pub in types:
            if design == "systematic review" and meta.search(low):
                return "systematic review with meta-analysis"
            if design == "non-randomized controlled trial" and RULES["randomized controlled trial"].search(low):
                return "randomized controlled trial"
            if design == "cohort (prospective)":
                return _observational(low)
            if design == "narrative review" and is_systematic(full):
                return "systematic review with meta-analysis" if meta.search(low) else "systematic review"
            if design == "narrative review" and OWN_PATIENTS.search(low) and not REVIEW_SAYS_SO.search(low):
                break  # PubMed indexes some studies of their own patients as reviews: "We retrospectively collected …"
            return design
    species = species_of(full, mesh) if species is None else species
    titled = title_design(low_title, species)
    if titled:
        return "systematic review with meta-analysis" if titled == "systematic review" and meta.search(low) else titled
    if STRONG_PROTOCOL.search(low) or "will be" in low and len(FUTURE_METHODS.findall(low)) >= 2:
        return "study protocol"
    if is_systematic(full):
        return "systematic review with meta-analysis" if meta.search(low) else "systematic review"
    # From here on the text is known not to read as a systematic review: the rules below need not ask again.
    if REVIEW_SAYS_SO.search(low) or (REVIEW_VOICE.search(low) and not OWN_DATA.search(low)):
        return "narrative review"
    for design, pattern in TEXT_RULES:
        if design in OBSERVATIONAL_TYPES and species not in ("humans", ""):
            continue  # "mice were randomly assigned" is still an animal study
        if design == "systematic review with meta-analysis":
            if _may_match(design, low) and pattern.search(low) and TITLE_META.search(low_title):
                return design
            continue
        if design == "guideline" and not TITLE_GUIDELINE.search(low_title):
            continue
        if design == "narrative review" and species not in ("humans", "") and not TITLE_REVIEW.search(low_title):
            continue
        if design == "systematic review":
            continue
        if _may_match(design, low) and pattern.search(low):
            return design
    animal_mesh = bool({m.lower() for m in mesh} & ANIMAL_MESH)
    if COMPUTATIONAL_TITLE.search(low_title) and not animal_mesh:
        return "other"  # "Theoretical analysis of … in superhelical DNA" that may one day "illuminate … in vivo"
    if not EMPIRICAL.search(text.lower()) and (REVIEW_TITLE.search(low_title) or not re.search(r"\d", text)) and not animal_mesh:
        return "narrative review"  # no methods, no results: an overview of others' work
    lab, animal_procedure, human = LAB_WORDS.search(low) or _lab_mesh(mesh), ANIMAL_PROCEDURE.search(low), HUMAN_WORDS.search(low)
    if lab and not animal_procedure and not human:
        return "in vitro/lab study"  # "cultured rat neurons" is lab work, not an animal study
    if species in SPECIES_WORDS or species == "animals" or ("animals" in {m.lower() for m in mesh}):
        return "animal study"
    if lab and not human:
        return "in vitro/lab study"
    if IN_VIVO.search(low):
        return "animal study"
    if lab and not (species == "humans" and PEOPLE_COUNTED.search(low)):
        return "in vitro/lab study"
    return "other"  # "confirmed by culture in 20 of the 60 patients": work with people, not only on their cells


def title_design(low_title: str, species: str) -> str:
    """The design a lower-cased title names, or "". A trial the title names in animals ("… in rats") is an animal study."""
    for design, pattern in TITLE_DESIGNS:
        if pattern.search(low_title):
            if design in HUMAN_DESIGNS and design != "study protocol" and species not in ("humans", ""):
                return ""
            return design
    return ""


def _lab_mesh(mesh: list[str]) -> bool:
    """MeSH that index work on cells: "HEK293 Cells", "Cells, Cultured", "Cell Line, Tumor"."""
    return any(m.lower().endswith(" cells") or m.lower().startswith(("cells, cultured", "cell line")) for m in mesh)


def _observational(low: str) -> str:
    for design in ("case-control", "cross-sectional", "cohort (retrospective)"):
        if RULES[design].search(low):
            return design
    return "cohort (prospective)"
