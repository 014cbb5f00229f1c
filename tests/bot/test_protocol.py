"""bot.protocol against the official vectors, requests built by fakewechat.signing, a real
Redis, and hostile input."""
import base64
import logging
import time

import pytest
import redis
import xmltodict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis.backoff import NoBackoff
from redis.retry import Retry
from wechatpy.crypto import PrpCrypto, WeChatCrypto

from bot import protocol
from bot.protocol import (
    InboundMessage,
    NonceCache,
    ProtocolError,
    check_timestamp,
    handshake,
    parse_inbound,
    render_reply,
    verify_signature,
)
from fakewechat import signing as ws
from tests.bot.conftest import unreachable_redis

TOKEN = "spamtest"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APPID = "wx2c2769f8efd9abc2"
NOW = 1_700_000_000
USER, ACCOUNT = "oyORnuP8q7ou2gfYjqLzSIWZf0rs", "gh_10f6c3c3ac5a"

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


def signed(xml, mode="plain", token=TOKEN, appid=APPID, timestamp=NOW, nonce=None):
    key = None if mode == "plain" else AES_KEY
    return ws.sign_request(xml, token, key, appid, timestamp=timestamp, nonce=nonce, mode=mode)


def parse(body, args, **kwargs):
    kwargs = {"aes_key": AES_KEY, "appid": APPID, "now": NOW, **kwargs}
    return parse_inbound(body, args, TOKEN, **kwargs)


def status_of(body, args, **kwargs):
    with pytest.raises(ProtocolError) as caught:
        parse(body, args, **kwargs)
    assert 400 <= caught.value.status < 500 and caught.value.reason
    return caught.value.status


def text_xml(content="水管漏水", msg_id=6054768590064713728):
    return ws.build_text(USER, ACCOUNT, content, msg_id, NOW)


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


def test_replayed_nonce_is_403_with_real_redis(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=600)
    args, body = signed(text_xml(), "safe")
    assert parse(body, args, nonce_cache=cache)[0].content == "水管漏水"
    keys = redis_conn.keys("wx:nonce:*")
    assert len(keys) == 1 and 0 < redis_conn.ttl(keys[0]) <= 600
    # the same request again is what a WeChat retry looks like: passed on to the dedupe
    assert parse(body, args, nonce_cache=cache)[0].content == "水管漏水"
    # another body under the used (timestamp, nonce, signature) is a replay
    forged_args, forged = signed(text_xml("伪造的工单", msg_id=1), "safe", nonce=args["nonce"])
    assert forged_args["signature"] == args["signature"]
    assert parse(forged, forged_args)[0].content == "伪造的工单"
    assert status_of(forged, forged_args, nonce_cache=cache) == 403
    # plaintext mode: the signature does not cover the body, so the cache is what stops a
    # captured query string from carrying a forged body
    plain_args, plain_body = signed(text_xml(), nonce="42")
    assert parse(plain_body, plain_args, nonce_cache=cache)[0].content == "水管漏水"
    forged = text_xml("伪造的工单", msg_id=1).encode()
    assert parse(forged, plain_args)[0].content == "伪造的工单"  # what it would allow
    assert status_of(forged, plain_args, nonce_cache=cache) == 403
    assert parse(plain_body, plain_args, nonce_cache=cache)[0].content == "水管漏水"


def test_nonce_cache_without_fingerprint(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=60, prefix="t:")
    assert cache.seen_before("1", "2", "3") is False
    assert cache.seen_before("1", "2", "3") is True
    assert cache.seen_before("1", "2", "4") is False
    assert redis_conn.ttl("t:1:2:3") > 0
    assert cache.seen_before("5", "6", "7", "fp") is False
    assert cache.seen_before("5", "6", "7", "fp") is False
    assert cache.seen_before("5", "6", "7", "other") is True


def test_nonce_check_counts_rate_limits_in_the_same_round_trip(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=60, prefix="t:")
    counters = (("t:rl:address", 60), ("t:rl:tenant", 30))
    assert cache.check("1", "2", "3", "fp", counters) == protocol.NonceCheck(False, (1, 1))
    assert cache.check("1", "2", "3", "fp", counters) == protocol.NonceCheck(False, (2, 2))  # a retry
    # a replay (a new body under a used nonce) counts against the address, not the tenant
    assert cache.check("1", "2", "3", "forged", counters) == protocol.NonceCheck(True, (3, None))
    assert cache.check("1", "9", "3", "fp", counters) == protocol.NonceCheck(False, (4, 3))
    assert 0 < redis_conn.ttl("t:rl:tenant") <= 30 and 30 < redis_conn.ttl("t:rl:address") <= 60
    assert cache.check("4", "5", "6") == protocol.NonceCheck(False, ())


