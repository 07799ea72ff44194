"""Who may see and do what with a meeting: every new route, for every kind of person."""

from __future__ import annotations

import pytest

from .facilitation_helpers import setup_people, sign_in
from .meeting_helpers import make_meeting

MEMBER_PAGES = ["/meetings/{m}", "/meetings/{m}/calendar.ics"]
FACILITATOR_PAGES = ["/meetings/{m}/agenda", "/meetings/{m}/people", "/meetings/{m}/attendance",
                     "/meetings/{m}/notes/write/"]  # fmt: skip


@pytest.fixture
def world(app):
    ids = setup_people(app)
    return ids, make_meeting(days=-2, items=[("Hospital stays", True)])


@pytest.mark.parametrize(
    "page", MEMBER_PAGES + FACILITATOR_PAGES + ["/meetings/", "/meetings/plan/"]
)
def test_a_visitor_is_asked_to_sign_in(client, world, page):
    response = client.get(page.format(m=world[1]))
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("page", MEMBER_PAGES)
def test_members_of_the_community_see_the_meeting_and_others_do_not(pages, client, world, page):
    url = page.format(m=world[1])
    sign_in(pages, "Plain Pigeon")
    assert client.get(url).status_code == 200
    pages.sign_out()
    sign_in(pages, "Other Otter")  # a facilitator of Staff, not of People
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("page", FACILITATOR_PAGES + ["/meetings/plan/"])
def test_only_the_communitys_facilitators_plan_and_run_it(pages, client, world, page):
    url = page.format(m=world[1])
    sign_in(pages, "Plain Pigeon")
    assert client.get(url).status_code == 403
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    assert client.get(url).status_code in (200, 302)
    if page != "/meetings/plan/":
        pages.sign_out()
        sign_in(pages, "Other Otter")
        assert client.get(url).status_code == 403


def test_a_meeting_that_does_not_exist_looks_the_same_as_one_you_may_not_see(pages, client, world):
    sign_in(pages, "Plain Pigeon")
    assert client.get("/meetings/99999").status_code == 403


def test_the_online_link_is_only_for_signed_in_members_of_the_community(pages, client, world):
    sign_in(pages, "Plain Pigeon")
    assert "secret-room" in client.get(f"/meetings/{world[1]}").get_data(as_text=True)
    pages.sign_out()
    assert "secret-room" not in client.get(f"/meetings/{world[1]}").get_data(as_text=True)
