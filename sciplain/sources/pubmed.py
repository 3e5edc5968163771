"""Read PubMed XML of every vintage into PaperRecords, one record at a time.

The same parser reads E-utilities efetch answers, the annual baseline and daily
update files (``MedlineCitationSet`` from 2016, ``PubmedArticleSet`` since), plain
or gzipped. A baseline file holds 30,000 articles, so the stream is cut into its
articles' own bytes (``xmlstream.Articles``) and each is parsed on its own: memory
stays flat however large the file, a syntax error costs only its own article, and
an article already stored with the same digest is not parsed at all. A bad record
becomes a ``RecordError`` and the stream goes on; only a file that is not PubMed XML
at all raises ``SourceError``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import threading
import zlib
from collections.abc import Container, Iterator
from functools import lru_cache
from html import escape
from typing import IO

from lxml import etree

from .base import (
    AbstractSection,
    Author,
    Correction,
    Grant,
    Known,
    MeshHeading,
    PaperRecord,
    RecordError,
    SourceError,
    Unchanged,
)
from .markup import element_html, element_text
from .text import MAX_SECTION, MAX_TITLE, cap, date_parts, iso_date, printed_date, squash
from .xmlstream import (
    Articles,
    RepairedUtf8,
    Rewound,
    declares_utf8,
    read_head,
    repaired_utf8,
    root_element,
)

# Part of every record's digest: a parser that reads records differently must not
# take a stored record for the one it would build now. Raise it when output changes.
PARSER_VERSION = "1"
KNOWN_CHUNK = 250  # records read ahead to ask ``known`` about at once
PUBMED_ROOTS = frozenset({"PubmedArticleSet", "MedlineCitationSet", "PubmedArticle", "MedlineCitation"})
_ARTICLE_TAGS = ("PubmedArticle", "MedlineCitation", "PubmedBookArticle")
_SNIFF_BYTES = 64 * 1024
_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])")
_MESH_SEEN: dict[tuple, MeshHeading] = {}  # see _mesh; bounded so that memory stays flat
_MESH_SEEN_MAX = 20_000

# Links that change what a paper says; "Cites", "CommentIn" and the like are left out.
CORRECTION_TYPES = frozenset({
    "RetractionIn", "RetractionOf", "PartialRetractionIn", "PartialRetractionOf",
    "ErratumIn", "ErratumFor", "UpdateIn", "UpdateOf", "ExpressionOfConcernIn",
    "ExpressionOfConcernFor", "RepublishedIn", "RepublishedFrom", "ReprintIn", "ReprintOf",
})
# Children the DTDs from 2016 to 2025 allow; anything else is reported on the record.
_CITATION_CHILDREN = frozenset({
    "PMID", "DateCreated", "DateCompleted", "DateRevised", "Article", "MedlineJournalInfo",
    "ChemicalList", "SupplMeshList", "CitationSubset", "CommentsCorrectionsList",
    "GeneSymbolList", "MeshHeadingList", "NumberOfReferences", "PersonalNameSubjectList",
    "OtherID", "OtherAbstract", "KeywordList", "CoiStatement", "SpaceFlightMission",
    "InvestigatorList", "GeneralNote",
})
_ARTICLE_CHILDREN = frozenset({
    "Journal", "ArticleTitle", "Pagination", "ELocationID", "Abstract", "AuthorList",
    "Language", "DataBankList", "GrantList", "PublicationTypeList", "VernacularTitle",
    "ArticleDate", "Affiliation",
})


def parse(xml_bytes: bytes) -> list[PaperRecord | RecordError]:
    """Every record of an XML document held in memory (an efetch answer, a test fixture)."""
    return list(iter_records(io.BytesIO(xml_bytes)))


def iter_records(source: str | os.PathLike | IO[bytes], *,
                 known: Known | None = None) -> Iterator[PaperRecord | RecordError | Unchanged]:
    """Records of a PubMed XML file or binary stream, plain or gzipped, in file order.

    Raises ``SourceError`` before the first record when the input is not PubMed XML.
    An article with an XML syntax error becomes a ``RecordError`` and the next is read;
    a file cut off inside an article ends with one. With ``known``, a record it already holds with
    the same digest comes as ``Unchanged`` and is not parsed.
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            stream = open(name, "rb")  # noqa: SIM115 - the generator closes it, below
        except OSError as exc:
            raise SourceError(f"cannot read {name}: {exc.strerror}") from None
    else:
        name, stream = str(getattr(source, "name", "input")), source
    try:
        yield from _stream_records(*_unzipped(stream, name), name, known)
    finally:
        if stream is not source:
            stream.close()


