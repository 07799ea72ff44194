"""Accounts: sign in and out, the member's home page, recovery."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)

from . import recovery, recovery_code, views  # noqa: E402,F401  (routes register on import)
