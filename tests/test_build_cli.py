"""The command line as editors and CI use it: exit codes, messages, and site/ left alone on failure."""

from __future__ import annotations

import fcntl
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, run_build


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_build_writes_site(project: Path) -> None:
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stderr
    assert result.lines and all(": advarsel: revideret: " in line for line in result.lines)  # only review notes
    assert "advarsel" not in result.stderr  # MkDocs found nothing to warn about (broken links, …)
    assert (project / "site" / "kurser" / "det-gode-bestyrelsesmoede" / "index.html").is_file()
    assert not list(project.glob(".site-*"))  # no staging folders left behind
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    assert not (project / "pagefind").exists()  # the search index is written into the site only
    # A small site's index is one part: the search page's list of other parts is empty.
    assert (project / "site" / "pagefind" / "dele.js").read_text() == "window.searchIndexParts = [];\n"
    assert not list((project / "site").glob("pagefind-*")) and not list(project.glob(".soeg-del-*"))


def test_failed_build_leaves_site_untouched(project: Path) -> None:
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    before = snapshot(project / "site")
    course = project / "courses" / "det-gode-bestyrelsesmoede.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("form: fysisk", "form: fysik"), encoding="utf-8")
    (project / "courses" / "ny.yml").write_text("titel: Nyt kursus\n", encoding="utf-8")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "courses/det-gode-bestyrelsesmoede.yml:15:7: fejl: form: 'fysik' findes ikke i taksonomiens former; " \
           "mente du 'fysisk'?" in result.lines
    assert "courses/ny.yml:1:1: fejl: emner: mangler; tilføj fx 'emner: [bestyrelsesarbejde]'" in result.lines
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-*"))


def test_engine_failure_leaves_site_untouched(project: Path) -> None:
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    before = snapshot(project / "site")
    template = project / "templates" / "pages" / "course.md.jinja"
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


def test_check_without_date_uses_today(project: Path) -> None:
    result = run_build(project, "check")
    assert result.returncode == 0
    assert result.errors == []
    assert "26 kurser og 26 sider i værktøjskassen tjekket" in result.stderr


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
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0
    assert f"content/om/index.md:{len(lines) + 2}:19: advarsel: linket 'skema.md' peger på en side, der ikke " \
           "findes (content/om/skema.md); ret stien" in result.stderr.splitlines()


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
