"""Rendered template fragments that are the same for everyone who gets the same key.

    {% call cached("footer") %} ... {% endcall %}
    {% call cached("story-card", story.fingerprint) %} ... {% endcall %}

Rendering the header, footer and story cards was most of a page's cost, and their
output changes only with the variant, the language and what is named in the key.
Both of those are always part of the key, so a template cannot forget them.

Never cache anything that differs per person: the key must name every input the
fragment shows. As a safety net, a fragment holding a form's CSRF token is refused.
The cache is per process, bounded, and holds nothing that is not already on a page
anyone with the same key would see.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import Flask, g
from flask_babel import get_locale
from markupsafe import Markup

from .content import current_variant

MAX_ENTRIES = 5000
_cache: dict[tuple, Markup] = {}


class PersonalFragment(RuntimeError):
    """A fragment with a CSRF token in it was about to be shared between people."""


def _scope() -> tuple[str, str]:
    """The variant and language, read once per request: every key holds them."""
    scope = g.get("fragment_scope")
    if scope is None:
        scope = g.fragment_scope = (current_variant(), str(get_locale()))
    return scope


def cached(name: str, *key: Hashable, caller: Callable[[], Markup]) -> Markup:
    """The caller's output (already escaped Markup, as templates autoescape), kept."""
    full_key = (name, *_scope(), *key)
    hit = _cache.get(full_key)
    if hit is not None:
        return hit
    rendered = caller()
    token = g.get("csrf_token")
    if token and token in rendered or 'name="csrf_token"' in rendered:
        raise PersonalFragment(f"the fragment {name!r} holds a CSRF token: do not cache it")
    if len(_cache) >= MAX_ENTRIES:
        _cache.clear()  # rare, and cheap to refill
    _cache[full_key] = rendered
    return rendered


def init_app(app: Flask) -> None:
    app.jinja_env.globals["cached"] = cached
