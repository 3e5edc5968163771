"""Plain-language rewriting of one sentence: no statistics, fewer long words, shorter sentences.

Every rewrite here only deletes text or swaps a word for a plainer one; none
adds a number, drops a negation ("did not", "no") or a hedge ("may"), which is
what the F001/F002 checks verify afterwards.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .abbreviations import LONG_FORM_WORDS, expand
from .clauses import (
    IRREGULAR_PARTICIPLES,
    drop_asides,
    drop_frame,
    split_long,
    without_list_markers,
    without_mid_connectives,
    without_sub_label,
)
from .plain_words import PLAIN_WORDS, SUMMARY_WORDS
from .resources import Resources
from .terms import apply_glossary, in_a_proper_name, protected_spans
from .textutil import (
    capitalise,
    ensure_period,
    undouble,
)

_STAT_TOKEN = re.compile(
    r"(?:\b[pP]\s*(?:[-\s]?(?:value|trend|for trend|interaction))?\s*[<=>≤≥]|\b95\s?%|\bCIs?\b|\bconfidence interval|"
    r"\b(?:a?OR|RR|HR|IRR|MD|SMD|WMD|SD|SE|SEM|IQR|AUC|ICC|NNT|RD|β|χ2|χ²|df|[rtFZUH]|I2|I²|Tau2?|[nN])\s*[=:<>≤≥]|"
    r"\b(?:odds ratio|risk ratio|hazard ratio|mean difference|standardi[sz]ed mean difference|relative risk|"
    r"standard deviation|interquartile|GRADE|[A-Z]{1,4} [-−]?\d+(?:\.\d+)?,\s*95)|"
    r"\b(?:mean|median)\s*[±(]|±|\bvs\.?\s*\d|\d+(?:\.\d+)?\s*(?:to|-|–)\s*\d+(?:\.\d+)?\s*[;,)]|"
    r"\b\d+ (?:studies|trials|participants|RCTs)\b.*\b(?:evidence|quality|certainty)\b|"
    r"(?:low|moderate|high)[- ](?:quality|certainty)(?: evidence)?)",
)
_PAREN = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_STAT_NAMES = frozenset({"RR", "OR", "aOR", "HR", "aHR", "RD", "ARR", "RRR", "MD", "SMD", "WMD", "IRR", "NNT", "NNTB", "NNTH", "CI"})
# A ratio's name in brackets with its value after them, as some abstracts print it: "(risk ratio RR) 0.81".
_NAMED_VALUE = re.compile(r"\s*\(\s*(?:(?:risk|odds|hazard|rate) ratio|(?:standardi[sz]ed )?mean difference|relative risk)"
                          r"(?:\s*,?\s*[A-Z]{1,4})?\s*\)\s*[-−‐]?\d+(?:\.\d+)?(?![\d.])", re.IGNORECASE)
# The unit a difference is given in ("mean difference -2.11 cm2"), which goes with it: left behind it reads
# "to 3.59 cm2 cm2".
_STAT_UNIT = (r"(?:\s*(?:%|cm2?|mm(?:Hg)?|m2?|kg(?:/m2)?|g|mg|µg|μg|ml|dl|l|mmol/l|points?|days?|weeks?|months?|years?|"
              r"hours?|h|min|minutes?|bpm|kcal|IU|units?|D|dB|°)(?=[\s,;.)]|$))?")
# Each inline pattern with the (lower-case) strings it cannot match without: a substring test is far cheaper
# than trying the pattern at every position. All of them need a digit too.
_INLINE_STATS = [
    (("<", "=", ">", "≤", "≥"), re.compile(r",?\s*\b[pP]\s*(?:[-‐_\s]?(?:value|trend|for (?:linear )?trend|interaction))?\s*[<=>≤≥]\s*0?\.\d+(?:\s*[x×]\s*10[-−]?\d+)?")),
    # "95% CI 0.3 to 0.8", "95% Confidence Interval (CI) 0% to 6%", "95% confidence interval (CI -19.18 to 4.97"
    (("95",), re.compile(r",?\s*\b95\s?%\s*(?:CI|confidence intervals?)(?:\s*\(CI\)?)?\s*[:=,]?\s*[\[(]?[-−‐]?\d+(?:\.\d+)?%?\s*"
                         r"(?:to|-|–|,)\s*[-−‐]?\d+(?:\.\d+)?%?" + _STAT_UNIT + r"[\])]?", re.IGNORECASE)),
    # its name left behind when its limits went with their brackets: "score, 95% confidence interval."
    # (only as an aside: "the width of the 95% confidence interval" is what a sentence is about)
    (("95",), re.compile(r",\s*\b95\s?%\s*(?:CI|confidence intervals?)\b(?:\s*\(CI\)?)?(?=\s*[.;,)]|\s*$)", re.IGNORECASE)),
    (("=", ":"), re.compile(r"[,;]\s*\b(?:a?OR|RR|HR|IRR|MD|SMD|WMD|AUC|ICC|β|r|t|F|Z|U|χ2|χ²|I2|I²)\s*(?:\(\d+(?:,\s*\d+)?\))?\s*[=:]\s*[-−]?\d+(?:\.\d+)?")),
    (("=",), re.compile(r"[,;]\s*\b[nN]\s*=\s*\d[\d,]*")),
    # a spread after a value ("45 ± 3"); a tolerance ("within ±0.50 D") is part of what was found and stays
    (("±", "+/-"), re.compile(r"(?<=[\d)%])\s*(?:±|\+/-)\s*\d+(?:\.\d+)?")),
    # event counts set against each other: "non-union 2/38 versus 2/46"
    (("/",), re.compile(r",?\s*\b\d+\s*/\s*\d+\s+(?:versus|vs\.?|compared with)\s+\d+\s*/\s*\d+\b")),
    # Only as an aside (after a comma, colon, semicolon or bracket, or as "with a …"): as the subject or object
    # of its sentence ("The weighted hazard ratio = 1.09 for carriers") the statistic stays, since removing it
    # would leave "The for carriers"; the key findings then pass such a sentence over.
    (("ratio", "difference", "relative risk"), re.compile(r"(?:[,;:]\s*|\s*\(\s*|,?\s*\bwith an?\s+)(?:\b(?:weighted|adjusted|pooled|crude|summary) )?"
                                                    r"\b(?:(?:risk|odds|hazard|rate|incidence rate) ratio|(?:standardi[sz]ed |weighted )?mean difference|relative risk|risk difference)\)?"
                                                    r"\s*(?:\([A-Z]{1,4}\)\s*)?[:=]?\s*[-−‐]?\d+(?:\.\d+)?" + _STAT_UNIT, re.IGNORECASE)),
]
_DIGIT = re.compile(r"\d")

def _phrase_rx(words: dict[str, str]) -> tuple[re.Pattern, tuple[str, ...]]:
    # Only multi-word keys go into an alternation; single words are a dict lookup per word
    # (a 250-way alternation made this the slowest function of the engine). The phrases come
    # along so that the alternation only runs on a text that contains one of them.
    phrases = tuple(sorted((k for k in words if " " in k), key=len, reverse=True))
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in phrases) + r")\b", re.IGNORECASE), phrases


_PLAIN_PHRASES, _SUMMARY_PHRASES = _phrase_rx(PLAIN_WORDS), _phrase_rx(SUMMARY_WORDS)
# Runs of [\w-]: a run of ASCII letters only is a word a swap may replace ("treatment-related" is not).
_RUNS, _ASCII_RUNS = re.compile(r"([\w-]+)"), re.compile(r"([\w-]+)", re.ASCII)


# A mass number written before its element, as MEDLINE flattens a superscript: "(187)Os/(188)Os" is "187Os/188Os".
_ISOTOPE = re.compile(r"\((\d{1,3})\)(?=(?:H|He|Li|Be|B|C|N|O|F|Na|Mg|Al|Si|P|S|Cl|K|Ca|Fe|Co|Cu|Zn|Se|Br|Sr|Tc|I|Xe|Cs|"
                      r"Ba|Re|Os|Pb|Ra|Th|U|Pu)\b)")


@lru_cache(maxsize=4096)
def strip_statistics(text: str) -> str:
    """Remove statistics: "(RR 0.73, 95% CI 0.65 to 0.81)", "p < 0.05", "OR = 2.1", "n = 12"."""

    def drop_stat_paren(m: re.Match) -> str:
        inner = m.group(1)
        # "(risk ratio (RR) 0.66, …)": a statistic's short name in brackets goes first, so that its whole bracket can
        if inner.strip() in _STAT_NAMES or inner.startswith("Formula:") or _STAT_TOKEN.search(inner) or re.fullmatch(r"\s*[-−]?\d+(?:\.\d+)?\s*%?\s*(?:vs\.?|versus)?.*", inner) and re.search(r"\d", inner) and len(inner) < 40:
            return _gap(m)
        return m.group(0)

    length = len(text)
    if "(" in text or "[" in text:
        text = _ISOTOPE.sub(r"\1", text)
        text = _NAMED_VALUE.sub("", text)
        for _ in range(2):  # nested brackets: inner first
            text = _PAREN.sub(drop_stat_paren, text)
    if _DIGIT.search(text):
        for needs, rx in _INLINE_STATS:
            low = text.lower()
            if any(n in low for n in needs):
                text = rx.sub("", text)
    if len(text) < length:
        text = _LEFT_OPEN.sub("", text)
    return tidy(text)


# What a statistic leaves behind when it goes: "… no treatment (RR 0.52 …) and (RR 0.40 …), respectively" ends in
# "and"; "…, with a slope of [Formula: see text], …" in a phrase that opens onto nothing.
_LEFT_OPEN = re.compile(r"\s+(?:and|or)(?=\s*(?:[,.;]|$|,?\s*respectively\b))|"
                        r",\s+[^,;.()]{1,40}?\b(?:of|to|with|at|by|for|from|was|were|is|are)(?=\s*[,;.]|\s*$)")


def _gap(m: re.Match) -> str:
    """What a removed bracket leaves: nothing, or a space when a word followed it unspaced ("[Ca(2+)](i)and")."""
    end = m.end()
    return " " if end < len(m.string) and m.string[end].isalnum() else ""


def drop_parentheticals(text: str) -> str:
    if "(" in text or "[" in text:
        for _ in range(2):
            text = _PAREN.sub(_gap, text)
    return tidy(text)


_TIDY = [(re.compile(r"\s+([,.;:!?])"), r"\1"), (re.compile(r"([,;:])(?:\s*[,;:])+"), r"\1"),
         (re.compile(r"[,;:]\s*([.!?])"), r"\1"), (re.compile(r"\(\s*\)|\[\s*\]"), ""), (re.compile(r"\s{2,}"), " "),
         (re.compile(r"(?<!\.)\.\.(?!\.)"), ".")]  # "in hospital.." where a bracket went; "et al.." ends one sentence


def balance_brackets(text: str) -> str:
    """Drop brackets that never close (or never opened): source abstracts have them, readers should not."""
    for left, right in ("()", "[]"):
        if text.count(left) == text.count(right):
            continue
        depth, keep = 0, []
        for ch in text:
            if ch == left:
                depth += 1
            elif ch == right:
                if depth == 0:
                    continue
                depth -= 1
            keep.append(ch)
        out = "".join(keep)
        while depth:  # unclosed openers: remove from the right
            i = out.rfind(left)
            out = out[:i] + out[i + 1:]
            depth -= 1
        text = out
    return text


# Punctuation doubled up or after a space; each pattern starts at a rare character, which re can skip to.
_UNTIDY = (re.compile(r"[,;:]\s*[,;:.!?]"), re.compile(r"[;:!?](?<=\s[;:!?])"))


def tidy(text: str) -> str:
    if "  " in text or " ," in text or " ." in text or "(" in text or "[" in text or ".." in text or _UNTIDY[0].search(text) \
            or _UNTIDY[1].search(text):  # written out: a generator here cost more than both searches
        for rx, rep in _TIDY:
            text = rx.sub(rep, text)
    return text.strip(" ,;:")


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_NOUN_BEFORE_PREPOSITION = frozenset({"potential"})
_OBSERVED = re.compile(r"\b(?:(the|a|an|this|that|these|those|its|their)\s+(?:\w+ly\s+)?observed|((?:was|were|been|be|is|are)(?: not| only| also| \w+ly)?) observed|observed)\b",
                       re.IGNORECASE)


# "X was correlated with Y" is "X was linked to Y"; in "X correlated with Y" the verb would be lost.
_CORRELATED = re.compile(r"\b((?:was|were|been|be|is|are|not)\s+(?:\w+ly\s+)?)correlated with\b", re.IGNORECASE)


_OBSERVERS = frozenset({"we", "they", "i", "authors", "researchers", "investigators", "clinicians", "also", "first"})
_REDUCED_RELATIVE = re.compile(r"\s+(?:in|at|with|for|during|after|among|between|by|when|on|under|following|from|across|within|over)\b",
                               re.IGNORECASE)


def _observed(m: re.Match) -> str:
    if m.group(1):  # "the observed increase": an adjective, not "the saw increase"
        return m.group(0)
    if m.group(2):
        return f"{m.group(2)} seen"
    # "the periods observed in response to X" are the periods seen; "we observed in 12 patients" is what we saw
    before = m.string[max(0, m.start() - 20):m.start()].split()
    if (not before or before[-1].lower() not in _OBSERVERS) and _REDUCED_RELATIVE.match(m.string, m.end()):
        return "seen"
    return "saw"


@lru_cache(maxsize=4096)
def plain_words(text: str, clinician: bool = False) -> str:
    """Cached: the same sentence is rewritten for several fields and at several lengths, and a third of the
    texts reaching here are repeats."""
    spans = protected_spans(text)
    if spans:  # the protected phrases stay as written; the text between them is rewritten
        out, last = [], 0
        for start, end in spans:
            out += [_plain_words(text[last:start], clinician), text[start:end]]
            last = end
        out.append(_plain_words(text[last:], clinician))
        return tidy("".join(out))
    return tidy(_plain_words(text, clinician))


def _plain_words(text: str, clinician: bool) -> str:
    if not text.strip():
        return text
    words = SUMMARY_WORDS if clinician else PLAIN_WORDS

    def sub(m: re.Match) -> str:  # a swapped phrase is marked, for the article before it to be fitted below
        return m.group(0) if in_a_proper_name(m.string, m.start(), m.end()) else "\x01" + _swap_word(m.group(0), words)

    if not clinician and "observed" in text.lower():
        text = _OBSERVED.sub(_observed, text)
    if not clinician and "correlated with" in text.lower():
        text = _CORRELATED.sub(r"\1linked to", text)
    phrases_rx, phrases = _SUMMARY_PHRASES if clinician else _PLAIN_PHRASES
    low = text.lower()
    if any(map(low.__contains__, phrases)):  # map: a generator here cost more than the 200 substring tests
        text = phrases_rx.sub(sub, text)
        if "\x01" in text:  # "an adverse event" -> "a side effect"
            text = _MARKED_AFTER_ARTICLE.sub(lambda m: _article_for(m.group(1), m.group(2)) + " " + m.group(2), text)
            text = text.replace("\x01", "")
    # A split and a loop: a regex callback for every word of every sentence cost more than the swaps.
    parts = (_ASCII_RUNS if text.isascii() else _RUNS).split(text)
    for i in range(1, len(parts), 2):
        word = parts[i]
        low_word = word.lower()
        if low_word in words and word.isalpha() and word.isascii():
            # "the demonstrated effect": a past participle after a determiner is an adjective ("the showed effect")
            if low_word.endswith("ed") and i >= 3 and parts[i - 1] == " " and parts[i - 2].lower() in _DETERMINERS:
                continue
            # "a prospectively implemented algorithm": a phrasal verb cannot stand as an adjective ("prospectively carried out")
            if low_word.endswith("ed") and " " in words[low_word] and i >= 5 and parts[i - 2].endswith("ly") \
                    and parts[i - 4].lower() in _DETERMINERS:
                continue
            # "the previously observed declines": "before" and "now" cannot qualify an adjective ("the before saw declines")
            if low_word in ("previously", "currently") and i >= 3 and i + 2 < len(parts) and parts[i - 2].lower() in _DETERMINERS \
                    and parts[i + 2].lower().endswith("ed"):
                continue
            # "the potential for repair" is a noun ("the possible for repair"); "a potential drug" is not
            if low_word in _NOUN_BEFORE_PREPOSITION and i + 2 < len(parts) and parts[i + 1] == " " \
                    and parts[i + 2].lower() in ("for", "of", "to", "in"):
                continue
            if word[:1].isupper():  # "Montreal Cognitive Assessment" is a name: its words stay
                at = len("".join(parts[:i]))
                if in_a_proper_name("".join(parts), at, at + len(word)):
                    continue
            rep = _swap_word(word, words)
            if low_word in _IN_CONTEXT:
                rep = _IN_CONTEXT[low_word](parts, i, rep)
            if rep == word:
                continue
            after_article = i >= 3 and parts[i - 1] == " " and parts[i - 2].lower() in ("a", "an")
            if after_article and rep.lower() in _NO_ARTICLE:  # "a sufficient dose" is no "an enough dose"
                continue
            parts[i] = rep
            if rep and after_article:
                parts[i - 2] = _article_for(parts[i - 2], rep)
            if rep and low_word.endswith("s") and not rep.endswith("s") and i + 1 < len(parts) \
                    and parts[i + 1][:1] in ("'", "’") and not parts[i + 1][1:2].isalpha():
                parts[i + 1] = parts[i + 1][0] + "s" + parts[i + 1][1:]  # "participants'" -> "people's"
    return "".join(parts)


_AUXILIARY = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "as"})
# Words that may stand between an auxiliary and its participle ("was only observed", "have before shown").
_BETWEEN = frozenset({"not", "also", "only", "then", "first", "further", "already", "never", "now", "before", "often"})
_PREPOSITIONS = frozenset({"from", "in", "at", "by", "with", "during", "through", "using", "via", "under", "on", "after", "for"})
_CLAUSE_JOINS = frozenset({"and", "but", "or"})


def _word_before(parts: list[str], i: int) -> str:
    """The word right before ``parts[i]`` when only a space separates them, else ""."""
    return parts[i - 2].lower() if i >= 3 and parts[i - 1] == " " else ""


def _word_after(parts: list[str], i: int) -> str:
    return parts[i + 2].lower() if i + 2 < len(parts) and parts[i + 1] == " " else ""


def _after_auxiliary(parts: list[str], i: int) -> bool:
    """Whether ``parts[i]`` follows "was", "have", "as" …, perhaps across one adverb ("was only", "have clearly")."""
    for _ in range(2):
        before = _word_before(parts, i)
        if before in _AUXILIARY:
            return True
        if not (before.endswith("ly") or before in _BETWEEN):
            return False
        i -= 2
    return False


def _participle(shown: str):
    """A past-tense swap that needs its participle after an auxiliary: "It was demonstrated that" is "It was shown
    that", not "It was showed that"."""
    return lambda parts, i, rep: (capitalise(shown) if rep[:1].isupper() else shown) if _after_auxiliary(parts, i) else rep


