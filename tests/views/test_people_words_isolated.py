"""People's words on every page that shows them (issue 10): each piece sits inside an
hx-disable container, and inside dir="auto" or <bdi>, so htmx leaves it alone and its
direction never reorders the words around it."""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString

from webapp.extensions import db
from webapp.facilitation.models import AuditEntry
from webapp.models import Member
from webapp.stories.models import APPROVED, PUBLIC

from .facilitation_helpers import make_member, make_story, setup_people, sign_in

MARK = "Quokka"
NAME = "Quokka مريم"  # a name with right-to-left letters in it
RLO = "\u202e"


def text_nodes_with_mark(soup):
    for node in soup.find_all(string=lambda s: MARK in s):
        if isinstance(node, NavigableString) and node.parent.name not in ("title", "textarea"):
            yield node


def isolated(node) -> bool:
    chain = [node.parent, *node.parent.parents]
    disabled = any(el.has_attr("hx-disable") for el in chain if el.name)
    directed = any(el.name == "bdi" or el.get("dir") == "auto" for el in chain if el.name)
    return disabled and directed


def assert_isolated(pages, url: str, at_least: int = 1, check=True) -> None:
    soup = pages.get(url) if check else BeautifulSoup(pages.client.get(url).data, "html.parser")
    found = list(text_nodes_with_mark(soup))
    assert len(found) >= at_least, f"{url}: {MARK} shown {len(found)} times"
    for node in found:
        assert isolated(node), f"{url}: {node.parent} is not isolated"


def an_old_name_with_an_override(member_id: int) -> None:
    """As a name could be before issue 10: saved with a right-to-left override in it."""
    with db.connection_context():
        # An update, not save(): save() would tidy the name as it is today.
        Member.update(display_name=f"{MARK}{RLO} مريم").where(Member.id == member_id).execute()


def test_names_on_a_members_own_pages_and_in_bylines(pages, app):
    setup_people(app)
    owner = make_member(NAME)
    reference = make_story(
        "We were listened to.", author_id=owner, show_name=True, status=APPROVED, audience=PUBLIC
    )
    an_old_name_with_an_override(owner)
    sign_in(pages, NAME)
    assert_isolated(pages, "/account", at_least=2)
    assert_isolated(pages, f"/stories/{reference}")
    assert_isolated(pages, "/stories/")


def test_names_and_content_notes_on_facilitation_pages(pages, app):
    setup_people(app)
    member = make_member(NAME)
    an_old_name_with_an_override(member)
    make_story("Something hard happened.", content_note=f"{MARK} note about restraint")
    sign_in(pages, "Fair Kestrel")
    assert_isolated(pages, "/facilitate/people/queue")
    assert_isolated(pages, "/facilitate/people/members?name=Quokka+مريم")
    assert_isolated(pages, f"/facilitate/people/members/{member}")


def test_names_on_the_role_pages_and_in_the_audit_log(pages, app):
    setup_people(app)
    member = make_member(NAME, role="facilitator", facilitates=["people"])
    with db.connection_context():
        actor = Member.get_by_id(member)
        AuditEntry.record(actor, "welcomed", item=f"member {NAME}", note=f"{MARK} said hello")
    an_old_name_with_an_override(member)
    sign_in(pages, "Main Admin")
    assert_isolated(pages, "/facilitate/roles")
    assert_isolated(pages, "/facilitate/roles?name=Quokka+مريم", at_least=2)
    assert_isolated(pages, f"/facilitate/roles/{member}")
    assert_isolated(pages, "/facilitate/audit", at_least=3)


def test_names_of_people_waiting_to_be_welcomed(pages, app):
    setup_people(app)
    newcomer = make_member(NAME)
    with db.connection_context():
        Member.update(welcomed_on=None).where(Member.id == newcomer).execute()
    an_old_name_with_an_override(newcomer)
    sign_in(pages, "Fair Kestrel")
    # Not through the page checks: its forms repeat id="csrf_token" (left to the lead).
    assert_isolated(pages, "/facilitate/people/welcome", check=False)


def test_answers_in_the_conversation_and_its_check(pages):
    pages.submit("/join/welcome", {})
    pages.submit("/join/community", {"community": "people"})
    pages.submit("/join/name", {"own_name": f"{MARK} Lark"})
    assert_isolated(pages, "/join/sign_in")  # "You said"
    pages.submit("/join/sign_in", {"password": "river candle meadow", "email": ""})
    assert_isolated(pages, "/join/check")
