"""Glossary terms swapped for their plain forms, in the sense their neighbours give them.

A term becomes its plain form ("paraplegia" -> "leg paralysis") only where that form
fits: not inside a fixed name ("Food and Drug Administration", "Montreal Cognitive
Assessment"), not where the term's words mean something else in this context
("cervical cancer" is the cervix), and not where the plain form's grammar cannot stand
("surgical debridement" takes no verb phrase). Where it stays, the glossary step
defines it beside the summary.
"""

from __future__ import annotations

import re

from .resources import GlossaryEntry, GlossaryIndex, Resources
from .textutil import capitalise, looks_plural, pluralise, singular

# Fixed phrases and proper names that no word swap may touch: "multiple sclerosis" is not "many sclerosis",
# the "Food and Drug Administration" is not the "Food and Drug giving". Each comes with a lower-case string
# it cannot match without, so the pattern only runs on a text that contains one.
_PROTECTED_NAMES = (
    (r"multiple (?:sclerosis|myeloma|pregnanc(?:y|ies)|births?|system atrophy|organ (?:failure|dysfunction(?: syndrome)?)|"
    r"comparisons?|imputation|regression|testing|endocrine neoplasia)"),
    r"(?:U\.?S\.? )?Food and Drug Administration", r"Veterans Health Administration",
    r"Substance Abuse and Mental Health Services Administration", r"Health Resources and Services Administration",
    r"European Medicines Agency", r"Medicines and Healthcare products Regulatory Agency",
    r"Therapeutic Goods Administration", r"National Institutes? of Health", r"World Health Organi[sz]ation",
    r"Centers for Disease Control and Prevention", r"Adverse Event Reporting System",
    r"in vitro fertili[sz]ation", r"intracytoplasmic sperm injection",
    r"cognitive[- ]behaviou?ral(?: therapy)?", r"occupational therapy", r"intention[- ]to[- ]treat",
    r"multiple[- ]drug[- ]resistan(?:t|ce)", r"rapid eye movements?", r"transient receptor potential",
    r"(?:action|membrane|resting|(?:motor |somatosensory )?evoked|field|(?:post|pre)synaptic|purkinje) potentials?",
    r"transient isch(?:a)?emic attacks?", r"persistent vegetative state", r"principal components?(?: analysis)?",
    r"directly observed (?:therapy|treatment)",
)
_PROTECTED = re.compile(r"\b(?:" + "|".join(_PROTECTED_NAMES) + r")\b", re.IGNORECASE)
_PROTECTED_KEYS = ("multiple", "administration", "agency", "health", "disease control", "reporting system", "vitro",
                   "sperm", "cognitive", "occupational", "to-treat", "to treat", "eye movement", "emic attack", "vegetative",
                   "principal component", "potential", "directly observed")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Where the fixed phrases of ``_PROTECTED_NAMES`` are in ``text`` (no swap may change a word inside)."""
    low = text.lower()
    if not any(map(low.__contains__, _PROTECTED_KEYS)):  # map: a generator cost more than the tests
        return []
    return [m.span() for m in _PROTECTED.finditer(text)]


# Terms whose glossary plain form would change what a study sentence says ("lost to follow-up" is not
# "lost to check-up"): they stay as written and the glossary step defines them.
KEEP_TERMS = frozenset({"follow-up"})
_HEAD_END = re.compile(r" (?:of|to|for|in|with|from|on|and)\b")
# Head nouns of glossary plain forms that have no regular plural: mass nouns, and plurals already.
_NO_PLURAL = frozenset({"damage", "support", "insulation", "makeup", "quality", "care", "health", "inflammation", "swelling",
                        "recovery", "relief", "repair", "protection", "prevention", "nutrition", "balance", "coordination",
                        "sensitivity", "mice", "children", "bacteria"})
_NEXT_WORD = re.compile(r" (\w+)")
_SENTENCE_END = re.compile(r"[.!?:][\"'’”)\]]*\s+$")
_FULL_STOP_END = re.compile(r"[.!?]\s+$")


def inflect(phrase: str, plural: bool) -> str:
    """``phrase`` with its head noun made plural or singular ("nerve cell" -> "nerve cells", "chain of signals" ->
    "chains of signals"); mass nouns and -ing words ("damage", "walking") stay as they are."""
    m = _HEAD_END.search(phrase)
    end = m.start() if m else len(phrase)
    start = phrase.rfind(" ", 0, end) + 1
    head = phrase[start:end]
    if head.lower() in _NO_PLURAL or head.endswith(("ing", "ness")) or not head.isalpha() and "-" not in head \
            or looks_plural(head) == plural:
        return phrase
    return phrase[:start] + (pluralise(head) if plural else singular(head)) + phrase[end:]


def plain_for(found: str, entry: GlossaryEntry, index: GlossaryIndex) -> str:
    """The entry's plain form in the grammatical number of ``found``: "neurons" -> "nerve cells"."""
    plural = index.is_plural(found)
    return entry.plain if plural is None or not entry.plain else inflect(entry.plain, plural)


