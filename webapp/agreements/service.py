"""Which agreements a member still has to accept, and where they go next."""

from __future__ import annotations

from flask import url_for

from ..database import write_transaction
from ..member_records import ConsentRecord
from ..models import Member
from .documents import Agreement, agreement_slugs, load_agreement

PAUSED = "paused"


def required_agreements(member: Member) -> list[Agreement]:
    found = [load_agreement(slug, "standard") for slug in agreement_slugs()]
    found.sort(key=lambda a: a.position)
    return [a for a in found if member.community.slug in a.required_for]


def pending_agreements(member: Member) -> list[Agreement]:
    """Required agreements whose current version the member has not accepted."""
    pending = []
    for agreement in required_agreements(member):
        record = ConsentRecord.current(member, agreement.slug)
        if record is None or record.version != agreement.version:
            pending.append(agreement)
    return pending


def has_agreed(member: Member) -> bool:
    """Agreed to the current version of every agreement they must, and not withdrawn."""
    return member.status != PAUSED and not pending_agreements(member)


def can_post(member: Member) -> bool:
    """Members can read from the start; posting needs every current agreement accepted,
    and no suspension by a facilitator."""
    return member.status != PAUSED and not member.is_suspended() and not pending_agreements(member)


def accepted_version(member: Member, slug: str) -> int | None:
    record = ConsentRecord.current(member, slug)
    return record.version if record else None


def next_step_url(member: Member) -> str:
    pending = pending_agreements(member)
    if pending:
        return url_for(f"{conversation_name(pending[0].slug)}.resume")
    return url_for("accounts.home")


def record_consent(member: Member, agreement: Agreement, keys: list[str]) -> None:
    with write_transaction():
        ConsentRecord.create(
            member=member, agreement=agreement.slug, version=agreement.version,
            principles=" ".join(keys),
        )  # fmt: skip
        if not pending_agreements(member):
            member.status = Member.ACTIVE
            member.save()


def withdraw_consent(member: Member) -> None:
    with write_transaction():
        ConsentRecord.withdraw_all(member)
        member.status = PAUSED
        member.save()


def conversation_name(slug: str) -> str:
    return "agree_" + slug.replace("-", "_")
