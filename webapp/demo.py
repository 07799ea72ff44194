"""Demo content for `make run`. Running it twice changes nothing.

The three communities come from a migration, because the product needs them.
The demo adds a member to sign in as, to try the site.
"""

from __future__ import annotations

from .accounts.passwords import hash_password
from .agreements.service import record_consent, required_agreements
from .database import write_transaction
from .models import Community, Member

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
        )
    # The demo member has agreed to the current agreements, so they can take part.
    for agreement in required_agreements(member):
        record_consent(member, agreement, [p.key for p in agreement.principles])
