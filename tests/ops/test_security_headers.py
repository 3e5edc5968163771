"""Every public response carries the security headers; the admin login is throttled (django-axes)."""

import pytest
from django.test import override_settings

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/research/", "/about/", "/contact/", "/healthz"])
def test_public_responses_carry_security_headers(client, path):
    factories.published_paper()
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Permissions-Policy" in response.headers


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https_when_configured(client):
    response = client.get("/about/", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_admin_login_locks_out_after_repeated_failures(client, editor):
    statuses = [client.post("/admin/login/", {"username": "editor", "password": "wrong-password"}).status_code
                for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the form again with an error, then locked out
    response = client.post("/admin/login/", {"username": "editor", "password": "a-long-editor-passphrase"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_admin_login_works_with_the_right_password(client, editor):
    response = client.post("/admin/login/?next=/admin/", {"username": "editor",
                                                          "password": "a-long-editor-passphrase"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_argon2_is_the_password_hasher_in_production():
    from django.conf import settings as django_settings

    import sciplain.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert django_settings.AUTHENTICATION_BACKENDS[0].startswith("axes.")


def test_admin_pages_carry_a_script_restricting_policy(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy
