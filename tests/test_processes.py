"""Work shared out between processes (catalogue/processes.py): the same results, in order, as made in one; and a
build stopped however it is stopped leaves none of them running."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, REPO, Result, copy_project

from catalogue import site_folder
from catalogue.catalogue import PARALLEL_FROM, load_catalogue
from catalogue.pages import PageGenerator
from catalogue.processes import map_on_all_processors, processors
from catalogue.project import Project
from catalogue.site_build import PROCESSES_FROM

sys.path.insert(0, str(REPO / "bench"))
from content import write_content  # noqa: E402


def test_results_come_back_in_order_from_forked_processes_and_are_handed_over_in_order() -> None:
    parent = os.getpid()
    handed: list[int] = []
    results = map_on_all_processors(lambda n: (n * n, os.getpid()), list(range(250)), count=3,
                                    each=lambda result: handed.append(result[0]))
    assert [square for square, _ in results] == [n * n for n in range(250)] == handed
    made_by = {pid for _, pid in results}
    assert parent not in made_by and len(made_by) == 3  # three forked processes; this one gathers


def test_a_failure_in_a_forked_process_is_raised_here() -> None:
    def fail_on_seven(n: int) -> int:
        if n == 7:
            raise ValueError("syv")
        return n

    with pytest.raises(ValueError, match="syv"):  # as if it had happened here (the build says its text)
        map_on_all_processors(fail_on_seven, list(range(10)), count=2)


def test_one_process_makes_and_hands_over_each_in_turn() -> None:
    events: list[str] = []

    def make(n: int) -> int:
        events.append(f"make {n}")
        return n

    assert map_on_all_processors(make, [1, 2, 3], count=1, each=lambda n: events.append(f"hand {n}")) == [1, 2, 3]
    assert events == ["make 1", "hand 1", "make 2", "hand 2", "make 3", "hand 3"]


def test_the_site_made_on_several_processes_is_the_site_made_in_one() -> None:
    catalogue, diagnostics = load_catalogue(Project(REPO))
    assert catalogue is not None, diagnostics
    today = date.fromisoformat(REFERENCE_DATE)
    handed: list[list[str]] = [[], []]
    alone = PageGenerator(catalogue, today, "https://kurser.example.dk/").all_pages(
        each=lambda page: handed[0].append(page.src_uri))
    shared = PageGenerator(catalogue, today, "https://kurser.example.dk/", processes=True).all_pages(
        each=lambda page: handed[1].append(page.src_uri))
    assert len(alone) > 100 and shared == alone
    # Every page (not the calendars and the feed) handed over once, in the same order either way.
    assert handed[0] == handed[1] == [page.src_uri for page in alone if page.is_page]


# ----------------------------------------------------------------------------- a stopped build leaves nothing

# Enough courses that a build forks twice: the course files are read by forked processes (catalogue.py), and their
# pages made by others (processes.py).
LARGE = max(PARALLEL_FROM, PROCESSES_FROM)
STOPPED = "afbrudt: bygningen blev afbrudt; site/ er ikke ændret"


@pytest.fixture(scope="module")
def large_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("stor") / "projekt", with_sample_courses=False)
    write_content(root, LARGE)  # the benchmark's courses
    return root


@pytest.fixture
def large_project(large_catalogue: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(large_catalogue, tmp_path / "projekt"))


def _processes() -> dict[int, tuple[int, int, str, str]]:
    """Every process on the machine: its id → its parent's, its session's, its state and its name (from /proc)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # ended meanwhile
        name, fields = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        found[int(stat.parent.name)] = (int(fields[1]), int(fields[3]), fields[0], name)
    return found


def _running_in_session(session: int) -> list[str]:
    """The processes of the session still running (not the ended ones, zombies, that no parent has collected)."""
    return [f"{pid} {name} ({state})" for pid, (_, sid, state, name) in _processes().items()
            if sid == session and state not in "ZX"]


