"""A change to what the PubMed parser builds must come with a new PARSER_VERSION.

Re-imports skip every record whose digest (its bytes and the parser version) is
stored already, so a parser that reads records differently without a new version
would leave papers stored the old way for ever. This pins the parser's output on
the fixture file to its version.
"""

import dataclasses
import hashlib
from pathlib import Path

from sciplain.sources import pubmed

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "pubmed_articles.xml"
OUTPUT_OF_VERSION = {"1": "002fd5d5b20fa71d"}


def test_the_parsers_output_is_the_one_pinned_to_its_version():
    views = [repr(dataclasses.replace(item, raw="", digest="")) if isinstance(item, pubmed.PaperRecord) else repr(item)
             for item in pubmed.iter_records(FIXTURE)]
    fingerprint = hashlib.sha256("\n".join(views).encode()).hexdigest()[:16]
    assert OUTPUT_OF_VERSION.get(pubmed.PARSER_VERSION) == fingerprint, (
        f"the parser now builds other records ({fingerprint}): raise PARSER_VERSION and pin the new output to it")
