"""Demo data: the site 乐汇城物业服务中心 (slug lehui) with departments, staff for every
role, units (with floors, for notices), a fee schedule, a few 问答 entries and a few dozen
tickets in every state, replayed through the workflow so their timelines are real.
Idempotent."""
from __future__ import annotations

import random
from datetime import timedelta

import sqlalchemy as sa
import sqlalchemy.orm as so

import workflow
from models import Channel, FaqEntry, FeeItem, Message, Outbox, Role, Site, Staff, Tenant, Ticket, Unit, utcnow
from workflow.machine import clock_at
from workflow.reference import ensure_department, ensure_reference_data

DEMO_TOKEN = "demo-token"  # the demo site's webhook token, so `flask simulate` works from any shell
SITE = {"slug": "lehui", "name": "乐汇城物业服务中心", "ticket_prefix": "LH", "phone": "0571-88886666",
        "address": "乐汇城购物中心B1层服务中心", "city": "杭州"}
SECOND_SITE = {"slug": "gongshe", "name": "园区共舍物业服务中心", "ticket_prefix": "GS", "phone": "0571-86660000",
               "city": "杭州"}
DEMO_PASSWORD = "demo1234"
STAFF = [  # username, name, role, department
    ("kefu", "客服李娜", Role.DESK, "客服部"),
    ("gongcheng", "工程王师傅", Role.ENGINEER, "工程部"),
    ("baojie", "保洁张阿姨", Role.ENGINEER, "保洁部"),
    ("anbao", "安保赵队长", Role.ENGINEER, "安保部"),
    ("zhuguan", "主管陈经理", Role.SUPERVISOR, "客服部"),
    ("admin", "系统管理员", Role.ADMIN, None),
]
DEMO_LOGINS = [(u, DEMO_PASSWORD, r.label) for u, _, r, _ in STAFF]
TENANTS = [  # openid, name, phone, unit
    ("demo-openid-wang", "王建国", "13800001234", "L2-015"),
    ("demo-openid-liu", "刘芳", "13912345678", "L3-008"),
    ("demo-openid-zhao", "赵磊", "13700005678", "L1-032"),
    ("demo-openid-sun", "孙丽", "13600002222", "B1-003"),
]
# text, channel, fate (how far the ticket gets), days ago
TICKETS = [
    ("卫生间水管爆了，水漫出来了，快来人", Channel.WECHAT, "closed", 2),
    ("空调不制冷，店里热得没法营业", Channel.WECHAT, "paid_closed", 5),
    ("店门口的卷帘门坏了拉不下来，晚上没法锁门", Channel.PHONE, "closed", 9),
    ("天花板靠窗那边渗水，下雨后更明显", Channel.WECHAT, "completed", 3),
    ("隔壁店装修一直在电钻，吵得客人都走了", Channel.WECHAT, "dispatched", 1),
    ("请问物业费可以开专票吗", Channel.WECHAT, "closed_direct", 12),
    ("你们这什么破物业！！报修三天了空调还没人来，气死我了", Channel.WECHAT, "new", 0),
    ("B1停车场有车一直占着我们的卸货车位", Channel.PHONE, "closed", 20),
    ("L3走廊的灯不亮了，晚上很黑", Channel.WECHAT, "in_progress", 1),
    ("后厨下水道堵了，水排不下去", Channel.WECHAT, "closed", 33),
    ("电梯困人了！3号电梯停在2楼和3楼之间", Channel.PHONE, "closed", 40),
    ("仓库里发现老鼠，麻烦安排灭鼠", Channel.WECHAT, "closed", 45),
    ("门禁卡刷不开员工通道的门", Channel.VISIT, "closed", 50),
    ("垃圾房那边味道很大，好几天没清运了", Channel.WECHAT, "closed", 61),
    ("建议在中庭多放几个休息座椅", Channel.WECHAT, "closed_direct", 64),
    ("保安态度很差，对顾客大声呵斥", Channel.LETTER, "closed_letter", 70),
    ("店铺整层停电了，冰柜里的东西要坏了", Channel.PHONE, "closed", 75),
    ("烟感报警器一直在响，也没有着火", Channel.WECHAT, "closed", 80),
    ("网络断了，收银机连不上", Channel.WECHAT, "closed", 88),
    ("外墙玻璃有裂缝，担心掉下来", Channel.VISIT, "closed", 95),
    ("感谢王师傅昨天及时修好了水管", Channel.WECHAT, "closed_direct", 100),
    ("地砖松动了，顾客差点绊倒", Channel.WECHAT, "dispatched", 2),
    ("水电费这个月怎么多收了两百", Channel.PHONE, "new", 0),
    ("花坛里的树枝挡住了店招", Channel.WECHAT, "not_ours", 30),
    ("消防通道被杂物堵塞了", Channel.WECHAT, "closed", 110),
    ("空调出风口一直滴水", Channel.WECHAT, "quoted", 1),
    ("插座冒火花，闻到烧焦味", Channel.PHONE, "closed", 130),
    ("洗手池水龙头关不紧一直滴水", Channel.VISIT, "closed", 150),
    ("晚上十点后还有装修施工噪音", Channel.WECHAT, "closed", 160),
    ("请问营业时间是几点到几点", Channel.WECHAT, "closed_direct", 170),
]


