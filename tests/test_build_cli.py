"""The command line as editors and CI use it: exit codes, messages, and site/ left alone on failure."""

from __future__ import annotations

from pathlib import Path

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
    assert "fredag 9. oktober 2026 kl. 16.00" in page.read_text(encoding="utf-8")
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    assert "fredag 9. oktober 2026 kl. 16.00" not in page.read_text(encoding="utf-8")


def test_check_without_date_uses_today(project: Path) -> None:
    result = run_build(project, "check")
    assert result.returncode == 0
    assert result.errors == []
    assert "26 kurser og 26 sider i værktøjskassen tjekket" in result.stderr


def test_bad_date_argument_is_danish(project: Path) -> None:
    result = run_build(project, "check", "--dato", "15-01-2027")
    assert result.returncode == 2
    assert "fejl: argument --dato: '15-01-2027' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2027-01-15" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_link_in_a_page_is_a_danish_warning_at_its_line(project: Path) -> None:
    about = project / "content" / "om" / "index.md"
    lines = about.read_text(encoding="utf-8").splitlines()
    about.write_text("\n".join(lines + ["", "Se også [skemaet](skema.md)."]) + "\n", encoding="utf-8")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0
    assert f"content/om/index.md:{len(lines) + 2}:19: advarsel: linket 'skema.md' peger på en side, der ikke " \
           "findes (content/om/skema.md); ret stien" in result.stderr.splitlines()
