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
from conftest import REFERENCE_DATE, REPO, copy_project

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
            checked = "Alt i orden" in stderr_file.read_text(encoding="utf-8")
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

