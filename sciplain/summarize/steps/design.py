"""Steps "design" and "evidence_level": what kind of study this is, and how strong that kind of evidence is."""

from __future__ import annotations

from ..design import classify_design, species_of
from ..doc import Doc
from ..evidence import NO_STUDIES_FOUND, evidence_for_design
from ..pipeline import step


@step("design", requires=["sentences"], assigns=["design", "species", "summary.study_design"])
def design_step(doc: Doc) -> Doc:
    a = doc.article
    text = " ".join(s.text for s in doc.sentences)
    doc.species = species_of(f"{a.title}\n{text}", a.mesh)
    doc.design = classify_design(a.title, text, a.publication_types, a.mesh, species=doc.species)
    if doc.design == "animal study" and doc.species in ("humans", ""):
        doc.species = "animals"
    doc.summary.study_design = doc.design
    return doc


@step("evidence_level", requires=["design", "no_studies"], assigns=["summary.evidence_level"])
def evidence_step(doc: Doc) -> Doc:
    doc.summary.evidence_level = NO_STUDIES_FOUND if doc.no_studies else evidence_for_design(doc.design)
    return doc
