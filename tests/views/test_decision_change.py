"""Changing a decision after it was opened: everything before anyone gives a view; only a
later closing day and the easy read after; nothing for those who may not manage it."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.extensions import db

from .decision_helpers import TODAY, give_view, make_decision
from .facilitation_helpers import setup_people, sign_in


@pytest.fixture
def people(app):
    app.config["TODAY"] = TODAY
    return setup_people(app)


def saved(decision_id: int):
    from webapp.decisions.models import Decision

    with db.connection_context():
        return Decision.get_by_id(decision_id)


def base(decision_id: int) -> str:
    return f"/decisions/{decision_id}/change"


def start(pages, decision_id: int):
    """The link on the decision's page, then check answers, filled in from the decision."""
    page = pages.get(f"/decisions/{decision_id}")
    link = page.find("a", string="Change this decision")
    assert link is not None and link["href"] == f"{base(decision_id)}/"
    response = pages.client.get(link["href"])
    assert response.headers["Location"].endswith(f"{base(decision_id)}/check")
    return pages.get(f"{base(decision_id)}/check")


def test_before_any_view_everything_changes_and_is_recorded(app, pages, people):
    from webapp.facilitation.models import AuditEntry

    decision = make_decision(app, opens=1, closes=8)  # not open yet: nobody has seen it
    sign_in(pages, "Fair Kestrel")
    check = start(pages, decision)
    assert "Nobody has given a view yet" in check.text
    assert "Quiet rooms at meetings" in check.text  # filled in from the decision
    rows = [a.get_text(" ", strip=True) for a in check.select(".check-answers__change a")]
    assert "Change the title" in rows and "Change anonymous or named" in rows
    pages.submit(f"{base(decision)}/title?change=1", {"title": "A calm room at meetings"})
    pages.submit(
        f"{base(decision)}/proposal?change=1",
        {"proposal": "Every meeting has a calm room.", "why": "Meetings are busy."},
    )
    pages.submit(f"{base(decision)}/naming?change=1", {"naming": "named"})
    pages.submit(
        f"{base(decision)}/dates?change=1", {"opens_on": "2026-12-03", "closes_on": "2026-12-20"}
    )
    check = pages.get(f"{base(decision)}/check")
    assert "A calm room at meetings" in check.text
    assert check.find("button", string=lambda s: s and "Save the changes" in s)
    response = pages.submit(f"{base(decision)}/check", {})
    assert response.headers["Location"].endswith(f"/decisions/{decision}")
    found = saved(decision)
    assert found.title == "A calm room at meetings" and found.why == "Meetings are busy."
    assert not found.anonymous and found.opens_on == dt.date(2026, 12, 3)
    assert found.closes_on == dt.date(2026, 12, 20)
    assert found.changed_on is None  # changed before it opened: nobody had read it yet
    with db.connection_context():
        entry = AuditEntry.get(AuditEntry.action == "changed a decision")
        assert entry.item == f"decision {decision}" and "title" in entry.note
    page = pages.get(f"/decisions/{decision}")
    assert "The changes are saved." in page.text and "Changed on" not in page.text


def test_the_same_checks_as_opening_and_nothing_typed_is_lost(app, pages, people):
    decision = make_decision(app)
    sign_in(pages, "Fair Kestrel")
    start(pages, decision)
    page = pages.submit(
        f"{base(decision)}/dates?change=1",
        {"opens_on": "2026-11-20", "closes_on": "2026-11-25"},
        status=422,
    )
    assert "The closing day must be today or later" in page.text
    assert page.find("input", {"name": "closes_on"})["value"] == "2026-11-25"
    page = pages.submit(
        f"{base(decision)}/dates?change=1",
        {"opens_on": "2026-12-10", "closes_on": "2026-12-05"},
        status=422,
    )
    assert "on or after the opening day" in page.text
    page = pages.submit(f"{base(decision)}/title?change=1", {"title": ""}, status=422)
    assert "Write a short title" in page.text
    # An expired token: the words typed come back, and nothing is saved.
    response = pages.client.post(
        f"{base(decision)}/proposal?change=1",
        data={"csrf_token": "expired", "proposal": "Words typed before lunch", "why": "Why"},
    )
    assert response.status_code == 422
    assert "Words typed before lunch" in response.get_data(as_text=True)
    response = pages.client.post(f"{base(decision)}/check", data={"csrf_token": "expired"})
    assert response.status_code == 422
    assert saved(decision).proposal == "Every meeting has a quiet room."


