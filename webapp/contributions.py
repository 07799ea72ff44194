"""Places where a feature adds a part to a page that sits below it in the layers.

The member's home page (accounts), the facilitator's dashboard (facilitation) and the
data download (your_account) are built by features that come before decisions,
meetings, the plan and surveys. Rather than those pages importing every feature above
them, which would make the layers run backwards, each feature registers what it adds
here when its blueprint is set up, and the page asks for whatever has been registered:

    contributions.home("decisions", views_wanted)        # fn(member) -> Markup | None
                                                         #   (return render_part(template, ...))
    contributions.dashboard("decisions", reminders)      # fn(member, community) -> Markup | None
    contributions.data("decisions", views_given)         # fn(member) -> JSON-able value
    contributions.email_choice("decision-opened", plain, easy)
    contributions.about("decision", "activities", fn)    # fn(decision) -> Markup | None,
                                                         #   shown on the decision's page
    contributions.about("activity", "goals", fn)         # fn(activity): on an activity's page
    contributions.regular_rule(fn)                       # fn(member, community) -> bool
    contributions.scope(reminder, areas)                 # reminder(community, level, offered),
                                                         #   areas(community) -> [(value, words)]
    contributions.header_link("decisions", link)         # fn(member) -> (address, wording) | None:
                                                         #   in the page header, "Your group"

Registration is by name, so setting the app up twice (as the tests do) replaces
rather than repeats. Parts are shown in the order their features registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import render_template
from markupsafe import Markup

_home: dict[str, Callable[[Any], Markup | None]] = {}
_dashboard: dict[str, Callable[[Any, Any], Markup | None]] = {}
_data: dict[str, Callable[[Any], Any]] = {}
_about: dict[str, dict[str, Callable[[Any], Markup | None]]] = {}
_regular_rule: list[Callable[[Any, Any], bool]] = []
_header: dict[str, Callable[[Any], tuple[str, Any] | None]] = {}
_scope: list[tuple[Callable[[Any, int, bool], Markup], Callable[[Any], list[tuple[str, str]]]]] = []


@dataclass(frozen=True)
class EmailChoice:
    """A kind of email a member may choose to get. Always off until they choose it."""

    kind: str
    plain: Any  # lazy wording, plain English
    easy: Any  # lazy wording, easy read


_email_choices: dict[str, EmailChoice] = {}


def home(name: str, part: Callable[[Any], Markup | None]) -> None:
    """Add a section to the member's home page: part(member) gives render_part(...), or None."""
    _home[name] = part


def dashboard(name: str, part: Callable[[Any, Any], Markup | None]) -> None:
    """Add reminders to a community's dashboard: part(member, community) gives HTML, or None."""
    _dashboard[name] = part


def data(name: str, part: Callable[[Any], Any]) -> None:
    """Add a key to the member's data download: part(member) gives a JSON-able value."""
    _data[name] = part


def email_choice(kind: str, plain: Any, easy: Any) -> None:
    """Offer a kind of email on "Your account", off by default."""
    _email_choices[kind] = EmailChoice(kind, plain, easy)


def render_part(template: str, **context) -> Markup:
    """What a part returns: one of the feature's own partials, rendered."""
    # Safe to mark: Jinja has already escaped every value the template put in it.
    return Markup(render_template(template, **context))  # noqa: S704


def header_link(name: str, link: Callable[[Any], tuple[str, Any] | None]) -> None:
    """Add a link to the signed-in member's group pages in every page's header: link(member)
    gives (address, wording), or None when this member may not see the page."""
    _header[name] = link


def header_links(member) -> list[tuple[str, str, Any]]:
    """(name, address, wording) for each group page this member may see."""
    return [(name, *found) for name, link in _header.items() if (found := link(member))]


def about(subject: str, name: str, part: Callable[[Any], Markup | None]) -> None:
    """Add a part to another feature's page about one thing, such as the activities that
    came from a decision, shown on that decision's page."""
    _about.setdefault(subject, {})[name] = part


def regular_rule(rule: Callable[[Any, Any], bool]) -> None:
    """Set how to tell a regular member of a community (meetings: attendance)."""
    _regular_rule[:] = [rule]


def scope(reminder: Callable[[Any, int, bool], Markup], areas: Callable[[Any], list]) -> None:
    """Set the scope reminder shown wherever something new is started in a community
    (the plan: its terms of reference), and the in-scope areas a new thing can belong to."""
    _scope[:] = [(reminder, areas)]


def scope_reminder(community, heading_level: int = 2, areas_offered: bool = False) -> Markup | None:
    """areas_offered: the form offers the in-scope areas as choices just below, so the
    reminder need not list them again (on a phone the choices stay near the question)."""
    return _scope[0][0](community, heading_level, areas_offered) if _scope else None


def scope_areas(community) -> list[tuple[str, str]]:
    """(stored value, words shown) for each in-scope area; none when no feature sets them."""
    return _scope[0][1](community) if _scope else []


def about_parts(subject: str, thing) -> list[Markup]:
    return [html for part in _about.get(subject, {}).values() if (html := part(thing))]


def is_regular(member, community) -> bool | None:
    """Whether a member is a regular member; None when no feature defines the rule."""
    return _regular_rule[0](member, community) if _regular_rule else None


def home_parts(member) -> list[Markup]:
    return [html for part in _home.values() if (html := part(member))]


def dashboard_parts(member, community) -> list[Markup]:
    return [html for part in _dashboard.values() if (html := part(member, community))]


def data_parts(member) -> dict[str, Any]:
    return {name: part(member) for name, part in _data.items()}


def email_choices() -> list[EmailChoice]:
    return list(_email_choices.values())
