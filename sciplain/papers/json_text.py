"""A record's values as the JSON text a Paper stores, written straight from the record's dataclasses.

Every new paper's eight JSON columns are written, hashed and stored, and its abstract
is written a second time for the text hash. Going through dicts and ``json`` builds a
dict per author, abstract section and MeSH heading only for the encoder to take it
apart again, and the encoder's time goes per dict and per key rather than per
character: it was half the import's own work outside the parser and SQLite. A record
type's keys are known in advance, so a writer generated per type holds them as
ready-made text and only escapes the values.

What ``json`` writes for ``plain(value)`` stays the definition of the text: the stored
columns and the hashes that tell an unchanged re-import from a revised one must not
move by a byte. A writer checks every value's type exactly and hands whatever it does
not expect to ``json`` (tests/papers/test_json_text.py holds the two to the same text).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
import typing
from collections.abc import Callable
from dataclasses import dataclass

_TO_DICT: dict[type, Callable | None] = {}  # per record type: its converter to a dict, or None
_UNSEEN = object()


def plain(value):
    """A record's value as JSON-ready lists and dicts.

    A record's tuples hold one type each (``tuple[Author, ...]``, ``tuple[str, ...]``),
    so the converter is found once per tuple rather than once per item.
    """
    kind = type(value)
    if kind is tuple or kind is list:
        if not value:
            return []
        to_dict = _to_dict(type(value[0]))
        return list(value) if to_dict is None else [to_dict(v) for v in value]
    to_dict = _to_dict(kind)
    return value if to_dict is None else to_dict(value)


def _to_dict(kind: type) -> Callable | None:
    to_dict = _TO_DICT.get(kind, _UNSEEN)
    if to_dict is _UNSEEN:
        to_dict = _TO_DICT[kind] = _converter(kind)
    return to_dict


def _converter(kind: type) -> Callable | None:
    """A function from a record dataclass to a dict: one C-level getter for all its fields.

    Record dataclasses hold strings, numbers and tuples (of strings or of records);
    only the tuples need converting further.
    """
    if not dataclasses.is_dataclass(kind):
        return None
    fields = dataclasses.fields(kind)
    names = tuple(f.name for f in fields)
    nested = tuple(f.name for f in fields if str(f.type).startswith("tuple"))
    get = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))

    def to_dict(obj) -> dict:
        plain_values = dict(zip(names, get(obj)))
        for name in nested:
            plain_values[name] = plain(plain_values[name])
        return plain_values

    return to_dict


# Values come from records, which are trees: no cycle to look for. Compact, since
# every new paper's JSON is encoded, hashed and stored.
_to_json = json.JSONEncoder(check_circular=False, separators=(",", ":")).encode


def hashable_json(obj) -> str:
    """``obj`` as the text behind a paper's text hash: json's defaults, keys sorted."""
    return json.dumps(obj, sort_keys=True, default=str)


def columns(record, names: tuple[str, ...]) -> dict[str, str]:
    """The text of each named field of ``record``: json's text of ``plain(value)``."""
    writers, values = _column_writers(type(record), names)
    text = {}
    for name, write, value in zip(names, writers, values(record)):
        try:
            text[name] = write(value)  # type: ignore[misc]
        except (_Unexpected, TypeError):  # None (no writer for the type) lands here too
            text[name] = _to_json(plain(value))
    return text


def title_and_abstract(record) -> str:
    """``hashable_json([record.title, plain(record.abstract)])``, the text of a paper's text hash."""
    write = _field_writer(type(record), "abstract", _HASHED)
    try:
        return "[" + _escape(record.title) + ", " + write(record.abstract) + "]"  # type: ignore[misc]
    except (_Unexpected, TypeError):
        return hashable_json([record.title, plain(record.abstract)])


_escape = json.encoder.encode_basestring_ascii  # json's own string writer, as ensure_ascii (the default) uses it


