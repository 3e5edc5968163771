"""`sciplain import` as an operator runs it: a real process, real files, a fresh data dir."""

import os
import pty
import subprocess
import sys

import pytest

from tests.cli.test_cli_site import sciplain
from tests.pubmed_xml import article, article_set

pytestmark = pytest.mark.slow


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    assert sciplain("init", data_dir=path).returncode == 0
    return path


def test_import_reports_warnings_and_bad_records_and_is_quiet_off_a_terminal(tmp_path, data_dir):
    broken = "<PubmedArticle><MedlineCitation><PMID>12</PMID></MedlineCitation></PubmedArticle>"
    path = tmp_path / "mixed.xml"
    path.write_text(article_set([article(11, title="T" * 2100), broken, article(13)]))
    result = sciplain("import", str(path), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Created 2, updated 0, skipped 0, 1 bad records, 1 warnings"
    assert result.stderr.splitlines() == ["skipped PMID 12: no Article element",
                                          "warning: PMID 11: title truncated from 2100 to 2000 characters"]


def test_import_of_a_file_with_no_readable_record_fails_in_one_line(tmp_path, data_dir):
    path = tmp_path / "all-bad.xml"
    path.write_text(article_set(["<PubmedArticle><MedlineCitation><PMID>x</PMID></MedlineCitation></PubmedArticle>"]))
    result = sciplain("import", str(path), data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Error: no record could be read: Created 0, updated 0, skipped 0, 1 bad records"


def test_import_shows_count_and_rate_on_a_terminal(tmp_path, data_dir):
    path = tmp_path / "two.xml"
    path.write_text(article_set([article(21), article(22)]))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAIN_", "DJANGO_", "DATABASE_URL"))}
    env["SCIPLAIN_DATA_DIR"] = str(data_dir)
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "sciplain", "import", str(path)], stdout=subprocess.PIPE,
                               stderr=follower, env=env, text=True)
    out, _ = process.communicate(timeout=120)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.returncode == 0 and out.strip() == "Created 2, updated 0, skipped 0"
    assert b"Importing" in shown and b"records/s" in shown


def test_import_into_a_data_dir_that_was_never_set_up_says_so_in_one_line(tmp_path):
    path = tmp_path / "one.xml"
    path.write_text(article_set([article(31)]))
    result = sciplain("import", str(path), data_dir=tmp_path / "never-initialised")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: the database ({tmp_path / 'never-initialised'}) is not set up yet: run `sciplain init` first"]
