"""WeChat Official Account inbound protocol: verify, decrypt, parse, reply.

Pure (no Flask, no database): the webhook calls `handshake` for GET, `parse_inbound` then
`render_reply` for POST, and answers a ProtocolError with its status. wechatpy does the AES;
what it lacks or does unsafely (timestamp window, nonce replay, size limit, constant-time
compare, authenticating before parsing) is done here; the nonce cache that remembers
used nonces in Redis is bot.nonce_cache.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import pyexpat
import re
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import xmltodict
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException

if TYPE_CHECKING:
    from bot.nonce_cache import NonceCache

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
