"""Requests and the parse call the protocol tests share: the account's settings, a
request signed (and encrypted) as WeChat's servers do, and the status a refusal carries."""
import pytest

from bot.protocol import ProtocolError, parse_inbound
from fakewechat import signing as ws

TOKEN = "spamtest"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APPID = "wx2c2769f8efd9abc2"
NOW = 1_700_000_000
USER, ACCOUNT = "oyORnuP8q7ou2gfYjqLzSIWZf0rs", "gh_10f6c3c3ac5a"


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