def _indicated(parts: list[str], i: int, rep: str) -> str:
    """"as indicated by" is "as shown by"; "surgery is indicated" and "drugs currently indicated for pain" mean
    recommended, not "shown": they stay."""
    if not _after_auxiliary(parts, i):
        return parts[i] if _word_after(parts, i) in ("for", "in") else rep
    return "shown" if _word_after(parts, i) in ("by", "that") else parts[i]


def _obtained(parts: list[str], i: int, rep: str) -> str:
    """"We obtained samples" -> "got"; "measures obtained in the home" -> "collected"; "results were obtained"
    has no plainer form that fits ("were got"), so it stays."""
    following = _word_after(parts, i)
    if _after_auxiliary(parts, i) or following == "by":  # "values obtained by the X method" are not "collected by"
        return parts[i]
    return "collected" if following in _PREPOSITIONS else rep


def _kept_after_auxiliary(parts: list[str], i: int, rep: str) -> str:
    """"X was determined by Y" is not "X was found by Y": the passive keeps its word."""
    return parts[i] if _after_auxiliary(parts, i) else rep




def _previously(parts: list[str], i: int, rep: str) -> str:
    """"Previously, pain was high" is "Before, …"; before a participle ("was previously seen", "patients previously
    treated", "as previously reported") "before" cannot stand ("was before seen"), so the word stays."""
    following = _word_after(parts, i)
    if _after_auxiliary(parts, i) or following.endswith("ed") or following in IRREGULAR_PARTICIPLES:
        return parts[i]
    return rep


