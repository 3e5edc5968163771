"""Product knobs: one documented table, read from ``SCIPLAIN_<NAME>`` environment variables.

Infrastructure settings (database, secret key, hosts) live in ``settings.py``;
these are the choices an operator makes about the product itself. Each knob is a
``Setting(name, default, help)`` (datasette's pattern) so that the configuration
reference in the docs can be checked against this list by a test.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return f"SCIPLAIN_{self.name}"


SETTINGS: tuple[Setting, ...] = (
    Setting("SITE_NAME", "Spinal Cord Research Help", "Site name shown in the header, title and emails."),
    Setting(
        "SITE_TAGLINE",
        "Making Spinal Cord Injury (SCI) Research Accessible to Everyone. "
        "Simplifying complex research into clear, understandable information.",
        "Mission line under the site name on the home page.",
    ),
    Setting("SITE_URL", "http://127.0.0.1:8000", "Public base URL, used in feeds, emails and canonical links."),
    Setting(
        "CATEGORIES_FILE",
        "",
        "Path to a JSON list of categories (name, slug, description, mesh, keywords); "
        "empty uses the built-in SCI list.",
    ),
    Setting("PAGE_SIZE", 12, "Research cards per page on the Latest Research and category pages."),
    Setting("FKGL_TARGET", 8.0, "Flesch-Kincaid grade the simple explanation must not exceed."),
    Setting("SUMMARY_BACKEND", "offline", "Summary backend: offline (built in) or openai."),
    Setting("LLM_URL", "", "Base URL of the OpenAI-compatible server the openai backend calls (e.g. http://127.0.0.1:8001/v1)."),
    Setting("LLM_MODEL", "", "Model name the openai backend asks that server for."),
    Setting("LLM_TIMEOUT", 120.0, "Seconds the openai backend waits for one reply."),
    Setting(
        "PUBMED_QUERY",
        '"spinal cord injuries"[MeSH Terms] OR "spinal cord injury"[Title/Abstract]',
        "PubMed query that defines which papers the site covers.",
    ),
    Setting(
        "EUROPEPMC_QUERY",
        '(MESH:"Spinal Cord Injuries" OR TITLE:"spinal cord injury" OR ABSTRACT:"spinal cord injury")',
        "Europe PMC query for the same papers (its own syntax).",
    ),
    Setting("NCBI_EMAIL", "", "Contact address NCBI asks every E-utilities client to send (empty: FROM_EMAIL)."),
    Setting("INGEST_SOURCE", "pubmed", "Source the scheduler fetches from: pubmed, europepmc or all."),
    Setting("HTTP_MAX_ATTEMPTS", 5, "Tries per request to PubMed or Europe PMC before a run stops (it resumes later)."),
    Setting("HTTP_BACKOFF_SECONDS", 1.0, "Base of the exponential, jittered wait between those tries."),
    Setting("EUTILS_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/", "E-utilities base URL."),
    Setting("EUROPEPMC_URL", "https://www.ebi.ac.uk/europepmc/webservices/rest/", "Europe PMC REST base URL."),
    Setting("CONTACT_EMAIL", "editors@localhost", "Where contact-form messages are sent."),
    Setting("FROM_EMAIL", "sciplain@localhost", "Sender address of confirmation and digest emails."),
    Setting("DIGEST_WEEKDAY", 0, "Day of the week the digest goes out (0 = Monday)."),
    Setting("AUTO_PUBLISH", False, "Publish machine summaries that pass every check without review."),
    Setting("INGEST_HOUR", 5, "Hour of the day (UTC) the scheduler fetches new papers."),
    Setting("INGEST_DAYS", 7, "How many days back each scheduled fetch looks."),
    Setting("SUMMARIZE_EVERY_MINUTES", 15, "How often the scheduler summarizes papers that need it."),
    Setting("DIGEST_HOUR", 8, "Hour of the day (UTC) the weekly digest goes out."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw


def get(name: str) -> Any:
    """The knob's value: the environment variable when set, else the default."""
    setting = _BY_NAME[name]
    raw = os.environ.get(setting.env)
    return setting.default if raw is None else _coerce(raw, setting.default)


BUILTIN_CATEGORIES = Path(__file__).parent / "summarize" / "data" / "categories.json"


@lru_cache(maxsize=4)
def _load_categories(path: str) -> tuple[dict, ...]:
    return tuple(json.loads(Path(path).read_text(encoding="utf-8")))


def categories() -> tuple[dict, ...]:
    """The configured category list (name, slug, description, mesh, keywords), in display order."""
    return _load_categories(get("CATEGORIES_FILE") or str(BUILTIN_CATEGORIES))
