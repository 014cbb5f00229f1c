"""A fake WeChat Official Account API server, for tests and for the demo.

It speaks the few outbound endpoints the worker uses, at the real paths:

    GET  /cgi-bin/token?grant_type=client_credential&appid=&secret=
    POST /cgi-bin/message/custom/send?access_token=
    POST /cgi-bin/message/template/send?access_token=
    GET  /cgi-bin/media/get?access_token=&media_id=
    POST /cgi-bin/qrcode/create?access_token=    (a parametric QR code: its ticket and url)

Token rules, like the real server but shorter: every fetch issues a new token; the
newest and the one before it are valid (the real server keeps the old one for about
five minutes), older ones get 40001; a token past its ``expires_in`` gets 42001.

Everything received is recorded. Failures can be injected for the next N calls of an
endpoint (or always): an errcode, an HTTP status, or a hang of S seconds after which the
call goes on normally (so a client that timed out may still have "delivered", as with
the real server). The same controls work in-process (``FakeWeChat``) and over HTTP under
``/_fake/`` (``RemoteFakeWeChat`` wraps them), for a worker running in another process:

    GET  /_fake/requests[?endpoint=custom]   everything received
    GET  /_fake/sent/<endpoint>              only the calls that succeeded
    GET  /_fake/stats                        {"token_fetches": n, "requests": n}
    POST /_fake/fail                         {"endpoint": "custom", "errcode": 45015,
                                              "times": 1}  (or "status": 500, "hang": 3;
                                              "times": null = always; "touser": openid)
    POST /_fake/reset
    POST /_fake/revoke_tokens                every issued token becomes invalid (40001)
    POST /_fake/media/<media_id>             body = the bytes, Content-Type = their type

Endpoint names: ``token``, ``custom``, ``template``, ``media``, ``qrcode`` (``any`` in
``fail``).
The recorded token fetches never include the secret, and the server logs no query
strings.
"""
from __future__ import annotations

import copy
import hashlib
import itertools
import json
import logging
import mimetypes
import re
import secrets
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

import requests
from flask import Flask, Response, jsonify, request
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

logger = logging.getLogger(__name__)

ENDPOINTS: dict[str, str] = {
    "token": "/cgi-bin/token",
    "custom": "/cgi-bin/message/custom/send",
    "template": "/cgi-bin/message/template/send",
    "media": "/cgi-bin/media/get",
    "qrcode": "/cgi-bin/qrcode/create",
}

ERRMSGS: dict[int, str] = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40007: "invalid media_id",
    40053: "invalid action_info",
    40013: "invalid appid",
    40014: "invalid access_token",
    40125: "invalid appsecret",
    41001: "access_token missing",
    42001: "access_token expired",
    43004: "require subscribe",
    44002: "empty post data",
    45009: "reach max api daily quota limit",
    45015: "response out of time limit or subscription is canceled",
    45047: "out of response count limit",
    47001: "data format error",
    48001: "api unauthorized",
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
class _Rule:
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


class _Released(Exception):
    """A hung request was released by reset()/stop(): answer it without recording."""


class _QuietRequestHandler(WSGIRequestHandler):
    """Logs at DEBUG, never with the query string (it carries secrets and tokens)."""

    _QUERY = re.compile(r"\?[^\s\"]*")

    def log(self, type: str, message: str, *args: Any) -> None:
        try:
            text = message % args if args else message
        except (TypeError, ValueError):
            text = message
        logger.debug("%s", self._QUERY.sub("", text))


