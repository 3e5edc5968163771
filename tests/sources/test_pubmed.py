import gzip
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from sciplain.sources import pubmed, pubmed_blocks, pubmed_record
from sciplain.sources.base import PaperRecord, RecordError, SourceError
from sciplain.sources.text import squash

from .conftest import FIXTURES, article_set, article_xml

pytestmark = []

ARTICLES = FIXTURES / "pubmed_articles.xml"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "pubmed-xml-samples" / "xml"


@pytest.fixture(scope="module")
def pubmed_records() -> dict[str, PaperRecord]:
    return {r.pmid: r for r in pubmed.iter_records(ARTICLES) if isinstance(r, PaperRecord)}


def test_pubmed_iter_records_reads_every_article_in_order():
    items = list(pubmed.iter_records(ARTICLES))
    assert [getattr(i, "pmid", None) for i in items] == [
        "40000001", "40000002", "40000003", "40000004", "40000005", "", "40000007", "40000009"]


def test_pubmed_iter_records_reports_record_without_pmid_and_goes_on():
    errors = [i for i in pubmed.iter_records(ARTICLES) if isinstance(i, RecordError)]
    assert errors == [RecordError(6, "no PMID", "")]


def test_pubmed_iter_records_skips_book_articles(pubmed_records):
    assert "40000008" not in pubmed_records


def test_pubmed_parse_keeps_structured_abstract_labels(pubmed_records):
    sections = pubmed_records["40000001"].abstract
    assert [(s.label, s.category) for s in sections] == [
        ("BACKGROUND", "BACKGROUND"), ("METHODS", "METHODS"), ("RESULTS", "RESULTS"),
        ("CONCLUSIONS AND RELEVANCE", "CONCLUSIONS")]
    assert sections[1].text == "We enrolled 48 adults and gave them anti-Nogo-A antibodies for 8 weeks."


def test_pubmed_parse_joins_wrapped_unlabelled_abstract(pubmed_records):
    (section,) = pubmed_records["40000002"].abstract
    assert section.label == "" and section.text.startswith("We surveyed 310 wheelchair users with chronic spinal")


def test_pubmed_parse_keeps_plain_language_summary_apart(pubmed_records):
    record = pubmed_records["40000005"]
    assert [(s.category, s.label) for s in record.other_abstracts] == [("plain-language-summary", ""), ("Publisher", "OBJETIVO")]
    assert record.abstract_text == "Patients operated on within 24 hours recovered more motor function at one year."


def test_pubmed_parse_renders_title_markup_as_safe_html(pubmed_records):
    record = pubmed_records["40000001"]
    assert record.title == ("Effect of Nogo-A antibodies on Ca2+ signalling and H2O2 after cervical "
                            "spinal cord injury & rehabilitation.")
    assert record.title_html == (
        "Effect of <i>Nogo-A</i> antibodies on Ca<sup>2+</sup> signalling and H<sub>2</sub>O<sub>2</sub> "
        "after <b>cervical</b> spinal cord injury &amp; rehabilitation.")


def test_pubmed_parse_reduces_mathml_to_text(pubmed_records):
    assert pubmed_records["40000003"].title == pubmed_records["40000003"].title_html == "Bladder management n=12 case series."


@pytest.mark.parametrize("markup, html", [
    ("<i>a</i> &lt;script&gt;", "<i>a</i> &lt;script&gt;"),
    ('<span onclick="x"><b>bold</b></span>', "<b>bold</b>"),
    ("<sup><i>3</i>H</sup>", "<sup><i>3</i>H</sup>"),
])
def test_pubmed_parse_title_html_keeps_only_safe_tags(markup, html):
    (record,) = pubmed.parse(article_set([article_xml(1, title="X")]).replace("<ArticleTitle>X", f"<ArticleTitle>{markup}").encode())
    assert record.title_html == html


