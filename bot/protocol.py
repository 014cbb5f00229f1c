"""WeChat Official Account inbound protocol: verify, decrypt, parse, reply.

Pure (no Flask, no database): the webhook calls `handshake` for GET, `parse_inbound` then
`render_reply` for POST, and answers a ProtocolError with its status. wechatpy does the AES;
what it lacks or does unsafely (timestamp window, nonce replay, size limit, constant-time
compare, authenticating before parsing) is done here.
"""
import base64
import binascii
import hashlib
import hmac
import logging
import pyexpat
import re
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import xmltodict
from redis.exceptions import RedisError
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException

log = logging.getLogger(__name__)

DEDUPE_KEY_MAX = 120  # models.messages.Message.dedupe_key is String(120)
_INT = re.compile(r"[0-9]{1,19}")
_MSG_TYPE = re.compile(r"[a-z0-9_]{1,20}")  # also bounds what reaches String(20)/(64) columns
_DTD = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# Pulls the Encrypt value out of the raw bytes so msg_signature is checked before any XML
# parsing; the parsed value must later be the same, so a decoy in a comment cannot win.
_ENCRYPT = re.compile(
    rb"<Encrypt>\s*+(?:<!\[CDATA\[([A-Za-z0-9+/=]*+)\]\]>|([A-Za-z0-9+/=]*+))\s*+</Encrypt>")  # possessive: linear
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# InboundMessage attribute -> WeChat element(s), first present wins. The LOCATION event
# reports Latitude/Longitude where the location message has Location_X/Location_Y.
_FIELDS = {
    "event_key": ("EventKey",), "msg_id": ("MsgId", "MsgID"), "content": ("Content",),
    "recognition": ("Recognition",), "media_id": ("MediaId",), "pic_url": ("PicUrl",),
    "format": ("Format",), "location_x": ("Location_X", "Latitude"),
    "location_y": ("Location_Y", "Longitude"), "scale": ("Scale",), "label": ("Label",),
    "title": ("Title",), "description": ("Description",), "url": ("Url",),
    "status": ("Status",),
}


class ProtocolError(Exception):
    """A request WeChat's servers would never send; `reason` is short and safe to log."""

    def __init__(self, status: int, reason: str):
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason


def verify_signature(token, signature, timestamp, nonce, encrypt=None) -> bool:
    """sha1 of the sorted concatenation; with `encrypt` it is the msg_signature."""
    parts = [token, timestamp, nonce] + ([] if encrypt is None else [encrypt])
    if not all(isinstance(p, str) and p and p.isascii() for p in [*parts, signature]):
        return False  # compare_digest raises on non-ASCII str; a bad input is just "no"
    expected = hashlib.sha1("".join(sorted(parts)).encode("ascii")).hexdigest()
    return hmac.compare_digest(expected, signature)


def check_timestamp(timestamp, tolerance_seconds, now=None) -> None:
    """403 unless `timestamp` is decimal seconds within ±tolerance of now.

    The format is always checked; tolerance 0 only turns the window off (the official test
    vectors date from 2014).
    """
    if not isinstance(timestamp, str) or not _INT.fullmatch(timestamp):
        raise ProtocolError(403, "malformed timestamp")
    if tolerance_seconds and tolerance_seconds > 0:
        now = time.time() if now is None else now
        if abs(int(timestamp) - now) > tolerance_seconds:
            raise ProtocolError(403, "timestamp outside the allowed window")


# One round trip: claim the nonce (an empty fingerprint: any reuse is a replay; otherwise
# only reuse for a different body), then count the rate-limit keys as ratelimit.hit does;
# a replay counts on the first key only (the sender's address, not the tenant).
_CHECK = """
local fresh = redis.call('SET', KEYS[1], ARGV[1] == '' and '1' or ARGV[1], 'NX', 'EX', ARGV[2])
local replayed = 0
if not fresh then
  if ARGV[1] == '' then replayed = 1 else
    local stored = redis.call('GET', KEYS[1])
    if stored and stored ~= ARGV[1] then replayed = 1 end
  end
end
local result = {replayed}
for i = 2, #KEYS do
  if replayed == 1 and i > 2 then break end
  redis.call('SET', KEYS[i], 0, 'EX', ARGV[i + 1], 'NX')
  result[i] = redis.call('INCR', KEYS[i])
end
return result
"""


@dataclass(frozen=True)
class NonceCheck:
    replayed: bool
    counts: tuple  # one per counter asked for; None where not counted


