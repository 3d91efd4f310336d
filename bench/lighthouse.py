#!/usr/bin/env python3
"""Lighthouse 12 on the built site, served gzip-compressed as GitHub Pages serves it.

    (cd bench && npm ci)                      # once: Lighthouse 12.2.3 into bench/node_modules
    .venv/bin/python bench/lighthouse.py [--runs 3] [--build] [--json bench/lighthouse.json] [path ...]

The site in site/ (built first with --build, or when it is missing, with the sample content's date) is
copied aside, so a build running meanwhile does not change it, and served on 127.0.0.1 by a small server
that behaves like GitHub Pages: text gzip-compressed when the browser accepts it, Cache-Control
max-age=600, ETag and Last-Modified, 404.html with status 404 for a missing page. Lighthouse runs with
Debian's Chromium (CHROME_PATH, --headless=new --no-sandbox) in its default form factor, a phone with
simulated slow 4G and a 4x slower processor, once per run and page, one after the other. The table gives
the median of the runs for each category and metric; for a category under its target (Performance 95,
the others 100) it lists the audits that failed in its median run.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import http.server
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REFERENCE_DATE = "2027-01-15"  # the sample content is written around this date

PAGES = ["/", "/kurser/", "/kurser/det-gode-bestyrelsesmoede/", "/vaerktoejskasse/"]
CATEGORIES = {"performance": ("Performance", 95), "accessibility": ("Accessibility", 100),
              "best-practices": ("Best Practices", 100), "seo": ("SEO", 100)}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS", "speed-index": "SI"}

# What GitHub Pages compresses: text, scripts, styles, JSON, XML, SVG (not images, fonts or Pagefind's
# already compressed index chunks).
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "application/atom+xml",
              "image/svg+xml", "application/manifest+json")


# ----------------------------------------------------------------------------- a server like GitHub Pages


class PagesHandler(http.server.BaseHTTPRequestHandler):
    """Static files as GitHub Pages serves them: gzip for text, max-age=600, ETag, 404.html for a miss."""

    root: Path = Path(".")
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        self._respond(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(body=False)

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None  # GitHub Pages redirects; the site never links without the slash
            target = target / "index.html"
        return target if target.is_file() else None

    def _respond(self, body: bool) -> None:
        target = self._file()
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        compress = kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(target.stat().st_mtime, usegmt=True))
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def serve_site(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a built site on a free port of 127.0.0.1; returns the server and its address (ending in /)."""
    handler = type("Handler", (PagesHandler,), {"root": site.resolve()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def built_site(build: bool) -> Path:
    """site/, built first when asked or missing."""
    site = REPO / "site"
    if build or not (site / "index.html").is_file():
        subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--dato", REFERENCE_DATE], cwd=REPO,
                       check=True, stdout=subprocess.DEVNULL)
    return site


# ----------------------------------------------------------------------------- Lighthouse


def lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run in its default (mobile) settings; the report as JSON."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox"]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0 or not output.is_file():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[dict]:
    """The audits of a category that count towards its score and did not pass, worst first."""
    audits = report["audits"]
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if audit.get("scoreDisplayMode") in ("notApplicable", "informative", "manual") or audit["score"] is None:
            continue
        if audit["score"] < 1:
            failed.append({"id": ref["id"], "score": audit["score"], "weight": ref["weight"],
                           "title": audit["title"], "value": audit.get("displayValue", "")})
    return sorted(failed, key=lambda a: (a["score"] - 1) * max(a["weight"], 0.1))


