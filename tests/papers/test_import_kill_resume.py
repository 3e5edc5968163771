"""An import killed with SIGKILL mid-way and run again holds every record exactly once."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.pubmed_xml import many

pytestmark = pytest.mark.slow

N = 20000


def _env(data_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAIN_", "DJANGO_", "DATABASE_URL"))}
    env["SCIPLAIN_DATA_DIR"] = str(data_dir)
    return env


def _count(db_path) -> tuple[int, int]:
    with sqlite3.connect(db_path) as db:
        total = db.execute("select count(*) from papers_paper").fetchone()[0]
        distinct = db.execute("select count(distinct pmid) from papers_paper").fetchone()[0]
    return total, distinct


def test_import_killed_mid_way_then_rerun_holds_each_record_once(tmp_path):
    xml = tmp_path / "big.xml"
    xml.write_text(many(N))
    data_dir = tmp_path / "data"
    env = _env(data_dir)
    subprocess.run([sys.executable, "-m", "sciplain", "init"], env=env, check=True, capture_output=True)
    db_path = data_dir / "sciplain.sqlite3"

    proc = subprocess.Popen([sys.executable, "-m", "sciplain", "import", "--batch-size", "200", str(xml)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            if _count(db_path)[0] >= 1000:
                break
        except sqlite3.OperationalError:
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial, _ = _count(db_path)
    assert 0 < partial < N, "the kill must land mid-way for this test to mean anything"
    assert partial % 200 == 0, "batches are committed whole or not at all"

    rerun = subprocess.run([sys.executable, "-m", "sciplain", "import", str(xml)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {partial}" in rerun.stdout
    assert _count(db_path) == (N, N)
