"""The conversation with a tenant: which phrase to answer with, when to open, join or
dispatch a ticket, and when to ask who the tenant is. State lives in the database
(Conversation, with an expiry), so any web process can take the next message.

One module per reason to change: intents (what words mean), lookup (what is read),
identity (who the tenant is), tickets (what is done to their tickets), reports (what a
report does: join, open, hold), answers (to a quote, a receipt, a survey we sent), events
(WeChat events and photos), turns (one message in, the reply out)."""
from bot.dialog.intents import has_substance
from bot.dialog.lookup import DIALOG_TTL, JOIN_WINDOW, Lookup, look_up
from bot.dialog.tickets import TRIAGE_CALL_FOR_HELP
from bot.dialog.turns import Turn, fallback_reply, handle, throttled_reply
from workflow.held_reports import TRIAGE_NOT_UNDERSTOOD

__all__ = [
    "DIALOG_TTL", "JOIN_WINDOW", "TRIAGE_CALL_FOR_HELP", "TRIAGE_NOT_UNDERSTOOD", "Lookup", "Turn",
    "fallback_reply", "handle", "has_substance", "look_up", "throttled_reply",
]
