"""/healthz: JSON with the database state and the time of the last finished ingest; 503 when the DB is down."""

import pytest
from django.utils import timezone

from sciplain.papers.models import IngestRun

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_ok_and_no_ingest_yet(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["last_ingest"] is None
    assert "no-cache" in response.headers["Cache-Control"]


def test_healthz_reports_last_finished_ingest(client):
    finished = timezone.now().replace(microsecond=0)
    IngestRun.objects.create(source="pubmed", status=IngestRun.Status.DONE, finished_at=finished)
    IngestRun.objects.create(source="pubmed", status=IngestRun.Status.RUNNING)
    assert client.get("/healthz").json()["last_ingest"] == finished.isoformat()


def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
