"""The command line as editors and CI use it: exit codes, messages, and site/ left alone on failure."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, REPO, run_build

COURSE_FILES = len(list((REPO / "courses").glob("*.yml")))  # the sample's courses, as check counts them


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_build_writes_site(project: Path) -> None:
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stderr
    assert result.lines == []  # nothing to fix; the pages due for review are one line, not one per page
    assert "9 sider i værktøjskassen skal gennemgås; se 'make review'" in result.stderr.splitlines()
    assert "revideret" not in result.stderr
    assert re.search(r"^Sitet er bygget i site/ med \d+ sider på \d+,\d s \(dato 2027-01-15\)\.$", result.stderr,
                     re.MULTILINE)  # a decimal comma
    assert "advarsel" not in result.stderr  # MkDocs found nothing to warn about (broken links, …)
    assert (project / "site" / "kurser" / "det-gode-bestyrelsesmoede" / "index.html").is_file()
    assert not list(project.glob(".site-*"))  # no staging folders left behind
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    assert not (project / "pagefind").exists()  # the search index is written into the site only
    # A small site's index is one part: the search page's list of other parts is empty.
    assert (project / "site" / "pagefind" / "dele.js").read_text() == "window.searchIndexParts = [];\n"
    assert not list((project / "site").glob("pagefind-*")) and not list((project / "site").glob(".*"))


def test_failed_build_leaves_site_untouched(project: Path) -> None:
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    before = snapshot(project / "site")
    course = project / "courses" / "det-gode-bestyrelsesmoede.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("form: fysisk", "form: fysik"), encoding="utf-8")
    (project / "courses" / "ny.yml").write_text("titel: Nyt kursus\n", encoding="utf-8")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "courses/det-gode-bestyrelsesmoede.yml:15:7: fejl: form: 'fysik' er ikke en af formerne i " \
           "config/taxonomy.yml; " \
           "mente du 'fysisk'?" in result.lines
    assert "courses/ny.yml:1:1: fejl: emner: mangler; tilføj fx 'emner: [bestyrelsesarbejde]'" in result.lines
    # a key missing: the page with every key is named once, after the count
    assert result.stderr.splitlines()[-1] == ("Alle nøglerne, og hvad de må indeholde, står i content/om/formatet.md "
                                              "(på hjemmesiden: /om/formatet/).")
    assert (project / "content" / "om" / "formatet.md").is_file()
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-*"))


def test_engine_failure_leaves_site_untouched(project: Path) -> None:
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    before = snapshot(project / "site")
    template = project / "templates" / "pages" / "course.html.jinja"
    template.write_text(template.read_text(encoding="utf-8") + "{{ no_such_variable }}\n", encoding="utf-8")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 1
    assert "fejl: sitet blev ikke bygget" in result.stderr
    assert "site/ er ikke ændret" in result.stderr
    assert snapshot(project / "site") == before


def test_reference_date_decides_what_is_offered(project: Path) -> None:
    page = project / "site" / "kurser" / "introduktion-til-bestyrelsesarbejdet" / "index.html"
    assert run_build(project, "build", "--dato", "2026-10-01").returncode == 0
    assert "9. oktober 2026 kl. 16.00" in page.read_text(encoding="utf-8")
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    assert "9. oktober 2026 kl. 16.00" not in page.read_text(encoding="utf-8")


def test_an_editors_error_is_not_buried_under_pages_due_for_review(project: Path) -> None:
    course = project / "courses" / "det-gode-bestyrelsesmoede.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("form: fysisk", "form: fysik"), encoding="utf-8")
    for command in ("check", "build"):
        result = run_build(project, command, "--dato", REFERENCE_DATE)
        assert result.returncode == 1
        assert result.lines == ["courses/det-gode-bestyrelsesmoede.yml:15:7: fejl: form: 'fysik' er ikke en af "
                                "formerne i config/taxonomy.yml; mente du 'fysisk'?"]
        assert result.stderr.splitlines() == ["1 fejl i 1 fil. Ret fejlene og prøv igen."]


def test_pages_due_for_review_are_one_line_and_one_notice_on_github(project: Path) -> None:
    on_github = subprocess.run([sys.executable, "build.py", "check", "--dato", REFERENCE_DATE], cwd=project,
                               capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert on_github.returncode == 0
    # GitHub shows at most 10 warnings of a step: one per old page would push a pull request's own aside.
    assert on_github.stdout.splitlines() == [
        "::notice title=Værktøjskassen::9 sider i værktøjskassen skal gennemgås; se 'make review'"]
    assert on_github.stderr.splitlines() == ["9 sider i værktøjskassen skal gennemgås; se 'make review'",
                                             f"Alt i orden: {COURSE_FILES} kurser, 3 forløb, 6 evalueringsfiler og 26 "
                                             "sider i værktøjskassen tjekket."]


def test_review_lists_title_age_and_path_oldest_first_count_first(project: Path) -> None:
    result = run_build(project, "review", "--dato", REFERENCE_DATE)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[:8] == [
        "9 sider i værktøjskassen er ikke gennemgået i 12 måneder, ældste først:",
        "",
        "  Det gode bestyrelsesmøde på 5 minutter",
        "  sidst gennemgået 2024-06-12, for 2 år og 7 måneder siden",
        "  content/vaerktoejskasse/videoer/det-gode-bestyrelsesmoede-paa-5-minutter.md:7",
        "",
        "  Hvem bestemmer hvad?",
        "  sidst gennemgået 2024-09-18, for 2 år og 3 måneder siden",
    ]
    assert "  sidst gennemgået 2025-01-14, for 2 år siden" in lines
    assert lines[-4:] == ["  sidst gennemgået 2025-12-10, for 1 år og 1 måned siden",
                          "  content/vaerktoejskasse/skabeloner/referat-bestyrelsesmoede.md:7", "",
                          "Læs hver side igennem, ret det, der er forældet, og skriv dagens dato i 'revideret'."]
    assert sum(line.startswith("  sidst gennemgået ") for line in lines) == 9
    assert result.stderr == ""


def test_check_without_date_uses_today(project: Path) -> None:
    result = run_build(project, "check")
    assert result.returncode == 0
    assert result.errors == []
    assert f"{COURSE_FILES} kurser, 3 forløb, 6 evalueringsfiler og 26 sider i værktøjskassen tjekket" in result.stderr


@pytest.mark.parametrize(("given", "message"), [
    ("15-01-2027", "fejl: --dato: '15-01-2027' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2027-01-15"),
    ("0001-01-15", "fejl: --dato: '0001-01-15' ligger ikke mellem 2000 og 2099; skriv en dato i de år"),
])
def test_bad_date_argument_is_danish(project: Path, given: str, message: str) -> None:
    result = run_build(project, "check", "--dato", given)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["brug: build.py check [-h] [--dato ÅÅÅÅ-MM-DD]", message]


def test_broken_link_in_a_page_is_a_danish_warning_at_its_line(project: Path) -> None:
    about = project / "content" / "om" / "index.md"
    lines = about.read_text(encoding="utf-8").splitlines()
    about.write_text("\n".join(lines + ["", "Se også [skemaet](skema.md)."]) + "\n", encoding="utf-8")
    warning = (f"content/om/index.md:{len(lines) + 2}:19: advarsel: 'skema.md' peger på content/om/skema.md, som "
               "ikke findes; ret stien")
    assert warning in run_build(project, "check", "--dato", REFERENCE_DATE).lines
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0
    assert result.lines.count(warning) == 1  # from the check; MkDocs' own is only information
    assert "Doc file" not in result.stdout + result.stderr


def test_a_killed_builds_staging_folders_are_removed(project: Path) -> None:
    for name in (".site-new-99999", ".site-old-99999"):
        (project / name).mkdir()
        (project / name / "index.html").write_text("gammel", encoding="utf-8")
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    assert list(project.glob(".site-*")) == []
    assert (project / "site" / "index.html").read_text(encoding="utf-8") != "gammel"


def test_ctrl_c_leaves_site_as_it_was_and_no_staging(project: Path) -> None:
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    before = snapshot(project / "site")
    process = subprocess.Popen([sys.executable, str(project / "build.py"), "build", "--dato", REFERENCE_DATE],
                               cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(project.glob(".site-new-*/*")) and time.monotonic() < deadline:
        time.sleep(0.02)  # until MkDocs has started writing the new site
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.splitlines()[-1] == "afbrudt: bygningen blev afbrudt; site/ er ikke ændret"
    assert "Traceback" not in stderr
    assert not list(project.glob(".site-new-*")) and not list(project.glob(".site-old-*"))
    assert snapshot(project / "site") == before


def test_a_second_build_waits_for_the_first(project: Path) -> None:
    with open(project / ".site.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build is running
        process = subprocess.Popen([sys.executable, str(project / "build.py"), "build", "--dato", REFERENCE_DATE],
                                   cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2)
        assert process.poll() is None and not (project / "site").exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0
    assert stderr.splitlines()[0] == "En anden bygning af sitet kører i denne mappe; venter, til den er færdig …"
    assert (project / "site" / "index.html").is_file()


# ----------------------------------------------------------------------------- the command line in Danish

# What argparse writes in English of its own; none of it may reach an editor.
ENGLISH = ["usage:", "positional arguments", "options", "show this help message and exit",
           "the following arguments are required", "invalid choice", "unrecognized arguments",
           "expected one argument", "invalid int value", "error:", "choose from", "argument "]
HELP = """\
brug: build.py [-h] kommando ...

