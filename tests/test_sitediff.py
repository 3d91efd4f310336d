"""build.py diff: the pages a change adds, changes or removes, for the pull request's job summary.

Real builds of project copies (module-scoped: four builds in all), compared with the real command line, its
Markdown read back; and small hand-written sites for the noise that must not count and the exact Markdown.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, REPO, copy_project, run_build
from test_way_back import git

from catalogue.sitediff import compare_sites, read_page, summary_markdown

COURSE = "budgetopfoelgning"  # its first session is on the waiting list ('venteliste')
REMOVED = "de-nye-naboer"
ADDED = "vaskeriet-i-afdelingen"
ADDED_TITLE = "Vaskeriet i afdelingen"


def build(project: Path) -> Path:
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def kept(site: Path, target: Path) -> Path:
    """The built site copied away, so the project can be built again."""
    shutil.copytree(site, target)
    return target


def diff(old: Path, new: Path) -> str:
    completed = subprocess.run([sys.executable, str(REPO / "build.py"), "diff", str(old), str(new)],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def sections(markdown: str) -> dict[str, list[tuple[str, str]]]:
    """The summary read back: each section's heading (count included) → its (title, address) lines, in order."""
    lines = markdown.splitlines()
    assert lines[:2] == ["## Sider, som ændringen berører", ""]
    found: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in lines[2:]:
        if line.startswith("### "):
            current = found.setdefault(line[4:], [])
        elif line.startswith("- "):
            assert current is not None, line
            title, _, address = line[2:].rpartition(" — ")
            current.append((title, address.strip("`")))
        else:
            assert line in ("", "Ændringen ændrer ingen sider."), line
    return found


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample project and its site, built once and kept (the project itself is built again below)."""
    root = tmp_path_factory.mktemp("sitediff")
    project = copy_project(root / "projekt")
    return project, kept(build(project), root / "foer")


@pytest.fixture(scope="module")
def rebuilt(base: tuple[Path, Path]) -> Path:
    project, _ = base
    return kept(build(project), project.parent / "igen")


@pytest.fixture(scope="module")
def status_changed(base: tuple[Path, Path]) -> Path:
    """The same project with one change: the course's first session is no longer on the waiting list."""
    project = copy_project(base[0].parent / "status")
    course = project / "courses" / f"{COURSE}.yml"
    text = course.read_text(encoding="utf-8")
    assert text.count("status: venteliste") == 1
    course.write_text(text.replace("status: venteliste", "status: ledig"), encoding="utf-8")
    return build(project)


@pytest.fixture(scope="module")
def added_and_removed(base: tuple[Path, Path]) -> Path:
    """The same project with a course more (the budget course under another name) and one course less."""
    project = copy_project(base[0].parent / "tilfoejet")
    text = (project / "courses" / f"{COURSE}.yml").read_text(encoding="utf-8")
    assert text.startswith("titel: Budgetopfølgning\n")
    new = text.replace("titel: Budgetopfølgning\n", f"titel: {ADDED_TITLE}\n").replace(f"/{COURSE}/", f"/{ADDED}/")
    (project / "courses" / f"{ADDED}.yml").write_text(new, encoding="utf-8")
    (project / "courses" / f"{REMOVED}.yml").unlink()
    return build(project)


def links_to(site: Path, address: str, target: str) -> bool:
    """Whether the page at an address links to the page at another (its links are relative)."""
    text = (site / address.lstrip("/") / "index.html").read_text(encoding="utf-8")
    return any(posixpath.normpath(posixpath.join(address, link)) == target.rstrip("/")
               for link in re.findall(r'href="([^"#?:]+)"', text))


# ----------------------------------------------------------------------------- real builds


def test_an_unchanged_rebuild_changes_no_page(base: tuple[Path, Path], rebuilt: Path) -> None:
    markdown = diff(base[1], rebuilt)
    assert markdown == "## Sider, som ændringen berører\n\nÆndringen ændrer ingen sider.\n"
    assert not compare_sites(base[1], rebuilt)


