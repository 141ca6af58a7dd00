"""Configuration: everything secret or deployment-specific comes from the environment.

The secret key is never a constant in code. Without ``SECRET_KEY`` in the environment we generate
one on first start and keep it in ``instance/secret_key`` so that sessions survive restarts and
every worker of one deployment signs cookies with the same key.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus.formats import Limits


def load_secret_key(instance_path: str) -> str:
    env = os.environ.get("SECRET_KEY")
    if env:
        return env
    path = Path(instance_path) / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    # O_EXCL: when two workers start at once only one key wins; the loser reads it.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "quizapp.sqlite")
    # Hosted PostgreSQL often hands out postgres:// URLs; SQLAlchemy wants the driver named.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def default_config(instance_path: str) -> dict:
    return {
        "SECRET_KEY": load_secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH", 2 * 1024 * 1024)),
        "MAX_ARTICLE_BYTES": int(os.environ.get("MAX_ARTICLE_BYTES", 1024 * 1024)),
        # An article's file may be much bigger than its text (a PDF with photos, a saved page with
        # scripts): uploads and fetched links up to this size are read, and the text taken out of
        # them must still fit MAX_ARTICLE_BYTES. The article upload form alone accepts requests
        # this big; every other form keeps MAX_CONTENT_LENGTH.
        "MAX_UPLOAD_BYTES": int(os.environ.get("MAX_UPLOAD_BYTES", 8 * 1024 * 1024)),
        # a .docx is a zip: what its parts may unpack to, in all (a zip bomb declares far more)
        "MAX_UNPACKED_BYTES": int(os.environ.get("MAX_UNPACKED_BYTES", 32 * 1024 * 1024)),
        # Links ("or paste a link"): fetched by the worker within this many seconds. Loopback
        # addresses are refused unless URL_FETCH_ALLOW_LOOPBACK (tests serving a page locally only).
        "URL_FETCH_TIMEOUT": float(os.environ.get("URL_FETCH_TIMEOUT", "15") or 15),
        "URL_FETCH_ALLOW_LOOPBACK": False,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # "auto" (default): cookies are marked Secure on requests that arrived over HTTPS.
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE") == "1",
        "COOKIE_SECURE_AUTO": os.environ.get("SESSION_COOKIE_SECURE", "auto") == "auto",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # How many reverse proxies in front of us set X-Forwarded-For/-Proto/-Host (0: trust none,
        # so a client cannot fake HTTPS or its address to dodge the login rate limit).
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0") or 0),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        "LOGIN_RATE_LIMIT": os.environ.get("LOGIN_RATE_LIMIT", "10 per minute; 100 per hour"),
        "SIGNUP_RATE_LIMIT": os.environ.get("SIGNUP_RATE_LIMIT", "5 per minute; 50 per hour"),
        "WTF_CSRF_TIME_LIMIT": None,
        "PAGE_SIZE": 25,
        # The progress dashboard is kept per worker while the student's own data is unchanged
        # (see ``study.snapshots``); this bounds how late it shows time passing and corpus changes.
        # 0 computes it on every view. A snapshot is 30–100 KB, so 200 of them stay under 20 MB a worker.
        "DASHBOARD_SNAPSHOT_SECONDS": int(os.environ.get("DASHBOARD_SNAPSHOT_SECONDS", "60") or 0),
        "DASHBOARD_SNAPSHOT_SIZE": int(os.environ.get("DASHBOARD_SNAPSHOT_SIZE", "200") or 0),
        # Where a host's workers share them (signed files; "" keeps them in each worker only).
        "DASHBOARD_SNAPSHOT_DIR": os.environ.get("DASHBOARD_SNAPSHOT_DIR", str(Path(instance_path) / "snapshots")),
        # The job queue (``quizapp.jobs``): SQLite beside the database by default, or a Redis URL
        # (redis://host:6379/0) shared by every web and worker host. QUEUE_IMMEDIATE runs jobs
        # inside the request that queued them (tests, and a deployment without a worker).
        "QUEUE_URL": os.environ.get("QUEUE_URL") or "sqlite:///" + str(Path(instance_path) / "queue.sqlite"),
        "QUEUE_IMMEDIATE": os.environ.get("QUEUE_IMMEDIATE") == "1",
        "UPLOAD_RATE_LIMIT": os.environ.get("UPLOAD_RATE_LIMIT", "10 per minute; 100 per day"),
        # "Forgot password": how long a reset link works, and how often it may be asked for (per
        # client address, and per e-mail address asked about so nobody is flooded with mail).
        "PASSWORD_RESET_SECONDS": int(os.environ.get("PASSWORD_RESET_SECONDS", "3600") or 0),
        # how long "Undo" works after removing a student, deleting a set or archiving a class
        "UNDO_SECONDS": int(os.environ.get("UNDO_SECONDS", "600") or 0),
        # guesses at a class code, by the join form and the join link together
        "JOIN_RATE_LIMIT": os.environ.get("JOIN_RATE_LIMIT", "20 per minute; 200 per day"),
        "REPORT_RATE_LIMIT": os.environ.get("REPORT_RATE_LIMIT", "10 per minute; 100 per day"),
        "RESET_RATE_LIMIT": os.environ.get("RESET_RATE_LIMIT", "5 per minute; 30 per hour"),
        "RESET_EMAIL_RATE_LIMIT": os.environ.get("RESET_EMAIL_RATE_LIMIT", "3 per hour"),
        # Exports build files (an Anki package is a SQLite database): bounded per user like uploads.
        "EXPORT_RATE_LIMIT": os.environ.get("EXPORT_RATE_LIMIT", "30 per minute; 300 per hour"),
        # Links in e-mails start with this (e.g. https://quiz.example.org); without it they use the
        # address the request came to, which a forged Host header could change: set it in production.
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", "").rstrip("/"),
        # Outgoing mail. Without MAIL_SERVER, mail is written to the log ("quizapp.mail", INFO).
        **mail_config(),
    }


def mail_config() -> dict:
    port = os.environ.get("MAIL_PORT", "").strip()
    use_ssl = os.environ.get("MAIL_USE_SSL") == "1"
    return {
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", "").strip(),
        "MAIL_PORT": int(port) if port.isdigit() else (465 if use_ssl else 587),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "quizapp <no-reply@localhost>"),
        # STARTTLS on the plain port (default on); MAIL_USE_SSL=1 for TLS from the start (port 465).
        "MAIL_USE_TLS": os.environ.get("MAIL_USE_TLS", "1") != "0",
        "MAIL_USE_SSL": use_ssl,
        "MAIL_TIMEOUT": int(os.environ.get("MAIL_TIMEOUT", "20") or 20),
    }


def article_limits(config) -> Limits:
    """The size caps for reading article files, from the app's configuration."""
    from .corpus.formats import Limits

    return Limits(file_bytes=config["MAX_UPLOAD_BYTES"], text_bytes=config["MAX_ARTICLE_BYTES"],
                  unpacked_bytes=config["MAX_UNPACKED_BYTES"])
