"""papers_upsert: idempotent on the source's own key, counts only real changes, never duplicates."""


import pytest
from django.db import connection

from sciplain.papers.models import Paper, Summary
from sciplain.papers.services import ImportReport, paper_upsert, papers_import, papers_upsert
from sciplain.review.services import PublishRefused, summary_publish, summary_save
from sciplain.sources.base import AbstractSection, Author, MeshHeading, PaperRecord, RecordError
from tests import factories

pytestmark = pytest.mark.django_db


def record(**overrides) -> PaperRecord:
    values = dict(
        source="pubmed", source_id="31000001", pmid="31000001", doi="10.1000/ABC.1",
        title="Exercise after spinal cord injury", title_html="Exercise after <i>spinal</i> cord injury",
        journal="Spinal Cord", pub_date="2018 Mar", year=2018, month=3,
        authors=(Author(last_name="Lee", fore_name="Min"),),
        abstract=(AbstractSection(label="RESULTS", category="RESULTS", text="Strength improved."),),
        publication_types=("Journal Article",), raw="<PubmedArticle/>",
    )
    values.update(overrides)
    return PaperRecord(**values)


def test_paper_upsert_creates_then_skips_unchanged_record():
    assert paper_upsert(record=record()) == "created"
    assert paper_upsert(record=record()) == "skipped"
    assert Paper.objects.count() == 1


def test_paper_upsert_stores_typed_fields_and_lowercases_doi():
    paper_upsert(record=record())
    paper = Paper.objects.get()
    assert paper.doi == "10.1000/abc.1"
    assert paper.authors[0]["last_name"] == "Lee"
    assert paper.abstract == [{"text": "Strength improved.", "label": "RESULTS", "category": "RESULTS"}]
    assert paper.slug == "exercise-after-spinal-cord-injury-31000001"
    assert paper.raw == "<PubmedArticle/>"


def test_paper_upsert_stores_the_content_and_text_hashes_earlier_versions_stored():
    # Stored hashes tell an unchanged re-import from a revised one: if the way they are
    # computed moved, every paper already stored would count as changed on its next import.
    paper_upsert(record=record(
        title="Gehtraining nach Querschnittlähmung: “a” trial", title_html="Gehtraining nach <i>Querschnittlähmung</i>",
        authors=(Author(last_name="Müller", fore_name="Jörg", affiliation="Zürich"),),
        abstract=(AbstractSection(label="RESULTS", category="RESULTS", text="Strength improved ±5%."),),
        mesh=(MeshHeading(descriptor="Spinal Cord Injuries", ui="D013119", major=True, qualifiers=("rehabilitation",)),),
    ))
    paper = Paper.objects.get()
    assert paper.content_hash == "fea10caaf0a0456dbfabc760f9d015f753ec08c17b2be417ef62a83fd8d8a0d8"
    assert paper.text_hash == "b189cb7f406514a0caad004acccee70cb6592f6fa86e3e449eb0c491507ce0d4"


def test_paper_upsert_updates_only_when_a_field_changed():
    paper_upsert(record=record())
    assert paper_upsert(record=record(raw="<PubmedArticle> </PubmedArticle>")) == "skipped"
    assert paper_upsert(record=record(journal="Spinal Cord Series and Cases")) == "updated"
    assert Paper.objects.get().journal == "Spinal Cord Series and Cases"


def test_paper_upsert_keeps_the_slug_stable_when_the_title_changes():
    paper_upsert(record=record())
    slug = Paper.objects.get().slug
    paper_upsert(record=record(title="Exercise after SCI: a revised title"))
    assert Paper.objects.get().slug == slug


def test_paper_upsert_flags_summary_for_regeneration_when_abstract_changes():
    paper_upsert(record=record())
    paper = Paper.objects.get()
    summary_save(paper=paper, data=factories.summary_data())
    changed = (AbstractSection(label="RESULTS", category="RESULTS", text="Strength improved a lot."),)
    assert paper_upsert(record=record(abstract=changed)) == "updated"
    assert Paper.objects.get().needs_resummary is True
    assert Paper.objects.needs_summary().filter(pk=paper.pk).exists()


def test_paper_upsert_ignores_an_older_revision():
    paper_upsert(record=record(revised="2024-05-01"))
    assert paper_upsert(record=record(revised="2023-01-01", journal="Old")) == "skipped"
    assert Paper.objects.get().journal == "Spinal Cord"


