import json

import pytest

from sciplain.sources.base import SourceError
from sciplain.sources.europepmc import EuropePMCSource, abstract_sections, record_or_error
from sciplain.sources.http import rate_limiter

pytestmark = []

WINDOW = ("2024-01-01", "2024-01-31")


@pytest.fixture
def europepmc_source(europepmc_server):
    source = EuropePMCSource(base_url=europepmc_server.url, email="dev@example.org", page_size=2,
                             limiter=rate_limiter(1000), backoff=0.01, max_attempts=3)
    yield source
    source.close()


def test_europepmc_source_follows_cursor_until_it_stops(europepmc_server, europepmc_source):
    records = list(europepmc_source.fetch(*WINDOW))
    assert [r.source_id for r in records] == ["MED:40000001", "MED:40000004", "PPR:PPR800001"]
    assert [r.params["cursorMark"] for r in europepmc_server.requests] == ["*", "AoE2", "AoE3"]
    first = europepmc_server.requests[0].params
    assert first["query"].endswith("AND FIRST_PDATE:[2024-01-01 TO 2024-01-31]")
    assert (first["format"], first["resultType"], first["pageSize"], first["email"]) == ("json", "core", "2", "dev@example.org")


def test_europepmc_source_resumes_from_cursor(europepmc_server, europepmc_source):
    pages = list(europepmc_source.iter_pages(*WINDOW, cursor="AoE2"))
    assert [p.cursor for p in pages] == ["AoE2", "AoE3"] and len(pages[0].items) == 1


def test_europepmc_source_stops_at_max(europepmc_server, europepmc_source):
    assert len(list(europepmc_source.fetch(*WINDOW, max=1))) == 1


def test_europepmc_source_retries_429_and_5xx(europepmc_server, europepmc_source):
    europepmc_server.fail("search", 429, retry_after=0)
    europepmc_server.fail("search", 503)
    assert len(list(europepmc_source.fetch(*WINDOW))) == 3
    assert len(europepmc_server.requests) == 5


def test_europepmc_source_gives_up_with_one_line(europepmc_server, europepmc_source):
    for _ in range(3):
        europepmc_server.fail("search", 500)
    with pytest.raises(SourceError, match=r"^Europe PMC at 127\.0\.0\.1:\d+ answered HTTP 500 3 times in a row$"):
        list(europepmc_source.fetch(*WINDOW))


def test_europepmc_record_maps_core_fields(europepmc_results):
    record = record_or_error(europepmc_results[0], 1)
    assert (record.source, record.pmid, record.pmcid, record.doi) == ("europepmc", "40000001", "PMC11000001", "10.9999/jscr.2024.001")
    assert record.title == "Effect of Nogo-A antibodies on Ca2+ signalling after spinal cord injury."
    assert record.title_html == "Effect of <i>Nogo-A</i> antibodies on Ca<sup>2+</sup> signalling after spinal cord injury."
    assert (record.journal, record.journal_iso, record.pub_date, record.year, record.month, record.day) == (
        "Journal of spinal cord research", "J Spinal Cord Res", "2024 Mar", 2024, 3, 5)
    assert [(s.label, s.category) for s in record.abstract] == [
        ("Background", "BACKGROUND"), ("Methods", "METHODS"), ("Results", "RESULTS"), ("Conclusions", "CONCLUSIONS")]
    assert record.abstract[1].text == "We enrolled 48 adults and gave them anti-Nogo-A antibodies."
    assert [a.display_name for a in record.authors] == ["Ana María Rivera", "Spinal Cord Outcomes Study Group"]
    assert record.authors[0].orcid == "0000-0002-1825-0097"
    assert [(m.descriptor, m.major) for m in record.mesh] == [("Spinal Cord Injuries", True), ("Humans", False)]
    assert record.free_full_text_url == "https://europepmc.org/articles/PMC11000001"
    assert record.revised == "2024-11-27" and json.loads(record.raw) == europepmc_results[0]


def test_europepmc_record_marks_retraction_and_splits_text_labels(europepmc_results):
    record = record_or_error(europepmc_results[1], 2)
    assert record.retracted and [(c.ref_type, c.pmid) for c in record.corrections] == [("RetractionIn", "40000104")]
    assert [s.label for s in record.abstract] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]


def test_europepmc_record_keeps_preprint_without_pmid(europepmc_results):
    record = record_or_error(europepmc_results[2], 3)
    assert (record.source_id, record.pmid, record.year, record.free_full_text_url) == ("PPR:PPR800001", "", 2024, "")


@pytest.mark.parametrize("result, reason", [({"source": "MED"}, "result without source and id"),
                                            ({"source": "MED", "id": "1", "pmid": "1"}, "result without a title"),
                                            ("not a dict", "unreadable Europe PMC result")])
def test_europepmc_record_reports_unusable_result(result, reason):
    assert record_or_error(result, 4).reason.startswith(reason)


def test_europepmc_abstract_sections_without_labels_stay_whole():
    (section,) = abstract_sections("Bladder control <b>improved</b> in 6 of 9.")
    assert (section.label, section.text) == ("", "Bladder control improved in 6 of 9.")
