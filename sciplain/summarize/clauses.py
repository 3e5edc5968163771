"""Sentence structure for readers: long sentences split at their clauses, asides and frames dropped.

Nothing here swaps a word (that is ``plain``): a sentence only loses an aside, a
frame ("we show that") or a list's markers, or is cut where a clause of its own
starts. Each cut keeps negations, hedges and quantities, and asks first whether
what is left can stand as a sentence (``has_verb``).
"""

from __future__ import annotations

import re

from .textutil import HEDGE, capitalise, has_negation, has_quantity

# The present tense results are stated in ("The data provide insight …", "BRCA1 plays a role …"): only forms that
# are rarely nouns ("increase", "need", "control" and "support" often are).
PRESENT_VERBS = frozenset({
    "provide", "provides", "play", "plays", "represent", "represents", "contribute", "contributes", "require", "requires",
    "depend", "depends", "exist", "exists", "occur", "occurs", "differ", "differs", "explain", "explains", "confer",
    "confers", "mediate", "mediates", "regulate", "regulates", "promote", "promotes", "inhibit", "inhibits", "induce",
    "induces", "enhance", "enhances", "involve", "involves", "contain", "contains", "include", "includes", "prevent",
    "prevents", "protect", "protects", "allow", "allows", "enable", "enables", "demonstrate", "demonstrates", "reveal",
    "reveals", "show", "shows", "suggest", "suggests", "indicate", "indicates", "highlight", "highlights", "remain",
    "remains", "appear", "appears", "seem", "seems", "become", "becomes", "undergo", "undergoes", "facilitate",
    "facilitates", "impair", "impairs", "alter", "alters", "correlate", "correlates", "affects", "makes", "gives", "takes",
    "yields", "predicts", "determines", "activates", "triggers", "modulates", "drives", "helps", "works", "lowers", "raises",
    "increases", "decreases", "reduces", "improves", "leads", "causes"})

_ALSO_NOUNS = frozenset({"increases", "decreases", "leads", "causes", "helps", "works", "shows", "remains", "raises", "lowers",
                         "drives", "triggers", "plays", "yields", "takes", "makes", "gives", "highlights", "alters", "reduces",
                         "improves", "predicts", "affects"})

# What follows a conjunction when it starts a clause: a new subject of 1–6 words (not starting with a verb,
# adverb or relative pronoun, and crossing no "who", "which" or "that") and its finite verb, an auxiliary or a
# common past-tense verb of a result, not straight after an article ("and an increased risk of falls" is no
# clause). Without a new subject (", and was higher") the clause cannot stand alone.
_FINITE = (r"(?:was|were|is|are|had|has|have|could|can|may|might|will|would|should|must|(?:did|does|do) not|"
           r"increased|decreased|reduced|improved|declined|rose|fell|dropped|remained|showed|found|led|resulted|caused|"
           r"differed|developed|occurred|appeared|became|tended|returned|recovered|survived|died|changed|doubled|"
           r"correlated|predicted|persisted|disappeared|emerged|reached|exceeded|failed|responded|lost|gained|grew|"
           # not the forms that are as often plural nouns: "and poor increases in export" starts no clause
           + "|".join(sorted(PRESENT_VERBS - _ALSO_NOUNS)) + r")\b")
CLAUSE_FOLLOWS = (r"(?=(?!\w+(?:ed|ing|ly)\b)(?!(?:did|does|do|was|were|is|are|has|have|had|can|could|may|might|will|would|"
                  r"should|must|not)\b)(?:(?!who\b|which\b|that\b)[\w'’-]+\s+){1,6}"
                  r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bno )" + _FINITE + ")")

# A clause has a verb: an auxiliary, or a past or present tense not straight after an article or a preposition
# ("an increased risk", "with reduced pain" are adjectives). "Policy makers, health workers and educators, and
# departments of health can …" has none before its ", and": the conjunction joins a list, not two clauses.
_AUXILIARIES = frozenset({"was", "were", "is", "are", "had", "has", "have", "did", "does", "do", "could", "can", "may", "might",
                          "will", "would", "should", "must"})
_TENSED = PRESENT_VERBS | frozenset({"rose", "fell", "grew", "led", "found", "showed", "made", "took", "gave", "became", "saw",
                                     "began", "got", "went", "felt", "kept", "left", "lost", "held", "met", "ran", "came", "won"})
