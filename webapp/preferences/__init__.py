"""Visitor preferences: display settings, language, plain English or easy read."""

from flask import Blueprint

bp = Blueprint("preferences", __name__)

from . import views  # noqa: E402,F401  (routes register on import)
