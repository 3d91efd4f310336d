"""QR codes that lead a reader of paper (the booklet, a poster on a notice board) to a page of the site.

Drawn by segno as vector graphics (one SVG path), so they are sharp at any size and on any printer; the quiet zone
of four modules that a phone's camera needs is part of the picture, on white.
"""

from __future__ import annotations

import base64
import io

import markupsafe
import segno


def _svg(address: str) -> str:
    code = segno.make(address, error="m")  # 15 % may be lost (a fold, a drawing pin) and it still reads
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
