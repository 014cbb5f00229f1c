"""Authorisation matrix: every console route × every role (and anonymous). The route list
comes from app.url_map, so a new console route without a rule here fails."""
from __future__ import annotations

import base64
import io
import itertools
from datetime import timedelta

import pytest
import sqlalchemy as sa

import workflow
from admin.formatting import fmt_input_time
from admin.ticket_actions import HANDLERS
from models import Channel, FollowUp, KeywordRule, Message, Role, Status, Ticket, TicketEvent, utcnow
from tests.images import canvas_png, jpeg

ANON = "anonymous"
WHO = (ANON, Role.DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN)
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
_seq = itertools.count(1)
SIGNATURE = "data:image/png;base64," + base64.b64encode(canvas_png(ink=((2, 3),))).decode()


def expect(anon, desk, engineer, supervisor, admin):
    return dict(zip(WHO, (anon, desk, engineer, supervisor, admin), strict=True))


EVERYONE = expect(302, 200, 200, 200, 200)
DESK_UP = expect(302, 200, 403, 200, 200)
SUPERVISION = expect(302, 403, 403, 200, 200)
ADMIN = expect(302, 403, 403, 403, 200)
ACT_ALL = expect(302, 302, 302, 302, 302)  # a successful post redirects
ACT_DESK = expect(302, 302, 403, 302, 302)


def _ticket(team, status=Status.DISPATCHED, **kw):
    t = team.ticket(status, **kw)
    team.session.commit()
    return t


def _photo(team, app):
    t = _ticket(team)
    path = f"media/test-{next(_seq)}.png"
    target = f"{app.config['INSTANCE_PATH']}/{path}"
    import os

    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as fh:
        fh.write(PNG)
    m = Message(site_id=t.site_id, openid="o-tenant-1", direction="in", msg_type="image", media_path=path,
                ticket_id=t.id, dedupe_key=f"photo-{next(_seq)}")
    team.session.add(m)
    team.session.commit()
    return f"/admin/tickets/{t.id}/photos/{m.id}"


def _field_photo(team, app):
    t = _ticket(team, Status.IN_PROGRESS)
    kept = workflow.add_photo(team.session, t, team.engineer, stage="before", content=jpeg(),
                              media_root=app.config["INSTANCE_PATH"])
    team.session.commit()
    return f"/admin/tickets/{t.id}/files/{kept.id}"


def _visit(team):
    t = _ticket(team, Status.COMPLETED)
    v = FollowUp(site_id=t.site_id, ticket_id=t.id, kind="urgent_24h", due_at=utcnow())
    team.session.add(v)
    team.session.commit()
    return f"/admin/visits/{v.id}"


def _rule(team):
    r = KeywordRule(kind="code", keyword=f"词{next(_seq)}", target="ENG-HVAC", weight=1.0)
    team.session.add(r)
    team.session.commit()
    return f"/admin/rules/{r.id}"


def _report(team, app):
    from workflow.reports import build_report

    report = build_report(team.session, team.site, 2026, 1, app.config["INSTANCE_PATH"])
    team.session.commit()
    return f"/admin/stats/reports/{report.id}"


def _unit(team):
    from models import Unit

    unit = Unit(site_id=team.site.id, code=f"L9-{next(_seq):03d}")
    team.session.add(unit)
    team.session.commit()
    return unit


def _fee(team):
    from workflow.fees import save_fee_item

    item = save_fee_item(team.session, team.site, None, name=f"收费{next(_seq)}", unit="个", price="10")
    team.session.commit()
    return item


def _faq(team):
    from models import FaqEntry

    entry = FaqEntry(site_id=team.site.id, question=f"问题{next(_seq)}", answer="答复", active=True)
    team.session.add(entry)
    team.session.commit()
    return entry


def _notice(team):
    from workflow.notices import send_notice

    notice, _ = send_notice(team.session, team.site, team.supervisor, title="通知", body="内容", audience="site",
                            form_key=f"key{next(_seq)}")
    team.session.commit()
    return notice


