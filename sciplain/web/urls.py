from django.urls import path

from .api import openapi_json as api_openapi_json
from .feeds import LatestResearchAtomFeed, LatestResearchFeed
from .views import api_docs, discovery, glossary, pages, research
from .views import search as search_views

app_name = "web"

urlpatterns = [
    path("", pages.home, name="home"),
    path("research/", research.latest, name="latest"),
    path("research/<slug:slug>/", research.detail, name="research"),
    path("research/<slug:slug>/feedback/", research.feedback, name="feedback"),
    path("categories/", research.categories, name="categories"),
    path("categories/<slug:slug>/", research.category, name="category"),
    path("about/", pages.about, name="about"),
    path("about/evidence-levels/", pages.evidence_levels, name="evidence"),
    path("disclaimer/", pages.disclaimer, name="disclaimer"),
    path("glossary/", glossary.glossary, name="glossary"),
    path("contact/", pages.contact, name="contact"),
    path("search/", search_views.search, name="search"),
    path("research/<slug:slug>/cite.bib", discovery.cite_bib, name="cite_bib"),
    path("research/<slug:slug>/cite.ris", discovery.cite_ris, name="cite_ris"),
    path("feeds/latest.rss", LatestResearchFeed(), name="feed_rss"),
    path("feeds/latest.atom", LatestResearchAtomFeed(), name="feed_atom"),
    path("feeds/categories/<slug:slug>.rss", LatestResearchFeed(), name="category_feed_rss"),
    path("feeds/categories/<slug:slug>.atom", LatestResearchAtomFeed(), name="category_feed_atom"),
    path("api/v1/", api_docs.api_docs, name="api_docs"),
    path("api/v1/openapi.json", api_openapi_json, name="api_openapi"),
]
