"""The read-only staff API: bearer tokens, filters, one ticket with its timeline."""
from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

import workflow
from models import ApiToken, Channel, Role, Ticket, utcnow
from models.localtime import today as local_today


@pytest.fixture
def data(session, make):
    site = make.site()
    other = make.site("gongshe", "园区共舍物业服务中心", "GS")
    desk = make.staff(Role.DESK, "客服部", sites=[site])
    admin = make.staff(Role.ADMIN, sites=[])
    t1 = workflow.register(session, site, content="空调不制冷", channel=Channel.WECHAT, code="ENG-HVAC")
    t2 = workflow.register(session, site, content="物业费发票怎么开", channel=Channel.PHONE, actor=desk,
                           code="FEE-BILL", phone="13800001234", created_at=utcnow() - timedelta(days=40))
    t3 = workflow.register(session, other, content="停车位被占", channel=Channel.PHONE, code="SEC-PARK")
    workflow.dispatch(session, t1, desk)
    session.commit()
    tokens = {}
    for who in (desk, admin):
        row, token = ApiToken.issue(who)
        session.add(row)
        tokens[who.role] = token
    session.commit()
    return {"site": site, "desk": desk, "tickets": (t1, t2, t3), "tokens": tokens}


def get(client, url, token):
    return client.get(url, headers={"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic abc", "bearer "])
def test_401_without_a_valid_token(client, data, header):
    headers = {"Authorization": header} if header else {}
    for url in ("/api/v1/tickets", f"/api/v1/tickets/{data['tickets'][0].id}", "/api/v1/stats/monthly"):
        resp = client.get(url, headers=headers)
        assert resp.status_code == 401 and "Bearer" in resp.headers["WWW-Authenticate"]


def test_revoked_token_is_refused(client, data, session):
    row = session.query(ApiToken).first()
    row.revoked = True
    session.commit()
    token = data["tokens"][row.staff.role]
    assert get(client, "/api/v1/tickets", token).status_code == 401


def test_list_shows_only_the_staff_members_sites(client, data):
    t1, t2, t3 = data["tickets"]
    body = get(client, "/api/v1/tickets", data["tokens"][Role.DESK]).get_json()
    assert body["total"] == 2 and [i["id"] for i in body["items"]] == [t1.id, t2.id]  # newest first
    item = body["items"][1]
    for key in "id number site status intent category code urgent emotion channel unit phone content created_at".split():
        assert key in item
    assert item["phone"] == "138****1234"  # masked in lists
    body = get(client, "/api/v1/tickets", data["tokens"][Role.ADMIN]).get_json()
    assert body["total"] == 3


@pytest.mark.parametrize("query, expected", [
    ("status=dispatched", [0]),
    ("status=open", [0, 1]),  # the queue's filter names, one builder (models.queries.ticket_query)
    ("code=FEE-BILL", [1]),
    ("category=ENG", [0]),
    ("channel=phone", [1]),
    ("site=lehui", [0, 1]),
    ("site=gongshe", []),
    ("q=发票", [1]),
    ("q=LH-", [0, 1]),
    ("q=100%25", []),
])
def test_filters(client, data, query, expected):
    body = get(client, f"/api/v1/tickets?{query}", data["tokens"][Role.DESK]).get_json()
    ids = {data["tickets"][i].id for i in expected}
    assert {i["id"] for i in body["items"]} == ids and body["total"] == len(ids)


def test_date_range_and_paging(client, data):
    today = local_today()
    token = data["tokens"][Role.DESK]
    body = get(client, f"/api/v1/tickets?since={today - timedelta(days=1)}", token).get_json()
    assert [i["id"] for i in body["items"]] == [data["tickets"][0].id]
    body = get(client, f"/api/v1/tickets?until={today - timedelta(days=30)}", token).get_json()
    assert [i["id"] for i in body["items"]] == [data["tickets"][1].id]
    body = get(client, "/api/v1/tickets?per_page=1&page=2", token).get_json()
    assert body["total"] == 2 and [i["id"] for i in body["items"]] == [data["tickets"][1].id]


@pytest.mark.parametrize("query, field", [
    ("since=yesterday", "since"), ("status=bogus", "status"), ("channel=fax", "channel"),
    ("per_page=1000", "per_page"), ("page=abc", "page"), ("department=工程部", "department"),
    ("since=2026-05-02&until=2026-05-01", "until"),
])
def test_bad_filters_name_the_field(client, data, query, field):
    resp = get(client, f"/api/v1/tickets?{query}", data["tokens"][Role.DESK])
    assert resp.status_code == 400 and resp.get_json()["field"] == field


def test_one_ticket_with_its_timeline(client, data):
    t1 = data["tickets"][0]
    body = get(client, f"/api/v1/tickets/{t1.id}", data["tokens"][Role.DESK]).get_json()
    assert body["number"] == t1.number and body["status"] == "dispatched"
    assert [e["action"] for e in body["events"]] == ["register", "dispatch"]
    assert body["dispatch_orders"][0]["department"] == "工程部"


