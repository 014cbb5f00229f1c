"""The webhook: GET handshake, POST verify → dedupe → dialog → commit → reply, well inside
WeChat's 5 s. Malformed or unauthenticated requests get a 4xx and never touch the database."""
from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from flask import Response, abort, current_app, request

import ratelimit
from bot import bp, dialog
from bot.nonce_cache import NonceCache
from bot.protocol import InboundMessage, ProtocolError, handshake, parse_inbound, render_reply
from models import Message, db, utcnow
from models.reference_cache import SiteValues, site_by_slug
from models.sealed import WeChatCredentials

log = logging.getLogger(__name__)


def _site(slug: Optional[str]) -> SiteValues:
    """The site's plain values from the per-process cache: a staff edit shows within its TTL
    (at once in the process that saved it)."""
    site = site_by_slug(db.session, slug or current_app.config["DEFAULT_SITE"])
    if site is None:
        abort(404)
    return site


def _credentials(site: SiteValues) -> WeChatCredentials:
    creds = site.wechat_credentials(current_app.config)
    if not creds.can_receive:
        log.error("site %s has no WeChat token (WECHAT_TOKEN or the site's settings)", site.slug)
        abort(503)
    return creds


def _nonce_cache() -> NonceCache:
    """One per app, so its cooldown holds across requests: with Redis away, only the first
    request in each cooldown waits for the connection to fail."""
    ttl = max(2 * current_app.config["WECHAT_TIMESTAMP_TOLERANCE"], 600)
    cache = current_app.extensions.get("wechat_nonce_cache")
    if cache is None or cache.redis is not current_app.redis or cache.ttl != ttl:
        cache = current_app.extensions["wechat_nonce_cache"] = NonceCache(current_app.redis, ttl_seconds=ttl)
    return cache


def _plain(status: int, text: str) -> Response:
    return Response(text, status=status, mimetype="text/plain")


@bp.errorhandler(sa.exc.OperationalError)
def database_away(exc):
    """The database is unreachable: answer 503 so WeChat retries (3 times over ~15 s) and
    nothing is half-stored; the dedupe key makes the retry that gets through the only one
    that counts."""
    db.session.rollback()
    log.error("database unavailable, asking WeChat to retry: %s", exc.__class__.__name__)
    return _plain(503, "try again")


@bp.get("/wechat", defaults={"slug": None})
@bp.get("/wechat/<slug>")
def verify(slug):
    site = _site(slug)
    try:
        return _plain(200, handshake(request.args, _credentials(site).token))
    except ProtocolError as exc:
        return _plain(exc.status, exc.reason)


@bp.post("/wechat", defaults={"slug": None})
@bp.post("/wechat/<slug>")
def receive(slug):
    limit = current_app.config["WEBHOOK_MAX_BYTES"]
    if (request.content_length or 0) > limit:
        return _plain(413, "body too large")
    request.max_content_length = limit
    cfg, args = current_app.config, request.args
    address_key = f"wx-ip:{request.remote_addr}"
    site = _site(slug)
    creds = _credentials(site)
    raw = request.get_data(cache=False)
    try:
        # With an AES key the account is in safe mode: a plaintext POST (whose signature
        # does not cover the body) is a downgrade, refused.
        msg, encrypted = parse_inbound(raw, args, creds.token, aes_key=creds.aes_key, appid=creds.appid,
                                       max_bytes=limit, tolerance=cfg["WECHAT_TIMESTAMP_TOLERANCE"],
                                       require_encryption=bool(creds.aes_key))
        if creds.account and msg.to_user != creds.account:
            raise ProtocolError(403, "message for another Official Account")
    except ProtocolError as exc:
        if not ratelimit.hit(current_app.redis, address_key, cfg["WEBHOOK_IP_LIMIT_PER_MINUTE"], 60):
            return _plain(429, "too many requests")
        log.info("webhook refused (%s): %s", exc.status, exc.reason)
        return _plain(exc.status, exc.reason)
    # A signed message: the replay check and both rate limits in one Redis round trip,
    # which travels while we read the sender's row (a read only: a refusal leaves nothing).
    # The nonce is claimed for this site and body: the same request replayed to another
    # site's address is a replay, not a retry.
    with _nonce_cache().begin(
            args["timestamp"], args["nonce"], args["signature"], hashlib.sha1(b"%d:" % site.id + raw).hexdigest(),
            counters=((ratelimit.redis_key(address_key), 60),
                      (ratelimit.redis_key(f"wx-openid:{site.id}:{msg.from_user}"), 60))) as pending:
        lookup = dialog.look_up(db.session, site, msg.from_user)
        check = pending.result()
    address_hits, tenant_hits = check.counts
    if (address_hits or 0) > cfg["WEBHOOK_IP_LIMIT_PER_MINUTE"]:
        return _plain(429, "too many requests")
    if check.replayed:
        log.info("webhook refused (403): replayed nonce")
        return _plain(403, "replayed nonce")
    text = answer(site, msg, lookup, throttled=(tenant_hits or 0) > cfg["WEBHOOK_OPENID_LIMIT_PER_MINUTE"])
    body = render_reply(msg, text, encrypted, creds.token, creds.aes_key, creds.appid,
                        args.get("nonce", ""), args.get("timestamp"))
    return Response(body, mimetype="application/xml" if text else "text/plain")