def median_run(runs: list[dict], category: str) -> dict:
    """The run whose score in the category is the median (the lower middle for an even number)."""
    ordered = sorted(runs, key=lambda r: r["categories"][category]["score"] or 0)
    return ordered[(len(ordered) - 1) // 2]


def summarise(path: str, runs: list[dict]) -> dict:
    scores = {c: [round((r["categories"][c]["score"] or 0) * 100) for r in runs] for c in CATEGORIES}
    metrics = {m: [r["audits"][m]["numericValue"] for r in runs] for m in METRICS}
    result = {
        "path": path,
        "scores": {c: statistics.median(v) for c, v in scores.items()},
        "runs": scores,
        "metrics": {m: round(statistics.median(v), 3 if m == "cumulative-layout-shift" else 0)
                    for m, v in metrics.items()},
        "benchmark_index": statistics.median(r["environment"]["benchmarkIndex"] for r in runs),
        "failing": {},
    }
    for category, (_, target) in CATEGORIES.items():
        if result["scores"][category] < target:
            result["failing"][category] = failing_audits(median_run(runs, category), category)
    return result


def metric_text(metric: str, value: float) -> str:
    if metric == "cumulative-layout-shift":
        return f"{value:.3f}"
    return f"{value / 1000:.1f} s" if metric != "total-blocking-time" else f"{value:.0f} ms"


def spread(median: float, runs: list[int]) -> str:
    """The median, and the range of the runs when they differ: '97 (92–99)'."""
    return f"{median:g}" if min(runs) == max(runs) else f"{median:g} ({min(runs)}–{max(runs)})"


def print_table(results: list[dict]) -> None:
    heads = ["page"] + [name for name, _ in CATEGORIES.values()] + list(METRICS.values())
    rows = [[r["path"]] + [spread(r["scores"][c], r["runs"][c]) for c in CATEGORIES]
            + [metric_text(m, r["metrics"][m]) for m in METRICS] for r in results]
    widths = [max(len(str(x)) for x in column) for column in zip(heads, *rows, strict=True)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)) + " |")
    targets = ", ".join(f"{name} ≥ {target}" for name, target in CATEGORIES.values())
    print(f"\nMedians of the runs (their range in brackets); targets: {targets}.")
    for r in results:
        for category, audits in r["failing"].items():
            name = CATEGORIES[category][0]
            listed = ", ".join(f"{a['id']}" + (f" ({a['value']})" if a["value"] else "") for a in audits)
            print(f"{r['path']}: {name} {r['scores'][category]:g}: {listed or '(no single audit failed)'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=PAGES, help="pages to measure (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default: 3)")
    parser.add_argument("--build", action="store_true", help=f"build site/ first (--dato {REFERENCE_DATE})")
    parser.add_argument("--json", type=Path, default=BENCH / "lighthouse.json", help="where to write the results")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run 'npm ci' in bench/ (Lighthouse 12.2.3, pinned in "
                 "bench/package.json)")
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium not found at {CHROMIUM}: install Debian's chromium")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        site = Path(scratch) / "site"
        shutil.copytree(built_site(args.build), site)  # a snapshot: other builds may replace site/ meanwhile
        server, base = serve_site(site)
        load_before = os.getloadavg()[0]
        results = []
        try:
            for path in args.paths:
                runs = []
                for n in range(args.runs):
                    print(f"Lighthouse {path} ({n + 1}/{args.runs}) …", file=sys.stderr, flush=True)
                    runs.append(lighthouse(base + path.lstrip("/"), Path(scratch) / "report.json"))
                results.append(summarise(path, runs))
        finally:
            server.shutdown()
    load = [round(load_before, 1), round(os.getloadavg()[0], 1)]
    version = runs[0]["lighthouseVersion"]
    chrome = runs[0]["environment"]["hostUserAgent"]
    print(f"Lighthouse {version}, {chrome}, form factor {runs[0]['configSettings']['formFactor']}, "
          f"{args.runs} runs per page, {os.cpu_count()} processors, load average {load[0]} before and "
          f"{load[1]} after (Performance suffers when other work shares the machine)\n")
    print_table(results)
    args.json.write_text(json.dumps({"lighthouse": version, "chrome": chrome, "runs_per_page": args.runs,
                                     "processors": os.cpu_count(), "load_average": load,
                                     "targets": {c: t for c, (_, t) in CATEGORIES.items()}, "pages": results},
                                    indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWritten to {args.json.relative_to(REPO) if args.json.is_relative_to(REPO) else args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
