import gzip

import pytest

from sciplain.sources import files, medline, ris
from sciplain.sources.base import PaperRecord, RecordError, SourceError

from .conftest import FIXTURES

pytestmark = []

NBIB = FIXTURES / "pubmed_export.nbib"
RIS = FIXTURES / "zotero_export.ris"
XML = FIXTURES / "pubmed_articles.xml"


def test_medline_parse_reads_fields_and_wrapped_lines():
    record = medline.parse(NBIB.read_text())[0]
    assert record.title == "Effect of Nogo-A antibodies on walking after cervical spinal cord injury: a randomised trial."
    assert (record.pmid, record.doi, record.pmcid, record.revised) == ("40000001", "10.9999/jscr.2024.001", "PMC11000001", "2024-11-27")
    assert (record.year, record.month, record.day) == (2024, 3, 5)
    assert [(s.label, s.category) for s in record.abstract] == [
        ("BACKGROUND", "BACKGROUND"), ("METHODS", "METHODS"), ("RESULTS", "RESULTS"), ("CONCLUSIONS", "CONCLUSIONS")]
    assert [a.display_name for a in record.authors] == ["Ana Maria Rivera", "Chidi Okafor", "Spinal Cord Outcomes Study Group"]
    assert record.authors[0].orcid == "0000-0002-1825-0097" and record.authors[0].affiliation.startswith("Department")
    assert [(m.descriptor, m.major, m.qualifiers) for m in record.mesh] == [
        ("Humans", False, ()), ("Spinal Cord Injuries", True, ("physiopathology", "therapy")), ("Walking", True, ())]
    assert record.corrections[0].ref_type == "ErratumIn" and record.corrections[0].pmid == "40000105"
    assert record.grants[0].agency == "NINDS NIH HHS"


def test_medline_parse_reports_record_without_pmid_and_goes_on():
    items = medline.parse(NBIB.read_text())
    assert items[1] == RecordError(2, "no PMID", "")
    assert items[2].retracted and items[2].authors[0].last_name == "Doe"


def test_ris_parse_maps_rispy_fields():
    record = ris.parse(RIS.read_text())[0]
    assert (record.source, record.source_id, record.pmid) == ("ris", "40000009", "40000009")
    assert record.journal == "Topics in spinal cord injury rehabilitation" and record.journal_iso == "Top Spinal Cord Inj Rehabil"
    assert (record.year, record.month, record.day) == (2024, 2, 10)
    assert [a.display_name for a in record.authors] == ["Eva Lindqvist", "Bao Nguyen"]
    assert [s.label for s in record.abstract] == ["OBJECTIVE", "RESULTS"]
    assert record.keywords == ("exoskeleton", "gait")


def test_ris_parse_reports_record_without_title_and_goes_on():
    items = ris.parse(RIS.read_text())
    assert items[1] == RecordError(2, "no title (TI or T1)")
    assert items[2].doi == "10.9999/frehab.2023.555" and items[2].source_id == "10.9999/frehab.2023.555"


@pytest.mark.parametrize("source, expected", [(XML, "pubmed-xml"), (NBIB, "medline"), (RIS, "ris")])
def test_files_detect_format_sniffs_content_plain_and_gzipped(tmp_path, source, expected):
    renamed = tmp_path / "export.txt"
    renamed.write_bytes(source.read_bytes())
    zipped = tmp_path / "export.gz"
    zipped.write_bytes(gzip.compress(source.read_bytes()))
    assert files.detect_format(renamed) == files.detect_format(zipped) == expected


@pytest.mark.parametrize("source, count", [(XML, 8), (NBIB, 3), (RIS, 3)])
def test_files_iter_file_reads_each_format(tmp_path, source, count):
    zipped = tmp_path / "export.gz"
    zipped.write_bytes(gzip.compress(source.read_bytes()))
    items = list(files.iter_file(source))
    assert len(items) == count and isinstance(items[0], PaperRecord)
    assert list(files.iter_file(zipped)) == items


@pytest.mark.parametrize("content, message", [
    (b"title,year\nA paper,2024\n", "is not a paper file: expected PubMed XML, MEDLINE (.nbib) or RIS"),
    (b"<?xml version='1.0'?><pmc-articleset/>", "is not a PubMed XML file (root element <pmc-articleset>)"),
])
def test_files_detect_format_rejects_other_files_in_one_line(tmp_path, content, message):
    path = tmp_path / "papers.csv"
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        list(files.iter_file(path))
    assert str(caught.value) == f"{path} {message}" and "\n" not in str(caught.value)


def test_files_detect_format_names_missing_file(tmp_path):
    with pytest.raises(SourceError, match="cannot read .*nothing.xml"):
        files.detect_format(tmp_path / "nothing.xml")
