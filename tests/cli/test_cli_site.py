"""`sciplain init` and friends, run as an operator runs them: a real process, a fresh data dir."""

import os
import sqlite3
import subprocess
import sys

import pytest


def sciplain(*args, data_dir, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAIN_", "DJANGO_", "DATABASE_URL"))}
    env.update({"SCIPLAIN_DATA_DIR": str(data_dir)}, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "sciplain", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.slow
def test_init_creates_data_dir_database_and_categories_idempotently(tmp_path):
    data_dir = tmp_path / "data"
    first = sciplain("init", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert (data_dir / "sciplain.sqlite3").exists()
    assert (data_dir / "secret.key").stat().st_mode & 0o077 == 0
    second = sciplain("init", "--json", data_dir=data_dir)
    assert second.returncode == 0, second.stderr
    with sqlite3.connect(data_dir / "sciplain.sqlite3") as db:
        names = [r[0] for r in db.execute("select name from papers_category order by \"order\"")]
    assert names[:3] == ["Spinal Cord Injury", "Rehabilitation", "Neurology"]
    assert len(names) == len(set(names))


def test_createeditor_rejects_a_weak_password_in_one_line(tmp_path):
    data_dir = tmp_path / "data"
    sciplain("init", data_dir=data_dir)
    result = sciplain("createeditor", "alice", env_extra={"SCIPLAIN_EDITOR_PASSWORD": "1234"}, data_dir=data_dir)
    assert result.returncode != 0
    assert result.stderr.strip().startswith("Error:") and len(result.stderr.strip().splitlines()) == 1


def test_import_of_a_missing_file_is_one_readable_error(tmp_path):
    result = sciplain("import", str(tmp_path / "nope.xml"), data_dir=tmp_path)
    assert result.returncode != 0
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='sciplain.settings'; django.setup()"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAIN_", "DJANGO_"))}
    env["SCIPLAIN_DATA_DIR"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "SCIPLAIN_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("argv", [["import", "/no/such/file.xml"], ["no-such-command"], ["summarize", "--no-such-option"]])
def test_a_mistake_on_the_command_line_is_one_line_naming_where_to_look(argv):
    result = subprocess.run([sys.executable, "-m", "sciplain", *argv], capture_output=True, text=True)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1
    assert lines[0].startswith("Error: ") and "--help`)" in lines[0]
