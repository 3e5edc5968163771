"""Cite this paper: the reference line, BibTeX and RIS (shown on the page and downloadable)."""

import bibtexparser
import pytest
import rispy
from django.urls import reverse
from lxml import html as lxml_html

from sciplain.papers.models import Summary
from sciplain.review.services import summary_save
from sciplain.web import citations
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper():
    return factories.published_paper(
        title="Cost & outcomes of 100% {weird} titles_with $igns",
        pmcid="PMC765432", day=5, journal_iso="J Spinal Cord Res",
        authors=[{"last_name": "Rivera", "fore_name": "Ana María", "initials": "AM"},
                 {"last_name": "O'Neil", "fore_name": "Sam", "initials": "S"},
                 {"collective_name": "SCI Walking Group"}],
    )


def test_citation_text_reads_like_pubmed(paper):
    text = citations.citation_text(paper)
    assert text.startswith("Rivera AM, O'Neil S, SCI Walking Group. Cost & outcomes")
    assert "J Spinal Cord Res. 2024 Mar." in text
    assert f"doi:{paper.doi}. PMID: {paper.pmid}. PMCID: PMC765432." in text


def test_citation_text_shortens_long_author_lists():
    p = factories.published_paper(authors=[{"last_name": f"Name{i}", "initials": "A"} for i in range(9)])
    assert "Name5 A, et al." in citations.citation_text(p)


def test_bibtex_parses_back(client, paper):
    response = client.get(reverse("web:cite_bib", args=[paper.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{paper.slug}.bib"'
    db = bibtexparser.loads(response.content.decode())
    (entry,) = db.entries
    assert entry["ENTRYTYPE"] == "article"
    assert entry["doi"] == paper.doi and entry["pmid"] == paper.pmid and entry["year"] == "2024"
    assert entry["title"] == r"Cost \& outcomes of 100\% \{weird\} titles\_with \$igns"
    assert entry["author"] == "Rivera, Ana María and O'Neil, Sam and {SCI Walking Group}"
    assert entry["journal"] == "Journal of Spinal Cord Research"


def test_ris_parses_back(client, paper):
    response = client.get(reverse("web:cite_ris", args=[paper.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    (entry,) = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "JOUR"
    assert entry["title"] == paper.title
    assert entry["authors"] == ["Rivera, Ana María", "O'Neil, Sam", "SCI Walking Group"]
    assert entry["doi"] == paper.doi and entry["accession_number"] == paper.pmid
    assert entry["year"] == "2024" and entry["date"] == "2024/03/05"
    assert f"https://pubmed.ncbi.nlm.nih.gov/{paper.pmid}/" in entry["urls"]


@pytest.mark.parametrize("name", ["web:cite_bib", "web:cite_ris"])
def test_citation_files_of_unpublished_papers_are_404(client, name):
    draft = factories.paper()
    summary_save(paper=draft, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    assert client.get(reverse(name, args=[draft.slug])).status_code == 404
    assert client.get(reverse(name, args=["no-such-paper"])).status_code == 404


def test_research_page_shows_citations_in_details(client, paper):
    doc = lxml_html.fromstring(client.get(paper.get_absolute_url()).content)
    section = doc.xpath("//section[@aria-labelledby='h-cite']")[0]
    assert section.xpath(".//h2/text()") == ["Cite this paper"]
    assert citations.citation_text(paper) == section.xpath(".//p[@id='citation-text']/text()")[0]
    summaries = section.xpath(".//details/summary/text()")
    assert [s.split(" ")[0] for s in summaries] == ["BibTeX", "RIS"]
    assert section.xpath(".//details[1]//pre/text()")[0] == citations.bibtex(paper)
    links = section.xpath(".//a[@download]/@href")
    assert links == [reverse("web:cite_bib", args=[paper.slug]), reverse("web:cite_ris", args=[paper.slug])]


def test_research_page_links_the_original_everywhere(client, paper):
    html = client.get(paper.get_absolute_url()).content.decode()
    assert f"https://pubmed.ncbi.nlm.nih.gov/{paper.pmid}/" in html
    assert f"https://doi.org/{paper.doi}" in html
    assert "https://pmc.ncbi.nlm.nih.gov/articles/PMC765432/" in html and "PMCID PMC765432" in html


@pytest.mark.parametrize("design, marker", [
    ("randomized controlled trial", "Tested in people"), ("animal study", "Animal study"),
    ("in vitro/lab study", "Lab study"),
])
def test_cards_and_pages_show_marker_and_evidence_link(client, design, marker):
    from sciplain.summarize.evidence import evidence_for_design

    p = factories.published_paper(data=factories.summary_data(study_design=design,
                                                              evidence_level=evidence_for_design(design)))
    evidence_url = reverse("web:evidence")
    for url in [p.get_absolute_url(), reverse("web:latest"), reverse("web:search") + "?q=treadmill"]:
        html = client.get(url).content.decode()
        assert marker in html, url
        assert f'href="{evidence_url}"' in html, url
    card = client.get(reverse("web:latest")).content.decode()
    assert f'<a class="evidence-chip" href="{evidence_url}">' in card
