"""Error pages in plain English and easy read, and forgiving CSRF failures.

An expired or missing CSRF token never shows a bare 400 on a form: the form is
shown again with everything the person typed and a plain message, and a fresh
token. Views opt in with @redisplays_form; their form's own validation then
reports the token problem as a normal form error.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .content import PageNotFound, load_page
from .extensions import limiter
from .rendering import render_page

ERROR_PAGES = {
    400: "errors/bad-request",
    403: "errors/forbidden",
    404: "errors/not-found",
    429: "errors/too-many-requests",
    500: "errors/server-error",
}

View = TypeVar("View", bound=Callable)


def redisplays_form(view: View) -> View:
    """Mark a view as safe to call again after a CSRF failure, to redisplay its form.

    The view must only act when form.validate_on_submit() passes, which also
    checks the token, so calling it again can never act on a forged request.
    """
    view.redisplays_form = True  # type: ignore[attr-defined]
    return view


def retry_after_seconds() -> int | None:
    current = limiter.current_limit
    if current is None:
        return None
    return max(1, math.ceil(current.reset_at - time.time()))


def render_error(status: int):
    try:
        page = load_page(ERROR_PAGES[status])
    except PageNotFound:  # the content is missing: still say something plain
        page = None
    context = {"page": page, "error_status": status}
    if status == 429:
        context["retry_minutes"] = math.ceil((retry_after_seconds() or 60) / 60)
    return render_page("errors/error.html", "errors/_error.html", status=status, **context)


def handle_csrf_error(error: CSRFError):
    view = current_app.view_functions.get(request.endpoint or "")
    if view is not None and getattr(view, "redisplays_form", False):
        try:
            return current_app.ensure_sync(view)(**(request.view_args or {}))
        except HTTPException as refused:  # e.g. the story has gone since the form was opened
            return handle_http_error(refused)
    return render_error(400)


def handle_http_error(error: HTTPException):
    status = error.code if error.code in ERROR_PAGES else None
    if status is None:
        return error
    return render_error(status)


def handle_unexpected_error(error: Exception):
    current_app.logger.exception("Unhandled error", exc_info=error)
    return render_error(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_unexpected_error)
