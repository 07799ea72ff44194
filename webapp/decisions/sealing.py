"""Views are kept so that a copy of the database alone cannot tell who chose what.

- A view's row is keyed by an HMAC of (the server's secret, the decision, the member):
  only the server can find a member's own view, to show it to them or change it. The row
  holds no member id, no community in the clear, and no time.
- What the view says (the level, the member's community, whether they are a regular
  member, the reason and any question) is sealed (core sealing: AES-GCM under a key
  derived from the same secret), bound to the row's key.
- The unsent answers on the way to a view (the conversation's draft) are sealed too.

Who took part is a separate table (member, decision), needed for "your views are wanted".
Its rows and the view rows may be matched up by the order they were written, but a
matched view row says nothing without the secret. With the database AND the secret,
everything can be read: that is the limit, written down in the README.
"""

from __future__ import annotations

import hashlib
import hmac
import json

from .. import sealing

PURPOSE = "decision views"


def view_key(decision_id: int, member_id: int) -> str:
    """Where this member's view on this decision is kept. Needs the secret to work out."""
    message = f"{decision_id}:{member_id}".encode()
    return hmac.new(sealing.derived_key("decision view key"), message, hashlib.sha256).hexdigest()


def seal(key: str, content: dict) -> str:
    return sealing.seal(PURPOSE, key, json.dumps(content, separators=(",", ":")))


def unseal(key: str, sealed: str) -> dict:
    return json.loads(sealing.unseal(PURPOSE, key, sealed))
