"""The search index (sciplain/web/search_index.py): filter columns, plus the engine's full-text index.

SQLite gets an FTS5 virtual table (porter stemming, diacritics folded); PostgreSQL gets a
weighted tsvector column with a GIN index. Each engine's SQL runs only on that engine.
Existing published summaries are indexed at the end.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_FORWARDS = [
    ("CREATE VIRTUAL TABLE web_search_fts USING fts5("
    "title, simple, findings, body, categories, mesh, journal, authors, "
    "tokenize = 'porter unicode61 remove_diacritics 2')"),
]
SQLITE_BACKWARDS = ["DROP TABLE IF EXISTS web_search_fts"]
POSTGRES_FORWARDS = [
    "ALTER TABLE web_search_document ADD COLUMN search_vector tsvector",
    "CREATE INDEX web_search_document_vector_gin ON web_search_document USING GIN (search_vector)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS web_search_document_vector_gin",
    "ALTER TABLE web_search_document DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


def index_published(apps, schema_editor):
    from sciplain.web.search_index import index_row, write_rows

    Summary = apps.get_model("papers", "Summary")
    published = Summary.objects.filter(is_current=True, status="published", paper__retracted=False)
    rows = [
        index_row(paper=s.paper, content=s.content, categories=list(s.categories.values_list("slug", "name")))
        for s in published.select_related("paper")
    ]
    write_rows(rows, replace=True)


class Migration(migrations.Migration):

    dependencies = [
        ("papers", "0001_initial"),
        ("web", "0002_summary_helpfulness"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("paper", models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name="+", serialize=False, to="papers.paper")),
                ("year", models.PositiveSmallIntegerField(db_index=True, null=True)),
                ("date_key", models.PositiveIntegerField(db_index=True, default=0, help_text="yyyymmdd for sorting by date.")),
                ("study_design", models.CharField(blank=True, db_index=True, max_length=60)),
                ("kind", models.CharField(blank=True, db_index=True, help_text="human, animal, lab, review, other", max_length=10)),
                ("evidence_level", models.CharField(blank=True, db_index=True, max_length=20)),
                ("categories", models.CharField(blank=True, help_text="Category slugs between spaces.", max_length=500)),
            ],
            options={
                "db_table": "web_search_document",
            },
        ),
        migrations.CreateModel(
            name="SearchCategory",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("slug", models.SlugField(max_length=100)),
                ("document", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="category_rows", to="web.searchdocument")),
            ],
            options={
                "db_table": "web_search_category",
                "constraints": [models.UniqueConstraint(fields=("slug", "document"), name="search_category_unique")],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRES_FORWARDS}),
            _run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRES_BACKWARDS}),
        ),
        migrations.RunPython(index_published, migrations.RunPython.noop),
    ]