class NonceCache:
    """Remembers (timestamp, nonce, signature) in Redis for `ttl_seconds`.

    Use a ttl of at least twice the timestamp tolerance. When Redis fails, the cache is
    skipped for `cooldown` seconds: redis-py 8 retries a refused connection ten times by
    default (about 4 s per command), which would spend WeChat's whole 5 s budget on every
    request during an outage. Give the connection short socket timeouts as well.
    """

    warn_interval = 60.0
    cooldown = 30.0

    def __init__(self, redis_conn, ttl_seconds: int, prefix: str = "wx:nonce:"):
        if int(ttl_seconds) < 1:
            raise ValueError("ttl_seconds must be at least 1")
        self.redis = redis_conn
        self.ttl = int(ttl_seconds)
        self.prefix = prefix
        self._last_warning: float | None = None
        self._down_until = 0.0

    def seen_before(self, timestamp, nonce, signature, fingerprint=None) -> bool:
        """True when this triple was already used (for a different body, if `fingerprint`).

        With a fingerprint (a digest of the body) an identical resend is not a replay: WeChat
        may retry a request unchanged and the message dedupe answers it; only a new body under
        a used nonce, which a plaintext-mode signature would not detect, is refused.
        """
        return self.check(timestamp, nonce, signature, fingerprint).replayed

    def check(self, timestamp, nonce, signature, fingerprint=None,
              counters: tuple[tuple[str, int], ...] = ()) -> NonceCheck:
        """`seen_before`, and in the same round trip one hit on each (redis key, window)
        rate-limit counter (see `ratelimit`); a replay counts on the first counter only.
        Redis away: not a replay, and no counts (the limits fail open)."""
        with self.begin(timestamp, nonce, signature, fingerprint, counters) as pending:
            return pending.result()

    def begin(self, timestamp, nonce, signature, fingerprint=None,
              counters: tuple[tuple[str, int], ...] = ()) -> "PendingCheck":
        """`check`, sent now and read later: the caller does other work (the webhook reads
        the tenant's row) while Redis answers. Use it as a context manager, so the
        connection goes back to the pool however the work in between ends."""
        if self.redis is None or time.monotonic() < self._down_until:
            return PendingCheck(self, None, len(counters))
        keys = [f"{self.prefix}{timestamp}:{nonce}:{signature}"] + [key for key, _ in counters]
        pool = self.redis.connection_pool
        conn = None
        try:
            conn = pool.get_connection()
            conn.send_command("EVAL", _CHECK, len(keys), *keys, fingerprint or "", self.ttl,
                              *(window for _, window in counters))
        except (RedisError, OSError) as exc:
            if conn is not None:
                conn.disconnect()
                pool.release(conn)
            self._warn(exc)  # degrade to the timestamp window and the dedupe key
            return PendingCheck(self, None, len(counters))
        return PendingCheck(self, conn, len(counters))

    def _warn(self, exc: Exception) -> None:
        now = time.monotonic()
        self._down_until = now + self.cooldown
        if self._last_warning is None or now - self._last_warning >= self.warn_interval:
            self._last_warning = now
            log.warning("nonce cache unavailable, replay check off for %.0f s: %r",
                        self.cooldown, exc)


class PendingCheck:
    """A nonce check on its way to Redis (see NonceCache.begin). `result()` waits for the
    answer; leaving the `with` block without reading it drops the connection rather than
    return it to the pool with an unread reply in it."""

    def __init__(self, cache: NonceCache, conn, n_counters: int):
        self._cache, self._conn, self._n = cache, conn, n_counters
        self._result: NonceCheck | None = None if conn is not None else NonceCheck(False, (None,) * n_counters)

    def result(self) -> NonceCheck:
        if self._result is None:
            conn, self._conn = self._conn, None
            try:
                replayed, *counts = conn.read_response()
            except (RedisError, OSError, ValueError) as exc:
                conn.disconnect()
                self._cache._warn(exc)  # noqa: SLF001 - the cache's own cooldown
                self._result = NonceCheck(False, (None,) * self._n)
            else:
                counts = [int(c) if c else None for c in counts] + [None] * (self._n - len(counts))
                self._result = NonceCheck(bool(replayed), tuple(counts))
            finally:
                self._cache.redis.connection_pool.release(conn)
        return self._result

    def __enter__(self) -> "PendingCheck":
        return self

    def __exit__(self, *exc) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:  # never read: the reply would poison the next command
            conn.disconnect()
            self._cache.redis.connection_pool.release(conn)


