"""Features above the home page, dashboard, data download and email choices add their
parts through webapp.contributions; those pages show exactly what is registered."""

from __future__ import annotations

import json

import pytest
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from webapp import contributions
from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.member_records import EmailWanted
from webapp.models import Member

from .facilitation_helpers import setup_people, sign_in


@pytest.fixture
def registered():
    contributions.email_choice("test-opened", _l("a test opens"), _l("a test opens"))
    contributions.home("test", lambda member: Markup("<p>home part for {}</p>").format(
        member.display_name))  # fmt: skip
    contributions.dashboard("test", lambda member, community: Markup("<p>reminder for {}</p>").format(
        community.name))  # fmt: skip
    contributions.data("test_views", lambda member: ["given on a test"])
    yield
    for registry in (contributions._email_choices, contributions._home,
                     contributions._dashboard, contributions._data):  # fmt: skip
        registry.pop("test-opened", None)
        registry.pop("test", None)
        registry.pop("test_views", None)


def test_email_choices_are_off_until_chosen_and_only_with_an_address(pages, registered):
    pages.sign_in()
    soup = pages.get("/account/emails")
    assert "give us an email address" in soup.find("main").get_text()
    assert soup.find("input", {"name": "kinds"}) is None
    with db.connection_context():
        member = Member.by_name(DEMO_MEMBER[0])
        member.email = "heron@example.org"
        member.save()
    soup = pages.get("/account/emails")
    box = soup.find("input", {"name": "kinds", "value": "test-opened"})
    assert box is not None and not box.has_attr("checked")
    pages.submit("/account/emails", {"kinds": ["test-opened", "not-a-kind"]}, status=422)
    with db.connection_context():
        assert EmailWanted.kinds_for(member) == set()  # a made-up kind saves nothing
    pages.submit("/account/emails", {"kinds": ["test-opened"]})
    with db.connection_context():
        assert EmailWanted.kinds_for(member) == {"test-opened"}
        assert [m.id for m in EmailWanted.members_wanting("test-opened")] == [member.id]
    assert pages.get("/account/emails").find("input", {"value": "test-opened"}).has_attr("checked")
    pages.submit("/account/emails", {})
    with db.connection_context():
        assert EmailWanted.kinds_for(member) == set()


def test_parts_reach_the_home_page_dashboard_and_data_download(app, pages, client, registered):
    setup_people(app)
    sign_in(pages, "Fair Kestrel")
    assert "home part for Fair Kestrel" in pages.get("/account").find("main").get_text()
    dashboard = pages.get("/facilitate/people/dashboard").find("main").get_text()
    assert "reminder for People" in dashboard
    data = json.loads(client.get("/account/data.json").data)
    assert data["test_views"] == ["given on a test"]
    assert data["emails_chosen"] == []


def test_without_parts_the_pages_are_as_before(app, pages):
    setup_people(app)
    sign_in(pages, "Fair Kestrel")
    assert pages.get("/facilitate/people/dashboard").find(id="reminders-heading") is None
