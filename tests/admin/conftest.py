"""Console fixtures: a site with staff of every role, a signed-in test client that carries
the CSRF token like a browser, and (for browser tests) the app served on a real port with
Debian's chromium driven by Playwright."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import workflow
from models import Channel, Role, Site, Status, Tenant
from tests.browser import ARTIFACTS, chromium, serve
from tests.conftest import Factory

PASSWORD = "password123"  # tests.conftest.password_hash's default
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Team:
    """One site with a desk clerk, an engineer (工程部), a supervisor, an admin and a WeChat
    tenant; and tickets brought to any status through the real workflow."""

    def __init__(self, session, make: Factory):
        self.session = session
        self.site = make.site()
        self.desk = make.staff(Role.DESK, "客服部", username="desk")
        self.engineer = make.staff(Role.ENGINEER, "工程部", username="engineer")
        self.supervisor = make.staff(Role.SUPERVISOR, "客服部", username="supervisor")
        self.admin = make.staff(Role.ADMIN, sites=[], username="admin")
        self.tenant = Tenant(site_id=self.site.id, openid="o-tenant-1", name="王建国", phone="13800001234")
        session.add(self.tenant)
        session.flush()
        self.by_role = {Role.DESK: self.desk, Role.ENGINEER: self.engineer, Role.SUPERVISOR: self.supervisor,
                        Role.ADMIN: self.admin}

    def ticket(self, status: Status = Status.NEW, *, paid=False, site: Site | None = None, **kw):
        s = self.session
        t = workflow.register(s, site or self.site, content=kw.pop("content", "空调不制冷"),
                              channel=kw.pop("channel", Channel.WECHAT), tenant=kw.pop("tenant", self.tenant),
                              code=kw.pop("code", "ENG-HVAC"), urgent=kw.pop("urgent", False), **kw)
        s.flush()
        if status == Status.NEW:
            return t
        if status in (Status.CLOSED, Status.REOPENED) and not paid:
            workflow.close(s, t, self.desk if site is None else self.admin, result="已答复")
            if status == Status.REOPENED:
                workflow.reopen(s, t, self.supervisor, reason="租户不满意")
            return t
        actor = self.desk if site is None else self.admin
        workflow.dispatch(s, t, actor)
        if status == Status.DISPATCHED:
            return t
        workflow.start(s, t, self.engineer if site is None else self.admin)
        if status == Status.IN_PROGRESS:
            return t
        if paid or status == Status.QUOTED:
            workflow.quote(s, t, actor, amount="180", description="更换电容")
            if status == Status.QUOTED:
                return t
            workflow.answer_quote(s, t, None, accepted=True)
        workflow.complete(s, t, self.engineer if site is None else self.admin, amount="180" if paid else "0",
                          work_done="已更换", site_cleaned=True)
        if status == Status.COMPLETED:
            return t
        if paid:
            workflow.confirm_receipt(s, t, None)
            workflow.record_payment(s, t, actor, amount="180")
        workflow.close(s, t, actor, result="已修好")
        return t


@pytest.fixture
def team(session, make):
    t = Team(session, make)
    session.commit()
    return t


class Console:
    """A test client signed in as someone, posting forms with the page's CSRF token.

    The app fixture keeps an app context pushed, which Flask reuses for test requests, so
    `g` (where Flask-Login and Flask-WTF cache the user and the token) would leak from one
    request to the next; each request here starts with an empty `g`, as in production."""

    def __init__(self, client):
        self.client = client
        self.token = None

    def open(self, path, method="GET", **kw):
        from flask import g

        g.__dict__.clear()
        return self.client.open(path, method=method, **kw)

    def refresh_token(self, path="/admin/login") -> str:
        html = self.open(path, follow_redirects=True).get_data(as_text=True)
        match = _TOKEN.search(html)
        assert match, "no CSRF token on " + path
        self.token = match.group(1)
        return self.token

    def login(self, username: str, password: str = PASSWORD):
        self.refresh_token()
        response = self.open("/admin/login", "POST", data={"username": username, "password": password,
                                                           "csrf_token": self.token})
        if response.status_code == 302:
            self.refresh_token("/admin/tickets")
        return response

    def get(self, path, **kw):
        return self.open(path, **kw)

    def post(self, path, data=None, **kw):
        data = dict(data or {})
        data.setdefault("csrf_token", self.token)
        return self.open(path, "POST", data=data, **kw)

    def post_json(self, path, payload):
        return self.open(path, "POST", json=payload,
                         headers={"X-CSRFToken": self.token or "", "Accept": "application/json"})


@pytest.fixture
def console(client):
    return Console(client)


# --- browser tests ------------------------------------------------------------------------

@pytest.fixture
def live_server(app):
    with serve(app) as url:
        yield url


@pytest.fixture(scope="module")  # one per module: other suites start their own Playwright
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def open_page(browser, live_server):
    """open_page(username) → a Playwright page signed in as that user (own context, so
    several people can be signed in at once)."""
    contexts = []

    def _open(username: str | None = None, width: int = 1440, height: int = 900, password: str = PASSWORD,
              phone: bool = False):
        """phone=True: a touch screen that says it is a phone (Chromium's mobile mode)."""
        extra = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if phone else {}
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                                      accept_downloads=True, **extra)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10000)
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.js_errors = errors
        if username:
            page.goto(f"{live_server}/admin/login")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", password)
            page.click("button[type=submit]")
            page.wait_for_url(lambda url: "/admin/login" not in url)  # the queue, or 我的任务
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
