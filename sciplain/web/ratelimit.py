"""Per-IP rate limits for the public forms, kept in the cache (shared between processes with Redis).

A fixed window counter: ``cache.add`` starts the window and ``cache.incr`` counts,
both atomic in Redis and in the local-memory cache, so two requests at once cannot
both slip under the limit. Limits are generous, because many readers can share one
address (a rehab unit, a care home, a mobile carrier); they stop floods, not people.
"""

from __future__ import annotations

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render


def client_ip(request) -> str:
    """The reader's address; behind our own proxy, the one it appended to X-Forwarded-For."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()  # the left entries are whatever the client sent
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(*, scope: str, key: str, limit: int, period: int) -> int:
    """Count one request; return 0 if it is allowed, else the seconds until the window resets."""
    now = time.time()
    window = int(now // period)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    cache.add(cache_key, 0, timeout=period + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=period + 5)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * period - now))


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def too_many_requests(request, retry_after: int, what: str, keep_field: str = ""):
    minutes = max(1, round(retry_after / 60))
    message = (f"You have sent {what} many times in a short while. "
               f"Please wait about {minutes} minute{'s' if minutes != 1 else ''} and try again.")
    if wants_json(request):
        response = JsonResponse({"ok": False, "message": message}, status=429)
    else:
        kept = request.POST.get(keep_field, "") if keep_field else ""
        response = render(request, "web/429.html", {"message": message, "kept": kept}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(scope: str, *, limit: int, period: int, what: str = "this form", keep_field: str = ""):
    """Limit POSTs to a view per client IP: ``@ratelimit("contact", limit=5, period=3600)``.

    ``keep_field`` names a form field whose text the 429 page shows again, so a reader
    does not lose a long message they typed.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                retry_after = hit(scope=scope, key=client_ip(request), limit=limit, period=period)
                if retry_after:
                    return too_many_requests(request, retry_after, what, keep_field)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