@dataclass(frozen=True, kw_only=True)
class InboundMessage:
    """One message or event; elements absent from the XML (or empty) are None."""

    msg_type: str
    event: str | None = None
    event_key: str | None = None
    from_user: str
    to_user: str
    create_time: int
    msg_id: str | None = None
    content: str | None = None
    recognition: str | None = None
    media_id: str | None = None
    pic_url: str | None = None
    format: str | None = None
    location_x: str | None = None
    location_y: str | None = None
    scale: str | None = None
    label: str | None = None
    title: str | None = None
    description: str | None = None
    url: str | None = None
    status: str | None = None
    raw: str = field(default="", repr=False)

    @property
    def dedupe_key(self) -> str:
        """Same for WeChat's retries of one message or event, different otherwise, within
        one sender: store it with the openid (messages are unique on site, openid, key).

        TEMPLATESENDJOBFINISH has no EventKey but a MsgID, so two in one second differ. A
        long key (a VIEW event's URL) is cut and hashed to fit the 120-character column.
        """
        if self.msg_type == "event":
            key = f"evt:{self.create_time}:{self.event}:{self.event_key or ''}"
            key = f"{key}:{self.msg_id}" if self.msg_id else key
        else:
            key = f"msg:{self.msg_id}" if self.msg_id else \
                f"msg:{self.create_time}:{self.msg_type}"
        if len(key) <= DEDUPE_KEY_MAX:
            return key
        digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()
        return f"{key[:DEDUPE_KEY_MAX - 41]}#{digest}"


class _NoDtdExpat:
    """Stands in for pyexpat in xmltodict: any DOCTYPE or external entity aborts the parse,
    so expat never expands or fetches anything (xmltodict itself only refuses ENTITY)."""

    @staticmethod
    def ParserCreate(*args, **kwargs):
        parser = pyexpat.ParserCreate(*args, **kwargs)
        parser.StartDoctypeDeclHandler = parser.ExternalEntityRefHandler = _NoDtdExpat.refuse
        return parser

    @staticmethod
    def refuse(*_args):
        raise ValueError("DTDs are not accepted")


def _parse_xml(text: str) -> dict:
    if _DTD.search(text):
        raise ProtocolError(400, "DOCTYPE or ENTITY in body")
    try:
        doc = xmltodict.parse(text, expat=_NoDtdExpat, disable_entities=True,
                              xml_attribs=False)
    except (pyexpat.ExpatError, ValueError) as exc:
        raise ProtocolError(400, "malformed XML") from exc
    root = doc.get("xml") if isinstance(doc, dict) else None
    if not isinstance(root, dict):
        raise ProtocolError(400, "root must be an <xml> element with children")
    return root


def _text(doc: dict, *names: str) -> str | None:
    for name in names:
        if name in doc:
            value = doc[name]
            if value is None or isinstance(value, str):
                return value
            # a repeated tag becomes a list and a nested one a dict: never WeChat's shape
            raise ProtocolError(400, f"{name} is not a single text value")
    return None


def _arg(args: Mapping, name: str) -> str | None:
    value = args.get(name)
    return value if isinstance(value, str) and value else None


def _aes_key(aes_key: str) -> bytes:
    # Checked here, not by wechatpy's `assert`, which `python -O` removes. A bad key is a
    # configuration error, so it is a ValueError, not the client's 4xx.
    try:
        key = base64.b64decode(aes_key + "=", validate=True)
    except (binascii.Error, TypeError) as exc:
        raise ValueError("EncodingAESKey is not base64") from exc
    if len(key) != 32:
        raise ValueError("EncodingAESKey must be 43 characters")
    return key


def _decrypt(encrypt: str, aes_key: str, appid: str) -> str:
    key = _aes_key(aes_key)
    try:
        data = base64.b64decode(encrypt, validate=True)
    except binascii.Error as exc:
        raise ProtocolError(400, "Encrypt is not base64") from exc
    if len(data) < 32 or len(data) % 16:
        raise ProtocolError(400, "Encrypt has a wrong length")
    try:
        return PrpCrypto(key).decrypt(encrypt, appid)
    except InvalidAppIdException as exc:
        raise ProtocolError(400, "message is for another AppID") from exc
    except (ValueError, IndexError, struct.error) as exc:  # incl. UnicodeDecodeError
        raise ProtocolError(400, "Encrypt does not decrypt") from exc


def _message(doc: dict, raw: str) -> InboundMessage:
    msg_type, from_user, to_user, create_time = (
        _text(doc, name) for name in ("MsgType", "FromUserName", "ToUserName", "CreateTime"))
    if not (msg_type and from_user and to_user and create_time):
        raise ProtocolError(400, "missing MsgType, FromUserName, ToUserName or CreateTime")
    if not _INT.fullmatch(create_time):
        raise ProtocolError(400, "CreateTime is not an integer")
    msg_type = msg_type.lower()
    if not _MSG_TYPE.fullmatch(msg_type) or len(from_user) > 64 or len(to_user) > 64:
        raise ProtocolError(400, "MsgType, FromUserName or ToUserName out of range")
    event = _text(doc, "Event") if msg_type == "event" else None
    if msg_type == "event" and not event:
        raise ProtocolError(400, "event without Event")
    fields = {attr: _text(doc, *names) for attr, names in _FIELDS.items()}
    return InboundMessage(msg_type=msg_type, event=event.lower() if event else None,
                          from_user=from_user, to_user=to_user,
                          create_time=int(create_time), raw=raw, **fields)


