"""The baseline for bench/webhook.py: a bare Flask + wechatpy endpoint that checks the
signature, parses the message and echoes a text reply — no database, no classifier."""
from flask import Flask, abort, request
from wechatpy import parse_message
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

TOKEN = "benchtoken"
app = Flask(__name__)


@app.post("/wechat/<slug>")
def echo(slug):
    try:
        check_signature(TOKEN, request.args["signature"], request.args["timestamp"], request.args["nonce"])
    except (InvalidSignatureException, KeyError):
        abort(403)
    msg = parse_message(request.get_data())
    return TextReply(content=f"收到：{msg.content}", message=msg).render(), 200, {"Content-Type": "application/xml"}
