"""Editors see helpfulness per summary: a Feedback list with filters and 'Least helpful summaries'."""

import pytest
from django.test import Client
from django.urls import reverse

from sciplain.web.models import Feedback
from tests import factories

pytestmark = pytest.mark.django_db


def _votes(paper, yes, no):
    summary = paper.current_summary
    for n in range(yes + no):
        Feedback.objects.create(summary=summary, helpful=n < yes, voter=f"{summary.pk}-{n}",
                                comment="Unclear words" if n >= yes else "")


@pytest.fixture
def voted():
    liked = factories.published_paper(title="A well liked summary")
    disliked = factories.published_paper(title="A confusing summary")
    few = factories.published_paper(title="A summary with one vote")
    _votes(liked, yes=9, no=1)
    _votes(disliked, yes=1, no=3)
    _votes(few, yes=0, no=1)
    return {"liked": liked, "disliked": disliked, "few": few}


def test_least_helpful_list_orders_by_helpful_share_with_minimum_votes(editor_client, voted):
    html = editor_client.get(reverse("admin:web_summaryhelpfulness_changelist")).content.decode()
    assert html.index("A confusing summary") < html.index("A well liked summary")
    assert "25%" in html and "90%" in html
    assert "A summary with one vote" not in html  # below the default minimum of 3 votes
    all_votes = editor_client.get(reverse("admin:web_summaryhelpfulness_changelist") + "?min_votes=1")
    assert "A summary with one vote" in all_votes.content.decode()


def test_least_helpful_list_is_linked_from_the_admin_index(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:web_summaryhelpfulness_changelist") in html
    assert "Least helpful summaries" in html


def test_feedback_changelist_filters_by_comment_and_summary(editor_client, voted):
    url = reverse("admin:web_feedback_changelist")
    summary = voted["disliked"].current_summary
    response = editor_client.get(url + f"?summary__id__exact={summary.pk}&has_comment=yes")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    for query in ("?helpful__exact=0", "?current=yes", "?q=Unclear"):
        assert editor_client.get(url + query).status_code == 200


def test_feedback_admin_needs_an_editor(voted):
    response = Client().get(reverse("admin:web_summaryhelpfulness_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
