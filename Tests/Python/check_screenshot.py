"""Reads a PNG screenshot with Python's standard library (zlib) and says what is on it, for the end-to-end test
that opens a `plainlint report` page in headless Chromium.

Usage: check_screenshot.py SHOT.png [#rrggbb ...]
Prints one JSON object: the width and height, how many distinct colours there are, the share of pixels that are
not the background (the colour of the top-left pixel), and how many pixels have each colour asked about (within a
small tolerance for anti-aliasing), so a test can tell a page that rendered from a blank one.
"""
import json
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG file")
    position = 8
    width = height = depth = colour_type = None
    idat = b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    if depth != 8 or colour_type not in (2, 6):
        raise SystemExit(f"unsupported PNG: depth {depth}, colour type {colour_type}")
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    previous = bytearray(stride)
    offset = 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main():
    width, height, channels, rows = read_png(sys.argv[1])
    wanted = [tuple(int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)) for c in sys.argv[2:]]
    background = tuple(rows[0][0:3])
    colours = set()
    other = 0
    found = {c: 0 for c in wanted}
    for row in rows:
        for x in range(0, width * channels, channels):
            pixel = (row[x], row[x + 1], row[x + 2])
            colours.add(pixel)
            if pixel != background:
                other += 1
            for colour in wanted:
                if all(abs(pixel[i] - colour[i]) <= 4 for i in range(3)):
                    found[colour] += 1
    json.dump({
        "width": width, "height": height, "colours": len(colours),
        "notBackground": round(other / (width * height), 4),
        "found": {"#%02x%02x%02x" % c: n for c, n in found.items()},
    }, sys.stdout)


if __name__ == "__main__":
    main()
