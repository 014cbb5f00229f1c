"""The authorisation matrix's cases (test_access.py): the roles, the answers expected of
each, and what each request needs to exist first (a ticket, a photo, a report …)."""
from __future__ import annotations

import base64
import io
import itertools
from datetime import timedelta

import workflow
from admin.formatting import fmt_input_time
from models import Channel, FollowUp, KeywordRule, Message, Role, Status, utcnow
from tests.images import canvas_png, jpeg

ANON = "anonymous"
WHO = (ANON, Role.DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN)
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
seq = itertools.count(1)
SIGNATURE = "data:image/png;base64," + base64.b64encode(canvas_png(ink=((2, 3),))).decode()


def expect(anon, desk, engineer, supervisor, admin):
    return dict(zip(WHO, (anon, desk, engineer, supervisor, admin), strict=True))


EVERYONE = expect(302, 200, 200, 200, 200)
DESK_UP = expect(302, 200, 403, 200, 200)
SUPERVISION = expect(302, 403, 403, 200, 200)
ADMIN = expect(302, 403, 403, 403, 200)
ACT_ALL = expect(302, 302, 302, 302, 302)  # a successful post redirects
ACT_DESK = expect(302, 302, 403, 302, 302)


def new_ticket(team, status=Status.DISPATCHED, **kw):
    t = team.ticket(status, **kw)
    team.session.commit()
    return t


def photo(team, app):
    t = new_ticket(team)
    path = f"media/test-{next(seq)}.png"
    target = f"{app.config['INSTANCE_PATH']}/{path}"
    import os

    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as fh:
        fh.write(PNG)
    m = Message(site_id=t.site_id, openid="o-tenant-1", direction="in", msg_type="image", media_path=path,
                ticket_id=t.id, dedupe_key=f"photo-{next(seq)}")
    team.session.add(m)
    team.session.commit()
    return f"/admin/tickets/{t.id}/photos/{m.id}"


def field_photo(team, app):
    t = new_ticket(team, Status.IN_PROGRESS)
    kept = workflow.add_photo(team.session, t, team.engineer, stage="before", content=jpeg(),
                              media_root=app.config["INSTANCE_PATH"])
    team.session.commit()
    return f"/admin/tickets/{t.id}/files/{kept.id}"


def visit(team):
    t = new_ticket(team, Status.COMPLETED)
    v = FollowUp(site_id=t.site_id, ticket_id=t.id, kind="urgent_24h", due_at=utcnow())
    team.session.add(v)
    team.session.commit()
    return f"/admin/visits/{v.id}"


def keyword_rule(team):
    r = KeywordRule(kind="code", keyword=f"词{next(seq)}", target="ENG-HVAC", weight=1.0)
    team.session.add(r)
    team.session.commit()
    return f"/admin/rules/{r.id}"


def report(team, app):
    from workflow.reports import build_report

    report = build_report(team.session, team.site, 2026, 1, app.config["INSTANCE_PATH"])
    team.session.commit()
    return f"/admin/stats/reports/{report.id}"


def new_unit(team):
    from models import Unit

    unit = Unit(site_id=team.site.id, code=f"L9-{next(seq):03d}")
    team.session.add(unit)
    team.session.commit()
    return unit


def fee(team):
    from workflow.fees import save_fee_item

    item = save_fee_item(team.session, team.site, None, name=f"收费{next(seq)}", unit="个", price="10")
    team.session.commit()
    return item


def faq(team):
    from models import FaqEntry

    entry = FaqEntry(site_id=team.site.id, question=f"问题{next(seq)}", answer="答复", active=True)
    team.session.add(entry)
    team.session.commit()
    return entry


def notice(team):
    from workflow.notices import send_notice

    notice, _ = send_notice(team.session, team.site, team.supervisor, title="通知", body="内容", audience="site",
                            form_key=f"key{next(seq)}")
    team.session.commit()
    return notice


