"""The WeChat side: the webhook (verify, decrypt, dedupe, parse), the dialog with tenants
and the tenant simulator."""
from flask import Blueprint

bp = Blueprint("bot", __name__)

from bot import scan_link, webhook  # noqa: E402,F401  (registers the routes)
