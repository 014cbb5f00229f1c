"""Every console page fits a phone (360 and 390 px, touch, mobile) for every role: no
sideways scrolling, and every button, field and menu entry at least 44 px tall.

The pages are not a hand-written list: they are the console's GET routes from the app's
own url_map, with sample ids filled in, opened by each role (a page the role may not open
answers 403 and is left out; files and images are left out by their content type). A page
added later is covered without touching this test; a route with a new kind of id fails
here until a sample is given for it. Each role also opens a ticket in every state."""
from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from werkzeug.routing import Rule

import workflow
from admin import charts
from admin.intake import CHANNELS as INTAKE_KINDS
from admin.ticket_print import FORMS
from models import Channel, Message, Role, Status, Unit
from tests.admin.access_cases import PNG
from tests.images import canvas_png, jpeg
from workflow.letters import record_reply

pytestmark = pytest.mark.browser
PHONES = (360, 390)
MIN_TOUCH = 44
# Things a finger taps: buttons, fields, the menu, the actions' headings. Links inside text
# (a ticket number in a card, "查看照片") are read more than tapped and stay text-sized.
TOUCH_TARGETS = ("button, .button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, "
                 "textarea, label.check, details > summary, .topbar nav a, .chips a")


@dataclass
class Samples:
    """What fills each kind of URL argument: several values open several pages. The
    ticket page itself is opened for a ticket in every state (`every_ticket`); other pages
    about a ticket for a few that differ (`values["ticket_id"]`)."""

    values: dict[str, list]
    every_ticket: list[int]

    def urls(self, app, rule: Rule) -> list[str]:
        missing = sorted(a for a in rule.arguments if a not in self.values)
        assert not missing, f"no sample value for {missing} in {rule.rule}: add one to this test"
        values = {**self.values, "ticket_id": self.every_ticket} if rule.endpoint == "admin.ticket" else self.values
        combinations = [{}]
        for name in sorted(rule.arguments):
            combinations = [{**c, name: v} for c in combinations for v in values[name]]
        adapter = app.url_map.bind("localhost")
        return [adapter.build(rule.endpoint, c, method="GET") for c in combinations]


def console_pages(app) -> list[Rule]:
    return sorted((r for r in app.url_map.iter_rules()
                   if r.endpoint.startswith("admin.") and "GET" in r.methods and r.endpoint != "admin.static"),
                  key=lambda r: r.rule)


def _world(team, session, app):
    """The demo site's data, a ticket in every state (and a paid one, an urgent one, one
    with a photo and a signed 回执), a tenant's photo and a monthly report: so that the
    pages have rows to lay out."""
    from demo.seed import seed
    from workflow.reports import build_report

    seed(session)  # months of tickets of every kind, as the pages look on a real site
    long_text = "卫生间水管爆了，水漫出来了，快来人，" * 6
    tickets = {status: team.ticket(status, content=long_text, unit_code="L2-015", phone="13800001234")
               for status in Status}
    tickets["paid"] = team.ticket(Status.COMPLETED, paid=True, content=long_text)
    tickets["urgent"] = team.ticket(Status.DISPATCHED, urgent=True, code="ENG-PLUMB", content=long_text)
    signed = tickets["signed"] = team.ticket(Status.IN_PROGRESS, content=long_text)
    media = app.config["INSTANCE_PATH"]
    photo_file = workflow.add_photo(session, signed, team.engineer, stage="before", content=jpeg(), media_root=media)
    workflow.complete(session, signed, team.engineer, work_done=long_text, site_cleaned=True)
    workflow.sign_receipt(session, signed, team.engineer, signer="王建国", png=canvas_png(ink=((1, 1),)),
                          media_root=media)
    # A company-forwarded letter, answered in writing and closed: its printed forms (§三).
    letter = tickets["letter"] = team.ticket(Status.NEW, channel=Channel.LETTER, forwarded_by_company=True,
                                             tenant=None, complainant="刘芳", content=long_text)
    record_reply(session, letter, team.desk, text=long_text, method="mail")
    workflow.close(session, letter, team.desk, result=long_text, report=long_text)
    session.flush()
    path = "media/phone-width.png"
    os.makedirs(os.path.join(app.config["INSTANCE_PATH"], "media"), exist_ok=True)
    with open(os.path.join(app.config["INSTANCE_PATH"], path), "wb") as fh:
        fh.write(PNG)
    photo = Message(site_id=team.site.id, openid="o-tenant-1", direction="in", msg_type="image", media_path=path,
                    ticket_id=tickets[Status.DISPATCHED].id, dedupe_key="phone-width-photo")
    session.add(photo)
    report = build_report(session, team.site, 2026, 1, app.config["INSTANCE_PATH"])
    from workflow.campaigns import create_campaign, send_campaign
    from workflow.faq import save_entry
    from workflow.notices import send_notice

    answer = save_entry(session, team.site, None, team.admin, question="营业时间是几点到几点",
                        phrasings="商场几点开门\n几点关门", answer="每天10:00–22:00。" * 8, active=True)
    notice, _ = send_notice(session, team.site, team.supervisor, title="停水通知：" + long_text[:20],
                            body=long_text, audience="site", form_key="phone-width")
    unit = session.scalar(sa.select(Unit).where(Unit.site_id == team.site.id, Unit.code == "L2-015"))
    questions = [{"text": "您对本月的保洁服务满意吗？" + long_text[:20], "kind": "choice",
                  "options": ["满意", "一般", "不满意"], "required": True},
                 {"text": "还有什么建议？", "kind": "text", "required": False}]
    draft = create_campaign(session, team.site, team.desk, title="保洁满意度问卷（草稿）", questions=questions)
    sent = create_campaign(session, team.site, team.desk, title="十二月满意度问卷", intro=long_text,
                           questions=questions)
    send_campaign(session, sent, team.desk)
    session.commit()
    return tickets, Samples({
        "ticket_id": [tickets[Status.DISPATCHED].id, tickets[Status.COMPLETED].id, signed.id, letter.id],
        "message_id": [photo.id],
        "file_id": [photo_file.id],
        "report_id": [report.id],
        "department_id": [team.engineer.department_id],
        "name": list(charts.MONTH_CHARTS) + ["trend", "quarter"],
        "kind": list(INTAKE_KINDS),
        "entry_id": [answer.id],
        "notice_id": [notice.id],
        "unit_id": [unit.id],
        "staff_id": [team.engineer.id],
        "slug": [team.site.slug],
        "form": list(FORMS),
        "campaign_id": [draft.id, sent.id],
    }, every_ticket=[t.id for t in tickets.values()])


