"""Danish search in real Chromium: the site's search box against Material's default search on the same site.

Each query is typed into the search box as a resident would; a query counts as
found when its expected page is among the first five results. The recall of
both searches is printed side by side.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from conftest import REFERENCE_DATE, _QuietHandler, copy_project, run_build

from catalogue.search import _write_index, build_search_index, is_indexed

# (what a resident types, the page that should come up)
QUERIES: list[tuple[str, str]] = [
    ("møde", "kurser/det-gode-bestyrelsesmoede"),
    ("mødet", "vaerktoejskasse/vejledninger/saadan-holder-i-afdelingsmoedet"),
    ("referat", "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede"),
    ("referater", "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede"),
    ("bestyrelsen", "kurser/introduktion-til-bestyrelsesarbejdet"),
    ("afdelingens budget", "kurser/webinar-saadan-laeser-du-afdelingens-budget"),
    ("regnskab", "vaerktoejskasse/vejledninger/saadan-laeser-du-afdelingens-regnskab"),
    ("regnskabet", "vaerktoejskasse/vejledninger/saadan-laeser-du-afdelingens-regnskab"),
    ("dirigenten", "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet"),
    ("dirigent", "kurser/afdelingsmoedet-og-dirigentrollen"),
    ("husorden", "vaerktoejskasse/vejledninger/husorden-hvad-maa-der-staa"),
    ("budgetterne", "vaerktoejskasse/vejledninger/budgettet-trin-for-trin"),
    ("dagsorden afdelingsmøde", "vaerktoejskasse/skabeloner/dagsorden-afdelingsmoede"),
    ("dagsorden bestyrelsesmøde", "vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede"),
    ("forretningsorden", "vaerktoejskasse/skabeloner/forretningsorden-afdelingsbestyrelse"),
    ("orden", "vaerktoejskasse/skabeloner/forretningsorden-afdelingsbestyrelse"),
    ("indkaldelse", "vaerktoejskasse/skabeloner/indkaldelse-afdelingsmoede"),
    ("indkaldelsen til afdelingsmødet", "vaerktoejskasse/skabeloner/indkaldelse-afdelingsmoede"),
    ("beretning", "vaerktoejskasse/skabeloner/bestyrelsens-beretning"),
    ("årshjul", "vaerktoejskasse/vejledninger/aarshjul-for-afdelingsbestyrelsen"),
    ("konto 119", "vaerktoejskasse/vejledninger/konto-119-kursus-og-aktivitetsmidler"),
    ("forslag", "vaerktoejskasse/skabeloner/forslag-til-afdelingsmoedet"),
    ("tjekliste", "vaerktoejskasse/vejledninger/tjekliste-foer-og-efter-afdelingsmoedet"),
    ("hvem bestemmer", "vaerktoejskasse/vejledninger/hvem-bestemmer-hvad"),
    ("lov om almene boliger", "vaerktoejskasse/links/lov-om-almene-boliger"),
    ("loven", "vaerktoejskasse/links/lov-om-almene-boliger"),
    ("danmarks almene boliger", "vaerktoejskasse/links/bl-danmarks-almene-boliger"),
    ("ministeriet", "vaerktoejskasse/links/social-bolig-og-aeldreministeriet"),
    ("borger.dk", "vaerktoejskasse/links/borger-dk"),
    ("standardhusorden", "vaerktoejskasse/skabeloner/standardhusorden"),
    ("vedligeholdelse", "kurser/husorden-og-vedligeholdelsesreglement"),
    ("reglement", "kurser/husorden-og-vedligeholdelsesreglement"),
    ("renovering", "kurser/bygge-og-renoveringssager"),
    ("bæredygtigt byggeri", "kurser/baeredygtigt-byggeri"),
    ("grøn ambassadør", "kurser/groen-ambassadoer"),
    ("nye naboer", "kurser/de-nye-naboer"),
    ("konflikter", "kurser/konflikthaandtering-mellem-naboer"),
    ("håndtering", "kurser/konflikthaandtering-mellem-naboer"),
    ("sociale medier", "kurser/sociale-medier-for-bestyrelsen"),
    ("formænd", "kurser/erfagruppe-for-formaend"),
    ("erfagruppe", "kurser/erfagruppe-for-formaend"),
    ("organisationsbestyrelsen", "kurser/ny-i-organisationsbestyrelsen"),
    ("repræsentantskabet", "kurser/temadag-for-repraesentantskabet"),
    ("rekruttering", "kurser/rekruttering-af-nye-bestyrelsesmedlemmer"),
    ("nye medlemmer", "kurser/rekruttering-af-nye-bestyrelsesmedlemmer"),
    ("budgetopfølgning", "kurser/budgetopfoelgning"),
    ("opfølgning", "kurser/budgetopfoelgning"),
    ("fremlæggelse af økonomi", "kurser/fremlaeggelse-af-oekonomi-paa-afdelingsmoedet"),
    ("samarbejde med driften", "kurser/samarbejdet-mellem-bestyrelse-og-drift"),
    ("digitalt afdelingsmøde", "kurser/pilot-det-digitale-afdelingsmoede"),
    ("webinar budget", "kurser/webinar-saadan-laeser-du-afdelingens-budget"),
    ("fællesskab", "kurser/faellesskab-og-aktiviteter-i-afdelingen"),
    ("aktiviteter", "kurser/faellesskab-og-aktiviteter-i-afdelingen"),
    ("introduktion", "kurser/introduktion-til-bestyrelsesarbejdet"),
    ("ny i afdelingsbestyrelsen", "vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen"),
    ("bestil kursus", "skraeddersyet"),
    ("afmelding", "praktisk"),
    ("velkommen", "vaerktoejskasse/videoer/velkommen-i-afdelingsbestyrelsen"),
    ("lovgivning", "kurser/lovgivning-for-beboerdemokrater"),
    ("beboerdemokrater", "kurser/lovgivning-for-beboerdemokrater"),
    # A compound of the query first (issue 29): the guide to the meeting, whose intro ends "valg og referat", not the
    # board's minutes template, which speaks of "afdelingsbestyrelsens møder" (its parts near each other: below)
    ("referat afdelingsmøde", "vaerktoejskasse/vejledninger/saadan-holder-i-afdelingsmoedet"),
    ("skabelon til referat", "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede"),
    ("video om budgettet", "vaerktoejskasse/videoer/saadan-laeser-du-budgettet"),
    ("forslag om hundehold", "vaerktoejskasse/skabeloner/forslag-til-afdelingsmoedet"),
    # Words found only inside a compound, as its first or its last part, with parts from the Danish word list.
    ("forsamling", "vaerktoejskasse/vejledninger/hvem-bestemmer-hvad"),  # generalforsamlingen
    ("general", "vaerktoejskasse/vejledninger/hvem-bestemmer-hvad"),
    ("sortering", "kurser/groen-ambassadoer"),  # affaldssortering
    ("kælderen", "kurser/groen-ambassadoer"),  # vaskekælderen
    ("vaske", "kurser/groen-ambassadoer"),
    ("hylde", "kurser/groen-ambassadoer"),  # byttehylde
    ("ferier", "vaerktoejskasse/vejledninger/saadan-holder-i-afdelingsmoedet"),  # skoleferier
    ("fonden", "kurser/temadag-for-repraesentantskabet"),  # dispositionsfonden
]
RECALL_TARGET = 0.95

# Queries written for issue 29 from what residents need, before the sample's pages were read (only their titles
# were known, to say which pages are right), each with the pages that answer it: exact words, inflections, words of
# several, compounds the site has and compounds it has not ('referatskabelon'), and a few questions as typed.
V, S, K, E, F = ("vaerktoejskasse/vejledninger/", "vaerktoejskasse/skabeloner/", "kurser/", "emner/", "forloeb/")
L, VID = "vaerktoejskasse/links/", "vaerktoejskasse/videoer/"
MEETING = {V + "saadan-holder-i-afdelingsmoedet", E + "afdelingsmoede", K + "afdelingsmoedet-og-dirigentrollen"}
MINUTES_OF_MEETING = {V + "saadan-holder-i-afdelingsmoedet", E + "afdelingsmoede",
                      V + "tjekliste-foer-og-efter-afdelingsmoedet", V + "aarshjul-for-afdelingsbestyrelsen"}
BUDGET = {K + "webinar-saadan-laeser-du-afdelingens-budget", V + "budgettet-trin-for-trin",
          VID + "saadan-laeser-du-budgettet", K + "grundlaeggende-budget-og-regnskab", E + "oekonomi"}
HOUSE_RULES = {V + "husorden-hvad-maa-der-staa", K + "husorden-og-vedligeholdelsesreglement", S + "standardhusorden",
               E + "husorden"}
NEIGHBOURS = {K + "konflikthaandtering-mellem-naboer", E + "husorden"}
CHAIR = {F + "formand-for-afdelingsbestyrelsen", K + "moedeledelse-for-formaend", K + "erfagruppe-for-formaend"}
GREEN = {K + "groen-ambassadoer", K + "baeredygtigt-byggeri", E + "baeredygtighed"}
ACTIVITIES = {V + "konto-119-kursus-og-aktivitetsmidler", K + "faellesskab-og-aktiviteter-i-afdelingen"}
UNSEEN_QUERIES: list[tuple[str, set[str]]] = [
    ("referat afdelingsmødet", MINUTES_OF_MEETING),
    ("afdelingsmøde", MEETING),
    ("bestyrelsesmøde", {K + "det-gode-bestyrelsesmoede", VID + "det-gode-bestyrelsesmoede-paa-5-minutter"}),
    ("dagsorden til bestyrelsesmødet", {S + "dagsorden-bestyrelsesmoede"}),
    ("skabelon referat", {S + "referat-bestyrelsesmoede"}),
    ("indkalde til afdelingsmøde", {S + "indkaldelse-afdelingsmoede"}),
    ("stille forslag til afdelingsmødet", {S + "forslag-til-afdelingsmoedet"}),
    ("hvordan bliver jeg dirigent", {K + "afdelingsmoedet-og-dirigentrollen", VID + "dirigent-paa-afdelingsmoedet"}),
    ("kursus for nye i bestyrelsen", {K + "introduktion-til-bestyrelsesarbejdet", "ny-i-bestyrelsen",
                                      F + "ny-i-afdelingsbestyrelsen"}),
    ("ny formand", CHAIR),
    ("formandskursus", CHAIR),
    ("budget afdeling", BUDGET),
    ("læse regnskab", {V + "saadan-laeser-du-afdelingens-regnskab", K + "grundlaeggende-budget-og-regnskab"}),
    ("husleje stigning", BUDGET),
    ("huslejestigning", BUDGET),
    ("husorden regler", HOUSE_RULES),
    ("naboklage", NEIGHBOURS),
    ("klage over naboer", NEIGHBOURS),
    ("støj fra naboen", {K + "konflikthaandtering-mellem-naboer", V + "husorden-hvad-maa-der-staa",
                         S + "standardhusorden"}),
    ("konflikt med nabo", {K + "konflikthaandtering-mellem-naboer"}),
    ("nye beboere", {K + "de-nye-naboer"}),
    ("affald sortering", {K + "groen-ambassadoer"}),
    ("affaldssortering", {K + "groen-ambassadoer"}),
    ("energibesparelse", GREEN),
    ("renovering af boligerne", {K + "bygge-og-renoveringssager", E + "byggeri"}),
    ("helhedsplan", {K + "bygge-og-renoveringssager", E + "byggeri"}),
    ("landsbyggefonden", {V + "hvem-bestemmer-hvad", L + "social-bolig-og-aeldreministeriet"}),
    ("facebook gruppe afdeling", {K + "sociale-medier-for-bestyrelsen"}),
    ("nyhedsbrev til beboerne", {K + "sociale-medier-for-bestyrelsen", E + "kommunikation"}),
    ("flere med i bestyrelsen", {K + "rekruttering-af-nye-bestyrelsesmedlemmer", E + "rekruttering",
                                 K + "webinar-vil-du-vaere-med-i-beboerdemokratiet"}),
    ("rekruttere nye medlemmer", {K + "rekruttering-af-nye-bestyrelsesmedlemmer", E + "rekruttering"}),
    ("suppleant", {"ny-i-bestyrelsen", S + "forretningsorden-afdelingsbestyrelse",
                   V + "saadan-holder-i-afdelingsmoedet", V + "ny-i-afdelingsbestyrelsen"}),
    ("valg til bestyrelsen", {V + "saadan-holder-i-afdelingsmoedet", S + "dagsorden-afdelingsmoede",
                              V + "hvem-bestemmer-hvad", "ny-i-bestyrelsen"}),
    ("vedtægter", {E + "lovgivning", K + "lovgivning-for-beboerdemokrater", V + "hvem-bestemmer-hvad"}),
    ("forretningsorden for bestyrelsen", {S + "forretningsorden-afdelingsbestyrelse"}),
    ("webinar", {K + "webinar-saadan-laeser-du-afdelingens-budget", K + "webinar-vil-du-vaere-med-i-beboerdemokratiet",
                 K + "sociale-medier-for-bestyrelsen"}),
    ("tilmelding kursus", {"praktisk"}),
    ("afmelde kursus", {"praktisk"}),
    ("pris på kurser", {"praktisk"}),
    ("kursus i vores afdeling", {"skraeddersyet", K + "bestil-et-kursus-til-jeres-bestyrelse"}),
    ("årshjul bestyrelse", {S + "aarshjul-afdelingsbestyrelse", V + "aarshjul-for-afdelingsbestyrelsen",
                            K + "aarshjul-og-planlaegning-i-afdelingsbestyrelsen"}),
    ("tjekliste afdelingsmøde", {V + "tjekliste-foer-og-efter-afdelingsmoedet"}),
    ("beretning til afdelingsmødet", {S + "bestyrelsens-beretning"}),
    ("samarbejde med ejendomskontoret", {K + "samarbejdet-mellem-bestyrelse-og-drift",
                                         K + "kommunikation-og-samarbejde-i-bestyrelsen", E + "samarbejde"}),
    ("driftschef", {K + "samarbejdet-mellem-bestyrelse-og-drift"}),
    ("repræsentantskabsmøde", {K + "temadag-for-repraesentantskabet", V + "hvem-bestemmer-hvad"}),
    ("organisationsbestyrelse", {K + "ny-i-organisationsbestyrelsen", F + "organisationsbestyrelsen"}),
    ("aktivitetsmidler", ACTIVITIES),
    ("penge til aktiviteter", ACTIVITIES),
    ("sommerfest", {K + "faellesskab-og-aktiviteter-i-afdelingen"}),
    ("fællesarrangementer", ACTIVITIES | {E + "faellesskab"}),
    ("lov om almene boliger", {L + "lov-om-almene-boliger"}),
    ("råderet", {V + "hvem-bestemmer-hvad", V + "husorden-hvad-maa-der-staa"}),
    ("beboerklagenævn", {V + "husorden-hvad-maa-der-staa", K + "konflikthaandtering-mellem-naboer", E + "husorden",
                         V + "hvem-bestemmer-hvad"}),
    ("mødeledelse", {K + "moedeledelse-for-formaend", K + "det-gode-bestyrelsesmoede",
                     VID + "det-gode-bestyrelsesmoede-paa-5-minutter"}),
    ("lede et møde", {K + "moedeledelse-for-formaend", K + "det-gode-bestyrelsesmoede",
                      K + "afdelingsmoedet-og-dirigentrollen"}),
    ("erfaringsudveksling formænd", {K + "erfagruppe-for-formaend"}),
    ("økonomi for begyndere", {K + "grundlaeggende-budget-og-regnskab", E + "oekonomi"}),
    ("bestyrelsesmødet referat", {S + "referat-bestyrelsesmoede"}),
    ("grøn omstilling", GREEN),
    ("ambassadør", {K + "groen-ambassadoer"}),
    ("video om dirigent", {VID + "dirigent-paa-afdelingsmoedet"}),
    ("digitalt møde", {K + "pilot-det-digitale-afdelingsmoede"}),
    ("afdelingsmøde online", {K + "pilot-det-digitale-afdelingsmoede"}),
    ("bestyrelsesarbejde", {K + "introduktion-til-bestyrelsesarbejdet", E + "bestyrelsesarbejde"}),
    ("afdelingsbestyrelse", {V + "ny-i-afdelingsbestyrelsen", F + "ny-i-afdelingsbestyrelsen",
                             S + "forretningsorden-afdelingsbestyrelse", E + "bestyrelsesarbejde",
                             VID + "velkommen-i-afdelingsbestyrelsen", V + "aarshjul-for-afdelingsbestyrelsen",
                             S + "aarshjul-afdelingsbestyrelse", K + "introduktion-til-bestyrelsesarbejdet",
                             V + "hvem-bestemmer-hvad", K + "aarshjul-og-planlaegning-i-afdelingsbestyrelsen"}),
    ("bestyrelsesmedlem", {K + "rekruttering-af-nye-bestyrelsesmedlemmer", VID + "velkommen-i-afdelingsbestyrelsen",
                           K + "introduktion-til-bestyrelsesarbejdet", "ny-i-bestyrelsen"}),
    ("nabokonflikt", {K + "konflikthaandtering-mellem-naboer"}),
    ("husordensregler", HOUSE_RULES),
    ("budgetkursus", {K + "grundlaeggende-budget-og-regnskab", K + "webinar-saadan-laeser-du-afdelingens-budget",
                      K + "budgetopfoelgning"}),
    ("regnskabskursus", {K + "grundlaeggende-budget-og-regnskab"}),
    ("referatskabelon", {S + "referat-bestyrelsesmoede"}),
    ("dagsordensskabelon", {S + "dagsorden-afdelingsmoede", S + "dagsorden-bestyrelsesmoede"}),
    ("mødeindkaldelse", {S + "indkaldelse-afdelingsmoede"}),
    ("beboermøde", MEETING | {S + "indkaldelse-afdelingsmoede"}),
    ("afdelingsmødereferat", MINUTES_OF_MEETING),
]
# Issue 29 asks for 95 %: this set reaches 96 % (73 of 76). It reached 84 % with a compound the site does not have
# found only where its parts stand near each other, and 89 % before issue 29. What took it there: the query's stop
# words left out ('kursus i vores afdeling', 'økonomi for begyndere'); a word on more than half the pages not
# required of a page ('flere med i bestyrelsen', 'ny formand'); a compound no page has found by its parts anywhere
# on a page when its parts near each other fill less than a page of results ('budgetkursus', 'husordensregler',
# 'fællesarrangementer', 'repræsentantskabsmøde'); the parts of a title's compounds indexed just before the title
# ('mødeindkaldelse' finds 'Indkaldelse til afdelingsmøde'). Still missed: 'renovering af boligerne' (the renovation
# course never says 'bolig'), 'pris på kurser' (the practical page says 'den fulde pris' once; every course page
# has a price) and 'råderet' (Pagefind's Danish stemmer cuts it to 'råd', so pages with 'råd' rank first).


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def material_default_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same project built with Material's own search plugin in its default configuration."""
    root = copy_project(tmp_path_factory.mktemp("material-search") / "projekt")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "plugins: []" in text
    config.write_text(text.replace("plugins: []", "plugins:\n  - search"), encoding="utf-8")
    assert run_build(root, "build", "--dato", REFERENCE_DATE).returncode == 0
    assert not (root / "site" / "pagefind").exists()
    server, url = serve(root / "site")
    yield url
    server.shutdown()


