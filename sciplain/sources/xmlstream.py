"""Byte streams under the XML parser: sniffed, unzipped, repaired and cut into articles.

A PubMed file is sniffed before it is parsed (gzip? which root element? which
encoding?), so its first bytes are read and put back; invalid UTF-8 is repaired
before libxml2 sees it; and the stream is cut into its articles' own bytes, each
parsed on its own.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterator
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
    record that holds it gets a warning (``pubmed_record``).
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


def repaired_utf8(data: bytes) -> bytes:
    """An article's bytes with invalid UTF-8 replaced by U+FFFD, as ``RepairedUtf8`` repairs a stream.

    An article is cut at ASCII tags, which never fall inside a character, so repairing
    each article gives the bytes that repairing the whole stream would; and checking
    one article costs a fraction of decoding and encoding the stream again.
    """
    if data.isascii():
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace").encode("utf-8")
    return data


class Articles:
    """The articles of a UTF-8 PubMed stream, each as its own verbatim bytes, found by their tags.

    A PubMed file is a flat list of articles under one root, so an article runs from
    ``<PubmedArticle`` to the next ``</PubmedArticle>``. Cutting the bytes first means:
    an article's bytes as they came are its provenance and its digest, an article that
    is already stored need not be parsed at all, and a syntax error costs only the
    article that holds it, where one parse of the whole file stops there. The search
    runs between articles, never inside one, and skips comments there. An article
    that is not closed before the next one opens is yielded as far as it goes, for the
    XML parser to reject; ``truncated`` says whether the stream ended inside one.
    """

    _READ = 1 << 20

    def __init__(self, stream: Rewound, tags: tuple[str, ...]):
        self._stream = stream
        names = b"|".join(re.escape(tag.encode()) for tag in tags)
        self._start = re.compile(rb"<!--|<(" + names + rb")[\s>/]")
        self._buffer = b""
        self._at = 0
        self._ended = False
        self.truncated = False

    def __iter__(self) -> Iterator[bytes]:
        while (found := self._next_start()) is not None:
            start, tag = found
            span = self._end_of(start, tag)
            if span is None:
                self.truncated = True
                return
            start, end = span
            end = self._reopened(tag, start, end)
            self._at = end
            yield self._buffer[start:end]

    def _reopened(self, tag: bytes, start: int, end: int) -> int:
        """Where its own tag opens again before it closes (the article was never closed), else ``end``:
        one search for "<PubmedArticle", each found one then told from "<PubmedArticleSet" by the byte after."""
        opening = b"<" + tag
        i = self._buffer.find(opening, start + 1, end)
        while i >= 0 and self._buffer[i + len(opening):i + len(opening) + 1] not in (b">", b" "):
            i = self._buffer.find(opening, i + 1, end)
        return end if i < 0 else i

    def _fill(self) -> int | None:
        """Read on, keeping the bytes from the current position: how far positions moved back, or None at the end."""
        if self._ended:
            return None
        data = self._stream.read(self._READ)
        if not data:
            self._ended = True
            return None
        shift = self._at
        self._buffer = self._buffer[shift:] + data
        self._at = 0
        return shift

    def _next_start(self) -> tuple[int, bytes] | None:
        while True:
            m = self._start.search(self._buffer, self._at)
            if m is not None and m.group(1) is not None:
                return m.start(), m.group(1)
            if m is not None:  # a comment: skip it whole
                close = self._buffer.find(b"-->", m.end())
                if close >= 0:
                    self._at = close + 3
                    continue
            if self._fill() is None:
                return None

    def _end_of(self, start: int, tag: bytes) -> tuple[int, int] | None:
        """The article's span up to just past its closing tag (``</PubmedArticle>``, spaces before ">" allowed)."""
        closing = b"</" + tag
        search = start
        while True:
            buffer = self._buffer
            i = buffer.find(closing, search)
            while i >= 0:
                j = i + len(closing)
                while j < len(buffer) and buffer[j] in b" \t\r\n":
                    j += 1
                if j >= len(buffer):
                    break  # the tag ends in bytes not read yet
                if buffer[j] == 0x3E:  # ">"
                    return start, j + 1
                i = buffer.find(closing, i + 1)  # "</PubmedArticleSet>" and the like
            resume = i if i >= 0 else max(start, len(buffer) - len(closing))
            shift = self._fill()
            if shift is None:
                return None
            start, search = start - shift, resume - shift


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
