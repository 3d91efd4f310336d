#!/usr/bin/env python3
"""Drawings for the editors' guide: what to press on GitHub's web pages, as simple sketches.

    .venv/bin/python docs/illustrations.py

Writes content/om/billeder/github-*.png. They are sketches, not screenshots: GitHub changes its
pages often, so each drawing shows only the few things the guide names (in GitHub's own English
words, as the editor will see them) and marks the one to press. Drawn as HTML in Debian's Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "content" / "om" / "billeder"
CHROMIUM = "/usr/bin/chromium"

STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font: 18px/1.4 system-ui, "Segoe UI", Arial, sans-serif; color: #1f2328; background: #fff; }
.ramme { width: 420px; padding: 14px; }
.bar { display: flex; align-items: center; gap: 8px; border: 1px solid #d0d7de; border-radius: 6px 6px 0 0;
       background: #f6f8fa; padding: 8px 10px; }
.sti { flex: 1; font-weight: 600; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.felt { border: 1px solid #d0d7de; border-top: 0; border-radius: 0 0 6px 6px; padding: 10px; font-family: monospace;
        font-size: 16px; }
.knap { border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; padding: 4px 10px; white-space: nowrap; }
.gron { background: #1f883d; color: #fff; border-color: #1a7f37; font-weight: 600; }
.tryk { outline: 4px solid #d7263d; outline-offset: 3px; }
.nr { display: inline-block; width: 28px; height: 28px; border-radius: 50%; background: #d7263d; color: #fff;
      text-align: center; font-weight: 700; line-height: 28px; margin-right: 6px; }
.dialog { border: 1px solid #d0d7de; border-radius: 8px; padding: 12px; box-shadow: 0 4px 12px #0002; }
.dialog h3 { margin: 0 0 8px; font-size: 18px; }
.input { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 8px; margin-bottom: 10px; }
.valg { display: flex; gap: 8px; align-items: flex-start; margin: 6px 0; font-size: 16px; }
.prik { flex: none; width: 18px; height: 18px; border: 2px solid #57606a; border-radius: 50%; margin-top: 2px; }
.prik.valgt { border: 6px solid #0969da; }
.hojre { text-align: right; margin-top: 10px; }
.menu { border: 1px solid #d0d7de; border-radius: 6px; margin: 6px 0 0 auto; width: 200px;
        box-shadow: 0 4px 12px #0002; }
.menu div { padding: 6px 12px; }
.linje { display: flex; gap: 10px; }
.linje b { color: #57606a; font-weight: 400; width: 22px; text-align: right; }
.minus { background: #ffebe9; } .plus { background: #dafbe1; }
.note { border: 1px solid #d1242f; border-left-width: 5px; border-radius: 6px; margin: 6px 0; padding: 8px 10px;
        font-family: system-ui, Arial, sans-serif; font-size: 16px; background: #fff; }
.note strong { color: #d1242f; display: block; }
.tekst { margin: 10px 0 0; font-size: 16px; }
"""

SKETCHES = {
    "github-rediger": """
      <div class="bar"><span class="sti">courses / det-gode-bestyrelsesmoede.yml</span>
        <span class="knap">Raw</span><span class="knap tryk" title="Edit this file">✎</span></div>
      <div class="felt">titel: Det gode bestyrelsesmøde<br>intro: Få styr på dagsorden …<br>…</div>
      <p class="tekst"><span class="nr">1</span>Blyanten: <b>Edit this file</b></p>""",
    "github-gem": """
      <div class="dialog"><h3>Commit changes</h3>
        <div class="input">Nyt hold i Aarhus i juni</div>
        <div class="valg"><span class="prik"></span>Commit directly to the main branch</div>
        <div class="valg"><span class="prik valgt"></span><span><b>Create a new branch for this commit and start a
          pull request</b></span></div>
        <div class="hojre"><span class="knap gron tryk">Propose changes</span></div></div>
      <p class="tekst"><span class="nr">2</span>Vælg den nederste, og tryk <b>Propose changes</b></p>""",
    "github-upload": """
      <div class="bar"><span class="sti">content / vaerktoejskasse / skabeloner</span>
        <span class="knap">Add file ▾</span></div>
      <div class="menu"><div>+ Create new file</div><div class="tryk">⇧ Upload files</div></div>
      <p class="tekst"><span class="nr">3</span>I mappen: <b>Add file</b> › <b>Upload files</b></p>""",
    "github-tjek": """
      <div class="bar"><span class="sti">courses / det-gode-bestyrelsesmoede.yml</span></div>
      <div class="felt">
        <div class="linje minus"><b>15</b>form: fysisk</div>
        <div class="linje plus"><b>15</b>form: fysik</div>
        <div class="note"><strong>Check failure on line 15</strong>form: 'fysik' findes ikke i taksonomiens
          former; mente du 'fysisk'?</div>
        <div class="linje"><b>16</b>målgruppe: [afdelingsbestyrelse]</div></div>
      <p class="tekst"><span class="nr">4</span>Under <b>Files changed</b> står fejlen ved linjen</p>""",
}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 448, "height": 400}, device_scale_factor=2)
        for name, body in SKETCHES.items():
            page.set_content(f"<!doctype html><html lang='en'><style>{STYLE}</style>"
                             f"<div class='ramme'>{body}</div></html>")
            target = OUT / f"{name}.png"
            page.locator(".ramme").screenshot(path=str(target))
            print(target.relative_to(REPO))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
