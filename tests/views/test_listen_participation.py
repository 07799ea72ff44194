"""Listen on the decision and meeting pages (issue 19): the decision's words, each agenda
paper and the meeting notes can be heard; forms and the reader's own answers are not read."""

from __future__ import annotations

import datetime as dt

from webapp.extensions import db

from .decision_helpers import TODAY, make_decision
from .facilitation_helpers import setup_people, sign_in
from .meeting_helpers import make_meeting


def regions(soup) -> list:
    found = soup.select("main [data-listen]")
    for region in found:
        assert region.select_one("template[data-listen-controls]") is not None
    return found


def test_a_decision_can_be_heard_but_not_the_view_form(app, pages):
    app.config["TODAY"] = TODAY
    setup_people(app)
    decision_id = make_decision(app, title="Quiet rooms at meetings")
    sign_in(pages, "Plain Pigeon")
    for view in ("", "?view=easyread"):
        [region] = regions(pages.get(f"/decisions/{decision_id}{view}"))
        assert region.select_one("h1").get_text(strip=True) == "Quiet rooms at meetings"
        words = region.get_text(" ", strip=True)
        assert ("We want a quiet room." if view else "Every meeting has a quiet room.") in words
        assert "Your view" not in words and "Your answer" not in words  # not the controls


def test_each_agenda_paper_and_the_notes_can_be_heard(app, pages):
    from webapp.meetings.models import AgendaItem, Meeting

    setup_people(app)
    meeting_id = make_meeting(days=-3, notes_status="final", themes="We talked about letters.",
                              notes_final_on=dt.date.today())  # fmt: skip
    with db.connection_context():
        meeting = Meeting.get_by_id(meeting_id)
        AgendaItem.create(meeting=meeting, position=0, title="Letters", paper="The paper words.")
        AgendaItem.create(meeting=meeting, position=1, title="No paper here")
    sign_in(pages, "Plain Pigeon")
    [paper] = regions(pages.get(f"/meetings/{meeting_id}"))
    assert paper.find_parent("details", class_="paper") is not None  # heard once opened
    assert paper.get_text(" ", strip=True) == "The paper words."
    [notes] = regions(pages.get(f"/meetings/{meeting_id}/notes"))
    assert notes.select_one("h1") is not None
    assert "We talked about letters." in notes.get_text(" ")
    assert notes.select_one("form") is None
