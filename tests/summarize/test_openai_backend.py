"""The "openai" backend against a real HTTP server on 127.0.0.1 that speaks the chat completions protocol."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from sciplain.cli import cli
from sciplain.summarize import summarize
from sciplain.summarize.backends import _INSTANCES, get_backend
from sciplain.summarize.backends.openai_compat import LLMError, LLMNotConfigured, OpenAIBackend

from .abstracts import RCT

GOOD = {
    "simple_explanation": "The researchers wanted to know if walking on a treadmill helps people with an incomplete "
                          "spinal cord injury walk faster. People were put into groups by chance. Those who trained "
                          "walked faster than those who got usual care. Their balance did not change.",
    "research_summary": "This randomized trial tested body-weight-supported treadmill training in adults with chronic "
                        "incomplete spinal cord injury. Training improved walking speed compared with usual care. "
                        "Balance scores did not differ. No serious adverse events occurred.",
    "key_findings": [
        {"text": "Walking speed improved by 0.12 m/s in the training group compared with usual care.", "source_sentences": [5]},
        {"text": "Balance scores did not differ between groups.", "source_sentences": [6]},
        {"text": "Treadmill training may improve walking speed.", "source_sentences": [9]},
    ],
    "practical_implications": [{"title": "Training and walking", "text": "Treadmill training may help walking speed after an incomplete injury."}],
    "limitations": [{"text": "The study took place at a single centre.", "origin": "inferred"}],
}


def completion(content: str) -> dict:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "test-model",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}


class Server:
    """Answers POST /v1/chat/completions with the queued (status, content) pairs, recording each request."""

    def __init__(self):
        self.queue: list[tuple[int, str]] = []
        self.requests: list[tuple[dict, dict]] = []  # (headers, body)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append((dict(self.headers), body))
                status, content = server.queue.pop(0) if server.queue else (200, json.dumps(GOOD))
                if self.path != "/v1/chat/completions":
                    status = 404
                payload = json.dumps(completion(content) if status == 200 else {"error": {"message": "no"}}).encode()
                self.send_response(status)
                if status == 503:
                    self.send_header("Retry-After", "0")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


@pytest.fixture
def backend(server, standin_resources):
    return OpenAIBackend(url=server.url, model="test-model", api_key="sk-test", resources=standin_resources, backoff=0)


@pytest.fixture
def llm_env(server, monkeypatch):
    monkeypatch.setenv("SCIPLAIN_SUMMARY_BACKEND", "openai")
    monkeypatch.setenv("SCIPLAIN_LLM_URL", server.url)
    monkeypatch.setenv("SCIPLAIN_LLM_MODEL", "test-model")
    monkeypatch.delenv("SCIPLAIN_LLM_API_KEY", raising=False)
    _INSTANCES.pop("openai", None)  # the shared instance reads the environment once
    yield
    _INSTANCES.pop("openai", None)


def test_good_reply_becomes_a_checked_summary_with_deterministic_design(backend, server):
    s = backend.summarize(RCT)
    assert s.simple_explanation == GOOD["simple_explanation"]
    assert [f.source_sentences for f in s.key_findings] == [[5], [6], [9]]
    assert s.limitations[0].origin == "inferred"
    assert s.study_design == "randomized controlled trial" and s.evidence_level.level == "2"
    assert s.participants.count == 42 and s.glossary and s.categories
    assert s.backend == "openai" and s.version == "test-model"
    assert s.passed, [c.message for c in s.checks]

    headers, body = server.requests[0]
    assert body["model"] == "test-model" and body["response_format"] == {"type": "json_object"}
    prompt = body["messages"][-1]["content"]
    assert "[5] Walking speed improved by 0.12 m/s" in prompt and "[10] Larger trials" in prompt
    assert "randomized controlled trial" in prompt
    assert headers["Authorization"] == "Bearer sk-test"


def test_no_authorization_header_without_a_key(server, standin_resources):
    OpenAIBackend(url=server.url, model="m", api_key="", resources=standin_resources).summarize(RCT)
    assert "Authorization" not in server.requests[0][0]


def test_invented_number_sends_the_summary_to_review(backend, server):
    reply = GOOD | {"key_findings": [{"text": "Walking speed improved by 45% in the training group.", "source_sentences": [5]}]}
    server.queue.append((200, json.dumps(reply)))
    s = backend.summarize(RCT)
    assert "F001" in {c.code for c in s.checks} and not s.passed


def test_invalid_reply_is_sent_back_once_with_the_error(backend, server):
    server.queue.append((200, "Sure! Here is the summary: {"))
    s = backend.summarize(RCT)
    assert s.simple_explanation == GOOD["simple_explanation"] and len(server.requests) == 2
    retry = server.requests[1][1]["messages"]
    assert retry[-2] == {"role": "assistant", "content": "Sure! Here is the summary: {"}
    assert "not valid" in retry[-1]["content"] and "JSON" in retry[-1]["content"]


def test_invalid_twice_is_one_clear_error(backend, server):
    server.queue += [(200, "not json"), (200, json.dumps(GOOD | {"limitations": [{"text": "x", "origin": "guessed"}]}))]
    with pytest.raises(LLMError, match=r"test-model.*127\.0\.0\.1.*invalid summary twice: limitations\.0\.origin") as exc:
        backend.summarize(RCT)
    assert "\n" not in str(exc.value)


def test_citing_a_sentence_that_does_not_exist_is_invalid(backend, server):
    server.queue.append((200, json.dumps(GOOD | {"key_findings": [{"text": "Made up.", "source_sentences": [99]}]})))
    backend.summarize(RCT)
    assert "must cite sentences 0 to 10" in server.requests[1][1]["messages"][-1]["content"]


def test_busy_server_is_retried(backend, server):
    server.queue.append((503, ""))
    assert backend.summarize(RCT).passed and len(server.requests) == 2


def test_unreachable_server_is_one_line_naming_the_host(standin_resources):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    b = OpenAIBackend(url=f"http://127.0.0.1:{port}/v1", model="m", resources=standin_resources, max_attempts=2, backoff=0)
    with pytest.raises(LLMError, match=f"cannot reach the model server at 127.0.0.1:{port}") as exc:
        b.summarize(RCT)
    assert "\n" not in str(exc.value)


def test_missing_configuration_names_the_variables(monkeypatch):
    monkeypatch.delenv("SCIPLAIN_LLM_URL", raising=False)
    monkeypatch.delenv("SCIPLAIN_LLM_MODEL", raising=False)
    with pytest.raises(LLMNotConfigured, match="SCIPLAIN_LLM_URL and SCIPLAIN_LLM_MODEL"):
        OpenAIBackend()


def test_registry_and_summarize_use_the_environment(llm_env, server):
    b = get_backend()
    assert isinstance(b, OpenAIBackend) and b.url == server.url and b.model == "test-model"
    s = summarize(RCT)
    assert s.backend == "openai" and s.passed and server.requests[0][1]["model"] == "test-model"


def test_cli_file_mode_writes_summaries_from_the_server(llm_env, server, tmp_path):
    papers = tmp_path / "x.jsonl"
    abstract = " ".join(f"{sec.label}: {sec.text}" for sec in RCT.sections)
    papers.write_text(json.dumps({"id": "p1", "title": RCT.title, "abstract": abstract,
                                  "publication_types": RCT.publication_types}) + "\n")
    out = tmp_path / "y.jsonl"
    result = CliRunner().invoke(cli, ["summarize", "--input", str(papers), "--output", str(out), "--backend", "openai"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text())
    assert row["summary"]["backend"] == "openai" and row["summary"]["simple_explanation"] == GOOD["simple_explanation"]
    assert len(server.requests) == 1
