"""QR codes that lead a reader of paper (the booklet, a poster on a notice board) to a page of the site.

Drawn by segno as vector graphics (one SVG path), so they are sharp at any size and on any printer; the quiet zone
of four modules that a phone's camera needs is part of the picture, on white.
"""

from __future__ import annotations

import base64
import io

import markupsafe
import segno

# The mask pattern laid over the code. Any of the eight reads; the standard has the encoder score all eight and take
# the one with the fewest confusing patterns, which is three quarters of segno's time (3 ms a code) and the build
# makes a poster for every course. Mask 3 is the one segno finds best for most of the site's addresses (two in
# three), and each sample code is decoded back in the tests.
MASK = 3


def _svg(address: str) -> str:
    # 15 % of the code may be lost (a fold, a drawing pin) and it still reads
    code = segno.make(address, error="m", mask=MASK)
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, border=4, scale=1, omitsize=True,
              svgclass=None, lineclass=None, dark="#000", light="#fff")
    return out.getvalue().decode("ascii")


def qr_svg(address: str, label: str) -> markupsafe.Markup:
    """The QR code of ``address`` as an SVG element for a page, a picture named ``label`` for screen readers."""
    svg = _svg(address)
    opening = svg.index(">")
    return markupsafe.Markup(svg[:opening]) + markupsafe.Markup(' role="img" aria-label="{}">').format(label) \
        + markupsafe.Markup(svg[opening + 1:])


def qr_data_uri(address: str) -> str:
    """The QR code of ``address`` as a ``data:`` address of its SVG, for an ``<img>`` in a document made on this
    machine (the booklet: WeasyPrint tags an image with its ``alt`` text)."""
    return "data:image/svg+xml;base64," + base64.b64encode(_svg(address).encode("ascii")).decode("ascii")