def test_after_a_view_only_the_easy_read_and_a_later_closing_day_change(app, pages, people):
    decision = make_decision(app)  # opened yesterday, closes in 7 days
    sign_in(pages, "Plain Pigeon")
    give_view(pages, decision, "endorse")
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    check = start(pages, decision)
    assert "People have already given their views on these words" in check.text
    assert "open a new decision" in check.text
    rows = [a.get_text(" ", strip=True) for a in check.select(".check-answers__change a")]
    assert "Change the title" not in rows
    assert "Change what is proposed, in easy read" in rows and "Change the closing day" in rows
    for turn in ("title", "proposal", "method", "naming", "dates", "who"):
        response = pages.client.get(f"{base(decision)}/{turn}?change=1")
        assert response.headers["Location"].endswith(f"{base(decision)}/check"), turn
    page = pages.get(f"{base(decision)}/check")
    assert "That can no longer change" in page.text
    # A closing day earlier than it is now is refused, with the typed day kept.
    page = pages.submit(
        f"{base(decision)}/closes?change=1", {"closes_on": "2026-12-05"}, status=422
    )
    assert "The closing day can only move later: 8 December 2026 or after" in page.text
    assert page.find("input", {"name": "closes_on"})["value"] == "2026-12-05"
    pages.submit(f"{base(decision)}/closes?change=1", {"closes_on": "2026-12-15"})
    pages.submit(
        f"{base(decision)}/easy?change=1",
        {"proposal_easy": "We want a quiet room. You can rest there.", "why_easy": "It is loud."},
    )
    pages.submit(f"{base(decision)}/check", {})
    found = saved(decision)
    assert found.closes_on == dt.date(2026, 12, 15) and found.changed_on == TODAY
    assert found.proposal_easy == "We want a quiet room. You can rest there."
    assert found.proposal == "Every meeting has a quiet room."  # the plain English stays
    page = pages.get(f"/decisions/{decision}")
    assert "Changed on Tuesday 1 December 2026." in page.text
    assert "We changed it on" in pages.get(f"/decisions/{decision}?view=easyread").text


def test_a_forged_change_to_the_words_after_views_is_refused(app, pages, people):
    """Posting straight to a turn that is closed, or a view arriving mid-change: refused."""
    decision = make_decision(app)
    sign_in(pages, "Fair Kestrel")
    start(pages, decision)
    pages.submit(f"{base(decision)}/title?change=1", {"title": "Something else entirely"})
    pages.submit(
        f"{base(decision)}/easy?change=1", {"proposal_easy": "A calm room.", "why_easy": "Loud."}
    )
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    give_view(pages, decision, "endorse")  # a view comes while the facilitator is changing it
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    response = pages.submit(f"{base(decision)}/check", {})
    assert response.headers["Location"].endswith(f"{base(decision)}/check")
    assert saved(decision).title == "Quiet rooms at meetings"
    page = pages.get(f"{base(decision)}/check")
    assert "People gave their views while you were making changes" in page.text
    assert "A calm room." in page.text  # the easy read typed is kept
    pages.submit(f"{base(decision)}/check", {})
    found = saved(decision)
    assert found.title == "Quiet rooms at meetings" and found.proposal_easy == "A calm room."
    response = pages.client.post(
        f"{base(decision)}/title?change=1", data={"title": "Forged", "csrf_token": "x"}
    )
    assert response.status_code in (302, 422)
    assert saved(decision).title == "Quiet rooms at meetings"


def test_after_results_were_shown_at_the_close_the_day_stays(app, pages, people):
    decision = make_decision(app)
    sign_in(pages, "Plain Pigeon")
    give_view(pages, decision, "endorse")
    pages.sign_out()
    app.config["TODAY"] = TODAY + dt.timedelta(days=10)  # closed: results were shown
    sign_in(pages, "Fair Kestrel")
    check = start(pages, decision)
    rows = [a.get_text(" ", strip=True) for a in check.select(".check-answers__change a")]
    assert "Change the closing day" not in rows
    assert "You can still add to or mend the easy read." in check.text
    response = pages.client.get(f"{base(decision)}/closes?change=1")
    assert response.headers["Location"].endswith(f"{base(decision)}/check")


