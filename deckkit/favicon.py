"""The deck's favicon: a Run button (a white ▶ on the deck's blue), drawn at build as a 32×32 ICO.

Served from dist/ beside the decks (`/favicon.ico`, which browsers ask for anyway) and linked from
their HTML. Drawn here, from the stdlib, rather than committed as a binary or made with an imaging
library the build would need for one small picture.
"""

import struct
import zlib

SIZE = 32
SAMPLES = 4  # per pixel and axis: smooth edges
BLUE = (0x1C, 0x5F, 0xD4)
WHITE = (0xFF, 0xFF, 0xFF)
RADIUS = 7  # the rounded square's corners
TRIANGLE = ((11.5, 8.0), (11.5, 24.0), (24.5, 16.0))  # ▶, in pixels


def _in_rounded_square(x, y):
    near = (min(max(x, RADIUS), SIZE - RADIUS), min(max(y, RADIUS), SIZE - RADIUS))
    return (x - near[0]) ** 2 + (y - near[1]) ** 2 <= RADIUS**2


def _in_triangle(x, y):
    (ax, ay), (bx, by), (cx, cy) = TRIANGLE

    def side(px, py, qx, qy):
        return (qx - px) * (y - py) - (qy - py) * (x - px)

    sides = (side(ax, ay, bx, by), side(bx, by, cx, cy), side(cx, cy, ax, ay))
    return all(s <= 0 for s in sides) or all(s >= 0 for s in sides)


def _pixel(px, py):
    """RGBA of one pixel: the share of its samples in the square, and of those in the triangle."""
    inside = white = 0
    for i in range(SAMPLES):
        for j in range(SAMPLES):
            x, y = px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES
            if _in_rounded_square(x, y):
                inside += 1
                white += _in_triangle(x, y)
    if not inside:
        return (0, 0, 0, 0)
    share = white / inside
    rgb = tuple(round(b + (w - b) * share) for b, w in zip(BLUE, WHITE))
    return (*rgb, round(255 * inside / SAMPLES**2))


def _png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(value for pixel in row for value in pixel) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def favicon_ico() -> bytes:
    """An ICO holding one 32×32 PNG (every browser since 2010 reads PNG inside ICO)."""
    png = _png(SIZE, SIZE, [[_pixel(x, y) for x in range(SIZE)] for y in range(SIZE)])
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png
