"""Who may do what. Staff blueprints deny by default: `guard_blueprint` runs before every view of
the blueprint, and is the one way a staff area is guarded (a narrower area is its own blueprint).
When a stale CSRF token makes the error handler answer a form view, it runs these guards first
(see `portal/__init__.py`)."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from portal.vocab import Role

STAFF_ROLES = frozenset(Role)


def guard_blueprint(bp, *roles: Role) -> None:
    """Every route of `bp` needs a logged-in account with one of `roles`. Unauthenticated visitors
    are sent to the login page; a wrong role gets 403."""
    allowed = frozenset(roles)

    @bp.before_request
    def _require_role():
        if not current_user.is_authenticated:
            from portal.extensions import login_manager

            return login_manager.unauthorized()
        if current_user.role not in allowed:
            abort(403)
        return None


def can_manage_municipality(user, municipality_id: int | None) -> bool:
    """Officers act only in their own municipality; moderators and admins everywhere."""
    if user.role in (Role.MODERATOR, Role.ADMIN):
        return True
    if user.role == Role.OFFICER:
        return municipality_id is not None and user.municipality_id == municipality_id
    return False
