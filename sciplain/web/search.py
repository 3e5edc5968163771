"""Full-text search over published summaries: one interface, SQLite FTS5 or PostgreSQL underneath.

``search_papers(query=…, filters=…, sort=…, page=…) -> SearchResults`` is all a view or
the API calls. A reader's words never reach the full-text engine as syntax: the query
is cut into word tokens (quotes, ``AND OR NOT``, ``*``, ``NEAR(``, emoji and the rest are
dropped or quoted), so no input can make a query fail. A query that finds nothing comes
back with suggestions: drop the filters, use fewer words, or try a plainer word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.db import connection
from django.db.models import Prefetch
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sciplain.papers.models import Paper, Summary

from .search_index import FTS_COLUMNS, FTS_TABLE

MAX_QUERY_CHARS = 500
MAX_TERMS = 8
MAX_WORD_CHARS = 40
PER_PAGE = 12
SORTS = ("relevance", "date")
KINDS = {"human": "Tested in people", "animal": "Animal study", "lab": "Lab study", "review": "Review of studies"}
# bm25 weights, in FTS_COLUMNS order: title and the simple explanation count most.
BM25_WEIGHTS = {"title": 8.0, "simple": 5.0, "findings": 3.0, "body": 1.0, "categories": 4.0, "mesh": 2.0,
                "journal": 1.0, "authors": 1.5}
STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "what", "when", "which", "who", "will", "with", "about", "after", "do", "does", "how", "i", "me", "my", "not"]
)
# Plain words and the research words a reader may not know, both ways (used only for suggestions).
SYNONYMS = {
    "sci": ["spinal cord injury"], "walking": ["gait", "locomotion"], "gait": ["walking"],
    "bladder": ["urinary", "neurogenic bladder"], "bowel": ["neurogenic bowel"], "pain": ["neuropathic pain"],
    "spasticity": ["spasms", "muscle stiffness"], "spasms": ["spasticity"], "stem": ["cell therapy"],
    "paraplegia": ["paralysis of the legs"], "tetraplegia": ["quadriplegia"], "quadriplegia": ["tetraplegia"],
    "exercise": ["training", "rehabilitation"], "therapy": ["treatment", "rehabilitation"],
    "stimulation": ["neuromodulation", "electrical stimulation"], "mice": ["animal study", "rats"],
    "rats": ["animal study", "mice"], "depression": ["mental health", "mood"], "skin": ["pressure injury"],
    "sores": ["pressure injury"], "wheelchair": ["mobility"], "breathing": ["respiratory"],
}


@dataclass(frozen=True)
class Term:
    """One thing to find: a word, a quoted phrase (several words), or a word prefix (``walk*``)."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts5(self) -> str:
        # Tokens hold only word characters, so double-quoting makes every one a literal string.
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        return " <-> ".join(f"'{w}'" + (":*" if self.prefix and i == len(self.words) - 1 else "")
                            for i, w in enumerate(self.words))


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the reader's query, trimmed and shortened: shown back to them
    terms: tuple[Term, ...]

    @property
    def words(self) -> list[str]:
        return [w for t in self.terms for w in t.words]


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?(\*)?")
_QUOTED = re.compile(r'"([^"]*)"')


def _words(text: str) -> list[tuple[str, bool]]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0).rstrip("*").replace("’", "'").split("'")[0].lower()[:MAX_WORD_CHARS]
        if word:
            out.append((word, bool(m.group(1))))
    return out


def parse_query(raw: str) -> ParsedQuery:
    """Cut a reader's query into safe terms: balanced quotes make phrases, ``word*`` a prefix.

    Everything else that means something to FTS5 or tsquery (operators, brackets,
    column filters, ``NEAR``) is read as plain words or dropped.
    """
    text = " ".join((raw or "").split())[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    rest = text
    if text.count('"') >= 2:
        for phrase in _QUOTED.findall(text):
            words = tuple(w for w, _ in _words(phrase))
            if words:
                terms.append(Term(words[:MAX_TERMS]))
        rest = _QUOTED.sub(" ", text)
    singles = [(w, p) for w, p in _words(rest.replace('"', " ")) if w.upper() not in {"AND", "OR", "NOT", "NEAR"}
               or len(_words(rest)) == 1]
    meaningful = [(w, p) for w, p in singles if w not in STOPWORDS]
    for word, prefix in (meaningful if meaningful or terms else singles):
        term = Term((word,), prefix=prefix and len(word) >= 2)
        if term not in terms:
            terms.append(term)
    return ParsedQuery(text=text, terms=tuple(terms[:MAX_TERMS]))


@dataclass(frozen=True)
class SearchFilters:
    category: str = ""  # category slug
    design: str = ""  # study design, as the summary engine names it
    evidence: str = ""  # evidence level: "1".."5", "preclinical", "no-results", "no-studies"
    kind: str = ""  # human, animal, lab, review
    year_from: int | None = None
    year_to: int | None = None

    @property
    def active(self) -> bool:
        return any((self.category, self.design, self.evidence, self.kind, self.year_from, self.year_to))


@dataclass
class SearchHit:
    paper: Paper
    summary: Summary
    title_html: SafeString
    snippet_html: SafeString
    score: float | None = None


@dataclass
class Suggestion:
    text: str  # what the reader is told, e.g. 'Search without filters (4 results)'
    query: str
    drop_filters: bool = False


@dataclass
class SearchResults:
    query: ParsedQuery
    filters: SearchFilters
    sort: str
    page: int
    per_page: int
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.hits) - 1 if self.hits else 0


