import json
from pathlib import Path

from sciplain.summarize.files import summarize_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summarize"


def test_files_summarize_path_handles_jsonl_for_the_cli(tmp_path):
    out = tmp_path / "s.jsonl"
    counts = summarize_path(str(FIXTURES / "papers.jsonl"), str(out))
    assert counts["ok"] == 3 and counts["failed"] == 2
    assert len(out.read_text().splitlines()) == 5
    first = json.loads(out.read_text().splitlines()[0])
    assert first["summary"]["study_design"] == "randomized controlled trial"
