"""``/healthz``: is the database reachable, and when did ingestion last finish? JSON, 200 or 503.

For a load balancer, a systemd watchdog or an uptime checker. It is never cached and
reveals nothing a reader could not already learn except the time of the last ingest.
"""

from __future__ import annotations

from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    from sciplain.papers.models import IngestRun

    body: dict = {"status": "ok", "time": timezone.now().isoformat(timespec="seconds")}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        last = IngestRun.objects.filter(status=IngestRun.Status.DONE).order_by("-finished_at").values_list(
            "finished_at", flat=True).first()
    except Exception as exc:  # noqa: BLE001 - any database failure means "unhealthy"
        body |= {"status": "error", "database": "unreachable", "error": type(exc).__name__}
        return JsonResponse(body, status=503)
    body |= {"database": "ok", "last_ingest": last.isoformat(timespec="seconds") if last else None}
    return JsonResponse(body)
