"""Tags for what machines read on a research page: Open Graph, schema.org JSON-LD, and citations.

JSON-LD goes in a ``<script type="application/ld+json">`` data block (the CSP forbids
inline *executable* script; a data block is never run). Its JSON is escaped the way
Django's ``json_script`` escapes, so no summary text can close the element.
"""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from sciplain import conf

from .. import citations

register = template.Library()

# The same escapes as django.utils.html.json_script.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(value: dict):
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def research_head(paper, summary, categories=()):
    """Open Graph meta tags and the JSON-LD record of the original paper, for the <head>."""
    page_url = conf.get("SITE_URL").rstrip("/") + paper.get_absolute_url()
    data = summary.data
    description = Truncator(data.simple_explanation or paper.title).words(40)
    meta = [
        ("og:type", "article"), ("og:site_name", conf.get("SITE_NAME")), ("og:title", paper.title),
        ("og:description", description), ("og:url", page_url), ("og:locale", "en"),
    ]
    if summary.published_at:
        meta.append(("article:published_time", summary.published_at.isoformat()))
    meta += [("article:tag", c.name) for c in categories]
    og = format_html_join("\n  ", '<meta property="{}" content="{}">', meta)
    twitter = mark_safe('<meta name="twitter:card" content="summary">')
    record = citations.scholarly_article(paper, summary_data=data, page_url=page_url,
                                         categories=[c.name for c in categories])
    return format_html("{}\n  {}\n  {}", og, twitter, json_ld(record))


@register.inclusion_tag("includes/cite.html")
def cite_paper(paper):
    return {
        "paper": paper,
        "text": citations.citation_text(paper),
        "bibtex": citations.bibtex(paper),
        "ris": citations.ris(paper),
    }
