"""Operator services: set up a data directory and keep it healthy."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.core.management import call_command


def secret_key_ensure(data_dir: Path) -> Path:
    """Create the data dir and a private secret-key file once; later calls keep the key."""
    data_dir.mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "secret.key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file


def site_init(*, collect_static: bool = True) -> dict:
    """Migrate, load the configured categories and collect static files (idempotent)."""
    from sciplain.papers.services import categories_sync

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    count = categories_sync()
    if collect_static:
        call_command("collectstatic", interactive=False, verbosity=0)
    return {"data_dir": str(settings.DATA_DIR), "categories": count}
