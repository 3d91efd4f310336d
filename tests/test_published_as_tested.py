"""The site GitHub publishes is the site the tests build (issue 27).

The Publish workflow builds its own checkout on GitHub's machine, at night, without --dato; the tests build copies
of the project on the tests' reference date. Each way the two could differ has a test here: the git history the
build reads, the date it goes by, the environment it runs in, the Python and packages, and what GitHub Pages
takes of the built folder.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import REFERENCE_DATE, REPO, run_build
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from site_manifest import MANIFEST, build_sample, manifest, read_manifest
from test_way_back import commit_in_turn, marked_new

from catalogue.fields import COPENHAGEN
from catalogue.offer import today_in_denmark
from catalogue.project import Project
from catalogue.sources import Committed, git_history
from catalogue.validation import CheckContext

WORKFLOWS = REPO / ".github" / "workflows"
# The commands whose result depends on when files were committed: the site ("Nyt kursus", the feed's dates) and
# the check (a session that ended long before its file was written).
NEEDS_HISTORY = re.compile(r"\bmake\s+(site|check)\b|\bbuild\.py\s+(build|check)\b")
SHALLOW = (
    "denne kopi af projektet har kun de nyeste commits (en 'shallow clone'), så det kan ikke ses, hvornår filerne "
    "i courses/ og content/ først blev gemt og sidst blev ændret: intet kursus bliver markeret 'Nyt kursus', feedet "
    "viser kurserne som ændret ved de nyeste commits, og tjekket kan ikke advare om hold, der sluttede længe før "
    "filen blev skrevet. Hent hele historikken med 'git fetch --unshallow' (i GitHub Actions: 'fetch-depth: 0' "
    "under 'with:' ved actions/checkout), og prøv igen")


def workflows() -> dict[str, dict]:
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(WORKFLOWS.glob("*.yml"))}


def runs(job: dict) -> str:
    return "\n".join(step.get("run") or "" for step in job.get("steps") or [])


def jobs_without_history(workflow: dict) -> list[str]:
    """The jobs of a workflow that build or check the site from a checkout without the whole history."""
    found = []
    for name, job in workflow["jobs"].items():
        if not NEEDS_HISTORY.search(runs(job)):
            continue
        checkouts = [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout@")]
        if not checkouts or any(str((step.get("with") or {}).get("fetch-depth", 1)) != "0" for step in checkouts):
            found.append(name)
    return found


# ----------------------------------------------------------------------------- git's history


def test_every_job_that_builds_the_site_checks_out_the_whole_history() -> None:
    found = workflows()
    builders = {(name, job_name) for name, workflow in found.items() for job_name, job in workflow["jobs"].items()
                if NEEDS_HISTORY.search(runs(job))}
    assert {("publish.yml", "build"), ("test.yml", "test")} <= builders
    assert {name: jobs_without_history(workflow) for name, workflow in found.items()} == {
        name: [] for name in found}


def test_a_shallow_checkout_is_found() -> None:
    """actions/checkout fetches one commit unless told otherwise."""
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    whole = "        with:\n          fetch-depth: 0"
    assert text.count(whole) == 1
    for checkout in ("", "        with:\n          fetch-depth: 1", "        with:\n          fetch-depth: 50"):
        assert jobs_without_history(yaml.safe_load(text.replace(whole, checkout))) == ["build"]
    assert jobs_without_history(yaml.safe_load(text.replace("fetch-depth: 0", "fetch-depth: '0'"))) == []
    diff_only = text.replace(whole, "").replace("run: make site", "run: .venv/bin/python build.py build --dato x")
    assert jobs_without_history(yaml.safe_load(diff_only)) == ["build"]
    link_check = text.replace(whole, "").replace("run: make site", "run: .venv/bin/python build.py links")
    assert jobs_without_history(yaml.safe_load(link_check)) == []  # needs no history


def environment(**changes: str) -> dict[str, str]:
    """The tests' environment, as on an editor's machine (conftest.as_on_an_editors_machine), with ``changes``."""
    return {**os.environ, **changes}


@pytest.fixture
def repository(project: Path) -> Path:
    """The sample catalogue committed on 26 November 2026 without two courses; one added on 30 November and one
    on 1 December."""
    commit_in_turn(project, "2026-11-26T09:00:00+01:00", {"budgetopfoelgning": "2026-11-30T10:00:00+01:00",
                                                          "de-nye-naboer": "2026-12-01T10:00:00+01:00"})
    return project


def clone(repository: Path, target: Path, depth: int | None = None) -> Path:
    """A clone of ``repository``, whole or of the ``depth`` newest commits (a local clone takes --depth only from
    an address)."""
    source = [f"--depth={depth}", repository.as_uri()] if depth else [str(repository)]
    subprocess.run(["git", "clone", "-q", *source, str(target)], check=True, capture_output=True)
    return target


def feed_dates(site: Path) -> dict[str, str]:
    """Each course's <updated> in the feed, by its address."""
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ElementTree.parse(site / "feed.xml").getroot().iter(f"{atom}entry")
    return {link: entry.findtext(f"{atom}updated") for entry in entries
            if "/kurser/" in (link := entry.find(f"{atom}link").get("href"))}


