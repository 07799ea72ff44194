"""Opening a decision: a short conversation for facilitators and admins, ending with
check answers. Admins may ask several communities or all of them, and mark a platform change."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from .. import contributions
from ..conversation import AnswerPart, Conversation, Turn
from ..database import write_transaction
from ..drafts import Draft
from ..easyread_rules import hints
from ..facilitation.access import sign_in_first
from ..facilitation.models import AuditEntry
from ..forms import choices, parse_day, scope_choices
from ..models import Community
from ..wording import one_after_another, say
from . import forms
from .access import may_open_in, viewer_for
from .announce import announce_due
from .gradients import METHODS
from .models import Decision, today

bp = Blueprint("open_decision", __name__, url_prefix="/decisions/new")
KEEP_AS_IT_IS = "keep"


def chosen(options: dict, answers, turn: str, key: str) -> str:
    value = answers.get(turn, {}).get(key)
    return str(options[value]) if value in options else ""


def easy_texts(answers) -> str:
    easy = answers.get("easy", {})
    return "\n".join([easy.get("proposal_easy") or "", easy.get("why_easy") or ""])


def easy_hints(answers=None) -> list:
    return hints(easy_texts(answers if answers is not None else {}))


def easy_changed(form, draft: Draft) -> bool:
    """Changed easy read is checked again."""
    before = draft.answers.get("easy", {})
    if (form.proposal_easy.data, form.why_easy.data) != (
        before.get("proposal_easy"),
        before.get("why_easy"),
    ):
        draft.answers.pop("hints", None)
    return True


def prepare_hints(form, draft: Draft) -> None:
    easy = draft.answers.get("easy", {})
    for name in ("proposal_easy", "why_easy"):
        if not getattr(form, name).data:
            getattr(form, name).data = easy.get(name)


def keep_or_save(form, draft: Draft) -> bool:
    """ "Keep it as it is" keeps the easy read as written; "Save my changes" keeps the boxes."""
    easy = draft.answers.setdefault("easy", {})
    for name in ("proposal_easy", "why_easy"):
        if KEEP_AS_IT_IS in request.form:
            getattr(form, name).data = easy.get(name)
        easy[name] = getattr(form, name).data
    return True


def community_choices() -> dict:
    ids = may_open_in(viewer_for(g.member))
    return {c.slug: c.name for c in Community.in_order() if c.id in ids}


def prepare_who(form, draft: Draft) -> None:
    form.communities.choices = choices(community_choices())
    if not g.member.is_admin:
        del form.platform_change
    if not form.communities.data and len(community_choices()) == 1:
        form.communities.data = list(community_choices())


def who_text(answers) -> str:
    names = community_choices()
    chosen_names = [names[s] for s in answers.get("who", {}).get("communities") or [] if s in names]
    if answers.get("who", {}).get("platform_change") == "yes":
        chosen_names.append(str(say(_l("a platform change"), _l("a change to the website"))))
    return one_after_another(chosen_names)


def check_who(form, draft: Draft) -> bool:
    allowed = community_choices()
    return all(slug in allowed for slug in form.communities.data or [])


def communities_asked(answers) -> list[Community]:
    """The communities chosen so far; before that, every one the facilitator may ask, so a
    facilitator of one community sees the same number of questions from the start."""
    allowed = community_choices()
    slugs = answers.get("who", {}).get("communities") or list(allowed)
    return [c for c in Community.in_order() if c.slug in slugs and c.slug in allowed]


def areas_asked(answers) -> list[tuple[str, str]]:
    """The in-scope areas of the communities asked; each names its community when several are.

    Asked many times a request (whether the turn applies is worked out for every turn's
    number), so the terms of reference are read once per set of communities."""
    asked = communities_asked(answers)
    kept = g.setdefault("scope_areas_asked", {})
    key = tuple(community.id for community in asked)
    if key not in kept:
        found: dict[str, str] = {}
        for community in asked:
            for value, words in contributions.scope_areas(community):
                found.setdefault(value, words if len(asked) == 1 else f"{words} ({community.name})")
        kept[key] = list(found.items())
    return kept[key]


def prepare_scope(form, draft: Draft) -> None:
    form.scope_area.choices = scope_choices(areas_asked(draft.answers))


def scope_text(answers) -> str:
    value = answers.get("scope", {}).get("scope_area") or ""
    return dict(scope_choices(areas_asked(answers))).get(value, value)


def method_of(answers) -> str | None:
    return answers.get("method", {}).get("method")


def prepare_reasons(form, draft: Draft) -> None:
    """The answers that need a reason, named on the scale chosen just before."""
    form.reasons.choices = choices(forms.reasons_for(method_of(draft.answers)))


def reasons_text(answers) -> str:
    return chosen(forms.reasons_for(method_of(answers)), answers, "reasons", "reasons")


def check_dates(form, draft: Draft) -> bool:
    closes = parse_day(form.closes_on.data)
    if closes and closes < today():
        form.closes_on.errors.append(say(_l("The closing day must be today or later"),
                                         _l("The last day must be today or later")))  # fmt: skip
        return False
    return True


def dates_text(answers) -> str:
    dates = answers.get("dates", {})
    opens, closes = parse_day(dates.get("opens_on")), parse_day(dates.get("closes_on"))
    if not (opens and closes):
        return ""
    return str(say(
        _l("Open from %(opens)s to the end of %(closes)s", opens=format_date(opens, "EEEE d MMMM y"),
           closes=format_date(closes, "EEEE d MMMM y")),
        _l("From %(opens)s to %(closes)s", opens=format_date(opens, "d MMMM"),
           closes=format_date(closes, "d MMMM")),
    ))  # fmt: skip


def text_of(turn: str, *keys: str):
    return lambda answers: "\n\n".join(answers.get(turn, {}).get(k) or "" for k in keys).strip()


def parts_of(form, *changes) -> tuple[AnswerPart, ...]:
    """Each of the form's answers under its own question, with what its Change link changes."""
    return tuple(AnswerPart(name, getattr(form, name).args[0], change) for name, change in changes)


