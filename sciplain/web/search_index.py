"""The search index: one row per published paper, rebuilt whenever its summary or paper changes.

``SearchDocument`` holds what the filters need (year, design, evidence level, the
human/animal/lab kind, category slugs) in plain indexed columns. The words themselves
live in a full-text index beside it, one per database engine:

* SQLite: the FTS5 virtual table ``web_search_fts`` (rowid = paper id), created by
  migration 0003 with RunSQL on SQLite only;
* PostgreSQL: a weighted ``tsvector`` column ``search_vector`` on the same table with a GIN
  index, created by the same migration on PostgreSQL only.

Rows are written at save time (STYLE §8): ``search_index_paper`` is connected to
``post_save``/``m2m_changed``/``post_delete`` of Summary and Paper by ``connect_signals``
and does index upkeep only. Search never trusts the index alone: results are read back
through ``Paper.objects.published()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, models

from sciplain.papers.models import Category, Paper, Summary

from .templatetags.sciplain import design_kind

FTS_TABLE = "web_search_fts"
# Column order of the FTS5 table (and of the bm25 weights in sciplain.web.search).
FTS_COLUMNS = ("title", "simple", "findings", "body", "categories", "mesh", "journal", "authors")
# PostgreSQL weights: A title, simple explanation; B findings, categories; C MeSH; D the rest.
PG_WEIGHTS = {"title": "A", "simple": "A", "findings": "B", "categories": "B", "mesh": "C",
              "body": "D", "journal": "D", "authors": "D"}


class SearchDocument(models.Model):
    """The filterable half of a paper's search row (the words are in the full-text index)."""

    paper = models.OneToOneField(Paper, on_delete=models.CASCADE, primary_key=True, related_name="+",
                                 db_constraint=False)
    year = models.PositiveSmallIntegerField(null=True, db_index=True)
    date_key = models.PositiveIntegerField(default=0, db_index=True, help_text="yyyymmdd for sorting by date.")
    study_design = models.CharField(max_length=60, blank=True, db_index=True)
    kind = models.CharField(max_length=10, blank=True, db_index=True, help_text="human, animal, lab, review, other")
    evidence_level = models.CharField(max_length=20, blank=True, db_index=True)
    categories = models.CharField(max_length=500, blank=True, help_text="Category slugs between spaces.")

    class Meta:
        app_label = "web"
        db_table = "web_search_document"


class SearchCategory(models.Model):
    """Paper-category pairs of indexed papers, so a category filter is an index lookup."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="category_rows")
    slug = models.SlugField(max_length=100)

    class Meta:
        app_label = "web"
        db_table = "web_search_category"
        constraints = [models.UniqueConstraint(fields=["slug", "document"], name="search_category_unique")]


@dataclass(frozen=True)
class IndexRow:
    """Everything one paper contributes to the index, built from plain field values."""

    paper_id: int
    year: int | None
    date_key: int
    study_design: str
    kind: str
    evidence_level: str
    category_slugs: tuple[str, ...]
    texts: dict[str, str]


def _author_names(authors: list) -> list[str]:
    names = []
    for a in authors or []:
        if not isinstance(a, dict):
            continue
        names.append(a.get("collective_name") or " ".join(
            p for p in (a.get("fore_name") or a.get("initials", ""), a.get("last_name", "")) if p))
    return [n for n in names if n]


def index_row(*, paper, content: dict, categories: list[tuple[str, str]]) -> IndexRow:
    """The index row of a paper and its summary content (a dict of ``summarize.types.Summary``).

    Takes field values only, so the benchmark and a migration can call it without the ORM.
    """
    design = content.get("study_design") or "other"
    evidence = content.get("evidence_level") or {}
    mesh = [m.get("descriptor", "") if isinstance(m, dict) else str(m) for m in (paper.mesh or [])]
    body = [content.get("research_summary") or ""]
    body += [f"{i.get('title', '')}. {i.get('text', '')}" for i in content.get("practical_implications") or []]
    body.append((content.get("participants") or {}).get("description") or "")
    texts = {
        "title": paper.title or "",
        "simple": content.get("simple_explanation") or "",
        "findings": " ".join(k.get("text", "") for k in content.get("key_findings") or []),
        "body": " ".join(b for b in body if b),
        "categories": " ".join(name for _, name in categories),
        "mesh": " ".join([*mesh, *(str(k) for k in paper.keywords or [])]),
        "journal": paper.journal or "",
        "authors": " ".join(_author_names(paper.authors)),
    }
    return IndexRow(
        paper_id=paper.pk,
        year=paper.year,
        date_key=(paper.year or 0) * 10000 + (paper.month or 0) * 100 + (paper.day or 0),
        study_design=design,
        kind=design_kind(design),
        evidence_level=evidence.get("level", "") if isinstance(evidence, dict) else "",
        category_slugs=tuple(sorted({slug for slug, _ in categories})),
        texts=texts,
    )


def _delete(cursor, paper_ids: list[int]) -> None:
    if not paper_ids:
        return
    marks = ",".join(["%s"] * len(paper_ids))
    cursor.execute(f"DELETE FROM web_search_category WHERE document_id IN ({marks})", paper_ids)
    cursor.execute(f"DELETE FROM web_search_document WHERE paper_id IN ({marks})", paper_ids)
    if connection.vendor == "sqlite":
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", paper_ids)


def write_rows(rows: list[IndexRow], *, replace: bool = True) -> None:
    """Insert (or replace) index rows in bulk: used by upkeep, the rebuild and the benchmark."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if replace:
            _delete(cursor, [r.paper_id for r in rows])
        if connection.vendor == "postgresql":
            vector = " || ".join(f"setweight(to_tsvector('english', %s), '{PG_WEIGHTS[c]}')" for c in FTS_COLUMNS)
            cursor.executemany(
                "INSERT INTO web_search_document (paper_id, year, date_key, study_design, kind, evidence_level, "
                f"categories, search_vector) VALUES (%s, %s, %s, %s, %s, %s, %s, {vector})",
                [(r.paper_id, r.year, r.date_key, r.study_design, r.kind, r.evidence_level,
                  " ".join(r.category_slugs), *(r.texts[c] for c in FTS_COLUMNS)) for r in rows])
        else:
            cursor.executemany(
                "INSERT INTO web_search_document (paper_id, year, date_key, study_design, kind, evidence_level, "
                "categories) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [(r.paper_id, r.year, r.date_key, r.study_design, r.kind, r.evidence_level,
                  " ".join(r.category_slugs)) for r in rows])
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)}) VALUES (%s{', %s' * len(FTS_COLUMNS)})",
                [(r.paper_id, *(r.texts[c] for c in FTS_COLUMNS)) for r in rows])
        cursor.executemany(
            "INSERT INTO web_search_category (document_id, slug) VALUES (%s, %s)",
            [(r.paper_id, slug) for r in rows for slug in r.category_slugs])


