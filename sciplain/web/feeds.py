"""RSS and Atom feeds of newly published summaries: the whole site, and one per category.

Items are summaries in the order they were published (what a subscriber has not seen yet),
read through ``Summary.objects.published()`` like every other public list. Links are
absolute on ``SITE_URL``, not on whatever host the request came in on.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from sciplain import conf
from sciplain.papers.models import Category, Summary

FEED_ITEMS = 30


def absolute(path: str) -> str:
    return conf.get("SITE_URL").rstrip("/") + path


class LatestResearchFeed(Feed):
    feed_type = Rss201rev2Feed
    feed_kind = "rss"

    def get_object(self, request, slug: str | None = None):
        return get_object_or_404(Category, slug=slug) if slug else None

    def title(self, category):
        name = conf.get("SITE_NAME")
        return f"{category.name} · {name}" if category else f"Latest research · {name}"

    def description(self, category):
        what = f"about {category.name.lower()} " if category else ""
        return f"New plain-language summaries of spinal cord injury research {what}from {conf.get('SITE_NAME')}."

    subtitle = description  # Atom's name for it

    def link(self, category):
        return absolute(category.get_absolute_url() if category else reverse("web:latest"))

    def feed_url(self, category):
        name = f"web:category_feed_{self.feed_kind}" if category else f"web:feed_{self.feed_kind}"
        return absolute(reverse(name, args=[category.slug] if category else []))

    def items(self, category):
        summaries = Summary.objects.published().select_related("paper").prefetch_related("categories")
        if category is not None:
            summaries = summaries.filter(categories=category)
        return summaries.order_by("-published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, summary):
        return summary.paper.title

    def item_description(self, summary):
        return summary.data.simple_explanation or "Not reported in the paper"

    def item_link(self, summary):
        return absolute(summary.paper.get_absolute_url())

    def item_guid(self, summary):
        return absolute(summary.paper.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, summary):
        return summary.published_at or summary.created_at

    def item_updateddate(self, summary):
        return summary.published_at or summary.created_at

    def item_author_name(self, summary):
        names = summary.paper.author_names
        return ", ".join(names[:3]) + (" et al." if len(names) > 3 else "") if names else None

    def item_categories(self, summary):
        return [c.name for c in summary.categories.all()]


class LatestResearchAtomFeed(LatestResearchFeed):
    feed_type = Atom1Feed
    feed_kind = "atom"
