"""Demo content for `make run`. Running it twice changes nothing.

The three communities come from a migration, because the product needs them.
The demo adds a member to sign in as, to try the site.
"""

from __future__ import annotations

import datetime as dt
import secrets

from ..accounts.passwords import hash_password
from ..agreements.service import record_consent, required_agreements
from ..database import write_transaction
from ..models import Community, CommunityChange, Member

DEMO_MEMBER = ("Quiet Heron", "kettle harbour lantern")


def load() -> None:
    name, password = DEMO_MEMBER
    with write_transaction():
        if Member.name_taken(name):
            return
        member = Member.create(
            display_name=name,
            name_key=Member.fold(name),
            community=Community.by_slug("people"),
            password_hash=hash_password(password),
            welcomed_on=dt.date.today(),
        )
    # The demo member has agreed to the current agreements, so they can take part.
    for agreement in required_agreements(member):
        record_consent(member, agreement, [p.key for p in agreement.principles])
    load_waiting_members()


# For facilitators to welcome: someone new, and someone asking to move (with a reason).
NEWCOMER = "Hopeful Wren"
MOVER = ("Steady Finch", "staff", "I have left my job and now care for my dad, so People fits me.")


def load_waiting_members() -> None:
    mover_name, home, reason = MOVER
    with write_transaction():
        Member.create(
            display_name=NEWCOMER, name_key=Member.fold(NEWCOMER),
            community=Community.by_slug("people"), password_hash=hash_password(secrets.token_hex()),
        )  # fmt: skip
        mover = Member.create(
            display_name=mover_name, name_key=Member.fold(mover_name),
            community=Community.by_slug(home), password_hash=hash_password(secrets.token_hex()),
            welcomed_on=dt.date.today(),
        )  # fmt: skip
        CommunityChange.request(mover, Community.by_slug("people"), reason)
