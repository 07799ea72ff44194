"""One activity: its page, its status, its tasks, offers of help, and monthly updates."""

from __future__ import annotations

from flask import abort, flash, g, redirect, url_for
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..decisions.models import Decision
from ..errors import csrf_failed, redisplays_form
from ..receipts import SentKey
from ..rendering import render_form, render_page
from ..wording import say
from . import bp
from .access import Rights, activity_page, lead_only, leads, offer_page, task_page
from .forms import CONFIRM, AnswerOfferForm, StatusForm, TaskForm, UpdateForm, parse_month
from .models import Activity, Offer, Task, month_of
from .reminders import update_due
from .service import (
    add_task,
    answer_offer,
    change_task,
    mark_done,
    offer_help,
    set_status,
    withdraw_offer,
    write_update,
)
from .views_plan import today


@bp.route("/activities/<int:activity_id>")
@activity_page
def activity(activity: Activity, allowed: Rights):
    tasks = list(activity.tasks())
    mine = {t.id: t.offer_of(g.member) for t in tasks}
    is_lead = leads(g.member, activity)
    return render_page(
        "plans/_activity.html", activity.title,
        community=activity.community, allowed=allowed, activity=activity, tasks=tasks, mine=mine,
        is_lead=is_lead, waiting=list(Offer.waiting_for_lead(activity)) if is_lead else [],
        updates=list(activity.updates()),
        decision=Decision.get_or_none(Decision.id == activity.decision_id) if activity.decision_id else None,
        update_due=activity.lead_id == g.member.id and update_due(activity, today()),
        written_this_month=is_lead and activity.update_for(today()) is not None,
        about=contributions.about_parts("activity", activity),
    )  # fmt: skip


@bp.route("/activities/<int:activity_id>/status", methods=["GET", "POST"])
@activity_page
@lead_only
@redisplays_form
def status(activity: Activity, allowed: Rights):
    form = StatusForm(data={"status": activity.status, "stopped_why": activity.stopped_why})
    if form.validate_on_submit() and not csrf_failed():
        set_status(g.member, activity, form.status.data, form.stopped_why.data or "")
        flash(str(say(_l("Status saved."), _l("Saved."))))
        return redirect(url_for("plans.activity", activity_id=activity.id))
    return render_form(
        "plans/_status_form.html", say(_l("How is %(title)s going?", title=activity.title), _l("How is it going?")),
        form, community=activity.community, allowed=allowed, activity=activity,
    )  # fmt: skip


@bp.route("/activities/<int:activity_id>/tasks/new", methods=["GET", "POST"])
@activity_page
@lead_only
@redisplays_form
def new_task(activity: Activity, allowed: Rights):
    form = TaskForm()
    form.set_choices(today())
    if form.validate_on_submit() and not csrf_failed():
        if SentKey.claim(form.once.data):
            add_task(g.member, activity, form.description.data, parse_month(form.due.data))
            flash(str(say(_l("Task added. Members can now offer to help."), _l("Job added."))))
        return redirect(url_for("plans.activity", activity_id=activity.id))
    return render_form(
        "plans/_task_form.html", say(_l("Add a task"), _l("Add a job")),
        form, community=activity.community, allowed=allowed, activity=activity, task=None,
    )  # fmt: skip


@bp.route("/tasks/<int:task_id>/edit", methods=["GET", "POST"])
@task_page
@redisplays_form
def edit_task(task: Task, activity: Activity, allowed: Rights):
    if not leads(g.member, activity):
        abort(403)
    form = TaskForm(data={"description": task.description,
                          "due": task.due.strftime("%Y-%m") if task.due else ""})  # fmt: skip
    form.set_choices(today())
    if form.validate_on_submit() and not csrf_failed():
        change_task(g.member, task, form.description.data, parse_month(form.due.data))
        flash(str(say(_l("Task saved."), _l("Saved."))), at_task(task))
        return back_to(activity, f"#task-{task.id}")
    return render_form(
        "plans/_task_form.html", say(_l("Change the task"), _l("Change the job")),
        form, community=activity.community, allowed=allowed, activity=activity, task=task,
    )  # fmt: skip


