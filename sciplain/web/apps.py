from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sciplain.web"
    verbose_name = "Public site"

    def ready(self):
        from .search_index import connect_signals

        connect_signals()  # keeps the search index current when summaries and papers change
