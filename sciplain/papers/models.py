"""Papers, their summaries (with history) and categories.

Structured fields are JSON validated on the way in by the same pydantic models the
pipeline uses (``sciplain.summarize.types``) and the source records
(``sciplain.sources.base``), so what reaches a template is always typed data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from sciplain.summarize.types import Summary as SummaryData


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("web:category", args=[self.slug])


class PaperQuerySet(models.QuerySet):
    def published(self) -> PaperQuerySet:
        """Papers a reader may see: a live (published) summary version, and not retracted."""
        return self.filter(summaries__is_live=True, retracted=False)

    def needs_summary(self) -> PaperQuerySet:
        """Papers with an abstract and no current summary, or flagged for regeneration."""
        return self.exclude(abstract=[]).filter(
            Q(needs_resummary=True) | ~Q(summaries__is_current=True)
        ).distinct()

    def newest_first(self) -> PaperQuerySet:
        return self.order_by(
            models.F("year").desc(nulls_last=True),
            models.F("month").desc(nulls_last=True),
            models.F("day").desc(nulls_last=True),
            "-id",
        )


class Paper(models.Model):
    pmid = models.CharField("PMID", max_length=20, unique=True, null=True, blank=True)
    doi = models.CharField("DOI", max_length=255, unique=True, null=True, blank=True)
    pmcid = models.CharField("PMCID", max_length=20, blank=True)
    source = models.CharField(max_length=30)
    source_id = models.CharField(max_length=100)
    slug = models.SlugField(max_length=120, unique=True)
    title = models.TextField()
    title_html = models.TextField(blank=True, help_text="Title with safe inline markup (i, b, sup, sub).")
    journal = models.CharField(max_length=500, blank=True)
    journal_iso = models.CharField(max_length=255, blank=True)
    pub_date = models.CharField("publication date as printed", max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    month = models.PositiveSmallIntegerField(null=True, blank=True)
    day = models.PositiveSmallIntegerField(null=True, blank=True)
    authors = models.JSONField(default=list, blank=True)
    abstract = models.JSONField(default=list, blank=True, help_text="Ordered sections: label, category, text.")
    other_abstracts = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    mesh = models.JSONField(default=list, blank=True)
    publication_types = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=20, blank=True)
    grants = models.JSONField(default=list, blank=True)
    corrections = models.JSONField(default=list, blank=True)
    retracted = models.BooleanField(default=False)
    free_full_text_url = models.URLField(max_length=500, blank=True)
    revised = models.CharField(max_length=20, blank=True)
    raw = models.TextField(blank=True, help_text="The source record, verbatim, for provenance.")
    content_hash = models.CharField(max_length=64, blank=True)
    source_digest = models.CharField(
        max_length=32, blank=True,
        help_text="Digest of the source record as its parser read it: a re-import with the same digest skips it unread.")
    text_hash = models.CharField(max_length=64, blank=True, help_text="Hash of title + abstract.")
    needs_resummary = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PaperQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "source_id"], name="paper_source_key")]
        indexes = [models.Index(fields=["year", "month", "day"])]

    def __str__(self) -> str:
        return self.title[:80]

    def get_absolute_url(self) -> str:
        return reverse("web:research", args=[self.slug])

    @property
    def current_summary(self) -> Summary | None:
        """The newest version: what editors work on (it may be waiting for review)."""
        return self.summaries.filter(is_current=True).first()

    @property
    def live_summary(self) -> Summary | None:
        """The version readers see: the last one an editor (or auto-publish) published."""
        cache = getattr(self, "_prefetched_objects_cache", {}).get("live")
        if cache is not None:
            return cache[0] if cache else None
        return self.summaries.filter(is_live=True).first()

    @property
    def author_names(self) -> list[str]:
        names = []
        for a in self.authors:
            if a.get("collective_name"):
                names.append(a["collective_name"])
            else:
                names.append(" ".join(p for p in (a.get("fore_name") or a.get("initials", ""), a.get("last_name", "")) if p))
        return [n for n in names if n]

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


class SummaryQuerySet(models.QuerySet):
    def current(self) -> SummaryQuerySet:
        return self.filter(is_current=True)

    def published(self) -> SummaryQuerySet:
        """The versions readers see: one live version per paper, never of a retracted paper."""
        return self.filter(is_live=True, paper__retracted=False)

    def needs_review(self) -> SummaryQuerySet:
        return self.filter(is_current=True, status=Summary.Status.NEEDS_REVIEW)


class Summary(models.Model):
    """One version of a paper's summary.

    Exactly one version per paper is *current* (the newest, which editors work on) and
    at most one is *live* (the one readers see). They differ while a regenerated or
    edited version waits for review: the page keeps showing the last published one.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        NEEDS_REVIEW = "needs_review", "Needs review"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="summaries")
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    is_live = models.BooleanField(default=False, help_text="The version readers see.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    content = models.JSONField(default=dict, help_text="The typed summary (sciplain.summarize.types.Summary).")
    categories = models.ManyToManyField(Category, blank=True, related_name="summaries")
    study_design = models.CharField(max_length=60, blank=True, db_index=True)
    evidence_level = models.CharField(max_length=20, blank=True, db_index=True)
    fkgl = models.FloatField(null=True, blank=True, help_text="Grade of the simple explanation.")
    passed_checks = models.BooleanField(default=False)
    backend = models.CharField(max_length=60, blank=True)
    backend_version = models.CharField(max_length=60, blank=True)
    change_note = models.CharField(max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = SummaryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "summaries"
        ordering = ["paper_id", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "version"], name="summary_version_unique"),
            models.UniqueConstraint(
                fields=["paper"], condition=Q(is_current=True), name="summary_one_current_per_paper"
            ),
            models.UniqueConstraint(fields=["paper"], condition=Q(is_live=True), name="summary_one_live_per_paper"),
        ]

    def __str__(self) -> str:
        return f"{self.paper} (v{self.version}, {self.get_status_display()})"

    @property
    def data(self) -> SummaryData:
        """The content as the typed model; templates read only this."""
        cached = getattr(self, "_data", None)
        if cached is None:
            cached = self._data = SummaryData.model_validate(self.content)
        return cached

    def set_data(self, data: SummaryData) -> None:
        self.content = data.model_dump(mode="json")
        self._data = data
        self.study_design = data.study_design
        self.evidence_level = data.evidence_level.level if data.evidence_level else ""
        simple = data.readability.get("simple_explanation")
        self.fkgl = simple.fkgl if simple else None
        self.passed_checks = data.passed
        self.backend = data.backend
        self.backend_version = data.version


class IngestRun(models.Model):
    """One run of ingestion: its window, counts and where it got to (for resuming)."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    source = models.CharField(max_length=30)
    query = models.TextField(blank=True)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    cursor = models.CharField(max_length=500, blank=True, help_text="Where to resume (retstart or cursorMark).")
    counts = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True, help_text="Records skipped, with the reason; why a run stopped.")
    warnings = models.JSONField(default=list, blank=True, help_text="Records kept with a note (a field cut short…).")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.line()} ({self.status})"

    def line(self) -> str:
        """``2024-03-01..2024-03-08: 25 new, 0 updated, 3 unchanged, 1 skipped``."""
        c = self.counts or {}
        return (f"{self.since}..{self.until}: {c.get('new', 0)} new, {c.get('updated', 0)} updated, "
                f"{c.get('unchanged', 0)} unchanged, {c.get('skipped', 0)} skipped")