def asked_ids(answers) -> tuple[set[int], bool]:
    """The communities chosen (only those this facilitator may ask), and whether that is
    every community, as an admin asks the whole platform."""
    allowed = {
        c.slug: c.id for c in Community.in_order() if c.id in may_open_in(viewer_for(g.member))
    }
    ids = {allowed[s] for s in answers["who"]["communities"] if s in allowed}
    everyone = ids == {c.id for c in Community.select(Community.id)} and g.member.is_admin
    return ids, everyone


def decision_values(a) -> dict:
    """The decision's fields as the answers set them: opening and changing use the same."""
    return dict(
        title=a["title"]["title"], proposal=a["proposal"]["proposal"], why=a["proposal"]["why"],
        proposal_easy=a["easy"]["proposal_easy"], why_easy=a["easy"]["why_easy"],
        principles=" ".join(a["principles"]["principles"]),
        opens_on=parse_day(a["dates"]["opens_on"]), closes_on=parse_day(a["dates"]["closes_on"]),
        method=a["method"]["method"], reasons_required=a["reasons"]["reasons"] == "required",
        results_live=a["results"]["results"] == "live",
        anonymous=a["naming"]["naming"] != "named", only_regular=a["counts"]["counts"] == "regular",
        platform_change=g.member.is_admin and a["who"].get("platform_change") == "yes",
        scope_area=a.get("scope", {}).get("scope_area") or "",
    )  # fmt: skip


def finish(draft: Draft):
    ids, everyone = asked_ids(draft.answers)
    if not ids:
        abort(403)
    with write_transaction():
        decision = Decision.create(
            **decision_values(draft.answers), all_communities=everyone,
            created_by=g.member, created_on=today(),
        )  # fmt: skip
        if not everyone:
            decision.set_communities(ids)
        for community_id in sorted(ids):  # facilitators answer for what they ask
            AuditEntry.record(
                g.member, "opened a decision", f"decision {decision.id}", community_id
            )
        draft.keep_as_receipt(decision=decision.id)
    announce_due()
    opens = format_date(decision.opens_on, "EEEE d MMMM y")
    flash(str(say(_l("The decision is ready. Members can give their views from %(day)s.", day=opens),
                  _l("The question is ready. People can answer from %(day)s.", day=opens))))  # fmt: skip
    return redirect(url_for("decisions.decision", decision_id=decision.id))


def after_sending(draft: Draft):
    if request.method != "POST" or request.endpoint != "open_decision.check":
        return None  # a new decision
    found = Decision.get_or_none(Decision.id == draft.receipt.get("decision"))
    if found is None:
        return None
    return redirect(url_for("decisions.decision", decision_id=found.id))


def q(standard, easy):
    return say(_l(standard), _l(easy))


