"""Lists and fixed pages: home, latest, categories, category, contact, subscribe."""

import pytest
from django.core import mail
from django.urls import reverse

from sciplain.papers.services import categories_sync
from sciplain.web.models import ContactMessage
from tests import factories

pytestmark = pytest.mark.django_db


def test_home_lists_latest_published_research_and_categories(client):
    categories_sync()
    paper = factories.published_paper()
    hidden = factories.paper(title="An unreviewed draft")
    html = client.get(reverse("web:home")).content.decode()
    assert paper.title in html
    assert hidden.title not in html
    assert "Regenerative Medicine" in html


def test_categories_page_counts_published_papers(client):
    factories.published_paper()
    factories.published_paper()
    html = client.get(reverse("web:categories")).content.decode()
    assert "2 summaries" in html


def test_category_page_paginates_newest_first(client, monkeypatch):
    monkeypatch.setenv("SCIPLAIN_PAGE_SIZE", "2")
    for year in (2019, 2024, 2021):
        factories.published_paper(title=f"Study from {year}", year=year)
    cat = factories.category("Rehabilitation")
    first = client.get(cat.get_absolute_url()).content.decode()
    assert first.index("Study from 2024") < first.index("Study from 2021")
    assert "Study from 2019" not in first
    assert "Page 1 of 2" in first
    second = client.get(cat.get_absolute_url() + "?page=2").content.decode()
    assert "Study from 2019" in second


def test_contact_form_stores_message_and_emails_editors(client):
    response = client.post(reverse("web:contact"), {"name": "Sam", "email": "sam@example.org",
                                                    "subject": "Hello", "message": "Thanks for the site."})
    assert response.status_code == 200
    assert "Thank you, Sam" in response.content.decode()
    assert ContactMessage.objects.get().message == "Thanks for the site."
    assert len(mail.outbox) == 1 and "Thanks for the site." in mail.outbox[0].body


def test_contact_form_rejects_invalid_email_with_a_clear_message(client):
    response = client.post(reverse("web:contact"), {"name": "Sam", "email": "not-an-email", "message": "Hi"})
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_contact_form_honeypot_drops_bots_silently(client):
    client.post(reverse("web:contact"), {"name": "Bot", "email": "bot@example.org", "message": "spam",
                                         "website": "http://spam.example"})
    assert not ContactMessage.objects.exists()


def test_feedback_vote_is_stored_once_per_reader(client):
    paper = factories.published_paper()
    url = reverse("web:feedback", args=[paper.slug])
    client.post(url, {"helpful": "yes"})
    client.post(url, {"helpful": "no", "comment": "Too long"})
    feedback = paper.current_summary.feedback.get()
    assert feedback.helpful is False and feedback.comment == "Too long"


def test_evidence_levels_page_names_the_designs_behind_every_level(client):
    from sciplain.summarize.evidence import DESIGN_LEVEL

    html = client.get("/about/evidence-levels/").content.decode()
    for design in DESIGN_LEVEL:
        assert design in html, design
    assert "Preclinical" in html and "No results yet" in html
