#!/usr/bin/env python3
"""Check the editors' files and build the course site.

    python build.py check [--dato YYYY-MM-DD]    validate everything, build nothing
    python build.py build [--dato YYYY-MM-DD] [--tider]  check, then build the site into site/ (--tider: the
                                                 time of each phase, for bench/run.py)
    python build.py serve [--port N] [--dato …] [--katalog]  live preview that rebuilds on every change (--katalog:
                                                 with the course booklet as PDF, which makes each rebuild slower)
    python build.py cms [--port N] [--dato …] [--katalog]  the preview with the forms at /admin/ writing to this
                                                 folder
    python build.py new <slug>                   a new course file with every key explained
    python build.py new --type TYPE <path>       a new toolkit page (skabelon, vejledning, video, link)
    python build.py review [--dato YYYY-MM-DD]   toolkit pages due for review, oldest first
    python build.py evaluering [--dato …] [--csv] the department's evaluation figures per course
    python build.py schemas                      rewrite the JSON Schemas in schemas/, cms/config.yml and the format
                                                 reference content/om/formatet.md
    python build.py links                        check the outside links (sign-up, toolkit, videos)
    python build.py fmt [--tjek]                 course files in the contract's key order (after Decap CMS); the
                                                 files changed on standard output, problems on standard error
    python build.py diff OLD NEW                 the pages a change adds, changes or removes (two built sites)
    python build.py dato                         the date a build without --dato uses: today in Denmark
    python build.py stavning [FIL …]             Danish words the dictionary does not know, with suggestions (all
                                                 titles, intros and texts, or those of the files named); never fails

Problems are printed one per line as ``path:line:column: fejl: …`` on standard
output (and as GitHub annotations when GITHUB_ACTIONS=true); the exit code is 1
when there is an error. ``build`` replaces ``site/`` only when the whole build
has succeeded. In a shallow git clone, ``check`` and ``build`` cannot tell when
files were committed: they say so, and with CI=true (as on GitHub Actions) stop
with an error, so that no such site is published.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gc
import logging
import os
import re
import shutil
import signal
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, TextIO

ROOT = Path(__file__).resolve().parent
LOCK_FILE = ".site.lock"  # held by the build that is running
sys.path.insert(0, str(ROOT))

try:
    from catalogue.arguments import DanishArgumentParser
    from catalogue.catalogue import Catalogue, load_catalogue, review_report
    from catalogue.danish import age, decimal, number
    from catalogue.diagnostics import Diagnostic, capped, reason
    from catalogue.offer import reference_date, today_in_denmark
    from catalogue.project import Project
    from catalogue.schemas import stale_schemas, write_schemas
    from catalogue.site_build import SiteBuild
except ModuleNotFoundError as missing:  # run with a Python that has not got the packages of requirements.txt
    if missing.name is None or missing.name.partition(".")[0] == "catalogue":
        raise
    sys.exit(f"fejl: Python-pakken '{missing.name.partition('.')[0]}' er ikke installeret for denne Python. Kør "
             "'make check' (eller 'make site'): det installerer pakkerne i .venv/ og tjekker filerne. Derefter "
             "virker også '.venv/bin/python build.py …'.")

HOOK = "hooks/catalogue.py"  # as mkdocs.yml names it

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The commands to print for editors: they work from a fresh clone (make sets up .venv/ first).
CHECK_COMMAND = "make check"
REVIEW_COMMAND = "make review"
SCHEMAS_COMMAND = "make schemas"


def _date_argument(text: str) -> date:
    try:
        return reference_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _port_argument(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,5}", text.strip()) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' er ikke et portnummer; skriv et helt tal mellem 1 og 65535, "
                                         "fx 8000")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = DanishArgumentParser(prog="build.py", description="Tjek og byg kursussitet.")
    commands = parser.add_subparsers(dest="command", required=True, title="kommandoer", metavar="kommando")

    def add(name: str, text: str, dated: bool = True) -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=text, description=text)
        if dated:
            command.add_argument("--dato", type=_date_argument, default=None, metavar="ÅÅÅÅ-MM-DD",
                                 help="byg, som om det var denne dato (standard: i dag i Danmark)")
        return command

    add("check", "tjek alle kursusfiler og sider uden at bygge noget")
    build = add("build", "tjek, og byg derefter sitet i site/")
    build.add_argument("--tider", action="store_true", help="vis til sidst, hvor lang tid hver del af bygningen tog")
    serve = add("serve", "vis sitet på din egen computer, og byg igen, hver gang en fil ændres")
    cms = add("cms", "rediger i browseren på din egen computer: formularerne på /admin/ gemmer i denne mappe")
    for previewing in (serve, cms):
        previewing.add_argument("--port", type=_port_argument, default=8000,
                                help="porten på 127.0.0.1 (standard: 8000)")
        previewing.add_argument("--katalog", action="store_true",
                                help="lav også kursuskataloget som PDF (kurser/katalog.pdf); hver opdatering tager så "
                                     "et par sekunder mere")
    new = add("new", "opret et nyt kursus eller en ny side i værktøjskassen", dated=False)
    new.add_argument("navn", help="kursets navn (fx det-gode-bestyrelsesmoede) eller sidens sti "
                                  "(fx skabeloner/referat)")
    new.add_argument("--type", dest="kind", choices=["skabelon", "vejledning", "video", "link"],
                     help="opret en side i værktøjskassen af denne type i stedet for et kursus")
    add("review", "vis de sider i værktøjskassen, der skal gennemgås, ældste først")
    evaluation = add("evaluering", "vis evalueringerne for hvert kursus over de sidste tre år: hold, svar, "
                                   "svarprocent, gennemsnit og udvikling")
    evaluation.description = (
        "Vis evalueringerne for hvert kursus over de sidste tre år. 'Holdt' er de hold, der sluttede før datoen "
        "og ikke var aflyst, i kursusfilen eller evalueringsfilen; 'Evalueret' (hold), 'Deltagere' og 'Svar' er "
        "fra evalueringsfilen; svarprocenten er svar delt med deltagere. Gennemsnittet er den samlede vurdering "
        "vægtet med antal svar, som på kursussiden. Udviklingen er gennemsnittet for de sidste 12 måneder minus "
        "gennemsnittet for de 12 måneder før: '+0,2', '−0,1', 'uændret', eller '–', når et af årene ingen svar "
        "har. Til sidst de kurser, der er holdt i perioden uden en evalueringsfil.")
    evaluation.add_argument("--csv", action="store_true", help="skriv tabellen som CSV til Excel (semikolon, "
                                                               "decimalkomma, UTF-8 med BOM)")
    add("schemas", "skriv JSON-skemaerne i schemas/, cms/config.yml og siden med alle nøgler (content/om/formatet.md) "
                   "forfra ud fra modellerne og config/taxonomy.yml",
        dated=False)
    add("links", "tjek links til andre sites: tilmelding, værktøjskassen og videoer", dated=False)
    fmt = add("fmt", "skriv kursusfilerne og siderne i værktøjskassen med nøglerne i kontraktens rækkefølge uden at "
                     "ændre en værdi", dated=False)
    fmt.add_argument("--tjek", action="store_true", help="skriv ikke noget; vis kun de filer, der ville ændres, og "
                                                        "dem, der ikke kan tjekkes")
    diff = add("diff", "sammenlign to byggede sites: de sider, en ændring tilføjer, ændrer eller fjerner",
               dated=False)
    diff.add_argument("gammel", type=Path, help="mappen med sitet før ændringen")
    diff.add_argument("ny", type=Path, help="mappen med sitet efter ændringen")
    add("dato", "skriv den dato, en bygning uden --dato bruger: dagens dato i Danmark", dated=False)
    spelling = add("stavning", "vis de ord i titler, introer og tekster, som den danske ordbog ikke kender, med "
                               "forslag; stopper aldrig noget", dated=False)
    spelling.add_argument("filer", nargs="*", metavar="fil", help="tjek kun disse filer (standard: alle kurser, "
                                                                  "forløb og sider i værktøjskassen)")
    return parser


def _annotation(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command, so a pull request shows the problem on its line."""
    def escape(text: str, properties: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if properties else text

    level = "error" if diagnostic.is_error else "warning"
    return (f"::{level} file={escape(diagnostic.path, True)},line={diagnostic.line},col={diagnostic.column}"
            f"::{escape(diagnostic.message)}")


def _report(diagnostics: list[Diagnostic], stream: TextIO | None = None) -> int:
    """Print every problem (on standard output, or ``stream``); return the number of errors."""
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in capped(diagnostics):
        print(diagnostic, file=stream)
        if on_github:
            print(_annotation(diagnostic), file=stream)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if errors:
        files = len({d.path for d in diagnostics if d.is_error})
        print(f"{number(errors)} fejl i {number(files)} {'fil' if files == 1 else 'filer'}"
              f"{f' og {number(warnings)} ' + ('advarsel' if warnings == 1 else 'advarsler') if warnings else ''}. "
              "Ret fejlene og prøv igen.", file=sys.stderr)
        if any(_ABOUT_KEYS.search(d.message) for d in diagnostics if d.is_error):
            from catalogue.reference import REFERENCE_FILE
            from catalogue.urls import REFERENCE, page_url
            print(f"Alle nøglerne, og hvad de må indeholde, står i {REFERENCE_FILE} (på hjemmesiden: "
                  f"/{page_url(REFERENCE)}).", file=sys.stderr)
    return errors


# Messages about which keys a file has, where the page with every key helps.
_ABOUT_KEYS = re.compile(r"ukendt nøgle|: mangler;")


# What a shallow clone cannot tell, and how to get what is missing (said by check, build and the preview).
SHALLOW_CLONE = (
    "denne kopi af projektet har kun de nyeste commits (en 'shallow clone'), så det kan ikke ses, hvornår filerne "
    "i courses/ og content/ først blev gemt og sidst blev ændret: intet kursus bliver markeret 'Nyt kursus', feedet "
    "viser kurserne som ændret ved de nyeste commits, og tjekket kan ikke advare om hold, der sluttede længe før "
    "filen blev skrevet. Hent hele historikken med 'git fetch --unshallow' (i GitHub Actions: 'fetch-depth: 0' "
    "under 'with:' ved actions/checkout), og prøv igen")


def _history_complete(project: Project, ci: bool) -> bool:
    """Whether git's whole history is there for what the site shows by it. A shallow clone is said to be one: as an
    error under CI (a site published from it would lack what the history gives), elsewhere as a warning."""
    from catalogue.sources import is_shallow_clone

    if not is_shallow_clone(project.root):
        return True
    print(f"{'fejl' if ci else 'advarsel'}: {SHALLOW_CLONE}", file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(f"::{'error' if ci else 'warning'} title=Git-historikken mangler::{SHALLOW_CLONE}")
    return not ci


def check(project: Project, today: date, ci: bool) -> int:
    checked = _checked(project, today)
    return 0 if _history_complete(project, ci) and checked else 1


def _checked(project: Project, today: date) -> Catalogue | None:
    """The catalogue, checked and reported on; None when it has errors."""
    catalogue, diagnostics = load_catalogue(project, today=today)
    if catalogue is not None:
        from catalogue.cms import CMS_FILE, STALE, cms_config_is_stale, toolkit_pages

        diagnostics += [Diagnostic(f"schemas/{name}", 1, 1, "skemaet passer ikke længere til config/taxonomy.yml; kør "
                                                            f"'{SCHEMAS_COMMAND}'", severity="advarsel")
                        for name in stale_schemas(project, catalogue.taxonomy)]
        if cms_config_is_stale(project, catalogue.taxonomy, catalogue.department, toolkit_pages(catalogue.toolkit)):
            diagnostics.append(Diagnostic(CMS_FILE, 1, 1, STALE.format(command=SCHEMAS_COMMAND), severity="advarsel"))
        from catalogue.reference import REFERENCE_FILE, reference_is_stale

        if reference_is_stale(project, catalogue.taxonomy):
            diagnostics.append(Diagnostic(REFERENCE_FILE, 1, 1, "siden med alle nøgler passer ikke længere til "
                                                                f"config/taxonomy.yml; kør '{SCHEMAS_COMMAND}'",
                                          severity="advarsel"))
    if _report(diagnostics):
        return None
    assert catalogue is not None
    _review_note(len(catalogue.due_for_review(today)))
    warnings = sum(not d.is_error for d in diagnostics)
    verdict = "Alt i orden" if not warnings else \
        f"Ingen fejl, men læs {'advarslen' if warnings == 1 else f'de {number(warnings)} advarsler'} ovenfor"
    courses = len(catalogue.courses)
    print(f"{verdict}: {number(courses)} {'kursus' if courses == 1 else 'kurser'}, "
          f"{number(len(catalogue.paths))} forløb, "
          f"{number(len(catalogue.evaluations))} evalueringsfiler og {number(len(catalogue.toolkit))} sider i "
          "værktøjskassen tjekket.", file=sys.stderr)
    return catalogue


def _review_note(due: int) -> None:
    """One line for the pages due for review: the list itself is ``review``'s, not in the way of errors.

    On GitHub it is one notice, not a warning per page: GitHub shows at most 10 warnings of a step, and
    every pull request would get the same ones on pages it did not touch, hiding its own.
    """
    if not due:
        return
    note = f"{number(due)} {'side' if due == 1 else 'sider'} i værktøjskassen skal gennemgås; se '{REVIEW_COMMAND}'"
    print(note, file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print(f"::notice title=Værktøjskassen::{note}")


def evaluation(project: Project, today: date, as_csv: bool) -> int:
    """The department's evaluation report: a table, or CSV for a Danish Excel (UTF-8 with a BOM)."""
    from catalogue.evaluation_report import evaluation_report, report_csv, report_text

    catalogue, diagnostics = load_catalogue(project, today=today)
    with contextlib.redirect_stdout(sys.stderr):  # the report alone on standard output, a CSV file unbroken
        errors = _report(diagnostics)
    if errors or catalogue is None:
        return 1
    report = evaluation_report(catalogue, today)
    if as_csv:
        sys.stdout.flush()
        sys.stdout.buffer.write(("\ufeff" + report_csv(report)).encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        print(report_text(report), end="")
    return 0


def review(project: Project, today: date) -> int:
    """The pages due for review, oldest first: title, when last reviewed and how long ago, where."""
    report = review_report(project, today)
    _report(report.problems)
    if not report.due:
        print(f"Alle sider i værktøjskassen er gennemgået inden for de sidste {report.months} måneder.",
              file=sys.stderr)
        return 0
    count = len(report.due)
    print(f"{count} {'side' if count == 1 else 'sider'} i værktøjskassen er ikke gennemgået i {report.months} "
          "måneder, ældste først:")
    for item in report.due:
        reviewed = item.meta.revideret
        print(f"\n  {item.meta.titel}\n  sidst gennemgået {reviewed.isoformat()}, for {age(reviewed, today)} siden\n"
              f"  {project.display(project.content_dir / item.path)}:{item.reviewed_at.line}")
    print("\nLæs hver side igennem, ret det, der er forældet, og skriv dagens dato i 'revideret'.")
    return 0


class _MkDocsMessages(logging.Handler):
    """Prints MkDocs' warnings and errors as they are. None of them is an editor's to mend: ``check`` has found
    every problem in the editors' files already (a link to a page that is not there too, which mkdocs.yml therefore
    has MkDocs log only as information), and the project's own diagnostics come as objects (``SiteBuild``)."""

    def __init__(self, preview: bool) -> None:
        super().__init__(logging.WARNING)
        self.preview = preview

    def emit(self, record: logging.LogRecord) -> None:
        if self.preview and record.name == "mkdocs.commands.build" and record.levelno == logging.WARNING:
            return  # each rebuild of the preview says it is a 'dirty' build, which is what the preview asks for
        print(f"{'fejl' if record.levelno >= logging.ERROR else 'advarsel'}: {record.getMessage()}", file=sys.stderr)


def _mkdocs_messages(preview: bool = False) -> logging.Handler:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = _MkDocsMessages(preview)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    return handler


def _say(text: str) -> None:
    """A line of the preview's progress, with the time: an editor sees when a save was built."""
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr)


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    """The preview's problems, as they are found (a build has printed them in its check already)."""
    for diagnostic in capped(diagnostics):
        print(diagnostic, file=sys.stderr)


def _hand_over(config: MkDocsConfig, site_build: SiteBuild) -> None:
    """Give the project's hook the build it belongs to (see hooks/catalogue.py). MkDocs loads a hook once per
    process, so the live preview's later loads of the configuration find the same one."""
    config.hooks[HOOK].build = site_build


@contextlib.contextmanager
def _one_build_at_a_time(project: Project) -> Iterator[None]:
    """Hold the project's build lock; a second build waits for the first. The lock goes with the process."""
    from catalogue.site_folder import FolderError

    try:
        lock = open(project.root / LOCK_FILE, "a+b")
    except OSError as error:
        raise FolderError(f"låsefilen {LOCK_FILE} i {project.root} kan ikke åbnes ({reason(error)}); giv dig selv "
                          f"skriveadgang til den, eller slet den, og byg igen; site/ er ikke ændret") from None
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("En anden bygning af sitet kører i denne mappe; venter, til den er færdig …", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build(project: Project, today: date, ci: bool, phases: bool = False) -> int:
    """Check, build into a fresh folder, and swap it in as site/ only when everything worked
    (``catalogue/site_folder.py``); a folder the build cannot write is said before anything is done."""
    from catalogue.site_folder import FolderError, check_root, check_site, remove_leftovers, staging_folder

    try:
        check_root(project.root)
        with _one_build_at_a_time(project):
            remove_leftovers(project.root)  # of builds that were killed: with the lock held, none is in use
            check_site(project.root)
            staging = staging_folder(project.root)
            try:
                return _build(project, today, ci, staging, phases)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except FolderError as error:
        print(f"fejl: {error}", file=sys.stderr)
        return 1


def _build(project: Project, today: date, ci: bool, staging: Path, phases: bool) -> int:
    checking = time.perf_counter()
    catalogue = _checked(project, today)
    checked_s = time.perf_counter() - checking
    if not _history_complete(project, ci):
        print("fejl: sitet blev ikke bygget; site/ er ikke ændret", file=sys.stderr)
        return 1
    if catalogue is None:
        return 1
    # What was read lives until the process ends: the garbage collector need not walk it again and again.
    gc.freeze()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    site = project.root / "site"
    # The build builds what was checked, without reading it all again.
    site_build = SiteBuild(project, today, report=_print_diagnostics, say=_say, checked=catalogue)
    handler = _mkdocs_messages()
    try:
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(staging))
        _hand_over(config, site_build)
        mkdocs_build(config)
    except (MkDocsException, Exception) as error:  # noqa: BLE001 - any failure must leave site/ as it was
        print(f"fejl: sitet blev ikke bygget ({error}); site/ er ikke ændret", file=sys.stderr)
        return 1
    except BaseException:  # Ctrl+C: the search index stops writing into the staging folder before it goes
        site_build.abandon()
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    # The swap: site/ is the old build or the new one, never a part of either.
    from catalogue.site_folder import swap_in

    try:
        left = swap_in(staging, site)
    except OSError as error:
        print(f"fejl: det nye site kunne ikke flyttes til site/ ({reason(error)}); site/ er ikke ændret",
              file=sys.stderr)
        return 1
    if left is not None:
        print(f"advarsel: sitet er bygget, men den gamle udgave kunne ikke fjernes helt ({left}); slet den, før du "
              "bygger igen", file=sys.stderr)
    from catalogue.urls import ADMIN_PAGE, is_poster_file

    pages = sum(1 for page in site.rglob("index.html")
                if (path := page.relative_to(site).as_posix()) != ADMIN_PAGE and not is_poster_file(path))
    print(f"Sitet er bygget i site/ med {number(pages)} sider på {decimal(time.perf_counter() - started)} s "
          f"(dato {today.isoformat()}).", file=sys.stderr)
    if phases:
        print("Tider: " + ", ".join(f"{name} {decimal(seconds)} s" for name, seconds
                                    in {"tjek": checked_s, **site_build.phases}.items()), file=sys.stderr)
    return 0


def _port_taken(port: int, command: str = "serve") -> str | None:
    """Why the preview cannot listen on the port of 127.0.0.1, in Danish; None when it can. Bound as MkDocs' server
    binds (reusing an address left waiting by a stopped server), and let go at once."""
    import errno
    import socket

    other = port + 1 if port < 65535 else 8000
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno == errno.EACCES:
                return (f"port {port} må kun bruges af administratoren; vælg en port fra 1024 og op, fx "
                        f"'make {command} PORT=8000'")
            return (f"port {port} er optaget af et andet program (kører forhåndsvisningen allerede i et andet "
                    f"vindue?); stop det, eller vælg en anden port, fx 'make {command} PORT={other}'")
    return None


def serve(project: Project, today: date | Callable[[], date], port: int, booklets: bool = False) -> int:
    """MkDocs' live preview: problems are printed as they are found, and the server keeps running. ``today``: the
    reference date, or where each rebuild takes it; ``booklets``: make the course booklet at each rebuild."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _mkdocs_messages(preview=True)
    try:
        _hand_over(load_config(str(project.root / "mkdocs.yml")),
                   SiteBuild(project, today, report=_print_diagnostics, say=_say, preview=True, booklets=booklets))
        # A dirty build rewrites only what changed; hooks/catalogue.py says what that is.
        mkdocs_serve(str(project.root / "mkdocs.yml"), dev_addr=f"127.0.0.1:{port}", build_type="dirty")
    except KeyboardInterrupt:  # MkDocs stops on Ctrl+C itself; this is for a Ctrl+C before it listens
        pass
    except (MkDocsException, OSError) as error:
        print(f"fejl: forhåndsvisningen kunne ikke starte ({error})", file=sys.stderr)
        return 1
    print("Forhåndsvisningen er stoppet.", file=sys.stderr)
    return 0


class Terminated(KeyboardInterrupt):
    """SIGTERM (a plain `kill`, a CI job cancelled): stops the command as Ctrl+C does, and exits with 143."""


def _terminate(*_: object) -> None:
    raise Terminated


def cms(project: Project, today: date | Callable[[], date], port: int, booklets: bool = False) -> int:
    """The live preview with Decap CMS's forms at /admin/, saving through its local proxy into this folder.

    The proxy (npm's decap-server, started here and stopped with the preview) listens on 127.0.0.1 only and
    writes only inside the project; the forms find it there because the preview's /admin/config.yml says so.
    """
    import socket
    import subprocess

    from catalogue.cms import LOCAL_PROXY_PORT
    from catalogue.processes import die_with_parent

    server = project.root / "node_modules" / "decap-server" / "dist" / "index.js"
    node = shutil.which("node")
    if not server.is_file() or node is None:
        print("fejl: Decaps lokale server er ikke installeret; kør 'make cms', som installerer den og starter "
              "redigeringen", file=sys.stderr)
        return 1
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", LOCAL_PROXY_PORT)) == 0:
            print(f"fejl: port {LOCAL_PROXY_PORT} er optaget; kører redigeringen allerede i et andet vindue? Stop den "
                  "med Ctrl+C, og prøv igen", file=sys.stderr)
            return 1
    environment = {"PATH": os.environ.get("PATH", ""), "PORT": str(LOCAL_PROXY_PORT), "BIND_HOST": "127.0.0.1",
                   "MODE": "fs", "GIT_REPO_DIRECTORY": str(project.root), "LOG_LEVEL": "warn"}
    # Its working folder is its own, so that no .env file in the project can change how it runs.
    proxy = subprocess.Popen([node, str(server)], cwd=server.parent, env=environment, preexec_fn=die_with_parent)
    print(f"Redigering i browseren: http://127.0.0.1:{port}/admin/ (gemmer i {project.root})", file=sys.stderr)
    try:
        return serve(project, today, port, booklets)
    finally:
        proxy.terminate()
        try:
            proxy.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proxy.kill()


def new(project: Project, name: str, kind: str | None) -> int:
    from catalogue.scaffold import ScaffoldError, new_course, new_toolkit_page
    from catalogue.validation import load_department, load_taxonomy

    taxonomy, problems = load_taxonomy(project)
    department, more = load_department(project)
    if taxonomy is None or department is None:
        _report(problems + more)
        return 1
    today = reference_date(None)
    try:
        path = (new_toolkit_page(project, kind, name, taxonomy, today) if kind
                else new_course(project, name, taxonomy, department, today))
    except ScaffoldError as error:
        print(f"fejl: {error}", file=sys.stderr)
        return 1
    print(project.display(path))
    print(f"Filen er oprettet. Udfyld den, og kør '{CHECK_COMMAND}'.", file=sys.stderr)
    return 0


def schemas(project: Project) -> int:
    from catalogue.validation import load_department, load_taxonomy

    taxonomy, problems = load_taxonomy(project)
    department, more = load_department(project)
    if taxonomy is None or department is None:
        _report(problems + more)
        return 1
    from catalogue.cms import write_cms_config
    from catalogue.reference import write_reference

    for path in [*write_schemas(project, taxonomy), write_cms_config(project, taxonomy, department),
                 write_reference(project, taxonomy)]:
        print(project.display(path))
    return 0


def links(project: Project) -> int:
    from catalogue.links import check_links, outside_links

    catalogue, diagnostics = load_catalogue(project)
    if catalogue is None:
        _report(diagnostics)
        return 1
    broken = check_links(outside_links(catalogue))
    _report(broken)
    print(f"{len(broken)} links virker ikke." if broken else "Alle links virker.", file=sys.stderr)
    return 0


def fmt(project: Project, check_only: bool) -> int:
    """Course files and toolkit pages as Decap CMS wrote them, back in the contract's shape; no value changes.

    Standard output lists the files changed (or, with --tjek, that would be), one per line, for the pull request's
    job to commit; the files left as they were, and why, go to standard error. Exit 1 when a file would change
    (--tjek) or could not be checked or written."""
    from catalogue.formatting import format_project

    result = format_project(project, write=not check_only)
    for path in result.changed:
        print(project.display(path))
    sys.stdout.flush()  # the list before the problems, when both go to one terminal
    _report(result.problems, sys.stderr)
    count, left = len(result.changed), result.errors
    said = []
    if count:
        files = f"{number(count)} {'fil' if count == 1 else 'filer'}"
        said.append(f"{files} er ikke skrevet i kontraktens rækkefølge; kør 'make fmt'." if check_only
                    else f"{files} skrevet om.")
    if left:
        said.append(f"{number(left)} {'fil' if left == 1 else 'filer'} kunne ikke "
                    f"{'tjekkes' if check_only else 'sættes i kontraktens rækkefølge'}; se ovenfor.")
    if not said:
        said.append("Alle kursusfiler og sider er skrevet i kontraktens rækkefølge." if check_only
                    else "Alle kursusfiler og sider var allerede i kontraktens rækkefølge.")
    print(" ".join(said), file=sys.stderr)
    return 1 if left or (check_only and count) else 0


def diff(old: Path, new: Path) -> int:
    """The pages a change adds, changes or removes, as Markdown (for the pull request's job summary)."""
    from catalogue.sitediff import compare_sites, summary_markdown

    for folder in (old, new):
        if not (folder / "index.html").is_file():
            print(f"fejl: {folder} er ikke et bygget site (der er ingen index.html)", file=sys.stderr)
            return 1
    print(summary_markdown(compare_sites(old, new)))
    return 0


def spelling(project: Project, files: list[str]) -> int:
    """The words residents read that the Danish dictionary and config/ordliste.txt do not know, one a line on
    standard output, and a summary on standard error. Exit 0 whatever is found: spelling never blocks. Exit 2 when
    the dictionary is not installed."""
    from catalogue.spelling import DictionaryMissing, check_spelling

    named = None
    if files:  # as the editor or the pull request's job names them: relative to here, links not followed
        named = [Path(os.path.relpath(os.path.abspath(name), project.root)).as_posix() for name in files]
    try:
        report = check_spelling(project, named)
    except DictionaryMissing as missing:
        print(f"fejl: {missing}", file=sys.stderr)
        return 2
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for unknown in report.unknown:
        print(unknown)
    sys.stdout.flush()
    print(report.summary(), file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    # Ctrl+C stops a build or the preview even when started from a shell that ignores it (a background job
    # inherits SIGINT ignored, and Python then installs no handler). A plain `kill` stops it the same way (MkDocs
    # shuts the preview's server down on KeyboardInterrupt).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    except KeyboardInterrupt as stopped:  # a build removes its staging folder on the way out
        print("\nafbrudt: bygningen blev afbrudt; site/ er ikke ændret", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(stopped, Terminated) else signal.SIGINT)


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    project = Project(ROOT)
    if args.command == "dato":
        print(reference_date(None).isoformat())
        return 0
    today = getattr(args, "dato", None) or reference_date(None)
    # On a CI server (GitHub Actions sets CI=true) the build publishes: what would be a warning on an editor's
    # machine stops it there.
    ci = os.environ.get("CI", "").strip().lower() in ("true", "1")
    if args.command == "check":
        return check(project, today, ci)
    if args.command == "review":
        return review(project, today)
    if args.command == "evaluering":
        return evaluation(project, today, args.csv)
    if args.command in ("serve", "cms"):
        # A port another program holds is said before anything else, and nothing is built.
        taken = _port_taken(args.port, args.command)
        if taken:
            print(f"fejl: {taken}", file=sys.stderr)
            return 1
        # Said once, not again on every rebuild; the preview publishes nothing.
        _history_complete(project, ci=False)
        _review_note(len(review_report(project, today).due))
        # Without --dato, each rebuild takes today's date: a preview may run past midnight.
        return (serve if args.command == "serve" else cms)(project, args.dato or today_in_denmark, args.port,
                                                            args.katalog)
    if args.command == "new":
        return new(project, args.navn, args.kind)
    if args.command == "schemas":
        return schemas(project)
    if args.command == "links":
        return links(project)
    if args.command == "fmt":
        return fmt(project, args.tjek)
    if args.command == "diff":
        return diff(args.gammel, args.ny)
    if args.command == "stavning":
        return spelling(project, args.filer)
    return build(project, today, ci, args.tider)


if __name__ == "__main__":
    sys.exit(main())
