"""Text helpers every source shares: printed dates, labelled abstracts, length caps.

PubMed XML, MEDLINE text, RIS and Europe PMC JSON all print dates as loose text
("2017 Dec-2018 Jan", "1998 Spring", "2024-03-05") and some print structured
abstracts as one string ("BACKGROUND: … METHODS: …"). Reading those the same way
in one place keeps the records of different sources comparable.
"""

from __future__ import annotations

import calendar
import re

from .base import AbstractSection

MAX_TITLE = 2_000
MAX_SECTION = 20_000

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_name) if name})
MONTHS["sept"] = 9
SEASONS = {"spring", "summer", "fall", "autumn", "winter"}

_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])")
_PRINTED_DATE = re.compile(r"^\s*(\d{4})(?:[\s/-]+([A-Za-z]+|\d{1,2})\.?(?:[\s/-]+(\d{1,2})\b)?)?")
# "BACKGROUND: …", "STUDY DESIGN: …", "Methods: …" at the start of the text or after a sentence.
_LABEL = re.compile(r"(?:^|(?<=[.!?])\s+)([A-Z][A-Za-z]*(?:[ /&-]+[A-Za-z]+){0,4}):\s+")
_NLM_CATEGORIES = {
    "background": "BACKGROUND", "introduction": "BACKGROUND", "context": "BACKGROUND",
    "objective": "OBJECTIVE", "objectives": "OBJECTIVE", "aim": "OBJECTIVE", "aims": "OBJECTIVE",
    "purpose": "OBJECTIVE", "methods": "METHODS", "method": "METHODS", "design": "METHODS",
    "setting": "METHODS", "participants": "METHODS", "results": "RESULTS", "findings": "RESULTS",
    "conclusion": "CONCLUSIONS", "conclusions": "CONCLUSIONS", "interpretation": "CONCLUSIONS",
}


def squash(text: str | None) -> str:
    """Collapse runs of whitespace: pretty-printed XML and wrapped text lines carry them."""
    if not text:
        return ""
    # Most text is clean already, and ruling that out is cheaper than splitting
    # it into words and joining them again: for a name or an affiliation, by
    # asking whether it is printable (whitespace other than a space is not);
    # for an abstract section, by looking for each kind of break.
    if len(text) <= 100:
        text = text.strip()
        return text if text.isprintable() and "  " not in text else " ".join(text.split())
    if text.isascii():
        text = text.strip(" ")
        # the ASCII whitespace that str.split() cuts at, besides a lone space: tested one after
        # another, not in a loop over them, as this runs for every abstract section
        if not ("\n" in text or "  " in text or "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text
                or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text):
            return text
    return " ".join(text.split())


def month_number(value: str) -> int | None:
    """``"Mar"``, ``"March"``, ``"03"`` or ``"3"`` as 3; anything else as None."""
    value = value.strip().rstrip(".").lower()
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(value) or MONTHS.get(value[:3])


def date_parts(year: str, month: str = "", day: str = "") -> tuple[int | None, int | None, int | None, list[str]]:
    """Validated (year, month, day) from printed parts, and what could not be read.

    A part that cannot be read is dropped with a message rather than guessed, so
    "2018 Feb 30" becomes 2018-02 and a warning.
    """
    problems: list[str] = []
    y = int(year) if year.isdigit() and 1000 <= int(year) <= 2999 else None
    if year and y is None:
        problems.append(f"unreadable year {year!r}")
    m = month_number(month) if month and y else None
    if month and y and m is None and month.lower() not in SEASONS:
        problems.append(f"unreadable month {month!r}")
    d = int(day) if day.isdigit() and m else None
    # what calendar.monthrange(y, m)[1] gives, without the weekday it also works out
    if d is not None and not 1 <= d <= calendar.mdays[m] + (m == 2 and calendar.isleap(y)):
        problems.append(f"day {day!r} does not exist in {y}-{m:02d}")
        d = None
    elif day and m and d is None:
        problems.append(f"unreadable day {day!r}")
    return y, m, d, problems


def printed_date(text: str) -> tuple[int | None, int | None, int | None, list[str]]:
    """Year, month and day at the start of a printed date such as a MedlineDate.

    "2017 Dec-2018 Jan" gives (2017, 12, None); "1998 Spring" gives (1998, None,
    None); "2024-03-05" and "2024/03/05" give (2024, 3, 5).
    """
    match = _PRINTED_DATE.match(text or "")
    if not match:
        return None, None, None, [f"unreadable date {text!r}"] if text and text.strip() else []
    year, month, day = match.group(1), match.group(2) or "", match.group(3) or ""
    if month and not month.isdigit() and month_number(month) is None:
        # "1998 Spring", "2000 Winter-Spring": a season is a fine date with no month
        return date_parts(year) if month.lower() in SEASONS else date_parts(year, month)
    return date_parts(year, month, day)


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return ""
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def cap(text: str, limit: int, what: str, warnings: list[str]) -> str:
    """``text`` cut to ``limit`` characters; the cut is reported, never silent."""
    if len(text) <= limit:
        return text
    warnings.append(f"{what} truncated from {len(text)} to {limit} characters")
    return text[:limit]


def labelled_sections(text: str) -> tuple[AbstractSection, ...]:
    """Split "BACKGROUND: … METHODS: …" into sections; unlabelled text stays one section.

    Only upper-case labels, or known section names in any case, count, so that a
    sentence such as "Aim: to walk" splits but "Note: x" in mid-text does not.
    """
    text = squash(text)
    if not text:
        return ()
    marks = [m for m in _LABEL.finditer(text) if _is_label(m.group(1))]
    if not marks or marks[0].start() != 0:
        return (AbstractSection(text=text),) if not marks else _split(text, marks, lead=True)
    return _split(text, marks, lead=False)


def category_of(label: str) -> str:
    """NLM's category for a printed section label, or "" when it is not a usual one."""
    words = re.split(r"[\s/&,-]+", label.lower())
    for word in words:
        if word in _NLM_CATEGORIES:
            return _NLM_CATEGORIES[word]
    return ""


def _is_label(label: str) -> bool:
    return label.isupper() or label.lower() in _NLM_CATEGORIES


def _split(text: str, marks: list[re.Match], lead: bool) -> tuple[AbstractSection, ...]:
    sections = [AbstractSection(text=text[: marks[0].start()].strip())] if lead else []
    for mark, following in zip(marks, marks[1:] + [None]):
        body = text[mark.end(): following.start() if following else len(text)].strip()
        label = mark.group(1)
        sections.append(AbstractSection(text=body, label=label, category=category_of(label)))
    return tuple(s for s in sections if s.text)


def normalise_orcid(value: str) -> str:
    """``0000-0002-1825-0097`` from a bare, URL or undashed ORCID; other text as given."""
    match = _ORCID.search(value)
    return "-".join(match.groups()) if match else squash(value)
