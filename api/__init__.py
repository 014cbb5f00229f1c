"""Read-only staff JSON API under /api/v1, authenticated by bearer tokens that
`flask create-api-token USERNAME` prints."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from api import routes  # noqa: E402,F401