def answer(site: SiteValues, msg: InboundMessage, lookup: dialog.Lookup, throttled: bool = False) -> Optional[str]:
    """Store the message with our reply and everything the dialog did, in one transaction
    that the unique dedupe key guards: a retry, or a concurrent delivery on another process,
    gets the stored reply and never a second ticket. A tenant over the message rate limit
    is still recorded (staff see it) but opens nothing. `lookup` is the sender's row as
    `dialog.look_up` read it; its instant is the turn's."""
    session = db.session
    message = _message_row(site, msg, lookup.at)
    try:
        if throttled:
            message.data = {**message.data, "throttled": True}
            message.reply = dialog.throttled_reply(site)
        else:
            message.reply = dialog.handle(session, site, msg, message, lookup)
        _store(session, message)
        session.commit()
        return message.reply
    except sa.exc.OperationalError:
        raise
    except Exception as exc:
        # A retry, or a concurrent delivery that committed first, ends here on the dedupe
        # key (checked last rather than first: retries are rare, and a query on every
        # message is not); everything this delivery did is rolled back.
        session.rollback()
        stored = _stored_reply(site, msg)
        if stored is not None:
            return stored.reply
        if isinstance(exc, sa.exc.IntegrityError):
            raise
        log.exception("dialog failed for %s from site %s", msg.dedupe_key, site.slug)
    # A bug must not lose the report: keep the message for staff and say so politely.
    message = _message_row(site, msg, utcnow())
    message.reply = dialog.fallback_reply(site)
    message.data = {**message.data, "unhandled": True}
    try:
        _store(session, message)
        session.commit()
    except sa.exc.IntegrityError:
        session.rollback()
        stored = _stored_reply(site, msg)
        if stored is None:
            raise
        return stored.reply
    return message.reply


def _message_row(site: SiteValues, msg: InboundMessage, at: datetime) -> Message:
    return Message(site_id=site.id, openid=msg.from_user, direction="in", dedupe_key=msg.dedupe_key,
                   msg_type=msg.msg_type, content=_content(msg), media_id=msg.media_id, created_at=at,
                   data=_extra(msg))


def _store(session, message: Message) -> None:
    """The message with its reply goes in last, at the commit's flush, where its unique
    key decides between concurrent deliveries (a turn that needed its id earlier, a held
    photo or report, has it in the session already)."""
    session.add(message)


def _stored_reply(site: SiteValues, msg: InboundMessage) -> Optional[sa.Row]:
    """The reply we gave this message before (a row, its reply possibly empty), or None."""
    return db.session.execute(sa.select(Message.reply).where(
        Message.site_id == site.id, Message.openid == msg.from_user, Message.dedupe_key == msg.dedupe_key)).first()


def _content(msg: InboundMessage) -> Optional[str]:
    if msg.msg_type == "voice":
        return msg.recognition
    if msg.msg_type == "location":
        return msg.label
    if msg.msg_type == "link":
        return " ".join(p for p in (msg.title, msg.description, msg.url) if p)
    return msg.content if msg.msg_type == "text" else None


def _extra(msg: InboundMessage) -> dict:
    keys = ("event", "event_key", "pic_url", "format", "location_x", "location_y", "scale", "url", "status", "msg_id")
    return {k: getattr(msg, k) for k in keys if getattr(msg, k)}
