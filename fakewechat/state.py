"""What the fake WeChat API remembers and will do next: every request received, the
tokens it issued, the media it serves and the failures injected for coming calls.
Thread-safe (the server answers in threads); no HTTP in here (fakewechat.app is that).

Token rules, like the real server but shorter: every fetch issues a new token; the
newest and the one before it are valid (the real server keeps the old one for about
five minutes), older ones get 40001; a token past its ``expires_in`` gets 42001.

Failures can be injected for the next N calls of an endpoint (or always): an errcode, an
HTTP status, or a hang of S seconds after which the call goes on normally (so a client
that timed out may still have "delivered", as with the real server)."""
from __future__ import annotations

import copy
import itertools
import secrets
import struct
import threading
import time
from dataclasses import dataclass
from typing import Any

ENDPOINTS: dict[str, str] = {
    "token": "/cgi-bin/token",
    "custom": "/cgi-bin/message/custom/send",
    "template": "/cgi-bin/message/template/send",
    "media": "/cgi-bin/media/get",
    "qrcode": "/cgi-bin/qrcode/create",
}


def _tiny_jpeg() -> bytes:
    """A valid 8x8 grey baseline JPEG (159 bytes), built here so no binary is shipped."""

    def segment(marker: int, payload: bytes) -> bytes:
        return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload

    return (
        b"\xff\xd8"
        + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + segment(0xDB, b"\x00" + b"\x01" * 64)
        + segment(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00")
        + segment(0xC4, b"\x00\x01" + b"\x00" * 15 + b"\x00")  # DC table: one 1-bit code
        + segment(0xC4, b"\x10\x01" + b"\x00" * 15 + b"\x00")  # AC table: EOB only
        + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + b"\x3f"  # DC diff 0, EOB, padding
        + b"\xff\xd9"
    )


DEMO_JPEG = _tiny_jpeg()
DEFAULT_MEDIA: dict[str, tuple[bytes, str]] = {
    "demo-image": (DEMO_JPEG, "image/jpeg"),
}


@dataclass
class Rule:
    endpoint: str  # an endpoint name or "any"
    errcode: int | None = None
    status: int | None = None
    hang: float | None = None
    times: int | None = 1  # None: always
    touser: str | None = None


@dataclass
class _Token:
    value: str
    issued_at: float
    expires_in: int
    revoked: bool = False


class Released(Exception):
    """A hung request was released by reset()/stop(): answer it without recording."""


class WeChatState:
    """The account's settings (``appid``/``secret`` None: any credentials are accepted)
    and everything recorded since the last ``reset()``."""

    def __init__(self, *, appid: str | None = None, secret: str | None = None, expires_in: int = 7200) -> None:
        self.appid = appid
        self.secret = secret
        self.expires_in = expires_in
        self._lock = threading.Lock()
        self._msgids = itertools.count(2_000_000_001)
        self._clear()

    # ----------------------------------------------------------------- controls
    def reset(self) -> None:
        """Forget requests, tokens, rules and added media; release hung requests."""
        self._release_hung()
        with self._lock:
            self._clear()

    def _clear(self) -> None:
        self._records: list[dict[str, Any]] = []
        self._rules: list[Rule] = []
        self._tokens: list[_Token] = []
        self._token_fetches = 0
        self._media = dict(DEFAULT_MEDIA)
        self._generation = getattr(self, "_generation", 0) + 1
        self._release = threading.Event()

    def _release_hung(self) -> None:
        with self._lock:
            self._generation += 1
            self._release.set()
            self._release = threading.Event()

    def fail(
        self,
        endpoint: str,
        *,
        errcode: int | None = None,
        status: int | None = None,
        hang: float | None = None,
        times: int | None = 1,
        touser: str | None = None,
    ) -> None:
        """For the next ``times`` calls of ``endpoint`` (None: always), answer ``errcode``,
        or HTTP ``status``, or hang ``hang`` seconds and then go on normally. ``touser``
        limits the rule to messages for that openid."""
        if endpoint != "any" and endpoint not in ENDPOINTS:
            raise ValueError(f"unknown endpoint {endpoint!r}; one of {sorted(ENDPOINTS)} or 'any'")
        if sum(x is not None for x in (errcode, status, hang)) != 1:
            raise ValueError("give exactly one of errcode, status, hang")
        if times is not None and times < 1:
            raise ValueError("times must be >= 1 or None (always)")
        rule = Rule(
            endpoint=endpoint,
            errcode=int(errcode) if errcode is not None else None,
            status=int(status) if status is not None else None,
            hang=float(hang) if hang is not None else None,
            times=times,
            touser=touser,
        )
        with self._lock:
            self._rules.append(rule)

    def revoke_tokens(self) -> None:
        """Invalidate every issued token (calls with them get 40001)."""
        with self._lock:
            for token in self._tokens:
                token.revoked = True

    def add_media(self, media_id: str, data: bytes, content_type: str = "image/jpeg") -> None:
        with self._lock:
            self._media[media_id] = (bytes(data), content_type)

    # ----------------------------------------------------------------- what was received
    def received(self, endpoint: str | None = None) -> list[dict[str, Any]]:
        """Everything received (optionally for one endpoint), oldest first."""
        with self._lock:
            records = [r for r in self._records if endpoint is None or r["endpoint"] == endpoint]
            return copy.deepcopy(records)

    def sent(self, endpoint: str) -> list[dict[str, Any]]:
        """The calls of ``endpoint`` that succeeded (errcode 0): what was delivered."""
        return [r for r in self.received(endpoint) if r["status"] == 200 and r["errcode"] == 0]

    @property
    def token_fetches(self) -> int:
        with self._lock:
            return self._token_fetches

    @property
    def current_token(self) -> str | None:
        with self._lock:
            return self._tokens[-1].value if self._tokens else None

    def issued_tokens(self) -> list[str]:
        """Every token issued since the last reset, oldest first."""
        with self._lock:
            return [t.value for t in self._tokens]

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"token_fetches": self._token_fetches, "requests": len(self._records)}

    # ----------------------------------------------------------------- what the routes ask
    def take_rule(self, endpoint: str, touser: str | None) -> Rule | None:
        with self._lock:
            for rule in self._rules:
                if rule.endpoint not in (endpoint, "any"):
                    continue
                if rule.touser is not None and rule.touser != touser:
                    continue
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        self._rules.remove(rule)
                return copy.copy(rule)
        return None

    def hang(self, seconds: float) -> None:
        """Wait `seconds`, or until reset()/stop(), which raises Released."""
        with self._lock:
            generation, release = self._generation, self._release
        release.wait(seconds)
        with self._lock:
            if self._generation != generation:
                raise Released()

    def check_token(self, value: str | None) -> int:
        """0 when valid, else the errcode the real server would give."""
        if not value:
            return 41001
        with self._lock:
            for index, token in enumerate(self._tokens):
                if token.value != value:
                    continue
                if token.revoked or index < len(self._tokens) - 2:
                    return 40001
                if time.time() > token.issued_at + token.expires_in:
                    return 42001
                return 0
        return 40001

    def issue_token(self) -> str:
        value = secrets.token_urlsafe(48)
        with self._lock:
            self._tokens.append(_Token(value, time.time(), self.expires_in))
            self._token_fetches += 1
        return value

    def next_msgid(self) -> int:
        return next(self._msgids)

    def media(self, media_id: str) -> tuple[bytes, str] | None:
        with self._lock:
            return self._media.get(media_id)

    def record(self, endpoint: str, *, method: str, path: str, query: dict[str, str], body: Any,
               token: str | None, status: int, errcode: int) -> None:
        """`query` without the secret and the token (the caller strips them)."""
        with self._lock:
            self._records.append(
                {
                    "endpoint": endpoint,
                    "method": method,
                    "path": path,
                    "query": query,
                    "json": body,
                    "token": token,
                    "time": time.time(),
                    "status": status,
                    "errcode": errcode,
                }
            )
