"""Who may do what. Staff blueprints deny by default: `guard_blueprint` runs before every view."""

from __future__ import annotations

from functools import wraps

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


def role_required(*roles: Role):
    """For a view that needs a narrower role than its blueprint's guard."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from portal.extensions import login_manager

                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def can_manage_municipality(user, municipality_id: int | None) -> bool:
    """Officers act only in their own municipality; moderators and admins everywhere."""
    if user.role in (Role.MODERATOR, Role.ADMIN):
        return True
    if user.role == Role.OFFICER:
        return municipality_id is not None and user.municipality_id == municipality_id
    return False


def scoped_municipality_id(user) -> int | None:
    """The municipality a staff list is limited to: an officer's own; None means all."""
    return user.municipality_id if user.role == Role.OFFICER else None

