"""The work queue: filters, search on content/number/unit/phone, keyset pages, sorting,
the capped count and the counters."""
from __future__ import annotations

import re
from datetime import timedelta

import workflow
from admin import queue_queries
from admin.queue_queries import QueueFilters
from models import Channel, FollowUp, Status, utcnow

NUMBER = re.compile(r'data-ticket="(\d+)"')


def _ids(response) -> list[int]:
    return [int(i) for i in NUMBER.findall(response.get_data(as_text=True))]


def test_filters_narrow_the_list(team, console, session):
    hvac = team.ticket(Status.NEW, content="空调不制冷")
    lift = team.ticket(Status.DISPATCHED, content="电梯困人了", code="ENG-LIFT", urgent=True)
    noise = team.ticket(Status.NEW, content="隔壁装修太吵", code="SEC-NOISE", channel=Channel.PHONE)
    angry = team.ticket(Status.NEW, content="你们这什么破物业！！气死我了", code="SVC-SLOW", emotion="upset")
    closed = team.ticket(Status.CLOSED, content="营业时间几点", code="SVC-INFO")
    session.commit()
    console.login("supervisor")
    cases = {
        "": {hvac.id, lift.id, noise.id, angry.id, closed.id},
        "status=new": {hvac.id, noise.id, angry.id},
        "status=open": {hvac.id, lift.id, noise.id, angry.id},
        "code=ENG-LIFT": {lift.id},
        "category=SEC": {noise.id},
        "channel=phone": {noise.id},
        "urgent=1": {lift.id},
        "upset=1": {angry.id},
        f"department={lift.department_id}": {hvac.id, lift.id},
        "q=电梯": {lift.id},
        f"q={lift.number}": {lift.id},
        "q=0001234": {hvac.id, lift.id, noise.id, angry.id, closed.id},
    }
    for query, expected in cases.items():
        assert set(_ids(console.get(f"/admin/tickets?{query}"))) == expected, query


def test_urgent_and_upset_rows_stand_out(team, console, session):
    lift = team.ticket(Status.NEW, content="电梯困人了", code="ENG-LIFT", urgent=True)
    angry = team.ticket(Status.NEW, content="太过分了，气死我了", code="SVC-SLOW", emotion="upset")
    session.commit()
    console.login("desk")
    html = console.get("/admin/tickets").get_data(as_text=True)
    assert re.search(rf'<tr class="urgent\s*"[^>]*data-ticket="{lift.id}"', html)
    assert re.search(rf'<tr class="\s*upset"[^>]*data-ticket="{angry.id}"', html)
    assert '<span class="badge urgent">急修</span>' in html and '<span class="badge upset">情绪激动</span>' in html


def test_overdue_filter_and_counters(team, console, session):
    late = team.ticket(Status.DISPATCHED, content="水管漏水", code="ENG-PLUMB")
    late.due_at = utcnow() - timedelta(hours=1)
    done_late = team.ticket(Status.COMPLETED)
    done_late.due_at = utcnow() - timedelta(hours=1)  # done: not overdue any more
    quoted = team.ticket(Status.QUOTED)
    team.ticket(Status.NEW)
    visit = FollowUp(site_id=team.site.id, ticket_id=done_late.id, kind="urgent_24h", due_at=utcnow())
    session.add(visit)
    session.commit()
    console.login("desk")
    assert _ids(console.get("/admin/tickets?overdue=1")) == [late.id]
    counts = queue_queries.counters(session, team.desk, utcnow())
    assert counts == {"new": 1, "overdue": 1, "quoted": 1, "visits": 1}
    html = console.get("/admin/tickets").get_data(as_text=True)
    assert re.search(r'<span class="n">1</span><span class="label">待确认报价</span>', html)
    assert quoted.id in _ids(console.get("/admin/tickets?status=quoted"))


