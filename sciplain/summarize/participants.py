"""Who was studied and for how long: participant counts, population, species, age and sex,
and the length of the intervention or follow-up (never time since injury, age or a search window)."""

from __future__ import annotations

import re

from .textutil import WORD_NUMBER, parse_count

NUM = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + WORD_NUMBER.pattern.replace(r"\b", "") + r")"
HUMAN_NOUNS = (r"patients|participants|subjects|people|persons|individuals|adults|children|adolescents|infants|"
               r"men|women|volunteers|veterans|outpatients|inpatients|survivors|athletes|students|residents|"
               r"respondents|caregivers|cases|controls|wheelchair users|users|nurses|clinicians|physicians|"
               r"therapists|families|dyads|boys|girls|girls and boys|newborns|neonates|youths|older adults")
ANIMAL_NOUNS = r"mice|rats|animals|dogs|pigs|minipigs|monkeys|macaques|rabbits|cats|sheep|zebrafish|larvae|primates|ferrets|hamsters|gerbils"
MODIFIER = r"(?:(?!(?:were|was|had|have|and|or|in|of|with|from|who|to|at|for|per|by|on|years?|months?|weeks?|days?|hours?|mg|ml|kg|%)\b)[\w/.'-]+\s+){0,5}"
COUNT = re.compile(
    r"(?<![\w.,%-])" + NUM + r"\s+(?P<mods>" + MODIFIER + r")(?P<noun>" + HUMAN_NOUNS + "|" + ANIMAL_NOUNS + r")\b"
    r"(?P<tail>(?:\s+(?:with|after|who|aged|living with|following|undergoing|receiving|diagnosed with|from|in)\b(?:[^.;:()]|\.(?=\d)){0,70})?)",
    re.IGNORECASE,
)
REVIEW = re.compile(
    r"(?<![\w.])(?P<k>\d{1,3}(?:,\d{3})+|\d+|" + WORD_NUMBER.pattern.replace(r"\b", "") + r")\s+(?:\w+\s+){0,2}"
    r"(?:studies|trials|RCTs|articles|papers|reports)\b[^.;]{0,60}?"
    r"(?:involving|with|including|enrolling|of|and|randomi[sz]ing|comprising|totalling|totaling|reporting on)\s+"
    r"(?:a total of\s+|data (?:from|on)\s+|over\s+|more than\s+|nearly\s+|about\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<mods>" + MODIFIER + r")(?P<noun>" + HUMAN_NOUNS + r")\b",
    re.IGNORECASE,
)
REVIEW_STUDIES = re.compile(r"(?<![\w.])(?P<k>\d+|" + WORD_NUMBER.pattern.replace(r"\b", "") + r")\s+(?:\w+\s+){0,2}(?:studies|trials|RCTs)\b", re.IGNORECASE)
AGE = re.compile(r"\b(?:(?:mean|median|average)\s+age(?:\s+(?:of|was|was\s+about))?[:,]?\s*\d+(?:\.\d+)?(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)?\s*(?:years|yrs|y)\b|"
                 r"aged\s+\d+(?:\s*(?:-|–|to)\s*\d+)?\s*(?:years|yrs|y)?\b(?:\s+(?:and|or)\s+(?:older|over|above))?|"
                 r"\d+\s*(?:-|–|to)\s*\d+\s*years?\s+(?:old|of age))", re.IGNORECASE)
SEX = re.compile(r"\b\d+(?:\.\d+)?\s*%\s*(?:were\s+)?(?:male|female|men|women)\b|\b\d+\s+(?:men|males?)\s+and\s+\d+\s+(?:women|females?)\b|"
                 r"\b(?:all|only)\s+(?:male|female|men|women)\b|\b(?:male|female)\s+(?:and|or)\s+(?:male|female)\b", re.IGNORECASE)
STRAIN = re.compile(
    r"(?P<strain>(?:(?:[A-Z0-9][\w/.+-]*|wild[- ]type|knockout|knock-in|transgenic|adult|female|male|young|aged|juvenile|null|deficient|"
    r"inbred|outbred|nude|athymic)(?:,\s*|\s+and\s+|\s+or\s+|\s+)){1,8})(?P<animal>mice|rats)\b")
YEARLIKE = re.compile(r"^(?:19|20)\d\d$")


def _int(text: str) -> int | None:
    return parse_count(text)


