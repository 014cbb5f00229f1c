"""Server time of the console's heavy pages with 1,000,000 tickets in PostgreSQL.

Run: .venv/bin/python bench/console.py [--tickets N] [--rebuild] [--explain]
Uses its own database (BENCH_DATABASE_URL, default bench_console on 127.0.0.1), migrates it,
bulk-loads the tickets with COPY once (kept between runs unless --rebuild), adds the
builds the trigram search index after the load (migration 0003 owns the indexes), then times
real requests through the Flask views (query + template) with the test client: median of
several runs after a warm-up. Goal: each under 150 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("INSTANCE_PATH", tempfile.mkdtemp(prefix="bench-console-"))

import sqlalchemy as sa  # noqa: E402

from models.base import utcnow  # noqa: E402
from models.tickets import SEARCH_EXPRESSION, SEARCH_INDEX  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_console"
PASSWORD = "bench-password"
GOAL_MS = 150

# Migration 0003 makes the indexes the console needs. The trigram index is dropped while
# COPY loads the rows and built once afterwards (much faster than maintaining it per row).
SEARCH_INDEX_DDL = (f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON tickets USING gin "
                    f"(({SEARCH_EXPRESSION}) gin_trgm_ops)")

TEXTS = [
    "卫生间水管爆了，水漫出来了", "空调不制冷，店里热得没法营业", "店门口的卷帘门坏了拉不下来", "天花板靠窗那边渗水，下雨后更明显",
    "隔壁店装修一直在电钻，吵得客人都走了", "请问物业费可以开专票吗", "报修三天了空调还没人来，气死我了",
    "B1停车场有车一直占着我们的卸货车位", "走廊的灯不亮了，晚上很黑", "后厨下水道堵了，水排不下去", "电梯困人了，停在两层之间",
    "仓库里发现老鼠，麻烦安排灭鼠", "门禁卡刷不开员工通道的门", "垃圾房那边味道很大，好几天没清运了", "建议在中庭多放几个休息座椅",
    "保安态度很差，对顾客大声呵斥", "店铺整层停电了，冰柜里的东西要坏了", "烟感报警器一直在响", "网络断了，收银机连不上",
    "外墙玻璃有裂缝，担心掉下来", "感谢师傅及时修好了水管", "地砖松动了，顾客差点绊倒", "水电费这个月怎么多收了两百",
    "花坛里的树枝挡住了店招", "消防通道被杂物堵塞了", "空调出风口一直滴水", "插座冒火花，闻到烧焦味", "洗手池水龙头关不紧一直滴水",
    "晚上十点后还有装修施工噪音", "请问营业时间是几点到几点", "扶梯停运了，顾客上不去", "马桶堵了冲不下去", "吊顶有一块掉下来了",
    "新风系统一直有异响", "厕所很脏没人打扫", "有可疑人员在仓库附近转悠", "发票什么时候能开好", "窗户关不上，风很大",
]
PLACES = ["", "L1", "L2", "L3", "B1", "后厨", "仓库", "门口", "收银台旁"]
CODES = [  # code, category, share
    ("ENG-PLUMB", "ENG", 14), ("ENG-LEAK", "ENG", 6), ("ENG-ELEC", "ENG", 12), ("ENG-HVAC", "ENG", 12),
    ("ENG-LIFT", "ENG", 4), ("ENG-DOOR", "ENG", 6), ("ENG-CIVIL", "ENG", 4), ("ENG-FIRE", "ENG", 2),
    ("ENG-WEAK", "ENG", 3), ("ENV-CLEAN", "ENV", 8), ("ENV-PEST", "ENV", 3), ("ENV-GREEN", "ENV", 1),
    ("SEC-PARK", "SEC", 5), ("SEC-NOISE", "SEC", 5), ("SEC-SAFE", "SEC", 2), ("SEC-DECOR", "SEC", 2),
    ("SVC-ATTI", "SVC", 2), ("SVC-SLOW", "SVC", 2), ("SVC-INFO", "SVC", 3), ("FEE-BILL", "FEE", 3), ("OTHER", "OTHER", 1),
]
OPEN = [("NEW", 30), ("DISPATCHED", 25), ("IN_PROGRESS", 20), ("QUOTED", 5), ("COMPLETED", 15), ("REOPENED", 5)]
CHANNELS = [("WECHAT", 70), ("PHONE", 20), ("VISIT", 8), ("LETTER", 2)]
COLUMNS = ("number", "site_id", "created_at", "unit_code", "phone", "code", "category", "content", "complainant",
           "receiver", "recorder", "channel", "intent", "urgent", "emotion", "confidence", "evidence", "status",
           "department_id", "due_at", "first_response_at", "completed_at", "closed_at", "close_reason", "satisfaction",
           "supervisor_flag", "forwarded_by_company", "leadership_instruction", "receipt_confirmed", "site_cleaned",
           "updated_at")


def ensure_database(url: str) -> None:
    target = sa.make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}):
            conn.execute(sa.text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def reset_schema(url: str) -> None:
    from models import Base

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def prepare_reference(url: str) -> dict:
    """Sites, staff and codes through the models; returns ids the loader needs."""
    from models import Department, Role, Site, Staff, db, staff_sites  # noqa: F401
    from workflow.reference import ensure_reference_data

    db.configure(url)
    s = db.session
    ensure_reference_data(s)
    sites = []
    for slug, name, prefix in (("lehui", "乐汇城物业服务中心", "LH"), ("gongshe", "园区共舍物业服务中心", "GS")):
        site = s.scalar(sa.select(Site).where(Site.slug == slug))
        if site is None:
            site = Site(slug=slug, name=name, ticket_prefix=prefix, settings={})
            s.add(site)
            s.flush()
        sites.append(site)
    for username, role in (("bench_desk", Role.DESK), ("bench_boss", Role.SUPERVISOR)):
        staff = s.scalar(sa.select(Staff).where(Staff.username == username))
        if staff is None:
            staff = Staff(username=username, display_name=username, role=role)
            staff.set_password(PASSWORD)
            staff.sites = [sites[0]]
            s.add(staff)
    s.commit()
    departments = {c.code: c.department_id for c in s.scalars(sa.select(__import__("models").ComplaintCode))}
    out = {"sites": [x.id for x in sites], "departments": departments}
    db.session.remove()
    return out


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return lambda: rng.choices(values, weights)[0]


def ticket_rows(n: int, ref: dict, now: datetime):
    rng = random.Random(2026)
    pick_code = _weighted(rng, [((c, k), w) for c, k, w in CODES])
    pick_open = _weighted(rng, OPEN)
    pick_channel = _weighted(rng, CHANNELS)
    span = timedelta(days=730).total_seconds()
    counters: dict = {}
    site_a, site_b = ref["sites"]
    created = sorted(now - timedelta(seconds=rng.random() * span) for _ in range(n))
    for at in created:
        site = site_a if rng.random() < 0.8 else site_b
        code, category = pick_code()
        day = at.strftime("%Y%m%d")
        counters[(site, day)] = seq = counters.get((site, day), 0) + 1
        number = f"{'LH' if site == site_a else 'GS'}-{day}-{seq:04d}"
        recent = (now - at).days < 30
        status = pick_open() if recent and rng.random() < 0.5 else "CLOSED"
        urgent = rng.random() < 0.05
        due = at + timedelta(hours=0.5 if urgent else rng.choice((1, 2, 4, 24)))
        first = at + timedelta(minutes=rng.randint(5, 240)) if status not in ("NEW",) else None
        done = status in ("COMPLETED", "CLOSED")
        completed = at + timedelta(minutes=rng.randint(30, 3000)) if done else None
        closed = completed + timedelta(hours=rng.randint(1, 48)) if status == "CLOSED" else None
        text = f"{rng.choice(PLACES)}{rng.choice(TEXTS)}"
        yield (number, site, at, f"{rng.choice(('B1', 'L1', 'L2', 'L3'))}-{rng.randint(1, 120):03d}",
               f"13{rng.randint(0, 999999999):09d}", code, category, text, rng.choice(("王先生", "刘女士", "赵老板", None)),
               "微信服务号", "系统", pick_channel(), "repair", urgent, "upset" if rng.random() < 0.03 else "calm",
               round(rng.random(), 3), json.dumps([text[:2]], ensure_ascii=False), status, ref["departments"][code],
               due, first, completed, closed, "resolved" if closed else None,
               rng.randint(1, 5) if closed and rng.random() < 0.4 else None, False, False, False, done, done,
               closed or completed or at)


def load_tickets(url: str, n: int) -> float:
    import psycopg

    ref = prepare_reference(url)
    dsn = sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    started = time.perf_counter()
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        with cur.copy(f"COPY tickets ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in ticket_rows(n, ref, utcnow()):
                copy.write_row(row)
        conn.commit()
    return time.perf_counter() - started


def add_indexes(url: str) -> float:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    started = time.perf_counter()
    with engine.connect() as conn:
        conn.execute(sa.text(SEARCH_INDEX_DDL))
        conn.execute(sa.text("VACUUM ANALYZE tickets"))
    engine.dispose()
    return time.perf_counter() - started


def drop_search_index(url: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {SEARCH_INDEX}"))
    engine.dispose()


def ticket_count(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(sa.text("SELECT count(*) FROM tickets"))
    except sa.exc.ProgrammingError:
        return -1
    finally:
        engine.dispose()


def signed_in(app, username: str):
    import re

    client = app.test_client()
    html = client.get("/admin/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    response = client.post("/admin/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302, response.status_code
    return client


def timed(client, path: str, runs: int, before=None) -> tuple[float, int]:
    response = client.get(path)  # warm-up (and the status to report)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), response.status_code


def explain(url: str, sql: str) -> None:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        for (line,) in conn.execute(sa.text("EXPLAIN (ANALYZE, BUFFERS) " + sql)):
            print("    " + line)
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true", help="drop and reload the bench database")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="print the plans of the list queries")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(url)
    if args.rebuild or ticket_count(url) != args.tickets:
        from models.migrate import upgrade

        reset_schema(url)
        upgrade(url)
        drop_search_index(url)
        print(f"loading {args.tickets:,} tickets with COPY …", flush=True)
        print(f"  loaded in {load_tickets(url, args.tickets):.1f} s", flush=True)
    print(f"  indexes and ANALYZE in {add_indexes(url):.1f} s", flush=True)

    from app import create_app
    from models.localtime import today as local_today

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "TESTING": False})
    month = local_today().strftime("%Y-%m")
    # no app context around the requests: each gets its own, as in production
    if True:
        desk = signed_in(app, "bench_desk")
        boss = signed_in(app, "bench_boss")
        cases = [
            ("ticket list, first page", desk, "/admin/tickets"),
            ("ticket list, filtered (open ENG, urgent first by deadline)", desk, "/admin/tickets?status=open&category=ENG&sort=due"),
            ("ticket list, filtered (closed HVAC by phone, last 90 days)", desk,
             f"/admin/tickets?status=closed&code=ENG-HVAC&channel=phone&since={(utcnow() - timedelta(days=90)):%Y-%m-%d}"),
            ("ticket list, overdue", desk, "/admin/tickets?overdue=1"),
            ("ticket list, deep page (a year back, keyset)", desk,
             f"/admin/tickets?before={(utcnow() - timedelta(days=365)).isoformat()}_999999999"),
            ("search, content (空调不制冷)", desk, "/admin/tickets?q=空调不制冷"),
            ("search, unit code (L2-015)", desk, "/admin/tickets?q=L2-015"),
            ("search, phone digits (5678)", desk, "/admin/tickets?q=5678"),
            ("search, 2 characters (漏水, last 90 days)", desk, "/admin/tickets?q=漏水"),
            ("search, no match (不存在的内容)", desk, "/admin/tickets?q=不存在的内容"),
            ("monthly statistics page (month, quarter, 12 months)", boss, f"/admin/stats?month={month}"),
            ("monthly statistics page, cold cache (ended months recounted)", boss, f"/admin/stats?month={month}",
             lambda: [app.redis.delete(k) for k in app.redis.scan_iter("admin:stats:*")]),
            ("monthly statistics, one chart (SVG)", boss, f"/admin/stats/charts/category.svg?month={month}"),
            ("monthly statistics, Excel export", boss, f"/admin/stats/export.xlsx?month={month}"),
        ]
        print(f"\n{ticket_count(url):,} tickets in {sa.make_url(url).database}; median of {args.runs} runs, ms "
              f"(goal < {GOAL_MS} ms)")
        worst = 0.0
        for label, client, path, *before in cases:
            ms, _ = timed(client, path, args.runs, *before)
            worst = max(worst, ms)
            print(f"  {ms:8.1f}  {'ok  ' if ms < GOAL_MS else 'SLOW'}  {label}")
        from models import Staff, db
        from models.stats import Month, Scope, figures

        times = []
        with app.app_context():
            staff = db.session.scalar(sa.select(Staff).where(Staff.username == "bench_boss"))
            for _ in range(args.runs + 1):
                started = time.perf_counter()
                figures(db.session, Scope(staff=staff), Month.parse(month, local_today()).period(), utcnow())
                times.append((time.perf_counter() - started) * 1000)
        times = times[1:]
        print(f"  {statistics.median(times):8.1f}  {'ok  ' if statistics.median(times) < GOAL_MS else 'SLOW'}  "
              "monthly aggregation queries alone (models.stats.figures)")
    if args.explain:
        from admin.queue_queries import QueueFilters, filtered
        from models import Staff, db

        db.configure(url)
        staff = db.session.scalar(sa.select(Staff).where(Staff.username == "bench_desk"))
        for q in ("空调不制冷", None):
            stmt = filtered(db.session, staff, QueueFilters(q=q), utcnow())
            from models import Ticket

            stmt = stmt.order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(31)
            sql = str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True}))
            print(f"\nEXPLAIN list q={q!r}")
            explain(url, sql)
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
