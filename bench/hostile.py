#!/usr/bin/env python3
"""What the known pathological Markdown costs `check` and `build`, at the size limits.

    .venv/bin/python bench/hostile.py [--only '{' '![' …] [--kinds kursus side]

Each input is one course's `beskrivelse` of exactly the course limit (markdown_rules.COURSE_TEXT characters), and
one toolkit page's text of exactly the page limit (TOOLKIT_TEXT), added to a copy of the sample project: a run of
one of the characters or pairs Python-Markdown and html.parser were slow over (issue 28, finding 5), the same
characters spread out so that no run is long, and the nestings and shapes that `check` refuses. For each it runs
the real `build.py check` and, when the check passes, `build.py build` (its check included), and prints their
seconds, what the check said, and the sample project's own seconds for comparison. The target: `check` of one such
file under 2 s on the machine the README's table was made on.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue.markdown_rules import COURSE_TEXT, PARAGRAPH_CHARACTERS, TOOLKIT_TEXT  # noqa: E402
from catalogue.project import copy_project  # noqa: E402

REFERENCE_DATE = "2027-01-15"
PADDING = "Vi gennemgår hele mødet fra indkaldelse til referat. "


def run_of(unit: str) -> Callable[[int], str]:
    """The unit repeated to the size."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def padded(text: str) -> Callable[[int], str]:
    """The text, then ordinary sentences up to the size."""
    return lambda size: (text + "\n\n" + PADDING * (size // len(PADDING) + 1))[:size - 1].rstrip() + "."


def indented_lists(size: int) -> str:
    """Lists inside each other four spaces further in on each line, as deep as the size allows."""
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) + 4 * len(lines) + 3 < size:
        lines.append("    " * len(lines) + "- x")
    return "\n".join(lines)


def in_paragraphs(text: str, size: int) -> str:
    """The text cut into paragraphs of at most ``size`` characters, each on its own after a blank line."""
    parts = [text[start:start + size].strip("\n") for start in range(0, len(text), size)]
    return "\n\n".join(part for part in parts if part.strip())


def in_table(unit: str) -> Callable[[int], str]:
    """A table whose one row is the unit repeated."""
    head = "| a |\n|---|\n| "
    return lambda size: head + (unit * (size // len(unit) + 1))[:size - len(head)]


# name → text of a given size. First what the issue names, then the same characters spread out, then the shapes
# that check refuses. A run on a toolkit page is cut into paragraphs of the longest a paragraph may be (one paragraph
# of 50,000 characters is refused: see "a (ét afsnit)").
INPUTS = {
    "{": run_of("{"),
    "![": run_of("!["),
    "[": run_of("["),
    "](": run_of("]("),
    "<a ": run_of("<a "),
    "*": run_of("*"),
    "_": run_of("_"),
    "`": run_of("`"),
    "&#": run_of("&#"),
    "> × 1.000 (citater)": padded("> " * 1000 + "x"),
    "- × 1.000 (lister)": padded("- " * 1000 + "x"),
    "lister rykket ind": lambda size: indented_lists(size),
    "[a": run_of("[a"),
    "[a](": run_of("[a]("),
    "[a](b \"c)": run_of('[a](b "c) '),
    "![a](b": run_of("![a](b "),
    "[a]: (linjer)": run_of("[a]:\n"),
    "# a (linjer)": run_of("# a\n"),
    "a\\n--- (linjer)": run_of("a\n---\n"),
    "` `` ``` …": lambda size: "".join(f"{'`' * n}a" for n in range(1, 1000))[:size],
    "``|` (tabel)": in_table("``|`"),
    " { (overskrift)": lambda size: "# a" + " {" * ((size - 3) // 2),
    "<a\\n": run_of("<a\n"),
    "<a b=\"": run_of('<a b="'),
    "</a": run_of("</a"),
    "<![CDATA[": run_of("<![CDATA["),
    "<!--": run_of("<!--"),
    "<div> (inde i hinanden)": run_of("<div>"),
    "*a (inde i hinanden)": lambda size: "*a " * (size // 6) + "x" + " a*" * (size // 6),
    "<b>": run_of("<b>"),
    "\\": run_of("\\"),
    "a (ét afsnit)": lambda size: "a" * size,
    "a\\n\\n (afsnit)": run_of("a\n\n"),
}

COURSE = """titel: Et kursus med en fjendtlig beskrivelse
intro: Beskrivelsen er en af de tekster, der var langsomme at læse.
beskrivelse: |2
{text}
emner: [bestyrelsesarbejde]
niveau: [ny]
form: fysisk
målgruppe: [afdelingsbestyrelse]
pris: 0
"""

PAGE = """---
titel: En side med en fjendtlig tekst
type: vejledning
intro: Teksten er en af dem, der var langsomme at læse.
emner: [bestyrelsesarbejde]
revideret: 2026-09-01
---
{text}
"""

KINDS = {
    # kind → (limit, file under the project, how the text is written into it)
    "course": (COURSE_TEXT, "courses/fjendtlig.yml",
               lambda text: COURSE.format(text="\n".join("  " + line if line else "" for line in text.split("\n")))),
    "toolkit page": (TOOLKIT_TEXT, "content/vaerktoejskasse/vejledninger/fjendtlig.md",
                     lambda text: PAGE.format(text=text)),
}


def as_code(name: str) -> str:
    """The name as a code span in a Markdown table: fenced by more backticks than it has in a row, '|' escaped."""
    escaped = name.replace("|", "\\|")
    if "`" not in name:
        return f"`{escaped}`"
    fence = "`" * (max(len(run) for run in re.findall("`+", name)) + 1)
    return f"{fence} {escaped} {fence}"


def timed(project: Path, command: str) -> tuple[float, int, str]:
    """(seconds, exit code, the first error line) of one build.py command on the project."""
    environment = {name: value for name, value in os.environ.items() if name not in ("CI", "GITHUB_ACTIONS")}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "build.py", command, "--dato", REFERENCE_DATE], cwd=project,
                          capture_output=True, text=True, env=environment, timeout=3600)
    seconds = time.perf_counter() - started
    said = next((line for line in done.stdout.splitlines() if ": fejl: " in line), "")
    return seconds, done.returncode, said


# What check says, by a word of its Danish message.
REFUSED_BY = {
    "er for lang": "refused: too long",
    "linjer uden en tom linje": "refused: a paragraph of over 200 lines",
    "tegn langt": "refused: a paragraph of over 20,000 characters",
    "'*' og '_'": "refused: over 500 '\\*' and '_' in a paragraph",
    "niveauer af lister": "refused: over 20 levels of lists, quotes, boxes",
    "HTML-elementer ligger": "refused: HTML elements over 20 levels deep",
    "lukkes med '>'": "refused: over 10 '<' never closed",
}


def refused_by(said: str) -> str:
    """The rule the check's error line names."""
    return next((rule for words, rule in REFUSED_BY.items() if words in said), said.split(": fejl: ", 1)[-1])


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--only", nargs="*", help="the inputs to run, by name (default: all)")
    options.add_argument("--kinds", nargs="*", default=list(KINDS), choices=list(KINDS))
    args = options.parse_args()
    names = args.only or list(INPUTS)
    with tempfile.TemporaryDirectory(prefix="hostile-") as work:
        project = copy_project(REPO, Path(work) / "projekt")
        check_s, _, _ = timed(project, "check")
        build_s, code, _ = timed(project, "build")
        assert code == 0, "the sample project does not build"
        print(f"The sample project itself: check {check_s:.2f} s, build {build_s:.2f} s\n")
        print("| input | " + " | ".join(f"{kind} ({limit:,} characters): check | build"
                                          for kind, (limit, _, _) in KINDS.items() if kind in args.kinds)
              + " | check says |")
        print("|---|" + "---|---|" * len(args.kinds) + "---|")
        for name in names:
            cells, verdicts = [as_code(name)], []
            for kind in args.kinds:
                limit, where, write = KINDS[kind]
                text = INPUTS[name](limit)
                if kind != "course" and INPUTS[name].__qualname__.startswith("run_of"):
                    text = in_paragraphs(text, PARAGRAPH_CHARACTERS)[:limit]
                assert len(text.strip()) <= limit, (name, kind, len(text))
                path = project / where
                path.write_text(write(text), encoding="utf-8")
                check_s, code, said = timed(project, "check")
                if code == 0:
                    build_s, code, said = timed(project, "build")
                    cells += [f"{check_s:.2f} s", f"{build_s:.2f} s" if code == 0 else f"failed ({code})"]
                    verdicts.append("ok" if code == 0 else said)
                else:
                    cells += [f"{check_s:.2f} s", "–"]
                    verdicts.append(refused_by(said) if said else "?")
                path.unlink()
            said = verdicts[0] if len(set(verdicts)) == 1 else "; ".join(
                f"{verdict} ({kind})" for kind, verdict in zip(args.kinds, verdicts, strict=True))
            print("| " + " | ".join([*cells, said]) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
