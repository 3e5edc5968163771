"""Whatever sits between good records, the parser neither crashes nor loses them."""

from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciplain.sources import pubmed
from sciplain.sources.base import PaperRecord, RecordError

from .conftest import article_set, article_xml

pytestmark = []

xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
tag = st.sampled_from(["PMID", "Article", "Abstract", "Foo", "Year", "ArticleTitle", "AuthorList", "Author", "MeshHeading"])
element = st.recursive(
    st.builds(lambda t, text: f"<{t}>{escape(text)}</{t}>", tag, xml_text),
    lambda inner: st.builds(lambda t, kids: f"<{t}>{''.join(kids)}</{t}>", tag, st.lists(inner, max_size=3)),
    max_leaves=8,
)
bad_record = st.builds(lambda body: f"<PubmedArticle><MedlineCitation>{body}</MedlineCitation></PubmedArticle>", element)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.integers(1, 10**8), bad_record), max_size=8))
def test_pubmed_parse_keeps_good_records_around_bad_ones(items):
    xml = article_set([article_xml(i) if isinstance(i, int) else i for i in items])
    out = pubmed.parse(xml.encode())
    assert len(out) == len(items)
    for given_item, got in zip(items, out):
        assert isinstance(got, (PaperRecord, RecordError))
        if isinstance(given_item, int):
            assert isinstance(got, PaperRecord) and got.pmid == str(given_item)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 4), st.binary(max_size=60))
def test_pubmed_parse_survives_garbage_and_keeps_records_before_it(where, garbage):
    good = [article_xml(n) for n in range(1, 5)]
    xml = article_set(good).encode()
    cut = xml.index(b"<PubmedArticle>") if where == 0 else xml.index(good[where - 1].encode()) + len(good[where - 1])
    out = pubmed.parse(xml[:cut] + garbage + xml[cut:])
    pmids = [r.pmid for r in out if isinstance(r, PaperRecord)]
    assert pmids[:where] == [str(n) for n in range(1, where + 1)]
    assert all(isinstance(r, (PaperRecord, RecordError)) for r in out)


@settings(max_examples=80, deadline=None)
@given(xml_text.filter(lambda t: t.strip()))
def test_pubmed_parse_title_round_trips_any_text(title):
    (record,) = pubmed.parse(article_set([article_xml(1, title=title)]).encode())
    assert record.title == " ".join(title.split())[:2000]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.integers(1, 10**8), bad_record), max_size=8), st.sampled_from(["", "\n  ", "<!-- x -->"]))
def test_pubmed_raw_is_each_records_own_article_whatever_lies_around_it(items, between):
    from lxml import etree

    xml = article_set([article_xml(i) if isinstance(i, int) else i for i in items]).replace("\n", between or "\n")
    for got in pubmed.parse(xml.encode()):
        if isinstance(got, PaperRecord):
            article = etree.fromstring(got.raw)
            assert article.tag == "PubmedArticle" and article.findtext("MedlineCitation/PMID") == got.pmid


@settings(max_examples=80, deadline=None)
@given(st.lists(st.binary(min_size=1, max_size=6).map(lambda b: bytes(c | 0x80 for c in b)), min_size=1, max_size=3))
def test_pubmed_parse_repairs_each_article_as_the_whole_file_would_be_repaired(damage):
    """Bytes of 0x80 and up, valid UTF-8 or not, in several titles: each title reads as the file decoded
    with replacement characters reads, and a record that holds a replacement character is warned about."""
    titles = [b"Title " + bytes_ + b" end" for bytes_ in damage]
    xml = article_set([article_xml(n, title=f"TITLE{n}") for n in range(1, len(titles) + 1)]).encode()
    for n, title in enumerate(titles, start=1):
        xml = xml.replace(f"TITLE{n}".encode(), title)
    records = pubmed.parse(xml)
    assert [r.pmid for r in records] == [str(n) for n in range(1, len(titles) + 1)]
    for record, title in zip(records, titles):
        assert record.title == " ".join(title.decode("utf-8", "replace").split())
        assert bool(record.warnings) == ("\ufffd" in title.decode("utf-8", "replace"))
