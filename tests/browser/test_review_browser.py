"""An editor reviews a flagged summary in a real browser, edits it, publishes it, and readers see it."""

import pytest

from sciplain.papers.models import Summary
from sciplain.review.services import editor_create, summary_save
from sciplain.summarize.types import Check
from tests import factories
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_TEXT = "People with a spinal cord injury who practised walking on a treadmill walked a little faster."


def test_editor_reviews_edits_and_publishes_and_readers_see_it(live_server, browser, page):
    editor_create(username="ana", email="ana@example.org", password="a-long-editor-passphrase")
    paper = factories.paper(title="Treadmill practice after spinal cord injury", abstract=[
        {"label": "RESULTS", "category": "RESULTS",
         "text": "Forty-five adults took part. Walking speed went up by 0.2 m/s. Balance did not change."}])
    summary_save(paper=paper, data=factories.summary_data(
        checks=[Check(code="F001", message="number 0.3 not in the source", field="key_findings")],
        key_findings=[{"text": "Walking speed went up.", "source_sentences": [1]}]))

    page.goto(live_server.url + "/admin/login/?next=/admin/review/reviewqueue/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", "a-long-editor-passphrase")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/review/reviewqueue/")
    assert "number 0.3 not in the source" in page.content()

    page.click("text=Treadmill practice after spinal cord injury")
    page.wait_for_selector(".review-grid")
    assert page.inner_text(".review-abstract mark") .startswith("Walking speed went up by 0.2 m/s.")
    page.fill("#id_simple_explanation", NEW_TEXT)
    page.fill("#id_change_note", "plainer words")
    page.click("input[name=_continue]")
    page.wait_for_selector("#version-2")
    assert "plainer words" in page.inner_text("#version-2")
    screenshot(page, "review-change-page")

    page.click("#decide-publish")
    page.wait_for_selector("text=Published version 2.")
    current = Summary.objects.get(paper=paper, is_current=True)
    assert (current.version, current.status) == (2, Summary.Status.PUBLISHED)

    reader = browser.new_context().new_page()  # no editor session: what the public sees
    reader.goto(live_server.url + paper.get_absolute_url())
    assert NEW_TEXT in reader.content()
    reader.goto(live_server.url + "/research/")
    assert "Treadmill practice after spinal cord injury" in reader.content()
    reader.context.close()
