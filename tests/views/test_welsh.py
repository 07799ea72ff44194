"""Welsh pages: translated content is all Welsh; what falls back says it is English."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PageClient
from tests.views.decision_helpers import make_decision
from tests.views.test_agreements import PANEL_KEYS, agree_to_panel, join
from webapp.extensions import db
from webapp.member_records import ConsentRecord
from webapp.models import Community, Member
from webapp.stories.topics import topics

WELSH = {"Accept-Language": "cy"}


def english_parts(soup) -> list:
    return soup.find("main").select('[lang="en"]')


@pytest.fixture
def welsh(content_copy):
    app, folder = content_copy
    client = app.test_client()
    client.set_cookie("lang", "cy")
    return PageClient(client), folder, app


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_a_translated_page_has_no_english_parts(welsh, view):
    pages, _folder, _app = welsh
    soup = pages.get(f"/privacy?view={view}")
    assert soup.html["lang"] == "cy"
    assert soup.find("h1").get_text(strip=True) in {"Hysbysiad preifatrwydd", "Eich gwybodaeth"}
    assert not english_parts(soup)


def test_a_page_not_translated_yet_falls_back_to_english_marked_as_english(welsh):
    pages, folder, _app = welsh
    (folder / "easyread" / "cy" / "privacy.md").unlink()
    soup = pages.get("/privacy?view=easyread")
    assert soup.html["lang"] == "cy"
    [english] = english_parts(soup)
    assert "page" in english["class"]
    assert soup.find("h1").get_text(strip=True) == "Your information"
    # The plain version is still translated, and nothing in it is marked English.
    assert not english_parts(pages.get("/privacy?view=standard"))


def test_a_language_folder_is_not_a_page_of_its_own(welsh):
    pages, _folder, _app = welsh
    pages.get("/cy/help", status=404)


def test_error_pages_are_in_welsh(welsh):
    pages, _folder, _app = welsh
    soup = pages.get("/no-such-page", status=404)
    assert soup.find("h1").get_text(strip=True) == "Heb ddod o hyd i'r dudalen"
    assert not english_parts(soup)


def agree_in_translation(pages, app, name: str, participation: str) -> None:
    """Agreeing in a translation shows its words and records the English version."""
    join(pages, name=name)
    pages.submit("/agreements/panel/agree/introduction", {})
    soup = pages.get("/agreements/panel/agree/participation")
    assert soup.find("h1").get_text(strip=True) == participation
    assert not english_parts(soup)
    agree_to_panel(pages)
    with app.app_context(), db.connection_context():
        record = ConsentRecord.current(Member.by_name(name), "panel")
        assert record.version == 2 and record.principles.split() == PANEL_KEYS


def test_agreeing_in_welsh_records_the_same_version(welsh):
    pages, _folder, app = welsh
    agree_in_translation(pages, app, "Dewr Dryw", "Cyfranogiad")


def test_an_out_of_date_welsh_agreement_is_never_shown(welsh):
    pages, folder, _app = welsh
    assert not english_parts(pages.get("/agreements/panel"))
    path = folder / "content" / "agreements" / "panel.md"
    path.write_text(path.read_text().replace("version: 2\n", "version: 3\n", 1))
    soup = pages.get("/agreements/panel")
    assert soup.find("h1").get_text(strip=True) == "The Community Agreement"
    assert [part["class"] for part in english_parts(soup)] == [["page"]]


def test_story_topics_read_in_welsh(app):
    with app.test_request_context("/", headers=WELSH):
        assert str(topics()["health"]) == "Iechyd ac ysbytai"
    with app.test_request_context("/"):
        assert str(topics()["health"]) == "Health and hospitals"


def test_community_names_read_in_welsh(app):
    with app.test_request_context("/", headers=WELSH), db.connection_context():
        assert Community.by_slug("advocates").name == "Eiriolwyr ac Ymgyrchwyr"
    with app.test_request_context("/"), db.connection_context():
        assert Community.by_slug("advocates").name == "Advocates and Campaigners"
    with app.app_context(), db.connection_context():  # commands: the stored name
        assert Community.by_slug("people").name == "People"


# Common English words that are not Welsh words too (so not "we": "y We" is the Web).
ENGLISH_WORDS = re.compile(r"\b(the|you|your|and|with|this|our|are)\b", re.IGNORECASE)
PUBLIC = ["/", "/help", "/privacy", "/accessibility", "/support", "/contact", "/communities",
          "/agreement", "/ask-for-a-review", "/stories/", "/stories/code", "/share/", "/join/",
          "/sign-in", "/sign-in/forgotten", "/settings", "/agreements/panel"]  # fmt: skip
SIGNED_IN = ["/account", "/account/emails", "/account/leave", "/account/name", "/stories/mine",
             "/agreements/panel/agree/introduction", "/decisions/", "/decisions/you-said-we-did",
             "/decisions/changes", "/decisions/{decision}"]  # fmt: skip


def english_outside_marked_parts(soup) -> list[str]:
    """Sentences with English words, leaving out people's own words (dir=auto) and
    whatever is marked lang="en"."""
    for part in soup.select('[dir="auto"], [lang="en"], script, style'):
        part.decompose()
    text = soup.body.get_text(" ", strip=True)
    return [s for s in re.split(r"(?<=[.?!:])\s+", text) if ENGLISH_WORDS.search(s)]


def crawl_for_english(pages, app, view: str, direction: str = "ltr") -> dict:
    """Each main page, signed out then in: its English outside marked parts, by path."""
    with app.app_context():
        decision = make_decision(app)
    found = {}
    for signed_in, paths in ((False, PUBLIC), (True, SIGNED_IN)):
        if signed_in:
            pages.sign_in()
        for path in paths:
            path = path.format(decision=decision)
            soup = pages.get(f"{path}?view={view}")
            assert soup.html["dir"] == direction, path
            if english := english_outside_marked_parts(soup):
                found[path] = english
    return found


@pytest.mark.parametrize("view", ["standard", "easyread"])
def test_a_welsh_crawl_finds_no_english_outside_marked_parts(welsh, view):
    pages, _folder, app = welsh
    found = crawl_for_english(pages, app, view)
    assert not found, found


def test_the_crawl_would_notice_english():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(
        '<body><p>Mae hyn yn iawn.</p><p dir="auto">Your words stay.</p>'
        '<p lang="en">Marked English.</p><p>Check your answers</p></body>',
        "html.parser",
    )
    assert english_outside_marked_parts(soup) == ["Check your answers"]