def _equivalent(parts: list[str], i: int, rep: str) -> str:
    """"equivalent to" and "were equivalent" are "equal"; the noun ("spherical equivalent", "an equivalent of")
    is a measure, not "equal"."""
    return rep if _word_after(parts, i) == "to" or _after_auxiliary(parts, i) else parts[i]


def _characterized(parts: list[str], i: int, rep: str) -> str:
    """"were characterized by heterogeneity" is "marked by"; "we characterized the roles" and "has not been
    characterized" describe; "characterized by electron microscopy" names a method, and the word stays."""
    if _word_after(parts, i) != "by":
        return "described"
    method = parts[i + 4] if i + 4 < len(parts) and parts[i + 3] == " " else ""
    return parts[i] if method[:1].isupper() or method.lower() in _METHOD_WORDS else rep


_METHOD_WORDS = frozenset({"using", "means", "flow", "electron", "scanning", "transmission", "microscopy", "spectroscopy",
                           "spectrometry", "sequencing", "x-ray", "western", "immunohistochemistry", "analysis", "analyses",
                           "measuring", "imaging", "high-resolution", "mass", "nuclear", "dynamic", "differential"})
# "traditional Chinese medicine", "the traditional use of wild plants": a tradition, not the usual way
_TRADITION = frozenset({"medicine", "medicines", "medical", "remedy", "remedies", "healer", "healers", "healing", "knowledge",
                        "use", "uses", "practice", "practices", "food", "foods", "diet", "diets", "herbal", "herbs", "plants",
                        "birth", "beliefs", "culture", "cultural", "chinese", "korean", "persian", "indian", "african"})


