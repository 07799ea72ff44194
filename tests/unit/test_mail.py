"""Mail settings from the environment, the outbox, and SMTP delivery."""

from __future__ import annotations

import threading

import pytest

from webapp import config as settings
from webapp import mail
from webapp.config import Config, ConfigError


def test_mail_settings_have_safe_defaults(monkeypatch):
    for name in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USERNAME", "MAIL_USE_TLS", "MAIL_FROM"):
        monkeypatch.delenv(name, raising=False)
    config = Config()
    assert config.MAIL_SERVER is None
    assert config.MAIL_PORT == 587
    assert config.MAIL_USE_TLS is True
    assert config.MAIL_FROM == "Common Ground <no-reply@example.org>"


def test_mail_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("MAIL_SERVER", "smtp.example.org")
    monkeypatch.setenv("MAIL_PORT", "2525")
    monkeypatch.setenv("MAIL_USE_TLS", "false")
    monkeypatch.setenv("MAIL_USERNAME", "sender")
    monkeypatch.setenv("PUBLIC_URL", "https://commonground.example.org/")
    config = Config()
    assert (config.MAIL_SERVER, config.MAIL_PORT, config.MAIL_USE_TLS) == (
        "smtp.example.org",
        2525,
        False,
    )
    assert config.MAIL_USERNAME == "sender"
    assert config.PUBLIC_URL == "https://commonground.example.org"
    assert settings.TestConfig().MAIL_SERVER is None, "tests never send real mail"


def test_a_bad_port_or_a_missing_public_address_stops_with_a_plain_message(monkeypatch):
    monkeypatch.setenv("MAIL_PORT", "five-eight-seven")
    with pytest.raises(ConfigError, match="MAIL_PORT must be a number"):
        Config()
    monkeypatch.delenv("MAIL_PORT")
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("MAIL_SERVER", "smtp.example.org")
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        Config().check()


def test_without_a_server_mail_goes_to_the_outbox(app, tmp_path):
    app.config["MAIL_OUTBOX_DIR"] = tmp_path / "outbox"
    with app.app_context():
        mail.send("someone@example.org", "Hello", "Plain words.\n")
    [message] = mail.outbox_messages(tmp_path / "outbox")
    assert message["To"] == "someone@example.org"
    assert message["Subject"] == "Hello"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content() == "Plain words.\n"


class FakeSMTP:
    sent: list = []

    def __init__(self, host, port, timeout):
        self.calls = [("connect", host, port)]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        FakeSMTP.sent.append(self.calls)

    def starttls(self, context):
        self.calls.append(("starttls",))

    def login(self, user, password):
        self.calls.append(("login", user, password))

    def send_message(self, message):
        self.calls.append(("send", message["To"]))


def test_with_a_server_mail_goes_by_smtp_in_the_background(app, monkeypatch):
    monkeypatch.setattr(mail.smtplib, "SMTP", FakeSMTP)
    FakeSMTP.sent = []
    done = threading.Event()
    deliver = mail._deliver
    monkeypatch.setattr(mail, "_deliver", lambda *args: (deliver(*args), done.set()))
    app.config.update(
        MAIL_SERVER="smtp.example.org", MAIL_PORT=587, MAIL_USE_TLS=True,
        MAIL_USERNAME="sender", MAIL_PASSWORD="secret",
    )  # fmt: skip
    with app.app_context():
        mail.send("someone@example.org", "Hello", "Plain words.\n")
    assert done.wait(5)
    assert FakeSMTP.sent == [
        [
            ("connect", "smtp.example.org", 587),
            ("starttls",),
            ("login", "sender", "secret"),
            ("send", "someone@example.org"),
        ]
    ]