def campaign(team, sent=False):
    from workflow.campaigns import create_campaign, send_campaign

    campaign = create_campaign(team.session, team.site, team.desk, title="问卷",
                               questions=[{"text": "满意吗？", "kind": "choice", "options": ["满意", "不满意"]}])
    if sent:
        send_campaign(team.session, campaign, team.desk)
    team.session.commit()
    return campaign


def paper_answer(team):
    sent = campaign(team, True)
    return f"/admin/campaigns/{sent.id}/paper", {"unit": tenant_unit(team), f"q{sent.questions[0].id}": "满意"}


def planned_visit(team, item=False):
    """An occasional visit: its FollowUp's id (or, with item, its plan item's)."""
    from workflow.visit_plans import plan_occasional_visit

    planned = plan_occasional_visit(team.session, team.site, team.desk, tenant=team.tenant,
                                    due_on=utcnow().date() + timedelta(days=3), purpose="了解情况")
    team.session.commit()
    return planned.id if item else planned.follow_up_id


def tenant_unit(team):
    unit = new_unit(team)
    team.tenant.unit_id = unit.id
    team.session.commit()
    return unit.code


def later():
    return fmt_input_time(utcnow() + timedelta(days=2))


# Ticket actions: the status to start from, the form, who may do it.
ACTIONS = {
    "reclassify": (Status.NEW, {"code": "ENG-ELEC"}, ACT_DESK),
    "dispatch": (Status.NEW, {}, ACT_DESK),
    "start": (Status.DISPATCHED, {}, ACT_ALL),
    "arrive": (Status.DISPATCHED, {}, ACT_ALL),
    "photo": (Status.IN_PROGRESS, {"stage": "before", "photo": lambda: (io.BytesIO(jpeg()), "photo.jpg")}, ACT_ALL),
    "quote": (Status.DISPATCHED, {"amount": "50", "description": "换灯管"}, ACT_ALL),
    "accept_quote": (Status.QUOTED, {}, ACT_DESK),
    "decline_quote": (Status.QUOTED, {}, ACT_DESK),
    "delay": (Status.DISPATCHED, {"reason": "等配件", "new_eta": None}, ACT_ALL),
    "complete": (Status.IN_PROGRESS, {"amount": "0", "work_done": "已修", "site_cleaned": "1"}, ACT_ALL),
    "confirm_receipt": (Status.COMPLETED, {}, ACT_ALL),
    "record_payment": ("paid", {"amount": "180"}, ACT_DESK),
    "close": (Status.COMPLETED, {"result": "已修好"}, ACT_DESK),
    "close_not_ours": (Status.NEW, {"explanation": "非物业事务"}, ACT_DESK),
    "reopen": (Status.CLOSED, {"reason": "租户不满意"}, ACT_DESK),
    "escalate": (Status.DISPATCHED, {"reason": "租户要求主管答复"}, ACT_ALL),
    "note": (Status.DISPATCHED, {"note": "已电话联系"}, ACT_ALL),
    "update_contact": (Status.DISPATCHED, {"phone": "13900000000"}, ACT_ALL),
    "reply_tenant": (Status.DISPATCHED, {"text": "师傅下午到"}, ACT_DESK),
    "letter_reply": ("letter", {"text": "来信收悉，已处理", "method": "mail"}, ACT_DESK),
}


def action(name):
    status, form, expected = ACTIONS[name]

    def prepare(team, app):
        if status == "paid":
            t = new_ticket(team, Status.COMPLETED, paid=True)
        elif status == "letter":
            t = new_ticket(team, Status.NEW, channel=Channel.LETTER, tenant=None)
        else:
            t = new_ticket(team, status)
        data = {k: (v() if callable(v) else v if v is not None else later()) for k, v in form.items()}
        return f"/admin/tickets/{t.id}/actions/{name}", data

    return prepare, expected


def page(path_fn):
    return lambda team, app: (path_fn(team, app), None)
