"""Steps "sentences" and "abbreviations": the article as a numbered list of sentences with roles."""

from __future__ import annotations

import re

from ..abbreviations import find_abbreviations
from ..doc import Doc, Sentence
from ..pipeline import step
from ..roles import is_metadata, predict_roles, role_from_label
from ..splitter import split_spans
from ..types import Article

_HEADING = re.compile(r"^[A-Z][\w'’ ,&/-]{0,60}$")


def _is_heading(text: str) -> bool:
    """A short line without final punctuation ("Praziquantel", "Search methods") is a heading, not a sentence."""
    return bool(_HEADING.match(text)) and len(text.split()) <= 6 and not re.search(r"\d", text)


def split_article(article: Article) -> list[Sentence]:
    """The article's sentences, numbered from 0 in reading order (title excluded).

    This list is the reference for ``KeyFinding.source_sentences``: the same
    article always gives the same list, so the editor can highlight sentence 4.
    A registration or funding line inside a labelled section ("… ClinicalTrials.gov NCT…" closing the
    Methods) gets the role "other", as it would in an unlabelled abstract.
    """
    sentences: list[Sentence] = []
    for si, section in enumerate(article.sections):
        label_role = role_from_label(section.label, section.category)
        for a, b in split_spans(section.text):
            text = section.text[a:b]
            if _is_heading(text):
                continue
            role = "other" if label_role and is_metadata(text, position=0.0) else label_role
            sentences.append(Sentence(len(sentences), text, si, a, b, section.label, role))
    unlabelled = [s for s in sentences if not s.role]
    if unlabelled:
        for s, role in zip(unlabelled, predict_roles([s.text for s in unlabelled])):
            s.role = role
    return sentences


@step("sentences", requires=["article"], assigns=["sentences"])
def sentences_step(doc: Doc) -> Doc:
    doc.sentences = split_article(doc.article)
    return doc


@step("abbreviations", requires=["sentences"], assigns=["abbreviations"])
def abbreviations_step(doc: Doc) -> Doc:
    doc.abbreviations = find_abbreviations(doc.source_text)
    return doc