def _site(session: so.Session, spec: dict) -> Site:
    site = session.scalar(sa.select(Site).where(Site.slug == spec["slug"]))
    if site is None:
        site = Site(**spec, settings={})
        if spec is SITE:  # sealed under this deployment's SECRET_KEY, as the console would
            from flask import current_app

            site.set_wechat_credentials(current_app.config["SECRET_KEY"], token=DEMO_TOKEN)
        session.add(site)
        session.flush()
    return site


def _staff(session: so.Session, sites: list[Site]) -> dict[str, Staff]:
    out = {}
    for username, name, role, dept in STAFF:
        staff = session.scalar(sa.select(Staff).where(Staff.username == username))
        if staff is None:
            staff = Staff(username=username, display_name=name, role=role)
            staff.set_password(DEMO_PASSWORD)
            session.add(staff)
        if dept:
            staff.department = ensure_department(session, dept)
        staff.sites = list(sites) if role != Role.ADMIN else []
        out[username] = staff
    session.flush()
    return out


def _units_and_tenants(session: so.Session, site: Site) -> list[Tenant]:
    existing = {u.code: u for u in session.scalars(sa.select(Unit).where(Unit.site_id == site.id))}
    for floor in ("B1", "L1", "L2", "L3"):
        for n in range(1, 41):
            code = f"{floor}-{n:03d}"
            if code not in existing:
                session.add(Unit(site_id=site.id, code=code, kind="shop", floor=floor))
            elif existing[code].floor is None:  # seeded before units had floors
                existing[code].floor = floor
    session.flush()
    tenants = []
    for openid, name, phone, unit_code in TENANTS:
        tenant = session.scalar(sa.select(Tenant).where(Tenant.site_id == site.id, Tenant.openid == openid))
        if tenant is None:
            unit = session.scalar(sa.select(Unit).where(Unit.site_id == site.id, Unit.code == unit_code))
            tenant = Tenant(site_id=site.id, openid=openid, name=name, phone=phone, unit=unit)
            session.add(tenant)
            # a greeting today: inside WeChat's 48 h window, so the demo's replies go as texts
            session.add(Message(site_id=site.id, openid=openid, direction="in", dedupe_key="demo:hello",
                                msg_type="text", content="你好", created_at=utcnow()))
        tenants.append(tenant)
    session.flush()
    return tenants


FEES = [  # name, unit, price, codes
    ("更换水龙头", "个", "60", "ENG-PLUMB"), ("疏通下水道", "次", "80", "ENG-PLUMB"),
    ("更换空调电容", "个", "180", "ENG-HVAC"), ("上门服务费", "次", "30", ""),
]
ANSWERS = [  # question, other phrasings, answer
    ("快递可以放前台代收吗", ["前台能代收快递吗", "快递放哪里"], "可以的，B1层服务中心前台代收快递，请凭取件码领取。"),
    ("营业时间是几点到几点", ["商场几点开门", "几点关门"], "商场营业时间为每天10:00–22:00，服务中心8:30–22:30。"),
    ("装修需要办理什么手续", ["装修怎么申请", "装修要审批吗"],
     "装修前请到服务中心提交装修申请表和图纸，审批通过后领取施工许可证；施工时间为每天22:30后。"),
]


def _fees_and_answers(session: so.Session, site: Site, admin: Staff) -> None:
    from workflow.faq import save_entry
    from workflow.fees import save_fee_item

    if not session.scalar(sa.select(FeeItem.id).where(FeeItem.site_id == site.id)):
        for name, unit, price, codes in FEES:
            save_fee_item(session, site, None, name=name, unit=unit, price=price, codes=codes)
    if not session.scalar(sa.select(FaqEntry.id).where(FaqEntry.site_id == site.id)):
        for question, phrasings, answer in ANSWERS:
            save_entry(session, site, None, admin, question=question, phrasings="\n".join(phrasings), answer=answer,
                       active=True)


def _replay(session, site, staff, tenant, text, channel, fate, created):
    desk = staff["kefu"]
    actor = None if channel == Channel.WECHAT else desk
    step = created
    with clock_at(step):
        ticket = workflow.register(session, site, content=text, channel=channel, actor=actor, tenant=tenant,
                                   created_at=created, forwarded_by_company=fate == "closed_letter")
    session.flush()

    def at(minutes):
        nonlocal step
        step = step + timedelta(minutes=minutes)
        return clock_at(min(step, utcnow()))

    if fate == "new":
        return ticket
    if fate in ("closed_direct",):
        with at(15):
            workflow.close(session, ticket, desk, result="已当场答复租户")
        return ticket
    if fate == "not_ours":
        with at(30):
            workflow.close_not_ours(session, ticket, desk, explanation="该处属市政绿化，已告知租户拨打12319")
        return ticket
    with at(10):
        workflow.dispatch(session, ticket, desk)
    if fate == "dispatched":
        return ticket
    department_id = ticket.active_dispatch.department_id
    worker = next((s for s in staff.values() if s.role == Role.ENGINEER and s.department_id == department_id), desk)
    with at(25 if not ticket.urgent else 8):
        workflow.arrive(session, ticket, worker)  # 到场: the work starts on arrival
    if fate == "in_progress":
        return ticket
    if fate in ("quoted", "paid_closed"):
        with at(20):
            workflow.quote(session, ticket, desk, amount="180", description="更换空调电容")
        if fate == "quoted":
            return ticket
        with at(10):
            workflow.answer_quote(session, ticket, None, accepted=True)
    amount = "180" if fate == "paid_closed" else "0"
    with at(90):
        workflow.complete(session, ticket, worker, amount=amount,
                          work_done="已处理完毕", site_cleaned=True)
    if fate == "completed":
        return ticket
    with at(30):
        workflow.confirm_receipt(session, ticket, None)
    if fate == "paid_closed":
        with at(60):
            workflow.record_payment(session, ticket, desk, amount=amount)
    with at(60):
        report = "已书面向公司汇报处理结果" if fate == "closed_letter" else None
        workflow.close(session, ticket, desk, result="已处理，租户确认", report=report)
    return ticket


def seed(session: so.Session) -> str:
    ensure_reference_data(session)
    site = _site(session, SITE)
    second = _site(session, SECOND_SITE)
    staff = _staff(session, [site, second])
    tenants = _units_and_tenants(session, site)
    _fees_and_answers(session, site, staff["admin"])
    if session.scalar(sa.select(sa.func.count(Ticket.id)).where(Ticket.site_id == site.id)):
        return f"演示数据已存在：{site.name}（{site.slug}）"
    rng = random.Random(2026)
    now = utcnow()
    for i, (text, channel, fate, days_ago) in enumerate(TICKETS):
        created = now - timedelta(days=days_ago, hours=rng.randint(1, 8), minutes=rng.randint(0, 59))
        tenant = tenants[i % len(tenants)]
        _replay(session, site, staff, tenant, text, channel, fate, created)
    # Replayed history is not news: its notices were "sent" back then, not on first start.
    session.flush()
    seeded = sa.select(Ticket.id).where(Ticket.site_id == site.id)
    session.execute(sa.update(Outbox).where(Outbox.ticket_id.in_(seeded), Outbox.status == "pending")
                    .values(status="done", done_at=now, last_error="演示数据：历史记录，不发送"))
    return f"已创建演示数据：{site.name}（{site.slug}），工单 {len(TICKETS)} 张"