def find_participants(sentences: list[tuple[str, str]], species: str, design: str) -> dict:
    """{"count", "population", "description", "species"} from (text, role) pairs; missing keys mean unknown."""
    result: dict = {}
    texts = [t for t, r in sentences]
    ordered = [t for t, r in sentences if r == "methods"] + [t for t, r in sentences if r in ("results", "")] + \
              [t for t, r in sentences if r not in ("methods", "results", "")]
    if design in ("systematic review", "systematic review with meta-analysis"):
        for t in ordered:
            m = REVIEW.search(t)
            if m and _int(m.group("n")):
                k, n = _int(m.group("k")), _int(m.group("n"))
                result.update(count=n, population=f"{m.group('n')} {m.group('mods')}{m.group('noun')}".strip(),
                              description=f"{m.group('k')} studies with {m.group('n')} {(m.group('mods') or '')}{m.group('noun')}".replace("  ", " "),
                              studies=k)
                break
        else:
            for t in ordered:
                m = REVIEW_STUDIES.search(t)
                if m and _int(m.group("k")):
                    result.update(description=f"{m.group('k')} studies", studies=_int(m.group("k")))
                    break
    if "count" not in result:
        best = None
        for t in ordered:
            matches = [m for m in COUNT.finditer(t) if _ok_count(m, t)]
            if not matches:
                continue
            m = matches[0]
            count = _int(m.group("n"))
            phrase = _phrase(m)
            # "56 outpatients and 16 matched healthy controls": both groups took part.
            if len(matches) > 1 and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", t[m.end("noun"):matches[1].start()] if not m.group("tail") else t[m.end():matches[1].start()]):
                count += _int(matches[1].group("n"))
                phrase = f"{phrase} and {_phrase(matches[1])}"
            total = re.search(r"\ba total of\s+" + NUM, t, re.IGNORECASE)
            if total and _int(total.group("n")) and total.start("n") != m.start("n"):
                count = _int(total.group("n"))
            best = (count, phrase)
            break
        if best:
            result.update(count=best[0], population=best[1], description=best[1])
    if species:
        result["species"] = species
    if species and species not in ("humans", "") and design in ("animal study", "in vitro/lab study"):
        for t in texts:
            m = STRAIN.search(t)
            if m and len(m.group("strain").split()) >= 2 or (m and re.search(r"[A-Z0-9]", m.group("strain"))):
                strain = f"{m.group('strain').strip()} {m.group('animal')}"
                strain = re.sub(r"^(?:[A-Z][a-z]+\s+)(?=[a-z])", "", strain)  # a capitalised sentence opener
                result.setdefault("population", strain)
                if "description" not in result or not re.search(r"[A-Z]", result["description"][1:]):
                    result["description"] = (f"{result['count']} " if result.get("count") and not strain[:1].isdigit() else "") + strain
                break
    extras = []
    joined = " ".join(texts)
    age = AGE.search(joined)
    if age:
        extras.append(age.group(0).strip())
    sex = SEX.search(joined)
    if sex:
        extras.append(sex.group(0).strip())
    if extras and result.get("description"):
        result["description"] = f"{result['description']} ({'; '.join(extras)})"
    return result


def _ok_count(m: re.Match, text: str) -> bool:
    n = m.group("n")
    value = _int(n)
    if not value or YEARLIKE.match(n) and text[max(0, m.start() - 4):m.start()].strip().lower() in ("in", "since", "of"):
        return False
    if m.group("noun").lower() in ("cases", "controls") and value > 100000:
        return False
    after = text[m.end("n"):m.end("n") + 2]
    return not after.startswith("%")


def _phrase(m: re.Match) -> str:
    tail = (m.group("tail") or "").rstrip(" ,")
    tail = re.split(r"\s*,?\s+(?:with |and )?(?:a |an )?(?:mean|median|average) age\b", tail)[0]  # age is added on its own
    tail = re.split(r"\s+(?:were|was|who|whose|underwent|received|completed|participated|took part|to|into|and (?:\d|were))\b", tail)[0]
    text = f"{m.group('n')} {m.group('mods') or ''}{m.group('noun')}{tail}"
    return re.sub(r"\s+", " ", text).strip(" ,")