_NOT_BEFORE_A_VERB = frozenset({"a", "an", "the", "with", "of", "in", "for", "to", "by", "no"})
_WORDS = re.compile(r"[A-Za-z]+")


def has_verb(text: str) -> bool:
    """Whether ``text`` can stand as a clause of its own (see ``_AUXILIARIES`` and ``_TENSED``). A word loop: the same
    test as one regex, with a look-behind at every position, cost 30 µs a sentence."""
    previous = ""
    for word in _WORDS.findall(text):
        low = word.lower()
        if low in _AUXILIARIES:
            return True
        if _tensed(low, previous):
            return True
        previous = low
    return False


def _tensed(low: str, previous: str) -> bool:
    """A past or present tense ("rose", "provides", "improved"), not an adjective after an article or a preposition."""
    return (low in _TENSED or len(low) >= 5 and low.endswith("ed")) and previous not in _NOT_BEFORE_A_VERB


_CLAUSE_SPLITS = [
    (re.compile(r";\s+"), ". "),
    (re.compile(r",\s+whereas\s+"), ". But "),
    (re.compile(r",\s+while\s+(?=(?:the|this|these|those|it|they|we|there|in|at|no|[a-z]+ (?:was|were|did|had|showed))\b)"), ". But "),
    # not ", but not": "greater walking distance, but not other measures, were linked to …" has no clause after it
    (re.compile(r",\s+but\s+(?=(?:the|this|these|those|it|they|we|there|no|[a-z]+ (?:was|were|did|had))\b)"), ". But "),
    # ", and the number of patients with lesions" ends a list, not a clause: a verb must follow
    (re.compile(r",\s+and\s+" + CLAUSE_FOLLOWS, re.IGNORECASE), ". And "),
    (re.compile(r",\s+which\s+(?=(?:was|were|is|are|may|might|could|suggests?|indicates?|led|resulted)\b)"), ". This "),
    (re.compile(r",\s+(?:although|though)\s+"), ". But "),
    (re.compile(r",\s+because\s+"), ". This is because "),
]


