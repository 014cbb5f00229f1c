"""Image files kept under INSTANCE_PATH (the tenant's WeChat photos): what kind of image bytes are by their first bytes (never by the name or
the type a client claims), the size limit, and a write that never leaves half a file
where the console would serve it."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional

MAX_PHOTO_BYTES = 10 * 1024 * 1024  # the most the console serves
IMAGE_SIGNATURES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png", b"GIF8": "image/gif"}
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}


def image_type(head: bytes) -> Optional[str]:
    """The image's MIME type from its first bytes (16 are enough), or None."""
    mimetype = next((m for signature, m in IMAGE_SIGNATURES.items() if head.startswith(signature)), None)
    if mimetype is None and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        mimetype = "image/webp"
    return mimetype


def write_atomically(root: str | os.PathLike, relative: str | os.PathLike, data: bytes) -> None:
    """Written aside and renamed: a reader sees the whole file or none."""
    target = Path(root) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(temp, target)

