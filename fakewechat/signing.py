"""Build inbound requests exactly as WeChat's servers do, and read replies back.

For tests, the tenant simulator and benchmarks. Deliberately independent of
bot.protocol: signatures come from wechatpy's WeChatSigner and ciphertext from its
PrpCrypto, so a mistake in the protocol layer cannot hide behind the same mistake here.
"""
import re
import secrets
import time

import xmltodict
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.utils import WeChatSigner

# WeChat writes numbers bare and strings in CDATA.
_BARE = {"CreateTime", "MsgId", "MsgID", "Location_X", "Location_Y", "Scale",
         "Latitude", "Longitude", "Precision"}


def _node(name: str, value) -> str:
    if name in _BARE or isinstance(value, (int, float)):
        return f"<{name}>{value}</{name}>"
    value = str(value).replace("]]>", "]]]]><![CDATA[>")
    return f"<{name}><![CDATA[{value}]]></{name}>"


def _build(from_user, to_user, msg_type, create_time, *fields) -> str:
    nodes = [("ToUserName", to_user), ("FromUserName", from_user),
             ("CreateTime", int(create_time if create_time is not None else time.time())),
             ("MsgType", msg_type), *fields]
    return "<xml>" + "".join(_node(n, v) for n, v in nodes if v is not None) + "</xml>"


def build_text(from_user, to_user, content, msg_id, create_time=None) -> str:
    return _build(from_user, to_user, "text", create_time,
                  ("Content", content), ("MsgId", msg_id))


def build_event(from_user, to_user, event, event_key=None, create_time=None,
                extra=None) -> str:
    """`event` as WeChat spells it (subscribe, SCAN, LOCATION, CLICK, VIEW,
    TEMPLATESENDJOBFINISH...); `extra` adds elements such as Ticket, Latitude, MsgID, Status."""
    return _build(from_user, to_user, "event", create_time, ("Event", event),
                  ("EventKey", event_key), *(extra or {}).items())


def build_image(from_user, to_user, pic_url, media_id, msg_id, create_time=None) -> str:
    return _build(from_user, to_user, "image", create_time, ("PicUrl", pic_url),
                  ("MediaId", media_id), ("MsgId", msg_id))


def build_voice(from_user, to_user, media_id, msg_id, recognition=None, format="amr",
                create_time=None) -> str:
    """`recognition` is WeChat's speech-to-text; "" sends the empty element it sometimes
    sends, None leaves the element out (speech recognition switched off)."""
    return _build(from_user, to_user, "voice", create_time, ("MediaId", media_id),
                  ("Format", format), ("Recognition", recognition), ("MsgId", msg_id))


def build_video(from_user, to_user, media_id, thumb_media_id, msg_id, short=False,
                create_time=None) -> str:
    return _build(from_user, to_user, "shortvideo" if short else "video", create_time,
                  ("MediaId", media_id), ("ThumbMediaId", thumb_media_id), ("MsgId", msg_id))


def build_location(from_user, to_user, location_x, location_y, scale, label, msg_id,
                   create_time=None) -> str:
    return _build(from_user, to_user, "location", create_time, ("Location_X", location_x),
                  ("Location_Y", location_y), ("Scale", scale), ("Label", label),
                  ("MsgId", msg_id))


def build_link(from_user, to_user, title, description, url, msg_id,
               create_time=None) -> str:
    return _build(from_user, to_user, "link", create_time, ("Title", title),
                  ("Description", description), ("Url", url), ("MsgId", msg_id))


def _sign(*parts) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


def _element(xml: str, name: str) -> str | None:
    match = re.search(rf"<{name}><!\[CDATA\[(.*?)\]\]></{name}>", xml, re.S)
    return match.group(1) if match else None


def sign_request(xml: str, token: str, aes_key=None, appid=None, timestamp=None,
                 nonce=None, mode=None) -> tuple[dict, bytes]:
    """Query args and body of WeChat's POST for `xml`.

    mode: "plain" (default without aes_key), "safe" (default with it: ToUserName and
    Encrypt only) or "compat" (the plaintext fields plus Encrypt).
    """
    mode = mode or ("safe" if aes_key else "plain")
    if mode not in ("plain", "safe", "compat"):
        raise ValueError(f"unknown mode {mode!r}")
    timestamp = str(timestamp if timestamp is not None else int(time.time()))
    nonce = str(nonce if nonce is not None else 1_000_000_000 + secrets.randbelow(9 * 10**9))
    args = {"signature": _sign(token, timestamp, nonce), "timestamp": timestamp,
            "nonce": nonce}
    openid = _element(xml, "FromUserName")
    if openid:
        args["openid"] = openid  # WeChat adds it; the protocol layer need not trust it
    if mode == "plain":
        return args, xml.encode("utf-8")
    if not (aes_key and appid):
        raise ValueError(f"mode {mode!r} needs aes_key and appid")
    key = WeChatCrypto(token, aes_key, appid).key
    encrypt = PrpCrypto(key).encrypt(xml, appid).decode("ascii")
    args["encrypt_type"] = "aes"
    args["msg_signature"] = _sign(token, timestamp, nonce, encrypt)
    if mode == "safe":
        body = ("<xml>\n    <ToUserName><![CDATA[{}]]></ToUserName>\n"
                "    <Encrypt><![CDATA[{}]]></Encrypt>\n</xml>").format(
                    _element(xml, "ToUserName") or "", encrypt)
    else:
        end = xml.rindex("</xml>")
        body = f"{xml[:end]}<Encrypt><![CDATA[{encrypt}]]></Encrypt>{xml[end:]}"
    return args, body.encode("utf-8")


def decode_reply(body: bytes, token: str, aes_key=None, appid=None) -> dict:
    """The reply's fields; {} for "success" or an empty body.

    An encrypted reply is opened with wechatpy's own decrypt_message, which checks its
    MsgSignature, as any consumer of the standard envelope would.
    """
    text = body.decode("utf-8")
    if text in ("", "success"):
        return {}
    doc = xmltodict.parse(text)["xml"]
    if "Encrypt" in doc:
        if not (aes_key and appid):
            raise ValueError("encrypted reply but no aes_key/appid given")
        crypto = WeChatCrypto(token, aes_key, appid)
        inner = crypto.decrypt_message(doc, doc["MsgSignature"], doc["TimeStamp"],
                                       doc["Nonce"])
        doc = xmltodict.parse(inner)["xml"]
    return dict(doc)
