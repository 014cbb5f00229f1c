"""The survey link goes to the tenant only: no page a staff member can open shows it (the
engineer who did the job could otherwise give himself 5 stars), and the tenant's own low
score still reopens the ticket."""
from __future__ import annotations

import re

import sqlalchemy as sa
from werkzeug.routing import Rule

from jobs.outbound import PRIVATE_LINK
from models import ApiToken, Message, Role, Status, Survey
from tests.admin.conftest import Console
from tests.jobs.conftest import PUBLIC, texts_to, work

LINK = re.compile(re.escape(PUBLIC) + r"/survey/([A-Za-z0-9_.\-]+)")


def _every_console_and_api_page(app, desk, ticket) -> list[str]:
    samples = {"ticket_id": [ticket.id], "slug": [desk.site.slug], "site": [desk.site.slug],
               "staff_id": [s.id for s in (desk.desk, desk.engineer, desk.supervisor)],
               "tenant_id": [desk.tenant.id]}
    adapter = app.url_map.bind("localhost")
    urls = []
    for rule in app.url_map.iter_rules():
        rule: Rule
        if "GET" not in rule.methods or not rule.endpoint.startswith(("admin.", "api.")) or rule.endpoint == "admin.static":
            continue
        if set(rule.arguments) - set(samples):
            continue  # a file, a print form of another kind: none of them carries messages
        combos = [{}]
        for name in sorted(rule.arguments):
            combos = [{**c, name: v} for c in combos for v in samples[name]]
        urls += [adapter.build(rule.endpoint, c, method="GET") for c in combos]
    urls += [f"/admin/simulator/messages?site={desk.site.slug}&openid={desk.tenant.openid}&after=0",
             f"/admin/tickets?q={ticket.number}", f"/api/v1/tickets/{ticket.id}?events=1"]
    return urls


def test_the_survey_link_is_on_no_staff_page_and_the_tenants_low_score_still_reopens(app, desk, session,
                                                                                      fake_wechat, client):
    ticket = desk.ticket(Status.CLOSED)
    admin = desk.session.merge(desk.supervisor)
    admin.role = Role.ADMIN
    session.commit()
    work(app)
    ask = texts_to(fake_wechat, desk.tenant.openid)[-1]
    link = LINK.search(ask).group(0)
    token = LINK.search(ask).group(1)

    stored = session.scalars(sa.select(Message.content).where(Message.direction == "out",
                                                              Message.openid == desk.tenant.openid)).all()
    assert any(PRIVATE_LINK in text for text in stored) and not any(token in text for text in stored)

    _, api_token = ApiToken.issue(admin)
    session.add(_)
    session.commit()
    console = Console(client)
    assert console.login(admin.username).status_code == 302
    pages = _every_console_and_api_page(app, desk, ticket)
    assert len(pages) > 30, pages
    for url in pages:
        if url.startswith("/api/"):
            response = client.get(url, headers={"Authorization": f"Bearer {api_token}"})
        else:
            response = console.open(url, "GET")
        body = response.get_data()  # pages, JSON, workbooks alike
        assert token.encode() not in body and link.encode() not in body, url

    # the tenant's own score, on the page the link opens: a low one reopens the ticket
    survey = session.scalar(sa.select(Survey).where(Survey.ticket_id == ticket.id))
    page = client.get(f"/survey/{token}")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    answered = client.post(f"/survey/{token}", data={"score": "1", "comment": "没修好", "csrf_token": csrf})
    assert answered.status_code in (200, 302, 303)
    session.expire_all()
    assert survey.score == 1 and ticket.status == Status.REOPENED