UNIT = r"(?:hours?|days?|weeks?|months?|years?|sessions?)"
DURATION_NUM = r"(?:\d+(?:\.\d+)?|" + WORD_NUMBER.pattern.replace(r"\b", "") + r"|a|one)"
DURATION_PATTERNS = [
    # "12-month follow-up", "a 6-week program of …", "8 weeks of treadmill training"
    re.compile(r"\b" + DURATION_NUM + r"[- ](?:hour|day|week|month|year)s?[- ](?:long\s+)?(?:(?:exercise|training|treatment|rehabilitation|walking|home|intervention|therapy)\s+(?:program(?:me)?|course|period|protocol|regimen)|follow[- ]?up|intervention|training|treatment|program(?:me)?|course|trial|regimen|protocol|period of (?:training|treatment)|exercise|therapy|rehabilitation|supplementation|study)\b(?:\s+(?:of|with|in)\s+[\w -]{3,40}?(?=[,.;()]|\s+(?:and|in|on|was|were|with)\b))?", re.IGNORECASE),
    re.compile(r"\b" + DURATION_NUM + r"\s+" + UNIT + r"\s+of\s+(?:\w+[- ]){0,3}(?:training|treatment|therapy|exercise|rehabilitation|stimulation|intervention|supplementation|follow[- ]?up|administration|practice|use)\b", re.IGNORECASE),
    re.compile(r"\b(?:followed(?:\s+up)?|follow[- ]up(?:\s+(?:period|time|duration))?(?:\s+(?:of|was|lasted))?)\s+(?:for\s+)?(?:a\s+)?(?:mean|median|average|minimum|maximum|up to|at least)?\s*(?:of\s+)?" + DURATION_NUM + r"(?:\.\d+)?\s*" + UNIT, re.IGNORECASE),
    re.compile(r"\b(?:for|over|during)\s+(?:a\s+(?:period\s+of\s+)?)?" + DURATION_NUM + r"\s+(?:consecutive\s+)?" + UNIT + r"\b(?=[^.]{0,40}\b(?:train|treat|stimulat|exercis|receiv|supplement|administ|therap|interven|practic|walk|follow))", re.IGNORECASE),
    re.compile(r"(?:(?:train|treat|stimulat|exercis|receiv|supplement|administ|therap|interven|practic)\w*)[^.;]{0,40}?\b(?:for|over)\s+" + DURATION_NUM + r"\s+(?:consecutive\s+)?" + UNIT + r"\b", re.IGNORECASE),
]
NOT_DURATION = re.compile(r"\b(?:old|of age|aged|age|post[- ]?injury|after (?:the )?injury|since (?:the )?injury|after (?:the )?(?:SCI|spinal cord injury|lesion)|"
                          r"(?:years?|months?) (?:post|after|since)|duration of (?:injury|SCI|disease|illness)|time since|"
                          r"searched|published|between \d{4}|from \d{4}|up to \d{4}|database|literature)\b", re.IGNORECASE)


def find_duration(sentences: list[tuple[str, str]], design: str) -> str | None:
    """"8 weeks of treadmill training", "12-month follow-up" … or None when not stated."""
    if design in ("systematic review", "systematic review with meta-analysis", "narrative review", "guideline",
                  "case report", "in vitro/lab study"):
        return None
    for roles in (("methods",), ("results", "objective", ""), ("background", "conclusions")):
        for text, role in sentences:
            if role not in roles:
                continue
            for rx in DURATION_PATTERNS:
                for m in rx.finditer(text):
                    window = text[max(0, m.start() - 25): m.end() + 25]
                    if NOT_DURATION.search(m.group(0)) or re.search(r"\b(?:old|of age|post[- ]?injury|after (?:the )?injury|since (?:the )?injury)\b", window[len(text[max(0, m.start() - 25):m.start()]) + len(m.group(0)):], re.IGNORECASE):
                        continue
                    phrase = m.group(0).strip(" ,")
                    phrase = re.sub(r"^(?:for|over|during)\s+", "", phrase, flags=re.IGNORECASE)
                    if re.match(r"(?:train|treat|stimulat|exercis|receiv|supplement|administ|therap|interven|practic)", phrase, re.IGNORECASE):
                        phrase = re.search(DURATION_NUM + r"\s+(?:consecutive\s+)?" + UNIT, phrase[phrase.lower().rfind(" for ") if " for " in phrase.lower() else 0:], re.IGNORECASE).group(0)
                    return phrase[:1].lower() + phrase[1:] if not phrase[:2].isupper() else phrase
    return None