# The next word is a noun or an adjective before one, not a function word or a verb ("in vitro release studies",
# not "in vitro and in vivo" or "in vitro was").
_BEFORE_A_NOUN = re.compile(r" (?!(?:and|or|but|with|in|at|on|by|for|to|of|as|than|the|a|an|is|was|were|are|be|been|has|have|had|"
                            r"can|could|may|might|will|would|should|using|via|after|before|during|under|from|into|versus|vs|"
                            r"while|when|where|which|that|both|alone|only|also|not|following|whereas)\b)[^\W\d_]+\b",
                            re.IGNORECASE)
# A term whose plain form depends on what follows it: "thoracic" is the mid-back of the spine, but the chest in
# "thoracic and thoracoabdominal aortic aneurysm" or "thoracic surgery"; "systemic" is "whole-body" of a disease,
# but "systemic risk" is no body's ("" keeps the term).
_PLAIN_IN_CONTEXT = {
    "thoracic": (re.compile(r"[\w\s-]{0,40}?\b(?:aort|aneurysm|surg|cavit|duct|outlet|trauma|wall|organ)", re.IGNORECASE), "chest"),
    "systemic": (re.compile(r"\s+(?:trade\s+)?(?:risks?|racism|inequit|barriers?|change|bias)", re.IGNORECASE), ""),
    # the cervix, not the neck: "cervical intraepithelial neoplasia", "cervical cancer screening"
    "cervical": (re.compile(r"\s+(?:intraepithelial|cancers?|carcinoma|adenocarcinoma|squamous|screening|smears?|cytology|neoplasia|"
                            r"dysplasia|lesions?|ripening|cerclage|length|insufficiency|mucus|os\b|canal|atresia|cells?\b|swabs?|"
                            r"biops|conization|colposcop)|\s+(?:[\w-]+\s+){0,2}(?:HPV|(?:human )?papilloma)|,?\s+(?:or|and)\s+vagina",
                            re.IGNORECASE), ""),
    # "acute" is the early phase of an injury ("acute spinal cord injury", "the acute phase"); before an illness
    # or an attack it is a sudden start, and an "early flare-up" or "early kidney injury" would mislead
    "acute": (re.compile(r"(?!\s+(?:and\s+(?:sub)?chronic\s+|or\s+(?:sub)?chronic\s+)?(?:(?:traumatic|complete|incomplete|cervical|"
                         r"thoracic|lumbar|severe|moderate|mild|post-?)\s*)*(?:spinal|SCI\b|cord|injur|trauma|TBI\b|brain injur|"
                         r"phases?\b|stages?\b|periods?\b|settings?\b|care\b|treatment|management|rehabilitation|recovery|"
                         r"hospitali[sz]ation|ward|admission|stroke|fractures?|lesions?|contusion|compression))",
                         re.IGNORECASE), ""),
    # "prognosis studies" name a kind of study: "likely outcome studies" names none
    "prognosis": (re.compile(r"\s+(?:studies|study|research|reviews?|models?|tools?|scores?)\b", re.IGNORECASE), ""),
    # a kind of seizure ("focal onset seizures"), and a trial registered before it started, are no start or look ahead
    "onset": (re.compile(r"\s+(?:seizures?|epilepsy)", re.IGNORECASE), ""),
    "prospective": (re.compile(r"\s+(?:trial\s+)?regist", re.IGNORECASE), ""),
    # Latin phrases before a noun, where "in lab dishes" cannot stand: "in vitro release studies" are "lab release
    # studies"; "in vivo imaging" stays (the glossary step defines it)
    **{term: (_BEFORE_A_NOUN, adjective) for term, adjective in
       {"in vitro": "lab", "in silico": "computer", "in vivo": "", "ex vivo": "", "in situ": ""}.items()},
}