# A participle after a clause that states its effect: "A drop in pH protonates the residues, increasing the peptide's
# affinity for the membrane" -> "… residues. This increases …". Each verb's base form, present and past tense.
_EFFECT_PARTICIPLES = {
    "increasing": ("increase", "increases", "increased"), "decreasing": ("decrease", "decreases", "decreased"),
    "reducing": ("reduce", "reduces", "reduced"), "lowering": ("lower", "lowers", "lowered"), "raising": ("raise", "raises", "raised"),
    "improving": ("improve", "improves", "improved"), "worsening": ("worsen", "worsens", "worsened"), "leading": ("lead", "leads", "led"),
    "resulting": ("result", "results", "resulted"), "causing": ("cause", "causes", "caused"),
    "triggering": ("trigger", "triggers", "triggered"), "promoting": ("promote", "promotes", "promoted"),
    "preventing": ("prevent", "prevents", "prevented"), "producing": ("produce", "produces", "produced"),
    "contributing": ("contribute", "contributes", "contributed"), "inducing": ("induce", "induces", "induced"),
    "blocking": ("block", "blocks", "blocked"), "enhancing": ("enhance", "enhances", "enhanced"),
    "impairing": ("impair", "impairs", "impaired"), "restoring": ("restore", "restores", "restored"),
    "limiting": ("limit", "limits", "limited"),
}
# not before "of" ("no effect on relapse, worsening of disability" is a list of nouns) or "and"
_PARTICIPLE = re.compile(r",\s+(" + "|".join(_EFFECT_PARTICIPLES) + r")\s+(?!(?:of|and|or)\b)")
_AND_PARTICIPLE = re.compile(r"(,?\s+and\s+)(" + "|".join(_EFFECT_PARTICIPLES) + r")\b")
# "the benefit of treatments in decreasing X, increasing Y": the participle is the next item of a list of actions
_GERUND_BEFORE = re.compile(r"\b(?:in|of|by|for|on|at|to|from|without)\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)
_HEDGING_MODALS = frozenset({"may", "might", "could", "can"})
_OTHER_MODALS = frozenset({"should", "would", "will", "must", "shall"})


def _tense(clause: str) -> str | None:
    """The tense of the first finite verb in ``clause``: "past", "present", a hedging modal ("may"), or None
    when it has another modal ("should be considered"), whose force a participle does not share."""
    previous = ""
    for word in _WORDS.findall(clause):
        low = word.lower()
        if low in _HEDGING_MODALS:
            return low
        if low in _OTHER_MODALS:
            return None
        if low in ("was", "were", "had", "did"):
            return "past"
        if low in ("is", "are", "has", "have", "does", "do") or low in PRESENT_VERBS:
            return "present"
        if _tensed(low, previous):
            return "past"  # the present tense was asked just before
        previous = low
    return "present"


def _split_at_participle(sentence: str) -> str:
    """"X, increasing Y and triggering Z" -> "X. This increases Y and triggers Z", in the tense of X ("X may …,
    leading to Z" -> "This may lead to Z": the hedge carries over); unchanged when X cannot stand alone, when the
    participle continues a list of actions, or when what follows is too short to be worth a sentence."""
    m = _PARTICIPLE.search(sentence)
    if m is None:
        return sentence
    left, right = sentence[: m.start()], sentence[m.end():]
    if len(left.split()) < 6 or len(right.split()) < 4 or not has_verb(left) or _SUBORDINATE.match(left) or _GERUND_BEFORE.search(left):
        return sentence
    tense = _tense(left)
    if tense is None:
        return sentence
    base, present, past = _EFFECT_PARTICIPLES[m.group(1)]
    form = {"past": 2, "present": 1}.get(tense, 0)
    right = _AND_PARTICIPLE.sub(lambda a: a.group(1) + _EFFECT_PARTICIPLES[a.group(2)][form], right)
    verb = {"past": past, "present": present}.get(tense, f"{tense} {base}")
    return f"{left}. This {verb} {right}"


# A second verb phrase sharing the sentence's subject: "Recovery was reached by 6 months and was higher than after
# LASIK", "The mutant showed X, but did not accumulate Y". Only an auxiliary, a modal or a verb that is rarely an
# adjective may open it: after "and", "reduced pain" is as often the next object as the next verb.
_SECOND_VERBS = ("was|were|is|are|had|has|have|could|can|may|might|will|would|should|did|does|do|showed|found|led|resulted|"
                 # a present tense only in its "-s" form: "appears to reduce X and help Y" shares the "to"
                 "remained|became|" + "|".join(sorted(v for v in PRESENT_VERBS - _ALSO_NOUNS if v.endswith("s"))))
_SHARED_SUBJECT = re.compile(r"(,?)\s+(and|but)\s+(?:(also)\s+)?(" + _SECOND_VERBS + r")\b\s+(?=\S)")
# A subject that is not the sentence's, or a clause within which "and" may join two verbs of another subject
_EMBEDDED = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "if", "because", "since", "whereas", "while",
                       "although", "though", "unless", "whether"})
# Irregular past tenses and their participles ("rose" -> "has risen"), and the participles that are no "-ed" form.
PARTICIPLE_OF = {"rose": "risen", "fell": "fallen", "grew": "grown", "showed": "shown", "took": "taken", "gave": "given",
                 "became": "become", "began": "begun", "saw": "seen"}
IRREGULAR_PARTICIPLES = frozenset(PARTICIPLE_OF.values()) | {
    "been", "known", "done", "made", "found", "written", "held", "kept", "thought", "felt", "told", "drawn", "chosen", "undergone"}
_AUTHORS_FRAME = re.compile(r"The (?:authors|researchers) (?:conclude|suggest) that ")
# "when compared with", "if needed": a subordinator before a participle has no subject of its own to take the verb
_REDUCED = re.compile(r"\b(?:when|if|while|although|though|unless)\s+(?=\w+(?:ed|ing)\b)")
_NO_PRONOUN = frozenset({"there", "none", "neither", "each", "either", "no", "nobody", "nothing"})
_PLURAL_QUANTIFIERS = frozenset({"all", "most", "some", "many", "few", "both", "several", "two", "three", "four", "five", "six",
                                 "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred"})
