"""Preference cookies: HttpOnly, SameSite=Lax, Secure outside development."""

from __future__ import annotations

from flask import Response, current_app


def set_preference_cookie(response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        max_age=current_app.config["PREFERENCE_COOKIE_MAX_AGE"],
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
