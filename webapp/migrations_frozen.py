"""Frozen copies of tables for migration steps: a step declares its tables as they were
at that point, never the live models, so old steps keep working when models change."""

from __future__ import annotations

from peewee import Model

from .extensions import db


def frozen(table: str, **fields) -> type[Model]:
    meta = type("Meta", (), {"database": db, "table_name": table})
    return type(f"Frozen_{table}", (Model,), {"Meta": meta, "__module__": __name__, **fields})
