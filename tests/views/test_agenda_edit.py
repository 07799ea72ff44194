"""Shaping an agenda before the meeting: Move down beside Move up, and Change for an item's
wording, with the same questions, checks and plain errors as adding one."""

from __future__ import annotations

from webapp.extensions import db
from webapp.meetings.agenda import item_fields
from webapp.meetings.forms import AgendaItemForm
from webapp.meetings.models import AgendaItem
from webapp.meetings.suggestion_models import AgendaSuggestion

from .facilitation_helpers import setup_people, sign_in
from .meeting_helpers import make_meeting

ITEMS = [("Welcome", False), ("Hospital stays", True), ("Plans for next year", False)]


def titles(meeting_id: int) -> list[str]:
    with db.connection_context():
        query = AgendaItem.select().where(AgendaItem.meeting == meeting_id)
        return [item.title for item in query.order_by(AgendaItem.position)]


def item_id(title: str) -> int:
    with db.connection_context():
        return AgendaItem.get(AgendaItem.title == title).id


def controls(page, title: str) -> dict[str, str]:
    """Each control of one item on the agenda, by what it says: {words: where it goes}."""
    item = next(li for li in page.select(".agenda__item") if title in li.h3.get_text())
    found = {}
    for form in item.select("form"):
        found[form.button.get_text(" ", strip=True)] = form["action"]
    for link in item.select("a.button"):
        found[link.get_text(" ", strip=True)] = link["href"]
    return found


def test_move_down_mirrors_move_up_and_says_what_was_done(app, pages):
    setup_people(app)
    meeting_id = make_meeting(items=ITEMS)
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    page = pages.get(agenda)
    first, middle, last = (controls(page, title) for title, _ in ITEMS)
    # The first has no Move up, the last no Move down; the hidden words name the item.
    assert "Move down the item: Welcome" in first and not any("Move up" in c for c in first)
    assert {"Move up the item: Hospital stays", "Move down the item: Hospital stays"} <= set(middle)
    assert "Move up the item: Plans for next year" in last
    assert not any("Move down" in words for words in last)
    token = page.select_one("input[name=csrf_token]")["value"]
    moved = pages.client.post(first["Move down the item: Welcome"], data={"csrf_token": token})
    assert moved.headers["Location"] == f"{agenda}?done=moved_down#agenda-done"
    assert titles(meeting_id) == ["Hospital stays", "Welcome", "Plans for next year"]
    note = pages.get(f"{agenda}?done=moved_down").select_one("#agenda-done")
    assert note["data-announce"] == "The item moved down one place." and note["tabindex"] == "-1"
    easy = pages.get(f"{agenda}?done=moved_down&view=easyread").select_one("#agenda-done")
    assert easy["data-announce"] == "It moved down."
    # The last item stays last: nothing below it to trade places with.
    last_down = f"{agenda}/{item_id('Plans for next year')}/down"
    assert pages.client.post(last_down, data={"csrf_token": token}).status_code == 302
    assert titles(meeting_id) == ["Hospital stays", "Welcome", "Plans for next year"]


def test_move_down_needs_a_token_and_the_meetings_facilitator(app, pages, client):
    setup_people(app)
    meeting_id = make_meeting(items=ITEMS)
    down = f"/meetings/{meeting_id}/agenda/{item_id('Welcome')}/down"
    sign_in(pages, "Fair Kestrel")
    assert client.post(down, data={}).status_code == 400  # no token: nothing moves
    token = pages.get(f"/meetings/{meeting_id}/agenda").select_one("input[name=csrf_token]")
    pages.sign_out()
    for name in ("Plain Pigeon", "Other Otter"):  # a member; another community's facilitator
        sign_in(pages, name)
        assert client.post(down, data={"csrf_token": token["value"]}).status_code in (400, 403)
        pages.sign_out()
    assert titles(meeting_id) == [title for title, _ in ITEMS]
    # Another meeting's item, under this meeting's address: not found, nothing moved.
    other = make_meeting(items=[("Elsewhere", False)])
    sign_in(pages, "Fair Kestrel")
    token = pages.get(f"/meetings/{meeting_id}/agenda").select_one("input[name=csrf_token]")
    wrong = f"/meetings/{meeting_id}/agenda/{item_id('Elsewhere')}/down"
    assert client.post(wrong, data={"csrf_token": token["value"]}).status_code == 404
    assert titles(other) == ["Elsewhere"]


