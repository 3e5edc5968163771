"""Ingestion runs against local E-utilities and Europe PMC servers: windows, resuming, merging, the CLI.

The servers (tests/sources/conftest.py) speak each protocol on 127.0.0.1; nothing
here reaches the internet.
"""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from sciplain import jobs
from sciplain.cli import cli
from sciplain.papers.ingest import ingest, ingest_run
from sciplain.papers.models import IngestRun, Paper
from sciplain.papers.services import papers_import
from sciplain.review.services import summary_save
from sciplain.sources import pubmed
from sciplain.sources.base import SourceError
from tests import factories
from tests.pubmed_xml import article
from tests.sources.conftest import article_set, article_xml

pytestmark = pytest.mark.django_db

NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def local_sources(monkeypatch, tmp_path, eutils_server, europepmc_server):
    monkeypatch.setenv("SCIPLAIN_DATA_DIR", str(tmp_path))  # the CLI's --data-dir default; restored afterwards
    monkeypatch.setenv("SCIPLAIN_EUTILS_URL", eutils_server.url)
    monkeypatch.setenv("SCIPLAIN_EUROPEPMC_URL", europepmc_server.url)
    monkeypatch.setenv("SCIPLAIN_HTTP_MAX_ATTEMPTS", "2")
    monkeypatch.setenv("SCIPLAIN_HTTP_BACKOFF_SECONDS", "0.01")
    monkeypatch.setenv("SCIPLAIN_NCBI_EMAIL", "ops@example.org")
    monkeypatch.delenv("NCBI_API_KEY", raising=False)


def test_ingest_run_fetches_the_window_and_records_the_run(eutils_server):
    run = ingest_run(source="pubmed", since=NOV_1, until=NOV_30, batch_size=10)
    assert Paper.objects.count() == 25
    assert run.status == IngestRun.Status.DONE and run.finished_at is not None
    assert (run.since, run.until) == (NOV_1, NOV_30)
    assert run.counts == {"new": 25, "updated": 0, "unchanged": 0, "skipped": 0, "warnings": 0}
    assert run.line() == "2026-11-01..2026-11-30: 25 new, 0 updated, 0 unchanged, 0 skipped"
    search = eutils_server.hits("esearch")[0].params
    assert search["usehistory"] == "y" and search["tool"] == "sciplain" and search["email"] == "ops@example.org"
    # new papers and revised ones (retractions, errata, corrected records) of the window
    assert search["term"] == ('("spinal cord injuries"[MeSH Terms] OR "spinal cord injury"[Title/Abstract]) AND '
                              "(2026/11/01:2026/11/30[edat] OR 2026/11/01:2026/11/30[mdat])")
    assert [r.params["retstart"] for r in eutils_server.hits("efetch")] == ["0", "10", "20"]


def test_ingest_run_sends_the_api_key_from_the_environment(eutils_server, monkeypatch):
    monkeypatch.setenv("NCBI_API_KEY", "k123")
    ingest_run(source="pubmed", since=NOV_1, until=NOV_30)
    assert {r.params.get("api_key") for r in eutils_server.requests} == {"k123"}


def test_ingest_run_rerun_of_the_same_window_changes_nothing():
    ingest_run(source="pubmed", since=NOV_1, until=NOV_30)
    before = list(Paper.objects.values_list("pk", "updated_at").order_by("pk"))
    again = ingest_run(source="pubmed", since=NOV_1, until=NOV_30)
    assert again.counts == {"new": 0, "updated": 0, "unchanged": 25, "skipped": 0, "warnings": 0}
    assert list(Paper.objects.values_list("pk", "updated_at").order_by("pk")) == before