def test_a_whole_clone_builds_what_the_history_tells(repository: Path, tmp_path: Path) -> None:
    whole = clone(repository, tmp_path / "hel")
    result = run_build(whole, "build", "--dato", REFERENCE_DATE, env=environment(CI="true"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "shallow" not in result.stderr
    assert marked_new(whole / "site") == {"budgetopfoelgning", "de-nye-naboer"}
    dates = feed_dates(whole / "site")
    assert dates.pop("https://kurser.example.dk/kurser/de-nye-naboer/") == "2026-12-01T10:00:00+01:00"
    assert dates.pop("https://kurser.example.dk/kurser/budgetopfoelgning/") == "2026-11-30T10:00:00+01:00"
    assert set(dates.values()) == {"2026-11-26T09:00:00+01:00"}


def test_a_shallow_clone_is_a_warning_on_a_machine_and_an_error_on_ci(repository: Path, tmp_path: Path) -> None:
    shallow = clone(repository, tmp_path / "overfladisk", depth=1)
    result = run_build(shallow, "build", "--dato", REFERENCE_DATE, env=environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.splitlines().count(f"advarsel: {SHALLOW}") == 1
    # What it says it cannot tell: no course is new, and every course is dated by the one commit the clone has.
    site = shallow / "site"
    assert marked_new(site) == set()
    assert set(feed_dates(site).values()) == {"2026-12-01T10:00:00+01:00"}
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}

    on_github = environment(CI="true", GITHUB_ACTIONS="true")
    result = run_build(shallow, "build", "--dato", REFERENCE_DATE, env=on_github)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-2:] == [f"fejl: {SHALLOW}", "fejl: sitet blev ikke bygget; site/ er ikke ændret"]
    assert f"::error title=Git-historikken mangler::{SHALLOW}" in result.lines  # on the workflow's run
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert list(shallow.glob(".site-*")) == []  # no staging folder left behind

    result = run_build(shallow, "check", "--dato", REFERENCE_DATE, env=environment(CI="true"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"fejl: {SHALLOW}"


def test_what_a_shallow_clone_has_not_got_is_not_made_up(repository: Path, tmp_path: Path) -> None:
    """Of two commits, the older hides its parent: when its files were first committed is not known."""
    def at(moment: str) -> datetime:
        return datetime.fromisoformat(moment)

    whole = git_history(clone(repository, tmp_path / "hel"))
    two = clone(repository, tmp_path / "to", depth=2)
    shallow = git_history(two)
    assert whole is not None and shallow is not None and whole.keys() == shallow.keys()
    assert whole["courses/groen-ambassadoer.yml"] == Committed(at("2026-11-26T09:00:00+01:00"),
                                                               at("2026-11-26T09:00:00+01:00"), imported=True)
    assert whole["courses/budgetopfoelgning.yml"] == Committed(at("2026-11-30T10:00:00+01:00"),
                                                               at("2026-11-30T10:00:00+01:00"))
    assert shallow["courses/de-nye-naboer.yml"] == whole["courses/de-nye-naboer.yml"]  # in a commit it has whole
    assert shallow["courses/budgetopfoelgning.yml"] == Committed(None, at("2026-11-30T10:00:00+01:00"))
    assert shallow["courses/groen-ambassadoer.yml"] == Committed(None, at("2026-11-30T10:00:00+01:00"))
    # The check's warning about a session over long before its file was written is not given on a guess.
    context = CheckContext.of(Project(two), None, date(2027, 1, 15))
    assert context.for_file(two / "courses" / "groen-ambassadoer.yml").written is None
    assert context.for_file(two / "courses" / "de-nye-naboer.yml").written == date(2026, 12, 1)
    assert context.for_file(two / "courses" / "ikke-gemt.yml").written == date(2027, 1, 15)


# ----------------------------------------------------------------------------- the date


@pytest.mark.parametrize(("moment", "day"), [
    ("2027-01-15T22:59:59+00:00", "2027-01-15"),  # 23:59:59 in winter
    ("2027-01-15T23:00:00+00:00", "2027-01-16"),  # midnight in winter
    ("2027-07-15T21:59:59+00:00", "2027-07-15"),  # 23:59:59 in summer
    ("2027-07-15T22:00:00+00:00", "2027-07-16"),  # midnight in summer
    ("2027-03-28T00:59:59+00:00", "2027-03-28"),  # 01:59:59, the night summer time begins
    ("2027-10-30T22:00:00+00:00", "2027-10-31"),  # midnight, the night it ends
    ("2027-10-31T01:30:00+00:00", "2027-10-31"),  # 02:30 for the second time
    ("2027-01-16T08:00:00+14:00", "2027-01-15"),  # the same moment elsewhere
])
def test_the_build_goes_by_the_date_in_denmark(moment: str, day: str) -> None:
    assert today_in_denmark(datetime.fromisoformat(moment)) == date.fromisoformat(day)


def test_the_nightly_build_runs_after_midnight_in_denmark_all_year() -> None:
    """Sessions that ended yesterday are gone by the morning, in winter and in summer time."""
    schedules = workflows()["publish.yml"][True]["schedule"]  # PyYAML reads the key 'on' as true
    assert schedules
    for schedule in schedules:
        minute, hour, *every_day = schedule["cron"].split()
        assert every_day == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()
        assert int(minute) != 0, "GitHub starts runs scheduled on the hour late, or drops them"
        day = date(2026, 1, 1)
        while day < date(2028, 1, 1):
            run = datetime(day.year, day.month, day.day, int(hour), int(minute), tzinfo=timezone.utc)
            in_denmark = run.astimezone(COPENHAGEN)
            assert 0 <= in_denmark.hour < 5, f"{schedule['cron']} is {in_denmark:%H:%M} in Denmark on {day}"
            assert today_in_denmark(run) == in_denmark.date()
            day += timedelta(days=1)


def test_a_build_without_a_date_goes_by_today_in_denmark_whatever_the_time_zone(empty_project: Path) -> None:
    before = today_in_denmark()
    # A zone whose date is not Denmark's now: 13 hours ahead, or 12 behind
    zone = next(zone for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago")
                if datetime.now(ZoneInfo(zone)).date() != before)
    told = run_build(empty_project, "dato", env=environment(TZ=zone))
    built = run_build(empty_project, "build", env=environment(TZ=zone))
    today = {before.isoformat(), today_in_denmark().isoformat()}  # the same, unless midnight came in between
    assert told.returncode == 0 and told.stdout.strip() in today
    assert built.returncode == 0, built.stdout + built.stderr
    assert re.search(r"\(dato (\d{4}-\d\d-\d\d)\)\.$", built.stderr.splitlines()[-1])[1] in today


def test_no_workflow_works_out_a_date_of_its_own() -> None:
    """The pull request's two sites are built on the build's own date (`build.py dato`), not the shell's, which
    falls back to UTC without a word when a zone is missing."""
    scripts = "\n".join(runs(job) for workflow in workflows().values() for job in workflow["jobs"].values())
    assert "build.py dato" in scripts
    assert not re.search(r"\bdate\s+[-+]", scripts)  # date +%F, date -u, date --iso-8601


# ----------------------------------------------------------------------------- environment, Python, packages


def test_the_sample_site_is_the_same_in_the_environment_of_a_github_runner(tmp_path: Path) -> None:
    """Built as on GitHub's runner at night, and then some: CI and GitHub Actions set, the C locale, a time zone
    with another date, another hash seed, and a SOURCE_DATE_EPOCH of another day (MkDocs' build date)."""
    env = environment(CI="true", GITHUB_ACTIONS="true", LANG="C", LC_ALL="C", TZ="Pacific/Kiritimati",
                      PYTHONHASHSEED="4711", SOURCE_DATE_EPOCH="1600000000")
    built = manifest(build_sample(tmp_path / "projekt", env=env))
    recorded = read_manifest(MANIFEST.read_text(encoding="utf-8"))
    assert built.keys() == recorded.keys()
    assert [name for name in built if built[name] != recorded[name]] == []


def test_the_tests_pass_in_the_environment_of_github_actions() -> None:
    """test.yml runs them on GitHub's runner, which sets CI and GITHUB_ACTIONS: tests that compare build.py's
    output to the line pass there too (these failed there, and passed everywhere else, before conftest saw to it)."""
    tests = ["tests/test_build_cli.py::test_build_writes_site",
             "tests/test_build_cli.py::test_an_editors_error_is_not_buried_under_pages_due_for_review"]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], cwd=REPO,
                          capture_output=True, text=True, env=environment(CI="true", GITHUB_ACTIONS="true"),
                          timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "2 passed" in done.stdout


def test_every_workflow_sets_up_one_python_on_one_system() -> None:
    """The tests run on the Python and system the site is published with."""
    pythons, systems = set(), set()
    for name, workflow in workflows().items():
        for job_name, job in workflow["jobs"].items():
            if not re.search(r"\bmake\b|build\.py", runs(job)):
                continue  # deploys what another job built
            setups = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/setup-python@")]
            assert len(setups) == 1, (name, job_name)
            pythons.add(str(setups[0]["with"]["python-version"]))
            systems.add(job["runs-on"])
    assert len(pythons) == 1 and len(systems) == 1, (pythons, systems)


def pins(path: Path) -> dict[str, Requirement]:
    """The requirements of a requirements file (not those it includes with -r), by normalised name."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.partition("#")[0].strip()
        if line and not line.startswith("-"):
            requirement = Requirement(line)
            found[canonicalize_name(requirement.name)] = requirement
    return found


def unpinned(build: dict[str, Requirement]) -> list[str]:
    """What of ``build`` is not installed as pinned, and what it pulls in that is not pinned with it."""
    found = []
    for name, requirement in build.items():
        (pinned,) = [s.version for s in requirement.specifier if s.operator == "=="]
        if metadata.version(name) != pinned:
            found.append(f"{name} {metadata.version(name)} is installed, {pinned} pinned")
        for text in metadata.requires(name) or []:
            needed = Requirement(text)
            if (needed.marker is None or any(needed.marker.evaluate({"extra": extra})
                                             for extra in {"", *requirement.extras})) \
                    and canonicalize_name(needed.name) not in build:
                found.append(f"{name} needs {needed.name}")
    return found


def test_the_tests_run_the_packages_the_publish_job_installs() -> None:
    """Every package the build installs is pinned, and what they pull in too: a night's fresh install gets no
    release the tests have not had. And the tests run those very versions."""
    assert unpinned(pins(REPO / "requirements.txt")) == []


def test_a_package_the_build_needs_unpinned_is_found(tmp_path: Path) -> None:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("mkdocs==1.6.0  # the engine\npagefind[bin]==1.5.2\n-r other.txt\n", encoding="utf-8")
    found = unpinned(pins(requirements))
    assert "mkdocs 1.6.1 is installed, 1.6.0 pinned" in found
    assert "mkdocs needs click" in found and "pagefind needs pagefind-bin" in found
    assert not [line for line in found if "extended" in line]  # an extra not asked for


# ----------------------------------------------------------------------------- what GitHub Pages takes


def test_the_built_site_is_what_github_pages_deploys(sample_site: Path) -> None:
    """upload-pages-artifact packs site/ and Pages refuses a link or a file others may not read; hidden files are
    left out by its newer versions; a site is at most 1 GB."""
    assert (sample_site / "index.html").is_file() and (sample_site / "404.html").is_file()
    size = 0
    for path in [sample_site, *sample_site.rglob("*")]:
        info = path.lstat()
        assert path == sample_site or not path.name.startswith("."), path
        if stat.S_ISDIR(info.st_mode):
            assert info.st_mode & 0o005 == 0o005, path
            continue
        assert stat.S_ISREG(info.st_mode) and info.st_nlink == 1, path
        assert info.st_mode & 0o004, path
        size += info.st_size
    assert size < 1_000_000_000