def _unzipped(stream: IO[bytes], name: str) -> tuple[Rewound, str, bytes]:
    """The stream unzipped, with its root element's name and its first bytes."""
    head = read_head(stream, name, 2)
    if head[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=Rewound(head, stream), mode="rb")
        head = b""
    head += read_head(stream, name, _SNIFF_BYTES)
    root = root_element(head)
    if root not in PUBMED_ROOTS:
        found = f"root element <{root}>" if root else "it does not start with an XML element"
        raise SourceError(f"{name} is not a PubMed XML file ({found})")
    return Rewound(head, stream), root, head


# A root start tag that declares namespaces, or entities declared in the DOCTYPE: an article's bytes alone
# would lose them, so such a file is parsed whole (``_tree_records``).
_ROOT_NAMESPACES = re.compile(rb"<(?:PubmedArticleSet|MedlineCitationSet)\b[^>]*\bxmlns\b")


def _stream_records(stream: Rewound, root: str, head: bytes, name: str,
                    known: Known | None) -> Iterator[PaperRecord | RecordError | Unchanged]:
    utf8 = declares_utf8(head)
    if not utf8 or b"<!ENTITY" in head or _ROOT_NAMESPACES.search(head):
        yield from _tree_records(RepairedUtf8(stream) if utf8 else stream, name, known)
        return
    tags = ("MedlineCitation",) if root in ("MedlineCitationSet", "MedlineCitation") else ("PubmedArticle", "PubmedBookArticle")
    articles = Articles(stream, tags)
    ahead = KNOWN_CHUNK if known else 1
    chunk: list[tuple[int, str, bytes, str]] = []  # (position, PMID, the article's bytes, digest)
    # PMIDs built in this stream, so that a later copy of one is never "unchanged": some
    # 70 bytes a record, kept only while asking ``known`` (2 MB for a baseline file)
    parsed: set[str] = set()
    position = 0
    try:
        for data in articles:
            position += 1
            if data.startswith(b"<PubmedBookArticle"):
                continue  # NCBI Bookshelf chapters are not papers
            data = repaired_utf8(data)
            chunk.append((position, _pmid_in(data), data, _digest(data)))
            if len(chunk) >= ahead:
                yield from _read_articles(chunk, known, parsed)
                chunk.clear()
    except (OSError, EOFError, zlib.error) as exc:
        yield from _read_articles(chunk, known, parsed)
        yield RecordError(position + 1, f"{name}: file ends early, reading stopped: {exc}")
        return
    yield from _read_articles(chunk, known, parsed)
    if articles.truncated:
        yield RecordError(position + 1, f"{name}: file ends early, inside record {position + 1}")


def _digest(text: bytes) -> str:
    """The digest a record is known by: its parser's version and its article's text, as sent."""
    return hashlib.sha256(f"{PARSER_VERSION}\n".encode() + text).hexdigest()[:32]


_PMID = re.compile(rb"<PMID\b[^>]*>\s*([^<]*?)\s*</PMID>")
_parsers = threading.local()  # an lxml parser must not be shared between threads
# No entity expansion, no network, no size limit (a baseline file is hundreds of MB), comments dropped: one set of
# options for an article parsed on its own and for a file parsed whole.
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": True, "remove_comments": True}


def _pmid_in(data: bytes) -> str:
    """The article's own PMID, the first in its bytes (MedlineCitation opens with it), or ""."""
    m = _PMID.search(data)
    return m.group(1).decode("utf-8", "replace") if m else ""


def _without_references(data: bytes) -> bytes:
    """The article without its ReferenceList (PubmedData's last part, nested lists included), which no field is
    read from: a recent article cites dozens of papers, so its references can be most of its bytes. ``raw`` keeps
    them; only the tree is built without."""
    start = data.find(b"<ReferenceList")
    if start < 0:
        return data
    end = data.rfind(b"</ReferenceList>")
    return data[:start] + data[end + len(b"</ReferenceList>"):] if end > start else data


