"""A note on a ticket's timeline from the dialog: below tickets and identity, which both
write one (identity cannot import tickets, which imports it)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import workflow
from models import Ticket

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


def note(turn: Turn, ticket: Ticket, note_text: str) -> None:
    """On the ticket's timeline for staff, and the message filed with it."""
    workflow.add_note(turn.session, ticket, None, note_text)
    turn.message.ticket_id = ticket.id
