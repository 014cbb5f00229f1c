"""Small image files for tests, built here rather than stored: a canvas-like RGBA PNG with
chosen pixels inked, and JPEG bytes (the console only reads an image's first bytes)."""
from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def canvas_png(width: int = 40, height: int = 20, ink: tuple[tuple[int, int], ...] = (), *, row_filter: int = 0,
               colour_type: int = 6) -> bytes:
    """An 8-bit PNG as a browser exports a canvas: transparent, with black opaque pixels at
    `ink`. Every row carries the filter-type byte `row_filter`, with the bytes left as they
    are: for rows of zeros that is what each filter gives; inked rows use filter 0."""
    channels = {6: 4, 2: 3}[colour_type]
    rows = []
    for y in range(height):
        row = bytearray(width * channels)
        for x, yy in ink:
            if yy == y:
                row[x * channels + channels - 1] = 255
        rows.append(bytes([0 if any(row) else row_filter]) + bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + _chunk(b"IEND", b""))


def jpeg(size: int = 2048) -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * (size - 11)


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's start-of-frame marker."""
    at = 2
    while at + 4 <= len(data):
        marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[at + 7:at + 9], "big"), int.from_bytes(data[at + 5:at + 7], "big")
        at += 2 + length
    raise ValueError("no start-of-frame marker")
