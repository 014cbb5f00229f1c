"""Authorisation matrix: every console route × every role (and anonymous). The route list
comes from app.url_map, so a new console route without a rule here fails. The cases'
preparations are in access_cases.py; other sites' and other departments' tickets in
test_access_scope.py."""
from __future__ import annotations

import pytest

from admin.ticket_actions import HANDLERS
from models import Status
from tests.admin.access_cases import (
    ACT_ALL,
    ACT_DESK,
    ACTIONS,
    ADMIN,
    ANON,
    DESK_UP,
    EVERYONE,
    SIGNATURE,
    SUPERVISION,
    WHO,
    action,
    campaign,
    expect,
    faq,
    fee,
    field_photo,
    keyword_rule,
    new_ticket,
    new_unit,
    notice,
    page,
    paper_answer,
    photo,
    planned_visit,
    report,
    seq,
    tenant_unit,
    visit,
)

# endpoint → method → (prepare(team, app) → (url, form or None), expected per role)
MATRIX = {
    "admin.login": {
        "GET": (page(lambda *_: "/admin/login"), expect(200, 302, 302, 302, 302)),
        "POST": (lambda *_: ("/admin/login", {"username": "nobody", "password": "wrong-password"}),
                 expect(401, 401, 401, 401, 401)),
    },
    "admin.logout": {"POST": (lambda *_: ("/admin/logout", {}), ACT_ALL)},
    "admin.home": {"GET": (page(lambda *_: "/admin/"), expect(302, 302, 302, 302, 302))},
    "admin.static": {"GET": (page(lambda *_: "/admin/static/admin.css"), expect(200, 200, 200, 200, 200))},
    "admin.queue": {"GET": (page(lambda *_: "/admin/tickets"), EVERYONE)},
    "admin.ticket": {"GET": (page(lambda team, app: f"/admin/tickets/{new_ticket(team).id}"), EVERYONE)},
    "admin.photo": {"GET": (page(photo), EVERYONE)},
    "admin.ticket_file": {"GET": (page(field_photo), EVERYONE)},
    "admin.receipt": {
        "GET": (page(lambda team, app: f"/admin/tickets/{new_ticket(team, Status.COMPLETED).id}/receipt"), EVERYONE),
        "POST": (lambda team, app: (f"/admin/tickets/{new_ticket(team, Status.COMPLETED).id}/receipt",
                                    {"signer": "王建国", "signature": SIGNATURE}), ACT_ALL),
    },
    "admin.my_tasks": {"GET": (page(lambda *_: "/admin/tasks"), expect(302, 403, 200, 403, 403))},
    "admin.intake": {
        "GET": (page(lambda *_: "/admin/intake/phone"), DESK_UP),
        "POST": (lambda *_: ("/admin/intake/visit", {"content": "门禁卡刷不开", "site": "lehui",
                                                            "phone": "13800001234"}), ACT_DESK),
    },
    "admin.classify_text": {"POST": (lambda *_: ("/admin/intake/classify", {"json": {"text": "空调不制冷"}}),
                                     expect(401, 200, 403, 200, 200))},
    "admin.phone_message": {
        "GET": (page(lambda *_: "/admin/intake/message"), DESK_UP),
        "POST": (lambda team, app: ("/admin/intake/message", {"recipient": str(team.engineer.id), "caller": "刘先生",
                                                              "text": "请回电", "site": "lehui"}),
                 expect(302, 302, 403, 302, 302)),
    },
    "admin.visits": {"GET": (page(lambda *_: "/admin/visits"), DESK_UP)},
    "admin.triage": {"GET": (page(lambda *_: "/admin/triage"), DESK_UP)},
    "admin.record_visit": {"POST": (lambda team, app: (visit(team), {"method": "phone", "result": "已修好"}),
                                    ACT_DESK)},
    "admin.callbacks": {"GET": (page(lambda *_: "/admin/callbacks"), DESK_UP)},
    "admin.record_callback": {"POST": (lambda team, app: (visit(team).replace("/visits/", "/callbacks/"),
                                                          {"method": "phone", "result": "已修好", "score": "5"}),
                                       ACT_DESK)},
    "admin.mark_rainy": {"POST": (lambda *_: ("/admin/visits/rain", {"site": "lehui"}), ACT_DESK)},
    "admin.stats": {"GET": (page(lambda *_: "/admin/stats"), SUPERVISION)},
    "admin.stats_chart": {"GET": (page(lambda *_: "/admin/stats/charts/category.svg"), SUPERVISION)},
    "admin.stats_xlsx": {"GET": (page(lambda *_: "/admin/stats/export.xlsx"), SUPERVISION)},
    "admin.stats_csv": {"GET": (page(lambda *_: "/admin/stats/export.csv"), SUPERVISION)},
    "admin.complaints_xlsx": {"GET": (page(lambda *_: "/admin/stats/complaints.xlsx"), SUPERVISION)},
    "admin.complaints_csv": {"GET": (page(lambda *_: "/admin/stats/complaints.csv?since=2026-01-01&until=2026-12-31"),
                                     SUPERVISION)},
    "admin.stats_report": {"GET": (page(report), SUPERVISION)},
    "admin.stats_report_print": {"GET": (page(lambda team, app: report(team, app) + "/print"), SUPERVISION)},
    "admin.stats_report_send": {"POST": (lambda team, app: (report(team, app) + "/send", {}),
                                         expect(302, 403, 403, 303, 303))},
    "admin.stats_report_summary": {"POST": (lambda team, app: (report(team, app) + "/summary", {"problems": "超时多"}),
                                            expect(302, 403, 403, 303, 303))},
    "admin.stats_report_department": {"GET": (page(lambda team, app: report(team, app)  # the engineer's own
                                                   + f"/departments/{team.engineer.department_id}"),
                                              expect(302, 403, 200, 200, 200))},
    "admin.rules": {"GET": (page(lambda *_: "/admin/rules?test=空调不制冷"), ADMIN)},
    "admin.add_rule": {"POST": (lambda *_: ("/admin/rules?kind=code&target=ENG-HVAC",
                                            {"keyword": f"冷气机{next(seq)}", "weight": "2"}),
                                expect(302, 403, 403, 403, 302))},
    "admin.change_rule": {"POST": (lambda team, app: (keyword_rule(team), {"op": "toggle"}), expect(302, 403, 403, 403, 302))},
    "admin.phrases": {
        "GET": (page(lambda *_: "/admin/settings/phrases"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/phrases", {"site": "lehui"}), expect(302, 403, 403, 403, 302)),
    },
    "admin.site_settings": {
        "GET": (page(lambda *_: "/admin/settings/site"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/site", {"site": "lehui", "name": "乐汇城物业服务中心"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.staff_list": {
        "GET": (page(lambda *_: "/admin/settings/staff"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/staff", {"username": f"new{next(seq)}", "role": "desk",
                                                       "password": "longpassword", "sites": "lehui"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.staff_change": {"POST": (lambda team, app: (f"/admin/settings/staff/{team.desk.id}", {"op": "unlock"}),
                                    expect(302, 403, 403, 403, 302))},
    "admin.sites": {
        "GET": (page(lambda *_: "/admin/sites"), ADMIN),
        "POST": (lambda *_: ("/admin/sites", {"slug": f"site{next(seq)}", "name": "新站", "prefix": f"N{next(seq)}",
                                              "kind": "mall"}), expect(302, 403, 403, 403, 302)),
    },
    "admin.site_edit": {
        "GET": (page(lambda *_: "/admin/sites/lehui"), ADMIN),
        "POST": (lambda *_: ("/admin/sites/lehui", {"name": "乐汇城物业服务中心", "prefix": "LH", "kind": "mall"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.departments": {
        "GET": (page(lambda *_: "/admin/settings/departments"), ADMIN),
        "POST": (lambda *_: ("/admin/settings/departments", {"name": f"部门{next(seq)}"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.department_edit": {"POST": (lambda team, app: (f"/admin/settings/departments/{team.desk.department_id}",
                                                          {"name": "客服部", "phone": "0571-1"}),
                                       expect(302, 403, 403, 403, 302))},
    "admin.staff_edit": {
        "GET": (page(lambda team, app: f"/admin/settings/staff/{team.desk.id}/edit"), ADMIN),
        "POST": (lambda team, app: (f"/admin/settings/staff/{team.desk.id}/edit", {"role": "desk", "sites": "lehui"}),
                 expect(302, 403, 403, 403, 302)),
    },
    "admin.unit_import": {
        "GET": (page(lambda *_: "/admin/units/import"), SUPERVISION),
        "POST": (lambda *_: ("/admin/units/import", {"site": "lehui"}), expect(302, 403, 403, 400, 400)),
    },
    "admin.unit_import_confirm": {"POST": (lambda *_: ("/admin/units/import/confirm", {"site": "lehui", "rows": "x"}),
                                           expect(302, 403, 403, 400, 400))},
    "admin.tenant_records": {"GET": (page(lambda *_: "/admin/tenants?q=L2"), DESK_UP)},
    "admin.unit_record": {"GET": (page(lambda team, app: f"/admin/units/{new_unit(team).id}"), DESK_UP)},
    "admin.unit_qr": {"GET": (page(lambda *_: "/admin/units/qr?per_page=9"), SUPERVISION)},
    "admin.unit_qr_wechat": {"POST": (lambda *_: ("/admin/units/qr/wechat", {"site": "lehui"}),
                                      expect(302, 403, 403, 302, 302))},
    "admin.fees": {
        "GET": (page(lambda *_: "/admin/settings/fees"), SUPERVISION),
        "POST": (lambda *_: ("/admin/settings/fees", {"site": "lehui", "name": f"项目{next(seq)}", "unit": "个",
                                                      "price": "10", "active": "1"}),
                 expect(302, 403, 403, 302, 302)),
    },
    "admin.fee_edit": {"POST": (lambda team, app: (f"/admin/settings/fees/{fee(team).id}",
                                                   {"name": f"项目{next(seq)}", "unit": "次", "price": "5"}),
                                expect(302, 403, 403, 302, 302))},
    "admin.ticket_print": {"GET": (page(lambda team, app: f"/admin/tickets/{new_ticket(team).id}/print/dispatch"),
                                   EVERYONE)},
    "admin.faq": {
        "GET": (page(lambda *_: "/admin/faq"), DESK_UP),
        "POST": (lambda *_: ("/admin/faq", {"site": "lehui", "question": f"问题{next(seq)}", "answer": "答复",
                                            "active": "1"}), ACT_DESK),
    },
    "admin.faq_edit": {
        "GET": (page(lambda team, app: f"/admin/faq/{faq(team).id}"), DESK_UP),
        "POST": (lambda team, app: (f"/admin/faq/{faq(team).id}", {"question": "问题", "answer": "答复"}), ACT_DESK),
    },
    "admin.faq_toggle": {"POST": (lambda team, app: (f"/admin/faq/{faq(team).id}/toggle", {}), ACT_DESK)},
    "admin.notices": {
        "GET": (page(lambda *_: "/admin/notices"), SUPERVISION),
        "POST": (lambda *_: ("/admin/notices", {"site": "lehui", "form_key": f"k{next(seq)}", "title": "停水通知",
                                                "body": "周六停水", "audience": "site"}),
                 expect(302, 403, 403, 302, 302)),
    },
    "admin.notice": {"GET": (page(lambda team, app: f"/admin/notices/{notice(team).id}"), SUPERVISION)},
    "admin.campaigns": {
        "GET": (page(lambda *_: "/admin/campaigns"), DESK_UP),
        "POST": (lambda *_: ("/admin/campaigns", {"site": "lehui", "title": "问卷", "q1_text": "有什么建议？",
                                                  "q1_kind": "text"}), ACT_DESK),
    },
    "admin.campaign": {"GET": (page(lambda team, app: f"/admin/campaigns/{campaign(team).id}"), DESK_UP)},
    "admin.send_questionnaire": {"POST": (lambda team, app: (f"/admin/campaigns/{campaign(team).id}/send",
                                                             {"audience": "site", "hours": "24"}), ACT_DESK)},
    "admin.close_questionnaire": {"POST": (lambda team, app: (f"/admin/campaigns/{campaign(team, True).id}/close",
                                                              {}), ACT_DESK)},
    "admin.delete_questionnaire": {"POST": (lambda team, app: (f"/admin/campaigns/{campaign(team).id}/delete", {}),
                                            ACT_DESK)},
    "admin.print_questionnaire": {"GET": (page(lambda team, app: f"/admin/campaigns/{campaign(team, True).id}/print"),
                                          DESK_UP)},
    "admin.enter_paper_answers": {
        "GET": (page(lambda team, app: f"/admin/campaigns/{campaign(team, True).id}/paper"), DESK_UP),
        "POST": (lambda team, app: paper_answer(team), ACT_DESK),
    },
    "admin.visit_plans": {
        "GET": (page(lambda *_: "/admin/visit-plans"), DESK_UP),
        "POST": (lambda *_: ("/admin/visit-plans", {"site": "lehui", "month": "2030-01", "audience": "site"}),
                 ACT_DESK),
    },
    "admin.plan_occasional": {"POST": (lambda team, app: ("/admin/visit-plans/occasional", {
        "site": "lehui", "unit": tenant_unit(team), "due_on": "2030-01-15", "purpose": "了解情况"}), ACT_DESK)},
    "admin.record_planned_visit": {"POST": (lambda team, app: (f"/admin/visit-plans/visits/{planned_visit(team)}",
                                                               {"method": "visit", "result": "满意"}), ACT_DESK)},
    "admin.reassign_planned_visit": {"POST": (lambda team, app: (
        f"/admin/visit-plans/items/{planned_visit(team, item=True)}/assignee", {"assignee": ""}), ACT_DESK)},
    "admin.simulator": {"GET": (page(lambda *_: "/admin/simulator"), DESK_UP)},
    # A valid request reaches the webhook; a bad openid stops right after the role check.
    "admin.simulator_send": {"POST": (lambda *_: ("/admin/simulator/send", {"json": {"openid": "real-openid",
                                                                                     "text": "你好"}}),
                                      expect(401, 400, 403, 400, 400))},
    "admin.simulator_messages": {"GET": (page(lambda *_: "/admin/simulator/messages?openid=sim-x&after=0"),
                                         expect(401, 200, 403, 200, 200))},
}
ACTION_MATRIX = {name: action(name) for name in ACTIONS}


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
