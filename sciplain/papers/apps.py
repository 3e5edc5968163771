from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "sciplain.papers"
    verbose_name = "Papers and summaries"