def _forked_from(parent: int) -> list[int]:
    """The processes ``parent`` forked itself (Python, as it is; not the search indexer, Pagefind)."""
    everything = _processes()
    name = everything.get(parent, (0, 0, "", "?"))[3]
    return [pid for pid, (ppid, _, _, their_name) in everything.items() if ppid == parent and their_name == name]


@pytest.mark.skipif(processors() < 2, reason="med én processor forker bygningen ingen processer")
@pytest.mark.parametrize("phase", ["reading", "pages"])
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_stopped_build_leaves_no_process_running(large_project: Path, tmp_path: Path, phase: str,
                                                   how: signal.Signals) -> None:
    site = large_project / "site"
    site.mkdir()
    (site / "index.html").write_text("den forrige bygning", encoding="utf-8")
    stderr_file = tmp_path / "stderr"
    with open(tmp_path / "stdout", "w") as stdout, open(stderr_file, "w") as stderr:
        # In a session of its own: whatever it starts stays in the session, whoever becomes its parent.
        build = subprocess.Popen([sys.executable, str(large_project / "build.py"), "build", "--dato", REFERENCE_DATE],
                                 cwd=large_project, stdout=stdout, stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:  # until it has forked, while reading the course files or while making their pages
            assert build.poll() is None and time.monotonic() < deadline, stderr_file.read_text()[-2000:]
            checked = "værktøjskassen tjekket." in stderr_file.read_text(encoding="utf-8")
            if (len(_forked_from(build.pid)) >= 2 and checked == (phase == "pages")
                    and (phase == "reading" or any(large_project.glob(".site-new-*/*")))):
                break
            time.sleep(0.01)
        build.send_signal(how)
        build.wait(timeout=60)
        deadline = time.monotonic() + 10
        while (left := _running_in_session(build.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)  # what a failed test found, not left to the machine
        build.wait()
    if how == signal.SIGTERM:  # as Ctrl+C: the staging folder removed, site/ as it was
        errors = stderr_file.read_text(encoding="utf-8")
        assert build.returncode == 143
        assert errors.splitlines()[-1] == STOPPED and "Traceback" not in errors
        assert not list(large_project.glob(".site-new-*")) and not list(large_project.glob(".site-old-*"))
        assert [p.name for p in site.iterdir()] == ["index.html"]
        assert (site / "index.html").read_text(encoding="utf-8") == "den forrige bygning"
    else:
        assert build.returncode == -signal.SIGKILL


# ----------------------------------------------------------------------------- a folder the build cannot write

# Root (as in a container) writes anywhere, whatever a folder's permissions say: as root, build.py runs without the
# capabilities that let it, and the permissions bind it as they bind an editor.
AS_AN_EDITOR = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"] if os.geteuid() == 0 else []


def _as_an_editor(project: Path, *args: str) -> Result:
    if AS_AN_EDITOR and shutil.which(AS_AN_EDITOR[0]) is None:
        pytest.skip("som root kræver prøven setpriv (util-linux), så rettighederne gælder for bygningen")
    completed = subprocess.run([*AS_AN_EDITOR, sys.executable, str(project / "build.py"), *args], cwd=project,
                               capture_output=True, text=True, timeout=300)
    return Result(completed.returncode, completed.stdout, completed.stderr)


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in [*project.glob(".site-new-*"), *project.glob(".site-old-*")])


def test_a_read_only_project_root_is_a_danish_error_and_check_still_works(project: Path) -> None:
    project.chmod(0o555)
    try:
        built = _as_an_editor(project, "build", "--dato", REFERENCE_DATE)
        checked = _as_an_editor(project, "check", "--dato", REFERENCE_DATE)
    finally:
        project.chmod(0o755)
    assert (built.returncode, built.stderr.splitlines()) == (1, [
        f"fejl: der kan ikke skrives i projektmappen {project}: bygningen skriver det nye site i en mappe ved siden "
        f"af site/ og bytter dem, når det er færdigt. Giv dig selv skriveadgang til mappen (chmod u+w '{project}'), "
        "eller byg i en kopi af projektet, som du kan skrive i; site/ er ikke ændret"])
    assert checked.returncode == 0, checked.stderr
    assert _leftovers(project) == [] and not (project / "site").exists()


CANNOT_REMOVE = ("fejl: der kan ikke skrives i mappen {}, så den gamle udgave af sitet kan ikke fjernes, når den nye "
                 "er bygget. Giv dig selv skriveadgang til site/ og alt i den (chmod -R u+w site), eller slet site/ "
                 "(er den lavet af en anden bruger, fx med sudo: sudo rm -r site), og byg igen; site/ er ikke ændret")


@pytest.mark.parametrize("folder", ["site", "site/kurser"])
def test_a_read_only_site_is_a_danish_error_and_leaves_nothing_behind(project: Path, folder: str) -> None:
    site = project / "site"
    (site / "kurser" / "et-kursus").mkdir(parents=True)
    (site / "index.html").write_text("den forrige bygning", encoding="utf-8")
    (site / "kurser" / "et-kursus" / "index.html").write_text("et kursus", encoding="utf-8")
    (project / folder).chmod(0o555)
    try:
        result = _as_an_editor(project, "build", "--dato", REFERENCE_DATE)
    finally:
        (project / folder).chmod(0o755)
    assert (result.returncode, result.stderr.splitlines()) == (1, [CANNOT_REMOVE.format(folder)])
    assert {p.relative_to(site).as_posix() for p in site.rglob("*")} == {
        "index.html", "kurser", "kurser/et-kursus", "kurser/et-kursus/index.html"}
    assert (site / "index.html").read_text(encoding="utf-8") == "den forrige bygning"
    assert _leftovers(project) == []


def test_a_stopped_builds_folder_that_cannot_be_removed_is_a_danish_error(project: Path) -> None:
    leftover = project / ".site-old-99999" / "kurser"
    leftover.mkdir(parents=True)
    (leftover / "index.html").write_text("gammel", encoding="utf-8")
    leftover.chmod(0o555)
    try:
        result = _as_an_editor(project, "build", "--dato", REFERENCE_DATE)
    finally:
        leftover.chmod(0o755)
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        f"fejl: mappen .site-old-99999 fra en tidligere bygning kan ikke fjernes ({leftover}/index.html: ingen "
        "adgang). Giv dig selv skriveadgang til den (chmod -R u+w '.site-old-99999'), eller slet den, og byg igen; "
        "site/ er ikke ændret"])
    assert not (project / "site").exists()


