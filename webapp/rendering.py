"""Rendering a page or, for an htmx request, just its partial.

The one shell (templates/page.html) holds the same partial, so there is one source of
truth for each piece of markup, and a title is written once, in the view. The partial is
rendered first, so the shell knows whether it made a CSRF token.
"""

from __future__ import annotations

import json

from flask import Flask, Response, current_app, make_response, request

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
    if (partial_wanted and status == 422) or (htmx and htmx.boosted and request.method == "POST"):
        # A redisplayed form is the same address: do not add it to the history again. A page
        # answering a plain form (boosted) would put the form's action in the history, and
        # some actions have no page to come back to (a reply, a check-in): keep the address.
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


def keep_the_place(response: Response) -> Response:
    """A redirect to a place on a page (`.../activity/3#task-6`), kept for htmx.

    htmx follows a redirect inside its own request, and the part after '#' never comes
    back that way: the page would arrive, but not the place on it. So a boosted request
    (a form or link in the page) answered with such a redirect gets HX-Location instead:
    htmx then asks for that address itself, as a boosted request again (the whole page
    into the body), puts it in the history with its '#', and a11y.js moves focus there.
    Without JavaScript the browser follows the redirect and goes to the place itself."""
    location = response.headers.get("Location", "")
    if not (htmx and htmx.boosted and 300 <= response.status_code < 400 and "#" in location):
        return response
    response.status_code = 200
    response.set_data(b"")  # htmx swaps nothing in for it: it asks for the place instead
    del response.headers["Location"]
    response.headers["HX-Location"] = json.dumps(
        {"path": location, "target": "body", "swap": "innerHTML", "headers": {"HX-Boosted": "true"}}
    )
    return response


def init_app(app: Flask) -> None:
    app.after_request(keep_the_place)