def _campaign(team, sent=False):
    from workflow.campaigns import create_campaign, send_campaign

    campaign = create_campaign(team.session, team.site, team.desk, title="问卷",
                               questions=[{"text": "满意吗？", "kind": "choice", "options": ["满意", "不满意"]}])
    if sent:
        send_campaign(team.session, campaign, team.desk)
    team.session.commit()
    return campaign


def _planned_visit(team):
    from workflow.visit_plans import plan_occasional_visit

    item = plan_occasional_visit(team.session, team.site, team.desk, tenant=team.tenant,
                                 due_on=utcnow().date() + timedelta(days=3), purpose="了解情况")
    team.session.commit()
    return item.follow_up_id


def _tenant_unit(team):
    unit = _unit(team)
    team.tenant.unit_id = unit.id
    team.session.commit()
    return unit.code


def _later():
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


def _action(name):
    status, form, expected = ACTIONS[name]

    def prepare(team, app):
        if status == "paid":
            t = _ticket(team, Status.COMPLETED, paid=True)
        elif status == "letter":
            t = _ticket(team, Status.NEW, channel=Channel.LETTER, tenant=None)
        else:
            t = _ticket(team, status)
        data = {k: (v() if callable(v) else v if v is not None else _later()) for k, v in form.items()}
        return f"/admin/tickets/{t.id}/actions/{name}", data

    return prepare, expected


def _get(path_fn):
    return lambda team, app: (path_fn(team, app), None)


