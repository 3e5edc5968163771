"""Readers keep seeing the last published version while a newer one waits for review."""

import pytest

from sciplain.papers.models import Paper, Summary
from sciplain.review.services import summary_publish, summary_reject, summary_save
from tests import factories

pytestmark = pytest.mark.django_db


def _published(text: str):
    return factories.published_paper(factories.summary_data(simple_explanation=text))


def _page(client, paper):
    return client.get(paper.get_absolute_url())


def test_summary_save_of_a_new_version_under_review_keeps_the_published_one_live(client):
    paper = _published("The first published words.")
    summary_save(paper=paper, data=factories.summary_data(simple_explanation="A newer machine version."))
    response = _page(client, paper)
    assert response.status_code == 200
    assert "The first published words." in response.text and "A newer machine version." not in response.text
    assert Paper.objects.published().filter(pk=paper.pk).exists()
    assert Summary.objects.published().get(paper=paper).version == 1


def test_summary_publish_of_the_new_version_replaces_the_live_one(client):
    paper = _published("The first published words.")
    newer = summary_save(paper=paper, data=factories.summary_data(simple_explanation="A newer reviewed version."))
    summary_publish(summary=newer)
    assert "A newer reviewed version." in _page(client, paper).text
    assert list(paper.summaries.filter(is_live=True).values_list("version", flat=True)) == [2]


def test_summary_reject_of_a_version_under_review_leaves_the_page_up(client, editor):
    paper = _published("The first published words.")
    newer = summary_save(paper=paper, data=factories.summary_data(simple_explanation="A wrong version."))
    summary_reject(summary=newer, editor=editor, reason="numbers do not match")
    assert "The first published words." in _page(client, paper).text


def test_summary_reject_of_the_live_version_takes_the_page_down(client, editor):
    paper = _published("Published words.")
    summary_reject(summary=paper.live_summary, editor=editor, reason="the paper was misread")
    assert _page(client, paper).status_code == 404
    assert not Paper.objects.published().filter(pk=paper.pk).exists()


def test_editors_preview_the_version_under_review(editor_client):
    paper = _published("The first published words.")
    summary_save(paper=paper, data=factories.summary_data(simple_explanation="A newer machine version."))
    assert "A newer machine version." in _page(editor_client, paper).text


def test_search_finds_the_live_version_while_a_newer_one_waits():
    from sciplain.web.search import search_papers

    paper = _published("Treadmill walking helped balance.")
    summary_save(paper=paper, data=factories.summary_data(simple_explanation="Something else entirely."))
    hits = search_papers(query="treadmill").hits
    assert [h.paper.pk for h in hits] == [paper.pk] and hits[0].summary.version == 1
