"""Agreements: the consent conversations, built from content/agreements/*.md."""

from flask import Blueprint

bp = Blueprint("agreements", __name__, url_prefix="/agreements")

from . import views  # noqa: E402,F401  (routes register on import)
