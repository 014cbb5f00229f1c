"""CSRF, security headers (CSP without inline script, no framing, nosniff), masked phone
numbers in lists, escaping, and hostile search and filter input."""
from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa

import workflow
from models import Channel, Status, Ticket, TicketEvent

TEMPLATES = Path(__file__).resolve().parents[2] / "admin" / "templates"


def test_a_form_post_without_the_token_is_refused_and_changes_nothing(team, console, session):
    ticket = team.ticket(Status.NEW)
    session.commit()
    console.login("desk")
    events = len(ticket.events)
    for token in (None, "forged-token"):
        data = {"note": "不应保存"} if token is None else {"note": "不应保存", "csrf_token": token}
        response = console.open(f"/admin/tickets/{ticket.id}/actions/note", "POST", data=data)
        assert response.status_code == 400 and "请求已失效" in response.get_data(as_text=True)
    no_token = console.open(f"/admin/tickets/{ticket.id}/actions/dispatch", "POST", data={})
    assert no_token.status_code == 400
    assert console.open("/admin/intake/classify", "POST", json={"text": "空调"}).status_code == 400
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count(TicketEvent.id)).where(TicketEvent.ticket_id == ticket.id)) == events
    assert session.get(Ticket, ticket.id).status == Status.NEW
    assert console.post(f"/admin/tickets/{ticket.id}/actions/note", {"note": "有令牌"}).status_code == 302


def test_sign_in_form_needs_the_token_too(team, client):
    response = client.post("/admin/login", data={"username": "desk", "password": "password123"})
    assert response.status_code == 400
    assert client.get("/admin/tickets").status_code == 302


def test_security_headers_on_pages_and_charts(team, console):
    console.login("supervisor")
    for path in ("/admin/login", "/admin/tickets", "/admin/stats", "/admin/static/admin.css"):
        h = console.get(path).headers
        csp = h["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "frame-ancestors 'none'" in csp and h["X-Frame-Options"] == "DENY"
        assert h["X-Content-Type-Options"] == "nosniff"
    svg = console.get("/admin/stats/charts/category.svg")
    assert svg.mimetype == "image/svg+xml" and "script" not in svg.headers["Content-Security-Policy"]
    assert "<script" not in svg.get_data(as_text=True)
    assert console.get("/admin/tickets").headers["Cache-Control"] == "no-store"


def test_templates_have_no_inline_script_or_handlers():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text("utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert not re.search(r"\son[a-z]+\s*=", text), path
        assert "style=" not in text, path
        assert "|safe" not in text, path


def test_phone_numbers_are_masked_in_lists(team, console, session):
    team.ticket(Status.NEW, content="电梯异响", code="ENG-LIFT")
    session.commit()
    console.login("desk")
    page = console.get("/admin/tickets").get_data(as_text=True)
    assert "138****1234" in page and "13800001234" not in page
    searched = console.get("/admin/tickets?q=13800001234").get_data(as_text=True)
    assert "138****1234" in searched and searched.count("13800001234") == 1  # only the search box's own value


def test_tenant_text_is_escaped_in_html(team, console, session):
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    ticket = workflow.register(session, team.site, content=payload, channel=Channel.WECHAT, tenant=team.tenant)
    session.commit()
    console.login("desk")
    for path in ("/admin/tickets", f"/admin/tickets/{ticket.id}"):
        html = console.get(path).get_data(as_text=True)
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hostile_search_and_filters_are_plain_values(team, console, session):
    team.ticket(Status.NEW)
    session.commit()
    console.login("desk")
    for query in ("' OR 1=1 --", "%' OR '1'='1", "\\", "_", "%", "'; DROP TABLE tickets; --"):
        response = console.get("/admin/tickets", query_string={"q": query})
        assert response.status_code == 200
        assert "没有符合条件的工单" in response.get_data(as_text=True), query
    for args in ({"status": "new' OR 1=1"}, {"channel": "x"}, {"department": "1 OR 1=1"}, {"since": "2026-13-01"},
                 {"sort": "id; drop"}, {"before": "nonsense"}, {"page": "-1"}):
        assert console.get("/admin/tickets", query_string=args).status_code == 400, args
    assert console.get("/admin/tickets", query_string={"code": "' OR 1=1 --"}).status_code == 200
    assert session.scalar(sa.select(sa.func.count(Ticket.id))) == 1


PAYLOAD = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


def _assert_inert(html: str, where: str) -> None:
    assert "<script>window.pwned" not in html and '<img src=x onerror' not in html, where
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html, where


def test_every_field_a_tenant_or_a_letter_can_fill_is_escaped(team, console, session):
    """Chat content, name, unit, phone, notes, messages, survey comments, the results and
    reports staff type, and every field of a letter registered at the desk."""
    from models import Message, Survey, utcnow

    tenant = team.tenant
    tenant.name = PAYLOAD[:40]
    ticket = workflow.register(session, team.site, content=PAYLOAD, channel=Channel.WECHAT, tenant=tenant,
                               unit_code=PAYLOAD[:40], phone=PAYLOAD[:20], complainant=PAYLOAD[:40])
    session.flush()
    workflow.add_note(session, ticket, None, PAYLOAD)
    session.add(Message(site_id=team.site.id, openid=tenant.openid, direction="in", msg_type="text",
                        content=PAYLOAD, reply=PAYLOAD, ticket_id=ticket.id, tenant_id=tenant.id, data={}))
    workflow.close(session, ticket, team.desk, result=PAYLOAD)
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    survey.sent_at, survey.score, survey.comment, survey.answered_at = utcnow(), 4, PAYLOAD, utcnow()
    session.commit()
    console.login("desk")
    letter = console.post("/admin/intake/letter", {
        "site": "lehui", "content": PAYLOAD, "complainant": PAYLOAD[:40], "phone": "13800001234",
        "unit_code": PAYLOAD[:40], "forwarded_by_company": "1"})
    assert letter.status_code == 302, letter.get_data(as_text=True)[:500]
    letter_id = int(letter.headers["Location"].rstrip("/").split("/")[-1])
    pages = ["/admin/tickets", f"/admin/tickets?q={PAYLOAD[:8]}", f"/admin/tickets/{ticket.id}",
             f"/admin/tickets/{letter_id}"]
    for path in pages:
        response = console.get(path)
        assert response.status_code == 200, path
        _assert_inert(response.get_data(as_text=True), path)
