"""Sending email: plain text, no tracking.

With MAIL_SERVER set, messages go by SMTP (STARTTLS when MAIL_USE_TLS). Without it
(development and tests), each message is written to MAIL_OUTBOX_DIR as an .eml file,
which a developer can open and the tests read.
"""

from __future__ import annotations

import smtplib
import ssl
import threading
import time
import uuid
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from flask import current_app


def make_message(to: str, subject: str, body: str) -> EmailMessage:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    domain = parseaddr(config["MAIL_FROM"])[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # so auto-replies stay quiet
    message.set_content(body)
    return message


def send(to: str, subject: str, body: str) -> None:
    """Send one plain-text message, or put it in the outbox when there is no server."""
    message = make_message(to, subject, body)
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        write_to_outbox(message, Path(config["MAIL_OUTBOX_DIR"]))
        return
    settings = {
        key: config.get(key)
        for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_USE_TLS")
    }
    # In the background, so the time a page takes never shows whether mail was sent
    # (which would tell someone whether an email address belongs to a member).
    logger = current_app.logger
    threading.Thread(target=_deliver, args=(message, settings, logger), daemon=True).start()


def _deliver(message: EmailMessage, settings: dict, logger) -> None:
    try:
        with smtplib.SMTP(settings["MAIL_SERVER"], settings["MAIL_PORT"], timeout=30) as smtp:
            if settings["MAIL_USE_TLS"]:
                smtp.starttls(context=ssl.create_default_context())
            if settings["MAIL_USERNAME"]:
                smtp.login(settings["MAIL_USERNAME"], settings["MAIL_PASSWORD"] or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        # Never log the message itself: it may hold a sign-in link.
        logger.exception("Could not send an email (subject %r)", message["Subject"])


def write_to_outbox(message: EmailMessage, outbox: Path) -> Path:
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(message))
    return path


def outbox_messages(outbox: Path) -> list[EmailMessage]:
    """The messages in an outbox, oldest first (for tests and development)."""
    return [
        message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(outbox.glob("*.eml"))
    ]
