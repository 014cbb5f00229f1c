"""Errors the workflow raises; each says what was refused and why, in words staff read."""
from __future__ import annotations


class WorkflowError(Exception):
    """Base: nothing was changed."""

    status_code = 409

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidTransition(WorkflowError):
    status_code = 409


class PermissionDenied(WorkflowError):
    status_code = 403


class ValidationError(WorkflowError):
    """Bad input; `field` names the form field at fault."""

    status_code = 400
