"""Facilitation: the moderation queue, decisions, members, the dashboard and the audit log."""

from flask import Blueprint

bp = Blueprint("facilitation", __name__, url_prefix="/facilitate")
