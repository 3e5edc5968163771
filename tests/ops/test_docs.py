"""The operator docs exist and list every environment variable the code reads."""

import re
from pathlib import Path

import pytest

from sciplain import conf

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = (ROOT / "docs" / "configuration.md").read_text()
SOURCES = ["sciplain/settings.py", "sciplain/celery.py", "sciplain/jobs.py", "sciplain/cli/jobs.py"]


def _read_vars() -> set[str]:
    found = set()
    for source in SOURCES:
        found |= set(re.findall(r"\b(SCIPLAIN_[A-Z_]+|DATABASE_URL)\b", (ROOT / source).read_text()))
    return found


@pytest.mark.parametrize("name", sorted(_read_vars()))
def test_every_environment_variable_is_in_the_configuration_reference(name):
    assert f"`{name}`" in REFERENCE


@pytest.mark.parametrize("setting", conf.SETTINGS, ids=lambda s: s.name)
def test_every_knob_is_in_the_configuration_reference(setting):
    assert f"`{setting.env}`" in REFERENCE


@pytest.mark.parametrize("doc, title", [
    ("one-machine.md", "# Run it on one machine"), ("postgres-and-workers.md", "# Grow to PostgreSQL + workers"),
    ("configuration.md", "# Configuration reference"), ("editors-guide.md", "# Editor's guide"),
])
def test_operator_docs_exist(doc, title):
    assert (ROOT / "docs" / doc).read_text().startswith(title)


def test_deploy_has_systemd_units_and_a_procfile():
    deploy = ROOT / "deploy"
    for unit in ["sciplain-web.service", "sciplain-worker.service", "sciplain-scheduler.service"]:
        assert "ExecStart=" in (deploy / unit).read_text()
    assert {line.split(":")[0] for line in (deploy / "Procfile").read_text().splitlines()
            if line and not line.startswith("#")} == {"web", "worker", "scheduler"}