def page_path(href: str) -> str:
    return urlsplit(href).path.strip("/")


def search(page: Any, query: str) -> None:
    """Type a query into the search box and wait for its status line."""
    box = page.get_by_role("searchbox", name="Søg efter kurser, skabeloner og vejledninger")
    box.fill("")
    box.type(query, delay=5)
    page.wait_for_function(
        "q => { const m = document.querySelector('.soeg__status'); return m && m.textContent.includes(q); }",
        arg=query)
    page.wait_for_timeout(150)


def results(page: Any) -> list[dict[str, str]]:
    """The results shown: kind, title, link (a path) and intro of each."""
    found = page.locator(".soeg-resultat").evaluate_all("""items => items.map(item => ({
        kind: item.querySelector('.soeg-resultat__type').textContent,
        title: item.querySelector('.soeg-resultat__link').textContent,
        href: item.querySelector('.soeg-resultat__link').href,
        intro: (item.querySelector('.soeg-resultat__intro') || {}).textContent || ''}))""")
    return [{**result, "path": page_path(result["href"])} for result in found]


def our_top5(page: Any, query: str) -> list[str]:
    search(page, query)
    return [result["path"] for result in results(page)][:5]


def material_top5(page: Any, query: str) -> list[str]:
    if not page.locator("input.md-search__input").is_visible():
        page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=5)
    page.wait_for_timeout(600)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    paths: list[str] = []
    for path in map(page_path, hrefs):
        if path not in paths:
            paths.append(path)
    return paths[:5]


