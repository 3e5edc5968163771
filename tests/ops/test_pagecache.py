"""Public pages are cached for anonymous readers and forgotten the moment a summary is published or saved."""

import pytest
from django.test import override_settings

from sciplain.papers.models import Summary
from sciplain.review.services import summary_publish, summary_save
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def test_anonymous_get_is_served_from_the_cache_the_second_time(client):
    factories.published_paper()
    assert client.get("/research/").headers["X-Page-Cache"] == "miss"
    assert client.get("/research/").headers["X-Page-Cache"] == "hit"


def test_publishing_a_summary_invalidates_cached_pages(client):
    factories.published_paper(title="The first published paper")
    html = client.get("/research/").content.decode()
    waiting = factories.paper(title="A newly approved paper")
    summary = summary_save(paper=waiting, data=factories.summary_data())
    assert "A newly approved paper" not in client.get("/research/").content.decode()
    summary_publish(summary=summary)
    response = client.get("/research/")
    assert response.headers["X-Page-Cache"] == "miss"
    assert "A newly approved paper" in response.content.decode() and html != response.content.decode()


def test_saving_a_new_version_invalidates_the_research_page(client):
    paper = factories.published_paper()
    client.get(paper.get_absolute_url())
    summary_save(paper=paper, data=factories.summary_data(research_summary="A rewritten research summary."),
                 status=Summary.Status.PUBLISHED)
    assert "A rewritten research summary." in client.get(paper.get_absolute_url()).content.decode()


def test_logged_in_editors_are_never_served_cached_pages(editor_client):
    factories.published_paper()
    assert "X-Page-Cache" not in editor_client.get("/research/").headers


def test_posts_and_admin_are_not_cached(client):
    assert "X-Page-Cache" not in client.get("/admin/login/").headers
    assert "X-Page-Cache" not in client.post("/contact/", {}).headers


@pytest.mark.slow
def test_publishing_in_another_process_invalidates_this_process_cached_pages(client, settings):
    """Web workers and `sciplain run` are separate processes on one machine: they share the cache."""
    import os
    import subprocess
    import sys

    factories.published_paper()
    client.get("/research/")
    assert client.get("/research/").headers["X-Page-Cache"] == "hit"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "SCIPLAIN_DATA_DIR": str(settings.DATA_DIR)}
    subprocess.run([sys.executable, "-c", ("import django; django.setup(); "
                    "from sciplain.web.pagecache import pages_changed; pages_changed()")], env=env, check=True)
    assert client.get("/research/").headers["X-Page-Cache"] == "miss"
