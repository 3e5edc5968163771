"""Step "key_findings": 3–5 results and conclusions sentences, each rewritten plainly and
linked to the sentence it came from (``source_sentences``) so an editor can verify it."""

from __future__ import annotations

import re

from ..doc import Doc, Sentence
from ..pipeline import step
from ..plain import rewrite, strip_statistics
from ..roles import METADATA
from ..types import KeyFinding

EFFECT = re.compile(r"\b(?:improv|increas|decreas|reduc|lower|higher|greater|fewer|associat|differ|benefit|effective|"
                    r"better|worse|rose|fell|declin|restor|promot|prevent|enhanc|inhibit|attenuat|protect|recover|"
                    r"correlat|predict|no (?:significant|clear|evidence)|did not|was not|were not|not (?:significantly|associated)|"
                    r"found|showed|safe|tolerat|risk)\w*", re.IGNORECASE)
DESCRIPTIVE = re.compile(r"^(?:we (?:will|(?:also |briefly )?(?:discuss|review|summari[sz]e|highlight|propose))|we (?:included|report|describe|present|identified \d+|searched)|a total of|this (?:paper|report|article) (?:describes|reports)|the (?:included )?(?:studies|trials) (?:were|included)|there were \d+|"
                         r"\w+ (?:studies|trials) (?:met|were included)|of the \d+|data (?:were|from)|the mean age|the median age|"
                         r"most (?:studies|trials)|many studies|the quality|the risk of bias|overall risk of bias)", re.IGNORECASE)
LOW_VALUE = re.compile(r"\b(?:risk of bias|quality of (?:the )?evidence|certainty of (?:the )?evidence|were at (?:high|low|unclear) risk|GRADE)\b", re.IGNORECASE)


def score(sentence: Sentence) -> float:
    text = sentence.text
    s = {"results": 2.0, "conclusions": 1.2}.get(sentence.role, 0.0)
    if EFFECT.search(text):
        s += 1.5
    if re.search(r"\d", strip_statistics(text)):
        s += 0.5
    words = len(strip_statistics(text).split())
    if words < 6:
        s -= 3
    if words > 45:
        s -= 1
    if DESCRIPTIVE.search(text):
        s -= 4
    if LOW_VALUE.search(text):
        s -= 1.2
    if re.search(r"\b(?:further|future) (?:research|studies|trials)|\bare needed\b|\bwarrant", text, re.IGNORECASE):
        s -= 1
    return s


def choose(sentences: list[Sentence], limit: int = 5) -> list[Sentence]:
    pool = [s for s in sentences if s.role in ("results", "conclusions") and not METADATA.search(s.text)]
    if len(pool) < 3:
        pool += [s for s in sentences if s.role not in ("results", "conclusions", "background", "objective")
                 and s not in pool and not METADATA.search(s.text)]
    scores = {s.index: score(s) for s in pool}
    ranked = sorted(pool, key=lambda s: (-scores[s.index], s.index))
    chosen = [s for s in ranked if scores[s.index] > 0][:limit]
    results = [s for s in chosen if s.role == "results"][:4]
    conclusions = [s for s in chosen if s.role != "results"][: max(1, limit - len(results))]
    picked = (results + conclusions)[:limit]
    return sorted(picked, key=lambda s: s.index)


@step("key_findings", requires=["sentences", "abbreviations", "design"], assigns=["findings", "summary.key_findings"])
def key_findings_step(doc: Doc) -> Doc:
    if doc.design == "study protocol":
        doc.findings, doc.summary.key_findings = [], []
        return doc
    findings: list[KeyFinding] = []
    chosen: list[int] = []
    for s in choose(doc.sentences):
        text = rewrite(s.text, abbreviations=doc.abbreviations, resources=doc.resources, level="simple", max_words=16)
        if len(text.split()) < 4 or any(f.text == text for f in findings):
            continue
        findings.append(KeyFinding(text=text, source_sentences=[s.index]))
        chosen.append(s.index)
    doc.findings = chosen
    doc.summary.key_findings = findings
    return doc
