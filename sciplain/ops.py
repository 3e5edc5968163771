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


def _pg_tool(name: str) -> str:
    """pg_dump/pg_restore from PATH, else the newest Debian install under /usr/lib/postgresql."""
    import shutil

    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if not candidates:
        raise BackupError(f"{name} not found: install the PostgreSQL client (apt-get install postgresql-client)")
    return str(candidates[-1])


def _pg_env(db: dict) -> tuple[list[str], dict]:
    import os

    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = os.environ.copy()
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


class BackupError(Exception):
    """A backup or restore that could not be made; the message is one readable line."""


def backup_default_path() -> Path:
    from django.db import connection
    from django.utils import timezone

    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".pgdump"
    return Path(settings.DATA_DIR) / "backups" / f"sciplain-{timezone.now():%Y%m%d-%H%M%S}{suffix}"


def database_backup(*, path: Path | None = None) -> dict:
    """A consistent copy of the live database, taken while the site keeps running.

    SQLite: the online backup API (``sqlite3.Connection.backup``) copies page by page
    under a read lock, so a backup is never half-written by a concurrent job.
    PostgreSQL: ``pg_dump --format=custom`` (a consistent snapshot), restorable with
    ``database_restore``.
    """
    import sqlite3
    import subprocess

    from django.db import connection

    path = Path(path) if path else backup_default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"cannot write a backup to {path.parent}: {exc.strerror}") from None
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        tmp = path.with_name(path.name + ".partial")
        target = sqlite3.connect(tmp)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        tmp.replace(path)
    elif connection.vendor == "postgresql":
        args, env = _pg_env(connection.settings_dict)
        done = subprocess.run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(path), *args],
                              env=env, capture_output=True, text=True)
        if done.returncode:
            raise BackupError(f"pg_dump failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    else:
        raise BackupError(f"backups of {connection.vendor} databases are not supported")
    return {"path": str(path), "bytes": path.stat().st_size, "database": connection.vendor}


def database_restore(*, path: Path) -> dict:
    """Replace the live database's contents with a backup made by ``database_backup``."""
    import sqlite3
    import subprocess

    from django.db import connection

    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup file at {path}")
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is not a healthy SQLite database")
            source.backup(connection.connection)
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{path} is not a SQLite backup ({exc})") from None
        finally:
            source.close()
    elif connection.vendor == "postgresql":
        args, env = _pg_env(connection.settings_dict)
        done = subprocess.run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                               *args, str(path)], env=env, capture_output=True, text=True)
        if done.returncode:
            raise BackupError(f"pg_restore failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    else:
        raise BackupError(f"restoring {connection.vendor} databases is not supported")
    from sciplain.web.pagecache import pages_changed

    pages_changed()
    return {"path": str(path), "database": connection.vendor}
