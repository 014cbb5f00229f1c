"""Image files kept under INSTANCE_PATH (the tenant's WeChat photos, staff photos, the
回执 signature): what kind of image bytes are by their first bytes (never by the name or
the type a client claims), the size limits, whether a signature has any ink, and a write
that never leaves half a file where the console would serve it."""
from __future__ import annotations

import os
import tempfile
import zlib
from pathlib import Path
from typing import Optional

MAX_PHOTO_BYTES = 10 * 1024 * 1024  # the most the console serves
MAX_UPLOAD_BYTES = 1536 * 1024  # a photo staff upload (the browser resizes it to ~300 KB first)
MAX_SIGNATURE_BYTES = 256 * 1024
MAX_SIGNATURE_PIXELS = 2_500_000  # a phone-wide pad at 3 device pixels per CSS pixel is ~1 million
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


def png_has_ink(data: bytes) -> bool:
    """Whether a canvas PNG (8-bit RGBA, as browsers export a canvas) has any pixel that
    is not fully transparent black, i.e. something was drawn. A PNG row is filtered
    against its neighbours, and each filter maps all-zero rows to zeros and back, so the
    image is blank exactly when every filtered byte (after each row's filter-type byte)
    is zero: no need to undo the filters. Raises ValueError for any other PNG."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    bit_depth, colour_type, interlace = data[24], data[25], data[28]
    if (bit_depth, colour_type, interlace) != (8, 6, 0) or not 0 < width * height <= MAX_SIGNATURE_PIXELS:
        raise ValueError("not an 8-bit RGBA canvas image")
    compressed, offset = bytearray(), 8
    while offset + 8 <= len(data):
        length, kind = int.from_bytes(data[offset:offset + 4], "big"), data[offset + 4:offset + 8]
        if kind == b"IDAT":
            compressed += data[offset + 8:offset + 8 + length]
        offset += 12 + length
    stride = 1 + width * 4
    try:
        rows = zlib.decompressobj().decompress(bytes(compressed), stride * height)
    except zlib.error:
        raise ValueError("broken PNG data") from None
    if len(rows) != stride * height:
        raise ValueError("truncated PNG data")
    return any(rows[i * stride + 1:(i + 1) * stride].count(0) != stride - 1 for i in range(height))