def _traditional(parts: list[str], i: int, rep: str) -> str:
    following = _word_after(parts, i)
    after_that = _word_after(parts, i + 2) if following else ""
    return parts[i] if following in _TRADITION or after_that in _TRADITION else rep


# What a school, a community or an app runs is a programme, not a treatment: "educational interventions" are
# "educational programs", "WASH interventions" no "WASH treatments".
_PROGRAMME_KINDS = frozenset({
    "educational", "education", "school", "school-based", "community", "community-based", "policy", "workplace", "public",
    "lifestyle", "e-health", "ehealth", "mhealth", "information", "pedometer", "activity", "wash", "family", "family-based",
    "parenting", "peer", "media", "web-based", "internet", "online", "digital", "multi-domain", "training", "dietary",
    "nutritional", "lhw-led", "health", "hygiene", "sanitation", "text-message", "telephone", "smartphone", "app-based",
})


# A population of mosquitoes or cells is no group of people: the word stays.
_OF_A_SPECIES = frozenset({"mosquito", "insect", "vector", "parasite", "bacterial", "microbial", "cell", "neuronal", "wild",
                           "bird", "fish", "plant", "animal", "tumor", "tumour", "viral", "fungal", "bee", "honeybee"})


def _population(parts: list[str], i: int, rep: str) -> str:
    return parts[i] if _word_before(parts, i) in _OF_A_SPECIES else rep