def _article_parser() -> etree.XMLParser:
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = etree.XMLParser(**_PARSER_OPTIONS)
    return parser


def _read_articles(chunk: list[tuple[int, str, bytes, str]], known: Known | None,
                   parsed: set[str]) -> Iterator[PaperRecord | RecordError | Unchanged]:
    """The chunk's records in order: one already held with the same digest is not even parsed."""
    held = _held(known, parsed, ((pmid, digest) for _, pmid, _, digest in chunk))
    for position, pmid, data, digest in chunk:
        if pmid in held:
            yield Unchanged(position, pmid)
            continue
        if known:
            parsed.add(pmid)
        try:
            element = etree.fromstring(_without_references(data), _article_parser())
        except etree.XMLSyntaxError as exc:
            yield RecordError(position, f"XML syntax error in the article: {exc.msg}", pmid)
            continue
        yield _record_or_error(element, position, data.decode("utf-8"), digest)


def _held(known: Known | None, parsed: set[str], pairs: Iterator[tuple[str, str]]) -> Container[str]:
    """The PMIDs ``known`` already holds with these digests; none that this stream has built already."""
    return known({pmid: digest for pmid, digest in pairs if pmid and pmid not in parsed}) if known else ()


def _tree_records(stream: Rewound | RepairedUtf8, name: str,
                  known: Known | None) -> Iterator[PaperRecord | RecordError | Unchanged]:
    """Records of a file parsed whole, each article serialised from its tree: for a file whose articles
    need what lies outside them (namespaces on the root, entities in the DOCTYPE) or that is not UTF-8.
    An XML syntax error here ends the stream, keeping every record before it."""
    events = etree.iterparse(stream, events=("end",), tag=_ARTICLE_TAGS, **_PARSER_OPTIONS)
    ahead = KNOWN_CHUNK if known else 1
    chunk: list[tuple[int, etree._Element, str]] = []
    parsed: set[str] = set()
    position = 0
    try:
        for _, element in events:
            parent = element.getparent()
            if element.tag == "MedlineCitation" and parent is not None and parent.tag == "PubmedArticle":
                continue  # read with its PubmedArticle, which ends next
            position += 1
            if element.tag != "PubmedBookArticle":
                chunk.append((position, element, _pmid_of(element)))
            if len(chunk) >= ahead or not chunk:
                yield from _read_chunk(chunk, known, parsed)
                chunk.clear()
                element.clear(keep_tail=False)
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
    except etree.XMLSyntaxError as exc:
        yield from _read_chunk(chunk, known, parsed)
        yield RecordError(position + 1, f"{name}: XML syntax error, reading stopped: {exc}")
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield from _read_chunk(chunk, known, parsed)
        yield RecordError(position + 1, f"{name}: file ends early, reading stopped: {exc}")
        return
    yield from _read_chunk(chunk, known, parsed)


def _read_chunk(chunk: list[tuple[int, etree._Element, str]], known: Known | None,
                parsed: set[str]) -> Iterator[PaperRecord | RecordError | Unchanged]:
    """The chunk's records in order, each article's tree emptied once read."""
    raws = [etree.tostring(element, encoding="unicode", with_tail=False) for _, element, _ in chunk]
    digests = [_digest(raw.encode()) for raw in raws]
    held = _held(known, parsed, ((pmid, digest) for (_, _, pmid), digest in zip(chunk, digests)))
    for (position, element, pmid), raw, digest in zip(chunk, raws, digests):
        if pmid in held:
            yield Unchanged(position, pmid)
        else:
            if known:
                parsed.add(pmid)
            yield _record_or_error(element, position, raw, digest)
        element.clear(keep_tail=False)


def _pmid_of(element: etree._Element) -> str:
    """The article's PMID without reading the rest of it ("" when it has none)."""
    for citation in (element[:] if element.tag != "MedlineCitation" else [element]):
        if citation.tag == "MedlineCitation":
            for child in citation[:]:
                if child.tag == "PMID":
                    return _atom(child.text)
            return ""
    return ""


def _record_or_error(element: etree._Element, position: int, raw: str, digest: str) -> PaperRecord | RecordError:
    try:
        return _record(element, position, raw, digest)
    except Exception as exc:  # noqa: BLE001 - any surprise in one record must not end the file
        pmid = squash(element.findtext(".//PMID"))
        return RecordError(position, f"unreadable record ({type(exc).__name__}: {exc})", pmid)


