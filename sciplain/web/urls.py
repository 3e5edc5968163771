from django.urls import path

from .views import pages, research

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
    path("contact/", pages.contact, name="contact"),
]
