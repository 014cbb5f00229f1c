"""Throughput and latency of the full webhook (signed text → classification → ticket →
reply) under gunicorn on 127.0.0.1, side by side with the plainest durable webhook
(bench/plain_app.py: wechatpy verify and parse, jieba.lcut, two ORM rows, one commit on
SQLite WAL) and a bare echo (bench/echo_app.py), 2 sync workers each, in interleaved
rounds. Load comes from wrk (`apt-get install wrk`), every request a different signed
message (fresh nonce and MsgId). Prints req/s, the ratio full/plain (goal ≥ 0.5), the CPU
per request of each server and of wrk, and p50/p99 of the full webhook at half its
maximum load (goal p99 < 200 ms), from an open-loop Python client.

The machine's cores are shared by the servers, wrk and whatever else runs: read the ratio
(neighbouring runs, same conditions) rather than the absolute figures.

    .venv/bin/python bench/webhook.py [--seconds 6] [--rounds 5] [--connections 8] [--workers 2]
    BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench ... (default: SQLite)
"""
from __future__ import annotations

import argparse
import itertools
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    ROOT,
    cpu_seconds,
    free_port,
    instance_env,
    local_redis_pid,
    pct,
    prepare_site,
    run_python,
    start_web,
)
from fakewechat.signing import build_text, sign_request  # noqa: E402

TOKEN = "benchtoken"
TEXTS = ["空调不制冷，店里很热", "卫生间水龙头一直滴水", "走廊的灯不亮了", "门禁卡刷不开", "地砖松动了",
         "隔壁装修太吵了", "垃圾桶满了没人清", "请问物业费怎么交", "停车场有车占了我的车位", "网络断了收银机连不上",
         "仓库有老鼠", "卷帘门有点卡", "烟感一直在响", "天花板有水渍", "插座没电了"]
TENANTS = 20000
_ids = itertools.count(int(time.time() * 1000) * 1000)
_sequence = itertools.count()  # shared by every run: each message comes from a tenant with no open ticket


def signed_message() -> tuple[str, bytes]:
    n = next(_sequence)
    xml = build_text(f"bench-{n % TENANTS}", "gh_bench", TEXTS[n % len(TEXTS)] + f" #{n}", next(_ids))
    args, body = sign_request(xml, TOKEN)
    return "/wechat/bench?" + urlencode(args), body if isinstance(body, bytes) else body.encode()


