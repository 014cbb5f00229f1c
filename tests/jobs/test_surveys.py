"""The satisfaction survey: sent in chat with a signed link on close, answered in chat or on
the page, single-use, expiring after 24 h; a low score reopens the ticket to a supervisor."""
from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

import sqlalchemy as sa

import workflow
from fakewechat.signing import build_text, decode_reply, sign_request
from jobs.periodic import run_periodic
from models import Status, Survey, TicketEvent, utcnow
from tests.conftest import wrote
from tests.jobs.conftest import PUBLIC, outbox_rows, texts_to, work
from workflow.machine import clock_at
from workflow.survey_links import load_survey_token, survey_token
from workflow.surveys import answer_survey, open_survey

LINK = re.compile(re.escape(PUBLIC) + r"/survey/([A-Za-z0-9_.\-]+)")


def closed_with_survey(app, desk, session, fake_wechat):
    ticket = desk.ticket(Status.CLOSED)
    session.commit()
    work(app)
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    return ticket, survey


def test_close_survey_in_chat_low_score_reopens_to_a_supervisor(app, desk, session, fake_wechat):
    ticket, _ = closed_with_survey(app, desk, session, fake_wechat)
    ask = texts_to(fake_wechat, desk.tenant.openid)[-1]
    assert ask.startswith(f"请问您对工单 {ticket.number} 的处理结果满意吗？请回复1-5分（5分最满意）")
    token = LINK.search(ask).group(1)

    survey = open_survey(session, desk.tenant.id)
    assert survey is not None and load_survey_token(token) == survey.id
    # The tenant replies in chat, through the real webhook.
    args, body = sign_request(build_text(desk.tenant.openid, "gh", "2 太慢了", 55_000_000_001), "testtoken")
    resp = app.test_client().post(f"/wechat/{desk.site.slug}", query_string=args, data=body)
    assert resp.status_code == 200
    assert decode_reply(resp.get_data(), "testtoken")["Content"] == "非常抱歉没能让您满意，主管会尽快与您联系。"

    session.expire_all()
    # §六(3) 首问负责: the clerk who took it stays responsible; the supervisors are told.
    assert ticket.status == Status.REOPENED and ticket.owner_id == desk.desk.id and ticket.supervisor_flag
    assert (survey.score, survey.comment, survey.answer_channel) == (2, "太慢了", "chat")
    assert ticket.events[-1].note == "满意度2分：太慢了"
    work(app)
    assert texts_to(fake_wechat, desk.supervisor.openid, "template")[-1] == (
        f"【工单重开】工单 {ticket.number} 已重开：空调不制冷。首问负责人{desk.desk.display_name}继续跟进，请主管督办。")
    assert texts_to(fake_wechat, desk.desk.openid, "template")[-1] == (
        f"【工单重开】您受理的工单 {ticket.number}（未登记铺位）已重开（满意度2分：太慢了），请继续跟进：空调不制冷。")
    assert open_survey(session, desk.tenant.id) is None  # single use


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.csrf = None
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        if tag == "script" and not attrs.get("src"):
            self.inline_scripts += 1
        if tag == "style" or "style" in attrs:
            self.handlers.append("style")
        if tag == "input" and attrs.get("name") == "csrf_token":
            self.csrf = attrs.get("value")


def scan(html: str) -> _Scan:
    parser = _Scan()
    parser.feed(html)
    return parser


def test_survey_page_answers_once_and_is_csp_clean(app, desk, session, fake_wechat, client):
    ticket, survey = closed_with_survey(app, desk, session, fake_wechat)
    url = f"/survey/{survey_token(survey.id)}"
    page = client.get(url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "满意度评价" in html and ticket.number in html
    assert 'name="viewport"' in html and 'lang="zh-CN"' in html
    parsed = scan(html)
    assert parsed.inline_scripts == 0 and parsed.handlers == [] and parsed.csrf
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Referrer-Policy"] == "no-referrer"

    refused = client.post(url, data={"score": "5"})  # no CSRF token
    assert refused.status_code == 400 and "页面已过期" in refused.get_data(as_text=True)
    bad = client.post(url, data={"score": "9", "csrf_token": parsed.csrf})
    assert bad.status_code == 400 and "请点击星星" in bad.get_data(as_text=True)
    done = client.post(url, data={"score": "5", "comment": "师傅很快", "csrf_token": parsed.csrf})
    assert done.status_code == 303
    thanks = client.get(url).get_data(as_text=True)
    assert "感谢您的评价！" in thanks and "stars" not in thanks
    again = client.post(url, data={"score": "1", "csrf_token": parsed.csrf})
    assert "评价已提交" in again.get_data(as_text=True)
    session.expire_all()
    assert (survey.score, survey.comment, survey.answer_channel) == (5, "师傅很快", "page")
    assert ticket.status == Status.CLOSED and ticket.satisfaction == 5


def test_forged_and_expired_links(app, desk, session, fake_wechat, client):
    _, survey = closed_with_survey(app, desk, session, fake_wechat)
    token = survey_token(survey.id)
    assert client.get(f"/survey/{token[:-2]}xx").status_code == 404
    assert "链接无效" in client.get("/survey/not-a-token").get_data(as_text=True)
    with clock_at(utcnow() + timedelta(hours=25)):
        expired = client.get(f"/survey/{token}")
    assert expired.status_code == 410 and "已超过24小时" in expired.get_data(as_text=True)


def test_expiry_job_marks_unanswered_surveys_and_they_reopen_nothing(app, desk, session, fake_wechat):
    ticket, survey = closed_with_survey(app, desk, session, fake_wechat)
    with clock_at(utcnow() + timedelta(hours=23)):
        app.queues["default"].enqueue(run_periodic, "expire_surveys")
        work(app)
    session.expire_all()
    assert survey.expired_at is None
    with clock_at(utcnow() + timedelta(hours=24, minutes=1)):
        for _ in range(2):
            app.queues["default"].enqueue(run_periodic, "expire_surveys")
            work(app)
        session.expire_all()
        assert survey.expired_at is not None
        assert open_survey(session, desk.tenant.id) is None
        try:
            answer_survey(session, survey, score=1, comment="太差了", channel="chat")
        except workflow.ValidationError as exc:
            assert "已过期" in exc.message
        else:
            raise AssertionError("an expired survey took an answer")
    assert ticket.status == Status.CLOSED
    notes = session.scalars(sa.select(TicketEvent.note).where(TicketEvent.ticket_id == ticket.id,
                                                              TicketEvent.action == "survey_expired")).all()
    assert notes == ["满意度调查24小时内未收到评价，已过期"]


def test_a_survey_already_answered_is_not_sent(app, desk, session, fake_wechat):
    wrote(session, desk.tenant, utcnow())
    ticket = desk.ticket(Status.CLOSED)
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    answer_survey(session, survey, score=4, channel="page")  # e.g. at the desk, before the job ran
    session.commit()
    work(app)
    (row,) = outbox_rows(session, kind="send_survey")
    assert row.status == "skipped"
    assert not any("满意吗" in t for t in texts_to(fake_wechat, desk.tenant.openid))
