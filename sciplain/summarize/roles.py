"""Sentence roles: background, objective, methods, results, conclusions, limitations.

A structured abstract tells us the role through its section label or NLM
category. Otherwise each sentence gets cue scores (wording such as "we aimed",
"were randomly assigned", "p < 0.05", "these findings suggest") plus a position
prior, and a monotone decoder picks the best role sequence under the constraint
that abstracts move forward: background -> objective -> methods -> results ->
conclusions. Limitations are assigned by their own cue afterwards. Funding,
disclosure and registration lines get the role "other": no step reads them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .textutil import lower_case_pattern
from .wordgate import trigger_words, words_of

ORDER = ("background", "objective", "methods", "results", "conclusions")

CATEGORY_ROLE = {
    "BACKGROUND": "background", "OBJECTIVE": "objective", "METHODS": "methods",
    "RESULTS": "results", "CONCLUSIONS": "conclusions",
}

# Section labels as printed, lower-cased, to a role. Checked by prefix, first match wins.
LABEL_ROLE = [
    ("limitation", "limitations"),
    ("background", "background"), ("introduction", "background"), ("context", "background"),
    ("rationale", "background"), ("importance", "background"), ("study context", "background"),
    ("objective", "objective"), ("aim", "objective"), ("purpose", "objective"), ("goal", "objective"),
    ("hypothes", "objective"), ("question", "objective"), ("study question", "objective"),
    ("method", "methods"), ("material", "methods"), ("design", "methods"), ("setting", "methods"),
    ("participant", "methods"), ("patient", "methods"), ("subject", "methods"), ("intervention", "methods"),
    ("outcome", "methods"), ("main outcome", "methods"), ("measure", "methods"), ("search", "methods"),
    ("selection", "methods"), ("data collection", "methods"), ("data source", "methods"),
    ("study selection", "methods"), ("data extraction", "methods"), ("eligibility", "methods"),
    ("procedure", "methods"), ("experimental", "methods"), ("approach", "methods"), ("analysis", "methods"),
    ("population", "methods"), ("ethics", "methods"),
    ("result", "results"), ("main result", "results"), ("finding", "results"), ("observation", "results"),
    ("case", "results"), ("case presentation", "results"), ("case report", "results"), ("outcome", "results"),
    ("conclusion", "conclusions"), ("authors' conclusion", "conclusions"), ("interpretation", "conclusions"),
    ("discussion", "conclusions"), ("significance", "conclusions"), ("implication", "conclusions"),
    ("clinical relevance", "conclusions"), ("summary", "conclusions"), ("relevance", "conclusions"),
    ("level of evidence", "conclusions"), ("key point", "conclusions"), ("perspective", "conclusions"),
]


METADATA_LABEL = re.compile(r"fund|disclosure|registration|conflict|sponsor|competing|declaration|financial|acknowledg", re.IGNORECASE)


def role_from_label(label: str, category: str = "") -> str:
    """The role a section label implies; "other" for funding and registration sections, which NLM files
    under BACKGROUND but which say nothing about the study."""
    if METADATA_LABEL.search(label):
        return "other"
    cat = CATEGORY_ROLE.get(category.upper().strip())
    low = label.lower().strip().strip(":").replace("’", "'")
    if low.startswith(("main result", "authors' conclusion")):
        return "results" if low.startswith("main") else "conclusions"
    if "limitation" in low:
        return "limitations"
    if cat:
        return cat
    for prefix, role in LABEL_ROLE:
        if low.startswith(prefix):
            return role
    return ""


def _cues(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:[- ]\w+)?|\w+ hundred)"

CUES: dict[str, list[tuple[re.Pattern, float]]] = {
    "background": [
        (lower_case_pattern(r"\b(?:is|are) (?:a|an|the|one of|common|often|widely|known|thought|considered|characterized|associated)\b"), 1.0),
        (lower_case_pattern(r"\b(?:has|have) been (?:shown|reported|suggested|implicated|proposed|associated|described|used)\b"), 1.2),
        (lower_case_pattern(r"\b(?:little is known|remains? (?:unclear|unknown|poorly|elusive|controversial)|is (?:unclear|unknown)|poorly understood|not (?:well|fully) understood)\b"), 1.6),
        (lower_case_pattern(r"^(?:however|although|despite|recent(?:ly)?|previous(?:ly)?|currently|to date)\b"), 0.8),
        (lower_case_pattern(r"\b(?:leading cause|major cause|plays? (?:a|an) (?:important|critical|key|central|crucial))\b"), 1.5),
        (lower_case_pattern(r"\b(?:affects?|occurs?|remains|represents?|are needed|is needed|lack of)\b"), 0.5),
    ],
    "objective": [
        (lower_case_pattern(r"\b(?:aim(?:s|ed)?|objective|purpose|goal)s? (?:of (?:this|the|our)(?: present| current)? (?:[\w-]+ ){0,3}?(?:study|work|review|trial|paper|analysis|investigation)|was|is|were|are)\b"), 3.0),
        (lower_case_pattern(r"\b(?:we|this study|this review|this trial|the present study|this paper|this work)\s+(?:(?:was|is) )?(?:aim(?:ed|s)?|sought|set out|seeks?|proposes?)\b"), 3.0),
        # "We examined the association between …" opening the argument states the question, not a procedure.
        (lower_case_pattern(r"^(?:here,? |in this (?:study|work),? )?we (?:also )?(?:examined|investigated|explored|evaluated|assessed|studied|tested|compared|determined) (?:the (?:association|relationship|effects?|impact|role|influence|hypothesis|extent|prevalence)|whether|how|if|what|which)\b"), 2.4),
        (lower_case_pattern(r"^to (?!date\b|this end\b|our knowledge\b)(?:\w+ly\s+)?[a-z]+\b"), 3.0),
        (lower_case_pattern(r"^(?:to|and to) (?:evaluate|assess|determine|investigate|examine|compare|explore|identify|describe|test|estimate|characteri[sz]e|review|summari[sz]e|quantify|understand|establish|develop|study|present|analy[sz]e|report|measure|clarify|elucidate|validate|define|document|provide|find|introduce|propose|ascertain|appraise|verify|demonstrate|investigate)\b"), 3.0),
        (lower_case_pattern(r"^(?:this|the present|the current|our|here,? (?:this|the present|we)) (?:[\w-]+ ){0,4}(?:study|trial|review|article|paper|analysis|work|report|investigation) (?:evaluated|evaluates|examined|examines|investigated|investigates|assessed|assesses|explored|explores|compared|compares|reviews|discusses|describes|aims|aimed|sought|seeks|was designed|is designed|was conducted|was undertaken|tested|tests|determined|focuses|focused|addresses|addressed|presents|reports)\b"), 2.6),
        (lower_case_pattern(r"\b(?:was|were) (?:conducted|performed|designed|undertaken|carried out) to\b"), 1.8),
        (lower_case_pattern(r"\b(?:we|this study|here,? we|the present study|this review|this article|this paper) (?:hypothesi[sz]ed|hypothesi[sz]e|asked|ask|tested whether|test whether|investigated whether|investigate whether|examine whether|examined whether|evaluate|investigate|examine|explore|report|describe|review|present|assessed whether)\b"), 2.0),
        (lower_case_pattern(r"\bin (?:this|the present|the current) (?:study|work|report|review|paper),? we (?:investigate|examine|evaluate|explore|test|asked|describe|report|present|review|propose|show)"), 1.5),
        (lower_case_pattern(r"\?\s*$"), 1.2),
        # "We hypothesized that …", "The authors hypothesized …", "to test the hypothesis that …"
        (lower_case_pattern(r"\bhypothesi[sz]e[ds]?\b|\b(?:test|tested|testing) the hypothesis\b"), 1.5),
    ],
    "methods": [
        (lower_case_pattern(r"\b(?:were|was) (?:\w+ly |also |then |further )?(?:taken|created|noted|adjusted|placed|applied|prepared|fixed|stained|imaged|photographed|captured|harvested|isolated|cultured|sampled|defined|performed|recorded|measured|assessed|evaluated|analy[sz]ed|collected|obtained|compared)\b"), 1.0),
        (lower_case_pattern(r"\b(?:were|was) (?:also |then |further )?(?:randomi[sz]ed|randomly|enrolled|recruited|included|assigned|allocated|divided|treated|exposed|injected|administered|performed|measured|assessed|evaluated|collected|obtained|analy[sz]ed|used|recorded|examined|tested|compared|followed|selected|identified|interviewed|surveyed|scored|calculated|computed|estimated|extracted|screened|counted|documented|given|trained|housed|implanted|subjected|studied|determined|quantified|monitored|categori[sz]ed|classified|matched|stratified|fed|operated)\b"), 1.6),
        (lower_case_pattern(r"\b(?:we (?:used|performed|conducted|recruited|enrolled|included|searched|analy[sz]ed|measured|assessed|collected|developed|designed|applied|compared|examined|reviewed|identified|selected|carried out|undertook|extracted|evaluated|studied|generated|employed|obtained|calculated|estimated|tested|retrospectively|prospectively))\b"), 1.4),
        (lower_case_pattern(r"\b(?:retrospective|prospective|cross-sectional|randomi[sz]ed|double-blind|placebo-controlled|cohort|case-control|multicent(?:er|re)|single-cent(?:er|re)|observational|longitudinal) (?:study|trial|analysis|review|design|cohort)\b"), 1.2),
        (lower_case_pattern(r"\b(?:outcome measures?|primary (?:end ?point|outcome)s? (?:was|were|included)|secondary outcomes?|regression|questionnaire|databases?|medline|embase|pubmed|cochrane|inclusion criteria|eligible|follow-up visits?|statistical analys)\b"), 1.0),
        (lower_case_pattern(r"^(?:using|by using|in (?:a|this) (?:prospective|retrospective|randomi[sz]ed|cross-sectional|cohort)|participants|patients|subjects|data (?:were|from)|mice|rats|adult)\b"), 0.8),
        (lower_case_pattern(r"\b(?:aged|years old|mean age|inclusion|exclusion|setting|institution|hospital|cent(?:er|re)s?)\b"), 0.5),
        (lower_case_pattern(r"\b(?:received|underwent|comprised|consisted of|were (?:divided|grouped|categori[sz]ed|defined)|were asked to|completed (?:a|the)|was (?:defined|calculated|used)|we (?:defined|calculated|modeled|modelled))\b"), 0.9),
        (lower_case_pattern(r"\b(?:between|from) (?:\w+ )?(?:19|20)\d\d (?:and|to|through) (?:\w+ )?(?:19|20)\d\d\b"), 1.2),
        # How the analysis was set up is a method even though it quotes p or a 95% CI.
        (lower_case_pattern(r"\b(?:(?:was|were) (?:considered|set|taken|accepted|defined) (?:as )?(?:to be )?(?:statistically )?significan|significance (?:level )?(?:was|is|were) (?:set|defined|considered|accepted)|"
                    r"level of (?:statistical )?significance|(?:was|were) used to (?:estimate|calculate|compare|assess|determine|analy[sz]e|identify|examine|evaluate|test|model|compute|predict)|"
                    r"(?:models?|regression|tests?|analys[ie]s) (?:was|were) (?:used|performed|applied|fitted|conducted) to)"), 3.0),
        # Plans: "Participants will be randomised", "Data will be analysed".
        (lower_case_pattern(r"\bwill (?:be (?!needed|required|warranted|useful|helpful|important|necessary|crucial|essential|beneficial|interesting)\w+(?:ed|en)|"
                    r"receive|undergo|complete|recruit|enrol|enroll|include|compare|assess|measure|use)\b"), 1.5),
        (lower_case_pattern(r"\b(?:were|was) the (?:primary|secondary|main) (?:outcomes?|end ?points?|outcome measures?)|\bthe (?:parameters|variables|outcomes?|end ?points?) (?:observed|studied|measured|assessed|recorded|evaluated) (?:were|was)\b"), 1.5),
        (lower_case_pattern(r"^(?:(?:single|multi)[- ]?cent(?:er|re)|department of|university|prospective|retrospective|randomi[sz]ed|cross-sectional|case series|cohort|comparative|observational|setting)\b[^.]{0,80}\.?$"), 1.5),
    ],
    "results": [
        (lower_case_pattern(r"\b[pP]\s*[<=>≤≥]\s*0?\.\d+|\b95\s?%\s*(?:CI|confidence)|\b(?:OR|RR|HR|MD|SMD|AUC|r)\s*[=:]?\s*-?\d"), 2.0),
        (lower_case_pattern(r"\b(?:significant(?:ly)?|increased|decreased|reduced|improved|higher|lower|greater|fewer|more likely|less likely|was associated|were associated|(?:was|were) not (?:associated|related|different|significant)|correlated|did not differ|no (?:significant )?difference|there (?:was|were) (?:no|a|an|significant)|showed|revealed|demonstrated|resulted in|compared (?:with|to)|versus|vs\.?)\b"), 0.9),
        (lower_case_pattern(r"\b(?:we (?:found|observed|identified|show|showed|detected|noted)|our (?:results|data|findings) (?:show|showed|revealed|demonstrated|indicated))\b"), 1.2),
        (lower_case_pattern(r"\d+(?:\.\d+)?\s?%"), 0.8),
        (lower_case_pattern(r"^(?:of (?:the|these)|overall|in total|at (?:baseline|follow-up|\d)|after|compared|there (?:was|were)|the (?:mean|median|incidence|prevalence|rate|proportion)|median|mean)\b"), 0.6),
        (lower_case_pattern(r"\b(?:included \d+|\d+ (?:studies|trials|rcts) (?:involving|with|including|enrolling|met))\b"), 1.5),
        # How many were actually enrolled or analysed is reported, not planned.
        (lower_case_pattern(r"\b(?:(?:met|satisfied|fulfilled) (?:the |our )?(?:inclusion|eligibility|selection) criteria|(?:were|was) included in the (?:final )?analysis|"
               r"(?:were|was) (?:eligible|assessable|evaluable) for|response rate|completed (?:questionnaires|surveys) were|enrolled in the study)\b"), 2.5),
        # "A total of 44 patients were randomized", "One hundred thirty-two patients were enrolled": the count achieved.
        (lower_case_pattern(r"^(?:a total of |in total,? |overall,? |finally,? )?(?:\d[\d,]*|" + NUMBER_WORDS + r")\b[^.]{0,80}?\b(?:were|was) (?:finally |eventually |successfully )?"
                    r"(?:enrolled|included|randomi[sz]ed|recruited|analy[sz]ed|identified|eligible|available|evaluated|treated|studied)\b"), 2.5),
        # A review's yield: "We included four trials", "we identified 14 controlled studies", "at high risk of bias".
        (lower_case_pattern(r"\b(?:included|identified|found|analy[sz]ed|retrieved) (?:a total of |only )?(?:\d[\d,]*|" + NUMBER_WORDS + r") (?:[\w-]+ ){0,3}?"
                    r"(?:studies|study|trials?|rcts?|articles|reports|papers|cohorts|records|publications)\b|\b(?:high|low|unclear|serious) risk of bias\b"), 2.0),
        (lower_case_pattern(r"\b(?:(?:were|was) lost to follow-?up|dropped out|withdrew|(?:were|was) withdrawn|discontinued (?:the )?(?:study|treatment|intervention))\b"), 1.5),
        (lower_case_pattern(r"^(?:the )?(?:study|final|analy[sz]ed|our) ?(?:group|population|sample|cohort|series)? (?:comprised|consisted of|included|evaluated) (?:\d|" + NUMBER_WORDS + r")"), 2.0),
    ],
    "conclusions": [
        (lower_case_pattern(r"^(?:in conclusion|to conclude|taken together|together|collectively|overall,? (?:these|our|the) (?:results|findings|data)|in summary|these (?:results|findings|data|observations)|our (?:results|findings|data|study)|this study|the present study|this review|the results of this)\b"), 2.4),
        (lower_case_pattern(r"\b(?:suggests?|suggested|indicates?|support(?:s|ing)? (?:the|a|an|our)|highlights?|implicat(?:es|ions?)|warrant(?:s|ed)?|future (?:studies|research|trials|work)|further (?:research|studies|investigation|trials|work)|are needed|is needed|should be|may be (?:a|an|useful|beneficial|considered|used)|could be|might|potential(?:ly)?|promising|novel (?:therapeutic|target|strategy)|clinical(?:ly)? (?:practice|implications|relevance|use|utility))\b"), 1.0),
        (lower_case_pattern(r"\b(?:is|are|was|were|seems?|appears?) (?:to be )?(?:an? )?(?:safe|effective|feasible|useful|valuable|promising|reliable|valid|beneficial|well[- ]tolerated|superior|inferior|comparable|equally|interchangeabl\w*)\b|\b(?:can|could|may|might|should) be (?:used|considered|recommended|offered)\b"), 1.0),
        (lower_case_pattern(r"\b(?:we conclude|we propose|we suggest|we recommend|provide(?:s)? (?:evidence|new insights|a basis|support)|evidence (?:is|was) (?:insufficient|low|limited|of low|very low)|(?:low|moderate|high|very low)[- ](?:quality|certainty) evidence|there is (?:insufficient|no|limited|little) evidence|remains? (?:uncertain|unclear))\b"), 1.5),
        # Hedged claims: "does not appear to reflect", "seems to be".
        (lower_case_pattern(r"\b(?:appears?|seems?) to\b|\bdo(?:es)? not (?:appear|seem) to\b"), 0.8),
    ],
}

PRIOR = {  # position in the abstract (0..1) -> mild preference; conclusions cluster in the last fifth
    "background": lambda x: 0.9 - 2.5 * x,
    "objective": lambda x: -0.2 - 1.8 * abs(x - 0.15),
    "methods": lambda x: 0.3 - 1.2 * abs(x - 0.35),
    "results": lambda x: 0.4 - 1.2 * abs(x - 0.65),
    "conclusions": lambda x: -1.5 + 6.0 * max(0.0, x - 0.6),
}
FINITE = lower_case_pattern(r"\b(?:is|are|was|were|has|have|had|do|does|did|can|could|may|might|will|would|should|\w+ed|\w{3,}s|"
                    r"met|took|gave|made|found|led|saw|became|began|fell|rose|grew|went|came|underwent|showed|shown|held|kept|left|lost|ran|won|wrote|chose)\b")
PAST = lower_case_pattern(r"\b(?:was|were|had|did|showed|found|observed|increased|decreased|reduced|improved|differed|remained)\b")
PRESENT = lower_case_pattern(r"\b(?:is|are|may|might|could|should|can|suggests?|indicates?|support|provides?|represents?|remains)\b")

METADATA = lower_case_pattern(r"\b(?:financial (?:or proprietary )?interest|conflicts? of interest|competing interests?|funded by|"
                r"(?:supported|funded) by (?:a |the )?(?:grant|fund|national|research)|royalt(?:y|ies)|clinicaltrials\.gov|NCT\d{6,}|"
                r"trial registration|registration number|(?:trial|study|protocol|review) (?:was |is |has been )?(?:not )?(?:prospectively |retrospectively )?registered|"
                r"(?:no|did not receive any|received no|without) (?:specific |external )?(?:funding|financial support|grant)|"
                r"ISRCTN|EudraCT|PROSPERO|CRD\d+|"
                r"grant (?:number|no)|no (?:author|other author) has|please see later in the article|editors' summary|"
                r"received (?:compensation|honoraria|consulting fees|speaker fees|personal fees)|(?:is|are) (?:a |paid )?consultants? (?:to|for)|honoraria|speakers'? bureau|"
                r"can be found in the (?:associated|accompanying|companion))")
# A bare organisation name or "Not applicable": a funder or sponsor at the end of an abstract, a setting near its start.
# Case-sensitive on purpose: "Participants attended a 12-week exercise program." is not an organisation line.
BARE_LINE = re.compile(r"^(?:(?i:not applicable)|[A-Z][\w&.,'’ -]*\b(?:Inc|Foundation|Programme|Program|Council|Institute|Fund|"
                       r"Ministry|Agency|Trust)\b[^.]*)\.?$")
METADATA_TAIL = 0.6  # a bare line after this point of the abstract is metadata


def is_metadata(text: str, position: float = 1.0) -> bool:
    """Funding, disclosure and registration lines are not part of the argument, wherever they are."""
    return _metadata_wording(text) or position >= METADATA_TAIL and bool(BARE_LINE.match(text))


@lru_cache(maxsize=4096)
def _metadata_wording(text: str) -> bool:
    """Cached: ``predict_roles`` asks again about the sentences left once it has set the metadata aside."""
    return bool(METADATA.search(text.lower()))


# Reported statistics ("p = 0.03", "95% CI", "42%", "± 3.1", "(n = 12)") belong to results; conclusions restate them in words.
STATISTIC = lower_case_pattern(r"\bp\s*[<=>≤≥]\s*0?\.\d|\b95\s?%|\d\s?%|±|\(\s*n\s*=|\bci\b")
LIMITATION_CUE = _cues(r"\b(?:limitations?|limited by|(?:main|major|key) weakness|caveat|should be interpreted with caution|generali[sz]ability)\b")
_LIMITATION_HINTS = ("limit", "weakness", "caveat", "caution", "generali")


def states_a_limitation(text: str) -> bool:
    """Whether ``text`` names a limitation (``LIMITATION_CUE``); the words it needs are looked for first, since
    it is asked of every sentence twice."""
    low = text.lower()
    return any(map(low.__contains__, _LIMITATION_HINTS)) and bool(LIMITATION_CUE.search(text))


# Each cue with the words it cannot match without (``wordgate``): most cues fail on most sentences,
# and a set test rules that out for the price of one search.
_GATED_CUES = {role: [(pattern, weight, trigger_words(pattern)) for pattern, weight in cues] for role, cues in CUES.items()}
_GATES = {pattern: trigger_words(pattern) for pattern in (FINITE, PAST, PRESENT, STATISTIC)}


def _found(pattern: re.Pattern, text: str, words: set[str]) -> bool:
    needs = _GATES[pattern]
    return (needs is None or not needs.isdisjoint(words)) and bool(pattern.search(text))


def cue_scores(text: str, position: float, last: bool = False, second_last: bool = False) -> dict[str, float]:
    text = text.lower()
    words = words_of(text)
    scores = {}
    for role in ORDER:
        s = PRIOR[role](position)
        for pattern, weight, needs in _GATED_CUES[role]:
            if (needs is None or not needs.isdisjoint(words)) and pattern.search(text):
                s += weight
        scores[role] = s
    past, present = _found(PAST, text, words), _found(PRESENT, text, words)
    if _found(STATISTIC, text, words):
        scores["conclusions"] -= 1.0
    if not _found(FINITE, text, words):  # "Ongoing pregnancy and miscarriage rates." is an outcome heading's text
        scores["methods"] += 1.0
    if past and not present:
        scores["results"] += 0.4
        scores["conclusions"] -= 0.3
    elif present and not past:
        scores["conclusions"] += 0.7 if position >= 0.6 else 0.3
        scores["background"] += 0.3
        scores["results"] -= 0.3 if position > 0.7 else 0.2
    if last:
        scores["conclusions"] += 1.5
    elif second_last:
        scores["conclusions"] += 0.8
    return scores


def decode(score_rows: list[dict[str, float]]) -> list[str]:
    """Best role sequence that never moves backwards through ORDER (a Viterbi over 5 states)."""
    if not score_rows:
        return []
    n, k = len(score_rows), len(ORDER)
    best = [[0.0] * k for _ in range(n)]
    back = [[0] * k for _ in range(n)]
    for j in range(k):
        best[0][j] = score_rows[0][ORDER[j]]
    for i in range(1, n):
        running, arg = float("-inf"), 0
        for j in range(k):
            if best[i - 1][j] > running:
                running, arg = best[i - 1][j], j
            best[i][j] = running + score_rows[i][ORDER[j]]
            back[i][j] = arg
    j = max(range(k), key=lambda j: best[n - 1][j])
    out = [0] * n
    for i in range(n - 1, -1, -1):
        out[i] = j
        j = back[i][j]
    return [ORDER[j] for j in out]


def predict_roles(texts: list[str]) -> list[str]:
    """Roles for the sentences of an unstructured abstract, in order.

    Funding, disclosure and registration lines are not part of the argument: they get
    "other" (never a finding, never in a summary) and are left out of the decoding."""
    n = len(texts)
    meta = [is_metadata(t, i / max(n - 1, 1)) for i, t in enumerate(texts)]
    if any(meta):
        rest = iter(predict_roles([t for t, m in zip(texts, meta) if not m]) if not all(meta) else [])
        return ["other" if m else next(rest) for m in meta]
    n = len(texts)
    rows = [cue_scores(t, i / max(n - 1, 1), last=i == n - 1 and n > 2, second_last=i == n - 2 and n > 6)
            for i, t in enumerate(texts)]
    roles = decode(rows)
    return ["limitations" if r in ("results", "conclusions") and states_a_limitation(t) else r
            for t, r in zip(texts, roles)]
