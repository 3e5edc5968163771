"""The author and MeSH lists read from an article's bytes give the records its whole tree gives."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from sciplain.sources import pubmed, pubmed_blocks

from .conftest import article_set, article_xml

pytestmark = []

_AUTHORS = (
    '<AuthorList CompleteYN="Y">\n'
    '  <Author ValidYN="Y"><LastName>Rivera</LastName><ForeName>Ana María</ForeName><Initials>AM</Initials>'
    '<Identifier Source="ORCID">https://orcid.org/000000021825009X</Identifier>'
    "<AffiliationInfo><Affiliation>Dept of Neurology &amp; Rehabilitation, Lyon.</Affiliation></AffiliationInfo>"
    "<AffiliationInfo><Affiliation>Spinal Unit, Lyon.</Affiliation>"
    '<Identifier Source="GRID">grid.1</Identifier></AffiliationInfo></Author>\n'
    '  <Author ValidYN="Y" EqualContrib="Y"><LastName> Okafor\n</LastName><ForeName>\tChidi </ForeName>'
    "<Initials> C</Initials><Suffix>Jr</Suffix></Author>\n"
    '  <Author ValidYN="Y"><CollectiveName>  SCI   Outcomes Group </CollectiveName></Author>\n'
    "</AuthorList>"
)
_MESH = (
    "<MeshHeadingList>\n"
    '  <MeshHeading><DescriptorName UI="D013119" MajorTopicYN="N">Spinal Cord Injuries</DescriptorName>'
    '<QualifierName UI="Q000517" MajorTopicYN="Y"> prevention &amp; control\n</QualifierName></MeshHeading>\n'
    '  <MeshHeading>\n    <DescriptorName MajorTopicYN="N" Type="Geographic" UI="D005602">France</DescriptorName>\n'
    "  </MeshHeading>\n"
    "</MeshHeadingList>"
)


def _article(pmid: int, authors: str = _AUTHORS, mesh: str = _MESH) -> str:
    return (article_xml(pmid).replace("<Language>", authors + "<Language>")
            .replace("</MedlineCitation>", mesh + "</MedlineCitation>"))


def _from_trees(xml: bytes) -> list:
    """The records as they are read with every list left in the tree."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pubmed, "cut_blocks", lambda data: (data, None))
        patch.setattr(pubmed_blocks, "_HEADINGS_SEEN", {})
        return pubmed.parse(xml)


def _same_as_trees(articles: list[str]) -> list:
    xml = article_set(articles).encode()
    records = pubmed.parse(xml)
    trees = _from_trees(xml)
    assert [repr(r) for r in records] == [repr(r) for r in trees]  # warnings and digests too
    return records


def test_the_usual_lists_are_read_from_the_bytes_and_left_out_of_the_tree():
    data = _article(1).encode()
    tree_bytes, blocks = pubmed_blocks.cut_blocks(data)
    assert blocks.authors is not None and blocks.mesh is not None
    assert b'<AuthorList CompleteYN="Y"></AuthorList>' in tree_bytes
    assert b"<MeshHeadingList></MeshHeadingList>" in tree_bytes and b"Rivera" not in tree_bytes
    etree.fromstring(tree_bytes)  # still well-formed


def test_authors_and_headings_read_from_the_bytes_are_those_of_the_tree():
    (record,) = _same_as_trees([_article(1)])
    first, second, group = record.authors
    assert (first.fore_name, first.orcid) == ("Ana María", "0000-0002-1825-009X")
    assert first.affiliation == "Dept of Neurology & Rehabilitation, Lyon.; Spinal Unit, Lyon."
    assert (second.last_name, second.fore_name, second.initials) == ("Okafor", "Chidi", "C")
    assert (second.affiliation, group.collective_name) == ("", "SCI Outcomes Group")
    assert [(h.descriptor, h.ui, h.major, h.qualifiers) for h in record.mesh] == [
        ("Spinal Cord Injuries", "D013119", True, ("prevention & control",)), ("France", "D005602", False, ())]


_AUTHOR = '<Author ValidYN="Y"><LastName>Lee</LastName><ForeName>Min</ForeName><Initials>M</Initials></Author>'