_SINGULAR_VERBS = frozenset({"was", "is", "has", "does"})
_PLURAL_VERBS = frozenset({"were", "are", "have", "do"})
_PLURAL_NOUNS = frozenset({"people", "children", "men", "women", "mice", "data", "teeth", "feet", "criteria", "bacteria"})
_SUBJECT_END = frozenset({"of", "in", "with", "for", "from", "on", "at", "to", "among", "after", "during", "by", "between", "who",
                          "that", "which"})


def _subject_pronoun(left: str, verb: str) -> str | None:
    """"It" or "They" for the subject of ``left``, from the number its verbs show, else from its head noun (the
    last word before its first verb or preposition); "We" for the authors. None when nothing tells."""
    words = _WORDS.findall(left)
    first = words[0].lower() if words else ""
    if first == "we":
        return "We"
    if first in _NO_PRONOUN:  # "There was no X and was …", "None of them had X and had …": no pronoun takes it up
        return None
    if first in _PLURAL_QUANTIFIERS:  # "Two of the studies …", "Most of the injuries …"
        return "They"
    for low in [verb] + [w.lower() for w in words]:
        if low in _SINGULAR_VERBS or low in PRESENT_VERBS and low.endswith("s"):
            return "It"
        if low in _PLURAL_VERBS:
            return "They"
    head = ""
    previous = ""
    for word in words:
        low = word.lower()
        if low in _SUBJECT_END or low in _AUXILIARIES or _tensed(low, previous):
            break
        head, previous = low, low
    if not head or head in ("this", "it"):
        return "It" if head else None
    plural = head in _PLURAL_NOUNS or head in ("they", "these", "those", "both") or (
        head.endswith("s") and not head.endswith(("ss", "us", "is", "sis")))
    return "They" if plural else "It"


def _split_shared_subject(sentence: str) -> str:
    """"X was reached by 6 months and was higher than after Y" -> "X was reached by 6 months. It was also higher than
    after Y": a second verb phrase of a long sentence becomes a sentence of its own with a pronoun for the shared
    subject (its number from the verbs or the subject's head noun). Unchanged when the left part holds a clause of
    its own ("Mice that received X and were …") or opens with a subordinate clause, or either part is short."""
    m = _SHARED_SUBJECT.search(sentence)
    if m is None:
        return sentence
    left, right = sentence[: m.start()], sentence[m.end():]
    frame = _AUTHORS_FRAME.match(left)
    clause = left[frame.end():] if frame else left  # "The authors conclude that X is A and is B": X's verbs
    words = _WORDS.findall(clause.lower())
    if len(left.split()) < 7 or len(right.split()) < 5 or not has_verb(clause) or _SUBORDINATE.match(clause) or (
            _EMBEDDED.intersection(words) and _EMBEDDED.intersection(_WORDS.findall(_REDUCED.sub(" ", clause.lower())))):
        return sentence
    verb = m.group(4)
    low = verb.lower()
    if low in ("have", "do", "are") and " to " in clause:
        return sentence  # "It is important to be aware of X and have Y": "have" is the infinitive's
    pronoun = _subject_pronoun(clause, low)
    if pronoun is None:
        return sentence
    # "also" once, and not in "But it did not …": "It was also higher", "It could also test", "It also had a risk"
    # nor in a comparison: "The rate was 39% in one group and was 46% in the other" is no second, like result
    after = right.split(" ", 1)[0].lower().rstrip(",;.")
    plain = m.group(3) or m.group(2) == "but" or "also" in words or after in ("not", "no", "never") or after[:1].isdigit()
    if plain:
        second = f"{verb} {right}"
    elif low in _AUXILIARIES and low not in ("had", "has", "have", "did", "does", "do") or after in IRREGULAR_PARTICIPLES:
        # "had been", "has shown": an auxiliary before a participle takes "also" after it
        second = f"{verb} also {right}"
    else:
        second = f"also {verb} {right}"
    opener = f"But {pronoun.lower() if pronoun != 'We' else 'we'}" if m.group(2) == "but" else pronoun
    return f"{left.rstrip(',')}. {opener} {second}"


