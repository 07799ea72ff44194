"""Error pages in plain English and easy read, and forgiving CSRF failures.

Every POST checks its CSRF token in `check_csrf`, after the signed-in member is
loaded and before the view. An expired or missing token never shows a bare 400 on
a form: a view marked @redisplays_form runs as usual for whoever is signed in, its
form's own validation reports the token as a plain form error, and the form comes
back with everything typed and a fresh token. While `csrf_failed()` is true the
view writes nothing. Any other view is refused with the plain 400 page.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, g, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .content import PageNotFound, load_page
from .extensions import csrf, limiter
from .rendering import render_page

ERROR_PAGES = {
    400: "errors/bad-request",
    403: "errors/forbidden",
    404: "errors/not-found",
    429: "errors/too-many-requests",
    500: "errors/server-error",
}

FORBIDDEN_SIGNED_IN = "errors/forbidden-signed-in"

View = TypeVar("View", bound=Callable)


def redisplays_form(view: View) -> View:
    """Mark a view as safe to call again after a CSRF failure, to redisplay its form.

    The view must only act when form.validate_on_submit() passes, which also
    checks the token, so calling it again can never act on a forged request.
    """
    view.redisplays_form = True  # type: ignore[attr-defined]
    return view


def csrf_failed() -> bool:
    """True while a view redisplays its form after a failed CSRF check: it must write nothing."""
    return bool(g.get("csrf_failed"))


def check_csrf() -> None:
    """A before_request hook, registered after the member is loaded (see create_app)."""
    if not current_app.config["WTF_CSRF_ENABLED"]:
        return
    try:
        csrf.protect(apply_exemptions=True)
    except CSRFError:
        view = current_app.view_functions.get(request.endpoint or "")
        if not getattr(view, "redisplays_form", False):
            raise
        g.csrf_failed = True  # the form will say so; the view's other guards still run


def retry_after_seconds() -> int | None:
    current = limiter.current_limit
    if current is None:
        return None
    return max(1, math.ceil(current.reset_at - time.time()))


def render_error(status: int):
    slug = ERROR_PAGES[status]
    if status == 403 and g.get("member") is not None:
        slug = FORBIDDEN_SIGNED_IN  # "check you are signed in" would be wrong, and worrying
    try:
        page = load_page(slug)
    except PageNotFound:  # the content is missing: still say something plain
        page = None
    context = {"page": page, "error_status": status}
    if status == 429:
        context["retry_minutes"] = math.ceil((retry_after_seconds() or 60) / 60)
    title = page.title if page else _("There is a problem with the service")
    return render_page("errors/_error.html", title, status=status, whole_page=True, **context)


def handle_csrf_error(_error: CSRFError):
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
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # check_csrf does it, once the member is known
    app.before_request(check_csrf)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_unexpected_error)
