"""Hypothesis against the real app: random bodies, query strings and headers never give a
500, never log an unhandled exception, and never open a ticket without a valid signature."""
from __future__ import annotations

import logging
import os
import time

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fakewechat.signing import build_event, build_text, sign_request
from models import Message, Ticket
from tests.bot.conftest import OFFICIAL, TOKEN

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1000"))  # x3 tests: a few thousand in CI
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

xml_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
tags = st.sampled_from(["ToUserName", "FromUserName", "CreateTime", "MsgType", "Content", "MsgId", "Event",
                        "EventKey", "Encrypt", "Recognition", "MediaId", "xml", "x"])


@st.composite
def xml_bodies(draw):
    """Shapes that reach the parser: truncated, nested, duplicated, huge, entity-laden."""
    kind = draw(st.sampled_from(["random", "fields", "nested", "truncated", "doctype", "huge", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "random":
        return draw(xml_text).encode("utf-8", "surrogatepass")
    if kind == "nested":
        depth = draw(st.integers(1, 400))
        return ("<xml>" + "<a>" * depth + "x" + "</a>" * depth + "</xml>").encode()
    if kind == "doctype":
        return (b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                b"<xml><Content>&e;</Content></xml>")
    if kind == "huge":
        return f"<xml><Content><![CDATA[{'水' * draw(st.integers(10_000, 40_000))}]]></Content></xml>".encode()
    fields = draw(st.lists(st.tuples(tags, xml_text), max_size=10))
    body = "<xml>" + "".join(f"<{t}><![CDATA[{v}]]></{t}>" for t, v in fields) + "</xml>"
    if kind == "truncated":
        body = body[: draw(st.integers(0, len(body)))]
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "gbk", "latin-1"]))
    return body.encode(encoding, "replace")


# Long texts shaped to stall a backtracking regex (a repeated word or space run and a tail
# that fails late), next to the short random ones.
long_texts = st.builds(lambda piece, n, tail: piece * n + tail,
                       st.sampled_from(["嗯", "嗯嗯", "好的", "谢谢", " ", "\t", "1", "L2 ", "1栋 ", "你好", "不要"]),
                       st.integers(40, 4_000), st.text(max_size=3))
# A guard against a blow-up (the old farewell pattern took hours), not a timer: ~100x a
# turn (10–50 ms). Seen to trip only with four full suites sharing two cores.
TURN_BUDGET_SECONDS = 5.0

queries = st.dictionaries(st.sampled_from(["signature", "timestamp", "nonce", "encrypt_type", "msg_signature",
                                           "openid", "echostr", "x"]), st.text(max_size=60), max_size=6)
headers = st.dictionaries(st.sampled_from(["Content-Type", "Content-Encoding", "X-Forwarded-For", "Transfer-Encoding"]),
                          st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
                          max_size=3)


def _no_crash(resp, caplog):
    assert resp.status_code < 500 or resp.status_code == 503, resp.status_code
    crashes = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not crashes, crashes[0].getMessage()


@FUZZ
@given(body=xml_bodies(), query=queries, extra=headers)
def test_unsigned_garbage_is_refused_with_a_4xx(client, site, session, caplog, body, query, extra):
    extra.pop("Transfer-Encoding", None)  # the test client cannot frame chunked bodies
    resp = client.post("/wechat/lehui", query_string=query, data=body, headers=extra)
    _no_crash(resp, caplog)
    assert 400 <= resp.status_code < 500
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 0


@FUZZ
@given(body=xml_bodies())
def test_correctly_signed_garbage_never_crashes(client, site, session, caplog, body):
    """Signed with the right token, so it reaches the parser and perhaps the dialog."""
    query, _ = sign_request("<xml/>", TOKEN)
    resp = client.post("/wechat/lehui", query_string=query, data=body)
    _no_crash(resp, caplog)


@FUZZ
@given(content=st.one_of(st.text(max_size=300), long_texts), event=st.text(max_size=40), key=st.text(max_size=80),
       msg_type=st.sampled_from(["text", "voice", "image", "event", "location", "link", "file", "miniprogrampage"]))
def test_valid_messages_with_arbitrary_fields_get_a_reply(client, site, session, caplog, content, event, key, msg_type):
    openid = f"o-fuzz-{abs(hash(content)) % 1000}"  # many tenants, so the per-tenant limit rarely applies
    xml = build_text(openid, OFFICIAL, content, abs(hash((content, event, key, msg_type))) % 10**15 + 1)
    xml = xml.replace("<MsgType><![CDATA[text]]>", f"<MsgType><![CDATA[{msg_type}]]>")
    if msg_type == "event":
        xml = build_event(openid, OFFICIAL, event or "CLICK", key)
    query, body = sign_request(xml, TOKEN)
    started = time.perf_counter()
    resp = client.post("/wechat/lehui", query_string=query, data=body)
    took = time.perf_counter() - started
    _no_crash(resp, caplog)
    assert resp.status_code in (200, 400)
    assert took < TURN_BUDGET_SECONDS, f"{took:.1f} s for {len(content)} characters"
    if resp.status_code == 200:
        session.expire_all()
        assert session.scalar(sa.select(sa.func.count(Message.id))) >= 1