def test_a_changed_session_lists_the_course_and_the_pages_that_show_it(base: tuple[Path, Path],
                                                                       status_changed: Path) -> None:
    found = sections(diff(base[1], status_changed))
    assert list(found) == ["Ændrede sider (5)"]
    changed = found["Ændrede sider (5)"]
    assert changed[0] == ("Budgetopfølgning", f"/kurser/{COURSE}/")  # course pages first
    addresses = [address for _, address in changed]
    # The lists that show the session's status: all courses, the course's topic, the printable catalogue, the
    # catalogue of the session's region.
    assert {"/kurser/", "/emner/oekonomi/", "/kurser/katalog/", "/kurser/region/midtjylland/"} <= set(addresses)
    # Nothing that does not show the course: every other page listed links to it.
    for address in addresses[1:]:
        assert links_to(status_changed, address, f"/kurser/{COURSE}/"), address
    # The feed and the calendars changed too, but are no pages.
    assert (base[1] / "feed.xml").read_bytes() != (status_changed / "feed.xml").read_bytes()


def test_an_added_course_is_a_new_page(base: tuple[Path, Path], added_and_removed: Path) -> None:
    found = sections(diff(base[1], added_and_removed))
    assert found["Nye sider (1)"] == [(ADDED_TITLE, f"/kurser/{ADDED}/")]
    changed = dict((address, title) for title, address in found[next(k for k in found if k.startswith("Ændrede"))])
    assert {"/kurser/", "/kurser/katalog/", "/emner/oekonomi/"} <= set(changed)
    assert f"/kurser/{COURSE}/" not in changed  # the course it was copied from is as it was
    assert "/om/" not in changed and "/praktisk/" not in changed


def test_a_removed_course_is_a_removed_page(base: tuple[Path, Path], added_and_removed: Path) -> None:
    found = sections(diff(base[1], added_and_removed))
    assert found["Fjernede sider (1)"] == [("De nye naboer", f"/kurser/{REMOVED}/")]
    assert list(found)[0] == "Nye sider (1)" and list(found)[-1] == "Fjernede sider (1)"
    # Reversed, the same change: what was added is removed.
    assert compare_sites(added_and_removed, base[1]).removed[0].address == f"kurser/{ADDED}/"


def test_the_summary_leaves_out_what_is_no_page(base: tuple[Path, Path], added_and_removed: Path) -> None:
    text = diff(base[1], added_and_removed)
    for not_a_page in ("/admin/", ".ics", ".xml", "/assets/", "pagefind", "sammensatte"):
        assert not_a_page not in text


