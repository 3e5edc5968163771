"""Test settings: the production settings module with a test key and a throwaway data dir.

Tests run with DEBUG off, as the site runs in production; only the secret key,
the data directory and the static-files storage (no manifest to build) differ.
"""

import os
import tempfile

os.environ.setdefault("SCIPLAIN_SECRET_KEY", "test-only-secret-key-" + "x" * 40)
os.environ.setdefault("SCIPLAIN_DATA_DIR", tempfile.mkdtemp(prefix="sciplain-test-"))

from sciplain.settings import *
from sciplain.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed: hashing is not under test here
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
PAGE_CACHE_SECONDS = 0  # page caching is tested on its own (tests/ops/test_pagecache.py)

os.makedirs(STATIC_ROOT, exist_ok=True)
