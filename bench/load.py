"""Load with many simulated tenants against the product as production runs it (gunicorn
with several workers, RQ workers, a fake WeChat API), then an audit of the database:
every accepted message stored once, every report with exactly one ticket (or joined to
the right one), every reply within 5 s, retries answered identically.

    .venv/bin/python bench/load.py [--seconds 30] [--tenants 16] [--web-workers 3] [--rq-workers 2]
    BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_load ... (default SQLite)

Prints messages/s, p50/p99/max latency and the loss count (must be 0); exits 1 on loss.
"""
from __future__ import annotations

import argparse
import itertools
import random
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import free_port, instance_env, pct, prepare_site, start_web, start_worker  # noqa: E402
from fakewechat.signing import build_text, decode_reply, sign_request  # noqa: E402

TOKEN = "loadtoken"
REPORTS = [("空调不制冷，店里很热", "ENG-HVAC"), ("卫生间水龙头一直滴水", "ENG-PLUMB"), ("走廊的灯不亮了", "ENG-ELEC"),
           ("门禁卡刷不开", "ENG-DOOR"), ("地砖松动了", "ENG-CIVIL"), ("隔壁装修太吵了", "SEC-NOISE"),
           ("垃圾桶满了没人清", "ENV-CLEAN"), ("仓库有老鼠", "ENV-PEST"), ("天花板渗水了", "ENG-LEAK")]
FOLLOW_UPS = {"ENG-HVAC": "空调还是不制冷", "ENG-PLUMB": "水龙头还在滴水", "ENG-ELEC": "灯还是不亮"}
_ids = itertools.count(int(time.time() * 1000) * 1000)


@dataclass
class Sent:
    openid: str
    msg_id: int
    role: str  # report / follow_up / identity / chat
    code: str = ""
    statuses: list[int] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


