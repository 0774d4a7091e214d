"""The one `public` blueprint. Its routes live in views.py and the modules views.py imports."""

from flask import Blueprint

bp = Blueprint("public", __name__)