def test_diff_refuses_a_folder_that_is_no_site(tmp_path: Path, base: tuple[Path, Path]) -> None:
    completed = subprocess.run([sys.executable, str(REPO / "build.py"), "diff", str(tmp_path), str(base[1])],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1
    assert "er ikke et bygget site" in completed.stderr and completed.stdout == ""


# ----------------------------------------------------------------------------- small hand-written sites


def page(title: str, content: str, header: str = "", search_terms: str = "") -> str:
    return (f"<!doctype html><html><head><title>{title} - Sitet</title></head><body>"
            f"<header>{header}</header><main><div class=\"md-content\"><article>"
            f"<h1>{title}<a class=\"headerlink\" href=\"#x\">¶</a></h1>{content}"
            f"<div class=\"soeg-ord\" hidden aria-hidden=\"true\">{search_terms}</div>"
            f"</article></div></main><footer>bygget</footer></body></html>")


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for address, text in pages.items():
        path = root / address / "index.html" if not address.endswith(".html") else root / address
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


SMALL_BEFORE = {
    "": page("Forside", "<p>Velkommen</p>"),
    "kurser/": page("Alle kurser", "<ul><li>Budget</li><li>Naboer</li></ul>"),
    "kurser/budget/": page("Budget", "<p>Ledig</p>"),
    "kurser/naboer/": page("Naboer &amp; venner", "<p>Fuldt</p>"),
    "om/": page("Om os", "<p>Mission</p>", header="v1", search_terms="mis sion"),
    "404.html": page("Siden findes ikke", "<p>Prøv søgningen</p>"),
    "admin/": "<html><head><title>Rediger</title></head><body>v1</body></html>",
    "pagefind/x/": "<html><body>v1</body></html>",
}
SMALL_AFTER = {
    "": page("Forside", "<p>Velkommen</p>"),
    "kurser/": page("Alle kurser", "<ul><li>Budget</li>\n  <li>Vaskeri</li></ul>"),
    "kurser/budget/": page("Budget", "<p>Venteliste</p>"),
    "kurser/vaskeri/": page("Vaskeri [nyt] *først*", "<p>Ledig</p>"),
    "om/": page("Om os", "<p>Mission</p>", header="v2", search_terms="mis sion vaske"),  # noise only
    "404.html": page("Siden findes ikke", "<p>Prøv\n   søgningen</p>"),  # whitespace only
    "admin/": "<html><head><title>Rediger</title></head><body>v2</body></html>",
    "pagefind/x/": "<html><body>v2</body></html>",
    "vaerktoejskasse/ny/": page("Ny side", "<p>Tekst</p>"),
}


def test_exact_markdown_for_a_small_change(tmp_path: Path) -> None:
    old, new = write_site(tmp_path / "foer", SMALL_BEFORE), write_site(tmp_path / "efter", SMALL_AFTER)
    assert summary_markdown(compare_sites(old, new)) == (
        "## Sider, som ændringen berører\n"
        "\n"
        "### Nye sider (2)\n"
        "\n"
        "- Vaskeri \\[nyt\\] \\*først\\* — `/kurser/vaskeri/`\n"
        "- Ny side — `/vaerktoejskasse/ny/`\n"
        "\n"
        "### Ændrede sider (2)\n"
        "\n"
        "- Budget — `/kurser/budget/`\n"
        "- Alle kurser — `/kurser/`\n"
        "\n"
        "### Fjernede sider (1)\n"
        "\n"
        "- Naboer &amp; venner — `/kurser/naboer/`"
    )
    assert summary_markdown(compare_sites(old, old)) == (
        "## Sider, som ændringen berører\n\nÆndringen ændrer ingen sider.")


def test_long_lists_are_cut_with_a_danish_count(tmp_path: Path) -> None:
    old = write_site(tmp_path / "foer", {"": page("Forside", "")})
    new = write_site(tmp_path / "efter", {"": page("Forside", ""),
                                          **{f"side-{n:04}/": page(f"Side {n}", "") for n in range(1060)}})
    result = compare_sites(old, new)
    lines = summary_markdown(result).splitlines()
    assert lines[2] == "### Nye sider (1.060)"
    assert lines[4:6] == ["- Side 0 — `/side-0000/`", "- Side 1 — `/side-0001/`"]
    assert lines[4 + 49] == "- Side 49 — `/side-0049/`"
    assert lines[4 + 50:] == ["- … og 1.010 til"]
    assert summary_markdown(result, limit=3).splitlines()[4 + 3:] == ["- … og 1.057 til"]


def test_a_title_is_text_in_the_summary(tmp_path: Path) -> None:
    """A course title is an editor's text: in the summary it is no link, image or HTML."""
    hostile = "![x](https://example.com/spor.png) <img src=x> [klik](https://example.com) `kode`"
    old = write_site(tmp_path / "foer", {"": page("Forside", "")})
    new = write_site(tmp_path / "efter", {"": page("Forside", ""), "kurser/x/": page(hostile.replace("<", "&lt;"), "")})
    line = summary_markdown(compare_sites(old, new)).splitlines()[4]
    assert line == ("- \\!\\[x\\]\\(https://example\\.com/spor\\.png\\) &lt;img src=x&gt; "
                    "\\[klik\\]\\(https://example\\.com\\) \\`kode\\` — `/kurser/x/`")


def test_a_page_is_read_by_its_content() -> None:
    plain = read_page(page("Budget", "<p>Ledig</p>"))
    assert plain.title == "Budget"  # the ¶ of the heading's link is not part of it
    assert read_page(page("Budget", "<p>Ledig</p>", header="anden", search_terms="bud get")) == plain
    assert read_page(page("Budget", "<p>Ledig</p >\n\n")).content == plain.content
    assert read_page(page("Budget", "<p>Venteliste</p>")) != plain
    assert read_page(page("Budget", '<p><a href="a/">Ledig</a></p>')) != read_page(page("Budget", '<p><a href="b/">'
                                                                                                  'Ledig</a></p>'))
    assert read_page("<html><head><title>Kun &lt;titel&gt;</title></head><body><p>x</p></body></html>").title \
        == "Kun <titel>"
    # A hidden element residents can still be shown (a card's other sessions) is content; search terms are not.
    assert read_page(page("B", '<span hidden>1. marts</span>')) != read_page(page("B", '<span hidden>2. marts</span>'))


NEW_LOGIN = "https://login.andet.example"


@pytest.fixture(scope="module")
def login_changed(base: tuple[Path, Path]) -> Path:
    """The same project sending editors elsewhere to log in, with the forms' configuration made anew from it (as
    'make schemas' does, and as the check asks for)."""
    project = copy_project(base[0].parent / "login")
    department = project / "config" / "department.yml"
    text = department.read_text(encoding="utf-8")
    assert "login: https://login.kurser.example.dk\n" in text
    department.write_text(text.replace("login: https://login.kurser.example.dk", f"login: {NEW_LOGIN}"),
                          encoding="utf-8")
    made = run_build(project, "schemas")
    assert made.returncode == 0, made.stdout + made.stderr
    return build(project)


def test_a_changed_login_is_said_first(base: tuple[Path, Path], login_changed: Path) -> None:
    summary = diff(base[1], login_changed)
    assert summary.splitlines()[0] == (
        f"> **Login til redigering ændret til `{NEW_LOGIN}`** (før: `https://login.kurser.example.dk`). Redaktørerne "
        "sendes dertil for at logge ind med GitHub; godkend kun ændringen, hvis adressen er jeres.")
    assert "Repositoriet" not in summary  # only what changed
    assert "## Sider, som ændringen berører" in summary


def test_an_unchanged_login_is_not_mentioned(base: tuple[Path, Path], rebuilt: Path) -> None:
    assert not compare_sites(base[1], rebuilt).editing


def test_the_check_warns_of_a_changed_login_until_the_next_commit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Begyndelsen")
    department = project / "config" / "department.yml"
    lines = department.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("  github: "))
    lines[number - 1] = "  github: en-anden/kurser\n"
    department.write_text("".join(lines), encoding="utf-8")
    expected = (f"config/department.yml:{number}:11: advarsel: redigering › github: er ændret fra "
                "'kursusafdelingen/kurser' til 'en-anden/kurser'; redaktørernes ændringer gemmes nu dér. Er det ikke "
                "jeres egen, så skriv den tidligere igen")

    def warnings() -> list[str]:
        checked = run_build(project, "check", "--dato", REFERENCE_DATE)
        return [line for line in checked.stdout.splitlines() if "redigering ›" in line]

    assert warnings() == [expected]  # changed in the working copy
    git(project, "commit", "-qam", "Nyt repositorium")
    assert warnings() == [expected]  # the latest commit changed it (a pull request's merge, on CI)
    git(project, "commit", "-q", "--allow-empty", "-m", "Noget andet")
    assert warnings() == []