OPEN_DECISION = Conversation(
    name="open_decision",
    check_question=say(_l("Check the decision before you open it"), _l("Check the question")),
    finish_button=say(_l("Open the decision"), _l("Ask the question")),
    finish=finish,
    retry=after_sending,
    turns=[
        Turn("title", forms.TitleForm.title.args[0], forms.TitleForm, answer_text=text_of("title", "title"),
             change_text=say(_l("the title"), _l("the name"))),
        Turn("proposal", say(_l("What is proposed, and why are we asking?"), _l("What is the idea, and why do we ask?")),
             forms.ProposalForm, parts=parts_of(forms.ProposalForm,
                 ("proposal", say(_l("what is proposed"), _l("the idea"))),
                 ("why", say(_l("why we are asking"), _l("why we ask"))))),
        Turn("easy", say(_l("Now say it in easy read"), _l("Now say it in easy read")), forms.EasyReadForm,
             check=easy_changed, parts=parts_of(forms.EasyReadForm,
                 ("proposal_easy", say(_l("what is proposed, in easy read"), _l("the idea, in easy read"))),
                 ("why_easy", say(_l("why we are asking, in easy read"), _l("why we ask, in easy read"))))),
        Turn("hints", say(_l("Could the easy read be easier?"), _l("Could the easy read be easier?")),
             forms.EasyReadHintsForm, body="decisions/_hints.html", applies=easy_hints, numbered=False,
             prepare=prepare_hints, check=keep_or_save,
             buttons=(("save", say(_l("Save my changes"), _l("Save my changes"))),
                      (KEEP_AS_IT_IS, say(_l("Keep it as it is"), _l("Keep it as it is"))))),
        Turn("principles", forms.PrinciplesForm.principles.args[0], forms.PrinciplesForm,
             answer_text=lambda a: one_after_another(str(forms.PRINCIPLES[k]) for k in a.get("principles", {}).get("principles") or [] if k in forms.PRINCIPLES),
             change_text=say(_l("the principles"), _l("the parts of our agreement"))),
        Turn("who", forms.WhoForm.communities.args[0], forms.WhoForm, prepare=prepare_who, check=check_who,
             answer_text=who_text, change_text=say(_l("who is asked"), _l("the groups"))),
        Turn("scope", say(_l("Where does it fit in the group's work?"), _l("Where does it fit in our work?")), forms.ScopeForm,
             body="decisions/_scope.html", applies=lambda a: bool(areas_asked(a)), prepare=prepare_scope,
             answer_text=scope_text, change_text=say(_l("the in-scope area"), _l("the thing we work on"))),
        Turn("dates", say(_l("When does it open and close?"), _l("When can people answer?")), forms.DatesForm,
             check=check_dates, answer_text=dates_text, change_text=say(_l("the dates"), _l("the days"))),
        Turn("method", forms.MethodForm.method.args[0], forms.MethodForm,
             answer_text=lambda a: chosen(METHODS, a, "method", "method"),
             change_text=say(_l("how people answer"), _l("how people answer"))),
        Turn("reasons", forms.ReasonsForm.reasons.args[0], forms.ReasonsForm,
             prepare=prepare_reasons, answer_text=reasons_text,
             change_text=say(_l("whether reasons are needed"), _l("saying why"))),
        Turn("results", forms.ResultsForm.results.args[0], forms.ResultsForm,
             answer_text=lambda a: chosen(forms.RESULTS, a, "results", "results"),
             change_text=say(_l("when results are shown"), _l("when people see answers"))),
        Turn("naming", forms.NamingForm.naming.args[0], forms.NamingForm,
             answer_text=lambda a: chosen(forms.NAMING, a, "naming", "naming"),
             change_text=say(_l("anonymous or named"), _l("private or names"))),
        Turn("counts", forms.WhoCountsForm.counts.args[0], forms.WhoCountsForm,
             answer_text=lambda a: chosen(forms.WHO_COUNTS, a, "counts", "counts"),
             change_text=say(_l("whose views count"), _l("whose answers count"))),
    ],
)  # fmt: skip


@bp.before_request
def only_facilitators():
    if (signed_out := sign_in_first()) is not None:
        return signed_out
    if not may_open_in(viewer_for(g.member)):
        abort(403)
    return None


OPEN_DECISION.register(bp)


@bp.context_processor
def hints_for_templates() -> dict:
    return {"conversation_hints": easy_hints, "communities_asked": communities_asked}
