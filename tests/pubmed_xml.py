"""Hand-written PubMed XML builders for tests: realistic structure, invented content."""

from __future__ import annotations

from xml.sax.saxutils import escape


def article(pmid: int | str, *, title: str | None = None, doi: str | None = None, year: int = 2024,
            abstract: list[tuple[str, str]] | None = None, pub_types=("Journal Article",), retracted=False) -> str:
    title = title or f"Treadmill training and walking speed after spinal cord injury: study {pmid}"
    sections = abstract or [
        ("BACKGROUND", "Walking is often impaired after incomplete spinal cord injury."),
        ("METHODS", f"We enrolled {20 + int(pmid) % 50} adults and trained them on a treadmill for 8 weeks."),
        ("RESULTS", "Walking speed increased by 0.12 m/s compared with usual care (p = 0.03)."),
        ("CONCLUSIONS", "Treadmill training may improve walking speed in this group."),
    ]
    abstract_xml = "".join(
        f'<AbstractText Label="{label}" NlmCategory="{label}">{escape(text)}</AbstractText>' for label, text in sections
    )
    ids = f'<ArticleId IdType="pubmed">{pmid}</ArticleId>' + (f'<ArticleId IdType="doi">{doi}</ArticleId>' if doi else "")
    types = "".join(f"<PublicationType>{escape(t)}</PublicationType>" for t in pub_types)
    corrections = (
        '<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn"><RefSource>J Test. 2025;1:1</RefSource>'
        '<PMID Version="1">99999999</PMID></CommentsCorrections></CommentsCorrectionsList>' if retracted else ""
    )
    return f"""<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>
<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Internet"><PubDate><Year>{year}</Year><Month>Mar</Month></PubDate></JournalIssue>
<Title>Journal of Spinal Cord Research</Title><ISOAbbreviation>J Spinal Cord Res</ISOAbbreviation></Journal>
<ArticleTitle>{escape(title)}</ArticleTitle><Abstract>{abstract_xml}</Abstract>
<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Rivera</LastName><ForeName>Ana</ForeName><Initials>A</Initials></Author></AuthorList>
<Language>eng</Language><PublicationTypeList>{types}</PublicationTypeList></Article>
<MedlineJournalInfo><Country>England</Country></MedlineJournalInfo>{corrections}</MedlineCitation>
<PubmedData><ArticleIdList>{ids}</ArticleIdList></PubmedData></PubmedArticle>"""


def article_set(articles: list[str]) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n' + "\n".join(articles) + "\n</PubmedArticleSet>\n"


def many(n: int, start: int = 40000000) -> str:
    return article_set([article(start + i, doi=f"10.5555/sci.{start + i}") for i in range(n)])
