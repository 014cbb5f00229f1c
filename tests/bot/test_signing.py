"""fakewechat.signing builds what WeChat sends: checked against the official vectors and
against wechatpy's own parser, signer and decrypter (not against bot.protocol)."""
import pytest
import xmltodict
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.parser import parse_message
from wechatpy.utils import check_signature

from fakewechat import signing as ws

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
TOKEN = "spamtest"
APPID = "wx2c2769f8efd9abc2"
USER, ACCOUNT = "oyORnuP8q7ou2gfYjqLzSIWZf0rs", "gh_10f6c3c3ac5a"


class _FixedPrefix(PrpCrypto):
    def get_random_string(self):
        return "aaaabbbbccccdddd"


def test_vector_b_deterministic_encryption_matches_official_ciphertext():
    key = WeChatCrypto("pamtest", AES_KEY, "wxb11529c136998cb6").key
    encrypted = _FixedPrefix(key).encrypt("我是中文abcd123", "wxb11529c136998cb6")
    assert encrypted == (b"jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgV"
                         b"tVzd832WzZGMhkP72vVOfg==")
    assert PrpCrypto(key).decrypt(encrypted, "wxb11529c136998cb6") == "我是中文abcd123"


def test_handshake_sample_signature():
    assert ws._sign("AAAAA", "1714036504", "1514711492") == \
        "f464b24fc39322e44b38aa78f5edd27bd1441696"


def test_vector_a_plain_signature():
    assert ws._sign(TOKEN, "1409735669", "1320562132") == \
        "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a"


BUILT = {
    "text": (ws.build_text(USER, ACCOUNT, "水管漏水 ]]> 了", 6054768590064713728, 1409735668),
             {"content": "水管漏水 ]]> 了", "id": 6054768590064713728}),
    "image": (ws.build_image(USER, ACCOUNT, "http://mmbiz.qpic.cn/x", "m1", 11, 1409735668),
              {"image": "http://mmbiz.qpic.cn/x", "media_id": "m1"}),
    "voice": (ws.build_voice(USER, ACCOUNT, "v1", 12, recognition="灯不亮",
                             create_time=1409735668),
              {"media_id": "v1", "format": "amr", "recognition": "灯不亮"}),
    "location": (ws.build_location(USER, ACCOUNT, 23.134521, 113.358803, 20, "某小区3栋", 13,
                                   1409735668),
                 {"location": ("23.134521", "113.358803"), "scale": "20", "label": "某小区3栋"}),
    "link": (ws.build_link(USER, ACCOUNT, "标题", "描述", "https://example.org/a", 14,
                           1409735668),
             {"title": "标题", "description": "描述", "url": "https://example.org/a"}),
    "video": (ws.build_video(USER, ACCOUNT, "vid", "thumb", 15, create_time=1409735668),
              {"media_id": "vid", "thumb_media_id": "thumb"}),
}


@pytest.mark.parametrize("kind", sorted(BUILT))
def test_built_messages_are_what_wechatpy_parses(kind):
    xml, expected = BUILT[kind]
    msg = parse_message(xml)
    assert msg.type == kind
    assert (msg.source, msg.target, msg.create_time.timestamp()) == (USER, ACCOUNT, 1409735668)
    for attr, value in expected.items():
        assert getattr(msg, attr) == value


def test_built_events_are_what_wechatpy_parses():
    msg = parse_message(ws.build_event(USER, ACCOUNT, "CLICK", "REPAIR", 1409735668))
    assert (msg.type, msg.event, msg.key) == ("event", "click", "REPAIR")
    msg = parse_message(ws.build_event(USER, ACCOUNT, "subscribe", "qrscene_7", 1409735668,
                                       extra={"Ticket": "tk"}))
    assert (msg.event, msg.scene_id, msg.ticket) == ("subscribe_scan", "7", "tk")
    msg = parse_message(ws.build_event(USER, ACCOUNT, "TEMPLATESENDJOBFINISH", None,
                                       extra={"MsgID": 200163836, "Status": "success"}))
    assert (msg.event, msg.id, msg.status) == ("templatesendjobfinish", 200163836, "success")


def test_voice_without_recognition_leaves_the_element_out():
    assert "Recognition" not in ws.build_voice(USER, ACCOUNT, "v1", 12)
    assert "<Recognition><![CDATA[]]></Recognition>" in ws.build_voice(
        USER, ACCOUNT, "v1", 12, recognition="")


def test_plain_request_is_signed_like_wechat():
    xml = BUILT["text"][0]
    args, body = ws.sign_request(xml, TOKEN, timestamp=1409735669, nonce="1320562132")
    assert args == {"signature": "16120ec1b8dbb870f510d87ce6bc2463eae6ca1a",
                    "timestamp": "1409735669", "nonce": "1320562132", "openid": USER}
    assert body == xml.encode()
    check_signature(TOKEN, args["signature"], args["timestamp"], args["nonce"])


@pytest.mark.parametrize("mode", ["safe", "compat"])
def test_encrypted_request_decrypts_with_wechatpy(mode):
    xml = BUILT["text"][0]
    args, body = ws.sign_request(xml, TOKEN, AES_KEY, APPID, mode=mode)
    assert args["encrypt_type"] == "aes"
    check_signature(TOKEN, args["signature"], args["timestamp"], args["nonce"])
    crypto = WeChatCrypto(TOKEN, AES_KEY, APPID)
    assert crypto.decrypt_message(body, args["msg_signature"], args["timestamp"],
                                  args["nonce"]) == xml
    outer = xmltodict.parse(body)["xml"]
    if mode == "safe":
        assert set(outer) == {"ToUserName", "Encrypt"}
    else:
        assert outer["Content"] == "水管漏水 ]]> 了" and "Encrypt" in outer


def test_fresh_requests_get_fresh_nonces_and_current_time():
    first, _ = ws.sign_request(BUILT["text"][0], TOKEN)
    second, _ = ws.sign_request(BUILT["text"][0], TOKEN)
    assert first["nonce"] != second["nonce"]
    assert first["timestamp"].isdigit()


def test_decode_reply_checks_the_signature():
    reply = WeChatCrypto(TOKEN, AES_KEY, APPID).encrypt_message(
        "<xml><Content><![CDATA[好]]></Content></xml>", "123", "1409735669")
    assert ws.decode_reply(reply.encode(), TOKEN, AES_KEY, APPID) == {"Content": "好"}
    with pytest.raises(InvalidSignatureException):
        ws.decode_reply(reply.encode(), "other-token", AES_KEY, APPID)
    assert ws.decode_reply(b"success", TOKEN) == {}
    assert ws.decode_reply(b"<xml><Content>x</Content></xml>", TOKEN) == {"Content": "x"}
