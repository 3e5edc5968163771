from django.contrib import admin

from .models import Category, IngestRun, Paper


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ["title", "journal", "year", "pmid", "doi", "retracted", "source"]
    list_filter = ["retracted", "source", "year"]
    search_fields = ["title", "pmid", "doi", "journal"]
    readonly_fields = ["raw", "content_hash", "text_hash", "created_at", "updated_at"]


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = ["source", "status", "since", "until", "started_at", "finished_at"]
    readonly_fields = [f.name for f in IngestRun._meta.fields]