Tjek og byg kursussitet.

tilvalg:
  -h, --help  vis denne hjælp

kommandoer:
  kommando
    check     tjek alle kursusfiler og sider uden at bygge noget
    build     tjek, og byg derefter sitet i site/
    serve     vis sitet på din egen computer, og byg igen, hver gang en fil
              ændres
    cms       rediger i browseren på din egen computer: formularerne på
              /admin/ gemmer i denne mappe
    new       opret et nyt kursus eller en ny side i værktøjskassen
    review    vis de sider i værktøjskassen, der skal gennemgås, ældste først
    evaluering
              vis evalueringerne for hvert kursus over de sidste tre år: hold,
              svar, svarprocent, gennemsnit og udvikling
    schemas   skriv JSON-skemaerne i schemas/, cms/config.yml og siden med
              alle nøgler (content/om/formatet.md) forfra ud fra modellerne og
              config/taxonomy.yml
    links     tjek links til andre sites: tilmelding, værktøjskassen og
              videoer
    fmt       skriv kursusfilerne og siderne i værktøjskassen med nøglerne i
              kontraktens rækkefølge uden at ændre en værdi
    diff      sammenlign to byggede sites: de sider, en ændring tilføjer,
              ændrer eller fjerner
    dato      skriv den dato, en bygning uden --dato bruger: dagens dato i
              Danmark
    stavning  vis de ord i titler, introer og tekster, som den danske ordbog
              ikke kender, med forslag; stopper aldrig noget
