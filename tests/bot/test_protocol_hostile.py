"""bot.protocol on hostile and broken input: every refusal is a ProtocolError with a 4xx
status, checked in the order that keeps the cheap checks first (and a property test that
nothing else escapes)."""
import base64

import pytest
import xmltodict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wechatpy.crypto import PrpCrypto

from bot import protocol
from bot.protocol import (
    InboundMessage,
    ProtocolError,
    check_timestamp,
)
from fakewechat import signing as ws
from tests.bot.protocol_requests import (
    ACCOUNT,
    AES_KEY,
    APPID,
    NOW,
    TOKEN,
    USER,
    parse,
    signed,
    status_of,
    text_xml,
)

# --- hostile and broken input -----------------------------------------------------------

def test_oversized_body_is_413_before_anything_else():
    assert status_of(b"<xml>" + b"a" * 70_000 + b"</xml>", {}) == 413
    args, body = signed(text_xml("长" * 30_000))
    assert status_of(body, args) == 413
    assert parse(body, args, max_bytes=len(body))[0].content == "长" * 30_000


@pytest.mark.parametrize("drop", ["signature", "timestamp", "nonce", "msg_signature"])
def test_missing_query_args_are_403(drop):
    args, body = signed(text_xml(), "safe")
    assert status_of(body, {k: v for k, v in args.items() if k != drop}) == 403


def test_unsigned_is_403_and_unknown_encrypt_type_is_400():
    args, body = signed(text_xml())
    assert status_of(body, {}) == 403
    assert status_of(body, {**args, "encrypt_type": "des"}) == 400
    assert status_of(body, {**args, "signature": ""}) == 403


def test_wrong_signature_is_403():
    args, body = signed(text_xml(), token="other-token")
    assert status_of(body, args) == 403
    args, body = signed(text_xml(), "safe")
    assert status_of(body, {**args, "signature": "0" * 40}) == 403
    assert status_of(body, {**args, "signature": "签名"}) == 403


def test_wrong_msg_signature_is_403():
    args, body = signed(text_xml(), "safe")
    assert status_of(body, {**args, "msg_signature": args["signature"]}) == 403
    # a body swapped under valid query args: plain signature fine, msg_signature not
    _, other_body = signed(text_xml("改过的"), "safe")
    assert status_of(other_body, args) == 403


@pytest.mark.parametrize("offset", [-301, 301, -10**6])
def test_stale_and_future_timestamps_are_403(offset):
    args, body = signed(text_xml(), timestamp=NOW + offset)
    assert status_of(body, args) == 403
    assert parse(body, args, tolerance=0)[0].content == "水管漏水"


def test_timestamp_window_edges_and_format():
    check_timestamp(str(NOW + 300), 300, now=NOW)
    check_timestamp(str(NOW - 300), 300, now=NOW)
    check_timestamp("1409735669", 0, now=NOW)
    for bad in ["", "12a", "-5", " 1700000000", "١٧٠٠٠٠٠٠٠٠", "1.5", None, 1700000000]:
        with pytest.raises(ProtocolError) as caught:
            check_timestamp(bad, 300, now=NOW)
        assert caught.value.status == 403
    args, body = signed(text_xml(), timestamp="1e9")
    assert status_of(body, args) == 403


