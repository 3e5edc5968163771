"""Editorial services: store summary versions, publish, reject, generate with a backend.

Every interface (admin actions, CLI, jobs) calls these; none of them changes a
summary's status on its own.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from sciplain import conf
from sciplain.papers.models import Category, Paper, Summary
from sciplain.summarize.types import Summary as SummaryData


@transaction.atomic
def summary_save(
    *,
    paper: Paper,
    data: SummaryData,
    editor=None,
    status: str | None = None,
    note: str = "",
) -> Summary:
    """Store a new current version of a paper's summary, keeping the old ones as history.

    Without an explicit status a machine summary waits for review; with
    ``AUTO_PUBLISH`` on, one that passes every check is published at once.
    """
    previous = Summary.objects.select_for_update().filter(paper=paper, is_current=True).first()
    version = (paper.summaries.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    if previous:
        previous.is_current = False
        previous.save(update_fields=["is_current"])
    if status is None:
        status = (
            Summary.Status.PUBLISHED
            if conf.get("AUTO_PUBLISH") and data.passed and not paper.retracted
            else Summary.Status.NEEDS_REVIEW
        )
    summary = Summary(paper=paper, version=version, is_current=True, status=status,
                      created_by=editor, change_note=note)
    summary.set_data(data)
    if status == Summary.Status.PUBLISHED:
        summary.published_at = timezone.now()
        if editor is not None:
            summary.reviewed_by, summary.reviewed_at = editor, timezone.now()
        _take_down(paper)
        summary.is_live = True
    summary.save()
    slugs = set(data.categories)
    summary.categories.set(Category.objects.filter(slug__in=slugs) | Category.objects.filter(name__in=slugs))
    Paper.objects.filter(pk=paper.pk).update(needs_resummary=False)
    _pages_changed()
    return summary


def _take_down(paper: Paper) -> None:
    """No version of the paper is live until the caller makes one so (in the same transaction)."""
    Summary.objects.filter(paper=paper, is_live=True).update(is_live=False)


def _pages_changed() -> None:
    """Forget cached public pages now and again after commit (a reader may have re-cached the old page)."""
    from sciplain.web.pagecache import pages_changed

    pages_changed()
    transaction.on_commit(pages_changed)


class PublishRefused(Exception):
    """A summary that may not be published (for example, its paper was retracted)."""


@transaction.atomic
def summary_publish(*, summary: Summary, editor=None) -> Summary:
    """Publish a summary version (an editor's decision): it replaces the live one; retracted papers are refused."""
    if summary.paper.retracted:
        raise PublishRefused(f"{summary.paper}: the paper was retracted and cannot be published")
    summary.status = Summary.Status.PUBLISHED
    summary.published_at = summary.published_at or timezone.now()
    if editor is not None:
        summary.reviewed_by, summary.reviewed_at = editor, timezone.now()
    _take_down(summary.paper)
    summary.is_live = True
    summary.save(update_fields=["status", "published_at", "reviewed_by", "reviewed_at", "is_live"])
    _event(summary, "published", editor)
    _pages_changed()
    return summary


def _event(summary: Summary, action: str, editor=None, reason: str = "") -> None:
    from .models import ReviewEvent

    ReviewEvent.objects.create(summary=summary, action=action, editor=editor, reason=reason)


class RejectRefused(Exception):
    """A rejection without a reason: editors and the history need to know why."""


def summary_reject(*, summary: Summary, editor, reason: str) -> Summary:
    """Reject a summary version with the reason: it stays in the history and is never shown to readers.

    Rejecting the live version takes the page down; rejecting a newer version under
    review leaves the last published one on the site.
    """
    reason = (reason or "").strip()
    if not reason:
        raise RejectRefused("say why the summary is rejected")
    summary.status = Summary.Status.REJECTED
    summary.reviewed_by, summary.reviewed_at = editor, timezone.now()
    summary.published_at = None
    summary.is_live = False
    summary.save(update_fields=["status", "reviewed_by", "reviewed_at", "published_at", "is_live"])
    _event(summary, "rejected", editor, reason)
    _pages_changed()
    return summary


def summary_regenerate(*, summary: Summary, editor, backend: str | None = None) -> Summary | None:
    """Write a new machine version of this summary's paper with the chosen backend.

    Returns the new current version, or None if the engine failed (the error is raised).
    """
    result = summaries_generate(papers=Paper.objects.filter(pk=summary.paper_id), backend=backend)
    if result["failed"]:
        raise RuntimeError(result["errors"][0] if result["errors"] else "the summary engine failed")
    new = Summary.objects.get(paper_id=summary.paper_id, is_current=True)
    _event(new, "regenerated", editor, f"backend {new.backend or backend or 'default'}")
    return new


def editor_create(*, username: str, email: str, password: str):
    """A staff user in the Editors group, with a validated password."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValidationError(f"an account named {username} already exists")
    user = User(username=username, email=email, is_staff=True)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=["papers", "review", "web", "subscriptions"]))
    user.groups.add(group)
    return user


def summary_edit(*, paper: Paper, data: SummaryData, editor, status: str, note: str = "") -> Summary:
    """An editor's version: the edited text becomes the new current summary with the chosen status."""
    if status == Summary.Status.PUBLISHED and paper.retracted:
        raise PublishRefused(f"{paper}: the paper was retracted and cannot be published")
    summary = summary_save(paper=paper, data=data.model_copy(update={"backend": data.backend or "editor"}),
                           editor=editor, status=status, note=note or "edited by an editor")
    if status == Summary.Status.PUBLISHED:
        Summary.objects.filter(pk=summary.pk).update(reviewed_by=editor, reviewed_at=timezone.now())
    _event(summary, "edited", editor, note)
    return summary


def article_for(paper: Paper):
    """The summary engine's input for a stored paper (the engine never sees the ORM)."""
    from sciplain.summarize.types import Article, Section

    return Article(
        id=paper.pmid or f"{paper.source}:{paper.source_id}",
        title=paper.title,
        sections=[Section(label=s.get("label", ""), category=s.get("category", ""), text=s["text"])
                  for s in paper.abstract if s.get("text")],
        journal=paper.journal,
        year=paper.year,
        doi=paper.doi or "",
        pmid=paper.pmid or "",
        publication_types=list(paper.publication_types),
        mesh=[m["descriptor"] if isinstance(m, dict) else str(m) for m in paper.mesh],
        keywords=list(paper.keywords),
        language=paper.language,
    )


def paper_summary_data(*, paper: Paper, backend: str | None = None) -> SummaryData:
    """Run the summary engine on a stored paper, with the site's own category list when one is configured."""
    from sciplain.summarize import summarize

    options = {"categories": conf.categories()} if conf.get("CATEGORIES_FILE") else {}
    return summarize(article_for(paper), backend=backend, **options)


def summaries_generate(
    *,
    papers=None,
    backend: str | None = None,
    publish: bool = False,
    on_progress=None,
) -> dict:
    """Summarize papers (default: those that need it); with ``publish``, publish those passing every check.

    One paper's failure is recorded and the rest go on. Returns counts and errors.
    """
    papers = Paper.objects.needs_summary() if papers is None else papers
    counts = {"summarized": 0, "published": 0, "needs_review": 0, "failed": 0}
    errors: list[str] = []
    for paper in papers.iterator() if hasattr(papers, "iterator") else papers:
        try:
            data = paper_summary_data(paper=paper, backend=backend)
            ok = publish and data.passed and not paper.retracted
            status = Summary.Status.PUBLISHED if ok else None
            summary = summary_save(paper=paper, data=data, status=status)
        except Exception as exc:  # noqa: BLE001 - one paper never stops the batch
            counts["failed"] += 1
            errors.append(f"PMID {paper.pmid or paper.pk}: {exc}")
        else:
            counts["summarized"] += 1
            counts["published" if summary.status == Summary.Status.PUBLISHED else "needs_review"] += 1
        if on_progress:
            on_progress(1)
    return counts | {"errors": errors}