def _record(element: etree._Element, position: int, raw: str, digest: str) -> PaperRecord | RecordError:
    # This runs 30,000 times a file, so every level is read by looping over its
    # children once. Never find() or findtext(): lxml runs those through its
    # Python ElementPath, microseconds each. Loops go over element[:], a list
    # lxml builds in C, which is twice as fast as iterating the element itself.
    if element.tag == "PubmedArticle":
        citation = data = None
        for part in element[::-1]:  # the first of each, as find() gives
            if part.tag == "MedlineCitation":
                citation = part
            elif part.tag == "PubmedData":
                data = part
        if citation is None:
            return RecordError(position, "PubmedArticle without MedlineCitation")
    else:
        citation, data = element, None
    warnings: list[str] = []
    cited = _children(citation, _CITATION_CHILDREN, warnings)
    pmid = _atom(cited["PMID"][0].text) if "PMID" in cited else ""
    if not pmid.isdigit():
        return RecordError(position, f"PMID {pmid!r} is not a number" if pmid else "no PMID", pmid)
    if "Article" not in cited:
        return RecordError(position, "no Article element", pmid)
    article = _children(cited["Article"][0], _ARTICLE_CHILDREN, warnings)
    title, title_html = _title(article, warnings)
    journal = article["Journal"][0] if "Journal" in article else None
    journal_fields = _texts(journal) if journal is not None else {}
    pub_date, year, month, day = _pub_date(journal, article, warnings)
    doi, pmcid = _ids(cited, article, data)
    types = tuple(_atom(t.text) for t in _grandchildren(article, "PublicationTypeList"))
    corrections = tuple(
        Correction(ref_type=c.get("RefType", ""), pmid=_atom(_texts(c).get("PMID")),
                   source=squash(_texts(c).get("RefSource")))
        for c in _grandchildren(cited, "CommentsCorrectionsList") if c.get("RefType") in CORRECTION_TYPES
    )
    return PaperRecord(
        source="pubmed",
        source_id=pmid,
        pmid=pmid,
        title=title,
        title_html=title_html,
        doi=doi,
        pmcid=pmcid,
        journal=squash(journal_fields.get("Title")) or _medline_ta(citation),
        journal_iso=squash(journal_fields.get("ISOAbbreviation")),
        pub_date=pub_date,
        year=year,
        month=month,
        day=day,
        authors=_authors(_grandchildren(article, "AuthorList")),
        abstract=_sections(article["Abstract"][0], "", warnings) if "Abstract" in article else (),
        other_abstracts=tuple(
            section for other in cited.get("OtherAbstract", ())
            for section in _sections(other, other.get("Type", ""), warnings)
        ),
        keywords=tuple(k for k in map(element_text, _grandchildren(cited, "KeywordList")) if k),
        mesh=_mesh(_grandchildren(cited, "MeshHeadingList")),
        publication_types=types,
        language=_atom(article["Language"][0].text) if "Language" in article else "",
        grants=tuple(
            Grant(grant_id=_atom(fields.get("GrantID")), agency=squash(fields.get("Agency")),
                  country=_atom(fields.get("Country")))
            for fields in map(_texts, _grandchildren(article, "GrantList"))
        ),
        corrections=corrections,
        retracted="Retracted Publication" in types or any(c.ref_type == "RetractionIn" for c in corrections),
        revised=_date_element(cited["DateRevised"][0], "DateRevised", warnings) if "DateRevised" in cited else "",
        raw=raw,
        digest=digest,
        warnings=tuple(warnings) + (("invalid UTF-8 bytes were replaced with \ufffd",) if "\ufffd" in raw else ()),
    )


Children = dict[str, list[etree._Element]]


def _children(element: etree._Element, known: frozenset[str], warnings: list[str]) -> Children:
    """The element's children by tag, in order; tags the DTDs do not know are reported."""
    found: Children = {}
    for child in element[:]:
        tag = child.tag
        if tag in known:
            if tag in found:
                found[tag].append(child)
            else:
                found[tag] = [child]
        elif isinstance(tag, str):
            warnings.append(f"unknown element <{tag}> in <{element.tag}>")
    return found


