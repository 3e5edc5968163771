"""Security headers Django does not set itself: a strict Content-Security-Policy and Permissions-Policy.

The site ships no inline script or style, so the policy needs no 'unsafe-inline'.
"""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


def login_client_ip(request) -> str | None:
    """The address django-axes records for a login (None when unknown, e.g. ``force_login`` in tests).

    The same rule as the public forms' rate limits; PostgreSQL's inet column accepts no placeholder.
    """
    from .ratelimit import client_ip

    ip = client_ip(request)
    return None if ip == "unknown" else ip
