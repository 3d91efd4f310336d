#!/usr/bin/env python3
"""The spelling check on the sample, timed as an editor runs it, and what one planted slip costs.

    .venv/bin/python bench/spelling.py [--runs 5]

Runs `build.py stavning` on the repository's sample (a new process each time, as `make stavning` does: Python,
reading the Danish dictionary, every course, learning path and toolkit page) and prints the fastest and the median
time, then the same on a copy with one slip in a course title (the suggestions' cost). Issue 30's target: the whole
sample in under 5 s. Needs hunspell-da (`make hunspell-da`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from catalogue.project import copy_project  # noqa: E402


def timed(project: Path, runs: int) -> tuple[list[float], str]:
    """Seconds of each run of `build.py stavning` in ``project``, and what the last one printed."""
    seconds, printed = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "build.py", "stavning"], cwd=project, capture_output=True, text=True,
                              check=True)
        seconds.append(time.perf_counter() - started)
        printed = done.stdout + done.stderr
    return seconds, printed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        slipped = copy_project(REPO, Path(folder) / "projekt")
        course = slipped / "courses" / "det-gode-bestyrelsesmoede.yml"
        course.write_text(course.read_text(encoding="utf-8").replace(
            "titel: Det gode bestyrelsesmøde", "titel: Det gode bestyrelsesmøde for Bestyrelesen", 1), encoding="utf-8")
        for name, project in (("the sample", REPO), ("the sample with one slip", slipped)):
            seconds, printed = timed(project, runs)
            print(f"{name}: fastest {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s ({runs} runs)")
            print("  " + printed.strip().replace("\n", "\n  "))


if __name__ == "__main__":
    main()