def _shared_subject_if_long(sentence: str, max_words: int) -> str:
    if len(sentence.split()) > max_words and (" and " in sentence or " but " in sentence):
        return _split_shared_subject(sentence)
    return sentence


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_OPENER = re.compile(r"^(?:Moreover|Furthermore|Additionally|In addition|Also|However|But|Thus|So|Therefore|Hence|"
                     r"Importantly|Notably|Interestingly|Finally|Overall|In conclusion|In summary|Taken together|"
                     r"Collectively|Together|Consequently|Conversely|In contrast|Similarly|Likewise|Particularly|In particular|Indeed|"
                     r"Specifically|Of note|Mechanistically|Here(?:in)?|Recently|Lastly|Accordingly|As expected|For example|For instance|"
                     r"Remarkably|Surprisingly|Unexpectedly|Strikingly|Unfortunately|Altogether|In brief|In short|As such|"
                     r"In parallel|Functionally|Further|Still|On the one hand|On the other hand|"
                     r"Contrary to (?:the )?(?:general|common|previous|prevailing) (?:assumptions?|beliefs?|views?|expectations?)|"
                     r"In (?:this|the present) (?:case report|article)|"
                     r"In (?:this|the present|the current|our) (?:study|work|analysis|paper|report|review|trial|cohort|series)),\s+")


# The study named at length before the finding: "In this individual patient data meta-analysis of observational
# data, …". What kind of study it was is shown beside the summary; the finding is what follows.
_STUDY_OPENER = re.compile(r"^In (?:this|the present|the current|our) (?P<what>(?:[\w-]+ ){0,6}?(?:study|analysis|meta-analysis|"
                           r"review|trial|cohort|series|sample|survey)(?: (?:of|in|among|with|from) [^,;]{1,80})?),\s+")


def _drop_opener(sentence: str) -> str:
    """``sentence`` without its connective or context opener ("Moreover, …", "In this study, …", "In this trial of
    acupuncture for depression, …"), unless a number would then open it ("In our study, 24 of 39 …") or what is
    left could not stand as a sentence."""
    rest = _OPENER.sub("", sentence)
    study = _STUDY_OPENER.match(rest)
    if study and not has_verb(study.group("what")) and len(rest[study.end():].split()) >= 5 and has_verb(rest[study.end():]):
        rest = capitalise(rest[study.end():])
    return sentence if rest[:1].isdigit() else rest


def ends_a_list(left: str) -> bool:
    """"Age, sex, smoking, and high blood pressure were …": a short last item before the conjunction is
    part of a list, and the conjunction joins its last item, not a clause."""
    return "," in left and len(left.rsplit(",", 1)[1].split()) <= 3


# A sentence that opens with a subordinate clause has its main clause later: "As the risk may rise, and as the
# evidence is weak, we do not recommend it" cut at ", and" leaves "As the risk may rise." with no main clause.
_SUBORDINATE = re.compile(r"(?:as|since|because|although|though|while|whilst|if|when|whereas|unless|given that)\b", re.IGNORECASE)


# What follows a semicolon is the rest of a list when it ends in "; and …" or "; or …" and its next item has no
# verb: "…linked to AFC; number of complexes; and oocytes", not "eight did not; five measured; and two checked".
_LIST_AFTER_SEMICOLON = re.compile(r"(?:and |or )|[^.;]*?;\s+(?:and|or)\s", re.IGNORECASE)


def _semicolon_list(rest: str) -> bool:
    """Whether what follows a semicolon cannot be a sentence: the rest of a list, or a verb phrase joined by
    "and" to the clause before it ("…; and probably makes little difference to anxiety": no subject of its own)."""
    words = rest.split(None, 2)
    if len(words) > 1 and words[0] in ("and", "or") and (
            words[1] in _AUXILIARIES or words[1] in _TENSED or words[1].endswith("ly")):
        return True
    if not _LIST_AFTER_SEMICOLON.match(rest):
        return False
    # "…vegetables; estimated intake of potassium; and …": a clause would have its subject first, so an "-ed" word
    # that opens the item is an adjective
    item = rest.split(";", 1)[0]
    first, _, tail = item.partition(" ")
    return not has_verb(tail if first.endswith("ed") else item)


_PREPOSITION = re.compile(r"(?:for|at|by|in|on|with|from|to|via|through|during|after|before|without)\s", re.IGNORECASE)


def _continues(rest: str) -> bool:
    """"…; for village poultry, to help …", "…; at the LV exit site": a phrase after a semicolon that opens with a
    preposition and has no verb goes on the sentence before it, and cannot stand alone; so does "…; which means …"."""
    return rest.startswith("which ") or bool(_PREPOSITION.match(rest)) and not has_verb(rest)


