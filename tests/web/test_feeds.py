"""Feeds, sitemap, robots.txt, canonical links, Open Graph and JSON-LD."""

import json
import re

import pytest
from django.urls import reverse
from lxml import etree
from lxml import html as lxml_html

from sciplain.papers.models import Summary
from sciplain.review.services import summary_save
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://sci.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def site_url(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_SITE_URL", SITE + "/")


@pytest.fixture
def content():
    published = factories.published_paper(title="Walking <after> injury & more")
    pain = factories.category("Pain", slug="pain")
    other = factories.paper(title="Pain study")
    summary_save(paper=other, data=factories.summary_data(categories=["pain"]), status=Summary.Status.PUBLISHED)
    draft = factories.paper(title="Draft study")
    summary_save(paper=draft, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    return {"published": published, "pain_paper": other, "draft": draft, "pain": pain}


def _xml(response):
    assert response.status_code == 200
    return etree.fromstring(response.content)


def test_rss_feed_lists_only_published_summaries(client, content):
    response = client.get(reverse("web:feed_rss"))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = _xml(response).find("channel")
    titles = [i.findtext("title") for i in channel.findall("item")]
    assert set(titles) == {"Walking <after> injury & more", "Pain study"}
    item = channel.find("item")
    assert item.findtext("link").startswith(SITE + "/research/")
    assert item.findtext("description")
    assert channel.findtext("link") == SITE + "/research/"


def test_atom_feed_is_valid_and_absolute(client, content):
    response = client.get(reverse("web:feed_atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = _xml(response)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    assert all(e.find(f"{ATOM}link").get("href").startswith(SITE) for e in entries)
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == SITE + "/feeds/latest.atom"


@pytest.mark.parametrize("name", ["web:category_feed_rss", "web:category_feed_atom"])
def test_category_feeds_hold_only_that_category(client, content, name):
    root = _xml(client.get(reverse(name, args=["pain"])))
    text = etree.tostring(root).decode()
    assert "Pain study" in text and "injury &amp; more" not in text and "Draft study" not in text


def test_category_feed_of_unknown_category_is_404(client):
    assert client.get(reverse("web:category_feed_rss", args=["nope"])).status_code == 404


def test_pages_advertise_the_feeds(client, content):
    html = client.get(reverse("web:home")).content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/feeds/latest.rss"' in html


def test_sitemap_lists_fixed_pages_categories_and_published_research(client, content):
    root = _xml(client.get("/sitemap.xml"))
    locs = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert SITE + "/" in locs and SITE + "/about/evidence-levels/" in locs and SITE + "/glossary/" in locs
    assert SITE + "/categories/pain/" in locs
    assert SITE + content["published"].get_absolute_url() in locs
    assert SITE + content["pain_paper"].get_absolute_url() in locs
    assert SITE + content["draft"].get_absolute_url() not in locs


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_canonical_link_uses_site_url(client, content):
    url = content["published"].get_absolute_url()
    doc = lxml_html.fromstring(client.get(url + "?utm_source=x").content)
    assert doc.xpath("//link[@rel='canonical']/@href") == [SITE + url]


def _jsonld(client, paper):
    doc = lxml_html.fromstring(client.get(paper.get_absolute_url()).content)
    blocks = doc.xpath("//script[@type='application/ld+json']/text()")
    assert len(blocks) == 1
    return json.loads(blocks[0]), doc


def test_research_page_has_scholarly_article_json_ld(client):
    paper = factories.published_paper(pmcid="PMC123456", day=5, mesh=[{"descriptor": "Spinal Cord Injuries"}])
    data, _ = _jsonld(client, paper)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalScholarlyArticle"
    ids = {i["propertyID"]: i["value"] for i in data["identifier"]}
    assert ids == {"DOI": paper.doi, "PMID": paper.pmid, "PMCID": "PMC123456"}
    assert all(i["@type"] == "PropertyValue" for i in data["identifier"])
    assert f"https://pubmed.ncbi.nlm.nih.gov/{paper.pmid}/" in data["sameAs"]
    assert f"https://doi.org/{paper.doi}" in data["sameAs"]
    assert data["author"][0] == {"@type": "Person", "name": "Ana Rivera", "familyName": "Rivera", "givenName": "Ana"}
    assert data["author"][1] == {"@type": "Organization", "name": "SCI Walking Group"}
    assert data["datePublished"] == "2024-03-05"
    assert data["isPartOf"] == {"@type": "Periodical", "name": "Journal of Spinal Cord Research"}
    assert data["mainEntityOfPage"]["@id"] == SITE + paper.get_absolute_url()


def test_json_ld_cannot_break_out_of_its_script_element(client):
    nasty = "</script><script>alert(1)</script> & <!--"
    paper = factories.published_paper(title=nasty, data=factories.summary_data(simple_explanation=nasty))
    body = client.get(paper.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.DOTALL).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["name"] == nasty


def test_research_page_has_open_graph_meta(client, content):
    paper = content["published"]
    doc = lxml_html.fromstring(client.get(paper.get_absolute_url()).content)
    og = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
    assert og["og:type"] == "article"
    assert og["og:title"] == paper.title
    assert og["og:url"] == SITE + paper.get_absolute_url()
    assert og["og:description"].startswith("Researchers tested walking practice")
