"""One PubMed article's tree read into a ``PaperRecord``: its fields as every DTD from 2016 to 2025 prints them.

``pubmed`` cuts a file into articles and parses each; this reads the tree it
gets, with the author and MeSH lists that ``pubmed_blocks`` read from the bytes
where it could. It runs 30,000 times for a baseline file, so each level of the
tree is read in one loop over its children, and what repeats between articles
(MeSH headings, issue dates) is built once and reused.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from lxml import etree

from .base import AbstractSection, Author, Correction, Grant, MeshHeading, PaperRecord, RecordError
from .markup import element_html, element_text
from .pubmed_blocks import Blocks
from .text import (
    MAX_SECTION,
    MAX_TITLE,
    cap,
    date_parts,
    iso_date,
    normalise_orcid,
    printed_date,
    squash,
)

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
_NO_BLOCKS = Blocks()
_ARTICLE_CHILDREN = frozenset({
    "Journal", "ArticleTitle", "Pagination", "ELocationID", "Abstract", "AuthorList",
    "Language", "DataBankList", "GrantList", "PublicationTypeList", "VernacularTitle",
    "ArticleDate", "Affiliation",
})


def read_article(element: etree._Element, position: int, raw: str, digest: str,
                 blocks: Blocks | None = None) -> PaperRecord | RecordError | None:
    """The article's record, or a ``RecordError`` saying why it cannot be read; never an exception.

    ``blocks`` holds what ``pubmed_blocks.cut_blocks`` read from the bytes ``element`` was parsed from. Where
    a block was cut from another place than the one it is read from (an AuthorList outside the Article), the
    tree lacks what some other field may read there: then the answer is None, and the caller must read the
    tree of the whole article instead.
    """
    try:
        return _record(element, position, raw, digest, blocks or _NO_BLOCKS)
    except Exception as exc:  # noqa: BLE001 - any surprise in one record must not end the file
        pmid = squash(element.findtext(".//PMID"))
        return RecordError(position, f"unreadable record ({type(exc).__name__}: {exc})", pmid)


def _record(element: etree._Element, position: int, raw: str, digest: str,
            blocks: Blocks) -> PaperRecord | RecordError | None:
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
    if (blocks.authors is not None and "AuthorList" not in article) or (
            blocks.mesh is not None and "MeshHeadingList" not in cited):
        return None
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
        # a block read from the bytes is the one element of its name, its children left out of the tree
        authors=blocks.authors if blocks.authors is not None else _authors(_grandchildren(article, "AuthorList")),
        abstract=_sections(article["Abstract"][0], "", warnings) if "Abstract" in article else (),
        other_abstracts=tuple(
            section for other in cited.get("OtherAbstract", ())
            for section in _sections(other, other.get("Type", ""), warnings)
        ),
        keywords=tuple(k for k in map(element_text, _grandchildren(cited, "KeywordList")) if k),
        mesh=blocks.mesh if blocks.mesh is not None else _mesh(_grandchildren(cited, "MeshHeadingList")),
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


def _remember(key: tuple, heading: MeshHeading) -> MeshHeading:
    if len(_MESH_SEEN) >= _MESH_SEEN_MAX:
        _MESH_SEEN.clear()
    _MESH_SEEN[key] = heading
    return heading


def _mesh(elements: list[etree._Element]) -> tuple[MeshHeading, ...]:
    """The MeshHeadings of a tree; one without a DescriptorName is dropped.

    Ten or more headings an article, from a vocabulary of some 30,000 descriptors,
    so most repeat within a file. An equal heading already built is reused: a
    frozen dataclass costs several times the dictionary look-up to build.
    """
    headings = []
    for heading in elements:
        fields = _heading_fields(heading)
        if fields is not None:
            found = _MESH_SEEN.get(fields)
            headings.append(found if found is not None else _remember(fields, MeshHeading(*fields)))
    return tuple(headings)


def _heading_fields(heading: etree._Element) -> tuple[str, str, bool, tuple[str, ...]] | None:
    """A MeshHeading's descriptor, its UI, whether it is a major topic, and its qualifiers; None without a descriptor."""
    descriptor, major, qualifiers = None, False, []
    for child in heading[:]:
        tag = child.tag
        if tag == "DescriptorName":
            descriptor = child
            major = major or child.get("MajorTopicYN") == "Y"
        elif tag == "QualifierName":
            qualifiers.append((child.text or "").strip())
            major = major or child.get("MajorTopicYN") == "Y"
    if descriptor is None:
        return None
    return (descriptor.text or "").strip(), descriptor.get("UI", ""), major, tuple(qualifiers)
