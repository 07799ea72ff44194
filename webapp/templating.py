"""What every template can use: variant, display settings, language, links."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, current_app, g, request
from flask_babel import format_date, format_number, get_locale
from flask_wtf import FlaskForm
from jinja2 import pass_context
from markupsafe import Markup

from . import contributions
from .aggregates import smallest
from .content import EASYREAD, STANDARD, VIEW_COOKIE, current_variant, load_page
from .cookies import remember_choice
from .display import display_classes
from .i18n import LANG_PARAMETER, direction_of, language_choices, text_direction
from .models import Member
from .rendering import wants_partial
from .standing import MEMBER_REASONS, standing
from .wording import say


def this_url(drop: tuple[str, ...] = (), **setting: str) -> str:
    """This page's address without the query values named in drop, with setting's set."""
    gone = set(drop) | set(setting)
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in gone]
    args.extend(setting.items())
    return f"{request.path}?{urlencode(args)}" if args else request.path


@pass_context
def form_has_errors(context) -> bool:
    """True when any form on the page is shown again with errors (a page may have two)."""
    return any(isinstance(value, FlaskForm) and value.errors for value in context.values())


def in_language(text, lang: str | None):
    """Words in another language than the page's (a survey fallen back to English), marked
    so screen readers and Listen read them in that language's voice; as they are without."""
    if not lang:
        return text
    return Markup('<span lang="%s" dir="%s">%s</span>') % (lang, direction_of(lang), text)


def isolated(text) -> Markup:
    """A person's words inside our sentence: isolated, so their direction (right-to-left,
    say) never reorders the words around them, and left alone by htmx (issue 10)."""
    return Markup("<bdi hx-disable>%s</bdi>") % (text or "")


def group_links() -> tuple[tuple[str, str, bool], ...]:
    """The header's links to the signed-in member's group pages (registered by the features
    through contributions.header_link), as (address, words, is this page): worked out once
    a request, and hashable, so the header part can be kept rendered by what it shows."""
    if "group_links" not in g:
        member = g.get("member")
        # Someone still joining reads and agrees to the agreements first: no links away from
        # that (and on a phone, each agreement's question stays in the top half).
        joining = member is None or member.status == Member.WAITING_FOR_AGREEMENT
        found = [] if joining else contributions.header_links(member)
        g.group_links = tuple(
            (address, str(words), address == request.path) for _name, address, words in found
        )
    return g.group_links


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        say=say,
        has_endpoint=lambda name: name in current_app.view_functions,
        wants_partial=wants_partial,
        # A member's standing, on "Your account" and wherever else they are told of it.
        member_standing=standing,
        facilitation_reason=MEMBER_REASONS.get,
        # The home page's summary, in the visitor's variant: the fallback description.
        site_description=lambda: load_page("home").description,
        # The one threshold under which a number about people is never shown.
        smallest=smallest,
        # Beside every form that starts something new in a community (set by the plan).
        scope_reminder=contributions.scope_reminder,
        group_links=group_links,
    )
    # "23 November 2026", the UK style, whatever the locale's default.
    app.jinja_env.globals["form_has_errors"] = form_has_errors
    app.jinja_env.filters["bdi"] = isolated
    app.jinja_env.globals["in_language"] = in_language
    app.jinja_env.filters["format_date"] = lambda day: format_date(day, "d MMMM y")
    # With the weekday, for days people plan around: "Friday 12 December 2026".
    app.jinja_env.filters["format_day"] = lambda day: format_date(day, "EEEE d MMMM y")
    app.jinja_env.filters["format_number"] = format_number  # 1,000 or 1.000, by language
    # Only the month on a story (an exact day can help someone be recognised) or a check.
    app.jinja_env.filters["format_month"] = lambda day: format_date(day, "MMMM y")
    app.jinja_env.filters["direction"] = direction_of
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def common_context() -> dict:
        # The same for every template in a request (a page renders two): worked out once.
        if "common_context" not in g:
            g.common_context = _common_context()
        return g.common_context

    def _common_context() -> dict:
        variant = current_variant()
        other = STANDARD if variant == EASYREAD else EASYREAD
        return {
            "service_name": current_app.config["SERVICE_NAME"],
            "service_name_lang": current_app.config["SERVICE_NAME_LANG"],
            "variant": variant,
            "easyread": variant == EASYREAD,
            "other_variant_url": this_url(view=other),
            "display_classes": display_classes(),
            "lang": str(get_locale() or "en"),
            "dir": text_direction(),
            "languages": language_choices(),
            "quick_exit_url": current_app.config["QUICK_EXIT_URL"],
            # Without ?lang=: coming back from a language link must not undo the choice.
            "next_path": this_url(drop=(LANG_PARAMETER,)),
        }

    @app.after_request
    def remember_variant(response):
        remember_choice(response, "view", VIEW_COOKIE, (STANDARD, EASYREAD))
        return response
