"""Read any paper file an editor has: PubMed XML, MEDLINE/.nbib or RIS, plain or gzipped.

The format is sniffed from the first bytes rather than the file name, since
exports are often renamed (``pubmed-result.txt`` holding MEDLINE, ``.xml.gz``
baseline files, RIS saved as ``.txt``).
"""

from __future__ import annotations

import gzip
import io
import os
import re
from collections.abc import Iterator
from typing import Literal

from . import medline, pubmed, ris
from .base import Known, PaperRecord, RecordError, SourceError, Unchanged

Format = Literal["pubmed-xml", "medline", "ris"]
_MEDLINE = re.compile(rb"^PMID- ?\d", re.MULTILINE)
_RIS = re.compile(rb"^TY  - ", re.MULTILINE)
_HEAD_BYTES = 64 * 1024


def detect_format(path: str | os.PathLike) -> Format:
    """The format of a paper file, or ``SourceError`` saying in one line why it is none."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as raw:
            head = raw.read(2)
            raw.seek(0)
            stream = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw
            head = stream.read(_HEAD_BYTES)
    except (OSError, EOFError) as exc:
        raise SourceError(f"cannot read {name}: {getattr(exc, 'strerror', None) or exc}") from None
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        root = pubmed.root_element(head)
        if root in pubmed.PUBMED_ROOTS:
            return "pubmed-xml"
        raise SourceError(f"{name} is not a PubMed XML file (root element <{root or '?'}>)")
    if _MEDLINE.search(text):
        return "medline"
    if _RIS.match(text):
        return "ris"
    raise SourceError(f"{name} is not a paper file: expected PubMed XML, MEDLINE (.nbib) or RIS")


def iter_file(path: str | os.PathLike, *, known: Known | None = None) -> Iterator[PaperRecord | RecordError | Unchanged]:
    """Every record of a paper file, in file order, whatever its format.

    ``known`` lets PubMed XML skip building records the caller already holds; MEDLINE
    and RIS records are small and rare enough to be built every time.
    """
    kind = detect_format(path)
    if kind == "pubmed-xml":
        yield from pubmed.iter_records(path, known=known)
        return
    reader = medline.iter_records if kind == "medline" else ris.iter_records
    with _open_text(os.fspath(path)) as lines:
        yield from reader(lines)


# What starts one record in each format: counted, not parsed, so that a progress bar can show an ETA.
# (A MedlineCitation is a record of its own only in the old MedlineCitationSet files.)
_ARTICLE_START = re.compile(rb"<Pubmed(?:Book)?Article[\s>]")
_CITATION_START = re.compile(rb"<MedlineCitation[\s>]")
_RECORD_STARTS = {"medline": (_MEDLINE,), "ris": (_RIS,), "pubmed-xml": (_ARTICLE_START, _CITATION_START)}


def count_records(path: str | os.PathLike) -> int:
    """About how many records a paper file holds, from a byte scan (a fraction of the time a parse takes)."""
    patterns = _RECORD_STARTS[detect_format(path)]
    counts = [0] * len(patterns)
    tail = b""
    with _open_bytes(os.fspath(path)) as stream:
        while chunk := stream.read(1 << 20):
            block = tail + chunk
            cut = max(0, len(block) - 64)  # a start split across two reads is counted with the next read
            for number, pattern in enumerate(patterns):
                counts[number] += len(pattern.findall(block, 0, cut))
            tail = block[cut:]
    for number, pattern in enumerate(patterns):
        counts[number] += len(pattern.findall(tail))
    return next((count for count in counts if count), 0)


def _open_bytes(name: str):
    with open(name, "rb") as raw:
        zipped = raw.read(2) == b"\x1f\x8b"
    return gzip.open(name, "rb") if zipped else open(name, "rb")


def _open_text(name: str):
    return io.TextIOWrapper(_open_bytes(name), encoding="utf-8-sig", errors="replace")
