"""Where a unit's signed link leads a phone that scans it (workflow.unit_codes: printed when
the account cannot make WeChat parametric codes): which account to follow and what to send."""
from __future__ import annotations

import sqlalchemy as sa
from flask import Response, abort, current_app
from markupsafe import escape

from bot import bp
from models import Site, db
from workflow.phrasebook import site_values
from workflow.unit_codes import read_scan

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{centre}</title></head>
<body><h1>{centre}</h1><p>您的{word}：<strong>{code}</strong></p>
<p>请在微信中关注「{centre}」服务号，并发送“{code}”，即可报修、咨询和接收通知。</p>
{phone}</body></html>"""


@bp.get("/wechat/<slug>/scan/<token>")
def scan_landing(slug: str, token: str):
    site = db.session.scalar(sa.select(Site).where(Site.slug == slug))
    found = read_scan(token, current_app.config["SECRET_KEY"])
    if site is None or found is None or found[0] != site.id:
        abort(404)
    phone = f"<p>服务电话：{escape(site.phone)}</p>" if site.phone else ""
    html = PAGE.format(centre=escape(site.name), word=escape(site_values(site)["unit_word"]), code=escape(found[1]),
                       phone=phone)
    return Response(html, mimetype="text/html")
