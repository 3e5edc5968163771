"""Re-importing a file: records stored with the same digest are recognised unread, changed ones are read."""

import pytest

from sciplain.papers.models import Paper
from sciplain.papers.services import papers_import_files
from sciplain.sources import pubmed
from sciplain.sources.base import PaperRecord
from tests.pubmed_xml import article, article_set

pytestmark = pytest.mark.django_db


def write(path, articles):
    path.write_text(article_set(articles), encoding="utf-8")
    return path


def test_a_reimport_of_the_same_file_skips_every_record_without_building_it(tmp_path, monkeypatch):
    papers = write(tmp_path / "papers.xml", [article(31000001), article(31000002), article(31000003)])
    assert papers_import_files(paths=[papers]).counts["created"] == 3

    def must_not_build(*args):
        raise AssertionError("an unchanged record was parsed")

    monkeypatch.setattr(pubmed, "read_article", must_not_build)
    report = papers_import_files(paths=[papers])
    assert report.counts["skipped"] == 3 and report.counts["errors"] == 0
    assert Paper.objects.count() == 3


def test_a_revised_record_in_a_reimported_file_is_read_and_updates_its_paper(tmp_path):
    papers_import_files(paths=[write(tmp_path / "a.xml", [article(31000001), article(31000002)])])
    revised = write(tmp_path / "b.xml", [article(31000001), article(31000002, title="A corrected title")])
    report = papers_import_files(paths=[revised])
    assert (report.counts["skipped"], report.counts["updated"]) == (1, 1)
    assert Paper.objects.get(pmid="31000002").title == "A corrected title"


def test_a_record_repeated_later_in_the_stream_is_never_taken_for_the_stored_one(tmp_path):
    papers_import_files(paths=[write(tmp_path / "a.xml", [article(31000001)])])
    stored = Paper.objects.get().source_digest
    # an update file carrying a revision first and, a chunk further on, the stored copy again
    update = write(tmp_path / "b.xml", [article(31000001, title="Revised")]
                   + [article(31000100 + i) for i in range(pubmed.KNOWN_CHUNK)] + [article(31000001)])
    items = list(pubmed.iter_records(update, known=lambda digests: {
        pmid for pmid, digest in digests.items() if digest == stored}))
    copies = [item for item in items if getattr(item, "pmid", "") == "31000001"]
    assert [type(item) for item in copies] == [PaperRecord, PaperRecord]  # the later copy wins, as it would unread


def test_papers_stored_before_digests_existed_get_theirs_on_the_next_reimport(tmp_path):
    papers = write(tmp_path / "papers.xml", [article(31000001), article(31000002)])
    papers_import_files(paths=[papers])
    Paper.objects.update(source_digest="")
    assert papers_import_files(paths=[papers]).counts["skipped"] == 2
    digests = set(Paper.objects.values_list("source_digest", flat=True))
    assert "" not in digests and len(digests) == 2


def test_a_new_parser_version_reads_every_record_again(tmp_path, monkeypatch):
    papers = write(tmp_path / "papers.xml", [article(31000001)])
    papers_import_files(paths=[papers])
    before = Paper.objects.get().source_digest
    monkeypatch.setattr(pubmed, "PARSER_VERSION", pubmed.PARSER_VERSION + "-next")
    items = list(pubmed.iter_records(papers, known=lambda digests: {
        pmid for pmid, digest in digests.items() if digest == before}))
    assert [type(item) for item in items] == [PaperRecord]


def test_without_known_the_parser_builds_every_record_and_gives_each_a_digest(tmp_path):
    items = list(pubmed.iter_records(write(tmp_path / "p.xml", [article(31000001), article(31000002)])))
    assert [type(item) for item in items] == [PaperRecord, PaperRecord]
    assert len({item.digest for item in items}) == 2 and all(len(item.digest) == 32 for item in items)


def test_new_papers_written_in_bulk_read_back_like_any_other(tmp_path):
    papers_import_files(paths=[write(tmp_path / "p.xml", [article(31000001, doi="10.1000/Bulk.1")])])
    paper = Paper.objects.get()
    assert paper.doi == "10.1000/bulk.1" and paper.year == 2024 and paper.retracted is False
    assert paper.authors[0]["last_name"] == "Rivera" and paper.abstract[0]["category"] == "BACKGROUND"
    assert paper.created_at is not None and paper.updated_at == paper.created_at
    assert paper.raw.startswith("<PubmedArticle>") and paper.text_hash and paper.content_hash
    assert Paper.objects.needs_summary().get() == paper


def test_matching_a_batch_looks_each_key_up_in_an_index_rather_than_reading_every_paper(tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sciplain.papers.services import _find_existing

    records = list(pubmed.iter_records(write(tmp_path / "p.xml", [article(31000001, doi="10.1/x")])))
    with CaptureQueriesContext(connection) as queries:
        _find_existing(records)
    (query,) = queries.captured_queries
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL plans a tiny table by cost; with scans priced out it shows whether an index can serve
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {query['sql']}")
            plan = " | ".join(row[0] for row in cursor.fetchall())
            # the source key's index is entered by its leading column, not read end to end for source_id
            assert "Seq Scan" not in plan and "paper_source_key" in plan and "(source)::text =" in plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {query['sql']}")
            plan = " | ".join(row[-1] for row in cursor.fetchall())
            assert "SCAN papers_paper" not in plan and plan.count("USING INDEX") == 3