def test_danish_search_recall_against_material_default(browser: Any, base_url: str, material_default_url: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    ours_page = browser.new_page()
    ours_page.goto(base_url + "soeg/")
    material_page = browser.new_page()
    material_page.goto(material_default_url)
    rows = []
    for query, expected in QUERIES:
        ours = expected in our_top5(ours_page, query)
        material = expected in material_top5(material_page, query)
        rows.append((query, expected, ours, material))
    ours_recall = sum(r[2] for r in rows) / len(rows)
    material_recall = sum(r[3] for r in rows) / len(rows)
    with capsys.disabled():
        print(f"\n{'query':<34} {'ours':>5} {'Material':>8}  expected page")
        for query, expected, ours, material in rows:
            print(f"{query:<34} {'ja' if ours else 'NEJ':>5} {'ja' if material else 'nej':>8}  {expected}")
        print(f"recall@5 over {len(rows)} queries: ours {ours_recall:.0%}, Material default {material_recall:.0%}")
    missed = [(q, e) for q, e, ours, _ in rows if not ours]
    assert ours_recall >= RECALL_TARGET, missed
    assert len(QUERIES) >= 40


def test_recall_of_queries_written_without_reading_the_site(browser: Any, base_url: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + "soeg/")
    rows = [(query, expected, our_top5(page, query)) for query, expected in UNSEEN_QUERIES]
    page.close()
    found = [query for query, expected, top in rows if expected & set(top)]
    recall = len(found) / len(rows)
    with capsys.disabled():
        for query, _, top in rows:
            if query not in found:
                print(f"not in the first five: {query!r} (first: {top[:3]})")
        print(f"recall@5 of {len(rows)} queries written without reading the site: {recall:.1%}")
    assert recall >= RECALL_TARGET, [query for query, _, _ in rows if query not in found]


def every_result(page: Any) -> list[str]:
    """The paths of all the results, "Vis flere resultater" pressed until there are no more."""
    while page.locator(".soeg__flere").is_visible():
        page.locator(".soeg__flere").click()
        page.wait_for_timeout(100)
    return [r["path"] for r in results(page)]


def every_result_of(browser: Any, base_url: str, *queries: str) -> list[list[str]]:
    """Every result of each query (``every_result``), searched one after the other on one search page."""
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    found = []
    for query in queries:
        search(page, query)
        found.append(every_result(page))
    page.close()
    return found


def texts_of_pages(site: Path, paths: list[str]) -> list[str]:
    """The indexed text of each page (its <article>, the parts left out of the index and the invisible search terms
    left out), lower case."""
    from bs4 import BeautifulSoup

    from catalogue.search import NOT_INDEXED

    texts = []
    for path in paths:
        article = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser").article
        for hidden in article.select(", ".join([*NOT_INDEXED, ".soeg-ord"])):
            hidden.decompose()
        texts.append(article.get_text(" ").lower())
    return texts


def test_a_compound_of_the_query_is_found_before_its_parts(browser: Any, base_url: str, sample_site: Path) -> None:
    """'referat afdelingsmødet' (issue 29): the pages with the compound itself first; the board's minutes template,
    which has 'afdelingsbestyrelsens møder' (the parts near each other) but no 'afdelingsmøde', below them all; no
    page that has the parts only far apart. Before, the query gave the same pages as 'referat', the template first."""
    alone, shown = every_result_of(browser, base_url, "referat", "referat afdelingsmødet")
    texts = texts_of_pages(sample_site, shown)
    whole = [("afdelingsmød" in text) for text in texts]
    # the compound's pages first, then the others
    assert all(whole[:5]) and whole.index(False) == sum(whole), list(zip(shown, whole, strict=True))
    minutes = "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede"
    assert minutes in shown[sum(whole):]
    assert "afdelingsbestyrelsens møder" in texts[shown.index(minutes)]
    assert set(shown) < set(alone)  # fewer than 'referat' alone: only pages with the compound or its parts near


def test_a_compound_the_site_has_not_is_found_by_its_parts_near_each_other(browser: Any, base_url: str) -> None:
    """'referatskabelon' is on no page: its parts are searched, together. The minutes template first (a 'skabelon'
    with 'referat' in its title), and not every page with 'referat'."""
    with_minutes, shown = every_result_of(browser, base_url, "referat", "referatskabelon")
    assert shown[0] == "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede"
    assert 0 < len(shown) < len(with_minutes) and set(shown) < set(with_minutes)


def test_a_compound_no_page_has_is_no_dead_end(browser: Any, base_url: str, sample_site: Path) -> None:
    """'budgetkursus' is on no page, and only one has 'budget' near 'kursus' (the newcomers' path): it comes first,
    then the pages with both words anywhere, the budget courses first; the status says how many (before, the path
    was all)."""
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    search(page, "budgetkursus")
    shown = every_result(page)
    status = page.get_by_role("status").inner_text()
    page.close()
    assert shown[0] == "forloeb/ny-i-afdelingsbestyrelsen"
    assert set(shown[1:4]) == {"kurser/grundlaeggende-budget-og-regnskab", "kurser/budgetopfoelgning",
                               "kurser/webinar-saadan-laeser-du-afdelingens-budget"}, shown
    assert status == f"{len(shown)} resultater for ”budgetkursus”.", status
    assert all("budget" in text for text in texts_of_pages(sample_site, shown))


def test_stop_words_are_not_searched_when_a_query_has_other_words(browser: Any, base_url: str) -> None:
    """'kursus i vores afdeling' is searched as 'kursus afdeling' (Snowball's Danish stop words and 'vores'/'jeres'
    left out): the tailored courses come first, not the pages that happen to say 'vores'. A query of stop words
    alone is searched as typed."""
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    search(page, "kursus i vores afdeling")
    with_stop_words = [r["path"] for r in results(page)]
    search(page, "kursus afdeling")
    assert with_stop_words == [r["path"] for r in results(page)]
    assert {"skraeddersyet", "kurser/bestil-et-kursus-til-jeres-bestyrelse"} & set(with_stop_words[:3])
    search(page, "hvad er")
    assert page.get_by_role("status").inner_text().endswith("for ”hvad er”.")
    assert results(page)
    page.close()


def test_a_word_on_most_pages_need_not_be_on_a_page_found(browser: Any, base_url: str, sample_site: Path) -> None:
    """'bestyrelsen' is on more than half the pages: in 'flere med i bestyrelsen' it is not required, only ranks
    (Lucene's common terms query). The recruitment topic ('Sådan får flere beboere lyst til at være med …'), which
    does not say 'bestyrelsen', is found; before, only pages with both words were. Alone it is searched as ever."""
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    search(page, "flere med i bestyrelsen")
    shown = every_result(page)
    status = page.get_by_role("status").inner_text()
    search(page, "bestyrelsen")
    alone = every_result(page)
    page.close()
    topic = "emner/rekruttering"
    assert topic in shown[:5], shown
    assert "bestyrelsen" not in texts_of_pages(sample_site, [topic])[0]
    assert all("flere" in text for text in texts_of_pages(sample_site, shown))
    assert not status.startswith("Ingen sider"), status
    assert topic not in alone and len(alone) > len(shown)


def test_a_course_result_shows_the_session_its_card_shows(browser: Any, base_url: str, sample_site: Path) -> None:
    """A course's search result says its next session's date and place, as the course's card on /kurser/ does;
    a course with none says so; other pages have no session line."""
    from bs4 import BeautifulSoup

    catalogue = BeautifulSoup((sample_site / "kurser" / "index.html").read_text(encoding="utf-8"), "html.parser")
    cards = {card.select_one(".kursus-kort__titel a").get_text(): " ".join(
        card.select_one(".kursus-kort__hold").get_text().split()) for card in catalogue.select(".kursus-kort")}
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + "soeg/")

    def shown_for(query: str) -> list[tuple[str, str, str | None]]:
        search(page, query)
        return page.locator(".soeg-resultat").evaluate_all("""items => items.map(item => [
            item.querySelector('.soeg-resultat__type').textContent,
            item.querySelector('.soeg-resultat__link').textContent,
            (item.querySelector('.soeg-resultat__hold') || {}).textContent || null])""")

    shown = shown_for("budget")
    courses = [(title, session) for kind, title, session in shown if kind == "Kursus"]
    assert len(courses) >= 3 and all(session == cards[title] for title, session in courses), (courses, cards)
    assert any(session.startswith("Næste hold: ") and ", Online · " in session for _, session in courses)
    assert all(session is None for kind, _, session in shown if kind != "Kursus")
    # a session over several meetings: its first day and how many, as on its card
    for query, title, session in (
            ("grøn ambassadør", "Grøn ambassadør",
             "Næste hold: onsdag 7. april 2027 (første af 3 aftener), Aarhus V · Få pladser tilbage"),
            ("formandsuddannelsen", "Formandsuddannelsen",
             "Næste hold: fredag 19. marts 2027 (første af 3 mødegange), Roskilde · Få pladser tilbage")):
        found = {found_title: found_session for kind, found_title, found_session in shown_for(query)
                 if kind == "Kursus"}
        assert found.get(title) == session == cards[title], (query, found)
    size = page.locator(".soeg-resultat__hold").first.evaluate("n => parseFloat(getComputedStyle(n).fontSize)")
    assert size >= 16
    page.close()