def wrk(port: int, seconds: float, connections: int, expected_rps: float) -> dict:
    """One wrk run; returns req/s, non-2xx answers and wrk's CPU seconds."""
    lines = int(expected_rps * seconds * 2) + 2000
    with tempfile.NamedTemporaryFile("wb", suffix=".requests", delete=False) as out:
        for _ in range(lines):
            path, body = signed_message()
            out.write(path.encode() + b"\t" + body + b"\n")
    threads = 2
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(seconds))}s", "--timeout", "10s",
         "-s", str(ROOT / "bench" / "wrk_requests.lua"), f"http://127.0.0.1:{port}", "--", out.name, str(threads)],
        capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(out.name).unlink()
    text = result.stdout
    total = int(re.search(r"(\d+) requests in", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: .*", text)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "requests": total,
            "bad": int(bad.group(1)) if bad else 0, "socket_errors": errors.group(0) if errors else "",
            "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)}


def half_load(port: int, rate: float, seconds: float) -> tuple[list[float], int]:
    """Open loop at a fixed arrival rate, as WeChat's servers push: latencies and errors."""
    latencies, errors, lock = [], [0], threading.Lock()
    sessions = threading.local()
    slots = threading.Semaphore(64)

    def fire(path, body):
        http = getattr(sessions, "http", None) or requests.Session()
        sessions.http = http
        started = time.perf_counter()
        try:
            ok = http.post(f"http://127.0.0.1:{port}{path}", data=body, timeout=10).status_code == 200
        except requests.RequestException:
            ok = False
        with lock:
            latencies.append(time.perf_counter() - started)
            errors[0] += not ok
        slots.release()

    interval, deadline, next_at = 1.0 / rate, time.perf_counter() + seconds, time.perf_counter()
    while next_at < deadline:
        slots.acquire()
        threading.Thread(target=fire, args=signed_message(), daemon=True).start()
        next_at += interval
        time.sleep(max(0.0, next_at - time.perf_counter()))
    for _ in range(64):
        slots.acquire()
    return latencies, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=4.0, help="seconds of load on each server, not counted")
    parser.add_argument("--before", type=Path, help="another checkout (say, an older commit) whose full webhook "
                                                    "is measured alongside, as 'before'")
    opts = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("bench/webhook.py needs wrk: apt-get install -y wrk")
    env = instance_env(TOKEN)
    # All the load comes from one address, while WeChat pushes from a pool of servers: the
    # per-address limit (6000/min) would answer the later rounds with fast 429s.
    env["WEBHOOK_IP_LIMIT_PER_MINUTE"] = "1000000"
    env["PLAIN_DATABASE_URL"] = f"sqlite:///{env['INSTANCE_PATH']}/plain.db"
    prepare_site(env, TOKEN, TENANTS)
    run_python("from bench.plain_app import create_tables; create_tables()", env)
    servers = {"full": "app:create_app()", "plain": "bench.plain_app:app", "echo": "bench.echo_app:app"}
    ports = {name: free_port() for name in servers}
    procs = {name: start_web(spec, ports[name], opts.workers, env) for name, spec in servers.items()}
    if opts.before:
        before_env = {**env, "DATABASE_URL": f"sqlite:///{env['INSTANCE_PATH']}/before.db"}
        if not env["DATABASE_URL"].startswith("sqlite"):
            raise SystemExit("--before compares on SQLite only")
        prepare_site(before_env, TOKEN, TENANTS, root=opts.before.resolve())
        servers["before"], ports["before"] = "app:create_app()", free_port()
        procs["before"] = start_web(servers["before"], ports["before"], opts.workers, before_env,
                                    root=opts.before.resolve())
    redis_pid = local_redis_pid(env["REDIS_URL"])  # the full webhook's Redis work counts as its own
    redis_pids = [redis_pid] if redis_pid else []
    pids = {name: [proc.pid, *(redis_pids if name in ("full", "before") else [])] for name, proc in procs.items()}
    try:
        # Steady state: a fresh database's WAL grows to its working size over the first few
        # hundred commits, and a commit that grows the file waits longer for its fsync.
        expected = {name: wrk(ports[name], opts.warmup, opts.connections, 5000)["rps"] for name in servers}
        runs = {name: [] for name in servers}
        order = list(servers)
        for round_ in range(opts.rounds):  # interleaved, rotating who goes first
            for name in order[round_ % len(order):] + order[:round_ % len(order)]:
                cpu_before = cpu_seconds(*pids[name])
                run = wrk(ports[name], opts.seconds, opts.connections, expected[name])
                run["server_cpu_ms"] = (cpu_seconds(*pids[name]) - cpu_before) / max(1, run["requests"]) * 1000
                run["wrk_cpu_ms"] = run["cpu"] / max(1, run["requests"]) * 1000
                runs[name].append(run)
                if run["bad"] or run["socket_errors"]:
                    print(f"  {name}: {run['bad']} non-2xx {run['socket_errors']}")
        rps = {name: statistics.median(r["rps"] for r in runs[name]) for name in servers}
        ratios = sorted(f["rps"] / p["rps"] for f, p in zip(runs["full"], runs["plain"], strict=True))
        latencies, errors = half_load(ports["full"], rps["full"] / 2, opts.seconds)
        print(f"database: {env['DATABASE_URL'].split(':')[0]}, gunicorn sync workers: {opts.workers} each, "
              f"wrk: 2 threads, {opts.connections} connections; {opts.rounds} interleaved rounds of "
              f"{opts.seconds:g} s after {opts.warmup:g} s of warm-up each")
        labels = [("echo", "bare echo (verify, parse, reply)"), ("plain", "plainest durable (+ jieba, 2 rows)"),
                  ("full", "full webhook")] + ([("before", f"full webhook of {opts.before}")] if opts.before else [])
        for name, label in labels:
            print(f"{label:36s} {rps[name]:8.1f} req/s  rounds {[round(r['rps']) for r in runs[name]]}  "
                  f"CPU/request: server {statistics.median(r['server_cpu_ms'] for r in runs[name]):.2f} ms, "
                  f"wrk {statistics.median(r['wrk_cpu_ms'] for r in runs[name]):.3f} ms")
        print(f"ratio full/plain: {statistics.median(ratios):.2f} (median of the rounds' ratios "
              f"{', '.join(f'{r:.2f}' for r in ratios)})  (goal >= 0.5); full/echo "
              f"{rps['full'] / rps['echo']:.2f}")
        if opts.before:
            before = sorted(b["rps"] / p["rps"] for b, p in zip(runs["before"], runs["plain"], strict=True))
            print(f"ratio before/plain: {statistics.median(before):.2f} ({', '.join(f'{r:.2f}' for r in before)})")
        print(f"full webhook at half load ({rps['full'] / 2:.0f} req/s, {len(latencies)} requests, {errors} errors): "
              f"p50 {pct(latencies, 50):.1f} ms, p99 {pct(latencies, 99):.1f} ms, "
              f"max {max(latencies) * 1000:.1f} ms  (goal p99 < 200 ms)")
    finally:
        for proc in procs.values():
            proc.terminate()
            proc.wait(timeout=10)
        from extensions import shutdown_embedded_redis

        shutdown_embedded_redis()


if __name__ == "__main__":
    main()
