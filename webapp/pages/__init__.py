"""Content pages: the home page and every page in content/ with an easy-read twin."""

from flask import Blueprint

bp = Blueprint("pages", __name__)

from . import views  # noqa: E402,F401  (routes register on import)