def _texts(element: etree._Element) -> dict[str, str | None]:
    """The text of the first child of each tag, as ``findtext(tag)`` gives it, in one pass.

    An empty child maps to None where findtext gives "": squash and _atom read both as "".
    """
    texts: dict[str, str | None] = {}
    for child in element[::-1]:  # backwards, so that the first of a tag is the one left
        texts[child.tag] = child.text
    return texts


def _grandchildren(children: Children, tag: str) -> list[etree._Element]:
    """The items of list elements such as AuthorList (several KeywordLists are allowed)."""
    return [item for parent in children.get(tag, ()) for item in parent[:] if isinstance(item.tag, str)]


def _first_grandchild(element: etree._Element, tag: str, child_tag: str) -> etree._Element | None:
    """What ``find(f"{tag}/{child_tag}")`` gives: the first such grandchild under any ``tag`` child."""
    for parent in element[:]:
        if parent.tag == tag:
            for child in parent[:]:
                if child.tag == child_tag:
                    return child
    return None


def _medline_ta(citation: etree._Element) -> str:
    """The journal's MEDLINE abbreviation, shown when the Journal has no Title."""
    abbreviation = _first_grandchild(citation, "MedlineJournalInfo", "MedlineTA")
    return squash(abbreviation.text) if abbreviation is not None else ""


def _title(article: Children, warnings: list[str]) -> tuple[str, str]:
    for element in article.get("ArticleTitle", []) + article.get("VernacularTitle", []):
        text = element_text(element)
        if text:
            break
    else:
        warnings.append("no title")
        return "", ""
    if len(text) > MAX_TITLE:
        text = cap(text, MAX_TITLE, "title", warnings)
        return text, escape(text, quote=False)
    if len(element) == 0:
        return text, escape(text, quote=False)
    return text, element_html(element)


def _sections(element: etree._Element, kind: str, warnings: list[str]) -> tuple[AbstractSection, ...]:
    sections = []
    what = f"{kind or 'abstract'} section"
    for part in element[:]:
        if part.tag == "AbstractText":
            text = element_text(part)
            if len(text) > MAX_SECTION:
                text = cap(text, MAX_SECTION, what, warnings)
            if text:
                sections.append(AbstractSection(text, squash(part.get("Label")), kind or part.get("NlmCategory", "")))
    return tuple(sections)


def _pub_date(journal: etree._Element | None, article: Children,
              warnings: list[str]) -> tuple[str, int | None, int | None, int | None]:
    """The issue date as printed and as numbers; the electronic date fills in a missing year."""
    printed, year, month, day, problems = "", None, None, None, ()
    date = _first_grandchild(journal, "JournalIssue", "PubDate") if journal is not None else None
    if date is not None:
        fields = _texts(date)
        if "MedlineDate" in fields:
            printed = squash(fields["MedlineDate"])
            year, month, day, problems = printed_date(printed)
        else:
            printed, year, month, day, problems = _issue_date(
                fields.get("Year"), fields.get("Month"), fields.get("Day"), fields.get("Season"))
    warnings.extend(f"PubDate: {problem}" for problem in problems)
    if year is None:
        for electronic in article.get("ArticleDate", [])[:1]:
            iso, year, month, day, _ = _dated(*_ymd(electronic))
            printed = printed or iso
    return printed, year, month, day


@lru_cache(maxsize=4096)
def _issue_date(year: str | None, month: str | None, day: str | None,
                season: str | None) -> tuple[str, int | None, int | None, int | None, tuple[str, ...]]:
    """A PubDate as printed and as numbers, remembered: a file's issues share a few hundred dates."""
    parts = squash(year), squash(month), squash(day)
    printed = " ".join(p for p in (parts[0], parts[1] or squash(season), parts[2]) if p)
    y, m, d, problems = date_parts(*parts)
    return printed, y, m, d, tuple(problems)


def _date_element(element: etree._Element | None, what: str, warnings: list[str]) -> str:
    if element is None:
        return ""
    iso, _, _, _, problems = _dated(*_ymd(element))
    warnings.extend(f"{what}: {problem}" for problem in problems)
    return iso


def _ymd(element: etree._Element) -> tuple[str | None, str | None, str | None]:
    fields = _texts(element)
    return fields.get("Year"), fields.get("Month"), fields.get("Day")


