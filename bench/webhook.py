"""Throughput and latency of the full webhook (signed text → classification → ticket →
reply) under gunicorn on 127.0.0.1, against a bare Flask + wechatpy echo endpoint measured
in the same run, interleaved. Prints the ratio (goal ≥ 0.5) and p50/p99 at half the
product's maximum load (goal p99 < 200 ms).

Everything shares this machine's cores, the Python load generator included, so the ratio
is about (client + echo's CPU) / (client + webhook's CPU) per request: the CPU per request
of each server and of the load generator is printed too, to read the ratio by.

    .venv/bin/python bench/webhook.py [--seconds 10] [--concurrency 8] [--workers 2]
    BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench ... (default: SQLite)
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import cpu_seconds, free_port, instance_env, local_redis_pid, pct, prepare_site, start_web  # noqa: E402
from fakewechat.signing import build_text, sign_request  # noqa: E402

TOKEN = "benchtoken"
TEXTS = ["空调不制冷，店里很热", "卫生间水龙头一直滴水", "走廊的灯不亮了", "门禁卡刷不开", "地砖松动了",
         "隔壁装修太吵了", "垃圾桶满了没人清", "请问物业费怎么交", "停车场有车占了我的车位", "网络断了收银机连不上",
         "仓库有老鼠", "卷帘门有点卡", "烟感一直在响", "天花板有水渍", "插座没电了"]
_ids = itertools.count(int(time.time() * 1000) * 1000)
_sequence = itertools.count()


class Load:
    def __init__(self, url: str, openids: list[str]):
        self.url, self.openids = url, openids
        self.latencies: list[float] = []
        self.errors = 0
        self._n = _sequence  # shared by every run: each message comes from a tenant with no open ticket
        self._lock = threading.Lock()

    def one(self, http: requests.Session) -> None:
        n = next(self._n)
        xml = build_text(self.openids[n % len(self.openids)], "gh_bench", TEXTS[n % len(TEXTS)] + f" #{n}", next(_ids))
        args, body = sign_request(xml, TOKEN)
        started = time.perf_counter()
        try:
            resp = http.post(self.url, params=args, data=body, timeout=10)
            ok = resp.status_code == 200 and b"<xml>" in resp.content
        except requests.RequestException:
            ok = False
        elapsed = time.perf_counter() - started
        with self._lock:
            self.latencies.append(elapsed)
            self.errors += not ok

    def closed(self, seconds: float, concurrency: int) -> float:
        """As fast as `concurrency` clients can go; returns requests per second."""
        deadline = time.perf_counter() + seconds

        def client():
            http = requests.Session()
            while time.perf_counter() < deadline:
                self.one(http)

        threads = [threading.Thread(target=client) for _ in range(concurrency)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return len(self.latencies) / (time.perf_counter() - started)

    def open(self, rate: float, seconds: float, concurrency: int) -> None:
        """A fixed arrival rate, like WeChat's servers pushing messages."""
        interval, deadline = 1.0 / rate, time.perf_counter() + seconds
        slots = threading.Semaphore(concurrency * 4)
        sessions = threading.local()

        def fire():
            http = getattr(sessions, "http", None) or requests.Session()
            sessions.http = http
            try:
                self.one(http)
            finally:
                slots.release()

        next_at = time.perf_counter()
        while next_at < deadline:
            slots.acquire()
            threading.Thread(target=fire, daemon=True).start()
            next_at += interval
            time.sleep(max(0.0, next_at - time.perf_counter()))
        while slots._value < concurrency * 4:  # noqa: SLF001 - wait for stragglers
            time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of load on each server, not counted")
    opts = parser.parse_args()
    env = instance_env(TOKEN)
    # All the load comes from one address, while WeChat pushes from a pool of servers: the
    # per-address limit (6000/min) would answer the later rounds with fast 429s.
    env["WEBHOOK_IP_LIMIT_PER_MINUTE"] = "1000000"
    tenants = 60000
    prepare_site(env, TOKEN, tenants)
    openids = [f"bench-{i}" for i in range(tenants)]
    product_port, echo_port = free_port(), free_port()
    product = start_web("app:create_app()", product_port, opts.workers, env)
    echo = start_web("bench.echo_app:app", echo_port, opts.workers, env)
    try:
        # Steady state, as a running product has it: a fresh database's WAL file grows to its
        # full size over the first few hundred reports, and a commit
        # that grows the file waits longer for its fsync than one that reuses it.
        for port in (echo_port, product_port):
            Load(f"http://127.0.0.1:{port}/wechat/bench", openids).closed(opts.warmup, opts.concurrency)
        rates = {"echo": [], "webhook": []}
        redis_pid = local_redis_pid(env["REDIS_URL"])  # the webhook's Redis work counts as the webhook's
        redis_pids = [redis_pid] if redis_pid else []
        server_cpu, client_cpu = {"echo": [], "webhook": []}, {"echo": [], "webhook": []}  # ms per request
        for round_ in range(opts.rounds):  # interleaved, alternating who goes first: both see the same machine
            order = (("echo", echo_port, [echo.pid]), ("webhook", product_port, [product.pid, *redis_pids]))
            for name, port, pids in order if round_ % 2 == 0 else order[::-1]:
                load = Load(f"http://127.0.0.1:{port}/wechat/bench", openids)
                server_before, client_before = cpu_seconds(*pids), time.process_time()
                rates[name].append(load.closed(opts.seconds, opts.concurrency))
                n = max(1, len(load.latencies))
                server_cpu[name].append((cpu_seconds(*pids) - server_before) / n * 1000)
                client_cpu[name].append((time.process_time() - client_before) / n * 1000)
                if load.errors:
                    print(f"  {name}: {load.errors} errors")
        # The machine is shared and noisy: each round's ratio pairs two neighbouring runs,
        # and the median of those is the figure.
        ratios = sorted(w / e for w, e in zip(rates["webhook"], rates["echo"], strict=True))
        echo_rps, hook_rps = statistics.median(rates["echo"]), statistics.median(rates["webhook"])
        half = Load(f"http://127.0.0.1:{product_port}/wechat/bench", openids)
        half.open(hook_rps / 2, opts.seconds, opts.concurrency)
        print(f"database: {env['DATABASE_URL'].split(':')[0]}, gunicorn workers: {opts.workers}, "
              f"clients: {opts.concurrency}, {opts.rounds} interleaved rounds of {opts.seconds:g} s "
              f"after {opts.warmup:g} s of warm-up each")
        print(f"echo (Flask + wechatpy, no work): {echo_rps:8.1f} req/s   rounds {[round(r) for r in rates['echo']]}")
        print(f"full webhook:                     {hook_rps:8.1f} req/s   rounds {[round(r) for r in rates['webhook']]}")
        print(f"ratio webhook/echo: {statistics.median(ratios):.2f} (median of the rounds' ratios "
              f"{', '.join(f'{r:.2f}' for r in ratios)})  (goal >= 0.5)")
        redis_note = " with its Redis" if redis_pids else " (the Redis server's own CPU not counted)"
        print("CPU per request (median of the rounds): server "
              f"echo {statistics.median(server_cpu['echo']):.2f} ms, "
              f"webhook {statistics.median(server_cpu['webhook']):.2f} ms{redis_note}; "
              f"load generator {statistics.median(client_cpu['echo']):.2f} ms / {statistics.median(client_cpu['webhook']):.2f} ms")
        print(f"at half load ({hook_rps / 2:.0f} req/s, {len(half.latencies)} requests, {half.errors} errors): "
              f"p50 {pct(half.latencies, 50):.1f} ms, p99 {pct(half.latencies, 99):.1f} ms, "
              f"max {max(half.latencies) * 1000:.1f} ms  (goal p99 < 200 ms)")
    finally:
        for proc in (product, echo):
            proc.terminate()
            proc.wait(timeout=10)
        from extensions import shutdown_embedded_redis

        shutdown_embedded_redis()


if __name__ == "__main__":
    main()
