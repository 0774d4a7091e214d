"""The one `moderation` blueprint: moderators and admins only, checked before every view."""

from flask import Blueprint

from portal.permissions import guard_blueprint
from portal.vocab import Role

bp = Blueprint("moderation", __name__)
guard_blueprint(bp, Role.MODERATOR, Role.ADMIN)
