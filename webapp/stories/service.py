"""Deleting stories for real: withdrawal, expiry, and leaving Common Ground."""

from __future__ import annotations

import datetime as dt

from ..database import forget_deleted, is_postgres, write_transaction
from ..models import Member
from .models import Reply, Story
from .viewer import viewer_for


def _flush_deleted_text() -> None:
    """On SQLite the words leave every file on disk at once. PostgreSQL's VACUUM FULL locks
    whole tables, so there the daily delete-expired-stories job does it (see the README)."""
    if not is_postgres():
        forget_deleted()


def delete_for_good(story_ids: list[int]) -> int:
    """Delete stories and their replies from the database itself."""
    if not story_ids:
        return 0
    with write_transaction():
        Reply.delete().where(Reply.story.in_(story_ids)).execute()
        removed = Story.delete().where(Story.id.in_(story_ids)).execute()
    _flush_deleted_text()
    return removed


def delete_expired(today: dt.date | None = None) -> int:
    """For a daily cron: stories past their end date are already hidden; this deletes them."""
    return delete_for_good([story.id for story in Story.expired(today)])


def delete_writing_of(member: Member) -> int:
    """On leaving, if the member chooses: their stories (with replies) and their replies."""
    ids = [story.id for story in Story.select(Story.id).where(Story.author == member)]
    with write_transaction():
        Reply.delete().where(Reply.author == member).execute()
    removed = delete_for_good(ids)
    _flush_deleted_text()
    return removed


def keep_anonymously(member: Member) -> None:
    """On leaving, if the member chooses: stories and replies stay, with no name and no owner."""
    with write_transaction():
        Story.update(author=None, show_name=False).where(Story.author == member).execute()
        Reply.update(author=None).where(Reply.author == member).execute()


def replies_of(member: Member) -> list[dict]:
    """A member's own replies, for their data download, read through the one rule: a reply on
    a story that has gone, been narrowed or expired is not shown, nor is that story's reference."""
    return [
        {
            "story": reply.story.reference,
            "text": reply.body,
            "status": reply.status,
            "shared_on": reply.shared_on.isoformat(),
        }
        for reply in Reply.written_by(viewer_for(member))
    ]


def stories_of(member: Member) -> list[dict]:
    """A member's own stories, for their data download (read through the one rule)."""
    viewer = viewer_for(member)
    return [
        {
            "reference": story.reference,
            "text": story.body,
            "content_note": story.content_note,
            "community": story.community.name,
            "topics": story.topic_keys,
            "who_may_read": story.audience,
            "quoting": story.quoting,
            "name_shown": story.show_name,
            "replies_allowed": story.replies_allowed,
            "shared_on": story.shared_on.isoformat(),
            "deleted_on": story.expires_on.isoformat() if story.expires_on else None,
            "status": story.status,
        }
        for story in Story.written_by(viewer)
    ]