def test_ingest_run_after_network_loss_resumes_from_the_last_committed_batch(eutils_server):
    def lose_network_after_first_batch(done, total):
        for _ in range(2):  # every attempt of the next request
            eutils_server.fail("efetch", "drop")

    with pytest.raises(SourceError, match="stopped after 10 records; run again to resume"):
        ingest_run(source="pubmed", since=NOV_1, until=NOV_30, batch_size=10, on_progress=lose_network_after_first_batch)
    failed = IngestRun.objects.get()
    assert failed.status == IngestRun.Status.FAILED and failed.cursor == "10/25"
    assert Paper.objects.count() == 10
    assert "PubMed" in failed.errors[-1]

    eutils_server.requests.clear()
    resumed = ingest_run(source="pubmed", since=NOV_1, until=NOV_30, batch_size=10)
    assert resumed.pk == failed.pk and resumed.status == IngestRun.Status.DONE
    assert [r.params["retstart"] for r in eutils_server.hits("efetch")] == ["10", "20"]
    assert resumed.counts["new"] == 25 and resumed.counts["resumed"] == 1
    assert Paper.objects.count() == 25 and Paper.objects.values("pmid").distinct().count() == 25


def test_a_resumed_run_reads_from_the_start_when_new_papers_moved_the_result_list(eutils_server):
    def lose_network_after_first_batch(done, total):
        for _ in range(2):
            eutils_server.fail("efetch", "drop")

    with pytest.raises(SourceError):
        ingest_run(source="pubmed", since=NOV_1, until=NOV_30, batch_size=10, on_progress=lose_network_after_first_batch)
    eutils_server.pmids.insert(0, 41_999_999)  # entered meanwhile, at the head: every position shifts by one
    eutils_server.requests.clear()
    resumed = ingest_run(source="pubmed", since=NOV_1, until=NOV_30, batch_size=10)
    assert [r.params["retstart"] for r in eutils_server.hits("efetch")] == ["0", "10", "20"]
    assert Paper.objects.count() == 26 and resumed.counts["new"] == 26


