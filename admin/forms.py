"""Reading posted form values into typed values; a bad value raises the workflow's
ValidationError naming the field, so the page can mark it."""
from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Optional

from flask import abort, request

from models import db
from models.localtime import zone as tz
from workflow.errors import PermissionDenied, ValidationError


def text(name: str, max_len: int = 2000) -> str:
    return (request.form.get(name) or "").strip()[:max_len]


def optional_text(name: str, max_len: int = 200) -> Optional[str]:
    return text(name, max_len) or None


def checkbox(name: str) -> bool:
    return request.form.get(name) in ("1", "on", "true", "yes")


def tristate(name: str) -> Optional[bool]:
    """A select of 不变/是/否: '' → None."""
    raw = request.form.get(name, "")
    return None if raw == "" else raw in ("1", "true", "on", "yes")


def local_datetime(name: str, label: str, required: bool = True) -> Optional[datetime]:
    """<input type=datetime-local> in local time → naive UTC as stored."""
    raw = (request.form.get(name) or "").strip()
    if not raw:
        if required:
            raise ValidationError(f"请填写{label}", field=name)
        return None
    try:
        local = datetime.fromisoformat(raw)
    except ValueError:
        raise ValidationError(f"{label}格式不正确", field=name) from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=tz())
    return local.astimezone(UTC).replace(tzinfo=None)


def upload(name: str, limit: int) -> bytes:
    """A posted file's bytes, read up to one byte past `limit` (enough to say it is too
    large); no file: empty."""
    file = request.files.get(name)
    return file.read(limit + 1) if file else b""


def data_url_png(name: str, label: str) -> bytes:
    """A canvas the browser exported (data:image/png;base64,…) → the PNG's bytes."""
    raw = (request.form.get(name) or "").strip()
    prefix = "data:image/png;base64,"
    if not raw.startswith(prefix):
        raise ValidationError(f"请{label}", field=name)
    try:
        return base64.b64decode(raw[len(prefix):], validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(f"{label}无效，请重新签名", field=name) from None


def int_value(name: str, label: str, required: bool = False) -> Optional[int]:
    raw = (request.form.get(name) or "").strip()
    if not raw:
        if required:
            raise ValidationError(f"请选择{label}", field=name)
        return None
    if not raw.isdigit():
        raise ValidationError(f"{label}不正确", field=name)
    return int(raw)


class FormState:
    """The error (message and field) of a refused post, and the values to put back."""

    def __init__(self, form: Optional[str] = None, field: Optional[str] = None, message: Optional[str] = None,
                 values=None) -> None:
        self.form, self.field, self.message = form, field, message
        self.values = values if values is not None else {}

    @classmethod
    def refused(cls, form: str, exc, *, secret: tuple[str, ...] = ()) -> FormState:
        """The state of a post the workflow refused: its message and field, and what was
        typed (never the CSRF token or a secret such as a password) to put back."""
        values = {k: v for k, v in request.form.items() if k != "csrf_token" and k not in secret}
        return cls(form, exc.field, exc.message, values)

    def value(self, name: str, default="") -> str:
        return self.values.get(name, default) if self.values else default

    def invalid(self, form: str, name: str) -> bool:
        return self.form == form and self.field == name



class Submission:
    """A posted change made through workflow/, committed as one, as in

        with forms.Submission("intake") as sent:
            ticket = workflow.register(db.session, ..., content=forms.text("content"))
        if sent.refused:
            return show_form_again(sent.refused), 400

    A refusal changes nothing: the session rolls back; a permission is a 403, and bad input
    is kept in `refused` (the FormState that marks the field and puts back what was typed)."""

    def __init__(self, form: str, *, secret: tuple[str, ...] = ()) -> None:
        self.form, self.secret = form, secret
        self.refused: Optional[FormState] = None

    def __enter__(self) -> Submission:
        return self

    def __exit__(self, exc_type, exc, traceback) -> bool:
        if exc_type is None:
            db.session.commit()
            return False
        db.session.rollback()
        if issubclass(exc_type, PermissionDenied):
            abort(403, description=exc.message)
        if issubclass(exc_type, ValidationError):
            self.refused = FormState.refused(self.form, exc, secret=self.secret)
            return True
        return False
