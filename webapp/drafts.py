"""Saved conversation answers ("drafts"), so nothing a person types is lost.

A draft belongs to a visitor's session (through a random token whose hash is the
key, so the database alone cannot be matched to a browser) or to a member.
Only the day of the last change is kept; `flask purge-drafts` removes drafts
nobody has touched for 30 days.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets

from flask import g, session
from peewee import CharField, DateField, TextField

from . import sealing
from .database import write_transaction
from .models import BaseModel

DRAFT_DAYS = 30
VISITOR_KEY = "visitor"
# A sent conversation leaves a receipt in place of its answers for a day, so that sending
# again after a lost answer finds what was made instead of making it twice.
RECEIPT_KEY = "_sent"
SENT_TURN = "sent"
RECEIPT_DAYS = 1


# Conversations whose unsent answers are sealed (see sealing.py): a view on an anonymous
# decision must not sit readable in the database while the member is still answering.
_SEALED: set[str] = set()
SEALED_MARK = "sealed:"


def seal_drafts_of(prefix: str) -> None:
    """Seal the answers of every conversation whose draft name starts with prefix."""
    _SEALED.add(prefix)


def _to_text(conversation: str, values: dict) -> str:
    text = json.dumps(values)
    if any(conversation.startswith(prefix) for prefix in _SEALED):
        return SEALED_MARK + sealing.seal("drafts", conversation, text)
    return text


def _from_text(conversation: str, text: str | None) -> dict:
    text = text or "{}"
    if text.startswith(SEALED_MARK):
        text = sealing.unseal("drafts", conversation, text.removeprefix(SEALED_MARK))
    return json.loads(text)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def draft_owner(create: bool = False) -> str | None:
    """Who owns drafts in this request: the signed-in member, else the visitor."""
    member = getattr(g, "member", None)
    if member is not None:
        return f"member:{member.id}"
    token = session.get(VISITOR_KEY)
    if token is None and create:
        token = secrets.token_urlsafe(24)
        session[VISITOR_KEY] = token
        session.permanent = True
    return f"visitor:{_hash(token)}" if token else None


def visitor_owner() -> str | None:
    """The owner this device had before signing in (kept across sign-in), if any."""
    token = session.get(VISITOR_KEY)
    return f"visitor:{_hash(token)}" if token else None


class Draft(BaseModel):
    owner = CharField(index=True)
    conversation = CharField()
    turn = CharField(default="")
    answers_json = TextField(default="{}")
    typed_json = TextField(default="{}")
    updated_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "draft"
        indexes = ((("owner", "conversation"), True),)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._answers: dict | None = None
        self._typed: dict | None = None

    @property
    def answers(self) -> dict:
        if self._answers is None:
            self._answers = _from_text(self.conversation, self.answers_json)
        return self._answers

    def typed(self, turn: str) -> dict | None:
        if self._typed is None:
            self._typed = _from_text(self.conversation, self.typed_json)
        return self._typed.get(turn)

    def remember_typed(self, turn: str, values: dict) -> None:
        self.typed(turn)
        self._typed[turn] = values

    def forget_typed(self, turn: str) -> None:
        self.typed(turn)
        self._typed.pop(turn, None)

    @property
    def receipt(self) -> dict | None:
        return self.answers.get(RECEIPT_KEY) if self.turn == SENT_TURN else None

    def keep_as_receipt(self, **facts) -> None:
        """The answers go; only what a retry needs stays (never the words sent)."""
        self._answers = {RECEIPT_KEY: facts}
        self._typed = {}
        self.turn = SENT_TURN
        self.save_now()

    def save_now(self) -> None:
        self.answers_json = _to_text(self.conversation, self.answers)
        if self._typed is not None:
            self.typed_json = _to_text(self.conversation, self._typed)
        self.updated_on = dt.date.today()
        if not self.owner:  # a first look made no visitor id: the first save does
            self.owner = draft_owner(create=True)
        with write_transaction():
            if self.id is None:  # another tab may have saved this new draft first: update it
                self.id = (
                    Draft.select(Draft.id)
                    .where(Draft.owner == self.owner, Draft.conversation == self.conversation)
                    .scalar()
                )
            self.save()

    @classmethod
    def for_owner(cls, owner: str, conversation: str) -> Draft:
        draft = cls.get_or_none(cls.owner == owner, cls.conversation == conversation)
        return draft or cls(owner=owner, conversation=conversation)

    @classmethod
    def of(cls, owner: str):
        """Every conversation this owner has started, for their data download."""
        return cls.select().where(cls.owner == owner)

    @classmethod
    def delete_all_of(cls, owner: str) -> int:
        """On leaving or the quick exit: every unfinished answer this owner has."""
        return cls.delete().where(cls.owner == owner).execute()

    @classmethod
    def delete_for(cls, owner: str, conversation: str) -> None:
        with write_transaction():
            cls.delete().where(cls.owner == owner, cls.conversation == conversation).execute()

    @classmethod
    def move_to_member(cls, visitor_owner: str | None, member_id: int) -> None:
        """Once someone has an account, their unfinished drafts follow them."""
        if visitor_owner:
            with write_transaction():
                cls.update(owner=f"member:{member_id}").where(
                    cls.owner == visitor_owner, cls.turn != SENT_TURN
                ).execute()

    @classmethod
    def purge_untouched(cls, days: int = DRAFT_DAYS, today: dt.date | None = None) -> int:
        today = today or dt.date.today()
        cutoff = today - dt.timedelta(days=days)
        receipts_cutoff = today - dt.timedelta(days=RECEIPT_DAYS)
        with write_transaction():
            return (
                cls.delete()
                .where(
                    (cls.updated_on < cutoff)
                    | ((cls.turn == SENT_TURN) & (cls.updated_on < receipts_cutoff))
                )
                .execute()
            )