# endpoint → method → (prepare(team, app) → (url, form or None), expected per role)
MATRIX = {
    "admin.login": {
        "GET": (_get(lambda *_: "/admin/login"), expect(200, 302, 302, 302, 302)),
        "POST": (lambda *_: ("/admin/login", {"username": "nobody", "password": "wrong-password"}),
                 expect(401, 401, 401, 401, 401)),
    },
    "admin.logout": {"POST": (lambda *_: ("/admin/logout", {}), ACT_ALL)},
    "admin.home": {"GET": (_get(lambda *_: "/admin/"), expect(302, 302, 302, 302, 302))},
    "admin.static": {"GET": (_get(lambda *_: "/admin/static/admin.css"), expect(200, 200, 200, 200, 200))},
    "admin.queue": {"GET": (_get(lambda *_: "/admin/tickets"), EVERYONE)},
    "admin.ticket": {"GET": (_get(lambda team, app: f"/admin/tickets/{_ticket(team).id}"), EVERYONE)},
    "admin.photo": {"GET": (_get(_photo), EVERYONE)},
    "admin.ticket_file": {"GET": (_get(_field_photo), EVERYONE)},
    "admin.receipt": {
        "GET": (_get(lambda team, app: f"/admin/tickets/{_ticket(team, Status.COMPLETED).id}/receipt"), EVERYONE),
        "POST": (lambda team, app: (f"/admin/tickets/{_ticket(team, Status.COMPLETED).id}/receipt",
                                    {"signer": "王建国", "signature": SIGNATURE}), ACT_ALL),
    },
    "admin.my_tasks": {"GET": (_get(lambda *_: "/admin/tasks"), expect(302, 403, 200, 403, 403))},
    "admin.intake": {
        "GET": (_get(lambda *_: "/admin/intake/phone"), DESK_UP),
        "POST": (lambda *_: ("/admin/intake/visit", {"content": "门禁卡刷不开", "site": "lehui",
                                                            "phone": "13800001234"}), ACT_DESK),
    },
    "admin.classify_text": {"POST": (lambda *_: ("/admin/intake/classify", {"json": {"text": "空调不制冷"}}),
                                     expect(401, 200, 403, 200, 200))},
    "admin.phone_message": {
        "GET": (_get(lambda *_: "/admin/intake/message"), DESK_UP),
        "POST": (lambda team, app: ("/admin/intake/message", {"recipient": str(team.engineer.id), "caller": "刘先生",
                                                              "text": "请回电", "site": "lehui"}),
                 expect(302, 302, 403, 302, 302)),
    },
    "admin.visits": {"GET": (_get(lambda *_: "/admin/visits"), DESK_UP)},
    "admin.triage": {"GET": (_get(lambda *_: "/admin/triage"), DESK_UP)},
    "admin.record_visit": {"POST": (lambda team, app: (_visit(team), {"method": "phone", "result": "已修好"}),
                                    ACT_DESK)},
    "admin.callbacks": {"GET": (_get(lambda *_: "/admin/callbacks"), DESK_UP)},
    "admin.record_callback": {"POST": (lambda team, app: (_visit(team).replace("/visits/", "/callbacks/"),
                                                          {"method": "phone", "result": "已修好", "score": "5"}),
                                       ACT_DESK)},
    "admin.mark_rainy": {"POST": (lambda *_: ("/admin/visits/rain", {"site": "lehui"}), ACT_DESK)},
    "admin.stats": {"GET": (_get(lambda *_: "/admin/stats"), SUPERVISION)},
    "admin.stats_chart": {"GET": (_get(lambda *_: "/admin/stats/charts/category.svg"), SUPERVISION)},
    "admin.stats_xlsx": {"GET": (_get(lambda *_: "/admin/stats/export.xlsx"), SUPERVISION)},
    "admin.stats_csv": {"GET": (_get(lambda *_: "/admin/stats/export.csv"), SUPERVISION)},
    "admin.complaints_xlsx": {"GET": (_get(lambda *_: "/admin/stats/complaints.xlsx"), SUPERVISION)},
    "admin.complaints_csv": {"GET": (_get(lambda *_: "/admin/stats/complaints.csv?since=2026-01-01&until=2026-12-31"),
                                     SUPERVISION)},
    "admin.stats_report": {"GET": (_get(_report), SUPERVISION)},
    "admin.stats_report_print": {"GET": (_get(lambda team, app: _report(team, app) + "/print"), SUPERVISION)},
    "admin.stats_report_send": {"POST": (lambda team, app: (_report(team, app) + "/send", {}),
                                         expect(302, 403, 403, 303, 303))},
    "admin.stats_report_summary": {"POST": (lambda team, app: (_report(team, app) + "/summary", {"problems": "超时多"}),
                                            expect(302, 403, 403, 303, 303))},
    "admin.stats_report_department": {"GET": (_get(lambda team, app: _report(team, app)  # the engineer's own
                                                   + f"/departments/{team.engineer.department_id}"),
                                              expect(302, 403, 200, 200, 200))},
    "admin.rules": {"GET": (_get(lambda *_: "/admin/rules?test=空调不制冷"), ADMIN)},
    "admin.add_rule": {"POST": (lambda *_: ("/admin/rules?kind=code&target=ENG-HVAC",
                                            {"keyword": f"冷气机{next(_seq)}", "weight": "2"}),
                                expect(302, 403, 403, 403, 302))},
    "admin.change_rule": {"POST": (lambda team, app: (_rule(team), {"op": "toggle"}), expect(302, 403, 403, 403, 302))},
    "admin.phrases": {
        "GET": (_get(lambda *_: "/admin/settings/phrases"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/phrases", {"site": "lehui"}), expect(302, 403, 403, 403, 302)),
    },
    "admin.site_settings": {
        "GET": (_get(lambda *_: "/admin/settings/site"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/site", {"site": "lehui", "name": "乐汇城物业服务中心"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.staff_list": {
        "GET": (_get(lambda *_: "/admin/settings/staff"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/staff", {"username": f"new{next(_seq)}", "role": "desk",
                                                       "password": "longpassword", "sites": "lehui"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.staff_change": {"POST": (lambda team, app: (f"/admin/settings/staff/{team.desk.id}", {"op": "unlock"}),
                                    expect(302, 403, 403, 403, 302))},
    "admin.sites": {
        "GET": (_get(lambda *_: "/admin/sites"), ADMIN),
        "POST": (lambda *_: ("/admin/sites", {"slug": f"site{next(_seq)}", "name": "新站", "prefix": f"N{next(_seq)}",
                                              "kind": "mall"}), expect(302, 403, 403, 403, 302)),
    },
    "admin.site_edit": {
        "GET": (_get(lambda *_: "/admin/sites/lehui"), ADMIN),
        "POST": (lambda *_: ("/admin/sites/lehui", {"name": "乐汇城物业服务中心", "prefix": "LH", "kind": "mall"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.departments": {
        "GET": (_get(lambda *_: "/admin/settings/departments"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/departments", {"name": f"部门{next(_seq)}"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.department_edit": {"POST": (lambda team, app: (f"/admin/settings/departments/{team.desk.department_id}",
                                                          {"name": "客服部", "phone": "0571-1"}),
                                       expect(302, 403, 403, 403, 302))},
    "admin.staff_edit": {
        "GET": (_get(lambda team, app: f"/admin/settings/staff/{team.desk.id}/edit"), ADMIN),
        "POST": (lambda team, app: (f"/admin/settings/staff/{team.desk.id}/edit", {"role": "desk", "sites": "lehui"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.unit_import": {
        "GET": (_get(lambda *_: "/admin/units/import"), SUPERVISION),
        "POST": (lambda *_: ("/admin/units/import", {"site": "lehui"}), expect(302, 403, 403, 400, 400)),
    },
    "admin.unit_import_confirm": {"POST": (lambda *_: ("/admin/units/import/confirm", {"site": "lehui", "rows": "x"}),
                                           expect(302, 403, 403, 400, 400))},
    "admin.tenant_records": {"GET": (_get(lambda *_: "/admin/tenants?q=L2"), DESK_UP)},
    "admin.unit_record": {"GET": (_get(lambda team, app: f"/admin/units/{_unit(team).id}"), DESK_UP)},
    "admin.unit_qr": {"GET": (_get(lambda *_: "/admin/units/qr?per_page=9"), SUPERVISION)},
    "admin.unit_qr_wechat": {"POST": (lambda *_: ("/admin/units/qr/wechat", {"site": "lehui"}),
                                      expect(302, 403, 403, 302, 302))},
    "admin.fees": {
        "GET": (_get(lambda *_: "/admin/settings/fees"), SUPERVISION),
        "POST": (lambda *_: ("/admin/settings/fees", {"site": "lehui", "name": f"项目{next(_seq)}", "unit": "个",
                                                      "price": "10", "active": "1"}),
                 expect(302, 403, 403, 302, 302)),
    },
    "admin.fee_edit": {"POST": (lambda team, app: (f"/admin/settings/fees/{_fee(team).id}",
                                                   {"name": f"项目{next(_seq)}", "unit": "次", "price": "5"}),
                                expect(302, 403, 403, 302, 302))},
    "admin.ticket_print": {"GET": (_get(lambda team, app: f"/admin/tickets/{_ticket(team).id}/print/dispatch"),
                                   EVERYONE)},
    "admin.faq": {
        "GET": (_get(lambda *_: "/admin/faq"), DESK_UP),
        "POST": (lambda *_: ("/admin/faq", {"site": "lehui", "question": f"问题{next(_seq)}", "answer": "答复",
                                            "active": "1"}), ACT_DESK),
    },
    "admin.faq_edit": {
        "GET": (_get(lambda team, app: f"/admin/faq/{_faq(team).id}"), DESK_UP),
        "POST": (lambda team, app: (f"/admin/faq/{_faq(team).id}", {"question": "问题", "answer": "答复"}), ACT_DESK),
    },
    "admin.faq_toggle": {"POST": (lambda team, app: (f"/admin/faq/{_faq(team).id}/toggle", {}), ACT_DESK)},
    "admin.notices": {
        "GET": (_get(lambda *_: "/admin/notices"), SUPERVISION),
        "POST": (lambda *_: ("/admin/notices", {"site": "lehui", "form_key": f"k{next(_seq)}", "title": "停水通知",
                                                "body": "周六停水", "audience": "site"}),
                 expect(302, 403, 403, 302, 302)),
    },
    "admin.notice": {"GET": (_get(lambda team, app: f"/admin/notices/{_notice(team).id}"), SUPERVISION)},
    "admin.campaigns": {
        "GET": (_get(lambda *_: "/admin/campaigns"), DESK_UP),
        "POST": (lambda *_: ("/admin/campaigns", {"site": "lehui", "title": "问卷", "q1_text": "有什么建议？",
                                                  "q1_kind": "text"}), ACT_DESK),
    },
    "admin.campaign": {"GET": (_get(lambda team, app: f"/admin/campaigns/{_campaign(team).id}"), DESK_UP)},
    "admin.send_questionnaire": {"POST": (lambda team, app: (f"/admin/campaigns/{_campaign(team).id}/send",
                                                             {"audience": "site", "hours": "24"}), ACT_DESK)},
    "admin.close_questionnaire": {"POST": (lambda team, app: (f"/admin/campaigns/{_campaign(team, True).id}/close",
                                                              {}), ACT_DESK)},
    "admin.visit_plans": {
        "GET": (_get(lambda *_: "/admin/visit-plans"), DESK_UP),
        "POST": (lambda *_: ("/admin/visit-plans", {"site": "lehui", "month": "2030-01", "audience": "site"}),
                 ACT_DESK),
    },
    "admin.plan_occasional": {"POST": (lambda team, app: ("/admin/visit-plans/occasional", {
        "site": "lehui", "unit": _tenant_unit(team), "due_on": "2030-01-15", "purpose": "了解情况"}), ACT_DESK)},
    "admin.record_planned_visit": {"POST": (lambda team, app: (f"/admin/visit-plans/visits/{_planned_visit(team)}",
                                                               {"method": "visit", "result": "满意"}), ACT_DESK)},
    "admin.simulator": {"GET": (_get(lambda *_: "/admin/simulator"), DESK_UP)},
    # A valid request reaches the webhook; a bad openid stops right after the role check.
    "admin.simulator_send": {"POST": (lambda *_: ("/admin/simulator/send", {"json": {"openid": "real-openid",
                                                                                     "text": "你好"}}),
                                      expect(401, 400, 403, 400, 400))},
    "admin.simulator_messages": {"GET": (_get(lambda *_: "/admin/simulator/messages?openid=sim-x&after=0"),
                                         expect(401, 200, 403, 200, 200))},
}
ACTION_MATRIX = {name: _action(name) for name in ACTIONS}


def console_rules(app):
    return [r for r in app.url_map.iter_rules() if r.endpoint.startswith("admin.")]


def test_every_console_route_has_a_rule(app):
    missing = []
    for rule in console_rules(app):
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        if rule.endpoint == "admin.ticket_action":
            continue
        for method in methods:
            if method not in MATRIX.get(rule.endpoint, {}):
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    assert missing == [], "console routes without an authorisation rule in this test"
    assert set(ACTION_MATRIX) == set(HANDLERS), "ticket actions without an authorisation rule"
    stale = set(MATRIX) - {r.endpoint for r in console_rules(app)}
    assert stale == set()


def _request(console, method, url, form):
    if form and "json" in form:
        return console.open(url, method, json=form["json"], headers={"Accept": "application/json"})
    return console.open(url, method, data=form or None)


def _cases():
    for endpoint, methods in MATRIX.items():
        for method, (prepare, expected) in methods.items():
            yield f"{method} {endpoint}", method, prepare, expected
    for name, (prepare, expected) in ACTION_MATRIX.items():
        yield f"POST action {name}", "POST", prepare, expected


@pytest.mark.parametrize("who", WHO, ids=str)
def test_authorisation_matrix(who, app, team, console):
    app.config["WTF_CSRF_ENABLED"] = False  # tokens are checked in test_security.py
    if who != ANON:
        assert console.login(team.by_role[who].username).status_code == 302
    failures = []
    for label, method, prepare, expected in _cases():
        url, form = prepare(team, app)
        response = _request(console, method, url, form)
        if response.status_code != expected[who]:
            failures.append(f"{label} {url}: got {response.status_code}, expected {expected[who]}")
        if label == "POST admin.logout" and who != ANON:
            console.login(team.by_role[who].username)
    assert failures == []


@pytest.mark.parametrize("role", [Role.DESK, Role.ENGINEER, Role.SUPERVISOR])
def test_another_sites_ticket_is_refused_and_unchanged(role, app, team, make, console, session):
    other = make.site("gongshe", "园区共舍物业服务中心", "GS")
    ticket = team.ticket(Status.DISPATCHED, site=other, tenant=None)
    session.commit()
    events = len(ticket.events)
    console.login(team.by_role[role].username)
    assert console.get(f"/admin/tickets/{ticket.id}").status_code == 403
    assert console.get(f"/admin/tickets/{ticket.id}/receipt").status_code == 403
    for name in ("note", "close_not_ours", "start", "arrive", "update_contact"):
        response = console.post(f"/admin/tickets/{ticket.id}/actions/{name}",
                                {"note": "x", "explanation": "x", "phone": "1"})
        assert response.status_code == 403, name
    listing = console.get("/admin/tickets").get_data(as_text=True)
    assert ticket.number not in listing
    assert console.get("/admin/tickets?site=gongshe").status_code == 400
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(TicketEvent.ticket_id == ticket.id)) == events
    assert session.get(Ticket, ticket.id).status == Status.DISPATCHED


def test_engineer_sees_only_his_departments_tickets(team, console, session):
    mine = team.ticket(Status.DISPATCHED)
    cleaning = team.ticket(Status.NEW, code="ENV-CLEAN", content="垃圾房味道很大")
    session.commit()
    console.login("engineer")
    listing = console.get("/admin/tickets").get_data(as_text=True)
    assert mine.number in listing and cleaning.number not in listing
    assert console.get(f"/admin/tickets/{cleaning.id}").status_code == 403


def test_engineer_lists_the_tickets_he_may_open(team, console, session):
    """A job sent to engineering, then handed on to cleaning: he may still open it (his order
    is in its history), so it is in his queue too; both follow one rule
    (models.queries.visible_tickets / may_see_ticket)."""
    import workflow
    from models import Department

    handed_on = team.ticket(Status.DISPATCHED, content="垃圾房的排风扇坏了")
    cleaning = session.scalar(sa.select(Department).where(Department.name == "保洁部"))
    workflow.dispatch(session, handed_on, team.desk, department=cleaning)
    session.commit()
    assert handed_on.department_id != team.engineer.department_id
    console.login("engineer")
    assert handed_on.number in console.get("/admin/tickets").get_data(as_text=True)
    assert console.get(f"/admin/tickets/{handed_on.id}").status_code == 200


def test_engineer_cannot_record_payment_and_nothing_changes(team, console, session):
    ticket = team.ticket(Status.COMPLETED, paid=True)
    session.commit()
    console.login("engineer")
    page = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert "actions/record_payment" not in page and "记录收费" not in page
    assert console.post(f"/admin/tickets/{ticket.id}/actions/record_payment", {"amount": "180"}).status_code == 403
    session.expire_all()
    assert session.get(Ticket, ticket.id).paid_at is None
    console.login("desk")
    assert "actions/record_payment" in console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