class FakeWeChat:
    """The fake server. ``start()`` serves it on 127.0.0.1 in a background thread."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        appid: str | None = None,
        secret: str | None = None,
        expires_in: int = 7200,
    ) -> None:
        # appid/secret None: any credentials are accepted.
        self.host = host
        self.port = port
        self.appid = appid
        self.secret = secret
        self.expires_in = expires_in
        self._lock = threading.Lock()
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._msgids = itertools.count(2_000_000_001)
        self.app = self._make_app()
        self._clear()

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> str:
        """Serve in a daemon thread; returns the base URL (``http://127.0.0.1:PORT``)."""
        if self._server is not None:
            return self.base_url
        self._server = make_server(
            self.host, self.port, self.app, threaded=True, request_handler=_QuietRequestHandler
        )
        self.port = self._server.server_port
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"fakewechat:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self.base_url

    def serve_forever(self, ready: Callable[[str], object] | None = None) -> None:
        """Serve in the calling thread (for ``python -m fakewechat``); ``ready(base_url)``
        is called once the port is bound."""
        self._server = make_server(
            self.host, self.port, self.app, threaded=True, request_handler=_QuietRequestHandler
        )
        self.port = self._server.server_port
        if ready is not None:
            ready(self.base_url)
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()
            self._server = None

    def stop(self) -> None:
        self._release_hung()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        """What to give the client as ``api_base``."""
        return f"{self.base_url}/cgi-bin/"

    # ----------------------------------------------------------------- controls
    def reset(self) -> None:
        """Forget requests, tokens, rules and added media; release hung requests."""
        self._release_hung()
        with self._lock:
            self._clear()

    def _clear(self) -> None:
        self._records: list[dict[str, Any]] = []
        self._rules: list[_Rule] = []
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
        rule = _Rule(
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

    # ----------------------------------------------------------------- internals
    def _take_rule(self, endpoint: str, touser: str | None) -> _Rule | None:
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

    def _hang(self, seconds: float) -> None:
        with self._lock:
            generation, release = self._generation, self._release
        release.wait(seconds)
        with self._lock:
            if self._generation != generation:
                raise _Released()

    def _check_token(self, value: str | None) -> int:
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

    def _record(self, endpoint: str, token: str | None, body: Any, status: int, errcode: int) -> None:
        query = {k: v for k, v in request.args.items() if k not in ("access_token", "secret")}
        with self._lock:
            self._records.append(
                {
                    "endpoint": endpoint,
                    "method": request.method,
                    "path": request.path,
                    "query": query,
                    "json": body,
                    "token": token,
                    "time": time.time(),
                    "status": status,
                    "errcode": errcode,
                }
            )

    def _make_app(self) -> Flask:
        app = Flask(__name__)
        fake = self

        def error(code: int, http_status: int = 200) -> Response:
            response = jsonify({"errcode": code, "errmsg": ERRMSGS.get(code, "error")})
            response.status_code = http_status
            return response

        def handle(endpoint: str, body: Any, work) -> Response:
            """Apply an injected rule, then ``work() -> (response, errcode)``; record."""
            touser = body.get("touser") if isinstance(body, dict) else None
            token = request.args.get("access_token")
            rule = fake._take_rule(endpoint, touser)
            if rule is not None and rule.hang is not None:
                try:
                    fake._hang(rule.hang)
                except _Released:
                    return Response("released by reset", status=503)
                rule = None
            if rule is not None and rule.status is not None:
                fake._record(endpoint, token, body, rule.status, -1)
                return Response(f"injected HTTP {rule.status}", status=rule.status)
            if rule is not None and rule.errcode is not None:
                fake._record(endpoint, token, body, 200, rule.errcode)
                return error(rule.errcode)
            response, errcode = work()
            fake._record(endpoint, token, body, response.status_code, errcode)
            return response

        def authorised_json(work):
            """Token check and JSON body parsing for the two message endpoints."""
            code = fake._check_token(request.args.get("access_token"))
            if code:
                return error(code), code
            raw = request.get_data()
            if not raw:
                return error(44002), 44002
            try:
                body = json.loads(raw)
            except ValueError:
                return error(47001), 47001
            if not isinstance(body, dict):
                return error(47001), 47001
            if not body.get("touser"):
                return error(40003), 40003
            return work(body)

        def parsed_body() -> Any:
            try:
                return json.loads(request.get_data() or b"null")
            except ValueError:
                return None

        @app.get("/cgi-bin/token")
        def token():
            def work():
                args = request.args
                if args.get("grant_type") != "client_credential":
                    return error(40002), 40002
                if not args.get("appid") or (fake.appid is not None and args["appid"] != fake.appid):
                    return error(40013), 40013
                if not args.get("secret") or (fake.secret is not None and args["secret"] != fake.secret):
                    return error(40125), 40125
                value = secrets.token_urlsafe(48)
                with fake._lock:
                    fake._tokens.append(_Token(value, time.time(), fake.expires_in))
                    fake._token_fetches += 1
                return jsonify({"access_token": value, "expires_in": fake.expires_in}), 0

            return handle("token", None, work)

        @app.post("/cgi-bin/message/custom/send")
        def custom_send():
            def check(body):
                msgtype = body.get("msgtype")
                if not msgtype or not isinstance(body.get(msgtype), dict):
                    return error(47001), 47001
                return jsonify({"errcode": 0, "errmsg": "ok"}), 0

            return handle("custom", parsed_body(), lambda: authorised_json(check))

        @app.post("/cgi-bin/message/template/send")
        def template_send():
            def check(body):
                if not body.get("template_id") or not isinstance(body.get("data"), dict):
                    return error(47001), 47001
                return jsonify({"errcode": 0, "errmsg": "ok", "msgid": next(fake._msgids)}), 0

            return handle("template", parsed_body(), lambda: authorised_json(check))

        @app.get("/cgi-bin/media/get")
        def media_get():
            def work():
                code = fake._check_token(request.args.get("access_token"))
                if code:
                    return error(code), code
                media_id = request.args.get("media_id", "")
                with fake._lock:
                    found = fake._media.get(media_id)
                if found is None:
                    # The real server answers errors here as text/plain JSON.
                    response = error(40007)
                    response.mimetype = "text/plain"
                    return response, 40007
                data, content_type = found
                response = Response(data, content_type=content_type)
                extension = mimetypes.guess_extension(content_type.split(";")[0]) or ""
                response.headers["Content-Disposition"] = f'attachment; filename="{media_id}{extension}"'
                return response, 0

            return handle("media", None, work)

        @app.post("/cgi-bin/qrcode/create")
        def qrcode_create():
            """A parametric QR code: the url (what the image encodes) is the same for the
            same scene, as a permanent code's is; temporary ones get expire_seconds."""
            def work():
                code = fake._check_token(request.args.get("access_token"))
                if code:
                    return error(code), code
                body = parsed_body()
                action = body.get("action_name") if isinstance(body, dict) else None
                scene = ((body.get("action_info") or {}).get("scene") or {}) if isinstance(body, dict) else {}
                key = scene.get("scene_str") or scene.get("scene_id")
                if action not in ("QR_SCENE", "QR_STR_SCENE", "QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE") or not key:
                    return error(40053), 40053
                ticket = (hashlib.sha256(f"{action}:{key}".encode()).hexdigest()[:28] if "LIMIT" in action
                          else secrets.token_urlsafe(21))
                answer = {"ticket": ticket, "url": f"http://weixin.qq.com/q/{ticket}"}
                if "LIMIT" not in action:
                    answer["expire_seconds"] = int(body.get("expire_seconds") or 60)
                return jsonify(answer), 0

            return handle("qrcode", parsed_body(), work)

        # ------------------------------------------------------------- /_fake/
        @app.get("/_fake/requests")
        def fake_requests():
            return jsonify(fake.received(request.args.get("endpoint")))

        @app.get("/_fake/sent/<endpoint>")
        def fake_sent(endpoint: str):
            return jsonify(fake.sent(endpoint))

        @app.get("/_fake/stats")
        def fake_stats():
            return jsonify(fake.stats())

        @app.post("/_fake/fail")
        def fake_fail():
            spec = request.get_json(force=True, silent=True)
            if not isinstance(spec, dict):
                return jsonify({"error": "JSON object expected"}), 400
            try:
                fake.fail(
                    spec.get("endpoint", ""),
                    errcode=spec.get("errcode"),
                    status=spec.get("status"),
                    hang=spec.get("hang"),
                    times=spec.get("times", 1),
                    touser=spec.get("touser"),
                )
            except (TypeError, ValueError) as exc:
                return jsonify({"error": str(exc)}), 400
            return jsonify({"ok": True})

        @app.post("/_fake/reset")
        def fake_reset():
            fake.reset()
            return jsonify({"ok": True})

        @app.post("/_fake/revoke_tokens")
        def fake_revoke():
            fake.revoke_tokens()
            return jsonify({"ok": True})

        @app.post("/_fake/media/<media_id>")
        def fake_media(media_id: str):
            fake.add_media(media_id, request.get_data(), request.content_type or "image/jpeg")
            return jsonify({"ok": True})

        return app


class RemoteFakeWeChat:
    """The same controls as ``FakeWeChat``, over HTTP, for a fake in another process."""

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._http = requests.Session()

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/cgi-bin/"

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._http.request(method, f"{self.base_url}/_fake/{path}", timeout=self.timeout, **kwargs)
        response.raise_for_status()
        return response.json()

    def received(self, endpoint: str | None = None) -> list[dict[str, Any]]:
        return self._call("GET", "requests", params={"endpoint": endpoint} if endpoint else None)

    def sent(self, endpoint: str) -> list[dict[str, Any]]:
        return self._call("GET", f"sent/{endpoint}")

    @property
    def token_fetches(self) -> int:
        return self._call("GET", "stats")["token_fetches"]

    def issued_tokens(self) -> list[str]:
        """Every token issued since the last reset, oldest first."""
        with self._lock:
            return [t.value for t in self._tokens]

    def stats(self) -> dict[str, int]:
        return self._call("GET", "stats")

    def fail(self, endpoint: str, *, errcode: int | None = None, status: int | None = None,
             hang: float | None = None, times: int | None = 1, touser: str | None = None) -> None:
        spec = {"endpoint": endpoint, "errcode": errcode, "status": status, "hang": hang,
                "times": times, "touser": touser}
        self._call("POST", "fail", json=spec)

    def reset(self) -> None:
        self._call("POST", "reset")

    def revoke_tokens(self) -> None:
        self._call("POST", "revoke_tokens")

    def add_media(self, media_id: str, data: bytes, content_type: str = "image/jpeg") -> None:
        self._call("POST", f"media/{media_id}", data=data, headers={"Content-Type": content_type})