def search_index_paper(*, paper_id: int) -> bool:
    """Bring one paper's index row up to date: written if it is published, removed if not.

    Returns whether the paper is now in the index.
    """
    paper = Paper.objects.filter(pk=paper_id).first()
    summary = (
        Summary.objects.published().filter(paper_id=paper_id).first() if paper is not None else None
    )
    if summary is None:
        with connection.cursor() as cursor:
            _delete(cursor, [paper_id])
        return False
    cats = list(summary.categories.values_list("slug", "name"))
    write_rows([index_row(paper=paper, content=summary.content, categories=cats)])
    return True


def search_rebuild(*, batch: int = 2000) -> int:
    """Rebuild the whole index from the published summaries; returns how many papers it holds."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM web_search_category")
        cursor.execute("DELETE FROM web_search_document")
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
    count = 0
    summaries = Summary.objects.published().select_related("paper").order_by("paper_id")
    cat_names = dict(Category.objects.values_list("pk", "name"))
    cat_slugs = dict(Category.objects.values_list("pk", "slug"))
    links: dict[int, list[int]] = {}
    for summary_id, category_id in Summary.categories.through.objects.filter(
        summary__in=summaries
    ).values_list("summary_id", "category_id"):
        links.setdefault(summary_id, []).append(category_id)
    rows = []
    for summary in summaries.iterator(chunk_size=batch):
        cats = [(cat_slugs[c], cat_names[c]) for c in links.get(summary.pk, [])]
        rows.append(index_row(paper=summary.paper, content=summary.content, categories=cats))
        if len(rows) >= batch:
            write_rows(rows, replace=False)
            count += len(rows)
            rows = []
    write_rows(rows, replace=False)
    return count + len(rows)


# Index upkeep only (STYLE §8): no business rule lives in these receivers.
PAPER_FIELDS_NOT_INDEXED = {"content_hash", "raw", "updated_at", "needs_resummary", "text_hash", "revised"}


def _on_summary_saved(sender, instance, **kwargs):
    search_index_paper(paper_id=instance.paper_id)


def _on_summary_categories_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Summary):
        search_index_paper(paper_id=instance.paper_id)


def _on_paper_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields and set(update_fields) <= PAPER_FIELDS_NOT_INDEXED):
        return  # a new paper has no summary yet
    search_index_paper(paper_id=instance.pk)


def _on_paper_deleted(sender, instance, **kwargs):
    with connection.cursor() as cursor:
        _delete(cursor, [instance.pk])


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(_on_summary_saved, sender=Summary, dispatch_uid="search_summary_saved")
    post_delete.connect(_on_summary_saved, sender=Summary, dispatch_uid="search_summary_deleted")
    m2m_changed.connect(_on_summary_categories_changed, sender=Summary.categories.through,
                        dispatch_uid="search_summary_categories")
    post_save.connect(_on_paper_saved, sender=Paper, dispatch_uid="search_paper_saved")
    post_delete.connect(_on_paper_deleted, sender=Paper, dispatch_uid="search_paper_deleted")
