"""Weekly digests: the right summaries, both parts, working links, and never the same digest twice."""

import json
import os
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from click.testing import CliRunner
from django.conf import settings
from django.test import Client

from sciplain.papers.models import Summary
from sciplain.review.services import summary_save
from sciplain.subscriptions import services
from sciplain.subscriptions.models import DigestDelivery, Subscriber
from tests import factories
from tests.mailserver import link_to, parts, path_of

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # ISO week 2026-W10
FRIDAY_BEFORE = MONDAY - timedelta(days=3)


def _subscriber(email="reader@example.org", *, status=Subscriber.Status.ACTIVE, categories=()):
    subscriber = Subscriber.objects.create(email=email, status=status)
    subscriber.categories.set(categories)
    return subscriber


def _publish(title, *, at=FRIDAY_BEFORE, categories=("rehabilitation",)):
    factories.category("Rehabilitation")
    factories.category("Pain Management")
    with time_machine.travel(at, tick=False):
        return factories.published_paper(data=factories.summary_data(categories=list(categories)), title=title)


def _run(now=MONDAY, **kwargs):
    with time_machine.travel(now, tick=False):
        return services.digests_send_all(now=now, **kwargs)


def test_digest_has_text_and_html_parts_with_the_new_summary(smtp_server):
    subscriber = _subscriber()
    paper = _publish("Treadmill walking after SCI")
    assert _run() == {"period": "2026-W10", "sent": 1, "skipped": 0, "failed": 0, "dry_run": False}
    [message] = smtp_server.messages
    assert message["To"] == subscriber.email
    assert message.get_content_type() == "multipart/alternative"
    assert "1 new research summary" in message["Subject"]
    text, html = parts(message)
    for body in (text, html):
        assert "Treadmill walking after SCI" in body
        assert "Researchers tested walking practice" in body
        assert paper.get_absolute_url() in body


def test_digest_links_work_when_followed(client, smtp_server):
    _subscriber()
    paper = _publish("Treadmill walking after SCI")
    _run()
    [message] = smtp_server.messages
    text, _ = parts(message)
    assert client.get(path_of(link_to(text, paper.get_absolute_url()))).status_code == 200
    assert client.get(path_of(link_to(text, "/subscribe/manage/"))).status_code == 200
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    assert Client(enforce_csrf_checks=True).post(path_of(unsubscribe)).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_digest_contains_only_chosen_categories():
    rehab = factories.category("Rehabilitation")
    _publish("About walking", categories=["rehabilitation"])
    _publish("About pain", categories=["pain-management"])
    subscriber = _subscriber(categories=[rehab])
    everything = _subscriber("all@example.org")
    with time_machine.travel(MONDAY, tick=False):
        chosen = services.digest_summaries(subscriber=subscriber, since=MONDAY - timedelta(days=7), until=MONDAY)
        all_ = services.digest_summaries(subscriber=everything, since=MONDAY - timedelta(days=7), until=MONDAY)
    assert [s.paper.title for s in chosen] == ["About walking"]
    assert sorted(s.paper.title for s in all_) == ["About pain", "About walking"]


@pytest.mark.parametrize("status", [Subscriber.Status.PENDING, Subscriber.Status.UNSUBSCRIBED])
def test_only_confirmed_subscribers_get_digests(smtp_server, status):
    _subscriber(status=status)
    _publish("Treadmill walking after SCI")
    assert _run()["sent"] == 0
    assert smtp_server.messages == []


def test_repeated_run_sends_nothing_twice(smtp_server):
    _subscriber()
    _subscriber("second@example.org")
    _publish("Treadmill walking after SCI")
    assert _run()["sent"] == 2
    assert _run(MONDAY + timedelta(hours=3)) | {"period": None} == {
        "period": None, "sent": 0, "skipped": 2, "failed": 0, "dry_run": False}
    assert len(smtp_server.messages) == 2


