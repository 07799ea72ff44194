"""Sending twice makes one thing: a key per form, claimed once.

A form that creates something (a reply, a concern) carries a random key in a hidden
field. Sending it claims the key in the same transaction that creates the thing, so if
the answer to the first send is lost and the person sends again, the second send finds
the key already claimed and shows the same "sent" page instead of making a copy.

Only a hash of the key and the day are stored: nothing about who sent it or what it made.
`flask purge-drafts` removes keys older than a day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from peewee import CharField, DateField, IntegrityError
from wtforms import HiddenField

from .models import BaseModel

KEEP_DAYS = 1


def new_key() -> str:
    return secrets.token_urlsafe(18)


class SendOnceField(HiddenField):
    """The form's key. A new one each time the form is drawn; kept when it is redisplayed."""

    def process(self, formdata, data=None, **kwargs):
        super().process(formdata, data, **kwargs)
        if not self.data:
            self.data = new_key()


class SentKey(BaseModel):
    key_hash = CharField(unique=True)
    sent_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "sent_key"

    @staticmethod
    def _digest(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def was_sent(cls, key: str | None) -> bool:
        return bool(key) and cls.select().where(cls.key_hash == cls._digest(key)).exists()

    @classmethod
    def claim(cls, key: str | None) -> bool:
        """True the first time a key is sent; False for a repeat. Call inside the
        transaction that creates the thing, so both happen or neither does."""
        if not key:
            return True  # an old form from before keys: nothing to compare it with
        try:
            with cls._meta.database.atomic():  # a savepoint: a repeat leaves the rest intact
                cls.create(key_hash=cls._digest(key))
        except IntegrityError:
            return False
        return True

    @classmethod
    def purge(cls, today: dt.date | None = None) -> int:
        cutoff = (today or dt.date.today()) - dt.timedelta(days=KEEP_DAYS)
        return cls.delete().where(cls.sent_on < cutoff).execute()