def test_stale_beats_bad_signature_in_the_order():
    args, body = signed(text_xml(), token="x", timestamp=NOW - 1000)
    with pytest.raises(ProtocolError) as caught:
        parse(body, args)
    assert "timestamp" in caught.value.reason


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xml><ToUserName>g</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>
<MsgType>text</MsgType><Content>&lol3;</Content><MsgId>1</MsgId></xml>"""
EXTERNAL = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><ToUserName>g</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>
<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>"""
EXTERNAL_DTD = """<?xml version="1.0"?><!DOCTYPE xml SYSTEM "http://127.0.0.1:1/x.dtd">
<xml><ToUserName>g</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>
<MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL, EXTERNAL_DTD,
                                 BILLION_LAUGHS.replace("DOCTYPE", "doctype")])
@pytest.mark.parametrize("mode", ["plain", "safe"])
def test_dtds_and_entities_are_400(xml, mode):
    args, body = signed(xml, mode)
    assert status_of(body, args) == 400


def test_utf16_body_cannot_smuggle_a_doctype():
    args, body = signed(BILLION_LAUGHS)
    assert status_of(BILLION_LAUGHS.encode("utf-16"), args) == 400


def test_expat_refuses_dtds_even_past_the_string_check():
    doc = "<!DOCTYPE xml [<!ELEMENT xml ANY>]><xml><a>1</a></xml>"
    with pytest.raises(ValueError):
        xmltodict.parse(doc, expat=protocol._NoDtdExpat)
    with pytest.raises(ValueError):
        xmltodict.parse(EXTERNAL_DTD, expat=protocol._NoDtdExpat)


FULL = text_xml()
MALFORMED = {
    "truncated": FULL[: len(FULL) // 2],
    "empty": "",
    "not-xml": "hello",
    "other-root": FULL.replace("<xml>", "<root>").replace("</xml>", "</root>"),
    "text-root": "<xml>just text</xml>",
    "empty-root": "<xml/>",
    "no-msgtype": FULL.replace("<MsgType><![CDATA[text]]></MsgType>", ""),
    "no-from": FULL.replace(f"<FromUserName><![CDATA[{USER}]]></FromUserName>", ""),
    "no-to": FULL.replace(f"<ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>", ""),
    "no-createtime": FULL.replace(f"<CreateTime>{NOW}</CreateTime>", ""),
    "empty-from": FULL.replace(f"<![CDATA[{USER}]]>", "<![CDATA[]]>"),
    "duplicate-msgtype": FULL.replace("</xml>", "<MsgType>image</MsgType></xml>"),
    "duplicate-content": FULL.replace("</xml>", "<Content>again</Content></xml>"),
    "nested-from": FULL.replace(f"<![CDATA[{USER}]]>", "<a>x</a>"),
    "word-createtime": FULL.replace(f"<CreateTime>{NOW}", "<CreateTime>yesterday"),
    "float-createtime": FULL.replace(f"<CreateTime>{NOW}", f"<CreateTime>{NOW}.5"),
    "event-without-event": ws.build_event(USER, ACCOUNT, "CLICK", "K", NOW).replace(
        "<Event><![CDATA[CLICK]]></Event>", ""),
    "long-msgtype": FULL.replace("[text]", "[averyveryverylongmessagetype]"),
    "odd-msgtype": FULL.replace("[text]", "[te xt]"),
    "long-openid": FULL.replace(USER, "o" * 65),
    "duplicate-event": ws.build_event(USER, ACCOUNT, "CLICK", "K", NOW).replace(
        "</xml>", "<Event>VIEW</Event></xml>"),
}


@pytest.mark.parametrize("mode", ["plain", "safe"])
@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_messages_are_400(case, mode):
    args, body = signed(MALFORMED[case], mode)
    assert status_of(body, args) == 400


@pytest.mark.parametrize("junk", [b"\x00\xff\xfe garbage", bytes(range(256)),
                                  b"\xe6\xb0\xb4\xe7", "<xml>水</xml>".encode("gbk")])
def test_random_and_undecodable_bytes_are_400(junk):
    args, _ = signed(text_xml())
    assert status_of(junk, args) == 400


def _encrypted_envelope(encrypt, args=None):
    args = dict(args or signed(text_xml(), "safe")[0])
    args["msg_signature"] = ws._sign(TOKEN, args["timestamp"], args["nonce"], encrypt)
    body = f"<xml><ToUserName>{ACCOUNT}</ToUserName><Encrypt>{encrypt}</Encrypt></xml>"
    return body.encode(), args


def test_wrong_appid_in_ciphertext_is_400():
    args, body = signed(text_xml(), "safe", appid="wxSOMEONEELSE00000")
    assert status_of(body, args) == 400
    assert parse(body, args, appid="wxSOMEONEELSE00000")[0].content == "水管漏水"


@pytest.mark.parametrize("encrypt", [
    "not*base64!", "abc", "QUJD", "A" * 43 + "=", "QUJDRA==" * 3,
    "AAAAAAAAAAAAAAAAAAAAAA==",  # 16 bytes: one AES block, too short for a message
    "A" * 64, "A" * 128,  # decrypts to noise
])
def test_bad_ciphertext_is_400(encrypt):
    assert status_of(*_encrypted_envelope(encrypt)) == 400


def test_ciphertext_of_garbage_plaintext_is_400():
    key = protocol._aes_key(AES_KEY)
    for plaintext in ["", "not xml", "<xml><MsgType>text</MsgType></xml>", BILLION_LAUGHS]:
        encrypt = PrpCrypto(key).encrypt(plaintext, APPID).decode()
        assert status_of(*_encrypted_envelope(encrypt)) == 400


def test_encrypt_element_problems_are_400():
    args, body = signed(text_xml(), "safe")
    assert status_of(body, {k: v for k, v in args.items() if k != "encrypt_type"}) == 400
    encrypt = xmltodict.parse(body)["xml"]["Encrypt"]
    no_encrypt = f"<xml><ToUserName>{ACCOUNT}</ToUserName></xml>".encode()
    assert status_of(no_encrypt, args) == 400
    twice = body.replace(b"</xml>", f"<Encrypt>{encrypt}</Encrypt></xml>".encode())
    assert status_of(twice, args) == 400
    # a signed Encrypt hidden in a comment must not stand in for the real one
    decoy = (f"<xml><Encrypt>QUJD</Encrypt><!--<Encrypt>{encrypt}</Encrypt>--></xml>")
    assert status_of(decoy.encode(), args) == 400


def test_compat_mode_user_text_that_looks_like_encrypt_is_fine():
    xml = text_xml("<Encrypt>QUJD</Encrypt>")
    args, body = signed(xml, "compat")
    assert parse(body, args)[0].content == "<Encrypt>QUJD</Encrypt>"


def test_encrypted_request_without_configured_key_is_400():
    args, body = signed(text_xml(), "safe")
    assert status_of(body, args, aes_key=None) == 400
    assert status_of(body, args, appid=None) == 400


def test_non_bytes_body_is_400():
    args, body = signed(text_xml())
    assert status_of(body.decode(), args) == 400
    assert status_of(None, args) == 400


# --- property: nothing but ProtocolError escapes ----------------------------------------

ARG_NAMES = st.sampled_from(["signature", "timestamp", "nonce", "msg_signature",
                             "encrypt_type", "openid", "echostr"])
ARG_VALUES = st.one_of(st.text(max_size=50), st.sampled_from(["aes", "raw", str(NOW), ""]),
                       st.from_regex(r"[0-9a-f]{40}", fullmatch=True))
XML_BITS = st.sampled_from(["<xml>", "</xml>", "<MsgType>", "</MsgType>", "text", "event",
                            "<Event>", "</Event>", "<![CDATA[", "]]>", "<CreateTime>",
                            "</CreateTime>", str(NOW), "<FromUserName>u</FromUserName>",
                            "<ToUserName>g</ToUserName>", "<Encrypt>", "</Encrypt>",
                            "<!DOCTYPE x>", "&amp;", "&lol;", "<MsgId>1</MsgId>", "<", ">"])
XMLISH = st.lists(st.one_of(XML_BITS, st.text(max_size=8)), max_size=30).map("".join)
PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _only_protocol_errors(body, args, **kwargs):
    try:
        msg, encrypted = parse(body, args, **kwargs)
    except ProtocolError as exc:
        assert 400 <= exc.status < 500 and isinstance(exc.reason, str)
    else:
        assert isinstance(msg, InboundMessage) and isinstance(msg.create_time, int)
        assert isinstance(msg.dedupe_key, str)


@PROPERTY
@given(body=st.one_of(st.binary(max_size=300), XMLISH.map(str.encode)),
       args=st.dictionaries(ARG_NAMES, ARG_VALUES))
def test_random_bodies_and_args_raise_only_protocol_error(body, args):
    _only_protocol_errors(body, args)
    _only_protocol_errors(body, args, tolerance=0)


@PROPERTY
@given(body=st.one_of(XMLISH, st.text(max_size=200)), mode=st.sampled_from(["plain", "compat"]))
def test_validly_signed_random_bodies_raise_only_protocol_error(body, mode):
    if mode == "compat" and "</xml>" not in body:
        body += "</xml>"
    args, raw = signed(body, mode)
    _only_protocol_errors(raw, args)


@PROPERTY
@given(plaintext=st.one_of(XMLISH, st.text(max_size=100)),
       encrypt=st.one_of(st.from_regex(r"[A-Za-z0-9+/]{0,120}={0,2}", fullmatch=True),
                         st.binary(min_size=16, max_size=96).map(
                             lambda b: base64.b64encode(b).decode())))
def test_validly_signed_random_ciphertext_raises_only_protocol_error(plaintext, encrypt):
    _only_protocol_errors(*_encrypted_envelope(encrypt))
    key = protocol._aes_key(AES_KEY)
    real = PrpCrypto(key).encrypt(plaintext, APPID).decode()
    _only_protocol_errors(*_encrypted_envelope(real))
