from __future__ import annotations

from flask import abort

from ..content import PageNotFound, load_page
from ..rendering import render_page
from . import bp

# Folders in content/ whose files are shown by other views, never as pages.
NOT_PAGES = ("errors/", "agreements/")


def show(slug: str):
    try:
        page = load_page(slug)
    except PageNotFound:
        abort(404)
    return render_page("pages/page.html", "pages/_page.html", page=page)


@bp.route("/")
def home():
    return show("home")


@bp.route("/<path:slug>")
def page(slug: str):
    if slug == "home" or slug.startswith(NOT_PAGES):
        abort(404)
    return show(slug)
