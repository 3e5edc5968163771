"""The one rendering path for summary fields.

``plain`` is the only way a summary value reaches a page: it accepts text (or a
number) and refuses anything else, so a dict, a model or a list can never be
printed as "[object Object]" or a Python repr. Missing values read
"Not reported in the paper", never blank and never "None".
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from sciplain.summarize.design import design_kind  # one rule for every marker: pages, search, API

register = template.Library()

MISSING = "Not reported in the paper"

MARKERS = {
    "human": ("Tested in people", "marker-human"),
    "animal": ("Animal study", "marker-animal"),
    "lab": ("Lab study", "marker-lab"),
    "review": ("Review of studies", "marker-review"),
    "other": ("Other research", "marker-other"),
}


@register.filter
def plain(value) -> str:
    if value is None or value == "" or value == []:
        return MISSING
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError(f"refusing to render {type(value).__name__} as text")
    return str(value)


@register.simple_tag
def study_marker(design: str):
    label, css = MARKERS[design_kind(design or "")]
    return format_html('<span class="marker {}">{}</span>', css, label)


@register.filter
def pub_line_date(paper) -> str:
    return paper.pub_date or (str(paper.year) if paper.year else MISSING)