def _authors(old: str = "", new: str = "", around: str = "<AuthorList>{}</AuthorList>") -> str:
    return around.format(_AUTHOR.replace(old, new) if old else _AUTHOR)


@pytest.mark.parametrize("authors", [
    _authors("Lee", "Lee &#x3b1;"),  # a character reference
    _authors("Lee", "Lee &nbsp;"),  # an undeclared entity: an error
    _authors("Lee", "Lee & Co"),  # a bare ampersand: an error
    _authors("Lee", "<![CDATA[Lee]]>"),
    _authors(around="<AuthorList><!-- </AuthorList> -->{}</AuthorList>"),
    _authors("Lee", "L<i>e</i>e"),  # markup: the tree reads "L" only
    _authors("Lee", "Lee\r"),  # CR reads as LF
    _authors("Lee", "Lee\x01"),  # a control character: an error
    _authors("Lee", "Lee\ufffe"),
    _authors("Lee", "Lee]]>"),
    _authors("</LastName>", "</Lastname>"),  # a syntax error
    _authors("ValidYN", 'ValidYN="N" ValidYN'),  # a repeated attribute
    _authors('ValidYN="Y"', 'EqualContrib="Y" ValidYN="Y"'),
    _authors('ValidYN="Y"', 'Foo="x"'),
    _authors("</Author>", "</Author >"),
    _authors("<ForeName>Min</ForeName>", "<ForeName/>"),
    _authors("</Initials>", "</Initials><Foo/>"),
    _authors("</Initials>", "</Initials><Affiliation>Old style</Affiliation>"),
    _authors("</Initials>", '</Initials><Identifier Source="OR>CID">1</Identifier>'),
    _authors("</Initials>", '</Initials><Identifier Source="OR\tCID">1</Identifier>'),  # TAB reads as a space
    _authors(around="<AuthorList>stray text{}</AuthorList>"),
    _authors(around='<AuthorList xmlns="urn:x">{}</AuthorList>'),  # the names in another namespace
    _authors(around='<AuthorList xmlns:q="urn:q">{}</AuthorList>'),
    _authors(around="<AuthorList>{0}</AuthorList><AuthorList>{0}</AuthorList>"),
    _authors(around="<AuthorList\n>{}</AuthorList>"),
    "<AuthorList/>",
    "<AuthorList>\r\n</AuthorList>",
], ids=["character reference", "undeclared entity", "bare ampersand", "cdata", "comment", "markup", "cr",
        "control", "fffe", "cdata end", "syntax error", "repeated attribute", "attribute order", "other attribute",
        "spaced end tag", "empty element", "unknown element", "old affiliation", "> in attribute",
        "tab in attribute", "text", "default namespace", "prefixed namespace", "two lists", "line break in tag",
        "self-closed", "crlf"])
def test_authors_the_patterns_do_not_take_are_read_from_the_tree_alike(authors):
    _same_as_trees([_article(1, authors=authors), _article(2)])


_HEADING = '<MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>'


def _mesh(old: str = "", new: str = "", around: str = "<MeshHeadingList>{}</MeshHeadingList>") -> str:
    return around.format(_HEADING.replace(old, new) if old else _HEADING)


@pytest.mark.parametrize("mesh", [
    _mesh("Humans", "Humans<?pi x?>"),
    _mesh("Humans", " Humans &lt;&gt;&quot;&apos; &amp;lt; "),
    _mesh(' MajorTopicYN="N"', ""),
    _mesh('UI="D006801"', 'UI="D006801" UI="D1"'),
    _mesh('UI="D006801"', "UI='D006801'"),
    _mesh('UI="D006801"', 'UI = "D006801"'),
    _mesh("D006801", "D006801\n"),
    _mesh("<MeshHeading>", '<MeshHeading Foo="1">'),
    _mesh("<MeshHeading>", "<MeshHeading><MeshHeading>"),
    _mesh(around="<MeshHeadingList>{}x</MeshHeadingList>"),
    _mesh("</DescriptorName>", '</DescriptorName><DescriptorName UI="D1" MajorTopicYN="Y">Two</DescriptorName>'),
    _mesh(around="<MeshHeadingList>{}\n\t </MeshHeadingList>"),
    _mesh(around='<MeshHeadingList xmlns="urn:x">{}</MeshHeadingList>'),
    _mesh(around="<MeshHeadingList>{0}</MeshHeadingList><MeshHeadingList>{0}</MeshHeadingList>"),
    _mesh(around="<MeshHeadingList>{}"),  # never closed: an error
], ids=["processing instruction", "entities", "no major flag", "repeated attribute", "single quotes",
        "spaced attribute", "line break in attribute", "heading attribute", "nested", "text", "two descriptors",
        "spaces before end", "namespace", "two lists", "unclosed"])
