"""Production settings: refuse to start without a secret key, DEBUG off unless asked for, secure defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _settings(tmp_path, **env) -> subprocess.CompletedProcess:
    clean = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "SCIPLAIN_DATA_DIR": str(tmp_path / "data"),
             "DJANGO_SETTINGS_MODULE": "sciplain.settings", **env}
    code = ("import django; from django.conf import settings; django.setup(); "
            "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
            "settings.SECURE_HSTS_SECONDS, settings.STORAGES['staticfiles']['BACKEND'], "
            "settings.PASSWORD_HASHERS[0].rsplit('.', 1)[-1])")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    done = _settings(tmp_path)
    assert done.returncode != 0
    assert "SCIPLAIN_SECRET_KEY is not set" in done.stderr


def test_production_settings_are_secure_by_default(tmp_path):
    done = _settings(tmp_path, SCIPLAIN_SECRET_KEY="k" * 50, SCIPLAIN_HSTS_SECONDS="31536000")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True", "31536000",
                                   "whitenoise.storage.CompressedManifestStaticFilesStorage", "Argon2PasswordHasher"]


def test_debug_mode_is_explicit_and_runs_with_a_dev_key(tmp_path):
    done = _settings(tmp_path, SCIPLAIN_DEBUG="1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "True"


def test_cli_without_secret_key_says_so_in_one_line(tmp_path):
    # The CLI writes a key file on first use; the web server (wsgi) alone refuses.
    clean = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "SCIPLAIN_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", "import sciplain.wsgi"], cwd=ROOT, env=clean,
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr
