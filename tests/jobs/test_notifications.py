"""What tenants and staff receive, through a real worker and the fake WeChat server: each
notice once, in the phrasebook's words, with local times written for people."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

import workflow
from fakewechat import DEMO_JPEG
from jobs.outbound import PRIVATE_LINK
from models import Channel, Message, Outbox, Role, Status, Survey, TicketEvent, utcnow
from tests.admin.conftest import Console
from tests.jobs.conftest import PUBLIC, TEMPLATE, outbox_rows, texts_to, work
from workflow.replies import relay_phone_message, reply_tenant

SHANGHAI = ZoneInfo("Asia/Shanghai")


def people_time(moment: datetime) -> str:
    """How a notice should show a naive-UTC moment: local date in Chinese order, the
    relative day when it is tomorrow, and the time."""
    local = moment.replace(tzinfo=UTC).astimezone(SHANGHAI)
    today = datetime.now(UTC).astimezone(SHANGHAI).date()
    relative = {0: "（今天）", 1: "（明天）", 2: "（后天）"}.get((local.date() - today).days, " ")
    return f"{local.month}月{local.day}日{relative}{local:%H:%M}"


def test_every_tenant_notice_of_a_paid_repair_is_delivered_once(app, desk, session, fake_wechat):
    t = desk.ticket(Status.NEW, code="ENG-HVAC")
    workflow.dispatch(session, t, desk.desk)
    due = t.due_at  # before the delay moves it
    workflow.start(session, t, desk.engineer)
    workflow.quote(session, t, desk.desk, amount="180", description="更换电容")
    workflow.answer_quote(session, t, None, accepted=True)
    eta = utcnow().replace(microsecond=0) + timedelta(days=1, hours=3)
    workflow.delay(session, t, desk.engineer, reason="等待空调配件到货", new_eta=eta)
    workflow.complete(session, t, desk.engineer, amount="180", work_done="已更换电容", site_cleaned=True)
    workflow.confirm_receipt(session, t, None)
    workflow.record_payment(session, t, desk.desk, amount="180")
    workflow.close(session, t, desk.desk, result="已更换电容，空调制冷正常")
    session.commit()
    work(app)
    work(app)  # a second worker pass finds nothing left to send
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == t.id))
    texts = texts_to(fake_wechat, desk.tenant.openid)
    assert texts[:-1] == [
        f"您的工单 {t.number} 已派至工程部，预计{people_time(due)}前处理。",
        f"您的工单 {t.number} 属有偿维修：更换电容，费用 180.00 元。回复「确认」开始维修，回复「不同意」取消。",
        f"非常抱歉，您的工单 {t.number} 因等待空调配件到货暂时无法按时完成，预计完成时间：{people_time(eta)}。感谢您的谅解。",
        f"您的工单 {t.number} 已处理完毕，维修费用 180.00 元，请到服务中心缴纳。如无问题请回复「确认」。",
        f"您的工单 {t.number} 已结案：已更换电容，空调制冷正常。",
    ]
    assert texts[-1].startswith(f"请问您对工单 {t.number} 的处理结果满意吗？请回复1-5分")
    assert f"{PUBLIC}/survey/" in texts[-1]
    assert survey.sent_at is not None and survey.expires_at >= survey.sent_at + timedelta(hours=23, minutes=59)
    rows = outbox_rows(session, ticket_id=t.id)
    assert {r.status for r in rows} == {"done"} and all(r.attempts == 1 for r in rows)
    out = session.scalars(sa.select(Message).where(Message.ticket_id == t.id, Message.direction == "out")
                          .order_by(Message.id)).all()
    assert [(m.channel, m.delivery) for m in out] == [("custom", "sent")] * 6
    # The record is what was sent, with the survey link (the tenant's alone) held back.
    link = texts[-1][texts[-1].index(f"{PUBLIC}/survey/"):]
    assert [m.content for m in out] == texts[:-1] + [texts[-1].replace(link, PRIVATE_LINK)]


def test_urgent_dispatch_promises_thirty_minutes(app, desk, session, fake_wechat):
    t = desk.ticket(Status.NEW, code="ENG-PLUMB", urgent=True, content="卫生间水管爆了")
    workflow.dispatch(session, t, desk.desk)
    session.commit()
    work(app)
    assert texts_to(fake_wechat, desk.tenant.openid) == [f"您的工单 {t.number} 已派至工程部，维修人员将在30分钟内到场。"]


def test_free_repair_and_not_our_business(app, desk, session, fake_wechat):
    t = desk.ticket(Status.COMPLETED)
    other = desk.ticket(Status.NEW, code="OTHER", content="请问附近哪里可以办护照")
    workflow.close_not_ours(session, other, desk.desk, explanation="办理护照请前往出入境管理局，电话12367")
    session.commit()
    work(app)
    texts = texts_to(fake_wechat, desk.tenant.openid)
    assert f"您的工单 {t.number} 已处理完毕（本次维修免费）。如无问题请回复「确认」。" in texts
    assert texts[-1] == f"关于您的工单 {other.number}：办理护照请前往出入境管理局，电话12367。"


def test_45015_falls_back_to_the_template_message(app, desk, session, fake_wechat):
    t = desk.ticket(Status.IN_PROGRESS)
    session.commit()
    work(app)
    fake_wechat.fail("custom", errcode=45015, touser=desk.tenant.openid)
    workflow.delay(session, t, desk.engineer, reason="等配件", new_eta=utcnow() + timedelta(days=2))
    session.commit()
    work(app)
    text = f"非常抱歉，您的工单 {t.number} 因等配件"
    assert [r["errcode"] for r in fake_wechat.received("custom") if text in str(r["json"])] == [45015]
    (template,) = [r for r in fake_wechat.sent("template") if r["json"]["touser"] == desk.tenant.openid]
    body = template["json"]
    assert body["template_id"] == TEMPLATE
    assert body["data"]["keyword1"]["value"] == t.number and body["data"]["keyword2"]["value"] == "处理中"
    assert body["data"]["remark"]["value"].startswith(text)
    assert body["data"]["first"]["value"] == "乐汇城物业服务中心工单进度通知"
    message = session.scalar(sa.select(Message).where(Message.ticket_id == t.id, Message.content.startswith(text)))
    assert (message.channel, message.delivery, message.data["custom_errcode"]) == ("template", "sent", 45015)


def test_staff_notices_go_to_openids_and_the_timeline(app, desk, session, make, fake_wechat):
    nobody = make.staff(Role.SUPERVISOR, "客服部")  # no openid: a timeline entry only
    upset = workflow.register(session, desk.site, content="你们这什么破物业！！报修三天了空调还没人来，气死我了",
                              channel=Channel.WECHAT, tenant=desk.tenant)
    assert upset.supervisor_flag
    t = desk.ticket(Status.CLOSED)
    workflow.reopen(session, t, desk.desk, reason="租户来电说还在漏")
    session.commit()
    work(app)
    to_supervisor = texts_to(fake_wechat, desk.supervisor.openid, "template")
    assert to_supervisor[0].startswith(f"【情绪激动】工单 {upset.number}（未登记铺位）的租户情绪激动：你们这什么破物业")
    assert to_supervisor[1] == (f"【工单重开】工单 {t.number} 已重开：空调不制冷。"
                                f"首问负责人{desk.desk.display_name}继续跟进，请主管督办。")
    event = session.scalar(sa.select(TicketEvent).where(TicketEvent.ticket_id == upset.id,
                                                        TicketEvent.action == "staff_notified"))
    assert event.note.startswith(f"已微信通知{desk.supervisor.display_name}；{nobody.display_name}未绑定微信")
    staff_message = session.scalar(sa.select(Message).where(Message.openid == desk.supervisor.openid))
    assert staff_message.ticket_id is None and staff_message.data["staff_id"] == desk.supervisor.id


def test_dispatch_notice_reaches_the_assignee_only(app, desk, session, make, fake_wechat):
    other = make.staff(Role.ENGINEER, "工程部")
    other.openid = "o-staff-other"
    t = desk.ticket(Status.NEW)
    workflow.dispatch(session, t, desk.desk, assignee=desk.engineer)
    session.commit()
    work(app)
    (text,) = texts_to(fake_wechat, desk.engineer.openid, "template")
    assert text.startswith(f"【派单】工单 {t.number}（未登记铺位）已派至工程部：空调不制冷。请在")
    assert texts_to(fake_wechat, other.openid, "template") == []


def test_tenant_without_wechat_gets_a_call_note_instead(app, desk, session, fake_wechat):
    t = workflow.register(session, desk.site, content="电梯按钮失灵", channel=Channel.PHONE, actor=desk.desk,
                          code="ENG-LIFT")
    workflow.dispatch(session, t, desk.desk)
    session.commit()
    work(app)
    (row,) = outbox_rows(session, ticket_id=t.id, kind="notify_tenant")
    assert row.status == "skipped"
    note = session.scalar(sa.select(TicketEvent.note).where(TicketEvent.ticket_id == t.id,
                                                            TicketEvent.action == "notify_skipped"))
    assert note.startswith("该工单没有租户的微信，未能微信通知：您的工单") and note.endswith("（请电话告知）")


def test_staff_reply_and_phone_message(app, desk, session, fake_wechat):
    t = desk.ticket(Status.DISPATCHED)
    session.commit()
    work(app)
    reply_tenant(session, t, desk.desk, "王先生您好，师傅下午两点到店。")
    relay_phone_message(session, desk.site, desk.desk, recipient=desk.engineer, caller="刘女士",
                        phone="13912345678", text="冷库温度偏高，请回电", unit_code="L3-008")
    session.commit()
    work(app)
    assert texts_to(fake_wechat, desk.tenant.openid)[-1] == "王先生您好，师傅下午两点到店。"
    (message,) = texts_to(fake_wechat, desk.engineer.openid, "template")[-1:]
    assert message.startswith("【来电留言】刘女士（13912345678，L3-008）于") and "冷库温度偏高，请回电（" in message
    (row,) = outbox_rows(session, kind="notify_staff", ticket_id=None)
    assert row.status == "done"


def test_tenant_photo_is_downloaded_under_the_instance(app, desk, session, instance):
    t = desk.ticket(Status.NEW)
    message = Message(site_id=desk.site.id, openid=desk.tenant.openid, direction="in", msg_type="image",
                      media_id="demo-image", ticket_id=t.id, tenant_id=desk.tenant.id, dedupe_key="m1")
    session.add(message)
    session.flush()
    session.add(Outbox(kind="download_media", ticket=t, payload={"message_id": message.id}))
    session.commit()
    work(app)
    session.expire_all()
    assert message.media_path.startswith(f"media/{desk.site.id}/") and message.media_path.endswith(".jpg")
    assert (instance / message.media_path).read_bytes() == DEMO_JPEG


def test_a_photo_wechat_no_longer_has_fails_visibly(app, desk, session):
    t = desk.ticket(Status.NEW)
    message = Message(site_id=desk.site.id, openid=desk.tenant.openid, direction="in", msg_type="image",
                      media_id="expired-media", ticket_id=t.id, tenant_id=desk.tenant.id, dedupe_key="m2")
    session.add(message)
    session.flush()
    session.add(Outbox(kind="download_media", ticket=t, payload={"message_id": message.id}))
    session.commit()
    work(app)
    (row,) = outbox_rows(session, kind="download_media")
    assert (row.status, row.attempts) == ("failed", 1)  # 40007: no retry can bring it back
    note = session.scalar(sa.select(TicketEvent.note).where(TicketEvent.ticket_id == t.id,
                                                            TicketEvent.action == "media_failed"))
    assert note == "下载租户发来的图片失败（已尝试1次）：微信返回 40007：invalid media_id (media/get)。请联系租户重新发送。"


def test_a_site_with_its_own_official_account_uses_its_credentials(app, desk, session, fake_wechat):
    desk.site.set_wechat_credentials(app.config["SECRET_KEY"], appid="wx00site0000own01", secret="site-own-secret")
    t = desk.ticket(Status.NEW)
    workflow.dispatch(session, t, desk.desk)
    session.commit()
    work(app)
    assert {r["query"]["appid"] for r in fake_wechat.received("token")} == {"wx00site0000own01"}
    assert app.redis.get("wechatpy:wx00site0000own01_access_token") is not None
    assert len(texts_to(fake_wechat, desk.tenant.openid)) == 1


def test_no_credentials_at_all_is_a_visible_failure(app, desk, session, fake_wechat):
    app.config.update(WECHAT_APPID=None, WECHAT_SECRET=None)
    t = desk.ticket(Status.NEW)
    workflow.dispatch(session, t, desk.desk)
    session.commit()
    work(app)
    assert fake_wechat.received() == []
    (row,) = outbox_rows(session, ticket_id=t.id, kind="notify_tenant")
    assert (row.status, row.last_error) == ("failed", "未配置微信公众号 AppID/AppSecret")
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(
        TicketEvent.ticket_id == t.id, TicketEvent.action == "notify_failed")) == 2  # tenant and engineer


def test_a_new_job_reaches_the_engineer_with_a_link_that_opens_it_after_sign_in(app, desk, session, fake_wechat):
    t = desk.ticket(Status.NEW)
    workflow.dispatch(session, t, desk.desk, assignee=desk.engineer)
    session.commit()
    work(app)
    (sent,) = [r["json"] for r in fake_wechat.sent("template") if r["json"]["touser"] == desk.engineer.openid]
    assert sent["url"] == f"{PUBLIC}/admin/tickets/{t.id}"
    path = sent["url"].removeprefix(PUBLIC)

    app.config["WTF_CSRF_ENABLED"] = False  # tokens are checked in tests/admin/test_security.py
    phone = Console(app.test_client())  # each request with a fresh `g`, as in production
    signed_out = phone.get(path)
    assert signed_out.status_code == 302
    sign_in = signed_out.headers["Location"]
    assert sign_in == f"/admin/login?next={path}"
    signed_in = phone.open(sign_in, "POST", data={"username": desk.engineer.username, "password": "password123"})
    assert signed_in.headers["Location"] == path
    page = phone.get(path)
    assert page.status_code == 200 and t.number in page.get_data(as_text=True)


def test_a_dispatch_note_is_read_first_in_the_workers_notice(app, desk, session, make, fake_wechat):
    t = desk.ticket(Status.NEW)
    workflow.turn_urgent(session, t, words="水已经漫到店里了")
    session.commit()
    work(app)
    texts = texts_to(fake_wechat, desk.engineer.openid, "template")  # the department's engineer
    assert any(text.startswith(f"【派单】工单 {t.number}（未登记铺位）已派至工程部：租户补充，转为紧急：水已经漫到店里了；空调不制冷")
               for text in texts), texts
