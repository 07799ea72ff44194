"""Decisions: giving a view, changing it, closing, results, the outcome, and what each
person may see and do."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.extensions import db

from .decision_helpers import TODAY, give_view, make_decision, make_voters
from .facilitation_helpers import setup_people, sign_in


@pytest.fixture
def people(app):
    app.config["TODAY"] = TODAY
    return setup_people(app)


def test_every_page_renders_for_the_demo(app, pages, people):
    from webapp.decisions.demo import load_decisions

    with app.test_request_context(), db.connection_context():
        assert load_decisions() == 3
    sign_in(pages, "Fair Kestrel")
    for url in ["/decisions/", "/decisions/1", "/decisions/2", "/decisions/3",
                "/decisions/3/outcome", "/decisions/you-said-we-did",
                "/decisions/you-said-we-did/people", "/decisions/changes", "/account"]:  # fmt: skip
        pages.get(url)
    waiting = pages.get("/facilitate/people/dashboard").text
    assert "Record the outcome of “Sending the meeting notes by post”" in waiting
    assert pages.client.get("/decisions/1/results.csv").status_code == 200
    assert "Changed on" in pages.get("/decisions/2").text  # its easy read was mended
    pages.get("/decisions/2/change/check")


def test_a_member_gives_a_view_and_sees_only_their_own(app, pages, people):
    decision = make_decision(app)
    sign_in(pages, "Plain Pigeon")
    home = pages.get("/account")
    assert "Your views are wanted" in home.text
    give_view(pages, decision, "reservations", reason="The room must be step-free.")
    page = pages.get(f"/decisions/{decision}")
    assert "3. Support with reservations" in page.text
    assert "Only you can see this" in page.text
    assert "Your views are wanted" not in pages.get("/account").text
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    page = pages.get(f"/decisions/{decision}")
    assert "Support with reservations" not in page.text
    assert "step-free" not in page.text  # results are shown after it closes


def close(app, decision_id: int, days_after: int = 1) -> None:
    """Move the one clock past the closing day."""
    from webapp.decisions.models import Decision

    with db.connection_context():
        closes = Decision.get_by_id(decision_id).closes_on
    app.config["TODAY"] = closes + dt.timedelta(days=days_after)


def test_views_are_refused_after_closing_and_the_outcome_reminder_appears(app, pages, people):
    from webapp.decisions.models import Participation, View

    decision = make_decision(app)
    sign_in(pages, "Plain Pigeon")
    base = f"/decisions/{decision}/view"
    pages.submit(f"{base}/proposal", {})
    pages.submit(f"{base}/door", {"door": "no"})
    pages.submit(f"{base}/level", {"level": "block"})
    pages.submit(f"{base}/reason", {"reason": "Too late to count."})
    close(app, decision)  # the decision closes while the check page is open
    response = pages.client.post(f"{base}/check", data={"csrf_token": "x"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/decisions/{decision}")
    page = pages.get(f"/decisions/{decision}")
    assert "views can no longer be given or changed" in page.text
    with db.connection_context():
        assert View.select().count() == 0 and Participation.select().count() == 0
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    dashboard = pages.get("/facilitate/people/dashboard")
    assert "Record the outcome of “Quiet rooms at meetings”" in dashboard.text


def test_a_member_changes_their_view_until_it_closes(app, pages, people):
    from webapp.decisions.models import Participation, View

    decision = make_decision(app)
    sign_in(pages, "Plain Pigeon")
    give_view(pages, decision, "block", reason="No.")
    give_view(pages, decision, "endorse")
    page = pages.get(f"/decisions/{decision}")
    assert "1. Whole-hearted endorsement" in page.text and "Block" not in page.text
    with db.connection_context():
        assert View.select().count() == 1 and Participation.select().count() == 1
    close(app, decision)
    assert pages.client.get(f"/decisions/{decision}/view/door").status_code == 302
    assert "Change your view" not in pages.get(f"/decisions/{decision}").text


def results_page(app, pages, levels, method="gradients", **fields):
    decision = make_decision(app, method=method, **fields)
    names = make_voters(app, len(levels))
    for name, (key, reason) in zip(names, levels, strict=True):
        sign_in(pages, name)
        give_view(pages, decision, key, reason=reason, quick=method == "quick")
        pages.sign_out()
    close(app, decision)
    sign_in(pages, "Plain Pigeon")
    return decision, pages.get(f"/decisions/{decision}")


def test_results_after_closing_say_it_first_then_a_table_then_a_chart(app, pages, people):
    levels = (
        [("endorse", "")] * 5 + [("reservations", "")] * 5 + [("block", "It breaks our rules.")]
    )
    decision, page = results_page(app, pages, levels)
    callout = page.select_one(".callout").get_text(" ", strip=True)
    assert "11 people gave their view." in callout
    assert "At least 10 can live with it or better." in callout
    assert "Fewer than 5 people, or nobody, chose “Block”." in callout
    rows = {row.th.get_text(" ", strip=True): row.td.get_text(" ", strip=True)
            for row in page.select(".results-table tbody tr")}  # fmt: skip
    assert rows["1. Whole-hearted endorsement"] == "5"
    assert rows["3. Support with reservations"] == "5"
    assert rows["8. Block"] == "fewer than 5"
    assert rows["Everyone who answered"] == "11"
    # No hidden number can come back: the zeros and the 1 are all "fewer than 5", and the
    # shown numbers add up to 10 of 11, which any of the hidden rows could hold.
    assert page.select_one(".results-chart svg[role=img]")
    assert "It breaks our rules." in page.select_one("ul.reasons").get_text()
    csv_text = pages.client.get(f"/decisions/{decision}/results.csv").get_data(as_text=True)
    assert "Block,fewer than 5" in csv_text and "Voter" not in csv_text


def test_too_few_people_means_nothing_is_shown(app, pages, people):
    decision, page = results_page(app, pages, [("block", "Secret words here")] * 3)
    assert "Not enough people gave a view to show the results safely" in page.text
    assert "Secret words here" not in page.text
    assert not page.select(".results-table")
    assert pages.client.get(f"/decisions/{decision}/results.csv").status_code == 200


def test_while_open_only_the_number_who_took_part_and_fewer_than_5(app, pages, people):
    decision = make_decision(app)
    names = make_voters(app, 5)
    for count, name in enumerate(names, start=1):
        sign_in(pages, name)
        give_view(pages, decision, "endorse", reason="Lovely idea")
        pages.sign_out()
        sign_in(pages, "Plain Pigeon")
        text = pages.get(f"/decisions/{decision}").text
        pages.sign_out()
        assert ("Fewer than 5 people have given a view" in text) == (count < 5)
        assert "Lovely idea" not in text and "Whole-hearted" not in text.split("Your view")[1]


def test_the_outcome_must_answer_a_block(app, pages, people):
    levels = [("endorse", "")] * 5 + [("block", "")]
    decision, _page = results_page(app, pages, levels)
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    url = f"/decisions/{decision}/outcome"
    data = {"outcome": "agreed", "outcome_text": "We agreed.", "outcome_easy": "We said yes.",
            "next_steps": "We start in May.", "next_steps_easy": "We start in May.",
            "review_on": "2027-06-01"}  # fmt: skip
    soup = pages.submit(url, data, status=422)
    assert "Say how the outcome answers them" in soup.select_one(".error-summary").text
    assert 'value="2027-06-01"' in str(soup) and "We start in May." in soup.text  # kept
    pages.submit(url, {**data, "objections_answer": "We will talk to everyone first."})
    page = pages.get(f"/decisions/{decision}")
    assert "We will talk to everyone first." in page.text and "Agreed" in page.text
    assert "Record the outcome of" not in pages.get("/facilitate/people/dashboard").text
    app.config["TODAY"] = dt.date(2027, 6, 1)
    assert "Review “Quiet rooms at meetings”" in pages.get("/facilitate/people/dashboard").text
    said = pages.get("/decisions/you-said-we-did/people")
    assert "Quiet rooms at meetings" in said.text and "We agreed." in said.text


def test_a_quick_checks_outcome_speaks_of_disagreement_not_blocks(app, pages, people):
    levels = [("agree", "")] * 5 + [("disagree", "")]
    decision, _page = results_page(app, pages, levels, method="quick")
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    url = f"/decisions/{decision}/outcome"
    asked = pages.get(url).select_one("main").get_text(" ", strip=True).lower()
    assert "some people disagreed." in asked and "answer the people who disagreed" in asked
    assert "block" not in asked and "serious" not in asked, asked
    data = {"outcome": "agreed", "outcome_text": "We agreed.", "outcome_easy": "We said yes.",
            "next_steps": "We start in May.", "next_steps_easy": "We start in May."}  # fmt: skip
    soup = pages.submit(url, data, status=422)
    said = soup.select_one(".error-summary").text.lower()
    assert "some people disagreed. say how" in said and "block" not in said
    assert "review date" in said, "every mistake is said at once"
    pages.submit(url, {**data, "objections_answer": "We asked the group again.",
                       "review_on": "2027-06-01"})  # fmt: skip
    page = pages.get(f"/decisions/{decision}").select_one("main").text
    assert "Our answer to those who disagreed" in page and "serious" not in page.lower()


def test_a_suspended_member_reads_but_is_told_why_they_cannot_answer(app, pages, people):
    from webapp.models import Member

    decision = make_decision(app)
    with db.connection_context():
        Member.update(suspended_until=dt.date.today() + dt.timedelta(days=7)).where(
            Member.id == people["member"]
        ).execute()
    sign_in(pages, "Plain Pigeon")
    page = pages.get(f"/decisions/{decision}")
    assert "Your account is suspended" in page.text
    assert pages.client.get(f"/decisions/{decision}/view/proposal").status_code == 302
    assert "Your views are wanted" not in pages.get("/account").text


def test_permissions_on_every_route(app, client, pages, people):
    decision = make_decision(app)
    close_later = make_decision(app, title="Closed one", opens=-10, closes=-1)
    routes = [f"/decisions/{decision}", f"/decisions/{decision}/view/", f"/decisions/{close_later}/outcome",
              f"/decisions/{close_later}/results.csv", "/decisions/new/", "/decisions/",
              "/decisions/you-said-we-did/people", "/decisions/changes"]  # fmt: skip
    for url in routes:  # a visitor is asked to sign in first
        assert "/sign-in" in client.get(url).headers.get("Location", ""), url
    sign_in(pages, "Other Otter")  # a facilitator of Staff
    for url in routes[:4] + ["/decisions/you-said-we-did/people"]:
        assert client.get(url).status_code == 404, url
    assert client.get("/decisions/new/").status_code == 302  # may open one for Staff
    pages.sign_out()
    make_voters(app, 1, community="staff", prefix="Staff")
    sign_in(pages, "Staff Aa")  # a member of another community
    for url in routes[:4]:
        assert client.get(url).status_code == 404, url
    assert client.get("/decisions/new/").status_code == 403
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")  # a member of People cannot manage
    assert client.get(f"/decisions/{close_later}/outcome").status_code == 403
    assert client.get("/decisions/new/").status_code == 403


def test_named_decisions_show_who_said_what(app, pages, people):
    levels = [("endorse", "Yes please")] * 5
    decision, page = results_page(app, pages, levels, anonymous=False)
    assert "Who said what" in page.text and "Voter Aa" in page.text


def test_the_quick_check_and_a_question_for_the_facilitators(app, pages, people):
    decision = make_decision(app, method="quick")
    sign_in(pages, "Plain Pigeon")
    give_view(pages, decision, "unsure", question="Who pays for the room?", quick=True)
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    page = pages.get(f"/decisions/{decision}")
    assert "Who pays for the room?" in page.select_one("#questions").find_parent("section").text
    assert "Plain Pigeon" not in page.text


def test_the_data_download_says_you_gave_a_view_and_what_it_was(app, pages, people):
    decision = make_decision(app)
    sign_in(pages, "Plain Pigeon")
    give_view(pages, decision, "minor", reason="Mostly good.")
    data = pages.client.get("/account/data.json")
    assert data.status_code == 200, data.status_code
    given = data.get_json()["decisions"]
    assert given == [{"decision": "Quiet rooms at meetings", "you gave a view": True,
                      "anonymous": True, "your view": "Agreement with a minor point of contention",
                      "your reason": "Mostly good."}]  # fmt: skip


def test_members_who_chose_it_are_emailed_when_a_decision_opens(app, pages, people, tmp_path):
    from webapp.decisions.announce import announce_due
    from webapp.mail import outbox_messages
    from webapp.member_records import EmailWanted
    from webapp.models import Member

    app.config["MAIL_OUTBOX_DIR"] = tmp_path / "outbox"
    with db.connection_context():
        for name, email in [
            ("Plain Pigeon", "pigeon@example.org"),
            ("Other Otter", "otter@example.org"),
        ]:
            member = Member.by_name(name)
            member.email = email
            member.save()
            EmailWanted.choose(member, {"decision-opened"})
    make_decision(app, announced=False)
    with app.test_request_context(), db.connection_context():
        assert announce_due() == 1
        assert announce_due() == 0  # once only
    [message] = outbox_messages(tmp_path / "outbox")
    assert message["To"] == "pigeon@example.org"  # Staff's facilitator is not asked
    assert "Quiet rooms at meetings" in message.get_content()


def open_decision(pages, easy="We want a quiet room. You can go there any time.", who=("people",),
                  **extra):  # fmt: skip
    base = "/decisions/new"
    pages.submit(f"{base}/title", {"title": "A quiet room"})
    pages.submit(f"{base}/proposal", {"proposal": "A quiet room at meetings.", "why": "Loud."})
    soup_or_redirect = pages.submit(
        f"{base}/easy", {"proposal_easy": easy, "why_easy": "It is loud."}
    )
    hints_shown = soup_or_redirect.headers["Location"].endswith("/hints")
    if hints_shown:
        page = pages.get(f"{base}/hints")
        assert "Could the easy read be easier?" in page.text
        pages.submit(f"{base}/hints", {"keep": "keep", "proposal_easy": "changed", "why_easy": "x"})
    pages.submit(f"{base}/principles", {"principles": ["participation", "empowerment"]})
    pages.submit(f"{base}/who", {"communities": list(who), **extra})
    pages.submit(f"{base}/dates", {"opens_on": "2026-12-01", "closes_on": "12/12/2026"})
    pages.submit(f"{base}/method", {"method": "gradients"})
    pages.submit(f"{base}/reasons", {"reasons": "required"})
    pages.submit(f"{base}/results", {"results": "after"})
    pages.submit(f"{base}/naming", {"naming": "anonymous"})
    pages.submit(f"{base}/counts", {"counts": "everyone"})
    check = pages.get(f"{base}/check")
    assert "Open from Tuesday 1 December 2026 to the end of Saturday 12 December 2026" in check.text
    return hints_shown, pages.submit(f"{base}/check", {})


def test_a_facilitator_opens_a_decision_in_a_conversation(app, pages, people):
    from webapp.decisions.models import Decision

    sign_in(pages, "Fair Kestrel")
    hints_shown, response = open_decision(pages)
    assert not hints_shown  # easy read that follows the rules gets no hints
    with db.connection_context():
        decision = Decision.get()
        assert [c.slug for c in decision.communities()] == ["people"]
        assert decision.reasons_required and decision.anonymous and not decision.platform_change
    assert response.headers["Location"].endswith(f"/decisions/{decision.id}")
    page = pages.get(f"/decisions/{decision.id}")
    assert "Closes on Saturday 12 December 2026" in page.text


def test_easy_read_hints_are_gentle_and_never_block(app, pages, people):
    from webapp.decisions.models import Decision

    sign_in(pages, "Main Admin")
    long = "We want to make a quiet room at every single meeting that we hold in the three towns."
    hints_shown, _response = open_decision(pages, easy=long, who=("people", "staff", "advocates"),
                                           platform_change="yes")  # fmt: skip
    assert hints_shown
    with db.connection_context():
        decision = Decision.get()
        assert decision.proposal_easy == long  # kept as it was
        assert decision.all_communities and decision.platform_change
    assert "A quiet room" in pages.get("/decisions/changes").text


def test_a_facilitator_cannot_ask_another_community(app, pages, people):
    sign_in(pages, "Fair Kestrel")
    base = "/decisions/new"
    pages.submit(f"{base}/title", {"title": "A quiet room"})
    pages.submit(f"{base}/proposal", {"proposal": "A quiet room at meetings.", "why": "Loud."})
    pages.submit(f"{base}/easy", {"proposal_easy": "A quiet room.", "why_easy": "It is loud."})
    pages.submit(f"{base}/principles", {"principles": ["participation"]})
    pages.submit(f"{base}/who", {"communities": ["staff"]}, status=422)


def test_several_communities_get_a_table_each_and_no_hidden_count_comes_back(app, pages, people):
    decision = make_decision(app, ("people", "staff"))
    for community, prefix, levels in [("people", "Pe", ["endorse"] * 6 + ["block"] * 2),
                                      ("staff", "St", ["endorse"] * 5 + ["block"] * 5)]:  # fmt: skip
        for name, key in zip(make_voters(app, len(levels), community, prefix), levels, strict=True):
            sign_in(pages, name)
            give_view(pages, decision, key)
            pages.sign_out()
    close(app, decision)
    sign_in(pages, "Main Admin")
    page = pages.get(f"/decisions/{decision}")
    tables = {t.caption.get_text(strip=True): {
        row.th.get_text(" ", strip=True): row.td.get_text(" ", strip=True)
        for row in t.select("tbody tr")} for t in page.select(".results-table")}  # fmt: skip
    people_block = tables["Views in People"]["8. Block"]
    assert people_block == "fewer than 5"
    # Overall block minus Staff's block would give People's 2: one of them must be hidden.
    overall, staff = tables["Everyone's views"]["8. Block"], tables["Views in Staff"]["8. Block"]
    assert not (overall.isdigit() and staff.isdigit())


def test_views_from_people_not_yet_regular_are_counted_apart(app, pages, people, monkeypatch):
    from webapp import contributions

    monkeypatch.setattr(contributions, "_regular_rule", [lambda m, c: m.display_name < "Voter Af"])
    decision = make_decision(app, only_regular=True)
    names = make_voters(app, 10)
    for name in names:
        sign_in(pages, name)
        give_view(pages, decision, "endorse")
        pages.sign_out()
    close(app, decision)
    sign_in(pages, "Plain Pigeon")
    page = pages.get(f"/decisions/{decision}")
    captions = [c.get_text(strip=True) for c in page.select(".results-table caption")]
    assert "Views in Regular members" in captions
    assert "Views in People who are not yet regular members" in captions