def test_a_suggestion_in_a_members_words_is_tidied_with_change(app, pages):
    made = setup_people(app)
    meeting_id = make_meeting(items=ITEMS[:1])
    with db.connection_context():
        suggestion = AgendaSuggestion.create(meeting=meeting_id, member=made["member"],
                                             words="buses!! they stop at 6")  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    agenda = f"/meetings/{meeting_id}/agenda"
    pages.submit(agenda, {"title": "Respite care", "minutes": "20", "sensitive": "y",
                          "paper": "Two pages.", "title_easy": "Time off for carers"})  # fmt: skip
    add = pages.get(agenda).select_one(f"#suggestions form[action$='/{suggestion.id}/add']")
    pages.client.post(add["action"], data={"csrf_token": add.find("input")["value"]})
    page = pages.get(agenda)
    change = controls(page, "buses!!")["Change the item: buses!! they stop at 6"]
    assert change == f"{agenda}/{item_id('buses!! they stop at 6')}/change"  # a page, not a POST
    # The change page asks the add form's questions, filled in as the item is.
    respite = pages.get(f"{agenda}/{item_id('Respite care')}/change")
    assert respite.select_one("#title")["value"] == "Respite care"
    assert respite.select_one("#title_easy")["value"] == "Time off for carers"
    assert respite.select_one("#minutes")["value"] == "20"
    assert respite.select_one("#sensitive").has_attr("checked")
    assert respite.select_one("#paper").get_text().strip() == "Two pages."
    asked = {box["name"] for box in pages.get(agenda).select("main form[action$='/agenda'] [name]")}
    offered = {box["name"] for box in respite.select("main form [name]")}
    assert asked == offered  # every question the add form has, and no other
    with app.test_request_context():  # each of them filled in from, and saved to, the item
        questions = set(AgendaItemForm(meta={"csrf": False})._fields)
        assert questions == set(AgendaItemForm.QUESTIONS) == set(item_fields(AgendaItemForm()))
    answer = pages.submit(change, {"title": "Getting to meetings by bus", "minutes": "15"})
    item = item_id("Getting to meetings by bus")
    assert answer.headers["Location"] == f"{agenda}?done=changed&item={item}#agenda-done"
    assert titles(meeting_id) == ["Welcome", "Respite care", "Getting to meetings by bus"]
    with db.connection_context():
        assert AgendaItem.get_by_id(item).minutes == 15
    # Back on the agenda, the note that says what was done stands at the changed item.
    page = pages.get(f"{agenda}?done=changed&item={item}")
    note = page.select_one("#agenda-done")
    assert note["data-announce"] == "Your changes to the item are saved."
    assert "Getting to meetings by bus" in note.find_parent("li").h3.get_text()
    easy = pages.get(f"{agenda}?done=changed&item={item}&view=easyread")
    assert easy.select_one("#agenda-done")["data-announce"] == "We saved your changes."
    # An item since removed: the note is said at the top instead of being lost.
    assert pages.get(f"{agenda}?done=changed&item=999999").select_one("#agenda-done")


def test_change_checks_like_adding_and_keeps_everything_typed(app, pages, client):
    setup_people(app)
    meeting_id = make_meeting(items=ITEMS)
    change = f"/meetings/{meeting_id}/agenda/{item_id('Welcome')}/change"
    sign_in(pages, "Fair Kestrel")
    typed = {"title": "x" * 250, "minutes": "0", "paper": "Kept words", "title_easy": "Hello"}
    page = pages.submit(change, typed, status=422)
    assert page.title.get_text().startswith("Error: ")
    assert "Make this 200 characters or fewer: it has 250" in page.text
    assert "Enter a number of minutes from 1 to 600" in page.text
    assert page.select_one("#paper").get_text().strip() == "Kept words"
    assert page.select_one("#title_easy")["value"] == "Hello"
    page = pages.submit(change, {"title": "", "minutes": "lots"}, status=422)
    assert "Enter the agenda item" in page.text and "Enter the minutes as a number" in page.text
    easy = pages.submit(change + "?view=easyread", {"title": ""}, status=422)
    assert "Write what you will talk about" in easy.text
    # An expired token: the form again with what was typed, and nothing written.
    expired = client.post(change, data={"title": "Hello everyone", "paper": "Kept too"})
    assert expired.status_code == 422
    body = expired.get_data(as_text=True)
    assert 'value="Hello everyone"' in body and "Kept too" in body
    assert titles(meeting_id) == [title for title, _ in ITEMS]


def test_change_keeps_a_decision_and_an_area_the_form_would_no_longer_offer(app, pages):
    setup_people(app)
    meeting_id = make_meeting()
    with db.connection_context():
        AgendaItem.create(meeting=meeting_id, title="Old business", decision_ref="424242",
                          scope_area="An area since taken out of the terms")  # fmt: skip
    sign_in(pages, "Fair Kestrel")
    change = f"/meetings/{meeting_id}/agenda/{item_id('Old business')}/change"
    page = pages.get(change)
    area = page.select_one("input[name=scope_area][checked]")
    assert area["value"] == "An area since taken out of the terms"
    pages.submit(change, {"title": "Old business, tidied",
                          "scope_area": "An area since taken out of the terms"})  # fmt: skip
    with db.connection_context():
        item = AgendaItem.get(AgendaItem.title == "Old business, tidied")
    assert item.scope_area == "An area since taken out of the terms"
    # A decision that is not the community's own (here, none at all) is never offered.
    assert page.select_one("input[name=decision_ref][value='424242']") is None


def test_only_the_meetings_facilitators_change_an_item_under_the_same_rule_as_moving(
    app, pages, client
):
    setup_people(app)
    held = make_meeting(days=-2, items=ITEMS)
    change = f"/meetings/{held}/agenda/{item_id('Welcome')}/change"
    assert client.get(change).headers["Location"].startswith("/sign-in")
    for name in ("Plain Pigeon", "Other Otter"):
        sign_in(pages, name)
        pages.get(change, status=403)
        pages.get(f"/meetings/{held}/agenda", status=403)  # the same answer as the agenda
        pages.sign_out()
    # Moving and removing stay open to the facilitators after the meeting; so does this.
    sign_in(pages, "Fair Kestrel")
    pages.submit(change, {"title": "Welcome and introductions"})
    assert titles(held)[0] == "Welcome and introductions"
    other = make_meeting(items=[("Elsewhere", False)])
    pages.get(f"/meetings/{held}/agenda/{item_id('Elsewhere')}/change", status=404)
    assert titles(other) == ["Elsewhere"]
