"""An article's two bulkiest lists of elements read from its bytes: its AuthorList and its MeshHeadingList.

They hold most of a typical article's elements and nearly all its attributes. For
each element libxml2 builds a node, and ``pubmed_record`` creates a Python proxy
to read the node's tag, text and attributes. Here each list is read with compiled
patterns instead, and its content is cut from the bytes that libxml2 parses. The
list's start and end tags stay, so the tree keeps the element where it stood, and
``pubmed_record`` takes what was read here in place of the element's children.
(Text-heavy parts such as the abstract are left to libxml2, which scans text
faster than a pattern can check it.)

A pattern accepts only the shapes NLM prints: a fixed set of tags and attributes,
attributes in either order, and spaces and line breaks between tags. Text must be
well-formed and read in the tree exactly as it stands (``_clean``), which rules out:
- ``<``, so there is no markup, and ``&`` but in the five entities that XML predefines;
- CR, which XML turns into LF;
- any character that XML forbids, and ``]]>``.
A list that does not match in full, from its start tag to its end tag, stays in
the tree and is read from there. So what is read here is what the tree would give,
and a syntax error in the article is still found by libxml2 in the bytes left to
it (``pubmed`` then parses the whole article again to report the error as it stands).

A tag can stand inside text only in a comment, a CDATA section or a processing
instruction. In an article with none of those, every ``<`` opens a tag. A list is
cut only where its start tag occurs once in the article, so the one element of
that name in the tree is the list that was cut; ``pubmed_record`` checks that it
stands where the list is read.
"""

from __future__ import annotations

import re

from .base import Author, MeshHeading
from .text import normalise_orcid, squash

_W = rb"[ \t\n\r]*"  # between tags: a tail, which nothing reads
_T = rb"[^<]*"  # text, which ``_clean`` must then pass
_V = rb'"[^"<&\t\n]*"'  # an attribute value (XML turns TAB and LF into spaces there)
_SPACE = re.compile(_W)
_SPACES = b" \t\n\r"
# what follows a block's "<AuthorList": its attributes, left to libxml2 ("<AuthorListX" does not match)
_START_TAG_REST = re.compile(rb'(?: [A-Za-z]+="[^"<]*")*>')
_CONTROLS = bytes(range(9)) + b"\x0b\x0c" + bytes(range(14, 32))  # the bytes below 32 that XML forbids


def _group(pattern: bytes) -> bytes:
    return b"(" + pattern + b")"


def _either_order(first: bytes, second: bytes) -> bytes:
    """Two optional attributes in either order, each at most once (XML forbids a repeated attribute)."""
    return rb"(?: " + first + rb"(?: " + second + rb")?| " + second + rb"(?: " + first + rb")?)?"


def _identifier(value: bytes, text: bytes) -> bytes:
    return rb"<Identifier Source=" + value + rb">" + text + rb"</Identifier>" + _W


_IDENTIFIERS = rb"(?:" + _identifier(_V, _T) + rb")*"
_AFFILIATION_INFO = rb"<AffiliationInfo>" + _W + rb"<Affiliation>%s</Affiliation>" + _W + _IDENTIFIERS + rb"</AffiliationInfo>" + _W
_AUTHOR = re.compile(
    _W + rb"<Author" + _either_order(rb'ValidYN="[YN]"', rb'EqualContrib="[YN]"') + rb">" + _W
    + rb"(?:<LastName>" + _group(_T) + rb"</LastName>" + _W
    + rb"(?:<ForeName>" + _group(_T) + rb"</ForeName>" + _W + rb")?"
    + rb"(?:<Initials>" + _group(_T) + rb"</Initials>" + _W + rb")?"
    + rb"(?:<Suffix>" + _T + rb"</Suffix>" + _W + rb")?"
    + rb"|<CollectiveName>" + _group(_T) + rb"</CollectiveName>" + _W + rb")"
    + _group(_IDENTIFIERS)
    # the first affiliation apart: most authors have one
    + rb"(?:" + _AFFILIATION_INFO % _group(_T) + _group(rb"(?:" + _AFFILIATION_INFO % _T + rb")*") + rb")?"
    + rb"</Author>"
)
_IDENTIFIER = re.compile(_identifier(_group(_V), _group(_T)))
_AFFILIATION = re.compile(rb"<Affiliation>" + _group(_T) + rb"</Affiliation>")


def _mesh_name(tag: bytes, ui: bytes, flag: bytes, extra: bytes = b"") -> bytes:
    """A DescriptorName or QualifierName start tag: MajorTopicYN and an optional ``extra`` (Type),
    with an optional UI before or after them."""
    return (rb"<" + tag + rb"(?:(?: UI=" + ui + rb")? MajorTopicYN=" + flag + extra
            + rb"| MajorTopicYN=" + flag + extra + rb"(?: UI=" + ui + rb")?)>")


_YN = rb'"([YN])"'
_HEADING = re.compile(  # up to its end tag, which the list is split at
    _W + rb"<MeshHeading>" + _W
    + _mesh_name(b"DescriptorName", _group(_V), _YN, rb"(?: Type=" + _V + rb")?")
    + _group(_T) + rb"</DescriptorName>" + _W
    + _group(rb"(?:" + _mesh_name(b"QualifierName", _V, rb'"[YN]"') + _T + rb"</QualifierName>" + _W + rb")*")
)
_QUALIFIER = re.compile(_mesh_name(b"QualifierName", _V, _YN) + _group(_T) + rb"</QualifierName>")

_HEADINGS_SEEN: dict[bytes, MeshHeading] = {}  # a heading's bytes -> the heading; bounded, so memory stays flat
_HEADINGS_SEEN_MAX = 20_000


