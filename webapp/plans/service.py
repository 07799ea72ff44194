"""Changing the plan. Every change a facilitator or a lead makes goes in the audit log;
a member's own offer to help is theirs and is not.

Each function takes `today`, so tests can choose the day.
"""

from __future__ import annotations

import datetime as dt

from ..database import write_transaction
from ..facilitation.models import AuditEntry
from ..models import Community, Member
from .models import (
    STOPPED,
    Activity,
    Offer,
    Plan,
    StatusChange,
    Task,
    TermsVersion,
    Update,
    month_of,
)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def save_terms(actor: Member, community: Community, parts: dict, review_on: dt.date,
               today: dt.date | None = None) -> TermsVersion:  # fmt: skip
    """A new version; the old ones stay as they were."""
    with write_transaction():
        version = TermsVersion.add(community, parts, review_on, actor, _today(today))
        AuditEntry.record(actor, "wrote terms of reference", item=f"version {version.version}",
                          community=community)  # fmt: skip
    return version


def save_activity(actor: Member, community: Community, values: dict,
                  activity: Activity | None = None, today: dt.date | None = None) -> Activity:  # fmt: skip
    with write_transaction():
        if activity is None:
            activity = Activity.create(community=community, made_on=_today(today), **values)
            StatusChange.create(activity=activity, status=activity.status, changed_on=_today(today))
            action = "added activity"
        else:
            for name, value in values.items():
                setattr(activity, name, value)
            activity.save()
            action = "changed activity"
        AuditEntry.record(actor, action, item=f"activity {activity.id}", community=community)
    return activity


def set_status(actor: Member, activity: Activity, status: str, why: str = "",
               today: dt.date | None = None) -> None:  # fmt: skip
    with write_transaction():
        changed = status != activity.status
        activity.status = status
        activity.stopped_why = why if status == STOPPED else ""
        activity.save()
        if changed:
            StatusChange.create(activity=activity, status=status, changed_on=_today(today))
        AuditEntry.record(actor, f"set status {status}", item=f"activity {activity.id}",
                          community=activity.community_id, note=activity.stopped_why)  # fmt: skip


def add_task(actor: Member, activity: Activity, description: str, due: dt.date | None) -> Task:
    with write_transaction():
        task = Task.create(activity=activity, description=description, due=due,
                           position=activity.tasks().count())  # fmt: skip
        AuditEntry.record(actor, "added task", item=f"task {task.id}",
                          community=activity.community_id)  # fmt: skip
    return task


def change_task(actor: Member, task: Task, description: str, due: dt.date | None) -> None:
    with write_transaction():
        task.description, task.due = description, due
        task.save()
        AuditEntry.record(actor, "changed task", item=f"task {task.id}",
                          community=task.activity.community_id)  # fmt: skip


def mark_done(actor: Member, task: Task, done: bool, today: dt.date | None = None) -> None:
    with write_transaction():
        task.done, task.done_on = done, (_today(today) if done else None)
        task.save()
        AuditEntry.record(actor, "task done" if done else "task not done", item=f"task {task.id}",
                          community=task.activity.community_id)  # fmt: skip


def offer_help(member: Member, task: Task, today: dt.date | None = None) -> Offer:
    """ "I can help with this": one step. Offering again after withdrawing renews the offer."""
    with write_transaction():
        offer = task.offer_of(member)
        if offer is None:
            return Offer.create(task=task, member=member, offered_on=_today(today))
        if offer.status == Offer.WITHDRAWN:
            offer.status, offer.note, offer.offered_on = Offer.OFFERED, "", _today(today)
            offer.decided_on = None
            offer.save()
        return offer


def withdraw_offer(member: Member, task: Task, today: dt.date | None = None) -> None:
    with write_transaction():
        offer = task.offer_of(member)
        if offer is not None and offer.status in (Offer.OFFERED, Offer.CONFIRMED):
            offer.status, offer.decided_on = Offer.WITHDRAWN, _today(today)
            offer.save()


def answer_offer(actor: Member, offer: Offer, confirm: bool, note: str = "",
                 today: dt.date | None = None) -> None:  # fmt: skip
    with write_transaction():
        offer.status = Offer.CONFIRMED if confirm else Offer.DECLINED
        offer.note, offer.decided_on = note, _today(today)
        offer.save()
        AuditEntry.record(actor, "confirmed offer" if confirm else "declined offer",
                          item=f"task {offer.task_id}", community=offer.task.activity.community_id)  # fmt: skip


def write_update(actor: Member, activity: Activity, values: dict,
                 today: dt.date | None = None) -> Update:  # fmt: skip
    """This month's update: written again the same month, it replaces that month's words."""
    month = month_of(_today(today))
    with write_transaction():
        update = activity.update_for(month) or Update(activity=activity, month=month)
        for name, value in values.items():
            setattr(update, name, value)
        update.written_by, update.written_on = actor, _today(today)
        update.save()
        AuditEntry.record(actor, "wrote monthly update", item=f"activity {activity.id}",
                          community=activity.community_id)  # fmt: skip
    return update


def review_plan(
    actor: Member, plan: Plan, review_on: dt.date, today: dt.date | None = None
) -> None:
    with write_transaction():
        plan.review_on, plan.reviewed_on = review_on, _today(today)
        plan.save()
        AuditEntry.record(actor, "reviewed the plan", community=plan.community_id)
