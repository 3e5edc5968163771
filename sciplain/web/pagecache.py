"""Whole-page caching of public pages for anonymous readers, invalidated when a summary changes.

Django's ``cache_page`` keys pages by URL but cannot forget them when an editor
publishes. Here every key carries a version number kept in the cache; publishing
or saving a summary bumps it (``pages_changed()``), so the next request renders afresh
and old entries simply expire. Only anonymous GET/HEAD requests that get a 200 without
setting a cookie are stored; Django's ``learn_cache_key`` adds the request headers the
response varies on (Cookie, Accept-Language …) to the key, as ``cache_page`` does.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_cache_key, learn_cache_key

VERSION_KEY = "pagecache:version"
SKIP_PREFIXES = ("/admin/", "/healthz", "/static/", "/api/")


def pages_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY) or 1
    return version


def pages_changed() -> None:
    """Forget every cached page (call after anything a reader sees has changed)."""
    cache.add(VERSION_KEY, 1, timeout=None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted between add and incr
        cache.set(VERSION_KEY, 2, timeout=None)


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # editors preview drafts
        and not request.path.startswith(SKIP_PREFIXES)
    )


def _cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if timeout <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        prefix = f"page:{pages_version()}"
        key = get_cache_key(request, prefix, "GET", cache=cache)
        if key is not None:
            hit = cache.get(key)
            if hit is not None:
                hit["X-Page-Cache"] = "hit"
                return hit
        response = self.get_response(request)
        if _cacheable_response(response):
            key = learn_cache_key(request, response, timeout, prefix, cache=cache)
            if hasattr(response, "render") and callable(response.render):
                response.add_post_render_callback(lambda r: cache.set(key, r, timeout))
            else:
                cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
