"""When to remind, worked out from a day passed in (tests choose the day), and what
changed in a community's plan since the start of last month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import Community
from .models import Activity, Plan, StatusChange, Task, TermsVersion, Update, add_months, month_of


def update_due(activity: Activity, today: dt.date) -> bool:
    """The lead's gentle nudge: the activity is running and this month has no update yet."""
    return (
        activity.running
        and activity.starts <= month_of(today)
        and activity.update_for(today) is None
    )


def month_missed(activity: Activity, today: dt.date) -> bool:
    """For the dashboard: a whole month went by without an update. The activity has run
    since before last month, and neither last month nor this month has an update."""
    last_month = add_months(month_of(today), -1)
    return (
        activity.running
        and activity.starts < last_month
        and activity.update_for(last_month) is None
        and activity.update_for(today) is None
    )


def terms_review_due(community: Community, today: dt.date) -> TermsVersion | None:
    latest = TermsVersion.latest(community)
    return latest if latest is not None and latest.review_on <= today else None


def plan_review_due(community: Community, today: dt.date) -> Plan | None:
    plan = Plan.of(community, today)
    return plan if plan.review_on <= today else None


@dataclass(frozen=True)
class Event:
    day: dt.date
    kind: str  # "added", "status", "update", "task done"
    activity: Activity
    detail: str = ""  # the new status, or the task's description


def since_last_month(today: dt.date) -> dt.date:
    return add_months(month_of(today), -1)


def changes_since(community: Community, since: dt.date) -> list[Event]:
    """Everything that happened in the plan from `since`, newest first."""
    activities = {a.id: a for a in Activity.in_plan(community)}
    if not activities:
        return []
    ids = list(activities)
    events = [Event(a.made_on, "added", a) for a in activities.values() if a.made_on >= since]
    changes = list(
        StatusChange.select().where(StatusChange.activity.in_(ids)).order_by(StatusChange.id)
    )
    first = {}
    for change in changes:
        first.setdefault(change.activity_id, change.id)
    for change in changes:
        if change.changed_on < since or first[change.activity_id] == change.id:
            continue  # an activity's first status is part of its being added
        events.append(
            Event(change.changed_on, "status", activities[change.activity_id], change.status)
        )
    for update in Update.select().where(Update.activity.in_(ids), Update.written_on >= since):
        events.append(Event(update.written_on, "update", activities[update.activity_id]))
    for task in Task.select().where(Task.activity.in_(ids), Task.done_on >= since):
        events.append(
            Event(task.done_on, "task done", activities[task.activity_id], task.description)
        )
    return sorted(events, key=lambda e: (e.day, e.activity.id), reverse=True)
