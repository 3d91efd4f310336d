"""axe-core (WCAG 2.1 A and AA rules) on every kind of page of the sample site, in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "front page": "",
    "catalogue": "kurser/",
    "catalogue, filtered": "kurser/?emne=oekonomi&region=hovedstaden",
    "catalogue, filtered to nothing": "kurser/?emne=byggeri&maaned=2027-03",
    "catalogue, a span of months": "kurser/?region=midtjylland&fra=2027-03&til=2027-05",
    "a region's catalogue": "kurser/region/midtjylland/",
    "search page": "soeg/",
    "course with open sessions": "kurser/introduktion-til-bestyrelsesarbejdet/",
    "course with closed sessions": "kurser/grundlaeggende-budget-og-regnskab/",
    "course without sessions": "kurser/samarbejdet-mellem-bestyrelse-og-drift/",
    "topics": "emner/",
    "topic": "emner/oekonomi/",
    "new board members": "ny-i-bestyrelsen/",
    "tailored course": "skraeddersyet/",
    "ideas": "ideer/",
    "practical information": "praktisk/",
    "about": "om/",
    "editors' guide": "om/redigering/",
    "toolkit": "vaerktoejskasse/",
    "template": "vaerktoejskasse/skabeloner/dagsorden-afdelingsmoede/",
    "guide": "vaerktoejskasse/vejledninger/budgettet-trin-for-trin/",
    "video": "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet/",
    "link": "vaerktoejskasse/links/lov-om-almene-boliger/",
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run 'make test', which runs 'npm ci'")
    return AXE.read_text(encoding="utf-8")


def violations(page: Any, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("options => axe.run(document, options)",
                           {"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return [f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
            for v in result["violations"] for node in v["nodes"]]


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_wcag_violations(browser: Any, base_url: str, axe_source: str, path: str) -> None:
    page = browser.new_page()
    page.goto(base_url + path)
    assert violations(page, axe_source) == []
    page.close()


def test_no_wcag_violations_with_search_results_open(browser: Any, base_url: str, axe_source: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    page.locator("#soeg input").type("budget")
    page.wait_for_selector(".soeg-resultat__link")
    assert violations(page, axe_source) == []
    page.close()


def test_axe_finds_a_violation_when_there_is_one(browser: Any, base_url: str, axe_source: str) -> None:
    # The check itself must be able to fail: an image without alternative text is a violation.
    page = browser.new_page()
    page.goto(base_url)
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=x.png>')")
    assert any(v.startswith("image-alt") for v in violations(page, axe_source))
    page.close()
