from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa

import workflow
from fakewechat.signing import build_event, build_text, decode_reply, sign_request
from models import Channel, Role, Site, Survey, Ticket, Unit, utcnow

TOKEN = "testtoken"
OFFICIAL = "gh_service"
_msg_ids = itertools.count(7_000_000_000_000_000)


class WeChat:
    """Posts messages to the webhook exactly as WeChat's servers do and reads the reply."""

    def __init__(self, client, slug="lehui", token=TOKEN, aes_key=None, appid=None):
        self.client, self.slug, self.token, self.aes_key, self.appid = client, slug, token, aes_key, appid

    def post(self, xml: str, *, args=None, **sign):
        query, body = sign_request(xml, self.token, self.aes_key, self.appid, **sign)
        query.update(args or {})
        return self.client.post(f"/wechat/{self.slug}", query_string=query, data=body,
                                content_type="text/xml")

    def reply(self, xml: str, **sign) -> dict:
        resp = self.post(xml, **sign)
        assert resp.status_code == 200, resp.get_data(as_text=True)
        return decode_reply(resp.get_data(), self.token, self.aes_key, self.appid)

    def say(self, openid: str, content: str, msg_id=None) -> str:
        doc = self.reply(build_text(openid, OFFICIAL, content, msg_id or next(_msg_ids)))
        assert doc["MsgType"] == "text" and doc["ToUserName"] == openid and doc["FromUserName"] == OFFICIAL
        return doc["Content"]

    def event(self, openid: str, event: str, key=None, **extra) -> dict:
        return self.reply(build_event(openid, OFFICIAL, event, key, **extra))


@pytest.fixture
def site(session):
    site = Site(slug="lehui", name="乐汇城物业服务中心", ticket_prefix="LH", phone="0571-88886666",
                address="乐汇城B1服务中心", settings={})
    session.add(site)
    session.flush()
    for code in ("L2-015", "L3-008", "B1-003"):
        session.add(Unit(site_id=site.id, code=code))
    session.commit()
    return site


@pytest.fixture
def wechat(client, site):
    return WeChat(client)


def unreachable_redis(**timeouts):
    """A Redis client on a port nobody listens on, and a list that grows by one each time
    it tries to connect: how often the code under test went to Redis."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    attempts = []

    class CountingConnection(redis.Connection):
        def connect(self):
            attempts.append(1)
            return super().connect()

    pool = redis.ConnectionPool(connection_class=CountingConnection, port=1, retry=Retry(NoBackoff(), 0),
                                socket_connect_timeout=0.5, **timeouts)
    return redis.Redis(connection_pool=pool), attempts


def next_msg_id() -> int:
    return next(_msg_ids)


__all__ = ["Channel", "WeChat", "next_msg_id"]


def tickets(session) -> list:
    """The site's tickets as the database has them now, oldest first."""
    session.expire_all()
    return session.scalars(sa.select(Ticket).order_by(Ticket.id)).all()


def notes(ticket) -> list:
    """What the ticket's timeline notes say, in order."""
    return [e.note for e in ticket.events if e.action == "note"]


def closed_with_survey(wechat, session, site, make, openid: str = "o-survey") -> tuple:
    """A known tenant's report closed by the desk and its satisfaction survey sent: the bot
    now waits for a score. Returns (ticket, survey)."""
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    make.staff(Role.SUPERVISOR, "客服部", sites=[site])
    wechat.say(openid, "我是刘芳，电话13912345678，L3-008空调不制冷")
    ticket = session.scalars(sa.select(Ticket)).one()
    workflow.close(session, ticket, desk, result="已修好")
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    survey.sent_at = utcnow()
    session.commit()
    return ticket, survey
