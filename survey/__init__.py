"""The tenant-facing mobile survey page /survey/<signed token> (no login)."""
from flask import Blueprint

bp = Blueprint("survey", __name__, url_prefix="/survey", template_folder="templates")