def test_results_show_title_and_intro_and_title_matches_rank_first(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "soeg/?q=dirigent")
    page.wait_for_selector(".soeg-resultat")
    shown = results(page)
    # Both pages with the word in their title come before the many that mention it in passing.
    assert {r["title"] for r in shown[:2]} == {"Dirigent på afdelingsmødet", "Afdelingsmødet og dirigentrollen"}
    intro = ("Lær at planlægge og lede et afdelingsmøde efter reglerne – fra indkaldelse og dagsorden til "
             "afstemninger og referat.")
    video_intro = ("En kort video om dirigentens opgaver – fra valget i starten af mødet til afstemninger og "
                   "referat.")
    assert shown[0]["intro"] in (intro, video_intro)
    status = page.get_by_role("status").inner_text()
    assert status.endswith(" resultater for ”dirigent”.") and int(status.split()[0]) >= len(shown) > 5, status
    page.close()


# Queries whose results hold every kind of page between them, with the kind each expected page must show.
KINDS = {
    "dirigent": {"kurser/afdelingsmoedet-og-dirigentrollen": "Kursus",
                 "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet": "Video"},
    "referat": {"vaerktoejskasse/skabeloner/referat-bestyrelsesmoede": "Skabelon"},
    "budgettet": {"vaerktoejskasse/vejledninger/budgettet-trin-for-trin": "Vejledning"},
    "økonomi": {"emner/oekonomi": "Emne"},
    "loven": {"vaerktoejskasse/links/lov-om-almene-boliger": "Link"},
    "formand": {"forloeb/formand-for-afdelingsbestyrelsen": "Forløb"},
}


