"""模拟租户: chat with the bot as a made-up tenant. The server signs each message as WeChat
does (fakewechat.signing) and posts it to this app's own webhook /wechat/<site>.
Simulated openids start with "sim-", so nobody can write in a real tenant's name."""
from __future__ import annotations

import re
import secrets

import sqlalchemy as sa
from flask import current_app, jsonify, render_template, request

from admin import bp
from admin.access import DESK_UP, current_staff, require, site_or_abort, visible_sites
from models import Message, Tenant, db
from workflow.unit_codes import scanned_unit

OPENID = re.compile(r"^sim-[A-Za-z0-9_-]{1,40}$")
MAX_TEXT = 600


@bp.get("/simulator")
@require(DESK_UP)
def simulator():
    site = site_or_abort(request.args.get("site"))
    return render_template("admin/simulator.html", site=site, sites=visible_sites(current_staff()),
                           openid=f"sim-{secrets.token_hex(4)}")


@bp.post("/simulator/send")
@require(DESK_UP)
def simulator_send():
    from fakewechat.signing import build_text, decode_reply, sign_request

    payload = request.get_json(silent=True) or {}
    site = site_or_abort(str(payload.get("site") or "") or None)
    openid = str(payload.get("openid") or "")
    text = str(payload.get("text") or "").strip()[:MAX_TEXT]
    scan = str(payload.get("scan") or "").strip()[:MAX_TEXT]
    if not OPENID.match(openid):
        return jsonify(error="模拟租户的 openid 须以 sim- 开头"), 400
    if not text and not scan:
        return jsonify(error="请输入消息内容"), 400
    creds = site.wechat_credentials(current_app.config)
    token, aes_key, appid = creds.token, creds.aes_key, creds.appid
    official = creds.account or appid or "gh_simulator"
    if not token:
        return jsonify(error="该服务中心未配置微信 Token，无法签名"), 400
    slug = site.slug
    if scan:
        xml = _scan_event(site, openid, official, scan)
        if xml is None:
            return jsonify(error="无法识别的二维码：不是本服务中心的单元二维码或链接"), 400
    else:
        xml = build_text(openid, official, text, secrets.randbelow(2**62))
    args, body = sign_request(xml, token, aes_key=aes_key, appid=appid)
    db.session.commit()  # the webhook runs in this thread next and ends its own session
    response = current_app.test_client().post(f"/wechat/{slug}", query_string=args, data=body,
                                              content_type="text/xml")
    if response.status_code == 404:
        return jsonify(error="机器人接口尚未启用（/wechat 返回 404）"), 502
    if response.status_code != 200:
        return jsonify(error=f"机器人接口返回 {response.status_code}"), 502
    reply = decode_reply(response.get_data(), token, aes_key=aes_key, appid=appid)
    return jsonify(reply=reply.get("Content"), type=reply.get("MsgType"))


def _scan_event(site, openid: str, official: str, scanned: str):
    """What WeChat sends when the tenant scans a unit's code: subscribe (with the scene) for
    one who does not follow the account yet, SCAN for one who does."""
    from fakewechat.signing import build_event

    code = scanned_unit(site, scanned, current_app.config["SECRET_KEY"])
    if code is None:
        return None
    follows = db.session.scalar(sa.select(Tenant.subscribed).where(Tenant.site_id == site.id, Tenant.openid == openid))
    if follows:
        return build_event(openid, official, "SCAN", code)
    return build_event(openid, official, "subscribe", f"qrscene_{code}")


@bp.get("/simulator/messages")
@require(DESK_UP)
def simulator_messages():
    """Messages sent to the simulated tenant later (notifications, surveys) by the worker."""
    site = site_or_abort(request.args.get("site"))
    openid = request.args.get("openid") or ""
    after = request.args.get("after") or "0"
    if not OPENID.match(openid) or not after.isdigit():
        return jsonify(error="参数不正确"), 400
    rows = db.session.scalars(sa.select(Message).where(
        Message.site_id == site.id, Message.openid == openid, Message.direction == "out",
        sa.or_(Message.channel.is_(None), Message.channel != "passive"), Message.id > int(after)).order_by(Message.id).limit(50)).all()
    return jsonify(items=[{"id": m.id, "text": m.content, "at": m.created_at.isoformat()} for m in rows])
