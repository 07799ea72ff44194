"""Signed values (the session cookie, CSRF tokens) without compressing short ones.

itsdangerous's URL-safe serializer tries zlib on every payload and keeps the result
only when it is shorter. A short payload (a CSRF token, a session holding a token or
a member's id) never is: random hex does not compress. Setting zlib up still costs its
256 KB of state every time, more than the signing itself (measured in
bench/in_process.py: about two thirds of a signature's cost). Short payloads are left
plain: the same format (a compressed payload starts with "."), read by every
URLSafeTimedSerializer, so cookies and tokens made either way still load.
"""

from __future__ import annotations

from typing import Any

import flask_wtf.csrf
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.encoding import base64_encode
from itsdangerous.url_safe import URLSafeSerializerMixin

PLAIN_UNDER = 256  # bytes of JSON: below this, compression saves a few bytes at best


class ShortPayloadsPlain(URLSafeTimedSerializer):
    def dump_payload(self, obj: Any) -> bytes:
        plain = super(URLSafeSerializerMixin, self).dump_payload(obj)  # the JSON itself
        if len(plain) >= PLAIN_UNDER:
            return super().dump_payload(obj)
        return base64_encode(plain)


def init_app() -> None:
    # Flask-WTF makes its token serializer by this module-level name, with no setting
    # to choose another; the tokens it checks are read the same either way.
    flask_wtf.csrf.URLSafeTimedSerializer = ShortPayloadsPlain
