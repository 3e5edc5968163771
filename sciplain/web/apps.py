from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sciplain.web"
    verbose_name = "Public site"
