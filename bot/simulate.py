"""`flask simulate --site lehui`: chat with the running webhook as a tenant would, signed
(and, with an EncodingAESKey, encrypted) exactly like WeChat's servers do. For demos,
staff training and trying out rule changes."""
from __future__ import annotations

import itertools
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Optional

import click
import requests
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from fakewechat.signing import build_event, build_image, build_text, build_voice, decode_reply, sign_request
from models import Site, db
from workflow.unit_codes import scanned_unit

HELP = ("输入文字发送消息。命令：/关注  /扫码 L2-015（或单元二维码的链接）  /菜单 PROGRESS|REPAIR|COMPLAINT|CONTACT  "
        "/图片  /语音 文字  /退出")


@dataclass
class Tenant:
    """One simulated WeChat user talking to one webhook."""

    url: str
    token: str
    openid: str
    aes_key: Optional[str] = None
    appid: Optional[str] = None
    official: str = "gh_simulator"
    # a scanned unit code or signed link → the unit code the scan event carries (None: not ours)
    resolve_scan: Optional[Callable[[str], Optional[str]]] = None

    def __post_init__(self):
        self._ids = itertools.count(int(time.time() * 1000) * 1000)

    def send(self, xml: str) -> str:
        args, body = sign_request(xml, self.token, self.aes_key if self.aes_key else None, self.appid)
        resp = requests.post(self.url, params=args, data=body, headers={"Content-Type": "text/xml"}, timeout=10)
        if resp.status_code != 200:
            return f"[HTTP {resp.status_code}] {resp.text[:200]}"
        reply = decode_reply(resp.content, self.token, self.aes_key, self.appid)
        return reply.get("Content", "（无回复）")

    def line(self, text: str) -> Optional[str]:
        """A typed line → the XML WeChat would send, or None to quit."""
        text = text.strip()
        command, _, arg = text.partition(" ")
        mid = next(self._ids)
        if command in ("/退出", "/quit"):
            return None
        if command in ("/关注", "/subscribe"):
            return build_event(self.openid, self.official, "subscribe")
        if command in ("/扫码", "/scan"):
            key = self.resolve_scan(arg) if self.resolve_scan else arg.strip()
            if key is None:
                raise ValueError("无法识别的二维码：不是本服务中心的单元二维码或链接")
            return build_event(self.openid, self.official, "SCAN", key)
        if command in ("/菜单", "/menu"):
            return build_event(self.openid, self.official, "CLICK", arg.strip() or "PROGRESS")
        if command in ("/图片", "/image"):
            return build_image(self.openid, self.official, "http://example.invalid/p.jpg", "demo-image", mid)
        if command in ("/语音", "/voice"):
            return build_voice(self.openid, self.official, "demo-voice", mid, recognition=arg)
        return build_text(self.openid, self.official, text, mid)


@click.command("simulate")
@click.option("--site", "slug", default=None, help="Site slug (default: DEFAULT_SITE).")
@click.option("--url", default="http://127.0.0.1:5000", show_default=True, help="Where the product runs.")
@click.option("--openid", default=None, help="The simulated tenant's openid (default: a new one).")
@with_appcontext
def simulate(slug, url, openid):
    """Chat with the running webhook as a tenant (reads lines from the terminal or stdin)."""
    cfg = current_app.config
    slug = slug or cfg["DEFAULT_SITE"]
    site = db.session.scalar(sa.select(Site).where(Site.slug == slug))
    if site is None:
        raise click.ClickException(f"no site {slug!r}; run `flask --app app seed-demo` first")
    creds = site.wechat_credentials(cfg)
    if not creds.token:
        raise click.ClickException("no WeChat token: set WECHAT_TOKEN or the site's token")
    tenant = Tenant(f"{url.rstrip('/')}/wechat/{slug}", creds.token, openid or f"sim-{secrets.token_hex(4)}",
                    creds.aes_key, creds.appid)
    if creds.account:
        tenant.official = creds.account
    tenant.resolve_scan = lambda scanned: scanned_unit(site, scanned, cfg["SECRET_KEY"])
    click.echo(f"模拟租户 {tenant.openid} → {site.name}（{tenant.url}）\n{HELP}")
    stdin = sys.stdin
    while True:
        click.echo("租户> ", nl=False)
        line = stdin.readline()
        if not line:
            break
        if not line.strip():
            continue
        try:
            xml = tenant.line(line)
        except ValueError as exc:
            click.echo(f"\n[{exc}]\n")
            continue
        if xml is None:
            break
        try:
            reply = tenant.send(xml)
        except requests.RequestException as exc:
            reply = f"[无法连接 {tenant.url}：{exc.__class__.__name__}]"
        click.echo(f"\n{site.name}> {reply}\n")
