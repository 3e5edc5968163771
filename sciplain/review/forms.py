"""The editor's form: every field of the reference page as plain inputs, saved as a typed Summary."""

from __future__ import annotations

from django import forms

from sciplain.papers.models import Category, Paper, Summary
from sciplain.summarize.evidence import EVIDENCE_SCALE
from sciplain.summarize.types import (
    EvidenceLevel,
    Implication,
    KeyFinding,
    Limitation,
    Participants,
)
from sciplain.summarize.types import Summary as SummaryData

DESIGNS = [
    "systematic review with meta-analysis", "systematic review", "randomized controlled trial",
    "non-randomized controlled trial", "cohort (prospective)", "cohort (retrospective)", "case-control",
    "cross-sectional", "case series", "case report", "qualitative", "animal study", "in vitro/lab study",
    "narrative review", "guideline", "study protocol", "other",
]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SummaryEditForm(forms.ModelForm):
    simple_explanation = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
    study_duration = forms.CharField(required=False, help_text="Leave empty if the paper does not say.")
    participants = forms.CharField(required=False, help_text="Who and how many, e.g. '45 adults with chronic incomplete SCI'.")
    study_design = forms.ChoiceField(choices=[(d, d) for d in DESIGNS], initial="other")
    evidence = forms.ChoiceField(label="Evidence level", choices=[], required=False)
    key_findings = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False,
                                   help_text="One finding per line.")
    research_summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False)
    practical_implications = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False,
                                             help_text="One per line, as 'Title: text'.")
    limitations = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False,
                                  help_text="One per line.")
    categories = forms.ModelMultipleChoiceField(Category.objects.all(), required=False,
                                                widget=forms.CheckboxSelectMultiple)
    change_note = forms.CharField(required=False, help_text="What you changed and why (kept in the history).")

    class Meta:
        model = Summary
        fields = ["paper", "status", "categories", "change_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].choices = [("", "(from the study design)")] + [
            (level, label) for level, label, _ in EVIDENCE_SCALE
        ]
        self.fields["paper"].queryset = Paper.objects.all()
        if self.instance.pk:
            data = self.instance.data
            self.fields["paper"].disabled = True
            self.initial.update({
                "simple_explanation": data.simple_explanation,
                "study_duration": data.study_duration or "",
                "participants": data.participants.description or "",
                "study_design": data.study_design,
                "evidence": data.evidence_level.level if data.evidence_level else "",
                "key_findings": "\n".join(f.text for f in data.key_findings),
                "research_summary": data.research_summary,
                "practical_implications": "\n".join(f"{i.title}: {i.text}" for i in data.practical_implications),
                "limitations": "\n".join(item.text for item in data.limitations),
            })

    def summary_data(self) -> SummaryData:
        """The edited summary; machine provenance is kept for findings whose text is unchanged."""
        from sciplain.summarize.evidence import evidence_for_design

        c = self.cleaned_data
        old = self.instance.data if self.instance.pk else SummaryData()
        sources = {f.text: f.source_sentences for f in old.key_findings}
        origins = {item.text: item.origin for item in old.limitations}
        evidence = evidence_for_design(c["study_design"])
        if c["evidence"]:
            level, label, explanation = next(row for row in EVIDENCE_SCALE if row[0] == c["evidence"])
            evidence = EvidenceLevel(level=level, label=label, reason=explanation)
        implications = []
        for line in _lines(c["practical_implications"]):
            title, _, text = line.partition(":")
            implications.append(Implication(title=title.strip(), text=text.strip()) if text
                                else Implication(title="In practice", text=title.strip()))
        return old.model_copy(update={
            "simple_explanation": c["simple_explanation"].strip(),
            "study_duration": c["study_duration"].strip() or None,
            "participants": old.participants.model_copy(update={"description": c["participants"].strip() or None})
            if old.participants else Participants(description=c["participants"].strip() or None),
            "study_design": c["study_design"],
            "evidence_level": evidence,
            "key_findings": [KeyFinding(text=t, source_sentences=sources.get(t, [])) for t in _lines(c["key_findings"])],
            "research_summary": c["research_summary"].strip(),
            "practical_implications": implications,
            "limitations": [Limitation(text=t, origin=origins.get(t, "stated")) for t in _lines(c["limitations"])],
            "categories": [cat.slug for cat in c["categories"]],
        })
