"""Display settings, language and the errors a visitor can meet."""

from __future__ import annotations

import re

import pytest
from flask import abort


def csrf_token(soup) -> str:
    return soup.find("input", {"name": "csrf_token"})["value"]


def test_display_settings_are_saved_in_a_cookie_and_applied_on_the_server(pages, client):
    soup = pages.get("/settings?next=/help")
    assert soup.html["class"] == ["size-standard", "contrast-device", "spacing-standard"]
    response = client.post(
        "/settings",
        data={
            "csrf_token": csrf_token(soup),
            "size": "largest",
            "contrast": "high",
            "spacing": "wide",
            "next": "/help",
        },
    )
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "display=size-largest.contrast-high.spacing-wide" in cookie
    assert "HttpOnly" in cookie
    after = pages.get(response.headers["Location"])
    assert "We saved your settings" in after.get_text() or "Your display settings are saved" in (
        after.get_text()
    )
    assert after.select_one(".notice a")["href"] == "/help"
    assert pages.get("/help").html["class"] == ["size-largest", "contrast-high", "spacing-wide"]


def test_reset_goes_back_to_the_defaults(pages, client):
    client.set_cookie("display", "size-large.contrast-dark.spacing-wide")
    soup = pages.get("/settings")
    assert soup.find("input", {"name": "size", "value": "large"}).has_attr("checked")
    client.post("/settings", data={"csrf_token": csrf_token(soup), "reset": "reset"})
    assert pages.get("/").html["class"] == ["size-standard", "contrast-device", "spacing-standard"]


def test_a_tampered_setting_is_refused_with_a_plain_error(pages):
    soup = pages.get("/settings")
    result = pages.post(
        "/settings",
        status=422,
        data={"csrf_token": csrf_token(soup), "size": "gigantic", "contrast": "dark"},
    )
    summary = result.select_one("[data-error-summary]").get_text(" ")
    assert "There is a problem" in summary
    assert "invalid" not in summary.lower()
    assert result.find("input", {"name": "contrast", "value": "dark"}).has_attr("checked")


def test_settings_next_cannot_leave_the_site(pages):
    soup = pages.get("/settings?next=//evil.example/")
    assert "evil" not in str(soup.find("form"))


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example/", "/\\evil"])
def test_language_switch_only_returns_to_this_site(client, target):
    response = client.get(f"/language/cy?next={target}")
    assert response.headers["Location"] == "/"


def test_language_cookie_sets_lang_and_translates_the_layout(pages, client):
    response = client.get("/language/cy?next=/help")
    assert response.headers["Location"] == "/help"
    soup = pages.get("/help")
    assert soup.html["lang"] == "cy"
    assert soup.html["dir"] == "ltr"
    assert soup.select_one("a.quick-exit").get_text(strip=True) == "Gadael y dudalen hon"
    # The help page is translated, so nothing on it is marked as English.
    assert soup.select_one("main .page").get("lang") is None
    assert soup.select_one("main h1").get_text(strip=True) == "Help"
    assert (
        soup.select_one("main .prose h2").get_text(strip=True)
        == "Sut mae Common Ground yn gweithio"
    )


def test_accept_language_is_used_when_there_is_no_cookie(pages):
    soup = pages.get("/", headers={"Accept-Language": "cy,en;q=0.5"})
    assert soup.html["lang"] == "cy"
    soup = pages.get("/", headers={"Accept-Language": "fr"})
    assert soup.html["lang"] == "en"


def test_unknown_language_is_not_found(pages):
    pages.get("/language/xx", status=404)


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_not_found_page_in_both_variants(pages, view):
    soup = pages.get(f"/no-such-page?view={view}", status=404)
    assert soup.find("a", href="/")
    if view == "easyread":
        assert soup.select(".easyread__section img")


@pytest.mark.parametrize("status", [400, 403, 404, 429, 500])
@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_error_pages_are_plain_and_structured(app, status, view):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/test-error")
    def fail():
        if status == 500:
            raise RuntimeError("boom")
        abort(status)

    from tests.conftest import PageClient

    soup = PageClient(app.test_client()).get(f"/test-error?view={view}", status=status)
    text = soup.find("main").get_text(" ")
    assert "boom" not in text and "Traceback" not in text
    assert not re.search(r"\b(sorry|invalid)\b", text, re.I)
    if status == 429:
        assert re.search(r"try again in \d+ minute", text, re.I)


def test_leave_now_forgets_the_session_without_a_token(pages, client):
    pages.submit("/sign-in", {"name": "Quiet Heron", "password": "kettle harbour lantern"})
    assert pages.get("/account").h1.get_text(strip=True) == "Your account"
    assert client.post("/leave-now").status_code == 204
    assert pages.get("/account", status=302).headers["Location"].startswith("/sign-in")
