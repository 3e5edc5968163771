"""The editor's workflow in the admin, driven with Django's test client."""

import pytest
from django.test import Client
from django.urls import reverse

from sciplain.papers.models import Summary
from sciplain.review.models import ReviewEvent
from sciplain.review.services import summary_save
from sciplain.summarize.types import Check
from tests import factories

pytestmark = pytest.mark.django_db

QUEUE = "/admin/review/reviewqueue/"


def waiting(title="A paper waiting for review", checks=None, **data):
    paper = factories.paper(title=title, abstract=[
        {"label": "BACKGROUND", "category": "BACKGROUND", "text": "Walking is hard after injury. We asked why."},
        {"label": "RESULTS", "category": "RESULTS",
         "text": "Forty-five adults took part. Walking speed went up by 0.2 m/s. Balance did not change."},
    ])
    checks = checks if checks is not None else [Check(code="F001", message="number 0.3 not in the source",
                                                      field="key_findings")]
    return summary_save(paper=paper, data=factories.summary_data(checks=checks, **data))


def change_url(summary):
    return reverse("admin:papers_summary_change", args=[summary.pk])


def decide(client, summary, **post):
    return client.post(reverse("admin:papers_summary_decide", args=[summary.pk]), post)


def test_review_queue_lists_current_summaries_needing_review_with_reasons(editor_client):
    flagged = waiting()
    published = factories.published_paper(title="Already published paper")
    response = editor_client.get(QUEUE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "A paper waiting for review" in html and "Already published paper" not in html
    assert "F001" in html and "number 0.3 not in the source" in html
    assert change_url(flagged) in html
    assert published


def test_review_queue_shows_current_versions_only(editor_client):
    old = waiting()
    new = summary_save(paper=old.paper, data=factories.summary_data())
    html = editor_client.get(QUEUE).content.decode()
    assert change_url(new) in html and change_url(old) not in html


def test_review_queue_filters_by_check_code(editor_client):
    waiting("Paper with a number problem")
    waiting("Paper with a negation problem", checks=[Check(code="F002", message="negation flipped")])
    html = editor_client.get(QUEUE + "?check=F002").content.decode()
    assert "Paper with a negation problem" in html and "Paper with a number problem" not in html
    assert "F001 (1)" in editor_client.get(QUEUE).content.decode()  # the filter offers each code with a count


def test_change_page_shows_abstract_with_source_sentences_highlighted_beside_the_form(editor_client):
    summary = waiting(key_findings=[{"text": "Walking speed went up.", "source_sentences": [3]}])
    html = editor_client.get(change_url(summary)).content.decode()
    assert 'class="review-grid"' in html and 'name="simple_explanation"' in html
    from sciplain.review.display import abstract_with_findings

    marked = [seg for section in abstract_with_findings(summary.paper, summary.data)
              for seg in section.segments if seg.findings]
    assert [(seg.sentence, seg.findings) for seg in marked] == [(3, [1])]
    assert f'<mark data-sentence="3" title="Key finding 1">{marked[0].text}' in html


def test_publish_from_change_page_publishes_and_records_who(editor_client, editor):
    summary = waiting()
    response = decide(editor_client, summary, decision="publish")
    assert response.status_code == 302
    summary.refresh_from_db()
    assert summary.status == Summary.Status.PUBLISHED and summary.reviewed_by == editor
    assert ReviewEvent.objects.get(summary=summary).action == "published"
    assert Client().get(summary.paper.get_absolute_url()).status_code == 200


def test_reject_needs_a_reason_and_hides_the_summary(editor_client, editor):
    summary = waiting()
    decide(editor_client, summary, decision="reject", reason="")
    summary.refresh_from_db()
    assert summary.status == Summary.Status.NEEDS_REVIEW
    decide(editor_client, summary, decision="reject", reason="Findings overstate the results")
    summary.refresh_from_db()
    assert summary.status == Summary.Status.REJECTED
    event = ReviewEvent.objects.get(summary=summary)
    assert (event.action, event.reason, event.editor) == ("rejected", "Findings overstate the results", editor)
    assert Client().get(summary.paper.get_absolute_url()).status_code == 404
    assert "Findings overstate the results" in editor_client.get(change_url(summary)).content.decode()


def test_regenerate_writes_a_new_version_with_the_chosen_backend(editor_client, fixed_engine):
    summary = waiting()
    response = decide(editor_client, summary, decision="regenerate", backend="fixed")
    current = Summary.objects.get(paper=summary.paper, is_current=True)
    assert current.version == 2 and current.backend == "fixed"
    assert current.status == Summary.Status.NEEDS_REVIEW
    assert response["Location"] == change_url(current)
    assert ReviewEvent.objects.get(summary=current).action == "regenerated"


def test_edit_creates_a_new_version_and_the_history_shows_who_changed_what(editor_client, editor):
    summary = waiting()
    form = editor_client.get(change_url(summary)).context["adminform"].form
    post = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    post = {k: ("" if v is None else v) for k, v in post.items()}
    post.update({"paper": summary.paper.pk, "status": Summary.Status.NEEDS_REVIEW, "categories": [],
                 "simple_explanation": "People with spinal cord injury walked faster after practice.",
                 "change_note": "simpler words", "_continue": "1"})
    response = editor_client.post(change_url(summary), post)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    versions = list(Summary.objects.filter(paper=summary.paper).order_by("version"))
    assert response["Location"] == change_url(versions[-1])  # editing goes on with the new version
    assert [v.version for v in versions] == [1, 2]
    new = versions[1]
    assert new.is_current and new.created_by == editor and new.change_note == "simpler words"
    assert new.data.simple_explanation == "People with spinal cord injury walked faster after practice."
    html = editor_client.get(change_url(new)).content.decode()
    assert "Version history" in html and "simpler words" in html and "by editor" in html
    assert '<span class="diff-added">+ Simple explanation: People with spinal cord injury walked faster' in html
    assert '<span class="diff-removed">- Simple explanation: Researchers tested walking practice' in html


def test_bulk_publish_and_bulk_reject_from_the_queue(editor_client):
    a, b, c = waiting("Paper A"), waiting("Paper B"), waiting("Paper C")
    editor_client.post(QUEUE, {"action": "publish_selected", "_selected_action": [a.pk, b.pk]})
    editor_client.post(QUEUE, {"action": "reject_selected", "_selected_action": [c.pk], "reason": "Off topic"})
    statuses = {s.paper.title: s.status for s in Summary.objects.filter(pk__in=[a.pk, b.pk, c.pk])}
    assert statuses == {"Paper A": "published", "Paper B": "published", "Paper C": "rejected"}
    assert editor_client.get(QUEUE).context["cl"].result_count == 0  # the queue is empty


def test_bulk_reject_without_a_reason_rejects_nothing(editor_client):
    a = waiting()
    response = editor_client.post(QUEUE, {"action": "reject_selected", "_selected_action": [a.pk], "reason": ""},
                                  follow=True)
    a.refresh_from_db()
    assert a.status == Summary.Status.NEEDS_REVIEW
    assert "write the reason" in response.content.decode()


def test_bulk_regenerate_with_the_chosen_backend(editor_client, fixed_engine):
    a, b = waiting("Paper A"), waiting("Paper B")
    editor_client.post(QUEUE, {"action": "regenerate_selected", "_selected_action": [a.pk, b.pk],
                               "backend": "fixed"})
    current = Summary.objects.filter(paper__in=[a.paper, b.paper], is_current=True)
    assert sorted(s.version for s in current) == [2, 2] and {s.backend for s in current} == {"fixed"}


def test_auto_publish_publishes_summaries_that_pass_every_check(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_AUTO_PUBLISH", "1")
    passing = waiting("Clean paper", checks=[])
    flagged = waiting("Flagged paper")
    assert passing.status == Summary.Status.PUBLISHED
    assert flagged.status == Summary.Status.NEEDS_REVIEW


def test_auto_publish_is_off_by_default():
    assert waiting("Clean paper", checks=[]).status == Summary.Status.NEEDS_REVIEW


def test_only_staff_see_drafts(editor_client):
    summary = waiting()
    assert Client().get(summary.paper.get_absolute_url()).status_code == 404
    assert editor_client.get(summary.paper.get_absolute_url()).status_code == 200
    assert Client().get(QUEUE).status_code == 302  # to the login page


def test_editors_group_can_use_the_queue_without_superuser(client):
    from sciplain.review.services import editor_create

    user = editor_create(username="second", email="", password="another-long-passphrase")
    assert not user.is_superuser
    client.force_login(user)
    waiting()
    assert client.get(QUEUE).status_code == 200
    assert client.get("/admin/review/summaryjob/").status_code == 200


def test_an_old_version_cannot_be_published_over_the_current_one(editor_client):
    old = waiting()
    new = summary_save(paper=old.paper, data=factories.summary_data())
    response = decide(editor_client, old, decision="publish")
    old.refresh_from_db()
    assert old.status == Summary.Status.NEEDS_REVIEW and response["Location"] == change_url(new)
