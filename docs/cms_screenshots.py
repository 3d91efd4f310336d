#!/usr/bin/env python3
"""Screenshots of the forms at /admin/ for the editors' guide, taken from the real thing.

    .venv/bin/python docs/cms_screenshots.py

Writes content/om/billeder/rediger-*.png. Unlike the GitHub sketches (docs/illustrations.py), these are
screenshots: the forms are ours, generated from the models (cms/config.yml), so they change when the code
does and are made again with it. The script copies the project to a temporary folder, runs
`build.py cms` there (the preview with the forms and Decap's local proxy, which saves into that copy, never
into this working copy), and fills in the forms in Debian's Chromium as an editor would, at a laptop's width.
Needs `make test` (or `npm ci`) once, for decap-server in node_modules/, and Debian's `chromium-l10n`
(`apt-get install chromium-l10n`) for the date fields in Danish, as a Danish editor's browser shows them;
without it Chromium shows them the American way (05/06/2027, 07:00 PM), and the script says so.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any, Callable

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from catalogue.cms import LOCAL_PROXY_PORT  # noqa: E402
from catalogue.project import copy_project  # noqa: E402

sys.path.insert(0, str(REPO / "tests"))
# The editor's steps, as the browser test takes them
from decap_forms import choose, field, fill_new_course, pick_page  # noqa: E402

OUT = REPO / "content" / "om" / "billeder"
CHROMIUM = "/usr/bin/chromium"
DANISH = Path("/usr/lib/chromium/locales/da.pak")  # Debian's chromium-l10n: dates in the form as in Denmark
VIEWPORT = {"width": 1280, "height": 800}  # a laptop; device scale 1 keeps the files small
TODAY = "2027-01-15"  # the sample content is written around this date
DOCUMENT = "tjekliste-til-referatet.docx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return True  # something is listening
    except (urllib.error.URLError, OSError):
        return False


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise SystemExit(f"timed out waiting for {what}")


def control(page: Any, name: str, index: int = 0) -> Any:
    """The whole control of a field (label, input, hint) around its input."""
    return page.locator(f"[id^='{name}-field-']").nth(index).locator(
        "xpath=ancestor::div[contains(@class, 'ControlContainer')][1]")


def shoot(page: Any, name: str, clip: dict[str, float] | None = None) -> Path:
    """A screenshot of the page, or of ``clip`` of it (page coordinates), made as small as it can be."""
    target = OUT / f"{name}.png"
    page.screenshot(path=str(target), clip=clip)
    optimise(target)
    print(f"{target.relative_to(REPO)}  {width_height(target)}  {target.stat().st_size // 1024} kB")
    return target


def around(*boxes: dict[str, float], pad: float = 12, width: float | None = None,
           left: float | None = None) -> dict[str, float]:
    """One clip around the bounding boxes, padded, within the viewport's width."""
    x0 = min(b["x"] for b in boxes) - pad if left is None else left
    y0 = min(b["y"] for b in boxes) - pad
    x1 = max(b["x"] + b["width"] for b in boxes) + pad if width is None else x0 + width
    y1 = max(b["y"] + b["height"] for b in boxes) + pad
    x0, y0 = max(0, x0), max(0, y0)
    return {"x": round(x0), "y": round(y0), "width": round(min(x1, VIEWPORT["width"]) - round(x0)),
            "height": round(y1 - y0)}


def width_height(path: Path) -> str:
    header = path.read_bytes()[16:24]
    return f"{int.from_bytes(header[:4], 'big')}×{int.from_bytes(header[4:], 'big')}"


def optimise(path: Path) -> None:
    """Fewer colours (pngquant) and better compression (optipng), when they are installed; else as it is."""
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--quality", "70-95",
                        "--output", str(path), str(path)], check=False)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", "-strip", "all", str(path)], check=False)


PLAIN_PLUS = """() => {
  // Decap writes its "new" buttons with a fullwidth plus (U+FF0B); this machine's fonts have no glyph for it
  // (it would show as an empty box), the editors' computers do. Written here as the plus they will see.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) walker.currentNode.nodeValue = walker.currentNode.nodeValue.replace(/\uFF0B/g, "+");
}"""


def scene(context: Any, admin: str, where: str, ready: str) -> Any:
    """A fresh page of the forms at ``where`` (after '#/'), once the text or field ``ready`` is there."""
    page = context.new_page()
    page.goto(admin + "#/" + where)
    (page.locator(ready) if ready.startswith("input") else page.get_by_text(ready).first).wait_for()
    page.wait_for_timeout(600)  # Decap lays the form out in a few passes
    return page


def log_in(context: Any, admin: str) -> None:
    page = context.new_page()
    page.goto(admin)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_text("Kurser").first.wait_for()
    page.close()


