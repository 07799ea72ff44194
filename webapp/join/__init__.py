"""Join: choose a community of practice and become a member."""

from flask import Blueprint

bp = Blueprint("join", __name__, url_prefix="/join")

from . import views  # noqa: E402,F401  (routes register on import)
