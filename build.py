#!/usr/bin/env python3
"""Check the editors' files and build the course site.

    python build.py check [--dato YYYY-MM-DD]   validate everything, build nothing
    python build.py build [--dato YYYY-MM-DD]   check, then build the site into site/
    python build.py review [--dato YYYY-MM-DD]  list toolkit pages due for review, oldest first

Problems are printed one per line as ``path:line:column: fejl: …`` on standard
output; the exit code is 1 when there is an error. ``build`` replaces ``site/``
only when the whole build has succeeded.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from catalogue.catalogue import load_catalogue, review_report  # noqa: E402
from catalogue.diagnostics import Diagnostic  # noqa: E402
from catalogue.offer import REFERENCE_DATE_VARIABLE, reference_date  # noqa: E402
from catalogue.project import Project  # noqa: E402


class DanishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"fejl: {message}\n")


def _date_argument(text: str) -> date:
    try:
        return reference_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    parser = DanishArgumentParser(prog="build.py", description="Tjek og byg kursussitet.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="kommando",
                                     parser_class=DanishArgumentParser)
    for name, text in (("check", "tjek alle kursusfiler og sider uden at bygge noget"),
                       ("build", "tjek, og byg derefter sitet i site/"),
                       ("review", "vis de sider i værktøjskassen, der skal gennemgås, ældste først")):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("--dato", type=_date_argument, default=None, metavar="ÅÅÅÅ-MM-DD",
                             help="byg, som om det var denne dato (standard: i dag i Danmark)")
    return parser


def _report(diagnostics: list[Diagnostic]) -> int:
    """Print every problem; return the number of errors."""
    for diagnostic in diagnostics:
        print(diagnostic)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if errors:
        files = len({d.path for d in diagnostics if d.is_error})
        print(f"{errors} fejl i {files} {'fil' if files == 1 else 'filer'}"
              f"{f' og {warnings} ' + ('advarsel' if warnings == 1 else 'advarsler') if warnings else ''}. "
              "Ret fejlene og prøv igen.", file=sys.stderr)
    return errors


def check(project: Project, today: date) -> int:
    catalogue, diagnostics = load_catalogue(project, review_date=today)
    if _report(diagnostics):
        return 1
    assert catalogue is not None
    print(f"Alt i orden: {len(catalogue.courses)} kurser og {len(catalogue.toolkit)} sider i værktøjskassen "
          "tjekket.", file=sys.stderr)
    return 0


def review(project: Project, today: date) -> int:
    due, problems = review_report(project, today)
    _report(problems)
    for warning in due:
        print(warning)
    if due:
        print(f"{len(due)} {'side' if len(due) == 1 else 'sider'} i værktøjskassen skal gennemgås.", file=sys.stderr)
    else:
        print("Alle sider i værktøjskassen er gennemgået inden for revisionsperioden.", file=sys.stderr)
    return 0


_BROKEN_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target "
                          r"'(?P<target>[^']+)' is not found among documentation files")


class _MkDocsMessages(logging.Handler):
    """Prints MkDocs' warnings for editors: a broken link in Danish at its line, the rest as they are."""

    def __init__(self, project: Project) -> None:
        super().__init__(logging.WARNING)
        self.project = project

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if ": fejl: " in message or ": advarsel: " in message:  # the catalogue's own diagnostics
            print(message, file=sys.stderr)
            return
        broken = _BROKEN_LINK.search(message)
        if broken:
            print(self._broken_link(**broken.groupdict()), file=sys.stderr)
        else:
            print(f"advarsel: {message}", file=sys.stderr)

    def _broken_link(self, page: str, link: str, target: str) -> Diagnostic:
        path = self.project.content_dir / page
        line, column = 1, 1
        if path.is_file():
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if f"({link}" in text:
                    line, column = number, text.index(f"({link}") + 2
                    break
        return Diagnostic(self.project.display(path), line, column,
                          f"linket '{link}' peger på en side, der ikke findes (content/{target}); ret stien",
                          severity="advarsel")


def build(project: Project, today: date) -> int:
    """Check, build into a fresh folder, and swap it in as site/ only when everything worked."""
    if check(project, today):
        return 1
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    site = project.root / "site"
    staging = project.root / f".site-new-{os.getpid()}"
    retired = project.root / f".site-old-{os.getpid()}"
    os.environ[REFERENCE_DATE_VARIABLE] = today.isoformat()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    handler = _MkDocsMessages(project)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(staging))
        mkdocs_build(config)
    except (MkDocsException, Exception) as error:  # noqa: BLE001 - any failure must leave site/ as it was
        shutil.rmtree(staging, ignore_errors=True)
        print(f"fejl: sitet blev ikke bygget ({error}); site/ er ikke ændret", file=sys.stderr)
        return 1
    finally:
        logger.removeHandler(handler)
    if site.exists():
        site.rename(retired)
    staging.rename(site)
    shutil.rmtree(retired, ignore_errors=True)
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"Sitet er bygget i site/ med {pages} sider på {time.perf_counter() - started:.1f} s "
          f"(dato {today.isoformat()}).", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(ROOT)
    today = args.dato or reference_date(None)
    if args.command == "check":
        return check(project, today)
    if args.command == "review":
        return review(project, today)
    return build(project, today)


if __name__ == "__main__":
    sys.exit(main())
