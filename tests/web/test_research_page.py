"""The research page shows every field of the reference page, and nothing a reader should not see."""

import re

import pytest
from django.template import Context, Template

from sciplain.papers.models import Summary
from tests import factories

pytestmark = pytest.mark.django_db


def _html(client, paper):
    response = client.get(paper.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_research_page_shows_every_reference_field(client):
    paper = factories.published_paper()
    html = _html(client, paper)
    for heading in ["Simple Explanation", "Study Duration", "Participants", "Evidence Level", "Key Findings",
                    "Research Summary", "Practical Implications", "Study Limitations",
                    "Was this summary helpful?", "Back to Rehabilitation"]:
        assert heading in html, heading
    assert "Journal of Spinal Cord Research, 2024" in html
    assert f'href="https://doi.org/{paper.doi}"' in html
    assert "Published: 2024 Mar" in html
    assert f"https://pubmed.ncbi.nlm.nih.gov/{paper.pmid}/" in html
    assert "not medical advice" in html
    assert "45 adults with chronic incomplete spinal cord injury" in html
    assert "Level 2 of 5" in html
    assert "Ana Rivera, SCI Walking Group" in html
    assert "Tested in people" in html


def test_research_page_numbers_key_findings_and_titles_implications(client):
    html = _html(client, factories.published_paper())
    findings = re.search(r'<ol class="findings">(.*?)</ol>', html, re.DOTALL).group(1)
    assert findings.count("<li>") == 2
    assert "<h3>Exercise prescription</h3>" in html
    assert "<h3>Talk to your care team</h3>" in html
    assert "stated by the authors" in html and "follows from the study design" in html


def test_research_page_breadcrumbs_lead_home_research_category_title(client):
    html = _html(client, factories.published_paper())
    crumbs = re.search(r'<nav aria-label="Breadcrumb".*?</nav>', html, re.DOTALL).group(0)
    assert [t for t in re.findall(r">([^<>]+)</(?:a|span)>", crumbs)][:3] == ["Home", "Research", "Rehabilitation"]


@pytest.mark.parametrize("field, empty", [
    ("study_duration", None), ("simple_explanation", ""), ("key_findings", []),
    ("practical_implications", []), ("limitations", []), ("research_summary", ""),
])
def test_research_page_missing_field_reads_not_reported(client, field, empty):
    html = _html(client, factories.published_paper(factories.summary_data(**{field: empty})))
    assert "Not reported in the paper" in html
    assert ">None<" not in html and "None</" not in html


def test_research_page_never_renders_an_object_or_repr(client):
    html = _html(client, factories.published_paper())
    for bad in ["[object Object]", "{'", "{&#x27;", "<sciplain", "KeyFinding(", "Limitation(", "text="]:
        assert bad not in html, bad


def test_plain_filter_refuses_structured_values():
    template = Template("{% load sciplain %}{{ value|plain }}")
    with pytest.raises(TypeError):
        template.render(Context({"value": {"text": "a limitation"}}))
    assert template.render(Context({"value": None})) == "Not reported in the paper"


def test_research_page_hides_drafts_from_readers(client):
    paper = factories.paper()
    from sciplain.review.services import summary_save

    summary_save(paper=paper, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    assert client.get(paper.get_absolute_url()).status_code == 404


def test_research_page_lets_editors_preview_drafts(editor_client):
    paper = factories.paper()
    from sciplain.review.services import summary_save

    summary_save(paper=paper, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    response = editor_client.get(paper.get_absolute_url())
    assert response.status_code == 200
    assert "Editor preview" in response.content.decode()


def test_research_page_hides_retracted_papers(client):
    paper = factories.published_paper()
    paper.retracted = True
    paper.save()
    assert client.get(paper.get_absolute_url()).status_code == 404


def test_research_page_keeps_title_markup_safe(client):
    paper = factories.published_paper(title="Role of IL-4 in <i>Mus musculus</i>",
                                      title_html="Role of IL-4 in <i>Mus musculus</i> Ca<sup>2+</sup>")
    html = _html(client, paper)
    assert "<i>Mus musculus</i>" in html and "Ca<sup>2+</sup>" in html


def test_research_page_shows_latest_version_only(client):
    from sciplain.review.services import summary_save

    paper = factories.published_paper()
    summary_save(paper=paper, data=factories.summary_data(simple_explanation="A newer explanation."),
                 status=Summary.Status.PUBLISHED)
    html = _html(client, paper)
    assert "A newer explanation." in html
    assert paper.summaries.count() == 2