# "trouble swallowing", "removing dead tissue", "pushing a wheelchair"; not "thinking problems" or "breathing tube
# placement", where the -ing word describes a noun
_VERB_PHRASE = re.compile(r"(?:(?:trouble|difficulty)\s+\w+ing|(?:removing|pushing|getting|raising|reusing|putting|making|using|"
                          r"taking)\s)\b", re.IGNORECASE)
_PLAIN_ROOM_BEFORE = re.compile(r"(?:^|[.;:,(]\s*|\b(?:the|a|an|this|that|these|those|its|their|his|her|of|to|in|on|at|by|for|"
                                r"with|and|or|from|after|before|during|without|than|about|no|any|some|all|both|is|are|was|"
                                r"were|had|has|have|caused|causes|cause|reduced|reduces|improved|improves)\s+)$", re.IGNORECASE)


def _swap(text: str, start: int, end: int, entry: GlossaryEntry, index: GlossaryIndex) -> str | None:
    """The plain words to put in place of ``text[start:end]``, or None to keep it."""
    found = text[start:end]
    plain = plain_for(found, entry, index)
    # Long plain forms rarely fit the grammar of the sentence ("intermittent using a tube to …"):
    # those terms stay, and the glossary step defines them.
    if not plain or entry.term.lower() in KEEP_TERMS or plain.lower() == found.lower() or re.search(r"\d", plain) \
            or len(plain.split()) > 3:
        return None
    # "trouble swallowing", "removing dead tissue" are verb phrases: after a modifier ("oropharyngeal dysphagia",
    # "surgical debridement") no verb phrase fits, and the term stays for the glossary step to define
    if _VERB_PHRASE.match(plain) and not _PLAIN_ROOM_BEFORE.search(text, max(0, start - 30), start):
        return None
    context = _PLAIN_IN_CONTEXT.get(entry.term.lower())
    if context and context[0].match(text, end):
        plain = context[1]
        if not plain:
            return None
    following = _NEXT_WORD.match(text, end)  # "MRI" -> "MRI scan" before "scans": "MRI scans", not "MRI scan scans"
    head, _, last = plain.rpartition(" ")
    if following and singular(following.group(1).lower()) == singular(last.lower()):
        return head or None
    return plain


def _same_case(found: str, entry: GlossaryEntry) -> bool:
    """False when ``found`` is written like an acronym ("CpG", "MRI") but no form of ``entry`` is spelt that way:
    the glossary lookup ignores case, acronyms must not."""
    if not any(ch.isupper() for ch in found[1:]):
        return True
    forms = (entry.term, *entry.aliases)
    return found in forms or found[-1:] == "s" and found[:-1] in forms or any(f.lower() == found.lower() and not any(ch.isupper() for ch in f[1:]) for f in forms)


def apply_glossary(text: str, resources: Resources | None) -> str:
    """Swap each glossary term for its plain form ("paraplegia" -> "paralysis of the legs").

    The plain form keeps the term's number ("neurons" -> "nerve cells"), takes the article it needs ("an axon" ->
    "a nerve fiber") and is capitalised only at the start of a sentence ("Nogo-A antibodies" mid-sentence gives
    "growth-blocking protein immune proteins", not "Growth-blocking …").
    """
    if resources is None:
        return text
    index = resources.glossary_index
    spans = protected_spans(text)
    out, last = [], 0
    for start, end, entry in index.find(text):
        if spans and any(s < end and start < e for s, e in spans):  # "in vitro" inside "in vitro fertilisation"
            continue
        if not _same_case(text[start:end], entry):  # "CpG" (DNA sites) is not "CPG" (central pattern generator)
            continue
        if entry.kind == "biology" and _in_a_name(text, start, end, entry) or in_a_proper_name(text, start, end):
            continue
        plain = _swap(text, start, end, entry, index)
        if plain is None:
            continue
        # a capital after a colon stays; after a full stop even a lower-case term ("qRT-PCR results …") starts a sentence
        at_start = start == 0 or text[start].isupper() and _SENTENCE_END.search(text, 0, start) or (
            start >= 2 and text[start - 2] in ".!?" and _FULL_STOP_END.search(text, 0, start))
        out += [_fit_article(text[last:start], plain), capitalise(plain) if at_start else plain]
        last = end
    return "".join(out) + text[last:]


