"""Byte streams under the XML parser: sniffed, unzipped, repaired and recorded.

A PubMed file is sniffed before it is parsed (gzip? which root element? which
encoding?), so its first bytes are read and put back; invalid UTF-8 is repaired
before libxml2 sees it; and what the parser reads is kept just long enough to cut
each article's own bytes out as its provenance.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import IO

from .base import SourceError

_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.DOTALL)
_ROOT = re.compile(rb"\s*<([A-Za-z_][\w.:-]*)")
_AFTER_NAME = (b">", b" ", b"\t", b"\n", b"\r", b"/")


class Rewound:
    """A stream whose first bytes were read to sniff it, with those bytes put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head, self._rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if not self._head:
            return self._rest.read(size)
        if size is None or size < 0:
            data, self._head = self._head + self._rest.read(), b""
        else:
            data, self._head = self._head[:size], self._head[size:]
        return data


class RepairedUtf8:
    """A UTF-8 byte stream with invalid bytes replaced by U+FFFD.

    libxml2 stops the whole document at the first invalid byte, which in a
    30,000-record baseline file would lose every record after it. NLM files are
    UTF-8, so a stray byte is damage to one record: it is replaced here, and the
    record that holds it gets a warning (``pubmed._record``).
    """

    def __init__(self, raw: Rewound):
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def read(self, size: int = -1) -> bytes:
        while True:  # b"" means the end to lxml, so read on while only part of a character came
            data = self._raw.read(size)
            text = self._decoder.decode(data, final=not data)
            if text or not data:
                return text.encode("utf-8")


class Recorder:
    """A UTF-8 stream that keeps what the XML parser has read of it, to cut out each record's own text.

    The article's bytes as they came are its provenance (``raw``), and slicing them
    is a fraction of the cost of serialising the parsed tree again. The parser
    reads ahead, so an article's closing tag is always kept by the time it ends.
    """

    _TRIM = 1 << 20

    def __init__(self, stream: RepairedUtf8):
        self._stream = stream
        self._kept = bytearray()
        self._at = 0  # where the next article is looked for in _kept
        self.keeping = True

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        if self.keeping:
            self._kept += data
        return data

    def stop(self) -> None:
        """Keep nothing more: the rest of the stream is only read (the caller serialises trees instead)."""
        self.keeping = False
        self._kept = bytearray()

    def cut(self, tag: str, pmid: str) -> str | None:
        """The verbatim text of the next ``tag`` element, or None when it is not found whole."""
        kept, opening = self._kept, f"<{tag}".encode()
        start = kept.find(opening, self._at)
        while start >= 0 and kept[start + len(opening):start + len(opening) + 1] not in _AFTER_NAME:
            start = kept.find(opening, start + 1)  # <PubmedArticleSet>, not <PubmedArticle>
        if start < 0:
            return None
        closing = f"</{tag}>".encode()
        end = kept.find(closing, start)
        if end < 0:
            return None
        end += len(closing)
        raw = kept[start:end]
        self._at = end
        if self._at > self._TRIM:
            del self._kept[:self._at]
            self._at = 0
        if pmid and f">{pmid}<".encode() not in raw:
            return None  # not the article the parser saw: the caller serialises the tree instead
        return raw.decode("utf-8")


_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def declares_utf8(head: bytes) -> bool:
    match = _DECLARED_ENCODING.match(head.removeprefix(b"\xef\xbb\xbf"))
    return match is None or match.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


def read_head(stream: IO[bytes], name: str, size: int) -> bytes:
    try:
        return stream.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceError(f"cannot read {name}: {exc}") from None


def root_element(head: bytes) -> str:
    """Name of the first element in the opening bytes of an XML document, or ""."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOG.match(head, position):
        if match.end() == position:
            break
        position = match.end()
    match = _ROOT.match(head, position)
    return match.group(1).decode("ascii", "replace") if match else ""