def test_who_may_not_manage_it_gets_the_same_answers_as_elsewhere(app, pages, people):
    decision = make_decision(app)
    sign_in(pages, "Plain Pigeon")  # a member who may see it, not manage it
    assert "Change this decision" not in pages.get(f"/decisions/{decision}").text
    assert pages.client.get(f"{base(decision)}/").status_code == 403
    assert pages.client.get(f"{base(decision)}/check").status_code == 403
    pages.sign_out()
    sign_in(pages, "Other Otter")  # Staff's facilitator: People's decision is not theirs
    assert pages.client.get(f"{base(decision)}/").status_code == 404
    assert pages.client.get(f"{base(9999)}/").status_code == 404
    pages.sign_out()
    response = pages.client.get(f"{base(decision)}/")
    assert "/sign-in" in response.headers["Location"]


def test_members_who_chose_it_are_told_once_when_the_closing_day_moves(
    app, pages, people, tmp_path
):
    from webapp.mail import outbox_messages
    from webapp.member_records import EmailWanted
    from webapp.models import Member

    app.config["MAIL_OUTBOX_DIR"] = tmp_path / "outbox"
    with db.connection_context():
        member = Member.by_name("Plain Pigeon")
        member.email = "pigeon@example.org"
        member.save()
        EmailWanted.choose(member, {"decision-opened"})
    decision = make_decision(app)
    sign_in(pages, "Fair Kestrel")
    start(pages, decision)
    pages.submit(f"{base(decision)}/title?change=1", {"title": "Quiet rooms, please"})
    pages.submit(f"{base(decision)}/check", {})
    assert outbox_messages(tmp_path / "outbox") == []  # the closing day did not move
    start(pages, decision)
    pages.submit(
        f"{base(decision)}/dates?change=1", {"opens_on": "2026-11-30", "closes_on": "2026-12-20"}
    )
    token_page = pages.get(f"{base(decision)}/check")
    token = token_page.find("input", {"name": "csrf_token"})["value"]
    for _ in range(2):  # sent twice (a lost answer): one change, one email
        pages.client.post(f"{base(decision)}/check", data={"csrf_token": token})
    [message] = outbox_messages(tmp_path / "outbox")
    assert message["To"] == "pigeon@example.org"
    assert "Sunday 20 December" in message.get_content()
    assert saved(decision).changes == 2


def test_changes_another_facilitator_saved_meanwhile_are_not_undone(app, pages, people):
    decision = make_decision(app)
    sign_in(pages, "Main Admin")
    start(pages, decision)
    pages.submit(f"{base(decision)}/proposal?change=1",
                 {"proposal": "Every meeting has a quiet room.", "why": "Some left early."})  # fmt: skip
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")  # meanwhile, another facilitator changes the title
    start(pages, decision)
    pages.submit(f"{base(decision)}/title?change=1", {"title": "A quiet room"})
    pages.submit(f"{base(decision)}/check", {})
    pages.sign_out()
    sign_in(pages, "Main Admin")
    response = pages.submit(f"{base(decision)}/check", {})
    assert response.headers["Location"].endswith(f"{base(decision)}/check")
    assert saved(decision).why == "Meetings are loud."  # nothing saved over theirs unseen
    page = pages.get(f"{base(decision)}/check")
    assert "Someone else changed this decision since you started" in page.text
    assert "A quiet room" in page.text and "Some left early." in page.text
    pages.submit(f"{base(decision)}/check", {})
    found = saved(decision)
    assert found.title == "A quiet room" and found.why == "Some left early."


def test_a_decision_for_the_whole_platform_stays_so_when_its_title_changes(app, pages, people):
    decision = make_decision(app, communities="all", opens=2, platform_change=True)
    sign_in(pages, "Main Admin")
    assert "a platform change" in start(pages, decision).text
    pages.submit(f"{base(decision)}/title?change=1", {"title": "Quiet rooms everywhere"})
    pages.submit(f"{base(decision)}/check", {})
    found = saved(decision)
    assert found.title == "Quiet rooms everywhere"
    assert found.all_communities and found.platform_change
