import pytest

from tests.mailserver import smtp_server  # noqa: F401  (fixture: a real SMTP server on 127.0.0.1)


@pytest.fixture
def editor(django_user_model):
    from sciplain.review.services import editor_create

    return editor_create(username="editor", email="editor@example.org", password="a-long-editor-passphrase")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache; every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
