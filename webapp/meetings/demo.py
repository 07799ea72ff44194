"""Demo meetings for `make run`: two held (one with notes quoting a demo story) and one to
come with its agenda published. Written for the demo; running it twice changes nothing."""

from __future__ import annotations

import datetime as dt

from ..database import write_transaction
from ..join.demo import DEMO_MEMBER
from ..models import Community, Member
from ..stories.models import Story
from .after_models import NoteQuote
from .models import DRAFT, FINAL, PRESENT, AgendaItem, Attendance, Meeting
from .suggestion_models import AgendaSuggestion
from .when import uk_now

PLACE = "The Meeting Room, Riverside Community Centre"
GETTING_THERE = "Buses 12 and 40 stop outside. Use the side door on the left: it has a ramp."


def _meeting(days: int, title: str, **fields) -> Meeting:
    day = uk_now().date() + dt.timedelta(days=days)
    where = dict(place=PLACE, getting_there=GETTING_THERE, step_free=True, hearing_loop=True,
                 accessible_toilet=True, online_link="https://meet.example.org/people-monthly")  # fmt: skip
    return Meeting.create(
        community=Community.by_slug("people"), title=title,
        starts_at=dt.datetime.combine(day, dt.time(14)),
        ends_at=dt.datetime.combine(day, dt.time(15, 30)), **{**where, **fields},
    )  # fmt: skip


def _items(meeting: Meeting, items: list[tuple]) -> None:
    for position, (title, easy, minutes, sensitive, paper, paper_easy, *area) in enumerate(items):
        AgendaItem.create(
            meeting=meeting, position=position, title=title, title_easy=easy, minutes=minutes,
            sensitive=sensitive, paper=paper, paper_easy=paper_easy, scope_area="".join(area),
        )  # fmt: skip


def load_meetings() -> int:
    with write_transaction():
        if Meeting.select().exists():
            return 0
        today = uk_now().date()
        heron = Member.by_name(DEMO_MEMBER[0])
        earlier = _meeting(-38, "Members' meeting: October", regular=True,
                           agenda_published_on=today - dt.timedelta(days=48),
                           notes_status=FINAL, themes="Welcome and how we work together.",
                           easy_summary="We said hello. We talked about how we work together.",
                           notes_circulated_on=today - dt.timedelta(days=36),
                           notes_final_on=today - dt.timedelta(days=28))  # fmt: skip
        _items(earlier, [("Welcome and introductions", "Saying hello", 15, False, "", "")])
        held = _meeting(
            -9, "Members' meeting: November", regular=True,
            agenda_published_on=today - dt.timedelta(days=20), notes_status=DRAFT,
            notes_circulated_on=today - dt.timedelta(days=6),
            themes="Being asked, not assumed: members talked about hospital stays, and how "
                   "often carers are not asked what the person they care for needs.\n\n"
                   "Several members said a one-page profile helps.",
            decided="We will write a short guide to one-page profiles with the Advocates community.",
            actions="A facilitator will ask the Advocates community to join the guide.",
            easy_summary="We talked about going into hospital. Staff should ask carers what "
                         "people need. A one-page profile helps. We will write a short guide.",
        )  # fmt: skip
        _items(held, [
            ("Hospital stays: being asked what the person needs", "Going into hospital", 40,
             True, "", ""),
            ("A guide to one-page profiles", "A guide about 1-page profiles", 20, False, "", ""),
        ])  # fmt: skip
        story = Story.select().where(Story.quoting == "quote", Story.audience == "public").first()
        if story is not None:
            NoteQuote.create(meeting=held, story_reference=story.reference, kind=NoteQuote.QUOTE)
        coming = _meeting(5, "Members' meeting: December", regular=True,
                          agenda_published_on=today - dt.timedelta(days=3))  # fmt: skip
        _items(coming, [
            ("Welcome, and how everyone is", "Saying hello", 10, False, "", ""),
            ("Our guide to one-page profiles: the first draft", "Our guide: the first try",
             30, False,
             "The first draft of the guide is two pages long. It says what a one-page profile "
             "is, who can help write one, and how to share it with hospital staff.",
             "We wrote a guide. It is 2 pages. It says how to make a 1-page profile.",
             "How services give information to people who use them"),
            ("Plans for the new year", "Plans for next year", 20, False, "", ""),
        ])  # fmt: skip
        # An extra meeting moved to a bigger room, and one called off.
        _meeting(12, "Extra meeting: the guide's pictures", regular=False,
                 place="The Meeting Room, Riverside Centre (upstairs, lift available)",
                 changes=1, changed_on=today - dt.timedelta(days=1))  # fmt: skip
        _meeting(19, "Coffee morning", regular=False, cancelled_on=today - dt.timedelta(days=2),
                 cancelled_why="The centre is closed for repairs that week. We will plan "
                               "another coffee morning in the new year.", changes=1)  # fmt: skip
        if heron is not None:
            AgendaSuggestion.create(
                meeting=coming, member=heron, made_on=today - dt.timedelta(days=1),
                words="Getting to meetings when the buses are cut",
                why="The number 40 stops running at 6pm from January. I hope we can ask the "
                    "council about it, or find out who could share lifts.",
            )  # fmt: skip
            for meeting in (earlier, held):
                Attendance.create(meeting=meeting, member=heron, status=PRESENT)
    return 5
