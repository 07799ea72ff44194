"""Demo plans for `make run`: terms of reference for each community, and for People an
action plan with a lead (the demo member, Quiet Heron), tasks, volunteers and monthly
updates. A facilitator of People, Kind Harrier, can sign in to edit. Running it twice
changes nothing."""

from __future__ import annotations

import datetime as dt

from ..accounts.passwords import hash_password
from ..agreements.service import record_consent, required_agreements
from ..database import write_transaction
from ..decisions.models import Decision
from ..member_records import Facilitation
from ..models import Community, Member
from .demo_terms import TERMS
from .models import (
    NEEDS_HELP,
    ON_TRACK,
    Activity,
    Offer,
    Plan,
    StatusChange,
    Task,
    TermsVersion,
    Update,
    add_months,
    month_of,
)

DEMO_FACILITATOR = ("Kind Harrier", "meadow lantern kettle")
VOLUNTEERS = ("Bright Robin", "Patient Owl")


def _person(name: str, password: str | None, community: Community, today: dt.date) -> Member:
    member = Member.by_name(name)
    if member is None:
        with write_transaction():
            member = Member.create(
                display_name=name, name_key=Member.fold(name), community=community,
                password_hash=hash_password(password or "demo " + name), welcomed_on=today,
            )  # fmt: skip
        for agreement in required_agreements(member):
            record_consent(member, agreement, [p.key for p in agreement.principles])
    return member


def load(today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    added = 0
    people = Community.by_slug("people")
    harrier = _person(*DEMO_FACILITATOR, people, today)
    if harrier.role == "member":
        with write_transaction():
            harrier.role = "facilitator"
            harrier.save()
            Facilitation.create(member=harrier, community=people)
    for slug, parts in TERMS.items():
        community = Community.by_slug(slug)
        if TermsVersion.latest(community) is None:
            with write_transaction():
                TermsVersion.add(
                    community, parts, today.replace(year=today.year + 1), harrier, today
                )
                Plan.of(community, today)
            added += 1
    if not Activity.in_plan(people).exists():
        _people_plan(people, harrier, today)
    return added


def _people_plan(people: Community, harrier: Member, today: dt.date) -> None:
    heron = Member.by_name("Quiet Heron")
    robin, owl = (_person(name, None, people, today) for name in VOLUNTEERS)
    this_month = month_of(today)
    with write_transaction():
        leaflet = Activity.create(
            community=people, title="Clear letters and leaflets",
            title_easy="Letters that are easy to read",
            about="Services send letters people find hard to follow. We will test three letters "
                  "with members and send the services our suggested changes.",
            about_easy="Some letters from services are hard to read. We will help make them clearer.",
            panel="participation empowerment", scope_area="How services give information to people who use them",
            lead=heron or harrier, starts=add_months(this_month, -3), due=add_months(this_month, 3),
            status=ON_TRACK, made_on=add_months(this_month, -3),
        )  # fmt: skip
        carers = Activity.create(
            community=people, title="A carers' guide to feedback",
            about="Carers told us they do not know how to give feedback without it affecting the "
                  "person they care for. We will write a short guide with them.",
            panel="accountability non-discrimination", scope_area="Support for unpaid carers",
            lead=harrier, starts=add_months(this_month, -2), due=add_months(this_month, 4),
            status=NEEDS_HELP, made_on=add_months(this_month, -2),
        )  # fmt: skip
        for activity, first in ((leaflet, ON_TRACK), (carers, NEEDS_HELP)):
            StatusChange.create(activity=activity, status=first, changed_on=activity.made_on)
        tasks = [
            Task.create(activity=leaflet, description="Collect three real letters, with names taken out",
                        done=True, done_on=add_months(this_month, -2), position=0),
            Task.create(activity=leaflet, description="Read the letters together at the next meeting",
                        due=this_month, position=1),
            Task.create(activity=leaflet, description="Write our suggested changes", position=2,
                        due=add_months(this_month, 1)),
            Task.create(activity=carers, description="Ask five carers what stops them giving feedback",
                        position=0),
            Task.create(activity=carers, description="Find a carer to check the draft guide", position=1),
        ]  # fmt: skip
        Offer.create(task=tasks[0], member=robin, status=Offer.CONFIRMED, decided_on=today)
        Offer.create(task=tasks[1], member=owl, status=Offer.CONFIRMED, decided_on=today,
                     note="Thank you! Bring a pen; we will read them aloud too.")  # fmt: skip
        Offer.create(task=tasks[2], member=robin)  # waiting for the lead (Quiet Heron)
        for months_back, did, nxt in (
            (2, "We agreed which letters to look at and asked services for copies.",
             "Collect the letters and take the names out."),
            (1, "We have three letters. Two members read them and marked the hard parts.",
             "Read them together at the meeting."),
        ):  # fmt: skip
            Update.create(
                activity=leaflet, month=add_months(this_month, -months_back), did=did, next=nxt,
                easy_summary="We are making letters easier to read. It is going well.",
                written_by=leaflet.lead, written_on=add_months(this_month, -months_back),
            )  # fmt: skip
        Update.create(
            activity=carers, month=add_months(this_month, -2), did="We planned the questions.",
            next="Talk to carers.", in_the_way="Few carers can come to daytime meetings.",
            help_needed="Someone to talk to carers in the evening.", written_by=harrier,
            written_on=add_months(this_month, -2),
        )  # fmt: skip
        StatusChange.create(activity=carers, status=NEEDS_HELP, changed_on=this_month)
        _from_the_demo_decision(people, harrier, this_month)


def _from_the_demo_decision(people: Community, harrier: Member, this_month: dt.date) -> None:
    """You said, we did: an activity from the demo's decision on evening meetings."""
    decided = Decision.get_or_none(Decision.title == "Meeting in the evening as well as the day")
    if decided is None:
        return
    evening = Activity.create(
        community=people, title="Evening meetings online",
        title_easy="Meetings in the evening",
        about="Members decided to meet at 6pm online every other month. We will set up the "
              "first evening meetings and ask how they went.",
        about_easy="We will have some meetings in the evening. They will be online.",
        panel="participation non-discrimination", scope_area="", lead=harrier,
        starts=this_month, due=add_months(this_month, 2), status=ON_TRACK,
        decision_id=decided.id, made_on=this_month,
    )  # fmt: skip
    StatusChange.create(activity=evening, status=ON_TRACK, changed_on=this_month)
    Task.create(activity=evening, description="Book the online meeting room", position=0)
