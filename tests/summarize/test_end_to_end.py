"""From a PubMed XML file to a rendered research page, with the real offline engine and a real database.

Nothing here replaces the engine: these tests are the issue's "end-to-end test from
PubMed XML to a rendered research page" and the `sciplain summarize` interfaces.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from sciplain.cli import cli
from sciplain.papers.models import Paper, Summary
from sciplain.papers.services import papers_import
from sciplain.sources import pubmed
from tests.pubmed_xml import article, article_set

pytestmark = pytest.mark.django_db

TRIAL = article(
    31000001, title="Arm cycling and fitness after spinal cord injury: a randomized controlled trial",
    pub_types=("Journal Article", "Randomized Controlled Trial"),
    abstract=[
        ("BACKGROUND", "Heart disease is common after spinal cord injury (SCI)."),
        ("METHODS", ("Thirty-two adults with chronic paraplegia were randomly assigned to 10 weeks of arm cycling "
                    "or stretching.")),
        ("RESULTS", ("Peak oxygen uptake rose by 12% with arm cycling and did not change with stretching "
                    "(p = 0.01). Blood pressure did not differ between the groups. No serious adverse events occurred.")),
        ("CONCLUSIONS", "Arm cycling may improve fitness in adults with paraplegia."),
    ],
)
MICE = article(
    31000002, title="A scaffold helps nerve fibres regrow after spinal cord injury in mice",
    abstract=[("", ("We tested a collagen scaffold in 24 adult mice with a thoracic spinal cord injury. Treated mice "
                   "regrew more nerve fibres and walked better after 6 weeks than untreated mice. The scaffold may "
                   "be worth testing in larger animals."))],
)


@pytest.fixture(autouse=True)
def isolated_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("SCIPLAIN_DATA_DIR", str(tmp_path))


@pytest.fixture
def imported():
    report = papers_import(items=pubmed.parse(article_set([TRIAL, MICE]).encode()))
    assert report.counts["created"] == 2
    return Paper.objects.get(pmid="31000001"), Paper.objects.get(pmid="31000002")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_pubmed_xml_to_published_research_page_shows_every_field(client, imported):
    trial, _ = imported
    result = CliRunner().invoke(cli, ["summarize", "--pending", "--publish"])
    assert result.exit_code == 0, result.output
    summary = trial.live_summary
    assert summary is not None and summary.status == Summary.Status.PUBLISHED
    data = summary.data
    page = client.get(trial.get_absolute_url())
    assert page.status_code == 200
    text = _text(page.content.decode())
    assert "Level 2 of 5" in text and "randomized controlled trial" in text.lower()
    assert data.simple_explanation.split(".")[0] in text
    for finding in data.key_findings:
        assert finding.text in text
    assert "32 adults" in data.participants.description and "10 weeks" in (data.study_duration or "")
    for field in ("Simple Explanation", "Study Duration", "Participants", "Evidence Level", "Key Findings",
                  "Research Summary", "Practical Implications", "Study Limitations"):
        assert field in text
    assert "None" not in text.split() and "[object Object]" not in text


def test_animal_study_is_marked_preclinical_on_its_page(client, imported):
    _, mice = imported
    CliRunner().invoke(cli, ["summarize", "31000002", "--publish"])
    text = _text(client.get(mice.get_absolute_url()).content.decode())
    assert "Animal study" in text and "Preclinical" in text and "Tested in people" not in text


def test_summarize_without_publish_leaves_summaries_for_review(imported):
    result = CliRunner().invoke(cli, ["summarize"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().startswith("Summarized 2: published 0, waiting for review 2")
    assert not Paper.objects.published().exists()


def test_summarize_named_pmid_that_is_not_in_the_database_is_one_line_error(imported):
    result = CliRunner().invoke(cli, ["summarize", "99999999"])
    assert result.exit_code == 1 and result.output.strip() == "Error: no paper with PMID 99999999 in the database"


def test_summarize_unknown_backend_is_one_line_error(imported):
    result = CliRunner().invoke(cli, ["summarize", "--backend", "nope"])
    assert result.exit_code == 1 and "unknown summary backend 'nope'" in result.output


def test_summarize_all_writes_a_new_version_of_every_summary(imported):
    CliRunner().invoke(cli, ["summarize"])
    CliRunner().invoke(cli, ["summarize", "--all"])
    assert sorted(Summary.objects.values_list("version", flat=True)) == [1, 1, 2, 2]


def test_summarize_file_mode_reads_pubmed_xml(tmp_path):
    source = tmp_path / "papers.xml"
    source.write_text(article_set([TRIAL, ("<PubmedArticle><MedlineCitation><PMID>5</PMID></MedlineCitation>"
                                          "</PubmedArticle>"), MICE]))
    out = tmp_path / "summaries.jsonl"
    result = CliRunner().invoke(cli, ["summarize", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines if "summary" in line] == ["31000001", "31000002"]
    assert any("error" in line for line in lines)
    trial = next(line["summary"] for line in lines if line.get("id") == "31000001")
    assert set(trial) >= {"simple_explanation", "research_summary", "key_findings", "study_design", "evidence_level",
                          "participants", "study_duration", "practical_implications", "limitations", "categories",
                          "glossary", "readability", "checks", "backend", "version"}
    assert trial["evidence_level"]["level"] and all(f["source_sentences"] for f in trial["key_findings"])


def test_summarize_uses_the_sites_own_category_list(tmp_path, monkeypatch, imported):
    categories = tmp_path / "categories.json"
    categories.write_text(json.dumps([{"name": "Heart and Fitness", "slug": "heart-fitness", "description": "",
                                       "mesh": [], "keywords": ["oxygen uptake", "arm cycling"]}]))
    monkeypatch.setenv("SCIPLAIN_CATEGORIES_FILE", str(categories))
    CliRunner().invoke(cli, ["summarize", "31000001"])
    assert Summary.objects.get(paper__pmid="31000001").data.categories == ["heart-fitness"]
