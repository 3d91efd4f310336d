#!/usr/bin/env python3
"""Benchmark the build from 100 to 10,000 courses against plain MkDocs on the same pages.

    .venv/bin/python bench/run.py [--sizes 100 1000 10000] [--json bench/results.json]

For each size N it generates N courses (1–4 sessions each) and N/2 toolkit
pages, then measures: `check`; the full `build` (time, and peak memory of all its processes
together, proportionally: what forked processes share with their parent counted once, and of the largest one);
the site's size; the largest course page; the search index (raw and gzip) and
what a browser transfers for one search; and two baselines built in the same
run: a plain `mkdocs build` with the same
theme of the same pages written out as Markdown, without our hooks (×MkDocs),
and what a person would build by hand instead (×håndskrevet): plain MkDocs +
Material with its default search, each course a Markdown page with its title,
intro, description and a table of its sessions, no navigation entry per course
(`write_hand_written`). The issue-16 target is the full build within 1.5× of
the hand-written site at 3,000 and 10,000 courses. At 1,000 courses it also
times the live preview from saving a course file to the new page being served. The course booklets (PDF)
are made again by themselves after the build, for their seconds, count and pages. It prints one table
and writes it as JSON. Needs what `make test` installs (Chromium for the search
transfer).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import yaml  # noqa: E402

from catalogue.booklet import Booklets  # noqa: E402
from catalogue.catalogue import Catalogue, load_catalogue  # noqa: E402
from catalogue.pages import PageGenerator  # noqa: E402
from catalogue.project import Project, copy_project  # noqa: E402
from content import write_content  # noqa: E402

REFERENCE_DATE = "2027-01-15"
SEARCH_QUERY = "budgettet"


def _proportional_kb(pid: int) -> int:
    """The memory a process occupies, in kB: its proportional set size (a page it shares with others counted in
    part, so that a forked process's pages still shared with its parent are counted once in all), else its RSS."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except (OSError, ValueError):
            continue  # no such file here, or the process has ended
    return 0


def _tree_memory_kb(root: int) -> int:
    """Memory of a process and all its descendants now, in kB (from /proc; proportional, see above)."""
    parents: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue  # the process has ended
        parents[int(status.parent.name)] = int(fields["PPid"])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _proportional_kb(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def timed(command: list[str], cwd: Path) -> tuple[float, int, int, int, str]:
    """(seconds, peak memory of the command with all its processes together in MB, of its largest
    single process in MB, exit code, what it wrote on standard error) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    peak = 0
    while True:
        # wait4 also gives the largest single process among the command and the children it waited for.
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_memory_kb(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode()
    if process.returncode != 0:
        print(errors[-2000:], file=sys.stderr)
    return seconds, peak // 1024, usage.ru_maxrss // 1024, process.returncode, errors


def phases(stderr: str) -> dict[str, float]:
    """The seconds of each phase of a build, from the line `build.py build --tider` ends with."""
    line = next(line for line in stderr.splitlines() if line.startswith("Tider: "))
    return {name.strip(): float(seconds.replace(".", "").replace(",", ".")) for name, seconds in
            re.findall(r"([^,:]+?) ([0-9.]*[0-9]+,[0-9]) s", line.removeprefix("Tider: "))}


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_size(folder: Path) -> int:
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in folder.rglob("*") if p.is_file())


def write_baseline(project: Path, catalogue: Catalogue, target: Path) -> None:
    """The same pages as plain Markdown, with the same theme and navigation, and no hooks."""
    from catalogue.pages import PageGenerator

    docs = target / "docs"
    shutil.copytree(project / "content", docs)
    for page in PageGenerator(catalogue, date.fromisoformat(REFERENCE_DATE)).all_pages():
        if page.is_page:  # its HTML, which Markdown passes through, under its title and description
            path = docs / page.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            front = yaml.safe_dump({"title": page.title, "description": page.description}, allow_unicode=True)
            path.write_text(f"---\n{front}---\n\n{page.content}\n", encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "docs"
    del config["theme"]["custom_dir"], config["hooks"]
    config["plugins"] = ["search"]  # Material's default search, as a plain site has it
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_hand_written(project: Path, catalogue: Catalogue, target: Path) -> None:
    """What a person would write by hand instead: plain MkDocs + Material with its default search, each course a
    Markdown page (title, intro, description, a table of its sessions), one list of the courses, the toolkit's
    pages as they are, and no navigation entry per course."""
    docs = target / "docs"
    shutil.copytree(project / "content", docs)
    (docs / "kurser").mkdir(exist_ok=True)
    listing = ["# Kurser", ""]
    for entry in catalogue.courses:
        course = entry.course
        rows = ["| Start | Slut | Sted | Status | Tilmelding |", "|---|---|---|---|---|"]
        for session in course.hold:
            place = f"{session.sted.navn}, {session.sted.postnr} {session.sted.by}" if session.sted else "Online"
            rows.append(f"| {session.start:%d-%m-%Y %H:%M} | {session.slut:%d-%m-%Y %H:%M} | {_cell(place)} | "
                        f"{session.status} | [Tilmeld dig]({session.tilmelding}) |")
        page = [f"# {_cell(course.titel)}", "", course.intro, "", course.beskrivelse, "", "## Hold", "", *rows, ""]
        (docs / "kurser" / f"{entry.slug}.md").write_text("\n".join(page), encoding="utf-8")
        listing.append(f"- [{_cell(course.titel)}]({entry.slug}.md)")
    (docs / "kurser" / "index.md").write_text("\n".join(listing) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Kurser for beboerdemokrater\n\nSe [alle kurser](kurser/index.md).\n",
                                   encoding="utf-8")
    config = {"site_name": "Kurser for beboerdemokrater", "site_url": "https://kurser.example.dk/",
              "docs_dir": "docs", "theme": {"name": "material", "language": "da"}, "plugins": ["search"],
              "markdown_extensions": ["tables", "attr_list", "md_in_html", "admonition"],
              "nav": [{"Forside": "index.md"}, {"Kurser": "kurser/index.md"}]}
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def search_transfer(site: Path) -> int:
    """Bytes a browser fetches from the search index for one query, typed on the search page."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/soeg/"
    total = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-background-networking"])
            page = browser.new_page()
            sizes: list[int] = []
            page.goto(url, wait_until="networkidle")
            page.on("response", lambda r: sizes.append(len(r.body())) if "/pagefind/" in r.url else None)
            page.locator("#soeg input").type(SEARCH_QUERY)
            page.wait_for_selector(".soeg-resultat__link", timeout=60_000)
            page.wait_for_load_state("networkidle")
            total = sum(sizes)
            browser.close()
    finally:
        server.shutdown()
    return total


def preview_latency(project: Path) -> float:
    """Seconds from saving one course file to the live preview serving the changed page."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "build.py", "serve", "--port", str(port), "--dato", REFERENCE_DATE],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    page = f"http://127.0.0.1:{port}/kurser/kursus-7/"

    def served() -> str:
        try:
            with urllib.request.urlopen(page, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 900
        course = project / "courses" / "kursus-7.yml"
        text = course.read_text(encoding="utf-8")
        while "<h1" not in served():
            if time.monotonic() > deadline:
                return float("nan")
            time.sleep(0.5)
        time.sleep(2)
        first, rest = text.split("\n", 1)
        marker = f"ændret {time.time_ns()}"
        started = time.perf_counter()
        course.write_text(f"{first} {marker}\n{rest}", encoding="utf-8")
        while marker not in served():
            if time.perf_counter() - started > 600:
                return float("nan")
            time.sleep(0.05)
        return time.perf_counter() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        course.write_text(text, encoding="utf-8")


def booklets(catalogue: Catalogue) -> tuple[float, int, int]:
    """The course booklets as the build makes them (catalogue/booklet.py), made again here by themselves: the
    seconds they take (the build makes them in a process of its own beside the pages), how many, their pages."""
    today = date.fromisoformat(REFERENCE_DATE)
    paths = PageGenerator(catalogue, today, "https://kurser.example.dk/").paths_for_new_members()
    start = time.perf_counter()
    making = Booklets(catalogue, today, "https://kurser.example.dk/", paths)
    made = making.make(making.plans())
    return time.perf_counter() - start, len(made), sum(booklet.pages for booklet in made)


def measure(courses: int, work: Path, preview: bool) -> dict[str, float]:
    project = copy_project(REPO, work / f"projekt-{courses}", with_courses=False)
    write_content(project, courses)
    check_s, _, _, check_rc, _ = timed([sys.executable, "build.py", "check", "--dato", REFERENCE_DATE], project)
    build_s, build_mb, largest_mb, build_rc, build_log = timed(
        [sys.executable, "build.py", "build", "--dato", REFERENCE_DATE, "--tider"], project)
    assert check_rc == 0 and build_rc == 0, (check_rc, build_rc)
    site = project / "site"
    baseline = work / f"baseline-{courses}"
    baseline.mkdir()
    catalogue, _ = load_catalogue(Project(project))  # for writing both baselines, outside the times measured
    assert catalogue is not None
    booklet_s, booklet_count, booklet_pages = booklets(catalogue)
    write_baseline(project, catalogue, baseline)
    base_s, base_mb, _, base_rc, _ = timed([sys.executable, "-m", "mkdocs", "build", "-q"], baseline)
    assert base_rc == 0
    by_hand = work / f"haandskrevet-{courses}"
    by_hand.mkdir()
    write_hand_written(project, catalogue, by_hand)
    hand_s, _, _, hand_rc, _ = timed([sys.executable, "-m", "mkdocs", "build", "-q"], by_hand)
    assert hand_rc == 0
    course_pages = list((site / "kurser").glob("kursus-*/index.html"))
    result = {
        "courses": courses,
        "toolkit_pages": courses // 2,
        "check_s": round(check_s, 2),
        "build_s": round(build_s, 2),
        "baseline_s": round(base_s, 2),
        "build_vs_baseline": round(build_s / base_s, 2),
        "hand_written_s": round(hand_s, 2),
        "build_vs_hand_written": round(build_s / hand_s, 2),
        "build_ms_per_course": round(1000 * build_s / courses, 2),
        "peak_memory_mb": build_mb,  # build.py, its forks, Pagefind and any other process of the build (PSS)
        "largest_process_mb": largest_mb,
        "baseline_peak_memory_mb": base_mb,
        "site_mb": round(folder_size(site) / 1e6, 1),
        "baseline_site_mb": round(folder_size(baseline / "site") / 1e6, 1),
        "largest_course_page_kb": round(max(p.stat().st_size for p in course_pages) / 1000, 1),
        # Every part of the index: pagefind/, and pagefind-2/, … on a large site.
        "search_index_mb": round(sum(folder_size(part) for part in site.glob("pagefind*")) / 1e6, 2),
        "search_index_gzip_mb": round(sum(gzip_size(part) for part in site.glob("pagefind*")) / 1e6, 2),
        "search_transfer_kb": round(search_transfer(site) / 1000, 1),
        "booklet_s": round(booklet_s, 2),  # made by themselves, after the build (which counts them too)
        "booklets": booklet_count,
        "booklet_pages": booklet_pages,
        "phases_s": phases(build_log),  # where the build's time goes (build.py build --tider)
    }
    if preview:
        result["preview_s"] = round(preview_latency(project), 2)
    return result


COLUMNS = [("courses", "N"), ("check_s", "check s"), ("build_s", "build s"), ("baseline_s", "MkDocs s"),
           ("build_vs_baseline", "×MkDocs"),
           ("hand_written_s", "håndskrevet s"), ("build_vs_hand_written", "×håndskrevet"),
           ("build_ms_per_course", "ms/kursus"), ("peak_memory_mb", "peak MB"),
           ("largest_process_mb", "største MB"),
           ("site_mb", "site MB"), ("largest_course_page_kb", "kursusside kB"), ("search_index_mb", "indeks MB"),
           ("search_index_gzip_mb", "indeks gz MB"), ("search_transfer_kb", "søgning kB"), ("preview_s", "preview s"),
           ("booklet_s", "katalog s"), ("booklets", "kataloger"), ("booklet_pages", "katalogsider")]


def table(rows: list[dict[str, float]]) -> str:
    lines = ["  ".join(f"{title:>13}" for _, title in COLUMNS)]
    for row in rows:
        lines.append("  ".join(f"{row.get(key, ''):>13}" for key, _ in COLUMNS))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kursus-bench-"))
    rows = []
    try:
        for size in args.sizes:
            rows.append(measure(size, work, preview=size == 1000))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(rows))
    print()
    for row in rows:  # where the build's time goes, phase by phase, beside the hand-written site's whole build
        print(f"N = {row['courses']}: " + ", ".join(f"{name} {seconds} s" for name, seconds in row["phases_s"].items())
              + f"; håndskrevet i alt {row['hand_written_s']} s")
    if len(rows) >= 2:
        by_size = {row["courses"]: row for row in rows}
        if 1000 in by_size and 10000 in by_size:
            print(f"ms/kursus ved 10.000 ÷ ved 1.000: "
                  f"{by_size[10000]['build_ms_per_course'] / by_size[1000]['build_ms_per_course']:.2f}")
        if 100 in by_size and 10000 in by_size:
            print(f"største kursusside ved 10.000 ÷ ved 100: "
                  f"{by_size[10000]['largest_course_page_kb'] / by_size[100]['largest_course_page_kb']:.3f}")
    args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