class Tenants:
    def __init__(self, url: str, known: int):
        self.url, self.known = url, known
        self.sent: list[Sent] = []
        self.lock = threading.Lock()
        self.new_ids = itertools.count()
        self.known_ids = itertools.count()

    def post(self, http: requests.Session, s: Sent, xml: str, retries: int) -> None:
        def once():
            args, body = sign_request(xml, TOKEN)
            started = time.perf_counter()
            try:
                resp = http.post(self.url, params=args, data=body, timeout=10)
                status, text = resp.status_code, (decode_reply(resp.content, TOKEN).get("Content", "")
                                                  if resp.status_code == 200 else "")
            except requests.RequestException:
                status, text = 0, ""
            with self.lock:
                s.statuses.append(status)
                s.replies.append(text)
                s.latencies.append(time.perf_counter() - started)

        once()
        if retries:  # WeChat retries when it did not get the answer in time; some overlap
            threads = [threading.Thread(target=once) for _ in range(retries)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        with self.lock:
            self.sent.append(s)

    def script(self, rng: random.Random, http: requests.Session) -> None:
        kind = rng.choices(["known", "new", "follow_up"], weights=[5, 3, 2])[0]
        text, code = rng.choice(REPORTS)
        retries = rng.choice([0, 0, 0, 1, 3])
        if kind == "new":  # never wrote before: asked who, answers in two turns
            openid = f"new-{next(self.new_ids)}-{rng.randrange(10**6)}"
            for role, content in (("report", text), ("identity", "王建国"), ("identity", "13800001234 L1-001")):
                mid = next(_ids)
                self.post(http, Sent(openid, mid, role, code), build_text(openid, "gh", content, mid),
                          retries if role == "report" else 0)
            return
        openid = f"bench-{next(self.known_ids) % self.known}"
        mid = next(_ids)
        self.post(http, Sent(openid, mid, "report", code), build_text(openid, "gh", f"{text}（{mid % 997}）", mid),
                  retries)
        if kind == "follow_up" and code in FOLLOW_UPS:
            mid = next(_ids)
            self.post(http, Sent(openid, mid, "follow_up", code), build_text(openid, "gh", FOLLOW_UPS[code], mid), 0)


def audit(env: dict, tenants: Tenants) -> dict:
    """Read back what the database holds for every message we sent."""
    import sqlalchemy as sa

    from models import Message, Ticket
    from models.base import make_engine

    engine = make_engine(env["DATABASE_URL"])
    with engine.connect() as conn:
        rows = conn.execute(sa.select(Message.openid, Message.dedupe_key, Message.ticket_id)
                            .where(Message.direction == "in")).all()
        tickets = dict(conn.execute(sa.select(Ticket.id, Ticket.tenant_id)).all())
    engine.dispose()
    stored = defaultdict(list)
    for openid, key, ticket_id in rows:
        stored[(openid, key)].append(ticket_id)
    out = defaultdict(int)
    first_ticket = {}
    for s in sorted(tenants.sent, key=lambda s: s.msg_id):
        accepted = 200 in s.statuses
        out["messages"] += 1
        out["deliveries"] += len(s.statuses)
        out["errors"] += sum(1 for st in s.statuses if st != 200)
        out["slow"] += sum(1 for t in s.latencies if t >= 5.0)
        if len({r for r, st in zip(s.replies, s.statuses, strict=True) if st == 200}) > 1:
            out["retry_reply_mismatch"] += 1
        copies = stored.get((s.openid, f"msg:{s.msg_id}"), [])
        if accepted and len(copies) != 1:
            out["not_stored_once"] += 1
        if s.role == "report":
            ticket = copies[0] if copies else None
            if accepted and ticket is None:
                out["lost_reports"] += 1
            elif ticket is not None:
                first_ticket[s.openid] = ticket
                out["tickets"] += 1
        elif s.role == "follow_up" and copies and copies[0] != first_ticket.get(s.openid):
            out["follow_up_not_joined"] += 1
    out["tickets_in_db"] = len(tickets)
    return dict(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--tenants", type=int, default=16, help="concurrent simulated tenants")
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--rq-workers", type=int, default=2)
    opts = parser.parse_args()
    env = instance_env(TOKEN)
    known = 5000
    prepare_site(env, TOKEN, known)
    from fakewechat.server import FakeWeChat

    fake = FakeWeChat()
    fake.start()
    env["WECHAT_API_BASE"], env["WECHAT_APPID"], env["WECHAT_SECRET"] = fake.api_base, "wxload", "secret"
    port = free_port()
    web = start_web("app:create_app()", port, opts.web_workers, env)
    workers = [start_worker(env) for _ in range(opts.rq_workers)]
    population = Tenants(f"http://127.0.0.1:{port}/wechat/bench", known)
    deadline = time.perf_counter() + opts.seconds

    def tenant(seed: int) -> None:
        rng, http = random.Random(seed), requests.Session()
        while time.perf_counter() < deadline:
            population.script(rng, http)

    try:
        started = time.perf_counter()
        threads = [threading.Thread(target=tenant, args=(i,)) for i in range(opts.tenants)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        time.sleep(3)  # let the workers drain what the last messages queued
        result = audit(env, population)
    finally:
        web.terminate()
        for w in workers:
            w.terminate()
        web.wait(timeout=10)
        fake.stop()
        from extensions import shutdown_embedded_redis

        shutdown_embedded_redis()
    latencies = [t for s in population.sent for t in s.latencies]
    loss = result.get("lost_reports", 0) + result.get("not_stored_once", 0)
    print(f"database: {env['DATABASE_URL'].split(':')[0]}, web workers {opts.web_workers}, rq workers "
          f"{opts.rq_workers}, {opts.tenants} concurrent tenants, {elapsed:.0f} s")
    print(f"messages: {result['messages']} ({result['deliveries']} deliveries incl. retries), "
          f"{result['deliveries'] / elapsed:.1f} deliveries/s")
    print(f"latency: p50 {pct(latencies, 50):.1f} ms, p99 {pct(latencies, 99):.1f} ms, max {max(latencies) * 1000:.1f} ms;"
          f" replies over 5 s: {result.get('slow', 0)}; error responses: {result.get('errors', 0)}")
    print(f"tickets: {result.get('tickets', 0)} reports ticketed, {result['tickets_in_db']} tickets in the database; "
          f"follow-ups not joined: {result.get('follow_up_not_joined', 0)}; retry replies differing: "
          f"{result.get('retry_reply_mismatch', 0)}")
    print(f"loss: {loss}")
    return 1 if loss or result.get("errors") or result.get("slow") else 0


if __name__ == "__main__":
    sys.exit(main())