@pytest.mark.parametrize("pmid, printed, year, month, day", [
    ("40000001", "2024 Mar 5", 2024, 3, 5),
    ("40000002", "2017 Dec-2018 Jan", 2017, 12, None),
    ("40000003", "2023 Sep", 2023, 9, None),
    ("40000004", "2021", 2021, None, None),
    ("40000005", "1998 Spring", 1998, None, None),
    ("40000009", "2024 Winter", 2024, None, None),
])
def test_pubmed_parse_reads_full_partial_and_medline_dates(pubmed_records, pmid, printed, year, month, day):
    record = pubmed_records[pmid]
    assert (record.pub_date, record.year, record.month, record.day) == (printed, year, month, day)


@pytest.mark.parametrize("pmid, doi, pmcid", [
    ("40000001", "10.9999/jscr.2024.001", "PMC11000001"),  # ArticleIdList, not the cited references'
    ("40000002", "", ""),
    ("40000003", "10.9999/frehab.2023.555", ""),  # ELocationID only
])
def test_pubmed_parse_finds_doi_and_pmc_id(pubmed_records, pmid, doi, pmcid):
    assert (pubmed_records[pmid].doi, pubmed_records[pmid].pmcid) == (doi, pmcid)


def test_pubmed_parse_reads_authors_with_orcid_and_affiliations(pubmed_records):
    first, second = pubmed_records["40000001"].authors
    assert (first.last_name, first.fore_name, first.initials, first.orcid) == ("Rivera", "Ana María", "AM", "0000-0002-1825-0097")
    assert first.affiliation == "Department of Neurology, Example University, Lyon, France.; Spinal Unit, Example Hospital, Lyon, France."
    assert second.display_name == "Chidi Okafor"


def test_pubmed_parse_reads_collective_author(pubmed_records):
    group, person = pubmed_records["40000005"].authors
    assert group.collective_name == group.display_name == "Spinal Cord Outcomes Study Group"
    assert person.affiliation == "Example Trauma Centre, Hanoi, Vietnam."


def test_pubmed_parse_marks_mesh_major_from_descriptor_or_qualifier(pubmed_records):
    mesh = {m.descriptor: m for m in pubmed_records["40000001"].mesh}
    assert mesh["Spinal Cord Injuries"].major and mesh["Spinal Cord Injuries"].qualifiers == ("therapy", "physiopathology")
    assert mesh["Walking"].major and not mesh["Humans"].major
    assert mesh["Humans"].ui == "D006801"


def test_pubmed_parse_reads_types_keywords_language_grants(pubmed_records):
    record = pubmed_records["40000001"]
    assert record.publication_types == ("Randomized Controlled Trial", "Journal Article")
    assert record.keywords == ("Nogo-A", "gait")
    assert record.language == "eng"
    assert [(g.grant_id, g.agency, g.country) for g in record.grants] == [("R01 NS000001", "NINDS NIH HHS", "United States")]
    assert (record.journal, record.journal_iso) == ("Journal of spinal cord research", "J Spinal Cord Res")


def test_pubmed_parse_marks_retraction_and_keeps_corrections(pubmed_records):
    record = pubmed_records["40000004"]
    assert record.retracted
    assert [(c.ref_type, c.pmid) for c in record.corrections] == [("RetractionIn", "40000104"), ("ErratumIn", "40000105")]
    assert [c.ref_type for c in pubmed_records["40000009"].corrections] == ["UpdateIn"]
    assert not pubmed_records["40000009"].retracted and not pubmed_records["40000001"].corrections


@pytest.mark.parametrize("pmid, revised", [("40000001", "2024-11-27"), ("40000005", "2023-02"), ("40000002", "")])
def test_pubmed_parse_reads_date_revised_as_iso(pubmed_records, pmid, revised):
    assert pubmed_records[pmid].revised == revised


def test_pubmed_parse_keeps_verbatim_article_xml(pubmed_records):
    raw = etree.fromstring(pubmed_records["40000003"].raw)
    assert raw.tag == "PubmedArticle" and raw.findtext("MedlineCitation/PMID") == "40000003"
    assert "<mml:mi>n</mml:mi>" in pubmed_records["40000003"].raw


