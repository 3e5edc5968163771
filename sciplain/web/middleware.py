"""Security headers Django does not set itself (CSP, Permissions-Policy) and CORS preflights for the API.

The site ships no inline script or style, so the policy needs no 'unsafe-inline'.
Django's admin has no inline scripts either but does use inline style attributes,
so its policy restricts scripts, frames, forms and plugins and leaves styles alone.
"""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)


ADMIN_CSP = (
    "script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = ADMIN_CSP if request.path.startswith("/admin/") else CSP
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class ApiPreflightMiddleware:
    """Answer CORS preflight (OPTIONS) requests to the read-only API, which its router would refuse with 405."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS" and request.path.startswith("/api/"):
            from django.http import HttpResponse

            from .api import CORS

            response = HttpResponse(status=204)
            for name, value in CORS.items():
                response[name] = value
            response["Access-Control-Allow-Headers"] = request.headers.get("Access-Control-Request-Headers", "")[:200] \
                or "Accept, Content-Type"
            return response
        return self.get_response(request)


def login_client_ip(request) -> str | None:
    """The address django-axes records for a login (None when unknown, e.g. ``force_login`` in tests).

    The same rule as the public forms' rate limits; PostgreSQL's inet column accepts no placeholder.
    """
    from .ratelimit import client_ip

    ip = client_ip(request)
    return None if ip == "unknown" else ip