def screenshots(context: Any, admin: str, document: Path, debug: bool) -> None:
    log_in(context, admin)

    # 1. The collections on the left, the courses of the first one beside them.
    page = scene(context, admin, "collections/kurser", "Budgetopfølgning")
    page.evaluate(PLAIN_PLUS)
    shoot(page, "rediger-samlinger", {"x": 0, "y": 0, "width": 1000, "height": 480})
    page.close()

    # 2. A new course: the second session (online) being filled in, the preview beside it.
    page = scene(context, admin, "collections/kurser/new", "input[id^='titel-field-']")
    fill_new_course(page)
    if debug:
        page.screenshot(path="/tmp/debug-hold.png")
    # The second session's own fields from its top, under the editor's toolbar.
    page.locator("[id^='start-field-']").nth(1).evaluate(
        "e => { e.closest('[class*=ControlContainer]').scrollIntoView({block: 'start'}); }")
    page.wait_for_timeout(300)
    if debug:
        page.screenshot(path="/tmp/debug-hold2.png")
    shoot(page, "rediger-hold", {"x": 0, "y": 66, "width": 1280, "height": 480})
    page.close()

    # 3. The materials of a new course: one page picked by part of its title, the picker open on the others.
    page = scene(context, admin, "collections/kurser/new", "input[id^='titel-field-']")
    fill_new_course(page)
    pick_page(page, field(page, "materialer"), "ny i afd", "Ny i afdelingsbestyrelsen")
    control(page, "materialer").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.mouse.wheel(0, -60)  # the field's label under the editor's toolbar
    field(page, "materialer").click()
    page.get_by_role("option", name="Bestyrelsens beretning", exact=True).wait_for()
    page.wait_for_timeout(300)
    if debug:
        page.screenshot(path="/tmp/debug-materialer.png")
    shoot(page, "rediger-materialer", around(control(page, "materialer").bounding_box(),
                                               page.get_by_role("listbox").bounding_box(), left=0, width=640))
    page.close()

    # 4. A session of an existing course cancelled: its status set to "Aflyst".
    page = scene(context, admin, "collections/kurser/entries/budgetopfoelgning", "input[id^='titel-field-']")
    choose(page, field(page, "status", 1), "Aflyst")
    page.wait_for_timeout(300)
    if debug:
        page.screenshot(path="/tmp/debug-aflyst.png")
    shoot(page, "rediger-aflyst", {"x": 0, "y": 130, "width": 1280, "height": 470})
    page.close()

    # 5. A Word file attached to a template: the file chosen and uploaded (the media library in corrected Danish:
    # 'Filer', 'Læg fil op', 'Hent'), then the field with it.
    page = scene(context, admin, "collections/vaerktoejskasse-skabeloner/entries/referat-bestyrelsesmoede",
                 "input[id^='titel-field-']")
    page.get_by_role("button", name="Tilføj fil").click()
    page.get_by_role("button", name="Vælg fil").last.click()
    page.locator("input[type=file]").set_input_files(str(document))
    page.get_by_text(DOCUMENT).first.wait_for()
    page.wait_for_timeout(500)
    if debug:
        page.screenshot(path="/tmp/debug-medier.png")
    shoot(page, "rediger-upload", {"x": 180, "y": 80, "width": 920, "height": 400})
    page.get_by_role("button", name="Anvend valgte").click()
    field(page, "beskrivelse", 1).fill("Tjekliste til referatet (Word)")
    page.wait_for_timeout(300)
    if debug:
        page.screenshot(path="/tmp/debug-filer.png")
    shoot(page, "rediger-filer", {"x": 0, "y": 110, "width": 640, "height": 620})
    page.close()


def stop(server: subprocess.Popen[bytes]) -> None:
    """`build.py cms` and decap-server with it; a second SIGTERM if a rebuild swallowed the first."""
    for _ in range(3):
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            pass
    os.killpg(server.pid, signal.SIGKILL)
    server.wait()


def main() -> int:
    if not (REPO / "node_modules" / "decap-server").is_dir():
        print("decap-server is not installed: run 'make test' (or 'npm ci') first", file=sys.stderr)
        return 1
    if port_taken(LOCAL_PROXY_PORT):
        print(f"port {LOCAL_PROXY_PORT} is taken (is 'make cms' or the CMS test running?); stop it and try again",
              file=sys.stderr)
        return 1
    if not DANISH.is_file():
        print("chromium-l10n is not installed: the date fields will show American dates "
              "(apt-get install chromium-l10n)", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cms-screenshots-") as temporary:
        root = copy_project(REPO, Path(temporary) / "projekt")
        (root / "node_modules").symlink_to(REPO / "node_modules")
        document = Path(temporary) / DOCUMENT
        with zipfile.ZipFile(document, "w") as archive:  # a .docx is a zip archive; its content does not show
            archive.writestr("word/document.xml", "<w:document/>")
        port = free_port()
        log = Path(temporary) / "cms.log"
        with log.open("w") as output:
            server = subprocess.Popen([sys.executable, "build.py", "cms", "--port", str(port), "--dato", TODAY],
                                      cwd=root, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            admin = f"http://127.0.0.1:{port}/admin/"
            wait_for(lambda: server.poll() is not None or answers(admin + "config.yml"), "the preview with /admin/")
            wait_for(lambda: server.poll() is not None or port_taken(LOCAL_PROXY_PORT), "decap-server", 30)
            if server.poll() is not None:
                print(log.read_text(encoding="utf-8"), file=sys.stderr)
                return 1
            with sync_playwright() as playwright:
                danish = dict(os.environ, LANG="da_DK.UTF-8", LANGUAGE="da")  # with --lang, dates as in Denmark
                browser = playwright.chromium.launch(executable_path=CHROMIUM, env=danish,
                                                     args=["--no-sandbox", "--disable-gpu", "--lang=da-DK"])
                context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, locale="da-DK")
                screenshots(context, admin, document, "--debug" in sys.argv)
                browser.close()
        finally:
            stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