# --- engines -------------------------------------------------------------------------------

def _filter_sql(filters: SearchFilters) -> tuple[list[str], list]:
    where, params = [], []
    if filters.category:
        where.append("d.paper_id IN (SELECT document_id FROM web_search_category WHERE slug = %s)")
        params.append(filters.category)
    for column, value in (("study_design", filters.design), ("evidence_level", filters.evidence),
                          ("kind", filters.kind)):
        if value:
            where.append(f"d.{column} = %s")
            params.append(value)
    if filters.year_from:
        where.append("d.year >= %s")
        params.append(filters.year_from)
    if filters.year_to:
        where.append("d.year <= %s")
        params.append(filters.year_to)
    return where, params


def _from_where(query: ParsedQuery, filters: SearchFilters) -> tuple[str, str, list, list]:
    """FROM/WHERE of every matching indexed paper, its score expression (smaller is better), and params."""
    where, params = _filter_sql(filters)
    and_where = "".join(f" AND {w}" for w in where)
    if not query.terms:
        return ("FROM web_search_document d" + (" WHERE " + " AND ".join(where) if where else ""), "0", [], params)
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"({t.tsquery()})" for t in query.terms)
        return ("FROM web_search_document d WHERE d.search_vector @@ to_tsquery('english', %s)" + and_where,
                "-ts_rank_cd(d.search_vector, to_tsquery('english', %s), 32)", [tsquery], [tsquery, *params])
    # FTS5's bm25() must be called in the query that holds the MATCH, on the unaliased table.
    weights = ", ".join(str(BM25_WEIGHTS[c]) for c in FTS_COLUMNS)
    match = " ".join(t.fts5() for t in query.terms)
    return (f"FROM {FTS_TABLE} JOIN web_search_document d ON d.paper_id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s" + and_where, f"bm25({FTS_TABLE}, {weights})", [], [match, *params])


def _ids(query: ParsedQuery, filters: SearchFilters, sort: str, limit: int, offset: int
         ) -> tuple[list[tuple[int, float | None]], int]:
    """One page of (paper id, score) and the total. Two statements: a window count(*) would make the
    engine score and sort every match twice over (measured: ~50% slower in bench/bench_search.py)."""
    from_where, score, score_params, params = _from_where(query, filters)
    ranked = sort == "relevance" and query.terms
    if not ranked:
        score, score_params = "NULL", []
    order = "score, d.date_key DESC, d.paper_id DESC" if ranked else "d.date_key DESC, d.paper_id DESC"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.paper_id, {score} AS score {from_where} ORDER BY {order} LIMIT %s OFFSET %s",
                       [*score_params, *params, limit, offset])
        rows = cursor.fetchall()
        if not rows and offset == 0:
            total = 0
        elif len(rows) < limit and rows:
            total = offset + len(rows)
        else:
            cursor.execute(f"SELECT count(*) {from_where}", params)
            total = cursor.fetchone()[0]
    return [(r[0], r[1]) for r in rows], total


def search_count(*, query: str | ParsedQuery, filters: SearchFilters | None = None) -> int:
    parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
    return _ids(parsed, filters or SearchFilters(), "date", 1, 0)[1]


# --- highlighting ------------------------------------------------------------------------------

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")


