"""Raising a concern about a story or a reply: no account needed, nobody recorded."""

from flask import Blueprint

bp = Blueprint("concerns", __name__)

from . import views  # noqa: E402,F401  (registers the routes)
