"""Stories: sharing, reading, and the author's own controls."""

from flask import Blueprint

bp = Blueprint("stories", __name__, url_prefix="/stories")
