"""Rendering a page or, for an htmx request, just its partial.

The one shell (templates/page.html) holds the same partial, so there is one source of
truth for each piece of markup, and a title is written once, in the view. The partial is
rendered first, so the shell knows whether it made a CSRF token.
"""

from __future__ import annotations

from flask import Response, current_app, make_response

from .extensions import htmx


def wants_partial() -> bool:
    """True for an htmx request that targets part of the page.

    Boosted links and history restores (Back after the cache is off) replace the
    whole body, so they get the full page.
    """
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page(
    partial: str, title, status: int = 200, *, whole_page: bool = False, **context
) -> Response:
    """The one way to make a page: `partial` inside the one shell (page.html), titled `title`
    (a string or a say() wording; "Error: " is added once when a form shows errors).

    An htmx request for a fragment gets the partial alone, followed by the same extras every
    time: the title and the page options, out of band.

    The status policy: htmx swaps every response in (page.html's responseHandling), so an
    error is seen, announced and focused like any page. A `whole_page` (an error page)
    asked for by a fragment request replaces the whole body, not the fragment's target.
    """
    partial_wanted = wants_partial() and not whole_page
    context.update(partial=partial, title=title)
    app = current_app._get_current_object()
    app.update_template_context(context)  # once, for both templates
    templates = app.jinja_env
    body = templates.get_template(partial).render(context)
    if partial_wanted:
        body += templates.get_template("components/_swap_extras.html").render(context)
    else:
        context["main"] = body  # a rendered template, escaped as it was rendered
        body = templates.get_template("page.html").render(context)
    response = make_response(body, status)
    if partial_wanted and status == 422:
        # A redisplayed form is the same address: do not add it to the history again.
        response.headers["HX-Push-Url"] = "false"
    if whole_page and wants_partial():
        response.headers["HX-Retarget"] = "body"
        response.headers["HX-Reswap"] = "innerHTML"
    return response


def render_form(partial: str, title, form, **context) -> Response:
    """A page with a form: 422 when the form is shown again with errors, else 200.
    `form` may be None where the page offers no form this time (a member already removed)."""
    status = 422 if form is not None and form.errors else 200
    return render_page(partial, title, status=status, form=form, **context)
