"""The public JSON API: every endpoint, pagination, CORS, rate limit, and answers valid against the schema."""

import jsonschema
import pytest
from django.urls import reverse

from sciplain.papers.models import Summary
from sciplain.review.services import summary_save
from sciplain.summarize.evidence import evidence_for_design
from sciplain.web import api as api_module
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def _validate(schema, path, body, status="200"):
    """Validate a response body against the schema of ``GET path`` (refs resolved inside the document)."""
    response_schema = schema["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    jsonschema.validate(body, {**response_schema, "components": schema["components"]},
                        cls=jsonschema.Draft202012Validator)


@pytest.fixture
def papers():
    factories.category("Pain", slug="pain")
    people = [factories.published_paper(title=f"Walking study {i}", year=2015 + i) for i in range(3)]
    rats = factories.paper(title="Rats walking", year=2020)
    summary_save(paper=rats, data=factories.summary_data(study_design="animal study", categories=["pain"],
                                                         evidence_level=evidence_for_design("animal study")),
                 status=Summary.Status.PUBLISHED)
    draft = factories.paper(title="Draft walking")
    summary_save(paper=draft, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    return {"people": people, "rats": rats, "draft": draft}


def test_openapi_schema_is_openapi_3_and_lists_every_endpoint(schema):
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {"/api/v1/papers", "/api/v1/papers/{slug}", "/api/v1/categories",
                                    "/api/v1/search"}


def test_papers_lists_published_only_newest_first(client, schema, papers):
    response = client.get("/api/v1/papers")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    _validate(schema, "/api/v1/papers", body)
    titles = [p["title"] for p in body["results"]]
    assert titles == ["Rats walking", "Walking study 2", "Walking study 1", "Walking study 0"]
    first = body["results"][0]
    assert first["study_kind"] == {"code": "animal", "label": "Animal study"}
    assert first["summary"]["simple_explanation"].startswith("Researchers tested")
    assert first["categories"][0]["slug"] == "pain"


def test_papers_paginate(client, schema, papers):
    body = client.get("/api/v1/papers", {"per_page": 3}).json()
    assert (body["count"], body["pages"], body["page"]) == (4, 2, 1)
    assert body["previous"] is None and body["next"].endswith("per_page=3&page=2")
    second = client.get("/api/v1/papers", {"per_page": 3, "page": 2}).json()
    _validate(schema, "/api/v1/papers", second)
    assert [p["title"] for p in second["results"]] == ["Walking study 0"] and second["next"] is None


@pytest.mark.parametrize("params, titles", [
    ({"kind": "animal"}, {"Rats walking"}),
    ({"category": "pain"}, {"Rats walking"}),
    ({"year_from": 2017, "kind": "human"}, {"Walking study 2"}),
    ({"evidence": "2"}, {"Walking study 0", "Walking study 1", "Walking study 2"}),
])
def test_papers_filter(client, papers, params, titles):
    assert {p["title"] for p in client.get("/api/v1/papers", params).json()["results"]} == titles


@pytest.mark.parametrize("params", [{"per_page": 0}, {"per_page": 1000}, {"page": "x"}, {"kind": "martian"}])
def test_papers_reject_bad_parameters_with_422(client, params):
    response = client.get("/api/v1/papers", params)
    assert response.status_code == 422
    assert response["Access-Control-Allow-Origin"] == "*"


def test_paper_by_slug_or_pmid(client, schema, papers):
    paper = papers["people"][0]
    for key in (paper.slug, paper.pmid):
        response = client.get(f"/api/v1/papers/{key}")
        assert response.status_code == 200
        _validate(schema, "/api/v1/papers/{slug}", response.json())
        assert response.json()["doi"] == paper.doi


def test_paper_drafts_and_unknown_are_404(client, schema, papers):
    for key in (papers["draft"].slug, "no-such-paper"):
        response = client.get(f"/api/v1/papers/{key}")
        assert response.status_code == 404
        assert response["Access-Control-Allow-Origin"] == "*"
        _validate(schema, "/api/v1/papers/{slug}", response.json(), status="404")


def test_categories_with_published_counts(client, schema, papers):
    body = client.get("/api/v1/categories").json()
    _validate(schema, "/api/v1/categories", body)
    counts = {c["slug"]: c["paper_count"] for c in body}
    assert counts == {"rehabilitation": 3, "pain": 1}


def test_search_endpoint(client, schema, papers):
    body = client.get("/api/v1/search", {"q": "rats", "sort": "relevance"}).json()
    _validate(schema, "/api/v1/search", body)
    assert [h["paper"]["title"] for h in body["results"]] == ["Rats walking"]
    assert "<mark>Rats</mark>" in body["results"][0]["title_html"]


def test_search_endpoint_suggests_when_nothing_matches(client, schema, papers):
    body = client.get("/api/v1/search", {"q": "rats", "kind": "human"}).json()
    _validate(schema, "/api/v1/search", body)
    assert body["count"] == 0 and body["suggestions"] == ["rats"]


@pytest.mark.parametrize("q", ['"unbalanced', "AND OR NOT", "NEAR(", "*", "🦽", "x" * 10_000])
def test_search_endpoint_survives_malformed_queries(client, papers, q):
    assert client.get("/api/v1/search", {"q": q}).status_code == 200


def test_api_is_rate_limited_per_address(client, monkeypatch):
    monkeypatch.setattr(api_module, "API_RATE_LIMIT", 3)
    codes = [client.get("/api/v1/categories").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get("/api/v1/categories")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert response["Access-Control-Allow-Origin"] == "*"
    other = client.get("/api/v1/categories", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_api_docs_page_lists_endpoints(client):
    response = client.get(reverse("web:api_docs"))
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    for path in ("/api/v1/papers", "/api/v1/search", "/api/v1/categories"):
        assert path in html
    assert 'href="/api/v1/openapi.json"' in html


def test_api_answers_cors_preflight_for_any_endpoint(client):
    response = client.options("/api/v1/papers", HTTP_ORIGIN="https://example.org",
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"] and response["Access-Control-Allow-Headers"] == "accept"
