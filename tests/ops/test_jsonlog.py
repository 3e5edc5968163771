"""SCIPLAIN_LOG_FORMAT=json: one JSON object per line, with extra fields and exceptions."""

import json
import logging

from sciplain.jsonlog import JsonFormatter


def test_json_formatter_writes_one_object_per_line_with_extras():
    record = logging.LogRecord("sciplain.jobs", logging.INFO, __file__, 1, "job %s done", ("ingest",), None)
    record.papers = 12
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert "\n" not in line
    assert (entry["level"], entry["logger"], entry["message"], entry["papers"]) == (
        "INFO", "sciplain.jobs", "job ingest done", 12)


def test_json_formatter_keeps_the_traceback():
    try:
        raise ValueError("bad")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    assert "ValueError: bad" in json.loads(JsonFormatter().format(record))["exception"]