"""
NEW_USAGE = "brug: build.py new [-h] [--type {skabelon,vejledning,video,link}] navn\n"
SERVE_USAGE = "brug: build.py serve [-h] [--dato ÅÅÅÅ-MM-DD] [--port PORT] [--katalog]\n"
CHECK_USAGE = "brug: build.py check [-h] [--dato ÅÅÅÅ-MM-DD]\n"


def run_cli(*args: str) -> tuple[int, str, str]:
    """build.py of the repository itself: a wrong command line stops before any file is read."""
    completed = subprocess.run([sys.executable, "build.py", *args], cwd=REPO, capture_output=True, text=True,
                               env={**os.environ, "COLUMNS": "80"}, timeout=60)  # argparse wraps at the terminal
    return completed.returncode, completed.stdout, completed.stderr


@pytest.mark.parametrize(("args", "code", "stdout", "stderr"), [
    (["--help"], 0, HELP, ""),
    (["-h"], 0, HELP, ""),
    (["check", "--help"], 0, CHECK_USAGE + """
tjek alle kursusfiler og sider uden at bygge noget

tilvalg:
  -h, --help         vis denne hjælp
  --dato ÅÅÅÅ-MM-DD  byg, som om det var denne dato (standard: i dag i
                     Danmark)
""", ""),
    (["new", "-h"], 0, NEW_USAGE + """
opret et nyt kursus eller en ny side i værktøjskassen

argumenter:
  navn                  kursets navn (fx det-gode-bestyrelsesmoede) eller
                        sidens sti (fx skabeloner/referat)

tilvalg:
  -h, --help            vis denne hjælp
  --type {skabelon,vejledning,video,link}
                        opret en side i værktøjskassen af denne type i stedet
                        for et kursus
""", ""),
    (["stavning", "-h"], 0, """brug: build.py stavning [-h] [fil ...]

vis de ord i titler, introer og tekster, som den danske ordbog ikke kender,
med forslag; stopper aldrig noget

argumenter:
  fil         tjek kun disse filer (standard: alle kurser, forløb og sider i
              værktøjskassen)

tilvalg:
  -h, --help  vis denne hjælp
