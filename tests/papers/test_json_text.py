"""json_text: a record's JSON text is exactly what ``json`` writes for it, whatever the record holds.

The text is written straight from the record's dataclasses, for speed; what
``json.dumps`` writes for the record as dicts stays its definition, since the stored
columns and the hashes that tell an unchanged re-import from a revised one must not
move by a byte.
"""

import dataclasses
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sciplain.papers import json_text
from sciplain.sources.base import (
    AbstractSection,
    Author,
    Correction,
    Grant,
    MeshHeading,
    PaperRecord,
)

JSON_FIELDS = ("authors", "abstract", "other_abstracts", "keywords", "mesh", "publication_types", "grants",
               "corrections")

# any code point: accents, CJK, emoji, quotes, backslashes, control characters, lone surrogates
text = st.text(st.characters(exclude_categories=()), max_size=12)


class Str(str):
    """A string subclass: json writes it as the string it is."""


# what a parser should never put in a field, but json writes anyway
odd_text = st.one_of(text, st.none(), st.integers(), st.builds(Str, text))
odd_bool = st.one_of(st.booleans(), st.sampled_from([0, 1, None, "Y"]))


def sequence_of(items, odd: bool):
    return st.one_of(st.tuples(), st.lists(items, max_size=3).map(tuple),
                     *([st.lists(items, max_size=2)] if odd else []))  # a list where a tuple belongs


def records(odd: bool = False):
    string = odd_text if odd else text
    return st.builds(
        PaperRecord, source=st.just("pubmed"), source_id=st.just("1"), title=string,
        authors=sequence_of(st.builds(Author, last_name=string, fore_name=string, initials=string,
                                      collective_name=string, affiliation=string, orcid=string), odd),
        abstract=sequence_of(st.builds(AbstractSection, text=string, label=string, category=string), odd),
        other_abstracts=sequence_of(st.builds(AbstractSection, text=string, label=string, category=string), odd),
        keywords=sequence_of(string, odd),
        mesh=sequence_of(st.builds(MeshHeading, descriptor=string, ui=string,
                                   major=odd_bool if odd else st.booleans(),
                                   qualifiers=sequence_of(string, odd)), odd),
        publication_types=sequence_of(string, odd),
        grants=sequence_of(st.builds(Grant, grant_id=string, agency=string, country=string), odd),
        corrections=sequence_of(st.builds(Correction, ref_type=string, pmid=string, source=string), odd),
    )


def json_columns(record: PaperRecord) -> dict[str, str]:
    plain = dataclasses.asdict(record)
    return {name: json.dumps(plain[name], separators=(",", ":")) for name in JSON_FIELDS}


def title_and_abstract(record: PaperRecord) -> str:
    return json.dumps([record.title, dataclasses.asdict(record)["abstract"]], sort_keys=True, default=str)


@settings(max_examples=300, deadline=None, database=None)
@given(records())
def test_json_text_columns_are_the_text_json_writes(record):
    assert json_text.columns(record, JSON_FIELDS) == json_columns(record)


@settings(max_examples=300, deadline=None, database=None)
@given(records(odd=True))
def test_json_text_columns_are_the_text_json_writes_for_values_of_unexpected_types(record):
    assert json_text.columns(record, JSON_FIELDS) == json_columns(record)


@settings(max_examples=300, deadline=None, database=None)
@given(records())
def test_json_text_title_and_abstract_is_the_text_json_writes(record):
    assert json_text.title_and_abstract(record) == title_and_abstract(record)


@settings(max_examples=300, deadline=None, database=None)
@given(records(odd=True))
def test_json_text_title_and_abstract_is_the_text_json_writes_for_values_of_unexpected_types(record):
    assert json_text.title_and_abstract(record) == title_and_abstract(record)


def test_json_text_writes_a_well_typed_record_without_building_dicts(monkeypatch):
    record = PaperRecord(
        source="pubmed", source_id="1", title="Gait after SCI: \"a\" trial — ünïcode",
        authors=(Author(last_name="Lee", fore_name="Min"),),
        abstract=(AbstractSection(text="Walking improved.", label="RESULTS", category="RESULTS"),),
        keywords=("gait",), mesh=(MeshHeading(descriptor="Gait", major=True, qualifiers=("physiology",)),),
    )
    expected = json_columns(record), title_and_abstract(record)

    def must_not_run(value):
        raise AssertionError("a well-typed record went through dicts")

    monkeypatch.setattr(json_text, "plain", must_not_run)
    assert (json_text.columns(record, JSON_FIELDS), json_text.title_and_abstract(record)) == expected