def test_another_sites_ticket_is_not_found(client, data):
    t3 = data["tickets"][2]
    assert get(client, f"/api/v1/tickets/{t3.id}", data["tokens"][Role.DESK]).status_code == 404
    assert get(client, f"/api/v1/tickets/{t3.id}", data["tokens"][Role.ADMIN]).status_code == 200


def test_an_engineers_token_sees_what_he_sees_in_the_console(client, data, session, make):
    """Only his department's tickets (or those dispatched to it), as in the console."""
    t1, t2, _ = data["tickets"]
    engineer = make.staff(Role.ENGINEER, "工程部", sites=[data["site"]])
    row, token = ApiToken.issue(engineer)
    session.add(row)
    session.commit()
    body = get(client, "/api/v1/tickets", token).get_json()
    assert (body["total"], [i["id"] for i in body["items"]]) == (1, [t1.id])
    assert get(client, f"/api/v1/tickets/{t1.id}", token).status_code == 200
    assert get(client, f"/api/v1/tickets/{t2.id}", token).status_code == 404  # 财务部's
    assert get(client, "/api/v1/stats/monthly", token).get_json()["total"] == 1


def test_monthly_counts(client, data):
    month = local_today().strftime("%Y-%m")
    body = get(client, f"/api/v1/stats/monthly?month={month}", data["tokens"][Role.ADMIN]).get_json()
    assert body["total"] == 2  # the 40-day-old ticket is in another month or excluded
    assert body["by_category"] == {"ENG": 1, "SEC": 1}
    assert body["by_status"] == {"dispatched": 1, "new": 1}
    assert get(client, "/api/v1/stats/monthly?month=2026-13", data["tokens"][Role.ADMIN]).status_code == 400


@pytest.mark.parametrize("query", ["q=' OR 1=1 --", "q=%25' OR '1'='1", "code=' OR 1=1 --", "category=ENG' --",
                                   "site=lehui' OR '1'='1", "q='; DROP TABLE tickets; --"])
def test_hostile_filters_are_plain_values(client, data, session, query):
    resp = get(client, f"/api/v1/tickets?{query}", data["tokens"][Role.ADMIN])
    assert resp.status_code == 200 and resp.get_json()["total"] == 0
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 3


def test_arrival_and_who_confirmed_the_receipt(client, data, session, make):
    t1 = data["tickets"][0]
    engineer = make.staff(Role.ENGINEER, "工程部", sites=[data["site"]])
    workflow.arrive(session, t1, engineer)
    workflow.complete(session, t1, engineer, work_done="已修好", site_cleaned=True)
    workflow.confirm_receipt(session, t1, data["desk"])
    session.commit()
    body = get(client, f"/api/v1/tickets/{t1.id}", data["tokens"][Role.DESK]).get_json()
    assert body["dispatch_orders"][0]["arrived_at"] == t1.dispatch_orders[0].arrived_at.isoformat()
    assert (body["receipt_method"], body["receipt_confirmed_by"]) == ("staff", "租户")
    assert body["receipt_confirmed_at"] == t1.receipt_confirmed_at.isoformat()


def test_an_expired_token_is_401(client, data, session):
    row = session.scalar(sa.select(ApiToken).where(ApiToken.staff_id == data["desk"].id))
    token = data["tokens"][Role.DESK]
    row.expires_at = utcnow() + timedelta(minutes=5)
    session.commit()
    assert get(client, "/api/v1/tickets", token).status_code == 200
    row.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    assert get(client, "/api/v1/tickets", token).status_code == 401


def test_revoke_api_token_command(client, data, runner, session):
    token = data["tokens"][Role.DESK]
    created = runner.invoke(args=["create-api-token", data["desk"].username, "--days", "30"])
    fresh = created.output.strip().splitlines()[-1]
    assert created.exit_code == 0 and get(client, "/api/v1/tickets", fresh).status_code == 200
    result = runner.invoke(args=["revoke-api-token", data["desk"].username])
    assert result.exit_code == 0 and "revoked 2 token(s)" in result.output
    assert get(client, "/api/v1/tickets", token).status_code == 401
    assert get(client, "/api/v1/tickets", fresh).status_code == 401
    assert get(client, "/api/v1/tickets", data["tokens"][Role.ADMIN]).status_code == 200  # someone else's stays
    assert runner.invoke(args=["revoke-api-token", "nobody"]).exit_code != 0


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "20x6-01"])
def test_a_month_out_of_range_is_400_with_a_clear_message(client, data, month):
    resp = get(client, f"/api/v1/stats/monthly?month={month}", data["tokens"][Role.ADMIN])
    assert resp.status_code == 400 and "YYYY-MM" in resp.get_json()["error"]
