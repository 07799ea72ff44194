"""Extension objects, created here and bound to the app in create_app()."""

from __future__ import annotations

from flask_babel import Babel
from flask_compress import Compress
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_wtf.csrf import CSRFProtect
from peewee import DatabaseProxy


def _no_key() -> str:
    # Limits are declared per route with their own key functions; none use the IP address.
    return "global"


csrf = CSRFProtect()
babel = Babel()
htmx = HTMX()
# No storage_uri here: it would win over RATELIMIT_STORAGE_URI from the config.
limiter = Limiter(key_func=_no_key, default_limits=[])
compress = Compress()
db = DatabaseProxy()
