"""Languages: each in its own name, a choice that is remembered, a shared link that sets
it, and dates, numbers and plurals from Babel."""

from __future__ import annotations

import datetime as dt

from babel.messages.plurals import get_plural
from flask_babel import force_locale, ngettext

from webapp.i18n import LANG_COOKIE, own_name

ROOT_PO = "locales/{}/LC_MESSAGES/messages.po"


def lang_cookie(response) -> str | None:
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith(f"{LANG_COOKIE}="):
            return header.split(";")[0].split("=", 1)[1]
    return None


def test_each_language_is_listed_in_its_own_name_with_lang(pages):
    soup = pages.get("/help")
    options = soup.select("#page-options .languages [lang]")
    assert [(o["lang"], o.get_text(strip=True)) for o in options] == [
        ("en", "English"),
        ("cy", "Cymraeg"),
    ]
    link = soup.select_one("#page-options .languages a[lang=cy]")
    assert link["hreflang"] == "cy"
    # In Welsh the list is the same: a language's name never changes with the page's.
    soup = pages.get("/help?lang=cy")
    names = [o.get_text(strip=True) for o in soup.select("#page-options .languages [lang]")]
    assert names == ["English", "Cymraeg"]


def test_names_come_from_babel():
    assert own_name("cy") == "Cymraeg"
    assert own_name("ar") == "العربية"


def test_a_shared_link_sets_the_language_and_it_is_remembered(pages, client):
    response = client.get("/help?lang=cy")
    assert lang_cookie(response) == "cy"
    assert pages.get("/help?lang=cy").html["lang"] == "cy"
    # The next page, with no ?lang=, stays in Welsh.
    soup = pages.get("/stories/")
    assert soup.html["lang"] == "cy"
    # A link can switch back, over the remembered choice.
    assert pages.get("/help?lang=en").html["lang"] == "en"
    assert pages.get("/help").html["lang"] == "en"


def test_an_unknown_language_in_a_link_changes_nothing(pages, client):
    response = client.get("/help?lang=xx")
    assert lang_cookie(response) is None
    assert pages.get("/help?lang=xx").html["lang"] == "en"


def test_the_language_link_keeps_the_choice_across_pages(pages, client):
    client.get("/language/cy?next=/help")
    assert pages.get("/").html["lang"] == "cy"


def test_plurals_follow_the_number(app):
    with app.test_request_context():
        one = ngettext(
            "You can try again in %(num)s minute.", "You can try again in %(num)s minutes.", 1
        )
        two = ngettext(
            "You can try again in %(num)s minute.", "You can try again in %(num)s minutes.", 2
        )
    assert one == "You can try again in 1 minute."
    assert two == "You can try again in 2 minutes."


def test_numbers_and_dates_are_formatted_by_babel_in_each_language(app):
    number = app.jinja_env.filters["format_number"]
    day = app.jinja_env.filters["format_date"]
    month = app.jinja_env.filters["format_month"]
    with app.test_request_context():
        assert number(12345) == "12,345"
        assert day(dt.date(2026, 11, 3)) == "3 November 2026"
        with force_locale("cy"):
            assert day(dt.date(2026, 11, 3)) == "3 Tachwedd 2026"
            assert month(dt.date(2026, 6, 1)) == "Mehefin 2026"


def test_each_catalogue_uses_babels_plural_rules(app):
    for code in app.config["LANGUAGES"]:
        if code == "en":
            continue
        with open(ROOT_PO.format(code), encoding="utf-8") as po:
            header = po.read(2000)
        rule = get_plural(code)
        assert f"nplurals={rule.num_plurals};" in header, code


def test_the_translation_report_names_each_catalogue(app):
    output = app.test_cli_runner().invoke(args=["translation-report"]).output
    line = next(line for line in output.splitlines() if line.startswith("cy: "))
    assert " translated (" in line
    assert line.endswith("0 placeholder mismatches")


def test_choosing_another_language_after_a_shared_link_is_not_undone(pages, client):
    soup = pages.get("/help?lang=cy&next=/stories/")
    english = soup.select_one("#page-options .languages a[lang=en]")["href"]
    assert "lang%3Dcy" not in english and "lang=cy" not in english
    response = client.get(english)
    assert response.status_code == 302
    assert pages.get(response.headers["Location"]).html["lang"] == "en"