def at_task(task: Task) -> str:
    """A note's category that shows it at the task (plans/_parts.html notices)."""
    return f"task-{task.id}"


def back_to(activity: Activity, anchor: str = ""):
    return redirect(url_for("plans.activity", activity_id=activity.id) + anchor)


@bp.route("/tasks/<int:task_id>/done", methods=["POST"])
@task_page
def task_done(task: Task, activity: Activity, allowed: Rights):
    if not leads(g.member, activity):
        abort(403)
    mark_done(g.member, task, not task.done)
    flash(str(say(_l("Marked as done.") if task.done else _l("Marked as not done yet."),
                  _l("Done.") if task.done else _l("Not done yet."))), at_task(task))  # fmt: skip
    return back_to(activity, f"#task-{task.id}")


@bp.route("/tasks/<int:task_id>/offer", methods=["POST"])
@task_page
def offer(task: Task, activity: Activity, allowed: Rights):
    if not allowed.volunteer:
        abort(403)
    if task.done or not activity.running:
        flash(
            str(say(_l("This task no longer needs help."), _l("This job does not need help now."))),
            at_task(task),
        )
        return back_to(activity, f"#task-{task.id}")
    offer_help(g.member, task)
    flash(str(say(_l("Thank you. %(lead)s, who leads this activity, will answer your offer.",
                     lead=activity.lead.display_name if activity.lead else _l("the facilitator")),
                  _l("Thank you. The leader will answer you."))), at_task(task))  # fmt: skip
    return back_to(activity, f"#task-{task.id}")


@bp.route("/tasks/<int:task_id>/withdraw", methods=["POST"])
@task_page
def withdraw(task: Task, activity: Activity, allowed: Rights):
    withdraw_offer(g.member, task)  # only ever one's own offer
    flash(
        str(
            say(
                _l("You took back your offer. That is fine."),
                _l("You said no after all. That is fine."),
            )
        ),
        at_task(task),
    )
    return back_to(activity, f"#task-{task.id}")


@bp.route("/offers/<int:offer_id>", methods=["GET", "POST"])
@offer_page
@redisplays_form
def answer(offer: Offer, activity: Activity, allowed: Rights):
    form = AnswerOfferForm()
    if offer.status != Offer.OFFERED:
        form = None  # already answered, or taken back: nothing to do
    elif form.validate_on_submit() and not csrf_failed():
        confirm = form.answer.data == CONFIRM
        answer_offer(g.member, offer, confirm, form.note.data or "")
        name = offer.member.display_name
        flash(str(say(_l("%(name)s is now doing this task.", name=name) if confirm
                      else _l("You said not this time to %(name)s.", name=name),
                      _l("Saved."))), at_task(offer.task))  # fmt: skip
        return back_to(activity, f"#task-{offer.task_id}")
    return render_form(
        "plans/_answer_offer.html",
        say(_l("%(name)s offered to help", name=offer.member.display_name), _l("%(name)s can help", name=offer.member.display_name)),
        form, community=activity.community, allowed=allowed, activity=activity, offer=offer,
    )  # fmt: skip


@bp.route("/activities/<int:activity_id>/update", methods=["GET", "POST"])
@activity_page
@lead_only
@redisplays_form
def update(activity: Activity, allowed: Rights):
    month = month_of(today())
    existing = activity.update_for(month)
    form = UpdateForm(obj=existing)
    if form.validate_on_submit() and not csrf_failed():
        fields = ("did", "next", "in_the_way", "help_needed", "easy_summary")
        write_update(g.member, activity, {name: form[name].data or "" for name in fields})
        flash(str(say(_l("Your update is saved. Thank you."), _l("Saved. Thank you."))), "updates")
        return back_to(activity, "#updates")
    return render_form(
        "plans/_update_form.html",
        say(_l("Monthly update for %(title)s", title=activity.title), _l("What happened this month")),
        form, community=activity.community, allowed=allowed, activity=activity, month=month,
        existing=existing,
    )  # fmt: skip