# A token that names a molecule or a gene ("β1a", "CB1R", "DHPR", "IL-6"): digits, Greek letters, capitals
# after the first letter. After a term it continues a name ("receptor 2", "receptor type two", "mutation R248W");
# before one of ``_NAME_HEADS`` it starts one ("CB1 receptor", "β2-adrenergic receptor").
_NAME_TOKEN = r"[^\s,;:()\[\]]*(?:\d|[α-ωΑ-Ω]|[A-Za-z][A-Z])[^\s,;:()\[\]]*"
_NAME_BEFORE = re.compile(rf"(?<![^\s(])(?:{_NAME_TOKEN}) $")
_NAME_AFTER = re.compile(rf" (?:{_NAME_TOKEN}|type|subtype|subunit|family|complex|kinase|antagonists?|agonists?|blockers?)(?![\w-])")
# Terms that, after any word but a function word, are the head of a molecule's name ("cannabinoid receptor",
# "lysophosphatidic acid receptor"): only the bare term ("the receptor", "these receptors") has a plain form.
_NAME_HEADS = frozenset({"receptor", "antibody"})
_FUNCTION_BEFORE = re.compile(r"(?:^|[.;:,(]\s*|\b(?:the|a|an|this|that|these|those|its|their|of|to|in|on|at|by|for|with|and|or|"
                              r"each|which|whose|no|any|some|all|both|every|many|other|such|new|specific|cell|cell-surface|surface)\s+)$",
                              re.IGNORECASE)


def _in_a_name(text: str, start: int, end: int, entry: GlossaryEntry) -> bool:
    """Whether the term at ``text[start:end]`` is part of a gene or protein name, where a plain swap would give
    "dihydropyridine docking site" or "docking site type two": the name stays as written."""
    if _NAME_AFTER.match(text, end):
        return True
    return entry.term.lower() in _NAME_HEADS and (bool(_NAME_BEFORE.search(text, 0, start))
                                                  or not _FUNCTION_BEFORE.search(text, max(0, start - 20), start))


# A capitalised word beside a term written with capitals: "Montreal Cognitive Assessment", "Pulmonary Embolism
# Severity Index", "Department of Cardiac Surgery" are names, and a swap would give "Montreal thinking Check".
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:] )(?<!^)\b[A-Z][a-z'’]+(?: of(?: the)?)? $")
_CAPITALISED_AFTER = re.compile(r" [A-Z][a-z'’]+\b")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower()


def in_a_proper_name(text: str, start: int, end: int) -> bool:
    """Whether the term at ``text[start:end]``, every word of it capitalised, stands in a name of capitalised words
    (a scale, a test, a department), which stays as written. A sentence's first word is capitalised for its place,
    and an acronym ("MRI") for itself: neither makes a name."""
    if not all(_capitalised(word) for word in text[start:end].split()):
        return False
    return bool(_CAPITALISED_AFTER.match(text, end) or _CAPITALISED_BEFORE.search(text, 0, start))


_ARTICLE = re.compile(r"(?<![\w-])([Aa])(n?) $")


def _fit_article(before: str, plain: str) -> str:
    """"an axon" -> "a nerve fiber", "a contusion" stays "a bruising injury"; before "u", "h" and acronyms it is
    left alone."""
    m = _ARTICLE.search(before)
    first = plain[:1].lower()
    if m is None or first in "uh" or plain[1:2].isupper():  # "an MRI scan"
        return before
    return before[:m.start(2)] + ("n" if first in "aeio" else "") + " "
