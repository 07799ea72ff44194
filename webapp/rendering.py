"""Rendering a page or, for an htmx request, just its partial.

The full template {% include %}s the same partial, so there is one source of
truth for each piece of markup.
"""

from __future__ import annotations

from flask import Response, make_response, render_template

from .extensions import htmx


def wants_partial() -> bool:
    """True for an htmx request that targets part of the page (not a boosted link)."""
    return bool(htmx) and not htmx.boosted


def render_page(template: str, partial: str, status: int = 200, **context) -> Response:
    name = partial if wants_partial() else template
    return make_response(render_template(name, **context), status)