@lru_cache(maxsize=4096)
def _dated(year: str | None, month: str | None,
           day: str | None) -> tuple[str, int | None, int | None, int | None, tuple[str, ...]]:
    """A Year/Month/Day element as an ISO date and numbers, remembered: most revised dates repeat."""
    y, m, d, problems = date_parts(squash(year), squash(month), squash(day))
    return iso_date(y, m, d), y, m, d, tuple(problems)


def _ids(citation: Children, article: Children, data: etree._Element | None) -> tuple[str, str]:
    """DOI and PMC id. Only the article's own ArticleIdList counts: the ReferenceList
    beside it holds the ids of every paper it cites."""
    doi = pmcid = ""
    if data is not None:
        for ids in data[:]:
            if ids.tag == "ArticleIdList":
                for item in ids[:]:
                    if item.tag == "ArticleId":
                        kind = item.get("IdType")
                        if kind == "doi" and not doi:
                            doi = squash(item.text)
                        elif kind == "pmc" and not pmcid:
                            pmcid = squash(item.text)
    if not doi:
        for location in article.get("ELocationID", ()):
            if location.get("EIdType") == "doi" and location.get("ValidYN", "Y") == "Y":
                doi = squash(location.text)
                break
    if not pmcid:
        for other in citation.get("OtherID", ()):
            text = squash(other.text)
            if text.startswith("PMC"):
                pmcid = text.split()[0]
                break
    return doi, pmcid


def _authors(elements: list[etree._Element]) -> tuple[Author, ...]:
    # One loop over every author's children, with _atom inlined: this runs for
    # six or more authors of 30,000 articles a file.
    authors = []
    for element in elements:
        last = fore = initials = collective = orcid = ""
        affiliations = []
        for child in element[:]:
            tag = child.tag
            if tag == "LastName":
                last = (child.text or "").strip()
            elif tag == "ForeName":
                fore = (child.text or "").strip()
            elif tag == "Initials":
                initials = (child.text or "").strip()
            elif tag == "AffiliationInfo":
                for affiliation in child[:]:
                    if affiliation.tag == "Affiliation":
                        text = element_text(affiliation)
                        if text:
                            affiliations.append(text)
                        break
            elif tag == "CollectiveName":
                collective = element_text(child)
            elif tag == "Identifier" and child.get("Source") == "ORCID":
                orcid = normalise_orcid(child.text or "")
            elif tag == "Affiliation":  # DTDs before 2015
                text = element_text(child)
                if text:
                    affiliations.append(text)
        affiliation = affiliations[0] if len(affiliations) == 1 else "; ".join(affiliations)
        # positional, in the order Author declares its fields: keywords cost a third more here
        authors.append(Author(last, fore, initials, collective, affiliation, orcid))
    return tuple(authors)


def _atom(text: str | None) -> str:
    """A one-word or one-line field (names, ids, codes): only its ends can carry spaces."""
    return text.strip() if text else ""


def normalise_orcid(value: str) -> str:
    """``0000-0002-1825-0097`` from a bare, URL or undashed ORCID; other text as given."""
    match = _ORCID.search(value)
    return "-".join(match.groups()) if match else squash(value)


def _mesh(elements: list[etree._Element]) -> tuple[MeshHeading, ...]:
    """The MeshHeadings; one without a DescriptorName is dropped.

    Ten or more headings an article, from a vocabulary of some 30,000 descriptors,
    so most repeat within a file. An equal heading already built is reused: a
    frozen dataclass costs several times the dictionary look-up to build.
    """
    headings = []
    for heading in elements:
        descriptor, major, qualifiers = None, False, []
        for child in heading[:]:
            tag = child.tag
            if tag == "DescriptorName":
                descriptor = child
                major = major or child.get("MajorTopicYN") == "Y"
            elif tag == "QualifierName":
                qualifiers.append((child.text or "").strip())
                major = major or child.get("MajorTopicYN") == "Y"
        if descriptor is not None:
            key = ((descriptor.text or "").strip(), descriptor.get("UI", ""), major, tuple(qualifiers))
            found = _MESH_SEEN.get(key)
            if found is None:
                if len(_MESH_SEEN) >= _MESH_SEEN_MAX:
                    _MESH_SEEN.clear()
                name, ui, major, qualified = key
                found = _MESH_SEEN[key] = MeshHeading(descriptor=name, ui=ui, major=major, qualifiers=qualified)
            headings.append(found)
    return tuple(headings)
