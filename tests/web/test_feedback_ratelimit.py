"""The per-IP rate limiter the feedback, contact and subscribe forms share."""

import pytest
from django.test import RequestFactory

from sciplain.web.ratelimit import client_ip, hit


def test_ratelimit_hit_allows_up_to_the_limit_then_says_how_long_to_wait():
    results = [hit(scope="t", key="1.2.3.4", limit=3, period=60) for _ in range(4)]
    assert results[:3] == [0, 0, 0]
    assert 1 <= results[3] <= 60


def test_ratelimit_counts_each_scope_and_address_apart():
    for _ in range(3):
        hit(scope="a", key="1.2.3.4", limit=3, period=60)
    assert hit(scope="b", key="1.2.3.4", limit=3, period=60) == 0
    assert hit(scope="a", key="5.6.7.8", limit=3, period=60) == 0


def test_client_ip_ignores_forwarded_for_unless_behind_our_proxy(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_ip(request) == "10.0.0.1"


@pytest.mark.parametrize("forwarded,expected", [("203.0.113.5", "203.0.113.5"),
                                                ("6.6.6.6, 203.0.113.5", "203.0.113.5")])
def test_client_ip_behind_proxy_takes_the_address_the_proxy_added(settings, forwarded, expected):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
