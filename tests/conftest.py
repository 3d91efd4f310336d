"""Shared fixtures: real project copies built with the real build.py."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from catalogue.project import copy_project as copy_project_parts  # noqa: E402

REFERENCE_DATE = "2027-01-15"  # the sample content is written around this date
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Debian's Chromium, kept off the network it has no business with (see the env notes on closed networks).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line]

    @property
    def errors(self) -> list[str]:
        """The lines that report an error (not a warning)."""
        return [line for line in self.lines if ": fejl: " in line]


def copy_project(target: Path, with_sample_courses: bool = True) -> Path:
    """A fresh copy of the project (code, templates, config, content), optionally without courses."""
    return copy_project_parts(REPO, target, with_courses=with_sample_courses)


def run_build(project: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """build.py of ``project`` with ``args`` (in ``env``: this environment by default)."""
    completed = subprocess.run([sys.executable, str(project / "build.py"), *args], cwd=project,
                               capture_output=True, text=True, timeout=300, env=env)
    return Result(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture(scope="session", autouse=True)
def as_on_an_editors_machine() -> Iterator[None]:
    """build.py runs in the tests as on an editor's machine, wherever the tests run: GitHub's runner sets CI and
    GITHUB_ACTIONS, which make build.py write annotations and stop at what is only a warning elsewhere. A test of
    that behaviour sets them for its own run (tests/test_published_as_tested.py runs some of these tests so)."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("CI", "GITHUB_ACTIONS"):
            patch.delenv(name, raising=False)
        yield


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with the sample courses."""
    return copy_project(tmp_path / "projekt")


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    """A copy of the project with no courses."""
    return copy_project(tmp_path / "projekt", with_sample_courses=False)


def built_sample(folder: Path, reference_date: str = REFERENCE_DATE) -> Path:
    """The sample content copied into ``folder`` and built with ``reference_date``: its site/."""
    root = copy_project(folder / "projekt")
    result = run_build(root, "build", "--dato", reference_date)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built once with the fixed reference date."""
    return built_sample(tmp_path_factory.mktemp("sample"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served on localhost, as its address."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(sample_site: Path) -> Iterator[str]:
    """The sample site served on localhost."""
    with served(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (Playwright's own browser download is not used)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run 'make test', which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
