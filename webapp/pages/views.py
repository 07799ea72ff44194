from __future__ import annotations

from flask import abort, request

from ..content import PageNotFound, load_page
from ..navigation import safe_next
from ..page_cache import shared_page
from ..rendering import render_page
from . import bp

# Folders in content/ whose files are shown by other views, never as pages.
NOT_PAGES = ("errors/", "agreements/")


def show(slug: str):
    try:
        page = load_page(slug)
    except PageNotFound:
        abort(404)
    # "I have a question about this" links here with ?next=, so the person can go back.
    back_to = safe_next(request.args.get("next"), default="")
    return render_page(
        "pages/_page.html", page.title, description=page.description, page=page, back_to=back_to
    )


@bp.route("/")
@shared_page
def home():
    return show("home")


@bp.route("/<path:slug>")
@shared_page
def page(slug: str):
    if slug == "home" or slug.startswith(NOT_PAGES):
        abort(404)
    return show(slug)