def test_pubmed_parse_warns_on_impossible_date_and_unknown_element(pubmed_records):
    record = pubmed_records["40000007"]
    assert (record.year, record.month, record.day) == (2019, 2, None)
    assert record.warnings == ("unknown element <FutureElement> in <MedlineCitation>",
                               "PubDate: day '30' does not exist in 2019-02")


def test_pubmed_parse_truncates_oversized_fields_with_warning():
    xml = article_set([article_xml(1, title="T" * 2500)]).replace("We trained", "W" * 25_000)
    (record,) = pubmed.parse(xml.encode())
    assert len(record.title) == 2000 and len(record.abstract[0].text) == 20_000
    assert record.warnings == ("title truncated from 2500 to 2000 characters",
                               "abstract section truncated from 25023 to 20000 characters")


@pytest.mark.parametrize("bad, reason", [
    ("<PMID>abc</PMID>", "PMID 'abc' is not a number"),
    ("<PMID>7</PMID>", "no Article element"),
])
def test_pubmed_parse_reports_malformed_record_and_keeps_neighbours(bad, reason):
    broken = f"<PubmedArticle><MedlineCitation>{bad}</MedlineCitation></PubmedArticle>"
    items = pubmed.parse(article_set([article_xml(1), broken, article_xml(3)]).encode())
    assert [getattr(i, "pmid", None) for i in items if isinstance(i, PaperRecord)] == ["1", "3"]
    assert items[1].position == 2 and items[1].reason == reason


def test_a_syntax_error_costs_only_the_record_that_holds_it():
    xml = article_set([article_xml(1), article_xml(2), "<PubmedArticle><Broken></PubmedArticle>", article_xml(4)])
    items = pubmed.parse(xml.encode())
    assert [getattr(i, "pmid", None) for i in items] == ["1", "2", "", "4"]
    assert isinstance(items[2], RecordError) and "XML syntax error" in items[2].reason and items[2].position == 3


def test_an_article_never_closed_is_reported_and_the_next_one_is_kept():
    unclosed = article_xml(2).replace("</PubmedArticle>", "")
    items = pubmed.parse(article_set([article_xml(1), unclosed, article_xml(3)]).encode())
    assert [type(i).__name__ for i in items] == ["PaperRecord", "RecordError", "PaperRecord"]
    assert (items[1].position, items[1].pmid) == (2, "2") and items[2].pmid == "3"


def test_a_file_cut_off_inside_an_article_keeps_the_records_before_it():
    xml = article_set([article_xml(1), article_xml(2)]).encode()
    items = pubmed.parse(xml[: xml.index(b"<Abstract", xml.index(b">2</PMID>"))])
    assert items[0].pmid == "1" and isinstance(items[1], RecordError) and items[1].position == 2
    assert "file ends early" in items[1].reason


def test_references_are_kept_in_raw_but_never_read_so_damage_there_costs_nothing():
    refs = ("<ReferenceList><Reference><Citation>Cited <b>paper</Citation></Reference>"
            "<ReferenceList><Reference><Citation>Nested</Citation></Reference></ReferenceList></ReferenceList>")
    xml = article_set([article_xml(1).replace("</PubmedData>", refs + "</PubmedData>")])
    (record,) = pubmed.parse(xml.encode())
    assert record.pmid == "1" and record.title and "Cited <b>paper" in record.raw and "Nested" in record.raw


def test_comments_between_articles_are_skipped_even_when_they_hold_an_article_tag():
    xml = article_set([article_xml(1), "<!-- <PubmedArticle> withdrawn </PubmedArticle> -->", article_xml(2)])
    assert [r.pmid for r in pubmed.parse(xml.encode())] == ["1", "2"]