def test_paper_upsert_merges_europepmc_record_into_pubmed_paper_by_doi():
    paper_upsert(record=record())
    other = record(source="europepmc", source_id="MED:31000001", pmid="", doi="10.1000/abc.1",
                   journal="Different name", free_full_text_url="https://europepmc.org/articles/PMC1")
    assert paper_upsert(record=other) == "updated"
    paper = Paper.objects.get()
    assert paper.journal == "Spinal Cord"  # the richer source wins
    assert paper.free_full_text_url == "https://europepmc.org/articles/PMC1"  # gaps are filled
    assert paper.source == "pubmed"


def test_papers_upsert_matches_records_without_pmid_on_source_key():
    rec = record(source="file", source_id="ris:abc", pmid="", doi="")
    assert papers_upsert(records=[rec, rec])["created"] == 1
    assert Paper.objects.count() == 1


def test_papers_import_reports_bad_records_and_keeps_the_rest():
    items = [record(), RecordError(position=2, reason="missing PMID"), record(pmid="31000002", source_id="31000002",
                                                                               doi="10.1000/abc.2")]
    report = papers_import(items=items)
    assert isinstance(report, ImportReport)
    assert report.counts["created"] == 2 and report.counts["errors"] == 1
    assert report.errors == ["record 2: missing PMID"]
    assert report.line() == "Created 2, updated 0, skipped 0, 1 bad records"


def test_papers_import_isolates_a_record_the_database_refuses():
    paper_upsert(record=record())  # PMID 31000001 with DOI 10.1000/abc.1
    paper_upsert(record=record(pmid="31000002", source_id="31000002", doi="10.1000/abc.2"))
    clash = record(pmid="31000002", source_id="31000002", doi="10.1000/abc.1", journal="Revised")  # DOI taken
    fine = record(pmid="31000004", source_id="31000004", doi="10.1000/abc.4")
    report = papers_import(items=[clash, fine])
    assert report.counts["created"] == 1 and report.counts["errors"] == 1
    assert report.errors[0].startswith("PMID 31000002:")
    assert Paper.objects.get(pmid="31000002").journal == "Spinal Cord"  # nothing half-written
    assert Paper.objects.filter(pmid="31000004").exists()


def test_retracted_paper_is_never_published():
    paper = factories.paper(retracted=True)
    summary = summary_save(paper=paper, data=factories.summary_data(), status=Summary.Status.NEEDS_REVIEW)
    with pytest.raises(PublishRefused):
        summary_publish(summary=summary)
    assert not Paper.objects.published().exists()


def test_papers_upsert_keeps_the_later_copy_of_a_pmid_repeated_in_one_batch():
    counts = papers_upsert(records=[record(title="First copy"), record(title="Revised copy")])
    assert counts == {"created": 1}
    assert Paper.objects.get().title == "Revised copy"


def test_two_records_of_one_new_paper_in_a_batch_make_one_paper_the_richer_source_keeps():
    pubmed_copy = record()
    europepmc_copy = record(source="europepmc", source_id="PMC:1", pmid="", doi="10.1000/abc.1",
                            journal="", pmcid="PMC99")
    counts = papers_upsert(records=[pubmed_copy, europepmc_copy])
    paper = Paper.objects.get()
    assert counts["created"] == 1 and paper.source == "pubmed" and paper.journal == "Spinal Cord"
    assert paper.pmcid == "PMC99"  # the poorer source only fills gaps


def test_papers_import_gives_sqlite_a_batch_sized_page_cache_and_leaves_it_as_it_found_it():
    """On SQLite the cache grows while importing and is put back; PostgreSQL has no such setting to touch."""
    def cache_size():
        if connection.vendor != "sqlite":
            return None
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            return cursor.fetchone()[0]

    before = cache_size()
    seen = []
    assert papers_import(items=iter_then(record(), lambda: seen.append(cache_size()))).counts["created"] == 1
    if connection.vendor == "sqlite":
        assert seen[0] < before < 0  # larger while importing: negative sizes are in KiB
    assert cache_size() == before


def iter_then(item, then):
    """``item``, then a call to ``then`` while the import that reads it is still running."""
    yield item
    then()
