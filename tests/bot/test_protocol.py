"""bot.protocol against the official vectors, requests built by fakewechat.signing, and
its replies. Hostile input: test_protocol_hostile.py; the nonce cache: test_nonce_cache.py."""

import pytest
import xmltodict
from wechatpy.crypto import PrpCrypto, WeChatCrypto

from bot import protocol
from bot.protocol import (
    InboundMessage,
    ProtocolError,
    handshake,
    render_reply,
    verify_signature,
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

VECTOR_A_ENCRYPT = (
    "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6"
    "F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T33"
    "2jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCg"
    "avjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6Oewp"
    "usjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=")
VECTOR_A_ARGS = {"signature": "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a",
                 "timestamp": "1409735669", "nonce": "1320562132",
                 "msg_signature": "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
                 "encrypt_type": "aes", "openid": USER}
VECTOR_A_BODY = (f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
                 f"<Encrypt><![CDATA[{VECTOR_A_ENCRYPT}]]></Encrypt></xml>").encode()




# --- official vectors -------------------------------------------------------------------

def test_vector_a_decrypts_to_documented_message():
    msg, encrypted = parse(VECTOR_A_BODY, VECTOR_A_ARGS, tolerance=0)
    assert encrypted is True
    assert (msg.msg_type, msg.from_user, msg.to_user) == ("text", USER, ACCOUNT)
    assert (msg.create_time, msg.content, msg.msg_id) == (1409735668, "abcdteT",
                                                          "6054768590064713728")
    assert msg.event is None and "<Content><![CDATA[abcdteT]]></Content>" in msg.raw
    assert msg.dedupe_key == "msg:6054768590064713728"


def test_vector_a_is_stale_with_the_default_window():
    assert status_of(VECTOR_A_BODY, VECTOR_A_ARGS, now=None) == 403


def test_vector_a_signatures_verify():
    a = VECTOR_A_ARGS
    assert verify_signature(TOKEN, a["signature"], a["timestamp"], a["nonce"])
    assert verify_signature(TOKEN, a["msg_signature"], a["timestamp"], a["nonce"],
                            VECTOR_A_ENCRYPT)
    assert not verify_signature(TOKEN, a["signature"], a["timestamp"], "1320562133")
    assert not verify_signature(TOKEN, a["msg_signature"], a["timestamp"], a["nonce"],
                                VECTOR_A_ENCRYPT[:-4] + "AAA=")


def test_vector_b_uses_wechatpy_prpcrypto():
    class FixedPrefix(PrpCrypto):
        def get_random_string(self):
            return "aaaabbbbccccdddd"

    key = protocol._aes_key(AES_KEY)
    assert FixedPrefix(key).encrypt("我是中文abcd123", "wxb11529c136998cb6") == (
        b"jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72v"
        b"VOfg==")


def test_handshake_sample_returns_echostr():
    args = {"signature": "f464b24fc39322e44b38aa78f5edd27bd1441696", "echostr": "4375120948345356249",
            "timestamp": "1714036504", "nonce": "1514711492"}
    assert handshake(args, "AAAAA") == "4375120948345356249"
    with pytest.raises(ProtocolError) as caught:
        handshake(args, "BBBBB")
    assert caught.value.status == 403
    with pytest.raises(ProtocolError) as caught:
        handshake({**args, "signature": "F464B24FC39322E44B38AA78F5EDD27BD1441696"}, "AAAAA")
    assert caught.value.status == 403
    with pytest.raises(ProtocolError) as caught:
        handshake({k: v for k, v in args.items() if k != "echostr"}, "AAAAA")
    assert caught.value.status == 400
    for missing in ("signature", "timestamp", "nonce"):
        with pytest.raises(ProtocolError) as caught:
            handshake({k: v for k, v in args.items() if k != missing}, "AAAAA")
        assert caught.value.status == 403


@pytest.mark.parametrize("bad", [None, "", "签名", 12345, b"16120ec1b8dbb870f510d87ce6bc2463eae6ca1a"])
def test_verify_signature_says_no_to_junk(bad):
    a = VECTOR_A_ARGS
    assert verify_signature(bad, a["signature"], a["timestamp"], a["nonce"]) is False
    assert verify_signature(TOKEN, bad, a["timestamp"], a["nonce"]) is False
    assert verify_signature(TOKEN, a["signature"], bad, a["nonce"]) is False
    assert verify_signature(TOKEN, a["signature"], a["timestamp"], bad) is False
    assert verify_signature(TOKEN, a["msg_signature"], a["timestamp"], a["nonce"], bad) is False


# --- round trips ------------------------------------------------------------------------

CASES = {
    "text": (text_xml("报修：厨房水管漏水"),
             {"msg_type": "text", "content": "报修：厨房水管漏水", "msg_id": "6054768590064713728"}),
    "text-cdata-end": (text_xml("a ]]> b"), {"content": "a ]]> b"}),
    "image": (ws.build_image(USER, ACCOUNT, "http://mmbiz.qpic.cn/p", "MEDIA1", 2, NOW),
              {"msg_type": "image", "pic_url": "http://mmbiz.qpic.cn/p", "media_id": "MEDIA1"}),
    "voice": (ws.build_voice(USER, ACCOUNT, "V1", 3, recognition="电梯坏了", create_time=NOW),
              {"msg_type": "voice", "media_id": "V1", "format": "amr",
               "recognition": "电梯坏了"}),
    "voice-empty-recognition": (ws.build_voice(USER, ACCOUNT, "V2", 4, recognition="",
                                               create_time=NOW),
                                {"msg_type": "voice", "recognition": None}),
    "video": (ws.build_video(USER, ACCOUNT, "VID", "TH", 5, create_time=NOW),
              {"msg_type": "video", "media_id": "VID"}),
    "shortvideo": (ws.build_video(USER, ACCOUNT, "SV", "TH", 6, short=True, create_time=NOW),
                   {"msg_type": "shortvideo", "media_id": "SV"}),
    "location": (ws.build_location(USER, ACCOUNT, 23.134521, 113.358803, 20, "3栋2单元", 7, NOW),
                 {"msg_type": "location", "location_x": "23.134521",
                  "location_y": "113.358803", "scale": "20", "label": "3栋2单元"}),
    "link": (ws.build_link(USER, ACCOUNT, "通知", "停水", "https://example.org/n", 8, NOW),
             {"msg_type": "link", "title": "通知", "description": "停水",
              "url": "https://example.org/n"}),
    "subscribe-qr": (ws.build_event(USER, ACCOUNT, "subscribe", "qrscene_12", NOW,
                                    extra={"Ticket": "TK"}),
                     {"msg_type": "event", "event": "subscribe", "event_key": "qrscene_12",
                      "msg_id": None}),
    "unsubscribe": (ws.build_event(USER, ACCOUNT, "unsubscribe", None, NOW),
                    {"event": "unsubscribe", "event_key": None}),
    "scan": (ws.build_event(USER, ACCOUNT, "SCAN", "12", NOW, extra={"Ticket": "TK"}),
             {"event": "scan", "event_key": "12"}),
    "location-event": (ws.build_event(USER, ACCOUNT, "LOCATION", None, NOW,
                                      extra={"Latitude": 23.137466, "Longitude": 113.352425,
                                             "Precision": 119.385040}),
                       {"event": "location", "location_x": "23.137466",
                        "location_y": "113.352425"}),
    "click": (ws.build_event(USER, ACCOUNT, "CLICK", "REPAIR", NOW),
              {"event": "click", "event_key": "REPAIR"}),
    "view": (ws.build_event(USER, ACCOUNT, "VIEW", "https://example.org/m", NOW),
             {"event": "view", "event_key": "https://example.org/m"}),
    "template-finish": (ws.build_event(USER, ACCOUNT, "TEMPLATESENDJOBFINISH", None, NOW,
                                       extra={"MsgID": 200163836, "Status": "success"}),
                        {"event": "templatesendjobfinish", "msg_id": "200163836",
                         "status": "success"}),
}


@pytest.mark.parametrize("mode", ["plain", "compat", "safe"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_round_trip(case, mode):
    xml, expected = CASES[case]
    args, body = signed(xml, mode)
    msg, encrypted = parse(body, args)
    assert encrypted is (mode != "plain")
    assert (msg.from_user, msg.to_user, msg.create_time, msg.raw) == (USER, ACCOUNT, NOW, xml)
    for attr, value in expected.items():
        assert getattr(msg, attr) == value, attr


def test_dedupe_keys():
    def key(xml, mode="plain"):
        return parse(*reversed(signed(xml, mode)))[0].dedupe_key

    assert key(text_xml(msg_id=42)) == "msg:42"
    assert key(CASES["click"][0]) == f"evt:{NOW}:click:REPAIR"
    assert key(CASES["unsubscribe"][0]) == f"evt:{NOW}:unsubscribe:"
    assert key(CASES["template-finish"][0]) == f"evt:{NOW}:templatesendjobfinish::200163836"
    other_job = ws.build_event(USER, ACCOUNT, "TEMPLATESENDJOBFINISH", None, NOW,
                               extra={"MsgID": 200163837, "Status": "success"})
    assert key(other_job) != key(CASES["template-finish"][0])
    # WeChat's retry of the same message (new nonce, new encryption) has the same key
    assert key(text_xml(msg_id=9)) == key(text_xml(msg_id=9), "safe")
    no_id = text_xml().replace("<MsgId>6054768590064713728</MsgId>", "")
    assert key(no_id) == f"msg:{NOW}:text"


def test_long_dedupe_keys_fit_the_column_and_stay_distinct():
    url = "https://example.org/" + "a" * 300
    keys = {parse(*reversed(signed(ws.build_event(USER, ACCOUNT, "VIEW", url + tail, NOW))))[0]
            .dedupe_key for tail in ("1", "2")}
    assert len(keys) == 2
    assert all(len(k) == protocol.DEDUPE_KEY_MAX and k.startswith(f"evt:{NOW}:view:https")
               for k in keys)
    assert len(parse(*reversed(signed(text_xml(msg_id="9" * 19))))[0].dedupe_key) < 30


def test_parse_inbound_accepts_bytearray_and_raw_encrypt_type():
    args, body = signed(text_xml())
    assert parse(bytearray(body), {**args, "encrypt_type": "raw"})[0].content == "水管漏水"


# --- replies ----------------------------------------------------------------------------

def _message():
    return parse(*reversed(signed(text_xml())))[0]


def test_plain_reply_is_deterministic_text_xml():
    msg = _message()
    first = render_reply(msg, "已收到，工单 R-1", False, TOKEN, AES_KEY, APPID, "1", str(NOW))
    assert first == render_reply(msg, "已收到，工单 R-1", False, TOKEN, AES_KEY, APPID, "1",
                                 str(NOW))
    assert xmltodict.parse(first)["xml"] == {
        "ToUserName": USER, "FromUserName": ACCOUNT, "CreateTime": str(NOW),
        "MsgType": "text", "Content": "已收到，工单 R-1"}


def test_encrypted_reply_decodes_and_is_stable_apart_from_the_prefix():
    msg = _message()
    replies = [render_reply(msg, "好 ]]> \x07的", True, TOKEN, AES_KEY, APPID, "777", NOW)
               for _ in range(2)]
    assert replies[0] != replies[1]  # the random prefix
    decoded = [ws.decode_reply(r, TOKEN, AES_KEY, APPID) for r in replies]
    assert decoded[0] == decoded[1] == {"ToUserName": USER, "FromUserName": ACCOUNT,
                                        "CreateTime": str(NOW), "MsgType": "text",
                                        "Content": "好 ]]> 的"}
    crypto = WeChatCrypto(TOKEN, AES_KEY, APPID)
    inner = [crypto.decrypt_message(r, xmltodict.parse(r)["xml"]["MsgSignature"], str(NOW),
                                    "777") for r in replies]
    assert inner[0] == inner[1]  # byte-identical plaintext


def test_no_text_means_success():
    msg = _message()
    assert render_reply(msg, None, True, TOKEN, AES_KEY, APPID, "1", NOW) == b"success"
    assert render_reply(msg, "", False, TOKEN, AES_KEY, APPID, "1", NOW) == b"success"


def test_reply_without_timestamp_uses_message_time():
    msg = InboundMessage(msg_type="text", from_user="u", to_user="g", create_time=5)
    assert b"<CreateTime>5</CreateTime>" in render_reply(msg, "x", False, TOKEN, None, None,
                                                         None, None)
