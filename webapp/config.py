"""Configuration, read from environment variables.

APP_ENV picks the class: "development", "testing" or "production" (the default,
so a forgotten setting fails safe: production insists on a real SECRET_KEY).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """Raised when the environment cannot run the app safely."""


class Config:
    ENV_NAME = "production"
    SERVICE_NAME = "Common Ground"
    SERVICE_NAME_LANG = "en"  # the name's own language, marked on pages in any other
    DEFAULT_SECRET_KEY: str | None = None
    DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'instance' / 'common-ground.db'}"

    # Languages offered in the header, each shown in its own name (from Babel's CLDR
    # data, webapp/i18n.py). English is the source language.
    LANGUAGES = ("en", "cy", "ar")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "locales")

    # Cookies: HttpOnly and SameSite=Lax everywhere, Secure outside development.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    PREFERENCE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365
    # Long enough to come back to an unfinished journey days later.
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 30

    # CSRF tokens last as long as the session; an expired one redisplays the form.
    WTF_CSRF_TIME_LIMIT = 60 * 60 * 4

    # Rate-limit counters are never written to the database. memory:// counts in each
    # process; redis://host:port counts once for every worker and machine (see __init__).
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_KEY_PREFIX = "common-ground"

    # HTML is compressed per response (Flask-Compress): brotli when asked, else gzip.
    # Static files are compressed once, at start-up (webapp/assets.py).
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_BR_LEVEL = 5
    COMPRESS_LEVEL = 6
    COMPRESS_MIN_SIZE = 500
    COMPRESS_MIMETYPES = ["text/html", "application/json", "text/plain"]
    # Content-hashed, precompressed static files served by WhiteNoise.
    STATIC_HASHED = True
    # Whole pages kept per process for visitors with no session (webapp/page_cache.py).
    PAGE_CACHE = True

    # Stories: what the confirmation page promises, and how many stories one address
    # may send without an account (counted in memory, never stored).
    USUAL_DAYS_TO_READ = 3
    SHARES_WITHOUT_ACCOUNT = "30 per hour"

    # Meetings (issue 16). The dashboard warns when a meeting this many days away has no
    # published agenda, and when one held this many days ago has no notes.
    MEETING_AGENDA_DAYS = 7
    MEETING_NOTES_DAYS = 3
    # Draft notes are open to corrections from members for this many days.
    MEETING_CORRECTION_DAYS = 7
    # Members are reminded this many days before (on the home page, and by email if chosen).
    MEETING_REMINDER_DAYS = 2
    # A regular member has attended MORE than this many regular meetings (the groups' rule:
    # "a member is someone who has been to more than one meeting").
    REGULAR_MEMBER_AFTER = 1
    # "You have come to 3 of the last 4 meetings": how many recent meetings a member's own
    # standing looks over, and how many missed in a row before facilitators check in.
    MEETING_STANDING_OVER = 4
    MEETING_AWAY_AFTER = 3

    TESTING = False
    DEBUG = False

    def __init__(self) -> None:
        # Read the environment when the config is made, not at import time.
        env = os.environ
        self.SECRET_KEY = env.get("SECRET_KEY") or self.DEFAULT_SECRET_KEY
        self.DATABASE_URL = env.get("DATABASE_URL") or self.DEFAULT_DATABASE_URL
        # How many reverse proxies sit in front of the app (0 when it is reached directly).
        # Their X-Forwarded-For/Proto headers are trusted only when this says so.
        self.PROXY_COUNT = int(env.get("PROXY_COUNT") or 0)
        self.PAGE_CACHE = _flag(env.get("PAGE_CACHE"), default=self.PAGE_CACHE)
        self.SHARES_WITHOUT_ACCOUNT = (
            env.get("SHARES_WITHOUT_ACCOUNT") or self.SHARES_WITHOUT_ACCOUNT
        )
        self.RATELIMIT_STORAGE_URI = env.get("RATELIMIT_STORAGE_URI") or self.RATELIMIT_STORAGE_URI
        self.STATIC_BUILD_DIR = Path(
            env.get("STATIC_BUILD_DIR") or ROOT / "instance" / "static-build"
        )
        self.CONTENT_DIR = Path(env.get("CONTENT_DIR") or ROOT / "content")
        self.EASYREAD_DIR = Path(env.get("EASYREAD_DIR") or ROOT / "easyread")
        self.QUICK_EXIT_URL = env.get("QUICK_EXIT_URL") or "https://www.bbc.co.uk/weather"
        self.MAIL_OUTBOX_DIR = Path(env.get("MAIL_OUTBOX_DIR") or ROOT / "instance" / "outbox")
        # Email. Without MAIL_SERVER, messages are written to MAIL_OUTBOX_DIR as .eml files.
        self.MAIL_SERVER = env.get("MAIL_SERVER") or None
        self.MAIL_PORT = _port(env.get("MAIL_PORT"), default=587)
        self.MAIL_USERNAME = env.get("MAIL_USERNAME") or None
        self.MAIL_PASSWORD = env.get("MAIL_PASSWORD") or None
        self.MAIL_USE_TLS = _flag(env.get("MAIL_USE_TLS"), default=True)
        self.MAIL_FROM = env.get("MAIL_FROM") or "Common Ground <no-reply@example.org>"
        # The address people use, for links in emails. Never taken from the request's
        # Host header, which anyone can set.
        self.PUBLIC_URL = (env.get("PUBLIC_URL") or "").rstrip("/") or None

    def check(self) -> None:
        if not self.SECRET_KEY:
            raise ConfigError(
                "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long "
                "random value (for example: python -c 'import secrets; "
                "print(secrets.token_hex(32))') before starting Common Ground."
            )
        if self.MAIL_SERVER and not self.PUBLIC_URL:
            raise ConfigError(
                "MAIL_SERVER is set but PUBLIC_URL is not. Set PUBLIC_URL to the address "
                "people use to reach Common Ground (for example https://commonground.example.org), "
                "so that links in emails point there."
            )


def _port(value: str | None, default: int) -> int:
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"MAIL_PORT must be a number, like 587; it is {value!r}.") from None


def _flag(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in ("0", "false", "no", "off")


class DevConfig(Config):
    ENV_NAME = "development"
    DEFAULT_SECRET_KEY = "development-only-secret-key"  # noqa: S105 (never used in production)
    SESSION_COOKIE_SECURE = False
    DEBUG = True
    STATIC_HASHED = False  # edits to webapp/static show at once


class TestConfig(Config):
    ENV_NAME = "testing"
    DEFAULT_SECRET_KEY = "testing-only-secret-key"  # noqa: S105 (tests only)
    SESSION_COOKIE_SECURE = False
    TESTING = True
    RATELIMIT_ENABLED = True

    def __init__(self) -> None:
        super().__init__()
        self.MAIL_SERVER = None  # tests never send real mail: it goes to the outbox


CONFIGS: dict[str, type[Config]] = {
    "production": Config,
    "development": DevConfig,
    "testing": TestConfig,
}


def config_from_env() -> Config:
    name = os.environ.get("APP_ENV", "production").lower()
    if name not in CONFIGS:
        raise ConfigError(f"APP_ENV must be one of {', '.join(CONFIGS)}; it is {name!r}.")
    return CONFIGS[name]()
