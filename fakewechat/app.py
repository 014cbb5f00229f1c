"""The fake WeChat API's HTTP side: the few outbound endpoints the worker uses, at the
real paths, and the controls under ``/_fake/`` for a worker in another process.

    GET  /cgi-bin/token?grant_type=client_credential&appid=&secret=
    POST /cgi-bin/message/custom/send?access_token=
    POST /cgi-bin/message/template/send?access_token=
    GET  /cgi-bin/media/get?access_token=&media_id=
    POST /cgi-bin/qrcode/create?access_token=    (a parametric QR code: its ticket and url)

    GET  /_fake/requests[?endpoint=custom]   everything received
    GET  /_fake/sent/<endpoint>              only the calls that succeeded
    GET  /_fake/stats                        {"token_fetches": n, "requests": n}
    GET  /_fake/tokens                       every token issued, oldest first
    POST /_fake/fail                         {"endpoint": "custom", "errcode": 45015,
                                              "times": 1}  (or "status": 500, "hang": 3;
                                              "times": null = always; "touser": openid)
    POST /_fake/reset
    POST /_fake/revoke_tokens                every issued token becomes invalid (40001)
    POST /_fake/media/<media_id>             body = the bytes, Content-Type = their type

Endpoint names: ``token``, ``custom``, ``template``, ``media``, ``qrcode`` (``any`` in
``fail``). The recorded token fetches never include the secret, and the server logs no
query strings."""
from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import re
import secrets
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.serving import WSGIRequestHandler

from fakewechat.state import Released, WeChatState

logger = logging.getLogger(__name__)

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


class QuietRequestHandler(WSGIRequestHandler):
    """Logs at DEBUG, never with the query string (it carries secrets and tokens)."""

    _QUERY = re.compile(r"\?[^\s\"]*")

    def log(self, type: str, message: str, *args: Any) -> None:
        try:
            text = message % args if args else message
        except (TypeError, ValueError):
            text = message
        logger.debug("%s", self._QUERY.sub("", text))


def _error(code: int, http_status: int = 200) -> Response:
    response = jsonify({"errcode": code, "errmsg": ERRMSGS.get(code, "error")})
    response.status_code = http_status
    return response


def _parsed_body() -> Any:
    try:
        return json.loads(request.get_data() or b"null")
    except ValueError:
        return None


def make_app(fake: WeChatState) -> Flask:
    app = Flask(__name__)

    def record(endpoint: str, token: str | None, body: Any, status: int, errcode: int) -> None:
        query = {k: v for k, v in request.args.items() if k not in ("access_token", "secret")}
        fake.record(endpoint, method=request.method, path=request.path, query=query, body=body,
                    token=token, status=status, errcode=errcode)

    def handle(endpoint: str, body: Any, work) -> Response:
        """Apply an injected rule, then ``work() -> (response, errcode)``; record."""
        touser = body.get("touser") if isinstance(body, dict) else None
        token = request.args.get("access_token")
        rule = fake.take_rule(endpoint, touser)
        if rule is not None and rule.hang is not None:
            try:
                fake.hang(rule.hang)
            except Released:
                return Response("released by reset", status=503)
            rule = None
        if rule is not None and rule.status is not None:
            record(endpoint, token, body, rule.status, -1)
            return Response(f"injected HTTP {rule.status}", status=rule.status)
        if rule is not None and rule.errcode is not None:
            record(endpoint, token, body, 200, rule.errcode)
            return _error(rule.errcode)
        response, errcode = work()
        record(endpoint, token, body, response.status_code, errcode)
        return response

    def authorised_json(work):
        """Token check and JSON body parsing for the two message endpoints."""
        code = fake.check_token(request.args.get("access_token"))
        if code:
            return _error(code), code
        raw = request.get_data()
        if not raw:
            return _error(44002), 44002
        try:
            body = json.loads(raw)
        except ValueError:
            return _error(47001), 47001
        if not isinstance(body, dict):
            return _error(47001), 47001
        if not body.get("touser"):
            return _error(40003), 40003
        return work(body)

    @app.get("/cgi-bin/token")
    def token():
        def work():
            args = request.args
            if args.get("grant_type") != "client_credential":
                return _error(40002), 40002
            if not args.get("appid") or (fake.appid is not None and args["appid"] != fake.appid):
                return _error(40013), 40013
            if not args.get("secret") or (fake.secret is not None and args["secret"] != fake.secret):
                return _error(40125), 40125
            return jsonify({"access_token": fake.issue_token(), "expires_in": fake.expires_in}), 0

        return handle("token", None, work)

    @app.post("/cgi-bin/message/custom/send")
    def custom_send():
        def check(body):
            msgtype = body.get("msgtype")
            if not msgtype or not isinstance(body.get(msgtype), dict):
                return _error(47001), 47001
            return jsonify({"errcode": 0, "errmsg": "ok"}), 0

        return handle("custom", _parsed_body(), lambda: authorised_json(check))

    @app.post("/cgi-bin/message/template/send")
    def template_send():
        def check(body):
            if not body.get("template_id") or not isinstance(body.get("data"), dict):
                return _error(47001), 47001
            return jsonify({"errcode": 0, "errmsg": "ok", "msgid": fake.next_msgid()}), 0

        return handle("template", _parsed_body(), lambda: authorised_json(check))

    @app.get("/cgi-bin/media/get")
    def media_get():
        def work():
            code = fake.check_token(request.args.get("access_token"))
            if code:
                return _error(code), code
            media_id = request.args.get("media_id", "")
            found = fake.media(media_id)
            if found is None:
                # The real server answers errors here as text/plain JSON.
                response = _error(40007)
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
            code = fake.check_token(request.args.get("access_token"))
            if code:
                return _error(code), code
            body = _parsed_body()
            action = body.get("action_name") if isinstance(body, dict) else None
            scene = ((body.get("action_info") or {}).get("scene") or {}) if isinstance(body, dict) else {}
            key = scene.get("scene_str") or scene.get("scene_id")
            if action not in ("QR_SCENE", "QR_STR_SCENE", "QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE") or not key:
                return _error(40053), 40053
            ticket = (hashlib.sha256(f"{action}:{key}".encode()).hexdigest()[:28] if "LIMIT" in action
                      else secrets.token_urlsafe(21))
            answer = {"ticket": ticket, "url": f"http://weixin.qq.com/q/{ticket}"}
            if "LIMIT" not in action:
                answer["expire_seconds"] = int(body.get("expire_seconds") or 60)
            return jsonify(answer), 0

        return handle("qrcode", _parsed_body(), work)

    _add_controls(app, fake)
    return app


def _add_controls(app: Flask, fake: WeChatState) -> None:
    """``/_fake/``: the state's controls over HTTP (fakewechat.remote is their client)."""

    @app.get("/_fake/requests")
    def fake_requests():
        return jsonify(fake.received(request.args.get("endpoint")))

    @app.get("/_fake/sent/<endpoint>")
    def fake_sent(endpoint: str):
        return jsonify(fake.sent(endpoint))

    @app.get("/_fake/stats")
    def fake_stats():
        return jsonify(fake.stats())

    @app.get("/_fake/tokens")
    def fake_tokens():
        return jsonify(fake.issued_tokens())

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