def test_entities_declared_in_the_doctype_are_read_with_the_whole_file():
    xml = article_set([article_xml(1, title="Walking &study; after injury")]).replace(
        "<PubmedArticleSet>", '<!DOCTYPE PubmedArticleSet [<!ENTITY study "study">]>\n<PubmedArticleSet>', 1)
    (record,) = pubmed.parse(xml.encode())
    assert record.pmid == "1" and "after injury" in record.title


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 300))
def test_records_are_the_same_whatever_the_size_of_each_read(read_size):
    from sciplain.sources import xmlstream

    xml = article_set([article_xml(1), "<!-- note -->", article_xml(2, title="Caf\u00e9"), article_xml(3)]).encode()
    whole = pubmed.parse(xml)
    default = xmlstream.Articles._READ
    try:
        xmlstream.Articles._READ = read_size
        assert pubmed.parse(xml) == whole and [r.raw for r in pubmed.parse(xml)] == [r.raw for r in whole]
    finally:
        xmlstream.Articles._READ = default


def test_pubmed_iter_records_replaces_invalid_utf8_and_keeps_every_record():
    xml = article_set([article_xml(1), article_xml(2, title="Caf\u00e9 BYTE walking"), article_xml(3)]).encode()
    xml = xml.replace(b"BYTE", b"\xff\xfe")  # bytes that are not UTF-8, as in a damaged download
    items = pubmed.parse(xml)
    assert [i.pmid for i in items] == ["1", "2", "3"]
    assert items[1].title == "Caf\u00e9 \ufffd\ufffd walking"
    assert items[1].warnings == ("invalid UTF-8 bytes were replaced with \ufffd",)
    assert items[0].warnings == items[2].warnings == ()


def test_pubmed_iter_records_reads_a_file_declared_in_another_encoding():
    xml = article_set([article_xml(1, title="Caf\u00e9")]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    (record,) = pubmed.parse(xml.encode("latin-1"))
    assert record.title == "Caf\u00e9" and record.warnings == ()


def test_pubmed_iter_records_reads_gzip_like_plain(tmp_path):
    zipped = tmp_path / "articles.xml.gz"
    zipped.write_bytes(gzip.compress(ARTICLES.read_bytes()))
    assert list(pubmed.iter_records(zipped)) == list(pubmed.iter_records(ARTICLES))
    assert list(pubmed.iter_records(io.BytesIO(zipped.read_bytes()))) == list(pubmed.iter_records(ARTICLES))


def test_pubmed_iter_records_reads_medline_citation_set():
    citation = etree.fromstring(article_xml(5)).find("MedlineCitation")
    xml = b"<MedlineCitationSet>" + etree.tostring(citation) * 2 + b"<DeleteCitation><PMID>9</PMID></DeleteCitation></MedlineCitationSet>"
    items = pubmed.parse(xml)
    assert [i.pmid for i in items] == ["5", "5"] and items[0].raw.startswith("<MedlineCitation")


@pytest.mark.parametrize("content, message", [
    (b"<?xml version='1.0'?>\n<!-- x -->\n<html><body/></html>", "input is not a PubMed XML file (root element <html>)"),
    (b"PMID- 1\nTI  - not xml", "input is not a PubMed XML file (it does not start with an XML element)"),
    (b"", "input is not a PubMed XML file (it does not start with an XML element)"),
])
def test_pubmed_iter_records_rejects_other_files_in_one_line(content, message):
    with pytest.raises(SourceError) as caught:
        pubmed.parse(content)
    assert str(caught.value) == message


def test_pubmed_iter_records_names_missing_file(tmp_path):
    with pytest.raises(SourceError, match="cannot read .*missing.xml"):
        list(pubmed.iter_records(tmp_path / "missing.xml"))


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared/data is not next to the repository")
@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.xml*")) if SAMPLES.is_dir() else [], ids=lambda p: p.name)
def test_pubmed_iter_records_reads_real_samples_without_errors(path):
    items = list(pubmed.iter_records(path))
    assert items and not [i for i in items if isinstance(i, RecordError)]
    assert all(i.title and i.year for i in items)


def test_pubmed_parse_reads_the_first_of_repeated_fields_as_findtext_did():
    journal = ("<Journal><Title/><Title>Not this one</Title><JournalIssue><Volume>1</Volume></JournalIssue>"
               "<JournalIssue><PubDate><MedlineDate/><Year>1999</Year></PubDate></JournalIssue>"
               "<JournalIssue><PubDate><Year>2001</Year></PubDate></JournalIssue></Journal>")
    xml = (article_set([article_xml(1)])
           .replace(re.search(r"<Journal>.*?</Journal>", article_xml(1)).group(), journal)
           .replace("<Language>", '<ArticleDate DateType="Electronic"><Year>2020</Year><Month>5</Month>'
                    "<Year>2021</Year></ArticleDate><Language>")
           .replace("</Article>", "</Article><MedlineJournalInfo/><MedlineJournalInfo><MedlineTA> J  Ex </MedlineTA>"
                    "</MedlineJournalInfo>"))
    (record,) = pubmed.parse(xml.encode())
    # an empty first Title hides the second; an empty MedlineDate hides the Year beside it
    assert (record.journal, record.pub_date, record.year, record.month) == ("J Ex", "2020-05", 2020, 5)


def test_pubmed_parse_gives_the_same_mesh_when_the_reuse_table_fills(monkeypatch):
    expected = [r.mesh for r in pubmed.iter_records(ARTICLES) if isinstance(r, PaperRecord)]
    monkeypatch.setattr(pubmed_record, "_MESH_SEEN", {})
    monkeypatch.setattr(pubmed_record, "_MESH_SEEN_MAX", 2)
    assert [r.mesh for r in pubmed.iter_records(ARTICLES) if isinstance(r, PaperRecord)] == expected
    assert len(pubmed_record._MESH_SEEN) <= 2


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 30), st.lists(st.sampled_from(
    ["walk", "x.", " ", "  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\xa0", "\u2009", "\x85", "\u3000", "é"]),
    max_size=60).map("".join))
