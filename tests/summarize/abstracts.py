"""Hand-written abstracts (invented for these tests; no dataset text) built the way spaCy tests build a Doc."""

from __future__ import annotations

from sciplain.summarize.types import Article, Section


def article(title: str = "A study", sections: list[tuple[str, str]] | str = (), **kw) -> Article:
    """An Article with defaults; ``sections`` is [(label, text)] or one unstructured string."""
    if isinstance(sections, str):
        secs = [Section(text=sections)]
    else:
        secs = [Section(label=label, category=label.upper() if label.upper() in
                        ("BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS") else "", text=text)
                for label, text in sections]
    return Article(id=kw.pop("id", "test-1"), title=title, sections=secs, **kw)


RCT = article(
    "Treadmill training for walking after incomplete spinal cord injury: a randomized controlled trial",
    [
        ("BACKGROUND", ("Walking is often impaired after spinal cord injury (SCI). Little is known about the benefit of "
                       "body-weight-supported treadmill training in chronic SCI.")),
        ("OBJECTIVE", "To evaluate whether treadmill training improves walking speed in adults with chronic incomplete SCI."),
        ("METHODS", ("Forty-two adults with chronic incomplete SCI were randomly assigned to 8 weeks of treadmill training "
                    "or usual care at a single centre. The primary outcome was walking speed at 6 months.")),
        ("RESULTS", ("Walking speed improved by 0.12 m/s in the training group compared with usual care (95% CI 0.05 to "
                    "0.19; p = 0.002). Balance scores did not differ between groups (p = 0.41). Quality of life improved "
                    "in 14 of 21 trained participants (OR = 2.1). No serious adverse events occurred in either group.")),
        ("CONCLUSIONS", ("Treadmill training may improve walking speed in people with chronic incomplete SCI. "
                        "Larger trials are needed to confirm these findings.")),
    ],
    publication_types=["Journal Article", "Randomized Controlled Trial"],
    mesh=["Humans", "Spinal Cord Injuries", "Exercise Therapy", "Walking"],
    keywords=["treadmill", "gait", "rehabilitation"],
)

COHORT = article(
    "Bladder management and urinary tract infections in people with spinal cord injury",
    "Urinary tract infections are a leading cause of hospital admission after spinal cord injury. We aimed to compare "
    "infection rates between bladder management methods. We conducted a retrospective cohort study using medical "
    "records of 318 patients with traumatic spinal cord injury treated between 2005 and 2015. Patients were followed "
    "for a median of 4 years. Infection rates were lower in patients using intermittent catheterization than in those "
    "with indwelling catheters (p < 0.001). Age at injury was not associated with infection risk. Intermittent "
    "catheterization may reduce urinary tract infections after spinal cord injury.",
    publication_types=["Journal Article"], mesh=["Humans", "Spinal Cord Injuries", "Urinary Tract Infections"],
)

CASE_REPORT = article(
    "Recovery of hand function after nerve transfer in tetraplegia: a case report",
    [
        ("Background", "Nerve transfer surgery can restore some hand function in tetraplegia."),
        ("Case presentation", ("We report the case of a 34-year-old man with a C6 spinal cord injury who underwent nerve "
                              "transfer surgery 11 months after injury. At 24-month follow-up he could pinch and grasp "
                              "small objects. He did not regain finger extension.")),
        ("Conclusion", "Nerve transfer may be a useful option for selected people with tetraplegia."),
    ],
    publication_types=["Case Reports"],
)

REVIEW = article(
    "Exercise for chronic pain after spinal cord injury: a systematic review and meta-analysis",
    [
        ("Background", "Chronic pain is common after spinal cord injury and is hard to treat."),
        ("Objectives", "To assess the effects of exercise on chronic pain in people with spinal cord injury."),
        ("Search methods", "We searched MEDLINE, Embase and CENTRAL up to March 2020."),
        ("Main results", ("We included 12 trials involving 480 participants. Exercise reduced pain intensity compared "
                         "with no exercise (MD -1.2, 95% CI -1.9 to -0.5; 6 trials, 260 participants; low-quality "
                         "evidence). Exercise did not improve depression scores. The quality of the evidence was low "
                         "because most trials were small.")),
        ("Authors' conclusions", "Exercise may reduce chronic pain after spinal cord injury, but the evidence is uncertain."),
    ],
    publication_types=["Journal Article", "Systematic Review", "Meta-Analysis"],
)

ANIMAL = article(
    "Interleukin-4 limits secondary damage after spinal cord contusion in mice",
    "Inflammation drives secondary damage after spinal cord injury. Here we investigated whether interleukin-4 (IL-4) "
    "protects the injured spinal cord. Swiss, Balb/cJ and IL-4 knockout mice received a moderate thoracic contusion "
    "and were treated with IL-4 or saline for 14 days. IL-4 knockout mice showed larger lesions and worse locomotor "
    "recovery than wild-type mice. IL-4 treatment reduced lesion volume by 35% and improved hindlimb function. "
    "These results suggest that IL-4 is a promising therapeutic target for spinal cord injury.",
    mesh=["Animals", "Mice", "Spinal Cord Injuries", "Interleukin-4"],
)

PROTOCOL = article(
    "Functional electrical stimulation cycling after acute spinal cord injury: study protocol for a randomised trial",
    [
        ("Background", "Muscle loss starts soon after spinal cord injury."),
        ("Methods", ("This trial will randomise 60 adults with acute spinal cord injury to functional electrical stimulation "
                    "cycling or usual care for 12 weeks. The primary outcome will be thigh muscle size.")),
        ("Discussion", "This trial will show whether early cycling can prevent muscle loss."),
    ],
    publication_types=["Journal Article", "Clinical Trial Protocol"],
)

LAB = article(
    "Astrocyte scar proteins slow axon growth in culture",
    "Axons fail to regrow after spinal cord injury. We examined how scar proteins affect axon growth in vitro. "
    "Cultured rat cortical neurons were grown on surfaces coated with chondroitin sulfate proteoglycans. Axon length "
    "was reduced by 40% on coated surfaces. Enzyme treatment restored axon growth. These findings identify a potential "
    "target for therapy.",
)

ALL = {"rct": RCT, "cohort": COHORT, "case_report": CASE_REPORT, "review": REVIEW, "animal": ANIMAL,
       "protocol": PROTOCOL, "lab": LAB}
