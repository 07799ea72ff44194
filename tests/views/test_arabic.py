"""Arabic pages: right to left, in Arabic throughout; what falls back to English says so,
in lang and in direction, so it still reads left to right."""

from __future__ import annotations

import pytest

from tests.conftest import PageClient
from tests.views.test_welsh import agree_in_translation, crawl_for_english, english_parts
from webapp.extensions import db
from webapp.models import Community
from webapp.stories.topics import topics

ARABIC = {"Accept-Language": "ar"}


@pytest.fixture
def arabic(content_copy):
    app, folder = content_copy
    client = app.test_client()
    client.set_cookie("lang", "ar")
    return PageClient(client), folder, app


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_an_arabic_page_is_right_to_left_with_no_english_parts(arabic, view):
    pages, _folder, _app = arabic
    soup = pages.get(f"/privacy?view={view}")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.find("h1").get_text(strip=True) in {"إشعار الخصوصية", "معلوماتك"}
    assert not english_parts(soup)


def test_an_english_fallback_reads_left_to_right_inside_an_arabic_page(arabic):
    pages, folder, _app = arabic
    (folder / "easyread" / "ar" / "privacy.md").unlink()
    soup = pages.get("/privacy?view=easyread")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    [english] = english_parts(soup)
    assert english["dir"] == "ltr"
    assert soup.find("h1").get_text(strip=True) == "Your information"


def test_the_language_choice_gives_each_name_its_own_direction(arabic):
    pages, _folder, _app = arabic
    soup = pages.get("/help")
    names = {o["lang"]: o["dir"] for o in soup.select("#page-options .languages [lang]")}
    assert names == {"en": "ltr", "cy": "ltr", "ar": "rtl"}


def test_error_pages_are_in_arabic(arabic):
    pages, _folder, _app = arabic
    soup = pages.get("/no-such-page", status=404)
    assert soup.find("h1").get_text(strip=True) == "لم نجد الصفحة"
    assert not english_parts(soup)


def test_agreeing_in_arabic_records_the_same_version(arabic):
    pages, _folder, app = arabic
    agree_in_translation(pages, app, "Calm Lark", "المشاركة")


def test_story_topics_and_community_names_read_in_arabic(app):
    with app.test_request_context("/", headers=ARABIC), db.connection_context():
        assert str(topics()["health"]) == "الصحة والمستشفيات"
        assert Community.by_slug("advocates").name == "المناصرون والناشطون"


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_an_arabic_crawl_finds_no_english_outside_marked_parts(arabic, view):
    pages, _folder, app = arabic
    found = crawl_for_english(pages, app, view, direction="rtl")
    assert not found, found


def test_a_member_reads_the_meetings_in_arabic(arabic):
    pages, _folder, _app = arabic
    pages.sign_in()
    soup = pages.get("/meetings/")
    assert soup.html["dir"] == "rtl"
    assert soup.find("h1").get_text(strip=True) == "الاجتماعات"


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_english_names_in_the_footer_stay_whole_and_are_read_as_english(arabic, view):
    pages, _folder, _app = arabic
    credits = pages.get(f"/help?view={view}").select_one("footer .credits")
    marked = {span.get_text(): (span["lang"], span["dir"]) for span in credits.select("span")}
    assert marked["OpenMoji"] == ("en", "ltr")
    if view == "standard":
        assert marked["CC BY-SA 4.0"] == ("en", "ltr"), "never wrapped apart from its full stop"


def test_the_service_name_in_the_header_is_read_as_english(arabic):
    pages, _folder, _app = arabic
    name = pages.get("/help").select_one("header a.service-name span")
    assert (name.get_text(), name["lang"], name["dir"]) == ("Common Ground", "en", "ltr")


def test_parts_of_one_answer_are_kept_apart_by_the_arabic_semicolon(arabic):
    from webapp.wording import one_after_another

    pages, _folder, app = arabic
    with app.test_request_context(headers=ARABIC):
        assert one_after_another(["الناس", "", "السكن"]) == "الناس؛ السكن"
    with app.test_request_context():
        assert one_after_another(["People", "Housing"]) == "People; Housing"