def test_squash_collapses_whitespace_exactly_as_split_and_join(words, text):
    for value in (text, "walk " * words + text, text + " walk" * words):
        assert squash(value) == " ".join(value.split())


def test_records_built_by_the_quick_init_stay_frozen_equal_and_hashable():
    from dataclasses import FrozenInstanceError

    from sciplain.sources.base import Author, PaperRecord

    author = Author("Lee", fore_name="Min")
    assert author == Author(last_name="Lee", fore_name="Min", initials="") and author.orcid == ""
    assert hash(author) == hash(Author(last_name="Lee", fore_name="Min"))
    with pytest.raises(FrozenInstanceError):
        author.last_name = "Kim"
    with pytest.raises(TypeError):
        PaperRecord(source="pubmed")  # source_id and title have no default
    record = PaperRecord("pubmed", "1", "A title", digest="abc", warnings=("one",))
    assert record == PaperRecord("pubmed", "1", "A title")  # digest and warnings are not compared
    assert (record.authors, record.year, record.digest) == ((), None, "abc")


def test_a_closing_tag_with_spaces_still_ends_its_article_and_raw_is_verbatim():
    # well-formed XML that a search for "</PubmedArticle>" alone would not find
    xml = article_set([article_xml(1), article_xml(2)]).replace("</PubmedArticle>", "</PubmedArticle >")
    records = pubmed.parse(xml.encode())
    assert [r.pmid for r in records] == ["1", "2"]
    assert all(r.raw.startswith("<PubmedArticle>") and r.raw.endswith("</PubmedArticle >") for r in records)


def test_articles_under_namespaces_declared_on_the_root_keep_them_in_raw():
    xml = article_set([article_xml(1)]).replace(
        "<PubmedArticleSet>", '<PubmedArticleSet xmlns:mml="http://www.w3.org/1998/Math/MathML">').replace(
        "</ArticleTitle>", "<mml:math><mml:mi>n</mml:mi></mml:math></ArticleTitle>")
    (record,) = pubmed.parse(xml.encode())
    assert etree.fromstring(record.raw).nsmap.get("mml") == "http://www.w3.org/1998/Math/MathML"


