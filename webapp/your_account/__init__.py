"""Your account: change community, name, password or email; download data; leave."""

from flask import Blueprint

from ..members import require_member

bp = Blueprint("account", __name__, url_prefix="/account")
change_community_bp = Blueprint("change_community", __name__, url_prefix="/account/community")
bp.before_request(require_member)
change_community_bp.before_request(require_member)

from . import change_community, emails, views  # noqa: E402,F401  (routes register on import)