def test_interrupted_run_resends_only_the_unsent(smtp_server, monkeypatch):
    for n in range(3):
        _subscriber(f"r{n}@example.org")
    _publish("Treadmill walking after SCI")
    real_send = services._send

    def flaky(**kwargs):
        if kwargs["subscriber"].email == "r1@example.org":
            raise ConnectionRefusedError("mail server went away")
        return real_send(**kwargs)

    monkeypatch.setattr(services, "_send", flaky)
    assert _run()["failed"] == 1
    monkeypatch.setattr(services, "_send", real_send)
    assert _run(MONDAY + timedelta(minutes=1))["sent"] == 1
    assert sorted(m["To"] for m in smtp_server.messages) == ["r0@example.org", "r1@example.org", "r2@example.org"]
    assert DigestDelivery.objects.filter(sent_at__isnull=True).count() == 0


def test_killed_run_leaves_a_claim_that_a_later_run_takes_over(smtp_server):
    subscriber = _subscriber()
    _publish("Treadmill walking after SCI")
    with time_machine.travel(MONDAY, tick=False):  # as a process killed after claiming, before "sent"
        delivery = DigestDelivery.objects.create(subscriber=subscriber, period="2026-W10",
                                                 since=MONDAY - timedelta(days=7), until=MONDAY)
        delivery.summaries.set(Summary.objects.published())
        assert services._claim(delivery)
    assert _run(MONDAY + timedelta(minutes=5))["sent"] == 0  # still claimed: maybe another run is sending
    assert smtp_server.messages == []
    assert _run(MONDAY + services.CLAIM_LEASE + timedelta(minutes=1))["sent"] == 1
    assert _run(MONDAY + timedelta(hours=2))["sent"] == 0
    assert len(smtp_server.messages) == 1


def test_claim_is_won_by_exactly_one_run():
    subscriber = _subscriber()
    delivery = DigestDelivery.objects.create(subscriber=subscriber, period="2026-W10")
    assert [services._claim(delivery), services._claim(delivery)] == [True, False]


def test_next_digest_starts_where_the_last_one_ended(smtp_server):
    _subscriber()
    _publish("First week paper")
    _run()
    _publish("Second week paper", at=MONDAY + timedelta(days=3))
    assert _run(MONDAY + timedelta(days=7))["sent"] == 1
    second = parts(smtp_server.messages[-1])[0]
    assert "Second week paper" in second and "First week paper" not in second


def test_week_without_new_summaries_sends_nothing(smtp_server):
    _subscriber()
    _publish("Old paper", at=MONDAY - timedelta(days=30))
    assert _run() == {"period": "2026-W10", "sent": 0, "skipped": 1, "failed": 0, "dry_run": False}
    assert smtp_server.messages == [] and not DigestDelivery.objects.exists()


def test_new_version_of_an_already_published_paper_is_not_news():
    subscriber = _subscriber()
    paper = _publish("Old paper", at=MONDAY - timedelta(days=30))
    with time_machine.travel(FRIDAY_BEFORE, tick=False):
        summary_save(paper=paper, data=factories.summary_data(), status=Summary.Status.PUBLISHED)
    since = MONDAY - timedelta(days=7)
    assert not services.digest_summaries(subscriber=subscriber, since=since, until=MONDAY).exists()


def test_dry_run_counts_and_sends_nothing(smtp_server):
    _subscriber()
    _subscriber("nothing-new@example.org", categories=[factories.category("Pain Management")])
    _publish("Treadmill walking after SCI")
    assert _run(dry_run=True) == {"period": "2026-W10", "sent": 1, "skipped": 1, "failed": 0, "dry_run": True}
    assert smtp_server.messages == [] and not DigestDelivery.objects.exists()


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_DATA_DIR", str(settings.DATA_DIR))  # the CLI re-reads it; keep it as it is


def test_cli_digest_prints_counts(smtp_server, cli_env):
    from sciplain.cli import cli

    _subscriber()
    _publish("Treadmill walking after SCI", at=datetime.now(UTC) - timedelta(hours=1))
    result = CliRunner().invoke(cli, ["digest"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Sent 1 digests, skipped 0"
    again = CliRunner().invoke(cli, ["digest", "--json"])
    assert json.loads(again.output)["skipped"] == 1
    assert len(smtp_server.messages) == 1


def test_cli_digest_dry_run(smtp_server, cli_env):
    from sciplain.cli import cli

    _subscriber()
    result = CliRunner().invoke(cli, ["digest", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Would send 0 digests, skip 1 (dry run)" in result.output
    assert os.environ["SCIPLAIN_DATA_DIR"] == str(settings.DATA_DIR)
