"""Search: ranking, filters, highlighting, hostile queries, suggestions, and drafts never shown."""

import pytest
from django.urls import reverse

from sciplain.papers.models import Summary
from sciplain.review.services import summary_publish, summary_reject, summary_save
from sciplain.summarize.evidence import evidence_for_design
from sciplain.summarize.types import Participants
from sciplain.web.search import SearchFilters, parse_query, search_papers
from sciplain.web.search_index import search_index_paper, search_rebuild
from tests import factories

pytestmark = pytest.mark.django_db


def _published(title, simple="People with spinal cord injury took part.", design="randomized controlled trial",
               categories=("rehabilitation",), year=2024, **paper):
    factories.category("Rehabilitation")
    factories.category("Bladder and Bowel", slug="bladder-and-bowel")
    p = factories.paper(title=title, year=year, **paper)
    data = factories.summary_data(simple_explanation=simple, study_design=design,
                                  evidence_level=evidence_for_design(design), categories=list(categories),
                                  research_summary="", key_findings=[], practical_implications=[],
                                  participants=Participants(description="adults"), limitations=[])
    summary_save(paper=p, data=data, status=Summary.Status.PUBLISHED)
    return p


def _titles(results):
    return [h.paper.title for h in results.hits]


def test_search_finds_words_in_title_and_simple_explanation():
    _published("Bladder care after injury", simple="A new way to empty the bladder.")
    _published("Walking practice", simple="Treadmill walking helped people walk faster.")
    assert _titles(search_papers(query="treadmill")) == ["Walking practice"]
    assert _titles(search_papers(query="bladder")) == ["Bladder care after injury"]


def test_search_ranks_title_matches_above_passing_mentions():
    _published("Pain and sleep", simple="Some people also noted walking was easier.")
    _published("Walking after spinal cord injury", simple="Walking practice helped.")
    assert _titles(search_papers(query="walking"))[0] == "Walking after spinal cord injury"


def test_search_stems_words():
    _published("Exoskeleton walked trials", simple="People walked with an exoskeleton.")
    assert _titles(search_papers(query="walking")) == ["Exoskeleton walked trials"]


def test_search_covers_authors_journal_mesh_and_categories():
    _published("Paper one", journal="Spinal Cord", authors=[{"last_name": "Okonkwo", "fore_name": "Ada"}],
               mesh=[{"descriptor": "Urinary Bladder, Neurogenic"}], categories=("bladder-and-bowel",))
    assert len(search_papers(query="Okonkwo").hits) == 1
    assert len(search_papers(query="neurogenic").hits) == 1
    assert len(search_papers(query="bowel").hits) == 1  # the category name
    assert len(search_papers(query='"spinal cord"').hits) == 1  # the journal


def test_search_highlights_matches_and_escapes_html():
    _published("Walking <b>fast</b>", simple="Walking practice <script> helped people walk.")
    hit = search_papers(query="walk").hits[0]
    assert "<mark>Walking</mark>" in hit.title_html
    assert "&lt;b&gt;" in hit.title_html
    assert "<mark>Walking</mark> practice &lt;script&gt;" in hit.snippet_html


def test_search_page_shows_marks_and_plain_snippet(client):
    _published("Bladder care", simple="A new way to empty the bladder. It was safe.")
    html = client.get(reverse("web:search"), {"q": "bladder"}).content.decode()
    assert "<mark>Bladder</mark> care" in html
    assert "empty the <mark>bladder</mark>" in html
    assert "1 result for “bladder”" in html


@pytest.mark.parametrize("filters, expected", [
    (SearchFilters(kind="animal"), {"Rats"}),
    (SearchFilters(kind="human"), {"People 2019", "People 2024"}),
    (SearchFilters(design="animal study"), {"Rats"}),
    (SearchFilters(evidence="2"), {"People 2019", "People 2024"}),
    (SearchFilters(evidence="preclinical"), {"Rats"}),
    (SearchFilters(category="bladder-and-bowel"), {"People 2019"}),
    (SearchFilters(year_from=2020), {"People 2024", "Rats"}),
    (SearchFilters(year_to=2019), {"People 2019"}),
    (SearchFilters(year_from=2019, year_to=2019, kind="human"), {"People 2019"}),
])
def test_search_filters(filters, expected):
    _published("People 2019", year=2019, categories=("bladder-and-bowel",), simple="Spinal cord study.")
    _published("People 2024", year=2024, simple="Spinal cord study.")
    _published("Rats", year=2022, design="animal study", simple="Spinal cord study in rats.")
    assert set(_titles(search_papers(query="spinal", filters=filters))) == expected
    assert set(_titles(search_papers(query="", filters=filters))) == expected  # filters alone browse


def test_search_filters_from_the_page(client):
    _published("Rats", year=2022, design="animal study", simple="Spinal cord study in rats.")
    _published("People", year=2024, simple="Spinal cord study.")
    html = client.get(reverse("web:search"), {"q": "spinal", "kind": "animal", "year_from": "2020",
                                              "year_to": "2023", "sort": "date"}).content.decode()
    assert "Rats" in html and ">People<" not in html


