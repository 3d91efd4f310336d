"""The page's frame and the front page (issue 29, point 8), built from the sample and measured in Chromium at
375 × 812 and 1280 × 800: one centred column on a wide screen on every kind of page, as GOV.UK's width container and
borger.dk; a menu of the few things residents come for, with every other page in each page's footer; the front page
within four phone screens, each course once; download buttons that wrap between words; the toolkit's intros whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from test_site import COURSES, DEPARTMENT, content, page

PHONE = {"width": 375, "height": 812}
SMALL_PHONE = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 800}
FRAME = 960  # kursus.css: the frame's widest (48rem), GOV.UK's page width

# One page of every kind the site has
PAGE_KINDS = ["", "kurser/", "kurser/det-gode-bestyrelsesmoede/", "kurser/katalog/", "ny-i-bestyrelsen/",
              "forloeb/", "forloeb/ny-i-afdelingsbestyrelsen/", "emner/", "emner/oekonomi/", "vaerktoejskasse/",
              "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede/",
              "vaerktoejskasse/vejledninger/budgettet-trin-for-trin/",
              "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet/", "vaerktoejskasse/links/borger-dk/",
              "skraeddersyet/", "ideer/", "praktisk/", "om/", "om/evaluering/", "soeg/?q=budget", "404.html"]
# The site's sections: each reached from every page, by its menu or its footer
SECTIONS = {"/kurser/", "/ny-i-bestyrelsen/", "/forloeb/", "/emner/", "/vaerktoejskasse/", "/skraeddersyet/",
            "/praktisk/", "/ideer/", "/om/"}

# Where the frame's parts lie across the window: [left edge, space on the right, width]
FRAME_BOXES = """() => {
  const width = document.documentElement.clientWidth;
  const box = selector => {
    const found = document.querySelector(selector);
    if (!found) return null;
    const r = found.getBoundingClientRect();
    return [r.left, width - r.right, r.width];
  };
  return {content: box('.md-content'), header: box('.md-header__inner'), tabs: box('.md-tabs .md-grid'),
          footer: box('.md-footer-meta__inner')};
}"""


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_the_column_is_centred_on_a_wide_screen(browser: Any, base_url: str, path: str) -> None:
    view = browser.new_page(viewport=WIDE)
    response = view.goto(base_url + path)
    assert response is not None and response.ok
    boxes = view.evaluate(FRAME_BOXES)
    view.close()
    left, right, width = boxes["content"]
    assert abs(left - right) <= 2, f"content: {left:.0f} px on the left, {right:.0f} px on the right"
    assert width <= FRAME
    assert left >= (WIDE["width"] - FRAME) / 2 - 1  # at 1280 px: 160 px either side
    # The header, the menu and the footer share the column's edges
    for part in ("header", "tabs", "footer"):
        assert boxes[part] is not None, part
        assert [round(x) for x in boxes[part]] == [round(x) for x in boxes["content"]], part


def test_the_column_fills_a_phone(browser: Any, base_url: str) -> None:
    view = browser.new_page(viewport=PHONE)
    view.goto(base_url + "kurser/det-gode-bestyrelsesmoede/")
    assert [round(x) for x in view.evaluate(FRAME_BOXES)["content"]] == [0, 0, PHONE["width"]]
    assert view.evaluate("document.documentElement.scrollWidth") == PHONE["width"]  # nothing wider than the phone
    view.close()


# ----------------------------------------------------------------------------- the menu and the footer


def _address(page_url: str, href: str) -> str:
    return urlsplit(urljoin("/" + page_url, href)).path


@pytest.mark.parametrize("url", ["", "kurser/det-gode-bestyrelsesmoede/", "emner/oekonomi/",
                                 "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede/", "om/evaluering/"])
def test_a_short_menu_and_every_other_section_in_the_footer(sample_site: Path, url: str) -> None:
    soup = page(sample_site, url)
    tabs = [_address(url, a["href"]) for a in soup.select(".md-tabs__link")]
    assert 4 <= len(tabs) <= 6, tabs
    assert "/kurser/" in tabs and "/ny-i-bestyrelsen/" in tabs and "/vaerktoejskasse/" in tabs
    footer = soup.select_one("footer.md-footer")
    links = [_address(url, a["href"]) for a in footer.select("nav a")]
    assert SECTIONS <= set(tabs) | set(links), SECTIONS - set(tabs) - set(links)
    for address in tabs + links:
        target = sample_site / address.strip("/")
        assert (target / "index.html").is_file(), address
    # The department's contact, from config/department.yml, on every page
    hrefs = {a["href"] for a in footer.find_all("a")}
    assert f"mailto:{DEPARTMENT['email']}" in hrefs
    assert "tel:" + DEPARTMENT["telefon"].replace(" ", "") in hrefs


def test_the_front_page_leads_to_the_sections_not_in_the_menu(sample_site: Path) -> None:
    links = {_address("", a["href"]) for a in content(page(sample_site, "")).find_all("a", href=True)}
    assert {"/kurser/", "/ny-i-bestyrelsen/", "/forloeb/", "/vaerktoejskasse/", "/skraeddersyet/", "/ideer/"} <= links


# ----------------------------------------------------------------------------- the front page


def test_the_front_page_shows_each_course_once(sample_site: Path) -> None:
    main = content(page(sample_site, ""))
    courses = [_address("", a["href"]) for a in main.find_all("a", href=True)
               if _address("", a["href"]).strip("/").removeprefix("kurser/") in COURSES]
    assert len(main.select(".kursus-kort")) == 5
    assert courses and len(courses) == len(set(courses)), courses


@pytest.mark.parametrize("javascript", [True, False])
def test_the_front_page_fits_four_phone_screens(browser: Any, base_url: str, javascript: bool) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    view = context.new_page()
    view.goto(base_url, wait_until="networkidle")
    height = view.evaluate("document.documentElement.scrollHeight")
    assert height <= 4 * PHONE["height"], f"{height} px"
    # What residents come for first: finding a course, on the first screen
    button = view.locator("article a.knap--primaer", has_text="Find et kursus").bounding_box()
    assert button["y"] + button["height"] <= PHONE["height"]
    cards = view.locator("article .kursus-kort:visible h3 a").evaluate_all("as => as.map(a => a.pathname)")
    assert len(cards) == 5 and len(set(cards)) == 5
    context.close()


# ----------------------------------------------------------------------------- download buttons

# The pieces of an element's text that lie on more than one line: each word, each part of a hyphenated word (a line
# may end after "Word-" in the editor's "Word-skabelon"), and each part of the file's facts, whole ("Word-dokument,"
# and "37 kB)").
BROKEN_WORDS = """(element) => {
  const lines = range => {
    const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top).sort((a, b) => a - b);
    return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length;
  };
  const broken = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (lines(range) > 1) broken.push(match[0]);
    }
  }
  for (const part of element.querySelectorAll('.fil-info__del')) {
    const range = document.createRange();
    range.selectNodeContents(part);
    if (lines(range) > 1) broken.push(part.textContent);
  }
  return broken;
}"""


def _template_pages(site: Path) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() + "/"
                  for path in (site / "vaerktoejskasse").rglob("index.html")
                  if 'class="filer"' in path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", [SMALL_PHONE, PHONE, WIDE], ids=["320", "375", "1280"])
def test_download_buttons_wrap_between_words(browser: Any, base_url: str, sample_site: Path,
                                             size: dict[str, int]) -> None:
    pages = _template_pages(sample_site)
    assert len(pages) >= 5
    view = browser.new_page(viewport=size)
    for path in pages:
        view.goto(base_url + path)
        for button in view.locator("ul.filer a.md-button").all():
            assert button.evaluate(BROKEN_WORDS) == [], (path, button.inner_text())
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], path  # within the screen
            assert box["height"] >= 44
            assert button.evaluate("a => getComputedStyle(a).textAlign") in ("left", "start")
    view.close()


def test_the_measure_of_broken_words_finds_them(browser: Any, base_url: str) -> None:
    """The check above can fail: in a narrow button whose file facts may wrap, '(Word-dokument,' is broken."""
    view = browser.new_page(viewport=PHONE)
    # a file whose description does not name its kind, so that the button says '(Word-dokument, 1 kB)'
    view.goto(base_url + "vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse/")
    button = view.locator("ul.filer a.md-button").first
    assert "(Word-dokument," in button.inner_text()
    assert button.evaluate(BROKEN_WORDS) == []
    view.add_style_tag(content=".md-typeset ul.filer .md-button{width:7.5rem}"
                               ".md-typeset .fil-info__del{white-space:normal}")
    assert "(Word-dokument," in button.evaluate(BROKEN_WORDS)
    view.close()


# ----------------------------------------------------------------------------- the toolkit's list


def test_the_toolkits_intros_are_whole_on_a_phone(browser: Any, base_url: str) -> None:
    view = browser.new_page(viewport=PHONE)
    view.goto(base_url + "vaerktoejskasse/")
    clipped = view.locator(".vaerktoej-post__intro").evaluate_all("""ps => ps.filter(p => {
        const style = getComputedStyle(p);
        return p.scrollHeight > p.clientHeight + 1 || style.webkitLineClamp !== 'none'
            || style.textOverflow === 'ellipsis' || style.overflow === 'hidden';
    }).map(p => p.textContent)""")
    assert view.locator(".vaerktoej-post__intro").count() >= 20
    assert clipped == []
    # The groups are one tap away from the top
    jumps = view.locator("article .vaerktoej-genveje a").evaluate_all("as => as.map(a => a.hash)")
    assert jumps == ["#skabelon", "#vejledning", "#video", "#link", "#efter-emne"]
    for jump in jumps:
        assert view.locator(jump).count() == 1
    view.close()