def test_each_result_says_what_kind_of_page_it_is_in_readable_type(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + "soeg/")
    kinds: set[str] = set()
    for query, expected in KINDS.items():
        search(page, query)
        shown = {r["path"]: r["kind"] for r in results(page)}
        assert {path: shown.get(path) for path in expected} == expected, query
        kinds |= set(shown.values())
    assert kinds >= {"Kursus", "Skabelon", "Vejledning", "Video", "Link", "Emne", "Forløb"}
    # Kind, title and intro at 16 px or more; the field and its button at least 44 x 44 px.
    sizes = page.locator(".soeg-resultat__type, .soeg-resultat__link, .soeg-resultat__intro").evaluate_all(
        "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))")
    assert sizes and min(sizes) >= 16, sizes
    for control in (page.get_by_role("searchbox", name="Søg efter kurser, skabeloner og vejledninger"),
                    page.locator("#soeg").get_by_role("button", name="Søg", exact=True)):
        box = control.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    assert page.locator(".soeg__status").get_attribute("aria-live") == "polite"
    page.close()


# Pages that are not for a resident looking for something, and words that are on them.
NOT_FOUND = {"": "velkommen", "om/redigering": "redigerer", "om/nye-filer": "udfylde", "om/formatet": "udelades",
             "kurser/katalog": "udskrift", "soeg": "søg", "404.html": "found"}


