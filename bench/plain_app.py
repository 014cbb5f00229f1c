"""The plainest durable webhook, the yardstick for bench/webhook.py: wechatpy checks the
signature and parses the message, jieba cuts the text, two ORM rows (the message and a
report) are written in one commit on SQLite in WAL mode, and a text reply goes back.
No Redis, no dialog, no classifier beyond the cut: what any durable webhook must do.

    PLAIN_DATABASE_URL=sqlite:///path.db gunicorn -w 2 bench.plain_app:app
(`bench.plain_app.create_tables()` makes the tables first, once.)"""
from __future__ import annotations

import os
from datetime import datetime

import jieba
import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import Flask, abort, request
from wechatpy import parse_message
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

TOKEN = "benchtoken"


class Base(so.DeclarativeBase):
    pass


class Inbound(Base):
    __tablename__ = "inbound"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    openid: so.Mapped[str] = so.mapped_column(sa.String(64))
    msg_id: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)  # WeChat retries: stored once
    content: so.Mapped[str] = so.mapped_column(sa.Text)
    created_at: so.Mapped[datetime] = so.mapped_column(default=datetime.utcnow)


class Report(Base):
    __tablename__ = "reports"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    inbound_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("inbound.id"))
    words: so.Mapped[str] = so.mapped_column(sa.Text)
    inbound: so.Mapped[Inbound] = so.relationship()


def make_engine() -> sa.Engine:
    engine = sa.create_engine(os.environ["PLAIN_DATABASE_URL"], connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _wal(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA journal_mode=WAL")

    return engine


app = Flask(__name__)
Session = so.sessionmaker()
jieba.initialize()  # loaded before gunicorn forks, as the product's classifier is


@app.before_request
def _bind():
    if Session.kw.get("bind") is None:  # per worker process, after the fork
        Session.configure(bind=make_engine())


@app.get("/healthz")
def healthz():
    return "ok"


@app.post("/wechat/<slug>")
def webhook(slug):
    try:
        check_signature(TOKEN, request.args["signature"], request.args["timestamp"], request.args["nonce"])
    except (InvalidSignatureException, KeyError):
        abort(403)
    msg = parse_message(request.get_data())
    words = jieba.lcut(msg.content or "")
    with Session() as session:
        inbound = Inbound(openid=msg.source, msg_id=str(msg.id), content=msg.content or "")
        session.add(Report(inbound=inbound, words=" ".join(words)))
        session.commit()
        number = inbound.id
    reply = TextReply(content=f"已收到，编号 {number}", message=msg).render()
    return reply, 200, {"Content-Type": "application/xml"}


def create_tables() -> None:
    Base.metadata.create_all(make_engine())
