"""The Celery app as `sciplain worker` runs it, with the fixed test engine (for the distributed test)."""

import django

from tests.jobs import engine

django.setup()
engine.install()

from sciplain.celery import app  # noqa: F401
