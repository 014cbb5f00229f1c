"""The webhook's CPU per report in one process (Flask test client, file SQLite, embedded
Redis): steadier than req/s on a shared machine. Known tenants report new problems, in
batches; with --before, batches of another checkout alternate with this one's, each on
its own database, so both see the same machine. Also the Python function calls per
report (cProfile, 50 more reports), which no neighbour's load changes.

    .venv/bin/python bench/webhook_cpu.py [--batches 5] [--reports 300] [--before PATH]
    .venv/bin/python bench/webhook_cpu.py --profile /tmp/webhook.prof   # then: python -m pstats
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import ROOT, instance_env, local_redis_pid, prepare_site  # noqa: E402

TOKEN = "benchtoken"
TENANTS = 5000
COUNTED = 50  # reports whose function calls are counted, after the timed ones

# Runs in a fresh process inside the checkout under test: its app, its models.
BATCH = """
import itertools, json, sys, time
import psutil
from app import create_app
from fakewechat.signing import build_text, sign_request
from bench.webhook import TEXTS
start, reports, tenants, token, profile, redis_pid = {start}, {reports}, {tenants}, {token!r}, {profile!r}, {redis_pid}
app = create_app()
client = app.test_client()
ids = itertools.count(start * 1000 + 1)

def post(n):
    xml = build_text(f"bench-{{n % tenants}}", "gh_bench", TEXTS[n % len(TEXTS)] + f" #{{n}}", next(ids))
    args, body = sign_request(xml, token)
    resp = client.post("/wechat/bench", query_string=args, data=body)
    assert resp.status_code == 200, resp.status_code

for n in range(start, start + 20):  # warm: imports, caches, the first connections
    post(n)
try:  # and the classifier's similar-case index, built once a process by the first report
    # whose code the model changes (0.1 s): the gunicorn runs build it in their warm-up
    from nlp.model import current_model
    model = current_model()
    if model is not None:
        model.similar_case("warm", model.codes[0])
except (ImportError, AttributeError):  # an older checkout
    pass
redis = psutil.Process(redis_pid) if redis_pid else None
redis_before = sum(redis.cpu_times()[:2]) if redis else 0.0
if profile:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
cpu = time.process_time()
for n in range(start + 20, start + 20 + reports):
    post(n)
cpu = time.process_time() - cpu
if profile:
    profiler.disable()
    profiler.dump_stats(profile)
redis_cpu = (sum(redis.cpu_times()[:2]) - redis_before) if redis else 0.0
# Function calls per report: deterministic, where CPU time swings with the neighbours' load.
import cProfile, pstats
counter = cProfile.Profile()
counter.enable()
for n in range(start + 20 + reports, start + 20 + reports + {counted}):
    post(n)
counter.disable()
calls = pstats.Stats(counter).total_calls / {counted}
print(json.dumps({{"app_ms": cpu / reports * 1000, "redis_ms": redis_cpu / reports * 1000, "calls": calls}}))
"""


def batch(root: Path, env: dict, start: int, reports: int, profile) -> dict:
    code = BATCH.format(start=start, reports=reports, tenants=TENANTS, token=TOKEN, profile=profile, counted=COUNTED,
                        redis_pid=local_redis_pid(env["REDIS_URL"]))
    out = subprocess.run([sys.executable, "-c", code], env={**env, "PYTHONPATH": str(root)}, cwd=root,
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--before", type=Path, help="another checkout, measured in alternate batches")
    parser.add_argument("--profile", type=Path, metavar="FILE", help="cProfile one batch into FILE (pstats)")
    opts = parser.parse_args()
    roots = {"after": ROOT, **({"before": opts.before.resolve()} if opts.before else {})}
    envs = {}
    for name, root in roots.items():
        envs[name] = instance_env(TOKEN)
        prepare_site(envs[name], TOKEN, TENANTS, root=root)
    if opts.profile:
        batch(ROOT, envs["after"], 0, opts.reports, str(opts.profile.resolve()))
        return 0
    results = {name: [] for name in roots}
    for i in range(opts.batches):
        order = list(roots) if i % 2 == 0 else list(roots)[::-1]
        for name in order:
            # Each batch's tenants are ones with no open ticket yet: every message opens one.
            results[name].append(batch(roots[name], envs[name], i * (opts.reports + 20 + COUNTED), opts.reports,
                                       None))
    for name, runs in results.items():
        app_ms = [r["app_ms"] for r in runs]
        redis_ms = [r["redis_ms"] for r in runs]
        print(f"{name:6} app CPU/report median {statistics.median(app_ms):.2f} ms, min {min(app_ms):.2f} "
              f"({', '.join(f'{v:.2f}' for v in app_ms)}); Redis {statistics.median(redis_ms):.2f} ms; "
              f"function calls/report {statistics.median(r['calls'] for r in runs):,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
