"""How a story's boundaries read to its author, in either variant."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..wording import Wording, say
from .forms import AUDIENCE_CHOICES, KEEP_CHOICES, NAME_CHOICES, QUOTING_CHOICES, REPLY_CHOICES
from .models import Story


def boundary_rows(story: Story, for_author: bool = True) -> list[tuple[Wording, Wording]]:
    """Each boundary and the author's choice. A facilitator reads "the writer's words",
    not "your words"."""
    words = _l("Using your words") if for_author else _l("Using the writer's words")
    rows = [
        (say(_l("Who may read it"), _l("Who can read it")), AUDIENCE_CHOICES[story.audience]),
        (say(_l("Quoting"), words), QUOTING_CHOICES[story.quoting]),
    ]
    if story.author_id is not None:
        name = "display_name" if story.show_name else "anonymous"
        label = _l("Your name") if for_author else _l("The writer's name")
        rows.append((say(_l("Name shown"), label), NAME_CHOICES[name]))
    rows += [
        (say(_l("How long it stays"), _l("How long it stays")), KEEP_CHOICES[story.keep_for]),
        (
            say(_l("Replies"), _l("Replies")),
            REPLY_CHOICES["yes" if story.replies_allowed else "no"],
        ),
    ]
    return rows


def link_text(story: Story) -> str:
    """A story's link in the list: its opening words, so no two links read the same.

    Only inside the page: titles and history never hold people's words. Behind a
    content note the words stay hidden until the reader chooses to open them."""
    if story.content_note:
        return str(
            say(
                _l("A story from %(c)s, with a content note", c=story.community.name),
                _l("A story from %(c)s. It has a warning.", c=story.community.name),
            )
        )
    return opening_words(story.body)


def opening_words(text: str) -> str:
    """The first words in quotes, with "…" when there is more ("badly…", never "badly.…")."""
    words = text.split()
    opening = " ".join(words[:10])[:80]
    if len(opening) < len(" ".join(words)):
        return f"“{opening.rstrip('.,;:!?–- ')}…”"
    return f"“{opening}”"
