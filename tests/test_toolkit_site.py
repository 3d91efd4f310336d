"""The toolkit in the built sample site, read back as parsed HTML, with expectations from the page files."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import REPO
from test_site import COURSES, MONTHS, TAXONOMY, content, facts, label, page, text_of

TOOLKIT = REPO / "content" / "vaerktoejskasse"
TYPE_LABELS = {"skabelon": "Skabelon", "vejledning": "Vejledning", "video": "Video", "link": "Link"}
KINDS = {".docx": "Word-dokument", ".pdf": "PDF-dokument", ".xlsx": "Excel-regneark"}


def read_page(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.load(front, Loader=yaml.BaseLoader), body


ITEMS = {p.relative_to(REPO / "content").with_suffix("").as_posix(): read_page(p)
         for p in sorted(TOOLKIT.rglob("*.md"))}


def of_type(kind: str) -> list[str]:
    return [url for url, (meta, _) in ITEMS.items() if meta["type"] == kind]


def danish_day(d: date) -> str:
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def test_sample_toolkit_has_every_type() -> None:
    assert len(ITEMS) >= 20
    assert {meta["type"] for meta, _ in ITEMS.values()} == set(TYPE_LABELS)


@pytest.mark.parametrize("url", list(ITEMS))
def test_every_toolkit_page_has_title_intro_type_and_review_date(sample_site: Path, url: str) -> None:
    meta, _ = ITEMS[url]
    soup = page(sample_site, url)
    main = content(soup)
    assert text_of(main.find("h1")) == meta["titel"]
    assert soup.find("meta", attrs={"name": "description"})["content"] == meta["intro"]
    assert text_of(main.select_one(".kursus-intro")) == meta["intro"]
    line = text_of(main.select_one(".materiale-meta"))
    assert line.startswith(f"{TYPE_LABELS[meta['type']]} Sidst revideret "
                           f"{danish_day(date.fromisoformat(meta['revideret']))}")
    topics = [a["href"] for a in main.select(".materiale-meta a")]
    assert topics == [f"../../../emner/{key}/" for key in meta["emner"]]


@pytest.mark.parametrize("url", of_type("skabelon"))
def test_templates_offer_their_files(sample_site: Path, url: str) -> None:
    meta, _ = ITEMS[url]
    main = content(page(sample_site, url))
    buttons = main.select(".downloads a[download]")
    assert len(buttons) == len(meta["filer"]) >= 1
    shown_kinds = set()
    for button, entry in zip(buttons, meta["filer"], strict=True):
        source = REPO / "content" / Path(url).parent / entry["fil"]
        target = sample_site / urlsplit(urljoin(f"/{url}/", button["href"])).path.lstrip("/")
        assert target.read_bytes() == source.read_bytes()
        kind = KINDS[source.suffix]
        size = f"{max(1, round(source.stat().st_size / 1024))} kB"
        said = entry.get("beskrivelse") or entry["fil"]
        if kind.split("-")[0].lower() in said.lower():  # 'Dagsorden … (Word-skabelon …)': the kind is said once
            assert text_of(button) == f"Hent {said} ({size})"
        else:
            assert text_of(button) == f"Hent {said} ({kind}, {size})"
        shown_kinds.add(text_of(button).count(kind.split("-")[0]))
    assert shown_kinds <= {0, 1}


@pytest.mark.parametrize("url", of_type("video"))
def test_videos_load_nothing_until_asked(sample_site: Path, url: str) -> None:
    meta, body = ITEMS[url]
    soup = page(sample_site, url)
    main = content(soup)
    assert soup.find("iframe") is None
    assert not [tag for tag in soup.find_all(src=True) if urlsplit(tag["src"]).netloc]  # nothing loads from outside
    video = main.select_one(".video")
    assert video["data-embed"].startswith(("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/"))
    assert video.select_one("button.video__afspil").has_attr("hidden")  # shown by JavaScript only
    watch = video.select_one("a.video__ekstern")["href"]
    assert watch.split("//", 1)[1].split("/", 1)[0] in ("www.youtube.com", "vimeo.com")
    shown = facts(main.select_one("dl.kursus-fakta"))
    if meta["video"].get("varighed"):
        assert shown["Varighed"] == meta["video"]["varighed"]
    if "undertekster" in meta["video"]:
        assert shown["Undertekster"] == ("Ja" if meta["video"]["undertekster"] == "true" else "Nej")
    has_transcript = re.search(r"^## (Udskrift|Transskription|Tekstversion)", body, re.MULTILINE) is not None
    assert shown["Udskrift"].startswith("Ja" if has_transcript else "Nej")
    if has_transcript:
        anchor = main.select_one("dl.kursus-fakta a")["href"]
        assert main.find(id=anchor.lstrip("#")) is not None


@pytest.mark.parametrize("url", of_type("link"))
def test_links_name_their_publisher_and_are_marked_outside(sample_site: Path, url: str) -> None:
    meta, _ = ITEMS[url]
    main = content(page(sample_site, url))
    button = main.select_one(".udgiver a.ekstern")
    assert button["href"] == meta["link"]["url"]
    assert "external" in button["rel"]
    text = text_of(main.select_one(".udgiver"))
    if meta["link"].get("udgiver"):
        assert f"Udgivet af {meta['link']['udgiver']}." in text
    assert "uden for kursussitet" in text


@pytest.mark.parametrize("url", of_type("vejledning"))
def test_long_guides_get_a_table_of_contents(sample_site: Path, url: str) -> None:
    _, body = ITEMS[url]
    sections = re.findall(r"^## ", body, re.MULTILINE)
    toc = content(page(sample_site, url)).select_one("div.toc")
    assert (toc is not None) == (len(sections) >= 4)


def test_courses_and_materials_link_both_ways(sample_site: Path) -> None:
    used_by: dict[str, set[str]] = {}
    for slug, course in COURSES.items():
        for material in course.get("materialer") or []:
            used_by.setdefault(material.removesuffix(".md"), set()).add(slug)
    assert used_by  # the sample content joins courses and materials
    for url in ITEMS:
        main = content(page(sample_site, url))
        back = {a["href"].rstrip("/").split("/")[-1] for a in main.select("ul.bruges-paa a")}
        assert back == used_by.get(url, set()), url
    for slug, course in COURSES.items():
        links = [a["href"] for a in content(page(sample_site, f"kurser/{slug}")).select("ul.materialer a")]
        assert links == [f"../../{m.removesuffix('.md')}/" for m in course.get("materialer") or []]


TYPE_GROUPS = {"skabelon": "Skabeloner", "vejledning": "Vejledninger", "video": "Videoer", "link": "Links"}
PHONE = {"width": 375, "height": 812}
# The toolkit's front page on a phone: each intro whole (tests/test_layout.py), so about five and a half screens
# for the sample's 26 items, with links to the groups at the top; shorter than six.
SIX_SCREENS = 6 * PHONE["height"]


def toolkit_links(main: Tag) -> list[str]:
    """Every link on the toolkit's front page, as a path from the site's root without slashes."""
    return [urljoin("/vaerktoejskasse/", a["href"]).strip("/") for a in main.find_all("a", href=True)]


def test_toolkit_front_page_lists_each_item_once_in_its_type_group(sample_site: Path) -> None:
    main = content(page(sample_site, "vaerktoejskasse"))
    links = Counter(toolkit_links(main))
    for url in ITEMS:
        assert links[url] == 1, url  # once, not again under each topic
    for kind, heading in TYPE_GROUPS.items():
        section = main.find("h2", id=kind)  # the anchors #skabelon, #vejledning … stay
        expected = of_type(kind)
        assert text_of(section) == f"{heading} ({len(expected)})"
        rows = section.find_next_sibling("ul").select(":scope > li")
        assert sorted(urljoin("/vaerktoejskasse/", row.select_one("h3 a")["href"]).strip("/") for row in rows) \
            == sorted(expected)
        for row in rows:
            url = urljoin("/vaerktoejskasse/", row.select_one("h3 a")["href"]).strip("/")
            meta, _ = ITEMS[url]
            assert text_of(row.select_one("h3 a")) == meta["titel"]
            assert text_of(row.select_one("p")) == meta["intro"]  # the whole intro
    assert main.select_one("p.kursus-intro")["data-pagefind-meta"] == "intro"


def test_toolkit_front_page_links_the_topics_with_their_counts(sample_site: Path) -> None:
    main = content(page(sample_site, "vaerktoejskasse"))
    by_topic = main.find("h2", id="efter-emne")
    topic_links = by_topic.find_next_sibling("ul").find_all("a")
    shown = {urljoin("/vaerktoejskasse/", a["href"]).strip("/"): " ".join(a.get_text().split()) for a in topic_links}
    expected = {}
    for key, entry in TAXONOMY["emner"].items():
        count = sum(key in meta["emner"] for meta, _ in ITEMS.values())
        if count:
            expected[f"emner/{key}"] = f"{entry['navn']} ({count} {'materiale' if count == 1 else 'materialer'})"
    assert shown == expected
    # Under the topics only links to the topic pages (and the ideas page), not the items again.
    after = [urljoin("/vaerktoejskasse/", a["href"]).strip("/") for a in by_topic.find_all_next("a", href=True)
             if main in a.parents]
    assert not set(after) & set(ITEMS)


def test_toolkit_front_page_fits_a_phone(browser: Any, base_url: str) -> None:
    for javascript in (True, False):
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(base_url + "vaerktoejskasse/", wait_until="networkidle")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < SIX_SCREENS, f"{height} px with JavaScript {'on' if javascript else 'off'}"
        small = page.evaluate("""() => {
            const small = [];
            const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode, element = node.parentElement;
                if (!node.textContent.trim() || !element.getClientRects().length) continue;
                if (element.closest('.vaerktoej-skjult')) continue;  // for screen readers only
                const size = parseFloat(getComputedStyle(element).fontSize);
                if (size < 16) small.push(`${size}px: ${node.textContent.trim()}`);
            }
            return small;
        }""")
        assert small == []
        # Every row and every topic link is a tap target of at least 44 px; a tap on a row's intro opens the item.
        targets = page.evaluate("""() => [...document.querySelectorAll(
                '.vaerktoej-liste > li, .vaerktoej-emner a')].map(e => {
            const box = e.getBoundingClientRect();
            return {text: e.textContent.trim().slice(0, 40), width: box.width, height: box.height};
        })""")
        assert len(targets) > len(ITEMS)
        assert [t for t in targets if t["height"] < 44 or t["width"] < 44] == []
        row = page.locator(".vaerktoej-liste > li").first
        href = row.locator("h3 a").get_attribute("href")
        intro = row.locator("p")
        intro.scroll_into_view_if_needed()
        box = intro.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # on the intro's text
        page.wait_for_url(urljoin(base_url + "vaerktoejskasse/", href))
        context.close()


def test_topic_pages_show_courses_and_materials(sample_site: Path) -> None:
    for key in TAXONOMY["emner"]:
        main = content(page(sample_site, f"emner/{key}"))
        listed = {urljoin(f"/emner/{key}/", a["href"]).strip("/") for a in main.select(".materiale-kort__titel a")}
        assert listed == {u for u, (meta, _) in ITEMS.items() if key in meta["emner"]}, key
        assert label("emner", key) == text_of(main.find("h1"))


def test_toolkit_is_in_the_navigation(sample_site: Path) -> None:
    nav = page(sample_site, "").select_one("nav.md-nav--primary")
    assert "Værktøjskassen" in [text_of(a) for a in nav.find_all("a")]


def test_no_toolkit_html_loads_from_video_hosts(sample_site: Path) -> None:
    for path in (sample_site / "vaerktoejskasse").rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("iframe") is None, path


def test_word_templates_are_real_documents() -> None:
    documents = sorted(TOOLKIT.rglob("*.docx"))
    listed = {(REPO / "content" / Path(url).parent / f["fil"]) for url, (meta, _) in ITEMS.items()
              for f in meta.get("filer") or []}
    assert set(documents) == listed  # every file is offered, every offered file exists
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            names = set(archive.namelist())
            assert {"[Content_Types].xml", "word/document.xml"} <= names, path
            body = ElementTree.fromstring(archive.read("word/document.xml"))
            word = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
            text = "".join(t.text or "" for t in body.iter(f"{word}t"))
            assert len(text) > 200, path  # real template content, not an empty shell