class _Unexpected(Exception):
    """A value that is not of its declared type: ``json``, which defines the text, takes it."""


@dataclass(frozen=True)
class _Style:
    item: str
    key: str
    sort_keys: bool


_COLUMN = _Style(",", ":", sort_keys=False)  # as _to_json writes: the stored columns
_HASHED = _Style(", ", ": ", sort_keys=True)  # as hashable_json writes


@functools.cache
def _column_writers(kind: type, names: tuple[str, ...]) -> tuple[list, Callable[[object], tuple]]:
    """The writers of the named fields, and a getter of their values as one tuple."""
    values = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))
    return [_field_writer(kind, name, _COLUMN) for name in names], values


@functools.cache
def _field_writer(kind: type, name: str, style: _Style) -> Callable[[object], str] | None:
    """A writer for field ``name`` of record type ``kind``, a ``tuple[X, ...]``; None when X has no writer."""
    return _tuple_writer(typing.get_type_hints(kind)[name], style)


def _tuple_item(hint) -> object | None:
    """X for ``tuple[X, ...]``, else None."""
    args = typing.get_args(hint)
    return args[0] if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis else None


def _items_writer(item: object, style: _Style) -> Callable[[object], str] | None:
    """How to write each item of a ``tuple[item, ...]``: strings by json's escaper, records by their writer."""
    if item is str:
        return _escape
    return _record_writer(item, style) if dataclasses.is_dataclass(item) else None  # type: ignore[arg-type]


def _tuple_writer(hint, style: _Style) -> Callable[[object], str] | None:
    """A ``tuple[X, ...]`` as a JSON array, or None when X has no writer."""
    write = _items_writer(_tuple_item(hint), style)
    if write is None:
        return None
    separator = style.item

    def write_tuple(value) -> str:
        if type(value) is not tuple:
            raise _Unexpected
        return "[" + separator.join(map(write, value)) + "]" if value else "[]"

    return write_tuple


@functools.cache
def _record_writer(kind: type, style: _Style) -> Callable[[object], str] | None:
    """One record dataclass as a JSON object, joined from its keys and values; None for a field type with no rule.

    Strings go through ``_escape``, which refuses anything but a string; every other
    value has its type checked first. Either way a surprise raises, and the caller
    hands the value to ``json``.
    """
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]
    if not names:
        return None
    namespace: dict[str, object] = {"kind": kind, "Unexpected": _Unexpected, "escape": _escape}
    loads, checks, members = [], [], {}
    for number, name in enumerate(names):
        hint = hints[name]
        if hint is str:
            members[name] = ("", f"escape(obj.{name})", "")
            continue
        loads.append(f"v{number} = obj.{name}")
        if hint is bool:
            checks.append(f"type(v{number}) is not bool")
            members[name] = ("", f'("true" if v{number} else "false")', "")
        elif (write := _items_writer(_tuple_item(hint), style)) is not None:
            namespace[f"write{number}"] = write
            checks.append(f"type(v{number}) is not tuple")
            members[name] = ("[", f"{style.item!r}.join(map(write{number}, v{number}))", "]")
        else:
            return None
    # ''.join of the keys as ready-made text and the values: faster than a %-format
    parts, literal = [], "{"
    for position, name in enumerate(sorted(members) if style.sort_keys else names):
        before, value, after = members[name]
        parts += [repr(literal + (style.item if position else "") + _escape(name) + style.key + before), value]
        literal = after
    parts.append(repr(literal + "}"))
    source = "".join((
        "def write(obj):\n",
        "    if type(obj) is not kind:\n        raise Unexpected\n",
        *(f"    {line}\n" for line in loads),
        f"    if {' or '.join(checks)}:\n        raise Unexpected\n" if checks else "",
        f"    return ''.join(({', '.join(parts)}))\n",
    ))
    exec(source, namespace)  # noqa: S102 - code built from a dataclass's field names only
    return namespace["write"]
