"""`sciplain quickstart` and `serve` as an operator runs them: a real gunicorn answering real requests."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.pubmed_xml import article, article_set

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 60.0) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_quickstart_with_a_file_imports_summarizes_publishes_and_serves(tmp_path):
    papers = tmp_path / "papers.xml"
    papers.write_text(article_set([article(32000001, pub_types=("Journal Article", "Randomized Controlled Trial"))]))
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAIN_", "DJANGO_", "DATABASE_URL"))}
    env["SCIPLAIN_DATA_DIR"] = str(tmp_path / "elsewhere")  # not the ./sciplain-data default
    process = subprocess.Popen([sys.executable, "-m", "sciplain", "quickstart", "--file", str(papers), "--port", str(port)],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        status, home = _get(f"http://127.0.0.1:{port}/")
        assert status == 200, home
        assert "Treadmill training and walking speed" in home
        status, _css = _get(f"http://127.0.0.1:{port}/healthz")
        assert status == 200
        assert not (tmp_path / "sciplain-data").exists()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0]
    assert "Imported: Created 1" in output and "published 1" in output


def test_serve_with_scheduler_summarizes_pending_papers_while_serving(tmp_path):
    import sqlite3

    data_dir = tmp_path / "data"
    papers = tmp_path / "papers.xml"
    papers.write_text(article_set([article(32000002), article(32000003)]))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCIPLAIN_", "DJANGO_", "DATABASE_URL"))}
    env |= {"SCIPLAIN_DATA_DIR": str(data_dir), "SCIPLAIN_EUTILS_URL": "http://127.0.0.1:9/",
            "SCIPLAIN_HTTP_MAX_ATTEMPTS": "1"}
    for command in (["init"], ["import", str(papers)]):
        done = subprocess.run([sys.executable, "-m", "sciplain", *command], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "sciplain", "serve", "--with-scheduler", "--port", str(port)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        assert _get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        deadline, summarized = time.monotonic() + 90, 0
        while summarized < 2 and time.monotonic() < deadline:
            with sqlite3.connect(data_dir / "sciplain.sqlite3") as db:
                summarized = db.execute("select count(*) from papers_summary").fetchone()[0]
            time.sleep(0.5)
        assert summarized == 2
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=30)