def test_site_as_a_file_is_a_danish_error(project: Path) -> None:
    (project / "site").write_text("ikke en mappe", encoding="utf-8")
    result = _as_an_editor(project, "build", "--dato", REFERENCE_DATE)
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        f"fejl: site i {project} er en fil, ikke en mappe; bygningen skriver sitet i en mappe med det navn. Flyt "
        "eller slet den, og byg igen; intet er ændret"])
    assert (project / "site").read_text(encoding="utf-8") == "ikke en mappe" and _leftovers(project) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["in one step", "moved aside"])
def test_the_swap_leaves_the_new_site_and_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       exchange: bool) -> None:
    if not exchange:  # as where the system cannot exchange two folders (macOS)
        monkeypatch.setattr(site_folder, "_RENAMEAT2", None)
    elif site_folder._RENAMEAT2 is None:
        pytest.skip("systemet kan ikke bytte to mapper i ét skridt")
    for name, text in (("site", "gammel"), (".site-new-1", "ny")):
        (tmp_path / name / "kurser").mkdir(parents=True)
        (tmp_path / name / "kurser" / "index.html").write_text(text, encoding="utf-8")
    assert site_folder.swap_in(tmp_path / ".site-new-1", tmp_path / "site") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (tmp_path / "site" / "kurser" / "index.html").read_text(encoding="utf-8") == "ny"
