"""'Was this summary helpful?': stored per summary version, one vote per reader, CSRF, honeypot, rate limit."""

import pytest
from django.test import Client
from django.urls import reverse

from sciplain.papers.models import Summary
from sciplain.review.services import summary_save
from sciplain.web.models import Feedback
from tests import factories

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def paper():
    return factories.published_paper()


def _url(paper):
    return reverse("web:feedback", args=[paper.slug])


def test_feedback_without_js_is_stored_and_redirects_to_thanks(client, paper):
    response = client.post(_url(paper), {"helpful": "yes", "comment": "Clear, thanks"})
    assert response.status_code == 302
    assert response["Location"].endswith("?voted=1#feedback")
    feedback = Feedback.objects.get()
    assert (feedback.summary, feedback.helpful, feedback.comment) == (paper.current_summary, True, "Clear, thanks")
    page = client.get(response["Location"]).content.decode()
    assert "Thank you. Your answer was saved." in page


def test_feedback_with_js_answers_json(client, paper):
    response = client.post(_url(paper), {"helpful": "no", "comment": "What is a cohort?"}, **JSON)
    assert response.status_code == 200
    assert response.json() == {"ok": True, "message": "Thank you. Your answer was saved."}
    assert Feedback.objects.get().helpful is False


@pytest.mark.parametrize("data", [{}, {"helpful": "maybe"}, {"helpful": "yes", "comment": "x" * 2001}])
def test_feedback_invalid_is_not_stored(client, paper, data):
    response = client.post(_url(paper), data)
    assert response["Location"].endswith("?voted=0#feedback")
    assert "Please choose Yes or No" in client.get(response["Location"]).content.decode()
    json_response = client.post(_url(paper), data, **JSON)
    assert json_response.status_code == 400 and json_response.json()["ok"] is False
    assert not Feedback.objects.exists()


def test_feedback_duplicate_vote_changes_the_one_vote(client, paper):
    client.post(_url(paper), {"helpful": "yes"})
    client.post(_url(paper), {"helpful": "no", "comment": "Too long"})
    feedback = Feedback.objects.get()
    assert feedback.helpful is False and feedback.comment == "Too long"


def test_feedback_from_two_readers_counts_twice(paper):
    Client().post(_url(paper), {"helpful": "yes"})
    Client().post(_url(paper), {"helpful": "yes"})
    assert Feedback.objects.count() == 2


def test_feedback_voter_is_a_hash_not_the_cookie(client, paper):
    client.post(_url(paper), {"helpful": "yes"})
    token = client.cookies["sciplain_reader"].value
    assert token not in Feedback.objects.get().voter
    assert client.cookies["sciplain_reader"]["httponly"]


def test_feedback_is_stored_per_summary_version(client, paper):
    first = paper.current_summary
    client.post(_url(paper), {"helpful": "no", "version": first.pk})
    second = summary_save(paper=paper, data=factories.summary_data(), status=Summary.Status.PUBLISHED)
    client.post(_url(paper), {"helpful": "yes", "version": second.pk})
    assert first.feedback.get().helpful is False
    assert second.feedback.get().helpful is True


def test_feedback_for_a_version_of_another_paper_goes_to_the_current_one(client, paper):
    other = factories.published_paper()
    client.post(_url(paper), {"helpful": "yes", "version": other.current_summary.pk})
    assert Feedback.objects.get().summary == paper.current_summary


def test_feedback_requires_csrf_token(paper):
    response = Client(enforce_csrf_checks=True).post(_url(paper), {"helpful": "yes"})
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_feedback_with_csrf_token_from_the_page_is_accepted(paper):
    client = Client(enforce_csrf_checks=True)
    client.get(paper.get_absolute_url())
    token = client.cookies["csrftoken"].value
    response = client.post(_url(paper), {"helpful": "yes"}, HTTP_X_CSRFTOKEN=token, **JSON)
    assert response.status_code == 200
    assert Feedback.objects.count() == 1


def test_feedback_honeypot_looks_like_success_and_stores_nothing(client, paper):
    response = client.post(_url(paper), {"helpful": "yes", "website": "http://spam.example"}, **JSON)
    assert response.json()["ok"] is True
    assert not Feedback.objects.exists()


def test_feedback_is_rate_limited_per_ip(client, paper):
    for _ in range(30):
        client.post(_url(paper), {"helpful": "yes"})
    page = client.post(_url(paper), {"helpful": "no"})
    assert page.status_code == 429
    assert "Please wait about" in page.content.decode()
    assert "Retry-After" in page
    as_json = client.post(_url(paper), {"helpful": "no"}, **JSON)
    assert as_json.status_code == 429 and "Please wait" in as_json.json()["message"]
    assert Feedback.objects.get().helpful is True  # the limited votes were not stored
    assert client.post(_url(paper), {"helpful": "no"}, REMOTE_ADDR="10.1.2.3").status_code == 302


def test_feedback_on_unpublished_summary_is_404(client):
    draft = factories.paper()
    summary_save(paper=draft, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    assert client.post(_url(draft), {"helpful": "yes"}).status_code == 404


def test_feedback_get_redirects_to_the_page(client, paper):
    response = client.get(_url(paper))
    assert response.status_code == 302 and response["Location"] == paper.get_absolute_url()


def test_research_page_feedback_form_is_enhanceable_without_inline_script(client, paper):
    html = client.get(paper.get_absolute_url()).content.decode()
    section = html.split('id="feedback"')[1].split("</section>")[0]
    assert 'role="status"' in section and 'data-feedback-status="feedback-status"' in section
    assert f'name="version" value="{paper.current_summary.pk}"' in section
    assert "<script" not in section and "onclick" not in section