def split_long(text: str, max_words: int = 18) -> str:
    """Break sentences longer than ``max_words`` at clause boundaries (at any semicolon a clause follows)."""
    out = []
    for sentence in _SENTENCE_BREAK.split(text):
        if ";" in sentence or "," in sentence and len(sentence.split()) > max_words:  # every split is at "," or ";"
            if "ing " in sentence:
                sentence = _split_at_participle(sentence)
            for rx, rep in _CLAUSE_SPLITS:
                parts = rx.split(sentence, maxsplit=1)
                if len(parts) == 2 and len(parts[0].split()) >= 5 and len(parts[1].split()) >= 5 and has_verb(parts[0]) and not (
                        rep == ". And " and ends_a_list(parts[0])) and not (rep != ". " and _SUBORDINATE.match(parts[0])) and not (
                        rep == ". " and (_semicolon_list(parts[1]) or _continues(parts[1]))):
                    joined = parts[0].rstrip(",") + rep + parts[1]
                    if rep == ". ":
                        joined = parts[0] + ". " + capitalise(parts[1])
                    sentence = split_long(joined, max_words)
                    break
            else:
                sentence = _shared_subject_if_long(sentence, max_words)
        else:
            sentence = _shared_subject_if_long(sentence, max_words)
        out.append(capitalise(_drop_opener(sentence)))
    return " ".join(out)


# An aside runs to the next comma, semicolon or full stop; a decimal point ("-0.3 D") is no full stop.
# ", which estimated D. patagonica as a burrower" reports a result (a verb of finding) and stays; an initial's
# full stop ("D. patagonica") ends no aside. One that opens a list (", including rash, headache and nausea") runs
# on to the list's last item (``rest``), which ``drop_asides`` keeps when it turns out to be a clause.
_ASIDE_CHAR = r"(?:[^,;.]|\.(?=\d)|(?<=\b[A-Z])\.(?=\s[a-z]))"
_ASIDE = re.compile(r",\s+(?:which(?!\s+(?:estimated|predicted|classified|identified|detected|increased|decreased|reduced|"
                    r"improved|doubled|halved|prevented|reversed|restored|showed|revealed)\b)|who|whom|"
                    r"(?P<list>including|such as|particularly|especially|in particular|namely|as well as)|respectively|"
                    r"as (?:measured|assessed|determined|shown|indicated) by|as compared (?:with|to)|independent of)\b"
                    + _ASIDE_CHAR + r"*(?(list)(?P<rest>(?:,\s+(?:(?!\b(?:and|or)\b)" + _ASIDE_CHAR + r")+)*,?\s+(?:and|or)\s+"
                    + _ASIDE_CHAR + r"*)?)(?=[,.;]|$)")
_FRAME = re.compile(r"^(?:here,?\s+|in this study,?\s+|finally,?\s+|moreover,?\s+|furthermore,?\s+|additionally,?\s+|in addition,?\s+)?"
                    r"(?:it (?:was|is) concluded|the (?:present )?(?:results|findings) concluded|"
                    r"(?:we|our (?:results|data|findings|study|analys[ie]s)|this study|the results)\s+(?:also\s+|further\s+)?"
                    r"(?:show(?:ed|s)?|found|find|demonstrated?|demonstrates|reveal(?:ed|s)?|observed|confirm(?:ed|s)?|report(?:ed)?|identif(?:y|ied)))"
                    r"\s+that\s+", re.IGNORECASE)


# An appositive that ends the sentence: "… mouse hepatitis virus, a coronavirus used to model hepatitis." One with
# "and", "or" or a comma inside may be the end of a list ("aspirin, a statin and a beta blocker") and stays.
_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+(?:(?!\b(?:and|or)\b)[^,;.!?])+(?=[.!?]?$)")


# "This provides, for the first time, an approach to …": after an adverbial phrase set off by commas, what looks like
# an appositive is the verb's object.
_ADVERBIAL_BEFORE = re.compile(r",\s+(?:for|in|at|by|with|on|from|after|during|over|under|via|through|to date|so far)\b[^,]*$")