""", ""),
    ([], 2, "", HELP + "fejl: kommando mangler\n"),
    (["chek"], 2, "", HELP + "fejl: kommando: 'chek' findes ikke; mente du 'check'?\n"),
    (["new"], 2, "", NEW_USAGE + "fejl: navn mangler\n"),
    (["new", "--type", "foo", "x"], 2, "", NEW_USAGE + "fejl: --type: 'foo' findes ikke; skriv en af: 'skabelon', "
                                                      "'vejledning', 'video', 'link'\n"),
    (["check", "--foo"], 2, "", CHECK_USAGE + "fejl: ukendt argument: --foo\n"),
    (["--foo", "check", "--bar"], 2, "", CHECK_USAGE + "fejl: ukendte argumenter: --foo --bar\n"),
    (["check", "--dat", "2027-01-15"], 2, "", CHECK_USAGE + "fejl: ukendte argumenter: --dat 2027-01-15\n"),
    (["check", "--dato"], 2, "", CHECK_USAGE + "fejl: --dato: mangler en værdi\n"),
    (["serve", "--port"], 2, "", SERVE_USAGE + "fejl: --port: mangler en værdi\n"),
    (["serve", "--port", "abc"], 2, "", SERVE_USAGE + "fejl: --port: 'abc' er ikke et portnummer; skriv et helt tal "
                                                     "mellem 1 og 65535, fx 8000\n"),
    (["serve", "--port", "99999"], 2, "", SERVE_USAGE + "fejl: --port: '99999' er ikke et portnummer; skriv et helt "
                                                       "tal mellem 1 og 65535, fx 8000\n"),
], ids=lambda value: " ".join(value) if isinstance(value, list) else None)
def test_the_command_line_speaks_danish(args: list[str], code: int, stdout: str, stderr: str) -> None:
    assert run_cli(*args) == (code, stdout, stderr)
    for word in ENGLISH:
        assert word not in stdout + stderr, word


@pytest.mark.parametrize(("english", "danish"), [
    ("argument --x: expected at most one argument", "--x: må højst have én værdi"),
    ("argument --x: expected at least one argument", "--x: skal have mindst én værdi"),
    ("ambiguous option: --d could match --dato, --dage", "--d kan betyde flere ting: --dato, --dage"),
    ("the following arguments are required: navn, type", "navn og type mangler"),
    ("argument --n: invalid int value: 'x'", "--n: 'x' er ikke en gyldig værdi"),
    ("argument kommando: invalid choice: 'bild', maybe you meant 'build'? (choose from check, build)",
     "kommando: 'bild' findes ikke; mente du 'build'?"),
    ("'15-01-2027' er ikke en dato", "'15-01-2027' er ikke en dato"),  # this program's own stays as written
])
def test_argparse_messages_of_any_python_in_danish(english: str, danish: str) -> None:
    from catalogue.arguments import danish as in_danish

    assert in_danish(english) == danish


def test_without_its_packages_build_py_says_in_danish_what_to_run() -> None:
    # -S: no site-packages, so the venv's packages are not there; -I: nor PYTHONPATH or the user's packages.
    completed = subprocess.run([sys.executable, "-I", "-S", "build.py", "check"], cwd=REPO, capture_output=True,
                               text=True, timeout=60)
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert re.fullmatch(r"fejl: Python-pakken '\w+' er ikke installeret for denne Python\. Kør 'make check' \(eller "
                        r"'make site'\): det installerer pakkerne i \.venv/ og tjekker filerne\. Derefter virker også "
                        r"'\.venv/bin/python build\.py …'\.\n", completed.stderr), completed.stderr


def test_build_with_tider_ends_with_the_time_of_each_phase(project: Path) -> None:
    result = run_build(project, "build", "--dato", REFERENCE_DATE, "--tider")
    assert result.returncode == 0, result.stderr
    last = result.stderr.splitlines()[-1]
    assert re.fullmatch(r"Tider: tjek \d+,\d s, indlæsning \d+,\d s, sider \d+,\d s, markdown \d+,\d s, "
                        r"filer \d+,\d s, tema og skrivning \d+,\d s, søgeindeks \d+,\d s", last), last


@pytest.mark.parametrize("command", ["serve", "cms"])
def test_a_taken_port_is_one_danish_line_before_anything_else(command: str) -> None:
    """Issue 30: before, the preview built the site, said "Forhåndsvisningen kører på …" and then "[Errno 98]
    Address already in use". Now one line says the port is taken and how to choose another, and nothing is built."""
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        code, stdout, stderr = run_cli(command, "--port", str(port), "--dato", REFERENCE_DATE)
    assert (code, stdout) == (1, "")
    assert stderr == (f"fejl: port {port} er optaget af et andet program (kører forhåndsvisningen allerede i et "
                      f"andet vindue?); stop det, eller vælg en anden port, fx 'make {command} PORT={port + 1}'\n")


def test_make_passes_the_port_to_the_preview() -> None:
    """`make serve PORT=N` and `make cms PORT=N` give the preview that port (read from make's dry run)."""
    for command in ("serve", "cms"):
        dry = subprocess.run(["make", "-n", command, "PORT=8123"], cwd=REPO, capture_output=True, text=True)
        assert f"build.py {command} --port '8123'" in dry.stdout, dry.stdout
        plain = subprocess.run(["make", "-n", command], cwd=REPO, capture_output=True, text=True)
        assert "--port" not in plain.stdout, plain.stdout
