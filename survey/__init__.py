"""The tenant-facing mobile pages, no login: /survey/<signed token> (the satisfaction
survey after a ticket is closed) and /survey/q/<signed token> (a questionnaire). Static
assets only (no inline script or style), served under a strict Content-Security-Policy."""
from flask import Blueprint

bp = Blueprint("survey", __name__, url_prefix="/survey", template_folder="templates", static_folder="static")

from survey import views  # noqa: E402,F401  (registers the routes)