_ASIDE_CLOSE = re.compile(r",\s+")
# After the aside the sentence goes on with its verb ("…, show fast motions", "…, will be needed"); anything else after
# the comma is the next item of a list or a new clause, and the comma stays.
_VERB_AFTER_COMMA = re.compile(r"(?:\w+ly\s+)?(?:" + _FINITE + r"|(?:need|needs|support|supports|did|does|do|distinguished|"
                               + "|".join(sorted(PRESENT_VERBS)) + r")\b)")  # "…, reliably distinguished": an adverb may come first


def drop_asides(text: str) -> str:
    """Remove non-restrictive asides (", which …", ", including …", a closing ", a coronavirus used to …") that
    carry no negation, no hedge and no quantity (", which may explain …" stays: dropping it would drop the hedge;
    ", which fell to -0.3 D after surgery" is a result)."""
    def keep(aside: str) -> bool:
        return has_negation(aside) or bool(HEDGE.search(aside)) or has_quantity(aside)

    def drop(m: re.Match) -> str:
        # ", especially at first, and pain fell": what follows the list's first item is a clause, and stays
        rest = m.group("rest")
        end = m.start("rest") if rest and has_verb(rest) else m.end()
        if keep(m.string[m.start():end]):
            return m.group(0)
        # "rosettes, which hold founder cells, show fast motions": the aside's closing comma goes with it, unless
        # a new clause follows it (", and …")
        closing = _ASIDE_CLOSE.match(m.string, end)
        return ("\x00" if closing and _VERB_AFTER_COMMA.match(m.string, closing.end()) else "") + m.string[end:m.end()]

    if _ASIDE.search(text):
        text = _ASIDE.sub(drop, text).replace("\x00,", "")
    body = text.rstrip(".!? ")
    m = _APPOSITIVE.search(body)
    if m and len(body[: m.start()].split()) >= 6 and not keep(m.group(0)) and not _ADVERBIAL_BEFORE.search(body[: m.start()]):
        return body[: m.start()] + text[len(body):]
    return text


def drop_frame(text: str) -> str:
    """"Here, we show that X" -> "X" (the frame adds words, not meaning; hedging frames such as "suggest" stay)."""
    out = _FRAME.sub("", text)
    return capitalise(out) if out != text else text


_MID_CONNECTIVE = re.compile(r",\s*(?:however|therefore|thus|moreover|furthermore|in addition|additionally|consequently|"
                             r"nevertheless|nonetheless|in turn|in fact|of note|notably|importantly),\s*", re.IGNORECASE)


def without_mid_connectives(text: str) -> str:
    """", however, " and the like dropped from inside a sentence: a comma stays between two clauses ("Pain fell,
    walking improved"), not between a subject and its verb ("This, however, did not last" -> "This did not last")."""
    if "," not in text:
        return text
    return _MID_CONNECTIVE.sub(lambda m: " " if _VERB_AFTER_COMMA.match(m.string, m.end()) else ", ", text)