def _intervention(parts: list[str], i: int, rep: str) -> str:
    if _word_before(parts, i) not in _PROGRAMME_KINDS:
        return rep
    programme = "programs" if parts[i].lower().endswith("s") else "program"
    return capitalise(programme) if rep[:1].isupper() else programme


def _so(parts: list[str], i: int, rep: str) -> str:
    """"thus", "hence" … are "so" only where a clause starts ("Thus, …", ", thus the rate …", "and thus") and in
    "thus far"; between subject and verb ("Results thus suggest") or at the end of a sentence "so" reads wrongly,
    and the word goes. Before an -ing word it goes too, and a comma takes its place ("injury thus enhancing" ->
    "injury, enhancing")."""
    before, after, following = parts[i - 1], parts[i + 1] if i + 1 < len(parts) else "", _word_after(parts, i)
    mark = before.strip()[-1:]
    starts_clause = i == 1 and not mark or mark != "" and mark in ".;:,(" or _word_before(parts, i) in _CLAUSE_JOINS
    if following == "far" or starts_clause and (after.startswith(",") or following and not following.endswith("ing")):
        return rep
    if following.endswith("ing") and before == " ":
        parts[i - 1] = ", "
    return ""


# Nouns that "significant" qualifies in its everyday sense, "important": "a significant issue" is no "clear issue".
_WEIGHTY = frozenset({"issue", "issues", "problem", "problems", "challenge", "challenges", "burden", "concern", "concerns",
                      "role", "roles", "impact", "contribution", "cause", "causes", "source", "threat", "barrier", "barriers",
                      "advance", "advances", "step", "public", "health", "economic", "clinical", "social", "implications"})