class Blocks:
    """What was read from the bytes; None where a block stayed in the tree."""

    __slots__ = ("authors", "mesh")

    def __init__(self) -> None:
        self.authors: tuple[Author, ...] | None = None
        self.mesh: tuple[MeshHeading, ...] | None = None


def cut_blocks(data: bytes) -> tuple[bytes, Blocks | None]:
    """The article's bytes for libxml2, the content of each block read here cut out, and what was read.

    The blocks are looked for in the order NLM prints them; one found out of that order stays in the tree.
    """
    # each test is a memchr first: a search for two bytes that start with "<" costs ten times more
    if (b"!" in data and b"<!" in data) or (b"?" in data and b"<?" in data):
        return data, None
    blocks, pieces, at = Blocks(), [], 0
    for name, read, field in _BLOCKS:
        begin = _content(data, name, at)
        found = read(data, begin) if begin is not None else None
        if found is None:
            continue
        value, end = found
        if not data.startswith(b"</" + name + b">", end):
            continue
        setattr(blocks, field, value)
        pieces.append(data[at:begin])
        at = end
    if not pieces:
        return data, None
    pieces.append(data[at:])
    return b"".join(pieces), blocks


def _content(data: bytes, name: bytes, at: int) -> int | None:
    """Where the block's content begins, when ``<name`` occurs once in the article, from ``at`` on, and opens a
    start tag that declares no namespace (which would rename the children)."""
    opening = b"<" + name
    start = data.find(opening)
    if start < at or data.rfind(opening) != start:  # one search from each end: the article is scanned once
        return None
    attributes = _START_TAG_REST.match(data, start + len(opening))
    if attributes is None or b"xmlns" in attributes.group():
        return None
    return attributes.end()


def _clean(text: bytes) -> bool:
    """Whether the text in these bytes reads as ``_text`` reads it and holds nothing XML forbids: no reference
    but to the five entities XML predefines, no CR, no control character, no "]]>", no U+FFFE or U+FFFF."""
    return not ((b"&" in text and _OTHER_REFERENCE.search(text) is not None) or b"\r" in text
                or len(text.translate(None, _CONTROLS)) != len(text) or (b"]" in text and b"]]>" in text)
                or (b"\xef" in text and (b"\xef\xbf\xbe" in text or b"\xef\xbf\xbf" in text)))


_OTHER_REFERENCE = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)")


def _text(text: bytes) -> str:
    """Text that ``_clean`` passed, as the tree gives it ("&amp;" is common: "prevention &amp; control")."""
    text = text.decode()
    if "&" in text:
        text = (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
                .replace("&amp;", "&"))
    return text


def _read_authors(data: bytes, at: int) -> tuple[tuple[Author, ...], int] | None:
    """Each Author as ``pubmed_record._authors`` reads it from the tree, and where the end tag is."""
    begin, authors = at, []
    # six or more authors an article, four texts each: where the list holds no entity, a plain decode is enough
    end = data.find(b"</AuthorList>", at)
    text_of = _text if end < 0 or data.find(b"&", at, end) >= 0 else bytes.decode
    while (m := _AUTHOR.match(data, at)) is not None:
        last, fore, initials, collective, identifiers, affiliation, more = m.groups()
        orcid = ""
        if identifiers:
            for source, text in _IDENTIFIER.findall(identifiers):
                if source == b'"ORCID"':
                    orcid = normalise_orcid(text_of(text))  # the last one, as the tree gives
        if more:
            affiliation = "; ".join(
                text for text in (squash(text_of(a)) for a in [affiliation, *_AFFILIATION.findall(more)]) if text)
        else:
            affiliation = squash(text_of(affiliation)) if affiliation else ""
        authors.append(Author(
            text_of(last).strip() if last else "", text_of(fore).strip() if fore else "",
            text_of(initials).strip() if initials else "", squash(text_of(collective)) if collective else "",
            affiliation, orcid,
        ))
        at = m.end()
    at = _SPACE.match(data, at).end()
    return (tuple(authors), at) if _clean(data[begin:at]) else None


def _read_mesh(data: bytes, at: int) -> tuple[tuple[MeshHeading, ...], int] | None:
    """The headings, and where the end tag is.

    The list is split after each heading, and a heading already read from the same bytes is reused, found by
    them without matching them again: a file's headings come from a vocabulary of some 30,000, so most repeat.
    """
    end = data.find(b"</MeshHeadingList>", at)  # the first: it cannot stand in text or in an attribute
    if end < 0:
        return None
    *pieces, rest = data[at:end].split(b"</MeshHeading>")
    if rest.strip(_SPACES):
        return None
    headings = []
    for piece in pieces:
        heading = _HEADINGS_SEEN.get(piece)
        if heading is None:
            m = _HEADING.fullmatch(piece)
            if m is None or not _clean(piece):
                return None
            ui, major, other_major, other_ui, descriptor, qualifiers = m.groups()
            ui = ui or other_ui
            found = _QUALIFIER.findall(qualifiers) if qualifiers else ()
            heading = MeshHeading(
                _text(descriptor).strip(), ui[1:-1].decode() if ui else "",
                b"Y" in (major, other_major) or any(b"Y" in q[:2] for q in found),
                tuple(_text(q[2]).strip() for q in found),
            )
            if len(_HEADINGS_SEEN) >= _HEADINGS_SEEN_MAX:
                _HEADINGS_SEEN.clear()
            _HEADINGS_SEEN[piece] = heading
        headings.append(heading)
    return tuple(headings), end


_BLOCKS = (  # (element name, its reader, the field of Blocks it fills), in the order NLM prints them
    (b"AuthorList", _read_authors, "authors"),
    (b"MeshHeadingList", _read_mesh, "mesh"),
)