# The markers of an inline list: "a) Google Genomics, b) SMART Genomics", "(i) … (ii) …", "1) … 2) …".
# A bare "a)" comes first or after ":", ",", ";", "and" or "or"; one in brackets, "(a)", may follow any word.
_LIST_MARKER = re.compile(r"(?:(?:^|(?<=\s))\(|(?:^|(?<=[:;,]\s)|(?<=\band\s)|(?<=\bor\s)))([a-h]|i{1,3}|iv|vi{0,3}|[1-9])\)\s+(?=\S)")
_LIST_SEQUENCES = (list("abcdefgh"), ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"], list("123456789"))


def without_list_markers(text: str) -> str:
    """An inline list without its markers, which lose their brackets on the way and read as words ("a Google
    Genomics, b SMART …"). Only a run of markers in order counts: "(type a) patients" has one, and stays."""
    if ")" not in text:  # every marker has one; the look-behinds make the search itself slow
        return text
    found = [m.group(1) for m in _LIST_MARKER.finditer(text)]
    if len(found) < 2 or not any(found == sequence[:len(found)] for sequence in _LIST_SEQUENCES):
        return text
    return _LIST_MARKER.sub("", text)


# A sub-heading left inside a section's text: "COSTS: Gauze is inexpensive …", "LENGTH OF HOSPITAL STAY: Four trials …",
# "Comparison 4: …". The sentence after it says what it is about; the heading only reads as shouting.
_SUB_LABEL = re.compile(r"^(?:[A-Z][A-Z'-]{3,}(?: [A-Z][A-Z'-]*){0,5}|(?:Comparison|Outcome|Objective) \d+):\s+(?=[A-Z])")


def without_sub_label(text: str) -> str:
    if ":" not in text[:60]:  # every label ends in one, early
        return text
    return _SUB_LABEL.sub("", text, count=1)


# "These results suggest that X rose": the authors' hedge on a finding, which can be said in X's own verb
# ("X may have risen") in fewer words. ("The results show that", which may be the plain rewrite of "indicate",
# keeps its frame: it cannot tell a hedge from a claim.)
# What a paper calls its evidence when it draws a conclusion from it: "These results", "The present study", "Our analyses".
EVIDENCE_NOUNS = r"(?:results?|findings?|data|observations?|study|review|trial|work|analys[ie]s|experiments?|evidence)"
_TENTATIVE_LEAD = re.compile(r"^(?:(?:taken together|together|overall),?\s+)?(?:these|the|our|this|such)\s+(?:[\w-]+\s+){0,2}?"
                             + EVIDENCE_NOUNS + r"\s+"
                             r"(?:(?:further|also|strongly|collectively)\s+)?(?:suggest|indicate|imply)s?\s+that\s+(?=\S)",
                             re.IGNORECASE)
_ED_NOUNS = frozenset({"hundred", "kindred", "sacred", "wicked", "naked", "rugged", "ragged"})
_ALREADY_HEDGED = frozenset({"may", "might", "could", "likely", "possibly", "probably", "perhaps", "potentially"})


def hedged(body: str) -> str | None:
    """"These results suggest that the drug protects nerve cells" -> "The drug may protect nerve cells": the hedge
    goes into the first verb of what the results suggest ("is" -> "may be", "rose" -> "may have risen", "does not" ->
    "may not"). None when ``body`` has no such frame or its verb cannot be found for sure."""
    m = _TENTATIVE_LEAD.match(body)
    if m is None:
        return None
    rest = body[m.end():]
    if " and that " in rest or ", and that " in rest:
        return None  # "X is A, and that Y is B": the second "that" needs its frame
    words = rest.split(" ")
    previous = ""
    for i, word in enumerate(words[:12]):
        low = word.lower()
        if low in _ALREADY_HEDGED:  # hedged before its verb: "X may exist", "X likely anchors Y"
            return capitalise(rest)
        if not low.isalpha():
            previous = low
            continue
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if low in ("is", "are"):
            verb = "may not be" if following == "not" else "may be"
        elif low in ("was", "were"):
            verb = "may not have been" if following == "not" else "may have been"
        elif low in ("does", "do"):
            verb = "may not" if following == "not" else None
        elif low == "did":
            return None  # "did not change" would need "changed": the frame stays
        elif low in ("has", "have"):
            verb = "may have"
        elif low in PRESENT_VERBS and low.endswith("s") and low not in _ALSO_NOUNS:
            verb = "may " + (low[:-2] if low.endswith(("ches", "shes", "sses", "xes", "oes")) else low[:-1])  # "undergoes"
        elif following in ("with", "by", "to") and low.endswith("ed"):
            previous = low  # "X, compared with Y, …", "Mice treated with X": a participle, not the verb
            continue
        elif low in PARTICIPLE_OF or low in ("led", "found", "made") or (
                i > 0 and len(low) >= 6 and low.endswith("ed") and _tensed(low, previous) and low not in _ED_NOUNS):
            verb = "may have " + PARTICIPLE_OF.get(low, low)  # an "-ed" word first is an adjective ("Increased pain was …")
        elif low in _AUXILIARIES or low in _TENSED:
            return None  # a verb this cannot hedge for sure ("had", "can" …)
        elif low in _EMBEDDED:
            return None  # "Women who trained had less pain": the first verb is the relative clause's
        else:
            previous = low
            continue
        if verb is None:
            return None
        skip = 2 if following == "not" and low in ("is", "are", "was", "were", "does", "do") else 1
        return capitalise(" ".join(words[:i] + [verb] + words[i + skip:]))
    return None
