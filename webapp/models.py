"""Peewee models. Queries live on the models as classmethods."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, IntegerField, Model, TextField

from .extensions import db


class BaseModel(Model):
    class Meta:
        database = db


class SchemaVersion(BaseModel):
    """One row per migration step that has been applied."""

    version = IntegerField(primary_key=True)
    name = CharField()
    applied_on = DateField(default=dt.date.today)

    class Meta:
        table_name = "schema_version"


class Community(BaseModel):
    """One of the three communities of practice."""

    slug = CharField(unique=True)
    name = CharField()
    summary = TextField()
    position = IntegerField(default=0)

    class Meta:
        table_name = "community"

    @classmethod
    def in_order(cls):
        return cls.select().order_by(cls.position, cls.name)

    @classmethod
    def by_slug(cls, slug: str) -> Community | None:
        return cls.get_or_none(cls.slug == slug)
