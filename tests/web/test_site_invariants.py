"""Whole-site invariants: every page answers, has one h1, a language, and the shared navigation."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_with_content():
    paper = factories.published_paper()
    return {"paper": paper, "category": factories.category("Rehabilitation")}


def _urls(content):
    return [
        reverse("web:home"), reverse("web:latest"), reverse("web:categories"),
        content["category"].get_absolute_url(), content["paper"].get_absolute_url(),
        reverse("web:about"), reverse("web:evidence"), reverse("web:disclaimer"), reverse("web:contact"),
        reverse("subscriptions:subscribe"),
    ]


def test_every_page_answers_with_one_h1_and_lang(client, site_with_content):
    for url in _urls(site_with_content):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert '<html lang="en">' in html, url
        assert 'href="#main"' in html and 'id="main"' in html, url


def test_every_page_has_reference_navigation(client, site_with_content):
    for url in _urls(site_with_content):
        html = client.get(url).content.decode()
        header = html.split('<nav aria-label="Main">')[1].split("</nav>")[0]
        for label in ["About", "Categories", "Latest Research", "Contact", "Subscribe"]:
            assert f">{label}</a>" in header, (url, label)
        footer = html.split('class="site-footer"')[1]
        for label in ["Home", "About", "Categories", "Latest Research", "Disclaimer", "Contact Us"]:
            assert f">{label}</a>" in footer, (url, label)


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_no_pending_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_site_name_and_tagline_are_settings(client, monkeypatch):
    monkeypatch.setenv("SCIPLAIN_SITE_NAME", "MS Research Explained")
    html = client.get(reverse("web:home")).content.decode()
    assert "MS Research Explained" in html