# What people suffer: "significant stress" is a lot of it, not a "clear" one. Amounts: "a significant number" is large.
_SUFFERED = frozenset({"stress", "distress", "depression", "anxiety", "pain", "disability", "symptoms", "fatigue",
                       "impairment", "morbidity", "harm", "toxicity", "bleeding", "damage"})
_AMOUNTS = frozenset({"proportion", "number", "amount", "portion", "percentage", "fraction", "share", "minority"})


def _significant(parts: list[str], i: int, rep: str) -> str:
    """"significant" is "clear" of a result ("a significant drop"), "important" of a weighty noun and in
    "clinically significant", "serious" of what people suffer and "large" of an amount."""
    after = _word_after(parts, i)
    word = ("important" if after in _WEIGHTY or _word_before(parts, i) == "clinically" else
            "serious" if after in _SUFFERED else "large" if after in _AMOUNTS else "")
    if not word:
        return rep
    return word.capitalize() if parts[i][0].isupper() else word


_IN_CONTEXT = {
    "significant": _significant,
    **{w: _participle("shown") for w in ("demonstrated", "revealed", "illustrated", "exhibited")},
    "indicated": _indicated, "obtained": _obtained, "determined": _kept_after_auxiliary, "ascertained": _kept_after_auxiliary,
    "previously": _previously,
    "equivalent": _equivalent, **{w: _so for w in ("thus", "hence", "therefore", "consequently")},
    "characterized": _characterized, "characterised": _characterized, "traditional": _traditional,
    "intervention": _intervention, "interventions": _intervention, "population": _population, "populations": _population,
}


