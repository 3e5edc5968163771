"""Read PubMed XML of every vintage into PaperRecords, one record at a time.

The same parser reads E-utilities efetch answers, the annual baseline and daily
update files (``MedlineCitationSet`` from 2016, ``PubmedArticleSet`` since), plain
or gzipped. A baseline file holds 30,000 articles, so the stream is cut into its
articles' own bytes (``xmlstream.Articles``) and each is parsed on its own: memory
stays flat however large the file, a syntax error costs only its own article, and
an article already stored with the same digest is not parsed at all; ``pubmed_record``
reads each article's tree into its record. A bad record becomes a ``RecordError`` and
the stream goes on; only a file that is not PubMed XML at all raises ``SourceError``.
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
from typing import IO

from lxml import etree

from .base import Known, PaperRecord, RecordError, SourceError, Unchanged
from .pubmed_blocks import cut_blocks
from .pubmed_record import read_article
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
    """The digest a record is known by: its parser's version and its article's text, as sent
    (fed in two parts, so that the article's bytes are not copied behind the version)."""
    digest = hashlib.sha256(f"{PARSER_VERSION}\n".encode())
    digest.update(text)
    return digest.hexdigest()[:32]


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
        article = _without_references(data)
        tree_bytes, blocks = cut_blocks(article)
        raw = data.decode("utf-8")
        try:
            record = read_article(etree.fromstring(tree_bytes, _article_parser()), position, raw, digest, blocks)
        except etree.XMLSyntaxError:
            record = None  # parsed whole below, for the error as the article's own bytes show it
        if record is None:
            try:
                record = read_article(etree.fromstring(article, _article_parser()), position, raw, digest)
            except etree.XMLSyntaxError as exc:
                record = RecordError(position, f"XML syntax error in the article: {exc.msg}", pmid)
        yield record


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
            yield read_article(element, position, raw, digest)
        element.clear(keep_tail=False)


def _pmid_of(element: etree._Element) -> str:
    """The article's PMID without reading the rest of it ("" when it has none)."""
    for citation in (element[:] if element.tag != "MedlineCitation" else [element]):
        if citation.tag == "MedlineCitation":
            for child in citation[:]:
                if child.tag == "PMID":
                    return (child.text or "").strip()
            return ""
    return ""