def test_ingest_run_interrupted_by_ctrl_c_keeps_whole_batches_and_resumes_without_a_window():
    def press_ctrl_c(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_run(source="pubmed", since=NOV_1, until=NOV_30, batch_size=10, on_progress=press_ctrl_c)
    assert Paper.objects.count() == 10
    assert IngestRun.objects.get().errors == ["interrupted"]

    resumed = ingest_run(source="pubmed", batch_size=10)  # no window: carry on with the unfinished run
    assert (resumed.since, resumed.until) == (NOV_1, NOV_30) and resumed.status == IngestRun.Status.DONE
    assert Paper.objects.count() == 25


def test_ingest_run_without_a_window_starts_where_the_last_finished_run_ended(eutils_server):
    ingest_run(source="pubmed", since=NOV_1, until=NOV_30)
    eutils_server.requests.clear()
    run = ingest_run(source="pubmed", until=dt.date(2026, 12, 1))
    assert run.since == NOV_30
    assert "2026/11/30:2026/12/01[edat]" in eutils_server.hits("esearch")[0].params["term"]


def test_ingest_run_first_ever_run_looks_back_ingest_days(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_INGEST_DAYS", "3")
    run = ingest_run(source="pubmed", until=NOV_30)
    assert run.since == dt.date(2026, 11, 27)


def test_ingest_run_refuses_a_window_that_ends_before_it_starts():
    with pytest.raises(SourceError, match="after it ends"):
        ingest_run(source="pubmed", since=NOV_30, until=NOV_1)
    assert not IngestRun.objects.exists()


def test_ingest_run_reports_bad_records_with_their_pmid_and_goes_on(eutils_server):
    eutils_server.articles[41000001] = "<PubmedArticle><MedlineCitation><PMID>41000001</PMID></MedlineCitation></PubmedArticle>"
    run = ingest_run(source="pubmed", since=NOV_1, until=NOV_30, max_records=3)
    assert run.counts["new"] == 2 and run.counts["skipped"] == 1
    assert run.errors[0].startswith("PMID 41000001:")
    assert sorted(Paper.objects.values_list("pmid", flat=True)) == ["41000000", "41000002"]


def test_ingest_from_europepmc_follows_the_cursor_and_merges_with_the_pubmed_paper(europepmc_server):
    papers_import(items=pubmed.parse(article_set([article_xml(40000001, title="Walking after SCI")]).encode()))
    result = ingest(source="europepmc", since=NOV_1, until=NOV_30, batch_size=2)
    run = result.runs[0]
    assert run.status == IngestRun.Status.DONE and run.cursor.startswith("AoE")
    assert run.counts["new"] == 2 and run.counts["updated"] == 1
    merged = Paper.objects.get(pmid="40000001")
    assert merged.source == "pubmed" and merged.title == "Walking after SCI"  # PubMed's record stays in charge
    assert merged.doi == "10.9999/jscr.2024.001"  # Europe PMC filled the gap
    assert Paper.objects.count() == 3
    assert "FIRST_PDATE:[2026-11-01 TO 2026-11-30]" in europepmc_server.hits("search")[0].params["query"]


def test_ingest_all_goes_on_with_europepmc_when_pubmed_is_unreachable(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_EUTILS_URL", "http://127.0.0.1:9/")
    result = ingest(source="all", since=NOV_1, until=NOV_30)
    assert [run.source for run in result.runs] == ["europepmc"]
    assert "cannot reach PubMed at 127.0.0.1" in result.failures["pubmed"]
    assert not result.nothing_done and Paper.objects.count() == 3
    assert IngestRun.objects.get(source="pubmed").status == IngestRun.Status.FAILED


def test_ingest_job_fetches_since_the_last_run_from_the_configured_source(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_INGEST_SOURCE", "all")
    outcome = jobs.job_ingest()
    assert outcome["status"] == "done" and outcome["counts"]["pubmed"]["new"] == 25
    assert Paper.objects.count() == 28


def test_cli_ingest_prints_one_summary_line():
    result = CliRunner().invoke(cli, ["ingest", "--since", "2026-11-01", "--until", "2026-11-30"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "pubmed: 2026-11-01..2026-11-30: 25 new, 0 updated, 0 unchanged, 0 skipped"


def test_cli_ingest_respects_max_and_query(eutils_server):
    result = CliRunner().invoke(cli, ["ingest", "--max", "5", "--query", "tetraplegia", "--json"])
    assert result.exit_code == 0, result.output
    assert Paper.objects.count() == 5
    assert eutils_server.hits("esearch")[0].params["term"].startswith("(tetraplegia) AND (")


def test_cli_ingest_unreachable_network_is_one_line_and_a_non_zero_exit(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_EUTILS_URL", "http://127.0.0.1:9/")
    result = CliRunner().invoke(cli, ["ingest", "--since", "2026-11-01"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach PubMed at 127.0.0.1")


def test_cli_ingest_rejects_a_bad_date_in_one_line():
    result = CliRunner().invoke(cli, ["ingest", "--since", "yesterday"])
    assert result.exit_code == 2 and "Invalid value for '--since'" in result.output


def test_ingest_run_keeps_a_record_with_an_oversized_field_and_notes_it(eutils_server):
    eutils_server.articles[41000000] = article_xml(41000000).replace(
        "<Title>Journal of Spinal Cord Research</Title>", f"<Title>{'J' * 600}</Title>")
    run = ingest_run(source="pubmed", since=NOV_1, until=NOV_30, max_records=2)
    assert run.counts["new"] == 2 and run.counts["warnings"] == 1
    assert run.warnings == ["PMID 41000000: journal truncated from 600 to 500 characters"]
    assert len(Paper.objects.get(pmid="41000000").journal) == 500


def test_ingest_run_applies_a_retraction_that_arrives_as_a_revised_record(eutils_server, client):
    papers_import(items=pubmed.parse(article_set([article_xml(41000003)]).encode()))
    paper = Paper.objects.get(pmid="41000003")
    summary_save(paper=paper, data=factories.summary_data(), status="published")
    assert client.get(paper.get_absolute_url()).status_code == 200
    eutils_server.articles[41000003] = article(41000003, retracted=True)
    run = ingest_run(source="pubmed", since=NOV_1, until=NOV_30)
    assert run.counts["updated"] == 1
    paper.refresh_from_db()
    assert paper.retracted and not Paper.objects.published().filter(pk=paper.pk).exists()
    assert client.get(paper.get_absolute_url()).status_code == 404