_MARKED_AFTER_ARTICLE = re.compile(r"(?<![\w-])([Aa]n?) \x01(\S+)")
# Plain words that take no "a" ("enough", "not enough") or another article ("the best", "the same"): after "a" or
# "an" the word stays as written.
_NO_ARTICLE = frozenset({"enough", "not enough", "best", "the same"})


def _article_for(article: str, following: str) -> str:
    """"a"/"an" as the word after it needs ("an initial" -> "a first", "a considerable" stays "a large"); before
    "u", "h" and acronyms it is left as it was."""
    first = following[:1].lower()
    if first in "uh" or following[1:2].isupper():
        return article
    n = "n" if first in "aeio" else ""
    return article[0] + (n.upper() if article[1:2].isupper() else n)


def _swap_word(word: str, words: dict[str, str]) -> str:
    rep = words.get(word.lower())
    if rep is None:
        return word
    return capitalise(rep) if word[0].isupper() else rep


_PERCENT_GLUED = re.compile(r"(\d%)(?=[A-Za-z])")  # "7.2%minors", as some abstracts print it


def rewrite(text: str, *, abbreviations: dict[str, str], resources: Resources | None,
            level: str = "simple", max_words: int = 18, long_forms: bool = True) -> str:
    """One source sentence, rewritten for readers. ``level`` is "simple" (patients) or "summary" (clinicians).
    Without ``long_forms`` an abbreviation whose long form is longer than ``LONG_FORM_WORDS`` keeps its short form."""
    source = text
    text = strip_statistics(text)
    if "%" in text:
        text = _PERCENT_GLUED.sub(r"\1 ", text)
    text = without_mid_connectives(balance_brackets(without_list_markers(without_sub_label(text))))
    text = expand(text, abbreviations, None if long_forms else LONG_FORM_WORDS)
    if level == "simple":
        text = drop_frame(drop_asides(drop_parentheticals(text)))
        text = split_long(text, max_words)
        text = apply_glossary(text, resources)
        text = plain_words(text)
    else:
        text = plain_words(split_long(drop_frame(drop_asides(text)), 20), clinician=True)
    return ensure_period(capitalise(tidy(undouble(text, source))))