def test_editors_guide_front_page_and_printable_catalogue_are_never_found(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    seen: set[str] = set()
    for query in [*NOT_FOUND.values(), "kursus", "budget", "referat", "afdelingsmøde", "bestyrelsen", "yaml"]:
        search(page, query)
        seen |= {r["path"] for r in results(page)}
    # Show every result of a query that finds most pages, not just the first ten.
    search(page, "og")
    while page.locator(".soeg__flere").is_visible():
        page.locator(".soeg__flere").click()
        page.wait_for_timeout(100)
    seen |= {r["path"] for r in results(page)}
    assert len(seen) > 40
    assert not seen & set(NOT_FOUND), seen & set(NOT_FOUND)
    page.close()


def test_no_page_is_shown_twice_and_no_two_results_read_the_same(browser: Any, base_url: str) -> None:
    """'Årshjul for afdelingsbestyrelsen' is a template and a guide, 'Bestil et kursus til jeres bestyrelse' a course
    and the ordering page: told apart by their kinds. A page matching several words of a query is shown once."""
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    for query in ["budget", "referat", "møde", "bestil kursus", "årshjul", "referat hundehold budget"]:
        search(page, query)
        while page.locator(".soeg__flere").is_visible():
            page.locator(".soeg__flere").click()
            page.wait_for_timeout(100)
        shown = results(page)
        paths = [r["path"] for r in shown]
        assert len(paths) == len(set(paths)), query
        readings = [(r["kind"], r["title"]) for r in shown]
        assert len(readings) == len(set(readings)), (query, readings)
    page.close()


def test_when_no_page_has_every_word_the_best_matches_are_shown_and_said_so(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    search(page, "referat hundehold")  # the minutes template and the proposal about dogs: no page has both
    status = page.get_by_role("status").inner_text()
    assert status.startswith("Ingen sider indeholder alle ordene i ”referat hundehold”. Her er de sider, der passer "
                             "bedst:"), status
    top = [r["path"] for r in results(page)][:5]
    assert {"vaerktoejskasse/skabeloner/referat-bestyrelsesmoede",
            "vaerktoejskasse/skabeloner/forslag-til-afdelingsmoedet"} <= set(top), top
    # Pages with more of the words come first: two of three words beat one.
    search(page, "referat hundehold afdelingsmødet")
    assert [r["path"] for r in results(page)][0] == "vaerktoejskasse/skabeloner/forslag-til-afdelingsmoedet"
    search(page, "xyzzy qwerty")
    assert page.get_by_role("status").inner_text().startswith("Ingen resultater for ”xyzzy qwerty”.")
    assert results(page) == []
    page.close()


def test_header_search_form_opens_the_search_page(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/")
    page.get_by_role("searchbox", name="Søg på sitet").fill("husorden")
    page.keyboard.press("Enter")
    page.wait_for_selector(".soeg-resultat")
    assert urlsplit(page.url).path.endswith("/soeg/")
    assert "husorden" in page.locator(".soeg-resultat__link").first.inner_text().lower()
    # The address follows what is searched.
    search(page, "budget")
    assert urlsplit(page.url).query == "q=budget"
    page.close()


# Pages per part of the index in the test of a large site: few enough for three parts of the sample, many enough that
# each part holds a page one of QUERIES should find (the first holds the topics' and paths' pages, found by none)
PER_PART = 30


@pytest.fixture(scope="module")
def parted(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[str]]]:
    """The sample site indexed as a large site is: in parts, here of at most PER_PART pages each; and its parts."""
    site = tmp_path_factory.mktemp("dele") / "site"
    shutil.copytree(sample_site, site, ignore=shutil.ignore_patterns("pagefind*"))
    with ThreadPoolExecutor() as thread:  # away from the event loop that drives Chromium
        parts = thread.submit(build_search_index, site, pages_per_part=PER_PART).result()
    return site, parts


def test_a_large_site_is_indexed_in_parts_that_are_searched_together(browser: Any,
                                                                    parted: tuple[Path, list[list[str]]]) -> None:
    parted_site, parts = parted
    pages = sum(1 for p in parted_site.rglob("*.html") if is_indexed(p.relative_to(parted_site).as_posix()))
    # As few parts as hold the pages, shared out evenly.
    assert pages > 2 * PER_PART and len(parts) == -(-pages // PER_PART) and sum(map(len, parts)) == pages
    assert [len(part) for part in parts[:-1]] == [-(-pages // len(parts))] * (len(parts) - 1)
    bundles = ["pagefind"] + [f"pagefind-{number}" for number in range(2, len(parts) + 1)]
    script = (parted_site / "pagefind" / "dele.js").read_text()
    assert script == f"window.searchIndexParts = {json.dumps([f'{b}/' for b in bundles[1:]])};\n"
    for bundle in bundles:
        assert (parted_site / bundle / "pagefind-entry.json").is_file()
    # The pages the queries should find are spread over all the parts …
    part_of = {page.removesuffix("index.html").strip("/"): number for number, part in enumerate(parts) for page in part}
    assert {part_of[expected] for _, expected in QUERIES} == set(range(len(parts)))
    # … and the search page finds them as well as from one index.
    server, url = serve(parted_site)
    try:
        page = browser.new_page()
        page.goto(url + "soeg/")
        missed = [(query, expected) for query, expected in QUERIES if expected not in our_top5(page, query)]
        page.close()
    finally:
        server.shutdown()
    assert 1 - len(missed) / len(QUERIES) >= RECALL_TARGET, missed


def test_the_index_made_during_the_build_is_pagefinds_index_of_the_written_pages(sample_site: Path,
                                                                                 tmp_path: Path) -> None:
    """The build hands Pagefind each page's content alone, before the theme writes the page (SearchIndex): the
    index is the same, file for file, as Pagefind's of the pages as written (the theme adds nothing indexed)."""
    written = tmp_path / "sider"
    for page in sample_site.rglob("*.html"):
        path = page.relative_to(sample_site).as_posix()
        if is_indexed(path):
            (written / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, written / path)
    with ThreadPoolExecutor() as thread:  # away from the event loop that drives Chromium
        thread.submit(_write_index, written, tmp_path / "pagefind").result()

    def files(bundle: Path) -> dict[str, bytes]:
        return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}

    built = files(sample_site / "pagefind")
    assert built.pop("dele.js") == b"window.searchIndexParts = [];\n"
    assert len(built) > 50 and built == files(tmp_path / "pagefind")


def test_a_very_long_word_is_not_split() -> None:
    """Splitting takes time that grows with the cube of a word's length: an editor's 2,400-letter word
    took minutes. Words longer than any Danish compound are left whole (the alarm fails the test instead of
    hanging it)."""
    import signal

    from catalogue.search import CompoundSplitter

    splitter = CompoundSplitter.from_texts(["kursus kurser møde"])
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("splitting a long word took more than 5 s"))
    signal.alarm(5)
    try:
        assert splitter.parts("kursus" * 400) == []
        assert splitter.parts("kursusmøde") == ["kursus", "møde"]
    finally:
        signal.alarm(0)


def test_a_long_compound_is_found_by_every_run_of_its_parts() -> None:
    """A page's compound of three parts or more gets, as index terms, its smallest parts and every run of them that
    is a word of its own, first parts as well as last (issue 29); the search page may search a query's compound as
    any of its cuts into known words, the fewest pieces first."""
    from catalogue.search import CompoundSplitter, index_terms_html, indexed_text

    splitter = CompoundSplitter.from_texts(["afdelingsbestyrelsen bestyrelsesmøde møde"], listed=frozenset())
    word = "afdelingsbestyrelsesmødet"
    assert splitter.atoms(word) == ["afdeling", "bestyrelse", "mødet"]
    assert splitter.runs(word) == ["afdelingsbestyrelse", "bestyrelsesmødet"]
    assert splitter.segmentations(word) == [["afdeling", "bestyrelsesmødet"], ["afdelingsbestyrelse", "mødet"],
                                            ["afdeling", "bestyrelse", "mødet"]]
    terms = "".join(index_terms_html(splitter, "Referat", f"<p>Referat af {word}</p>"))
    assert {"afdeling", "bestyrelse", "mødet", "afdelingsbestyrelse", "bestyrelsesmødet"} <= set(
        indexed_text(terms).split())
    # a part that is a word of the word list is not split again: 'sortering', not 'sorte' + 'ring'
    listed = CompoundSplitter.from_texts(["affald sorte ring"], listed=frozenset({"sortering"}))
    assert listed.atoms("affaldssortering") == ["affald", "sortering"]


def test_an_index_is_written_whole_and_by_the_build_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind's command returns when its files are written (its service said so before the last bytes of a file
    were on the disk, and was stopped: now and then a file was cut short); Pagefind's settings in the environment
    (PAGEFIND_…, which it reads) change nothing; a failure is said in Danish."""
    import gzip
    import subprocess

    from catalogue.search import _PAGE_FOR_INDEX, _index_command

    pages = tmp_path / "sider"
    for name in ("budget", "referat", "vedtaegter"):
        (pages / name).mkdir(parents=True)
        (pages / name / "index.html").write_text(_PAGE_FOR_INDEX.format(f"<h1>{name}</h1><p>Om {name}.</p>"),
                                                 encoding="utf-8")

    def files(bundle: Path) -> dict[str, bytes]:
        return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}

    assert _write_index(pages, tmp_path / "et") == 3
    written = files(tmp_path / "et")
    for data in written.values():
        if data[:2] == b"\x1f\x8b":  # compressed: whole when it ends with its length and checksum
            gzip.decompress(data)
    assert json.loads(written["pagefind-entry.json"])["languages"]["da"]["page_count"] == 3

    monkeypatch.setenv("PAGEFIND_KEEP_INDEX_URL", "true")  # result addresses ending in index.html
    monkeypatch.setenv("PAGEFIND_GLOB", "budget/*.html")
    assert _write_index(pages, tmp_path / "to") == 3 and files(tmp_path / "to") == written
    # … as they would, passed on to Pagefind
    subprocess.run(_index_command(tmp_path / "tre"), cwd=pages, check=True)
    assert files(tmp_path / "tre") != written

    (pages / "tom").mkdir()
    with pytest.raises(RuntimeError, match="^Pagefind stoppede med fejlkode 1: "):
        _write_index(pages / "tom", tmp_path / "fire")


def test_extra_index_terms_come_from_the_text_not_from_the_json_ld(sample_site: Path) -> None:
    """A course page's JSON-LD (EventAttendanceMode, PostalAddress …) is no text of the page: none of its words,
    nor parts of them, is indexed; the description's compounds are."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup((sample_site / "kurser" / "det-gode-bestyrelsesmoede" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert page.select_one('script[type="application/ld+json"]') is not None
    terms = " ".join(block.get_text() for block in page.select(".soeg-ord")).lower().split()
    assert terms, "no extra terms at all"
    assert not {t for t in terms if any(word in t for word in ("attendance", "postal", "address", "schema", "offer"))}


def test_an_abandoned_index_writes_nothing_more_and_leaves_no_folder(tmp_path: Path) -> None:
    """A build that fails stops its search index (SiteBuild.abandon, from MkDocs' on_build_error): the pages
    waiting are not indexed, and the folder they waited in is gone."""
    from catalogue.search import SearchIndex

    site = tmp_path / "site"
    index = SearchIndex(site, pages=4, pages_per_part=2)
    for number in range(4):
        index.add(f"kurser/k{number}/index.html", f"<h1>Kursus {number}</h1><p>referat</p>")
    index.abandon()
    assert list(site.iterdir()) in ([], [site / "pagefind"])  # at most the first part, if it was done already
    with pytest.raises(RuntimeError, match="søgeindekset kunne ikke laves"):
        index.finish()


def test_pages_are_indexed_in_parts_as_they_come(tmp_path: Path) -> None:
    from catalogue.search import SearchIndex

    site = tmp_path / "site"
    index = SearchIndex(site, pages=5, pages_per_part=2)  # three parts: 2, 2 and 1 page
    for number in range(5):
        index.add(f"kurser/k{number}/index.html", f"<h1>Kursus {number}</h1><p>referat nummer {number}</p>")
    index.add("404.html", "<h1>Ikke fundet</h1>")  # never indexed
    assert index.finish() == 5
    assert index.parts == [["kurser/k0/index.html", "kurser/k1/index.html"],
                           ["kurser/k2/index.html", "kurser/k3/index.html"], ["kurser/k4/index.html"]]
    assert sorted(p.name for p in site.iterdir()) == ["pagefind", "pagefind-2", "pagefind-3"]
    assert (site / "pagefind" / "dele.js").read_text() == 'window.searchIndexParts = ["pagefind-2/", "pagefind-3/"];\n'
    for bundle in ("pagefind", "pagefind-2", "pagefind-3"):
        assert json.loads((site / bundle / "pagefind-entry.json").read_text())["languages"]["da"]["page_count"] >= 1


def test_extra_index_terms_come_only_from_the_text_the_index_holds() -> None:
    """The parts Pagefind leaves out (NOT_INDEXED, scripts, data-pagefind-ignore="all") give no extra terms either,
    however their HTML nests: end tags left out inside them, stray end tags, deep nesting."""
    from catalogue.search import CompoundSplitter, index_terms_html, indexed_text

    fragment = ('<p>Om regler</p><div class="regler"><ul><li>kursusstart<li><p>afmeldingsfrist</ul>'
                '<br><img alt="x"></div><p>budgetkontrol</p><script>var vaskekælderen = 1;</script>'
                '<div data-pagefind-ignore="all"><p>telefonnummer</div></i></b><p>helhedsplan</p>')
    assert indexed_text(fragment).split() == ["Om", "regler", "budgetkontrol", "helhedsplan"]
    splitter = CompoundSplitter.from_texts(["kursus start afmelding frist budget kontrol telefon nummer helhed plan "
                                            "vaske kælderen"], listed=frozenset())
    before, after = index_terms_html(splitter, "Regler", fragment)
    assert before == ""  # no compound in the title
    assert indexed_text(after).split() == ["budget", "kontrol", "helhed", "plan"]
    # deep nesting inside a left-out part, then stray end tags: the text after it is still indexed
    hostile = '<div class="kontakt">' + "<b>" * 50_000 + "</i>" * 50_000 + "</div><p>referat</p>"
    assert indexed_text(hostile).split() == ["referat"]
    # a quoted '>' in an attribute, a comment, a declaration and a self-closed element end nothing early
    quoted = ('<!doctype html><p title="a > b" class=\'x>y\'>møde</p><!-- <div class="regler"> -->'
              '<span class="regler" data-x="1"/><p data-pagefind-ignore="all">nej</p>referat &amp; regnskab')
    assert indexed_text(quoted).split() == ["møde", "referat", "&", "regnskab"]
