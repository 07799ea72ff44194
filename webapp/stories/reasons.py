"""The plain-English reasons a facilitator can give, which the author then sees.

Facilitators choose one of these and may add words of their own.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..wording import Wording, say

REASONS: dict[str, Wording] = {
    "identifying": say(
        _l("Your story has details that could show who you are, or who someone else is. "
           "Please take them out, then send it again."),
        _l("Your story has a name, place or number. It could show who someone is. "
           "Please take it out."),
    ),
    "respect": say(
        _l("Some words in your story could hurt or offend people. Our agreement asks us to "
           "treat everyone with respect. Please change them, then send it again."),
        _l("Some words could hurt people. Please change them."),
    ),
    "off_topic": say(
        _l("Your story does not seem to be about public services or human rights, which is "
           "what this community talks about."),
        _l("Your story is not about services or rights."),
    ),
    "legal": say(
        _l("Your story names or accuses someone in a way that could be against the law. "
           "Please describe what happened without naming them."),
        _l("Your story names someone. That could break the law. Please take the name out."),
    ),
    "unclear": say(
        _l("We could not follow parts of your story. Please add a little more, or say it "
           "another way."),
        _l("We did not understand some of your story. Please say more."),
    ),
    # Reasons for removing, added with facilitation: removing cannot be undone.
    "hateful": say(
        _l("Your story or reply was removed because it had hateful or discriminatory words. "
           "Our agreement promises that everyone is treated with respect."),
        _l("A helper took your story down. Some words could hurt people. Our agreement asks "
           "us to be kind."),
    ),
    "abusive": say(
        _l("Your story or reply was removed because it was abusive or threatening towards "
           "someone."),
        _l("A helper took your story down. They think it could frighten or hurt someone."),
    ),
    "other": say(_l("See the note from the facilitator."), _l("Read the note from the helper.")),
}  # fmt: skip


def reason_text(key: str) -> Wording | None:
    return REASONS.get(key) if key else None
