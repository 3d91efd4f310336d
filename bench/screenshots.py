#!/usr/bin/env python3
"""Screenshots of the built site on a phone (375×812) and a laptop (1280×800), in Debian's Chromium.

    .venv/bin/python bench/screenshots.py [--build] [--full] [--out docs/screenshots]

Takes the first screen of the front page, the catalogue, a course page, a learning path and a course's poster at
both sizes and writes <page>-<width>.png (forside-375.png, kurser-1280.png, kursus-375.png, forloeb-375.png, …); with
--full also the whole page as <page>-<width>-hel.png; the poster as printed on A4 by Chromium, drawn by poppler's
pdftoppm at 50 dpi, as plakat-udskrevet.png; and two pages of the course booklet, the cover and a page of courses
(katalog-1.png, katalog-7.png; poppler-utils, `make paper-tests`). The site in site/ (built first with --build, or
when it is missing, with the sample content's date) is served as GitHub Pages serves it (bench/lighthouse.py's
server).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import CHROMIUM, REPO, built_site, serve_site  # noqa: E402

POSTER = "kurser/introduktion-til-bestyrelsesarbejdet/plakat/"
PAGES = {"forside": "", "kurser": "kurser/", "kursus": "kurser/det-gode-bestyrelsesmoede/",
         "forloeb": "forloeb/ny-i-afdelingsbestyrelsen/", "plakat": POSTER}
SIZES = {375: {"width": 375, "height": 812, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
         1280: {"width": 1280, "height": 800, "is_mobile": False, "has_touch": False, "device_scale_factor": 1}}
BOOKLET_PAGES = (1, 7)  # the cover, and a page with two courses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="build site/ first")
    parser.add_argument("--full", action="store_true", help="also the whole page (<page>-<width>-hel.png)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots", help="folder for the PNGs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="screenshots-") as scratch:
        site = Path(scratch) / "site"
        shutil.copytree(built_site(args.build), site)  # a snapshot: other builds may replace site/ meanwhile
        server, base = serve_site(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for width, device in SIZES.items():
                    size = {"width": device["width"], "height": device["height"]}
                    context = browser.new_context(viewport=size, screen=size, locale="da-DK",
                                                  reduced_motion="reduce", **{k: v for k, v in device.items()
                                                                             if k not in size})
                    page = context.new_page()
                    for name, path in PAGES.items():
                        response = page.goto(base + path, wait_until="networkidle")
                        assert response is not None and response.ok, f"{path}: {response and response.status}"
                        page.evaluate("document.fonts.ready")
                        shots = [(args.out / f"{name}-{width}.png", False)]
                        if args.full:
                            shots.append((args.out / f"{name}-{width}-hel.png", True))
                        for target, full in shots:
                            page.screenshot(path=str(target), full_page=full, animations="disabled")
                            written.append(target)
                    context.close()
                page = browser.new_page()
                page.goto(base + POSTER, wait_until="networkidle")
                pdf = Path(scratch) / "plakat.pdf"
                page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
                subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf),
                                str(args.out / "plakat-udskrevet")], check=True)
                written.append(args.out / "plakat-udskrevet.png")
                browser.close()
        finally:
            server.shutdown()
        for number in BOOKLET_PAGES:
            target = args.out / f"katalog-{number}"
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                            str(site / "kurser" / "katalog.pdf"), str(target)], check=True)
            written.append(target.with_suffix(".png"))
    for target in written:
        print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