def test_headings_the_patterns_do_not_take_are_read_from_the_tree_alike(mesh):
    _same_as_trees([_article(1, mesh=mesh), _article(2)])


@pytest.mark.parametrize("move", [
    lambda a: re.sub(r"(<ArticleTitle>.*?)(</ArticleTitle>)(.*?)(<AuthorList.*?</AuthorList>)", r"\1\4\2\3", a),
    lambda a: re.sub(r"(<AuthorList.*?</AuthorList>)(.*?</Article>)", r"\2\1", a),
    lambda a: re.sub(r"(</Article>)(.*?)(<MeshHeadingList>.*?</MeshHeadingList>)", r"\3\1\2", a),
    lambda a: re.sub(r"(<MeshHeadingList>.*?</MeshHeadingList>)", r"<GeneralNote>\1</GeneralNote>", a),
    lambda a: a.replace("<ArticleTitle>", "<ArticleTitle>x").replace("</ArticleTitle>", "<Bad></ArticleTitle>"),
    lambda a: a.replace('<MedlineCitation Status="MEDLINE"', '<MedlineCitation xmlns="urn:x" Status="MEDLINE"'),
], ids=["authors inside the title", "authors outside the article", "headings inside the article",
        "headings in a note", "syntax error elsewhere", "namespace on the citation"])
def test_lists_that_stand_elsewhere_or_beside_an_error_give_the_tree_record(move):
    records = _same_as_trees([move(_article(1)), _article(2)])
    assert records[1].authors and records[1].mesh


_TEXT = st.text(st.one_of(st.sampled_from(" \n\t\xa0\u2009&<é"),
                          st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff")), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT, _TEXT), min_size=1, max_size=3), _TEXT, _TEXT,
       st.sampled_from(["", "\n  ", "\t"]))
def test_any_names_and_headings_read_as_the_tree_reads_them(people, descriptor, qualifier, space):
    """Text of any characters, escaped or not (a raw "<", "&", control or CR makes the article bad or unusual:
    the tree reads it, or fails on it, alike)."""
    def escaped(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;") if len(text) % 2 else text

    authors = "".join(
        f'{space}<Author ValidYN="Y"><LastName>{escaped(last)}</LastName>{space}<ForeName>{escaped(fore)}</ForeName>'
        f"<AffiliationInfo><Affiliation>{escaped(place)}</Affiliation></AffiliationInfo></Author>"
        for last, fore, place in people)
    mesh = (f'<MeshHeadingList>{space}<MeshHeading><DescriptorName UI="D1" MajorTopicYN="N">{escaped(descriptor)}'
            f'</DescriptorName><QualifierName UI="Q1" MajorTopicYN="Y">{escaped(qualifier)}</QualifierName>'
            f"</MeshHeading>{space}</MeshHeadingList>")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pubmed_blocks, "_HEADINGS_SEEN", {})
        _same_as_trees([_article(1, authors=f"<AuthorList>{authors}</AuthorList>", mesh=mesh), _article(2)])


def test_a_heading_is_remembered_by_its_bytes_and_the_table_stays_bounded(monkeypatch):
    monkeypatch.setattr(pubmed_blocks, "_HEADINGS_SEEN", {})
    monkeypatch.setattr(pubmed_blocks, "_HEADINGS_SEEN_MAX", 1)
    first, second = pubmed.parse(article_set([_article(1), _article(2)]).encode())
    assert first.mesh == second.mesh and len(first.mesh) == 2
    assert len(pubmed_blocks._HEADINGS_SEEN) == 1
    (remembered,) = pubmed_blocks._HEADINGS_SEEN
    assert etree.fromstring(remembered + b"</MeshHeading>").tag == "MeshHeading"  # one whole heading