def parse_inbound(body: bytes, args: Mapping[str, str], token: str, aes_key=None,
                  appid=None, max_bytes: int = 64 * 1024, tolerance: int = 300,
                  nonce_cache: NonceCache | None = None,
                  now: float | None = None, require_encryption: bool = False) -> tuple[InboundMessage, bool]:
    """Check and parse one POST; the bool says it was encrypted (so must the reply be).
    Cheap checks first, the body authenticated before it is parsed; for anything the
    request controls only ProtocolError leaves (a malformed configured key is a ValueError).
    """
    if not isinstance(body, (bytes, bytearray)):
        raise ProtocolError(400, "body is not bytes")
    if len(body) > max_bytes:
        raise ProtocolError(413, "body too large")
    body = bytes(body)
    signature, timestamp, nonce = (_arg(args, k) for k in ("signature", "timestamp", "nonce"))
    msg_signature = _arg(args, "msg_signature")
    encrypt_type = (_arg(args, "encrypt_type") or "raw").lower()
    if encrypt_type not in ("raw", "aes"):
        raise ProtocolError(400, "unknown encrypt_type")
    encrypted = encrypt_type == "aes"
    if require_encryption and not encrypted:
        raise ProtocolError(403, "plaintext request to an account in safe mode")
    if not (signature and timestamp and nonce) or (encrypted and not msg_signature):
        # Unsigned is a signature failure: 403, like a wrong signature.
        raise ProtocolError(403, "missing signature, timestamp, nonce or msg_signature")
    check_timestamp(timestamp, tolerance, now)
    if not verify_signature(token, signature, timestamp, nonce):
        raise ProtocolError(403, "bad signature")
    encrypt = None
    if encrypted:
        if not aes_key or not appid:
            raise ProtocolError(400, "encrypted request but encryption is not configured")
        # the last one: compat mode puts Encrypt after the user's own Content
        match = next(reversed(list(_ENCRYPT.finditer(body))), None)
        if match is None:
            raise ProtocolError(400, "no Encrypt element")
        encrypt = (match.group(1) or match.group(2) or b"").decode("ascii")
        if not verify_signature(token, msg_signature, timestamp, nonce, encrypt):
            raise ProtocolError(403, "bad msg_signature")
    if nonce_cache is not None and nonce_cache.seen_before(
            timestamp, nonce, signature, hashlib.sha1(body).hexdigest()):
        raise ProtocolError(403, "replayed nonce")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, "body is not UTF-8") from exc
    outer = _parse_xml(text)
    if not encrypted:
        return _message(outer, text), False
    if _text(outer, "Encrypt") != encrypt:
        raise ProtocolError(400, "ambiguous Encrypt element")
    raw = _decrypt(encrypt, aes_key, appid)
    return _message(_parse_xml(raw), raw), True


def _cdata(value: str) -> str:
    value = _XML_INVALID.sub("", value)
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def render_reply(msg: InboundMessage, text: str | None, encrypted: bool, token: str,
                 aes_key, appid, nonce, timestamp) -> bytes:
    """A passive text reply, or b"success" (WeChat then does nothing and does not retry).

    CreateTime is `timestamp` (the request's, or msg.create_time when None), never the
    clock, so a retry re-rendered from the stored text is the same XML.
    """
    if not text:  # an empty Content would be shown as an error to the user
        return b"success"
    create_time = int(timestamp) if timestamp is not None else msg.create_time
    xml = (f"<xml><ToUserName>{_cdata(msg.from_user)}</ToUserName>"
           f"<FromUserName>{_cdata(msg.to_user)}</FromUserName>"
           f"<CreateTime>{create_time}</CreateTime>"
           f"<MsgType><![CDATA[text]]></MsgType>"
           f"<Content>{_cdata(text)}</Content></xml>")
    if not encrypted:
        return xml.encode("utf-8")
    if not nonce:
        raise ValueError("an encrypted reply needs the request nonce")
    _aes_key(aes_key)
    crypto = WeChatCrypto(token, aes_key, appid)
    return crypto.encrypt_message(xml, nonce, str(create_time)).encode("utf-8")


def handshake(args: Mapping[str, str], token: str) -> str:
    """GET URL verification: echostr back, as received, when the signature is right."""
    if not verify_signature(token, _arg(args, "signature"), _arg(args, "timestamp"),
                            _arg(args, "nonce")):
        raise ProtocolError(403, "bad signature")
    echostr = _arg(args, "echostr")
    if echostr is None:
        raise ProtocolError(400, "missing echostr")
    return echostr