_HEADING = '<MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>'
_QUALIFIED = ('<MeshHeading><DescriptorName UI="D013119" MajorTopicYN="N">Spinal Cord Injuries</DescriptorName>'
              '<QualifierName UI="Q000628" MajorTopicYN="Y">therapy</QualifierName></MeshHeading>')


@pytest.mark.parametrize("mesh", [
    f"<MeshHeadingList>{_HEADING}{_QUALIFIED}</MeshHeadingList>",
    f"<MeshHeadingList>\n  {_HEADING}\n  {_QUALIFIED}\n</MeshHeadingList>",
    f"<MeshHeadingList>{_HEADING.replace('Humans', 'Humans<!-- </MeshHeading><MeshHeading> -->')}{_QUALIFIED}</MeshHeadingList>",
    f"<MeshHeadingList>{_HEADING.replace('Humans', '<![CDATA[</MeshHeading><MeshHeading>]]>')}{_QUALIFIED}</MeshHeadingList>",
    f"<MeshHeadingList>{_HEADING.replace('Humans', 'Humans<?pi </MeshHeading><MeshHeading>?>')}{_QUALIFIED}</MeshHeadingList>",
    f"<MeshHeadingList>{_QUALIFIED.replace('</QualifierName>', '</QualifierName>' + _HEADING)}</MeshHeadingList>",
    f"<MeshHeadingList>{_HEADING}stray text{_QUALIFIED}</MeshHeadingList>",
    f"<MeshHeadingList><Foo/>{_HEADING}{_QUALIFIED}</MeshHeadingList>",
    f"<MeshHeadingList>{_HEADING}{_QUALIFIED.replace('</MeshHeading>', '</MeshHeading >')}</MeshHeadingList>",
    f"<MeshHeadingList><MeshHeading><QualifierName>therapy</QualifierName></MeshHeading>{_HEADING}</MeshHeadingList>",
    "<MeshHeadingList>" + _HEADING.replace("<DescriptorName", '<DescriptorName xmlns="urn:x"') + _QUALIFIED
    + "</MeshHeadingList>",
    '<MeshHeadingList xmlns:q="urn:q">' + _QUALIFIED.replace("QualifierName", "q:QualifierName") + "</MeshHeadingList>",
    f"<!-- <MeshHeadingList> --><MeshHeadingList>{_HEADING}</MeshHeadingList>",
    f"<GeneralNote><MeshHeadingList>{_QUALIFIED}</MeshHeadingList></GeneralNote><MeshHeadingList>{_HEADING}</MeshHeadingList>",
], ids=["compact", "indented", "comment", "cdata", "processing instruction", "nested", "text", "other element", "spaced end tag",
        "no descriptor", "default namespace", "prefixed", "list in a comment", "second list"])
def test_pubmed_parse_reads_mesh_headings_by_their_bytes_as_their_trees_read(monkeypatch, mesh):
    monkeypatch.setattr(pubmed_blocks, "_HEADINGS_SEEN", {})
    articles = [article_xml(n).replace("</MedlineCitation>", mesh + "</MedlineCitation>") for n in (1, 2)]
    # an article whose headings are plainly its own, after two that could have taught the table wrong ones
    articles.append(article_xml(3).replace(
        "</MedlineCitation>", f"<MeshHeadingList>{_HEADING}{_QUALIFIED}</MeshHeadingList></MedlineCitation>"))
    from_trees = [pubmed_record.read_article(etree.fromstring(a), 1, a, "").mesh for a in articles]
    # the second article finds each heading the first one remembered
    assert [r.mesh for r in pubmed.parse(article_set(articles).encode())] == from_trees
    assert from_trees[0]
    for remembered in pubmed_blocks._HEADINGS_SEEN:
        assert len(etree.fromstring(remembered + b"</MeshHeading>")) >= 1  # only whole headings are remembered
