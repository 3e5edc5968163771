from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "sciplain.review"
    verbose_name = "Editorial review"
