"""Kept fragments (webapp/fragments.py) and the shell around each page: what is shared
between people is only what they would all see, and a token never is."""

from __future__ import annotations

import pytest
from flask import render_template_string

from tests.conftest import PageClient
from webapp.fragments import PersonalFragment


def test_a_first_look_at_a_page_without_a_form_starts_no_session(client):
    for url in ("/", "/help", "/stories/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers, url
        assert 'name="csrf-token"' not in response.get_data(as_text=True), url


def test_a_page_with_a_form_has_its_token_in_the_head_too(pages):
    soup = pages.get("/sign-in")
    in_form = soup.find("input", {"name": "csrf_token"})["value"]
    assert soup.find("meta", {"name": "csrf-token"})["content"] == in_form


def test_the_shell_follows_the_variant_language_and_display_settings(client):
    """The same process serves each visitor the shell in their own variant and language."""
    client.get("/")  # fill the cache first
    easy = client.get("/?view=easyread").get_data(as_text=True)
    assert "Go to the main words" in easy and "Skip to main content" not in easy
    client.delete_cookie("view")
    client.set_cookie("lang", "cy")
    welsh = client.get("/").get_data(as_text=True)
    assert '<html lang="cy"' in welsh and "Neidio i'r prif gynnwys" in welsh
    client.delete_cookie("lang")
    client.set_cookie("display", "size-large.contrast-dark.spacing-wide")
    large = client.get("/").get_data(as_text=True)
    assert 'class="size-large contrast-dark spacing-wide"' in large
    client.delete_cookie("display")
    plain = client.get("/").get_data(as_text=True)
    assert "Skip to main content" in plain and '<html lang="en"' in plain
    assert 'class="size-standard contrast-device spacing-standard"' in plain


def test_a_member_and_a_visitor_each_get_their_own_header(app):
    visitor = app.test_client()
    member = PageClient(app.test_client())
    member.sign_in()
    for _ in range(2):  # the second time from the cache
        assert "Sign in" in visitor.get("/").get_data(as_text=True)
        header = member.get("/").find("header")
        assert header.find("a", string="Your account") and not header.find("a", string="Sign in")


def test_a_content_page_keeps_where_the_person_came_from(client):
    back = client.get("/help?next=/stories/").get_data(as_text=True)
    assert 'class="back-link" href="/stories/"' in back
    assert "back-link" not in client.get("/help").get_data(as_text=True)


def test_a_fragment_holding_a_csrf_token_is_never_kept(app):
    with app.test_request_context("/"), pytest.raises(PersonalFragment):
        render_template_string('{% call cached("oops") %}{{ csrf_token() }}{% endcall %}')
