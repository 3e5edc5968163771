"""How to cite the original paper: a plain reference line, BibTeX and RIS, plus its schema.org record.

Everything here describes the *original* paper (its authors, journal, DOI, PMID), not our
summary of it. RIS is written by ``rispy``; BibTeX values are escaped here, since no
maintained writer is among our dependencies and the format is small.
"""

from __future__ import annotations

import re

import rispy

from sciplain.papers.models import Paper

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def pmc_url(paper: Paper) -> str:
    return f"https://pmc.ncbi.nlm.nih.gov/articles/{paper.pmcid}/" if paper.pmcid else ""


def _authors(paper: Paper) -> list[dict]:
    return [a for a in paper.authors or [] if isinstance(a, dict)]


def _vancouver_name(a: dict) -> str:
    if a.get("collective_name"):
        return a["collective_name"]
    initials = a.get("initials") or "".join(p[0] for p in (a.get("fore_name") or "").replace("-", " ").split() if p)
    return " ".join(p for p in (a.get("last_name", ""), initials) if p)


def _family_given(a: dict) -> str:
    if a.get("collective_name"):
        return a["collective_name"]
    return ", ".join(p for p in (a.get("last_name", ""), a.get("fore_name") or a.get("initials", "")) if p)


def citation_text(paper: Paper) -> str:
    """A Vancouver-style reference, as PubMed prints it: authors (six, then et al.), title, journal, date, ids."""
    names = [n for n in (_vancouver_name(a) for a in _authors(paper)) if n]
    authors = ", ".join(names[:6]) + (", et al" if len(names) > 6 else "")
    title = paper.title.strip()
    parts = [f"{authors}." if authors else "", title if title.endswith((".", "?", "!")) else f"{title}.",
             f"{paper.journal_iso or paper.journal}." if (paper.journal_iso or paper.journal) else "",
             f"{paper.pub_date or paper.year or 'n.d.'}."]
    if paper.doi:
        parts.append(f"doi:{paper.doi}.")
    if paper.pmid:
        parts.append(f"PMID: {paper.pmid}.")
    if paper.pmcid:
        parts.append(f"PMCID: {paper.pmcid}.")
    return " ".join(p for p in parts if p)


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def _bib(value) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in " ".join(str(value).split()))


def bibtex_key(paper: Paper) -> str:
    first = next((a.get("last_name") or a.get("collective_name") or "" for a in _authors(paper)), "") or "paper"
    return re.sub(r"[^A-Za-z0-9]", "", first)[:30] + str(paper.year or "") + (f"_{paper.pmid}" if paper.pmid else "")


def bibtex(paper: Paper) -> str:
    fields = [("title", paper.title), ("author", " and ".join(
        "{" + _bib(a["collective_name"]) + "}" if a.get("collective_name") else _bib(_family_given(a))
        for a in _authors(paper) if _family_given(a)))]
    fields += [("journal", paper.journal), ("year", paper.year or ""),
               ("month", MONTHS[paper.month - 1] if paper.month and 1 <= paper.month <= 12 else ""),
               ("doi", paper.doi or ""), ("pmid", paper.pmid or ""), ("pmcid", paper.pmcid),
               ("url", paper.doi_url or paper.pubmed_url)]
    lines = []
    for name, value in fields:
        if value in ("", None):
            continue
        text = value if name == "author" else _bib(value)
        lines.append(f"  {name} = {{{text}}}")
    return f"@article{{{bibtex_key(paper)},\n" + ",\n".join(lines) + "\n}\n"


def ris(paper: Paper) -> str:
    entry = {"type_of_reference": "JOUR", "title": paper.title,
             "authors": [_family_given(a) for a in _authors(paper) if _family_given(a)]}
    if paper.journal:
        entry["journal_name"] = paper.journal
    if paper.journal_iso:
        entry["alternate_title3"] = paper.journal_iso  # J2: abbreviated journal
    if paper.year:
        entry["year"] = str(paper.year)
        entry["date"] = "/".join(f"{v:02d}" if i else str(v) for i, v in
                                 enumerate(x for x in (paper.year, paper.month, paper.day) if x))
    if paper.doi:
        entry["doi"] = paper.doi
    if paper.pmid:
        entry["accession_number"] = paper.pmid  # AN: PubMed ID, as PubMed's own RIS export does
    urls = [u for u in (paper.pubmed_url, paper.doi_url, pmc_url(paper), paper.free_full_text_url) if u]
    if urls:
        entry["urls"] = urls
    if paper.keywords:
        entry["keywords"] = [str(k) for k in paper.keywords]
    return rispy.dumps([entry])


def iso_date(paper: Paper) -> str:
    parts = [p for p in (paper.year, paper.month, paper.day) if p]
    if not parts or not paper.year:
        return ""
    return "-".join(f"{v:02d}" if i else f"{v:04d}" for i, v in enumerate(parts))


def scholarly_article(paper: Paper, *, summary_data, page_url: str, categories: list[str]) -> dict:
    """schema.org MedicalScholarlyArticle for the original paper, with our page as its main entity page."""
    identifiers = [{"@type": "PropertyValue", "propertyID": name, "value": value}
                   for name, value in (("DOI", paper.doi), ("PMID", paper.pmid), ("PMCID", paper.pmcid)) if value]
    authors = []
    for a in _authors(paper):
        if a.get("collective_name"):
            authors.append({"@type": "Organization", "name": a["collective_name"]})
        elif a.get("last_name"):
            person = {"@type": "Person", "name": " ".join(p for p in (a.get("fore_name") or a.get("initials", ""),
                                                                       a["last_name"]) if p),
                      "familyName": a["last_name"]}
            if a.get("fore_name"):
                person["givenName"] = a["fore_name"]
            authors.append(person)
    record = {
        "@context": "https://schema.org",
        "@type": "MedicalScholarlyArticle",
        "headline": paper.title[:110],
        "name": paper.title,
        "url": paper.doi_url or paper.pubmed_url or page_url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": page_url, "url": page_url},
        "identifier": identifiers,
        "sameAs": [u for u in (paper.pubmed_url, paper.doi_url, pmc_url(paper)) if u],
        "author": authors,
        "datePublished": iso_date(paper),
        "isPartOf": {"@type": "Periodical", "name": paper.journal} if paper.journal else None,
        "description": summary_data.simple_explanation,
        "inLanguage": "en",
        "keywords": categories,
    }
    if paper.doi:
        record["@id"] = paper.doi_url
    return {k: v for k, v in record.items() if v not in (None, "", [])}