def _stem(word: str) -> str:
    """A rough stem, so 'walking' also marks 'walked' and 'walks' as the porter tokenizer matched them."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern | None:
    stems = sorted({_stem(w) for w in words if w}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def highlight(text: str, words: list[str] | tuple[str, ...]) -> SafeString:
    """Escape ``text`` and wrap each matched word in ``<mark>``."""
    pattern = _pattern(tuple(words))
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [escape(text[last:m.start()]), "<mark>", escape(m.group(0)), "</mark>"]
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def snippet(texts: list[str], words: list[str], max_words: int = 40) -> SafeString:
    """A plain-language excerpt: the first sentence of the simple explanation (or a key finding)
    that holds a matched word, else the start of the simple explanation, highlighted."""
    pattern = _pattern(tuple(words))
    sentences = [s for t in texts if t for s in _SENTENCE.split(t) if s.strip()]
    chosen = next((i for i, s in enumerate(sentences) if pattern and pattern.search(s)), 0) if sentences else None
    if chosen is None:
        return mark_safe("")
    picked = sentences[chosen: chosen + 2]
    words_out = " ".join(picked).split()
    text = " ".join(words_out[:max_words]) + (" …" if len(words_out) > max_words else "")
    return highlight(text, words)


# --- the interface -----------------------------------------------------------------------------

def _hits(ids: list[tuple[int, float | None]], query: ParsedQuery) -> list[SearchHit]:
    current = Prefetch("summaries", queryset=Summary.objects.published().prefetch_related("categories"),
                       to_attr="published_summaries")
    papers = {p.pk: p for p in Paper.objects.published().filter(pk__in=[i for i, _ in ids]).prefetch_related(current)}
    words = query.words
    hits = []
    for paper_id, score in ids:
        paper = papers.get(paper_id)
        if paper is None or not paper.published_summaries:  # the index is never trusted alone
            continue
        summary = paper.published_summaries[0]
        paper._prefetched_objects_cache = {**getattr(paper, "_prefetched_objects_cache", {}), "live": [summary]}
        data = summary.data
        hits.append(SearchHit(
            paper=paper, summary=summary, score=score,
            title_html=highlight(paper.title, words),
            snippet_html=snippet([data.simple_explanation, *(k.text for k in data.key_findings)], words),
        ))
    return hits


def search_papers(*, query: str = "", filters: SearchFilters | None = None, sort: str = "relevance",
                  page: int = 1, per_page: int = PER_PAGE) -> SearchResults:
    """Published papers matching ``query`` and ``filters``, best first (or newest first), one page of them."""
    parsed = parse_query(query)
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"
    per_page = max(1, min(per_page, 100))
    page = max(1, min(int(page or 1), 10_000))
    ids, total = _ids(parsed, filters, sort, per_page, (page - 1) * per_page)
    results = SearchResults(query=parsed, filters=filters, sort=sort, page=page, per_page=per_page, total=total,
                            hits=_hits(ids, parsed))
    if total == 0 and (parsed.terms or filters.active):
        results.suggestions = suggestions(parsed, filters)
    return results


def _glossary_alternatives(word: str) -> list[str]:
    alternatives = list(SYNONYMS.get(word, []))
    try:
        from sciplain.summarize.resources import default_resources

        for entry in default_resources().glossary:
            forms = [f.lower() for f in entry.forms]
            if word in forms:
                alternatives += [a for a in ([entry.plain] if entry.plain else []) + forms if a and a != word]
            elif entry.plain and word == entry.plain.lower():
                alternatives.append(entry.term)
    except (OSError, ValueError, KeyError, TypeError):  # the glossary is a nicety here, never a failure
        return list(dict.fromkeys(alternatives))[:3]
    return list(dict.fromkeys(alternatives))[:3]


def suggestions(query: ParsedQuery, filters: SearchFilters, limit: int = 5) -> list[Suggestion]:
    """Broader searches that do find something: without filters, with fewer words, with plainer words."""
    out: list[Suggestion] = []

    def offer(text: str, q: str, f: SearchFilters, drop: bool = False) -> None:
        if len(out) >= limit or any(s.query == q and s.drop_filters == drop for s in out):
            return
        n = search_count(query=q, filters=f)
        if n:
            out.append(Suggestion(text=f"{text} ({n} result{'s' if n != 1 else ''})", query=q, drop_filters=drop))

    if filters.active:
        offer(f"Search for “{query.text}” without filters" if query.terms else "Show everything, without filters",
              query.text, SearchFilters(), drop=True)
    if len(query.terms) > 1:
        for term in query.terms:
            word = " ".join(term.words)
            offer(f"Search for “{word}” only", word, filters)
    for term in query.terms:
        for alternative in _glossary_alternatives(" ".join(term.words)):
            rewritten = " ".join(alternative if t == term else " ".join(t.words) for t in query.terms)
            offer(f"Try “{rewritten}”", rewritten, filters)
            if filters.active:
                offer(f"Try “{rewritten}” without filters", rewritten, SearchFilters(), drop=True)
    return out


def filters_from(params, *, year_bounds: tuple[int, int] = (1900, 2100)) -> SearchFilters:
    """Read filters from a GET QueryDict (or dict); anything unreadable is ignored, never an error."""

    def year(name: str) -> int | None:
        value = (params.get(name) or "").strip()
        if value.isdigit() and year_bounds[0] <= int(value) <= year_bounds[1]:
            return int(value)
        return None

    def text(name: str, limit: int = 100) -> str:
        return (params.get(name) or "").strip()[:limit]

    filters = SearchFilters(category=text("category"), design=text("design"), evidence=text("evidence", 20),
                            kind=text("kind", 10) if text("kind", 10) in KINDS else "",
                            year_from=year("year_from"), year_to=year("year_to"))
    if filters.year_from and filters.year_to and filters.year_from > filters.year_to:
        filters = replace(filters, year_from=filters.year_to, year_to=filters.year_from)
    return filters
