import pytest


@pytest.fixture
def editor(django_user_model):
    from sciplain.review.services import editor_create

    return editor_create(username="editor", email="editor@example.org", password="a-long-editor-passphrase")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
