"""sitemap.xml: the fixed pages, the categories and every published research page, on SITE_URL."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from sciplain import conf
from sciplain.papers.models import Category, Summary


class _OnSiteUrl(Sitemap):
    """Locations on the configured public address, whatever host the request used."""

    def get_domain(self, site=None):
        return urlsplit(conf.get("SITE_URL")).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(conf.get("SITE_URL")).scheme or "https"


class FixedPagesSitemap(_OnSiteUrl):
    changefreq = "weekly"
    NAMES = ("web:home", "web:latest", "web:categories", "web:about", "web:evidence", "web:disclaimer",
             "web:contact", "web:glossary", "subscriptions:subscribe", "web:api_docs")

    def items(self):
        return self.NAMES

    def location(self, name):
        return reverse(name)

    def priority(self, name):
        return 1.0 if name == "web:home" else 0.5


class CategorySitemap(_OnSiteUrl):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Category.objects.order_by("order", "name")


class ResearchSitemap(_OnSiteUrl):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Summary.objects.published().select_related("paper").order_by("paper_id")

    def location(self, summary):
        return summary.paper.get_absolute_url()

    def lastmod(self, summary):
        return summary.published_at or summary.created_at


SITEMAPS = {"pages": FixedPagesSitemap, "categories": CategorySitemap, "research": ResearchSitemap}
