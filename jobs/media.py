"""Tenants' photos and voice messages, fetched from WeChat (temporary media lives three
days) and kept under INSTANCE_PATH/media/; Message.media_path is relative to
INSTANCE_PATH, as the console expects."""
from __future__ import annotations

from pathlib import Path

from jobs.notify import Outcome
from jobs.outbound import Undeliverable, client_for
from jobs.runtime import JobContext
from jobs.wechat_client import download_media as fetch_media
from models import Message, Outbox, Site
from workflow.media import write_atomically

EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
              "image/bmp": ".bmp", "audio/amr": ".amr", "voice/amr": ".amr", "audio/mpeg": ".mp3",
              "audio/x-speex": ".speex", "voice/speex": ".speex"}


def download_media(ctx: JobContext, row: Outbox) -> Outcome:
    message = ctx.session.get(Message, (row.payload or {}).get("message_id"))
    if message is None:
        return Outcome("skipped", "消息已不存在")
    if message.media_path:
        return Outcome("done", "已下载")
    if not message.media_id:
        raise Undeliverable("消息没有 media_id")
    site = ctx.session.get(Site, message.site_id)
    client = client_for(ctx, site)
    try:
        data, content_type = fetch_media(client, message.media_id)
    finally:
        client.close()
    when = message.created_at
    relative = Path("media") / str(site.id) / f"{when:%Y%m}" / f"{message.id}{EXTENSIONS.get(content_type, '.bin')}"
    write_atomically(ctx.config["INSTANCE_PATH"], relative, data)
    message.media_path = relative.as_posix()
    data_field = dict(message.data or {})
    data_field["content_type"] = content_type
    message.data = data_field
    return Outcome("done", f"{content_type}, {len(data)} bytes")
