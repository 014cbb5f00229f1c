"""The ticket's life. The ONLY code that changes a ticket's state: each function checks the
state machine and the actor's role first (raising and changing nothing when refused), then
mutates, writes a timeline event and the Outbox rows for the side effects, all in the
caller's transaction. Functions add but never commit."""
from workflow.errors import InvalidTransition, PermissionDenied, ValidationError, WorkflowError
from workflow.fieldwork import add_photo, arrive, sign_receipt
from workflow.handling import (
    add_note,
    answer_quote,
    close,
    close_not_ours,
    complete,
    confirm_receipt,
    delay,
    dispatch,
    name_the_emergency,
    quote,
    reclassify,
    record_payment,
    reopen,
    start,
    turn_urgent,
    update_contact,
)
from workflow.machine import ACTIONS, allowed_actions
from workflow.promises import call_desk, call_desks, escalate
from workflow.register import register

__all__ = [
    "ACTIONS", "InvalidTransition", "PermissionDenied", "ValidationError", "WorkflowError",
    "add_note", "add_photo", "allowed_actions", "answer_quote", "arrive", "call_desk", "call_desks", "close", "close_not_ours",
    "complete", "confirm_receipt", "delay", "dispatch", "escalate", "name_the_emergency", "quote", "reclassify", "record_payment", "register",
    "reopen", "sign_receipt", "start", "turn_urgent", "update_contact",
]
