"""Configuration, database set-up, migrations, wording and safe redirects."""

from __future__ import annotations

import pytest
from peewee import PostgresqlDatabase

from webapp import create_app
from webapp.config import Config, ConfigError
from webapp.database import open_database
from webapp.display import DEFAULTS, parse, serialise
from webapp.extensions import db
from webapp.migrations import STEPS, current_version, migrate
from webapp.navigation import safe_next
from webapp.wording import say


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app(Config())


def test_unknown_app_env_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("APP_ENV", "staging")
    with pytest.raises(ConfigError, match="APP_ENV must be one of"):
        create_app()


def test_database_url_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://user:pw@db.internal:5432/cg")
    assert Config().DATABASE_URL.startswith("postgresql://")
    database = open_database(Config().DATABASE_URL)
    assert isinstance(database, PostgresqlDatabase)
    assert database.database == "cg"


def test_migrations_are_versioned_and_run_once(app):
    with db.connection_context():
        assert current_version() == STEPS[-1][0]
        assert migrate() == [], "a second run applies nothing"
        tables = set(db.get_tables())
    assert {"schema_version", "community"} <= tables


def test_demo_content_loads_the_three_communities(app):
    from webapp.models import Community

    with db.connection_context():
        names = [c.name for c in Community.in_order()]
    assert names == ["People", "Advocates and Campaigners", "Staff"]


def test_wording_follows_the_variant(app):
    words = say("Choose a display name", "Pick a name")
    with app.test_request_context("/?view=easyread"):
        assert str(words) == "Pick a name"
    with app.test_request_context("/"):
        assert str(words) == "Choose a display name"
        assert words.__html__() == "Choose a display name"
    assert str(say("<b>", None).__html__()) == "&lt;b&gt;"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/help", "/help"),
        ("/settings?next=/x", "/settings?next=/x"),
        ("//evil.example", "/"),
        ("https://evil.example", "/"),
        ("/\\evil.example", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_safe_next(value, expected):
    assert safe_next(value) == expected


def test_display_settings_parse_leniently_and_round_trip():
    assert parse(None) == DEFAULTS
    assert parse("size-huge.contrast-dark") == {**DEFAULTS, "contrast": "dark"}
    chosen = {"size": "large", "contrast": "high", "spacing": "wide"}
    assert parse(serialise(chosen)) == chosen