def test_search_sorts_by_date():
    _published("Old walking", year=2010)
    _published("New walking", year=2024)
    _published("Middle walking", year=2018)
    assert _titles(search_papers(query="walking", sort="date")) == ["New walking", "Middle walking", "Old walking"]


def test_search_paginates():
    for i in range(5):
        _published(f"Walking {i}", year=2000 + i)
    first = search_papers(query="walking", sort="date", per_page=2)
    last = search_papers(query="walking", sort="date", per_page=2, page=3)
    assert first.total == 5 and first.pages == 3 and first.has_next
    assert _titles(last) == ["Walking 0"] and not last.has_next
    assert search_papers(query="walking", page=99, per_page=2).hits == []


def test_search_never_shows_drafts_rejected_or_retracted(editor):
    draft = factories.paper(title="Draft walking study")
    summary_save(paper=draft, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    rejected = _published("Rejected walking study")
    summary_reject(summary=rejected.current_summary, editor=editor, reason="wrong numbers")
    retracted = _published("Retracted walking study")
    retracted.retracted = True
    retracted.save()
    _published("Published walking study")
    assert _titles(search_papers(query="walking")) == ["Published walking study"]


def test_search_index_follows_publish_and_reject(editor):
    p = factories.paper(title="Cooling therapy")
    summary = summary_save(paper=p, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    assert search_papers(query="cooling").total == 0
    summary_publish(summary=summary, editor=editor)
    assert search_papers(query="cooling").total == 1
    summary_reject(summary=Summary.objects.get(pk=summary.pk), editor=editor, reason="Numbers are wrong")
    assert search_papers(query="cooling").total == 0


def test_search_index_follows_new_versions_and_deletes():
    p = _published("Cooling therapy", simple="Cold helped.")
    summary_save(paper=p, data=factories.summary_data(simple_explanation="Ice baths were tried."),
                 status=Summary.Status.PUBLISHED)
    assert search_papers(query="ice").total == 1 and search_papers(query="cold").total == 0
    p.delete()
    assert search_papers(query="ice").total == 0


def test_search_rebuild_indexes_every_published_paper():
    _published("One walking")
    _published("Two walking")
    assert search_rebuild() == 2
    assert search_papers(query="walking").total == 2
    assert search_index_paper(paper_id=999999) is False


MALFORMED = [
    '"unbalanced quote', 'walking"', '""', "AND OR NOT", "walking AND", "OR", "NOT walking", "*", "walk*", "**",
    "NEAR(walking bladder)", "NEAR(", "title:walking", "walking -bladder", "(walking", "walking)", "^walking",
    "{title}: x", "a" * 10_000, "walking " * 2000, "🦽🧠", "walking 🦽", "' OR 1=1; --", "%_\\", "\x00walking",
    "ünïcödé wälking", "走る", "   ", "", "-", "+walking", "walking:", "col1 : col2", "\"a\" \"b", "NEAR/3",
]


@pytest.mark.parametrize("query", MALFORMED)
def test_search_never_fails_on_malformed_queries(client, query):
    _published("Walking practice", simple="Walking helped.")
    results = search_papers(query=query)
    assert results.total >= 0
    response = client.get(reverse("web:search"), {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("raw, fts", [
    ("walking bladder", ['"walking"', '"bladder"']),
    ('"spinal cord" injury', ['"spinal cord"', '"injury"']),
    ("walk*", ['"walk"*']),
    ("NEAR(walking", ['"walking"']),
    ("the walking of", ['"walking"']),
    ("AND OR NOT", []),
])
def test_parse_query_makes_safe_fts5_terms(raw, fts):
    assert [t.fts5() for t in parse_query(raw).terms] == fts


def test_search_with_no_match_suggests_dropping_filters():
    _published("Walking", design="randomized controlled trial")
    results = search_papers(query="walking", filters=SearchFilters(kind="animal"))
    assert results.total == 0
    assert any(s.drop_filters and s.query == "walking" for s in results.suggestions)


def test_search_with_no_match_suggests_fewer_words():
    _published("Walking practice")
    results = search_papers(query="walking zebrafish")
    assert results.total == 0
    assert [s.query for s in results.suggestions] == ["walking"]


def test_search_with_no_match_suggests_synonyms(client):
    _published("Spasticity treatment", simple="Muscle stiffness eased.")
    results = search_papers(query="spasms")
    assert results.total == 0
    assert "spasticity" in [s.query for s in results.suggestions]
    html = client.get(reverse("web:search"), {"q": "spasms"}).content.decode()
    assert "Try “spasticity” (1 result)" in html


def test_search_box_is_in_every_page_header(client):
    p = _published("Walking")
    for url in [reverse("web:home"), reverse("web:about"), p.get_absolute_url(), reverse("web:search")]:
        html = client.get(url).content.decode()
        header = html.split('<header class="site-header">')[1].split("</header>")[0]
        assert 'role="search"' in header and 'action="/search/"' in header
        assert '<label for="site-search-q">' in header and 'id="site-search-q"' in header


def test_search_page_has_one_h1_and_no_index(client):
    html = client.get(reverse("web:search"), {"q": "x"}).content.decode()
    assert html.count("<h1") == 1
    assert 'name="robots" content="noindex, follow"' in html