def test_a_begun_check_travels_while_the_caller_works_and_an_unread_one_poisons_nothing(redis_conn):
    cache = NonceCache(redis_conn, ttl_seconds=60, prefix="t:")
    with cache.begin("1", "2", "3", "fp", (("t:rl:a", 60),)) as pending:
        # sent before it is read: Redis has already claimed the nonce
        assert redis_conn.get("t:1:2:3") == b"fp"
        assert pending.result() == protocol.NonceCheck(False, (1,))
        assert pending.result() == protocol.NonceCheck(False, (1,))  # read once, kept
    with cache.begin("1", "2", "3", "forged", (("t:rl:a", 60),)):
        pass  # an error in between: the reply is never read
    # the connection with the unread reply ([1, 2]: replayed) was dropped, not pooled: the
    # next check reads its own reply (the forged body still counted on the server)
    assert cache.check("1", "2", "3", "fp", (("t:rl:a", 60),)) == protocol.NonceCheck(False, (3,))
    assert redis_conn.incr("t:plain") == 1


def test_a_check_whose_reply_does_not_come_fails_open(redis_url, redis_conn, caplog):
    slow = redis.Redis.from_url(redis_url, socket_timeout=0.3)
    cache = NonceCache(slow, ttl_seconds=60, prefix="t:")
    assert cache.check("0", "0", "0") == protocol.NonceCheck(False, ())  # connected and pooled
    redis_conn.client_pause(1500)  # Redis stops answering: the check is sent, its reply never read
    with caplog.at_level(logging.WARNING, logger="bot.protocol"):
        with cache.begin("1", "2", "3", "fp", (("t:rl:a", 60),)) as pending:
            assert pending.result() == protocol.NonceCheck(False, (None,))
    assert any("nonce cache unavailable" in r.getMessage() for r in caplog.records)
    assert cache.check("7", "8", "9") == protocol.NonceCheck(False, ())  # within the cooldown: not asked
    redis_conn.client_unpause()
    assert slow.ping()  # the timed-out connection was dropped, not pooled with its late reply
    slow.close()


def test_nonce_check_fails_open_when_redis_is_down():
    down = redis.Redis(port=1, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    check = NonceCache(down, ttl_seconds=600).check("1", "2", "3", "fp", (("a", 60), ("b", 60)))
    assert check == protocol.NonceCheck(False, (None, None))


def test_nonce_cache_degrades_when_redis_is_down(caplog, monkeypatch):
    down, attempts = unreachable_redis(socket_timeout=0.5)
    cache = NonceCache(down, ttl_seconds=600)
    with caplog.at_level(logging.WARNING, logger="bot.protocol"):
        assert cache.seen_before("1", "2", "3") is False
        # within the cooldown Redis is not asked again: no 4 s retry loop per request
        assert cache.seen_before("1", "2", "3", "fp") is False
        args, body = signed(text_xml())
        assert parse(body, args, nonce_cache=cache)[0].content == "水管漏水"
        assert len(attempts) == 1
        clock = time.monotonic() + cache.cooldown + 1
        monkeypatch.setattr(protocol.time, "monotonic", lambda: clock)
        assert cache.seen_before("1", "2", "3") is False
        assert len(attempts) == 2  # tried again after the cooldown
    warnings = [r for r in caplog.records if "nonce cache" in r.getMessage()]
    assert len(warnings) == 1  # once per warn_interval, not once per request


def test_nonce_cache_with_default_redis_retries_stays_fast_after_first_failure():
    cache = NonceCache(redis.Redis(port=1, socket_connect_timeout=0.2), ttl_seconds=600)
    assert cache.seen_before("1", "2", "3") is False  # slow: redis-py's own retries
    started = time.monotonic()
    for n in range(20):
        assert cache.seen_before("1", str(n), "3") is False
    assert time.monotonic() - started < 0.5


def test_nonce_cache_disabled():
    assert NonceCache(None, 600).seen_before("1", "2", "3") is False
    with pytest.raises(ValueError):
        NonceCache(None, 0)


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
