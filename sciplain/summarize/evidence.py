"""Evidence levels: the study design mapped onto one published scale.

The scale is the Oxford Centre for Evidence-Based Medicine 2011 levels (1 strongest,
5 weakest), with two labels of our own where a number would mislead readers:
"preclinical" for animal and lab studies, "no-results" for study protocols (the
reference site once called a protocol with no results "Level 1"), and "no-studies"
for a review that looked and found nothing to include.

| design                                   | level       |
|------------------------------------------|-------------|
| systematic review (with or without meta-analysis) | 1  |
| randomized controlled trial              | 2           |
| non-randomized controlled trial, prospective cohort | 3 |
| retrospective cohort, case-control, case series, cross-sectional | 4 |
| case report, narrative review, guideline, qualitative, other | 5 |
| animal study, in vitro/lab study         | preclinical |
| study protocol                           | no-results  |
| a review that included no studies        | no-studies  |

Guidelines get level 5 here because the level describes the design of the paper
itself; a guideline's recommendations carry their own grading.
"""

from __future__ import annotations

from .types import EvidenceLevel

EVIDENCE_SCALE: list[tuple[str, str, str]] = [
    ("1", "Level 1 of 5: strongest", "A systematic review that combines the results of many good studies."),
    ("2", "Level 2 of 5: strong", "A randomized controlled trial, where people were put into groups by chance."),
    ("3", "Level 3 of 5: moderate", "A controlled study without chance grouping, or a group of people followed forward in time."),
    ("4", "Level 4 of 5: limited", "A look back at records, a comparison of people with and without a condition, or a small series of cases."),
    ("5", "Level 5 of 5: weakest", "A single case, an expert opinion or a review that does not combine results."),
    ("preclinical", "Preclinical — not yet tested in people", "A study in animals or in cells in a lab. Results may not hold in people."),
    ("no-results", "No results yet", "A study plan (protocol). The study has not reported results."),
    ("no-studies", "No studies found", "A review that looked for studies on its question and found none it could include."),
]

DESIGN_LEVEL: dict[str, tuple[str, str]] = {
    "systematic review with meta-analysis": ("1", "a systematic review with meta-analysis, which pools the results of many studies"),
    "systematic review": ("1", "a systematic review, which gathers all the studies on a question"),
    "randomized controlled trial": ("2", "a randomized controlled trial, where people were assigned to groups by chance"),
    "non-randomized controlled trial": ("3", "a controlled trial where people were not assigned to groups by chance"),
    "cohort (prospective)": ("3", "a study that followed a group of people forward in time"),
    "cohort (retrospective)": ("4", "a study that looked back at records of a group of people"),
    "case-control": ("4", "a study that compared people with and without a condition"),
    "cross-sectional": ("4", "a study that looked at a group of people at one point in time"),
    "case series": ("4", "a description of a small number of patients"),
    "case report": ("5", "a description of a single patient"),
    "qualitative": ("5", "a study of people's experiences through interviews or focus groups"),
    "narrative review": ("5", "a review that describes studies without combining their results"),
    "guideline": ("5", "a guideline written by experts"),
    "other": ("5", "a study type that gives limited evidence on its own"),
    "animal study": ("preclinical", "a study in animals, not yet tested in people"),
    "in vitro/lab study": ("preclinical", "a study in cells in a lab, not yet tested in people"),
    "study protocol": ("no-results", "a published plan (protocol) for a study that has not finished"),
}

_LABELS = {level: label for level, label, _ in EVIDENCE_SCALE}
# Whatever its design, a review that included no studies has no evidence to rank: "Level 1" would tell readers
# the strongest evidence supports something nobody has tested.
NO_STUDIES_FOUND = EvidenceLevel(level="no-studies", label=_LABELS["no-studies"],
                                 reason="No studies found: the review found no studies it could include, so it cannot say what works.")


def designs_by_level() -> dict[str, list[str]]:
    """Which study designs get each level (for the page that explains the scale)."""
    grouped: dict[str, list[str]] = {level: [] for level, _, _ in EVIDENCE_SCALE}
    for design, (level, _) in DESIGN_LEVEL.items():
        grouped[level].append(design)
    grouped["no-studies"].append("a review that found no studies to include")
    return grouped


def evidence_for_design(design: str) -> EvidenceLevel:
    """The level, its plain label and a one-sentence reason for a study design."""
    level, why = DESIGN_LEVEL.get(design, DESIGN_LEVEL["other"])
    label = _LABELS[level]
    short = label.split(":")[0].split(" —")[0]
    return EvidenceLevel(level=level, label=label, reason=f"{short}: {why}.")