def test_keyset_pages_walk_every_ticket_once_in_order(team, console, session, monkeypatch):
    monkeypatch.setattr(queue_queries, "PAGE_SIZE", 4)
    base = utcnow() - timedelta(days=1)
    tickets = []
    for i in range(10):
        t = team.ticket(Status.NEW, content=f"第{i}号 灯不亮", code="ENG-ELEC")
        t.created_at = base + timedelta(minutes=i // 2)  # pairs share a timestamp
        tickets.append(t)
    session.commit()
    expected = [t.id for t in sorted(tickets, key=lambda t: (t.created_at, t.id), reverse=True)]
    console.login("desk")
    seen, url = [], "/admin/tickets?q=灯不亮"
    pages, urls = [], []
    while url:
        urls.append(url)
        response = console.get(url)
        pages.append(_ids(response))
        seen += pages[-1]
        nxt = re.search(r'href="([^"]+)">下一页', response.get_data(as_text=True))
        url = nxt.group(1).replace("&amp;", "&") if nxt else None
    assert seen == expected and [len(p) for p in pages] == [4, 4, 2]
    for i in (1, 2):  # back from page i+1 lands on page i exactly
        html = console.get(urls[i]).get_data(as_text=True)
        prev = re.search(r'href="([^"]+)">‹ 上一页', html)
        assert _ids(console.get(prev.group(1).replace("&amp;", "&"))) == pages[i - 1]
    assert "上一页" not in console.get(urls[0]).get_data(as_text=True)
    oldest = _ids(console.get("/admin/tickets?q=灯不亮&sort=old"))
    assert oldest == list(reversed(expected))[:4]
    by_due = _ids(console.get("/admin/tickets?q=灯不亮&sort=due&page=3"))
    assert len(by_due) == 2


def test_count_is_capped(team, session, monkeypatch):
    monkeypatch.setattr(queue_queries, "COUNT_CAP", 3)
    for _ in range(5):
        team.ticket(Status.NEW)
    session.commit()
    page = queue_queries.page(session, team.desk, QueueFilters(), utcnow())
    assert (page.total, page.capped, len(page.items)) == (3, True, 5)


def test_short_search_only_looks_at_recent_tickets(team, session):
    old = team.ticket(Status.NEW, content="灯坏了")
    old.created_at = utcnow() - timedelta(days=queue_queries.SHORT_QUERY_DAYS + 5)
    new = team.ticket(Status.NEW, content="灯坏了")
    session.commit()
    short = queue_queries.page(session, team.desk, QueueFilters(q="灯"), utcnow())
    assert [t.id for t in short.items] == [new.id] and short.notes and short.total is None
    full = queue_queries.page(session, team.desk, QueueFilters(q="灯坏了"), utcnow())
    assert {t.id for t in full.items} == {old.id, new.id} and not full.notes


def test_my_tickets_are_the_ones_i_received_first_6_3(team, console, session):
    """§六(3) 首问负责: 「我的工单」 lists the tickets this clerk owns, wherever they went since;
    not a colleague's, not a ticket nobody has touched."""
    mine = team.ticket(Status.DISPATCHED, content="空调不制冷")  # the desk dispatched it
    done = team.ticket(Status.CLOSED, content="门禁卡刷不开")  # the desk closed it
    theirs = team.ticket(Status.NEW, content="电梯异响", code="ENG-LIFT")
    workflow.add_note(session, theirs, team.supervisor, "我来跟进")
    untouched = team.ticket(Status.NEW, content="灯不亮", code="ENG-ELEC")
    session.commit()
    console.login("desk")
    page = console.get("/admin/tickets")
    assert 'id="chip-mine"' in page.get_data(as_text=True)
    listed = set(_ids(console.get("/admin/tickets?mine=1")))
    assert listed == {mine.id, done.id} and not listed & {theirs.id, untouched.id}
    assert set(_ids(console.get("/admin/tickets?mine=1&status=open"))) == {mine.id}