MEASURE = """({selector, least}) => {
  const tall = [];
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (box.height < least) tall.push(`${el.tagName.toLowerCase()}「${(el.innerText || el.value || el.name || '').trim().slice(0, 12)}」${Math.round(box.height)}px`);
  }
  const width = document.documentElement.clientWidth, wide = [];
  const out = el => el.getBoundingClientRect().right > width + 0.5;
  const clipped = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
  for (const el of document.body.querySelectorAll('*')) {  // the innermost things sticking out
    if (out(el) && !clipped(el) && ![...el.children].some(out)) {
      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
    }
  }
  return {scroll: document.documentElement.scrollWidth, small: tall.slice(0, 5), wide: wide.slice(0, 4)};
}"""


def _check(page, base: str, url: str, problems: list[str]) -> None:
    """The page at each phone width (loaded once: the layout follows the width)."""
    response = page.goto(base + url)
    assert response.ok, f"{url}: {response.status}"
    for details in page.locator("details").all():  # what is folded away must fit too
        details.evaluate("d => d.open = true")
    for width in PHONES:
        page.set_viewport_size({"width": width, "height": 780})
        seen = page.evaluate(MEASURE, {"selector": TOUCH_TARGETS, "least": MIN_TOUCH})
        # Against the width asked for: a mobile browser zooms out to show a page wider than
        # the screen, and window.innerWidth then grows with it.
        if seen["scroll"] > width:
            problems.append(f"{url}: {seen['scroll']}px wide on a {width}px screen ({', '.join(seen['wide'])})")
        if seen["small"]:
            problems.append(f"{url} at {width}px: touch targets under {MIN_TOUCH}px: {', '.join(seen['small'])}")


def _pages_for(page, base: str, samples: Samples, app) -> list[str]:
    """The HTML pages this signed-in role may open, by asking each route."""
    pages = []
    for rule in console_pages(app):
        for url in samples.urls(app, rule):
            response = page.request.get(base + url, max_redirects=0)
            if response.status == 200 and response.headers.get("content-type", "").startswith("text/html"):
                pages.append(url)
    return pages


def test_every_page_fits_a_phone_for_every_role(team, session, app, open_page, live_server):
    tickets, samples = _world(team, session, app)
    problems: list[str] = []
    opened: dict[str, list[str]] = {}
    for role in (Role.DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN, None):
        page = open_page(team.by_role[role].username if role else None, width=PHONES[0], height=780, phone=True)
        pages = _pages_for(page, live_server, samples, app) if role else ["/admin/login"]
        opened[str(role)] = pages
        for url in pages:
            _check(page, live_server, url, problems)
        page.context.close()
    # Each role opened its pages and every ticket; the engineer not the desk's.
    signed_id = tickets["signed"].id
    ticket_pages = {f"/admin/tickets/{t.id}" for t in tickets.values()}
    for role in (Role.DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN):
        assert ticket_pages <= set(opened[str(role)]), role
    assert "/admin/intake/phone" in opened[str(Role.DESK)] and "/admin/stats" in opened[str(Role.SUPERVISOR)]
    assert "/admin/intake/phone" not in opened[str(Role.ENGINEER)]
    assert "/admin/settings/staff" in opened[str(Role.ADMIN)]
    assert "/admin/tasks" in opened[str(Role.ENGINEER)] and f"/admin/tickets/{signed_id}/receipt" in opened[str(Role.DESK)]
    assert problems == [], "\n".join(problems)

