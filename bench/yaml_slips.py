#!/usr/bin/env python3
"""How often a YAML slip is reported at the line the editor broke.

    .venv/bin/python bench/yaml_slips.py [--per-file 400] [--seed 1]

Takes every sample course in courses/, breaks one line at a time the way a hand
does (a character typed or lost: a colon, a space, a quote, a non-breaking or
typographic one, a dash, an indentation), keeps the versions YAML cannot read, and
counts how often the first reported line is the broken one. The baseline, in the
same run, is where the parser itself points (PyYAML's mark, which is what a site
that just loads its YAML with PyYAML would show), read as the project did before
it looked back for the slip: the opening mark for an unclosed quote or bracket,
else the problem mark.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.validation import COURSE_KEYS  # noqa: E402
from catalogue.yamlsource import load_yaml_file  # noqa: E402

TYPED = [":", " ", '"', "'", "\u00a0", "”", "[", "{", "-", "  ", "\t"]
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parser_line(text: str) -> int:
    try:
        for _ in yaml.parse(text, Loader=_Loader):
            pass
    except yaml.MarkedYAMLError as error:
        unclosed = error.context_mark is not None and any(
            p in (error.problem or "") for p in ("end of stream", "expected ',' or ']'", "expected ',' or '}'"))
        mark = error.context_mark if unclosed else error.problem_mark or error.context_mark
        return mark.line + 1 if mark is not None else 1
    return 0


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--per-file", type=int, default=400)
    options.add_argument("--seed", type=int, default=1)
    args = options.parse_args()
    rng = random.Random(args.seed)
    broken = ours = parsers = 0
    for path in sorted((ROOT / "courses").glob("*.yml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for _ in range(args.per_file):
            number = rng.randrange(len(lines))
            line = lines[number]
            if not line.strip():
                continue
            at = rng.randrange(len(line))
            choice = rng.random()
            if choice < 0.5:
                line = line[:at] + rng.choice(TYPED) + line[at:]
            elif choice < 0.8:
                line = line[:at] + line[at + 1:]
            else:
                line = " " + line if rng.random() < 0.5 or not line.startswith(" ") else line[1:]
            text = "\n".join(lines[:number] + [line] + lines[number + 1:])
            if "\t" in line:
                continue  # tabs are reported at their own place by both
            before = parser_line(text)
            if not before:
                continue  # still valid YAML: a value problem, reported by the model at its key
            document, problems = load_yaml_file(text.encode(), path.name, COURSE_KEYS)
            if document is not None or not problems:
                continue
            broken += 1
            ours += problems[0].line == number + 1
            parsers += before == number + 1
    print(f"{broken} broken files from {len(list((ROOT / 'courses').glob('*.yml')))} sample courses "
          f"(seed {args.seed})")
    print(f"reported at the line broken:  build.py check {ours / broken:6.1%}")
    print(f"                              PyYAML's mark  {parsers / broken:6.1%}  (baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
