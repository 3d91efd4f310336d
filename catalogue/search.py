"""Danish search: compound words split into extra index terms, and the Pagefind index.

Pagefind stems Danish words and matches the beginnings of words, so 'afdeling'
finds 'afdelingsmødet' but 'møde' does not. Each page therefore gets its
compound words' parts as extra, invisible index terms ('afdelingsmødet' →
'afdeling', 'mødet'), weighted like the text they come from, and of a compound
of three parts or more also its smallest parts and every run of them that is a
word of its own ('afdelingsbestyrelsesmødet' → 'afdeling', 'bestyrelse',
'afdelingsbestyrelse', 'bestyrelsesmødet'). Parts are words of the site, a few
seed words, or words of a real Danish word list (wordfreq's). The search page
finds a query's compound itself first, and its parts only where they stand near
each other, below (soeg.js).

Each indexed page also says what kind of page it is (Kursus, Skabelon, …) as
Pagefind metadata; pages that are not for residents looking for something are
not indexed at all.
"""

from __future__ import annotations

import functools
import html
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import snowballstemmer

from . import offer
from .models import TOOLKIT_TYPES, Course
from .processes import die_with_parent
from .urls import (
    ADMIN_PAGE,
    EDITORS_GUIDE,
    HOME,
    NEW_FILES,
    PRINTABLE,
    REFERENCE,
    RESERVED_SLUGS,
    SEARCH,
    course_src,
    is_poster_file,
    page_file,
    path_src,
    topic_src,
)

if TYPE_CHECKING:
    from .catalogue import Catalogue

# Pages no resident searches for: the front page (it only points elsewhere), the printable catalogue (every course
# again), the editors' guide, its scaffolds and its format reference (every key: 'pris', 'hold', 'tilmelding' …,
# the words residents search courses by), and the search page itself. Not indexed at all, and neither is the
# theme's 404 page.
NOT_INDEXED_PAGES = (HOME, PRINTABLE, EDITORS_GUIDE, NEW_FILES, REFERENCE, SEARCH)
NOT_INDEXED_FILES = frozenset({"404.html", ADMIN_PAGE, *map(page_file, NOT_INDEXED_PAGES)})
# The kind of page a search result says it is (the toolkit's kinds are its types' names).
COURSE_KIND, TOPIC_KIND, PATH_KIND, OTHER_KIND = "Kursus", "Emne", "Forløb", "Side"

# Page parts that repeat on many pages or only point elsewhere: left out of the index,
# so a search finds the page about a thing rather than every list that mentions it.
NOT_INDEXED = [".kursus-liste", ".materiale-liste", ".materiale-emne", ".kontakt", ".regler", ".hold__hjaelp",
               ".emne-knapper", ".emne-liste", ".genveje", ".md-source-file",
               # /om/evaluering/'s table and list name every evaluated course: a course's name finds its page
               ".evaluering-tabel", ".evaluering-faa", ".vurdering__link",
               # a learning path's steps by their titles, not by the intros of their courses and pages again; the
               # box on a course page naming its paths, and the lists of paths on the front and new members' pages
               ".forloeb-trin__intro", ".forloeb-boks", ".forloeb-links"]
TITLE_WEIGHT = 7  # as Pagefind weighs a page's <h1>
# Pagefind needs about 180 kB of memory per course page while it writes its index (2.3 GB for
# 15,000 pages), on top of what the build itself holds: a larger site is indexed in parts of
# about this many pages (see SearchIndex), which keeps the two together under 1.5 GB.
PAGES_PER_PART = 2000
# In the first part's folder: a script naming the other parts' folders (from the site's root) to the search page.
PARTS_FILE = "dele.js"
PARTS_VARIABLE = "searchIndexParts"
MIN_PART = 3
MIN_WORD = 7
MAX_WORD = 40  # longer is no Danish compound but a slip (or an attack): splitting it would take minutes
# Words of the Danish word list are parts of a compound only as written and from this length: its short words are
# as often endings or abbreviations ('erne', 'lige', 'ling', 'afd') as words, and would split 'afdeling' in two.
MIN_LISTED_PART = 5

_WORD = re.compile(r"[a-zæøåéü]+")
# Short and common words that are never a part of a compound worth searching for.
_FUNCTION_WORDS = frozenset("""
af alle alt and at bag blev bliver da de dem den denne der deres det dig din dine disse du efter eller en end
er et for fra få går har hen her hos hun hvad hvem hver hvis hvor i ikke ind jeg jer jo kan kom man mand med
men mere mig min mod når nu og om op os over på sig sin sine skal som så til ud under var vi vil være ved
ene ens ing ning else hed ske ret lig tid sted enten gerne erne ernes ende
""".split())
_LINKS = ("s", "e")  # Danish linking letters: afdeling-s-møde, barn-e-vogn
# Words of the resident democracy that compounds are made of, whether or not a page uses them alone.
SEED_WORDS = """
afdeling afmelding affald forretning afstemning aktivitet arbejde administration beboer beretning beslutning bestyrelse
budget byggeri demokrat dagsorden drift dirigent energi ejendom erfaring forening formand forslag forsamling
fællesskab fest frist general gruppe grøn have helhed hjul hund hus husleje husorden husstand indkaldelse
kasserer klage konflikt konto kontor kursus leje legeplads liste lov medie midler møde nabo netværk nyhed orden
opfølgning opgang opslag organisation penge pligt plan pris referat regel reglement regnskab renovering
repræsentant repræsentantskab råd sag samarbejde skabelon stemme støj suppleant tal tavshed tilmelding tjekliste
udvalg valg vaskeri vedligeholdelse vedtægt vejledning video webinar år økonomi
"""


@functools.cache
def danish_words() -> frozenset[str]:
    """The words of wordfreq's Danish list (pinned in requirements.txt) that may be a part of a compound."""
    from wordfreq import top_n_list

    return frozenset(word for word in top_n_list("da", 100_000)
                     if len(word) >= MIN_LISTED_PART and _WORD.fullmatch(word) and word not in _FUNCTION_WORDS)


@dataclass
class CompoundSplitter:
    """Splits Danish compounds into parts that are words of the site's own vocabulary or of a Danish word list."""

    words: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    listed: frozenset[str] = frozenset()  # the word list's words: parts only as written, never as a head alone
    _stemmer: object = field(default_factory=lambda: snowballstemmer.stemmer("danish"), repr=False)
    _cache: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _word_terms: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)  # ``terms``, by word

    @classmethod
    def from_texts(cls, texts: Iterable[str], listed: frozenset[str] | None = None) -> CompoundSplitter:
        """A splitter that knows the seed words, every word of the given texts and the Danish word list."""
        splitter = cls(listed=danish_words() if listed is None else listed)
        for text in [SEED_WORDS, *texts]:
            for word in _WORD.findall(text.lower()):
                if len(word) >= MIN_PART and word not in _FUNCTION_WORDS:
                    splitter.words.add(word)
        splitter.stems = {splitter._stem(w) for w in splitter.words}
        return splitter

    def _stem(self, word: str) -> str:
        return self._stemmer.stemWord(word)

    def _known(self, part: str, listed: bool = True) -> bool:
        """A word of the vocabulary, or an inflection of one (inflections only from five letters); with
        ``listed``, also a word of the word list as it is written there."""
        if len(part) < MIN_PART or part in _FUNCTION_WORDS:
            return False
        return (part in self.words or (len(part) >= 5 and self._stem(part) in self.stems)
                or (listed and part in self.listed))

    def parts(self, word: str) -> list[str]:
        """['afdeling', 'mødet'] for 'afdelingsmødet'; [] when the word is not a known compound.

        Parts are known words; failing that, a head of four letters or more from the site's own
        vocabulary with a tail of five or more ('konflikt' + 'håndtering').
        """
        word = word.lower()
        if word not in self._cache:
            splittable = MIN_WORD <= len(word) <= MAX_WORD
            self._cache[word] = (self._split(word) or self._split_after_head(word)) if splittable else []
        return self._cache[word]

    def _split_after_head(self, word: str) -> list[str]:
        for cut in range(len(word) - 5, 3, -1):
            head = word[:cut]
            for candidate in [head[:-1] for link in _LINKS if head.endswith(link)] + [head]:
                if len(candidate) >= 4 and self._known(candidate, listed=False):
                    return [candidate, word[cut:]]
        return []

    def _split(self, word: str) -> list[str]:
        # The longest known head first: 'bestyrelses|møde' rather than 'best|yrelsesmøde'.
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            heads = [head[:-1] for link in _LINKS if head.endswith(link)] + [head]
            known_head = next((h for h in heads if self._known(h)), None)
            if known_head is None:
                continue
            if self._known(tail):
                return [known_head, tail]
            rest = self._split(tail) if len(tail) >= 2 * MIN_PART else []
            if rest:
                return [known_head, *rest]
        return []

    def atoms(self, word: str) -> list[str]:
        """A compound's smallest parts, each part split again while it is a compound itself:
        ['afdeling', 'bestyrelse', 'mødet'] for 'afdelingsbestyrelsesmødet'; [] when the word is no compound. A part
        that is a word of the Danish word list is a word of its own ('sortering', not 'sorte' + 'ring')."""
        return [atom for part in self.parts(word)
                for atom in ([part] if part in self.listed else self.atoms(part) or [part])]

    def runs(self, word: str) -> list[str]:
        """The runs of two or more of a compound's smallest parts, short of the whole word, that are words of their
        own, as the word writes them: ['afdelingsbestyrelse', 'bestyrelsesmødet'] for 'afdelingsbestyrelsesmødet'."""
        word = word.lower()
        atoms = self.atoms(word)
        spans = _spans(word, atoms)
        if not spans:
            return []
        return [run for first in range(len(atoms)) for last in range(first + 1, len(atoms))
                if (first, last) != (0, len(atoms) - 1)
                for run in [word[spans[first][0]:spans[last][1]]] if self._known(run)]

    def segmentations(self, word: str) -> list[list[str]]:
        """The ways to cut a compound into two or more words that are known words, each of its smallest parts
        or a run of them (``runs``), fewest pieces first: what a query's compound is searched as when the compound
        itself is not found ('afdelingsbestyrelsesmødet' → 'afdelingsbestyrelse mødet', 'afdeling
        bestyrelsesmødet', 'afdeling bestyrelse mødet'). A compound with a part that is no known word (a guess
        such as 'kommun' + 'ikation') has none."""
        word = word.lower()
        atoms = self.atoms(word)
        if not atoms or not all(self._known(atom) for atom in atoms):
            return []
        runs = set(self.runs(word))
        spans = _spans(word, atoms)
        if not spans:
            return [atoms]

        def piece(first: int, last: int) -> str | None:
            if first == last:
                return atoms[first]
            text = word[spans[first][0]:spans[last][1]]
            return text if text in runs else None

        def cuts(first: int) -> list[list[str]]:
            if first == len(atoms):
                return [[]]
            found = []
            for last in range(first, len(atoms)):
                if (first, last) != (0, len(atoms) - 1) and (text := piece(first, last)) is not None:
                    found += [[text, *rest] for rest in cuts(last + 1)]
            return found

        return sorted(cuts(0), key=len)

    def compounds(self) -> dict[str, list[list[str]]]:
        """Every compound split so far whose parts are known words, with the ways to search it as its parts
        (``segmentations``): what the search page searches a query's compound as, below the compound itself."""
        for word in list(self._cache):
            for run in self.runs(word):  # a compound of the site as well, if only inside longer ones
                self.parts(run)
        found = {}
        for word in list(self._cache):
            ways = self.segmentations(word)
            if ways:
                found[word] = ways
        return found

    def vocabulary(self) -> list[str]:
        """The words the search page splits a query's compound into when the site does not have it
        ('referatskabelon' → 'referat', 'skabelon'): the seed words and every part of the site's compounds that is
        a known word."""
        words = {atom for word in list(self._cache) for atom in self.atoms(word) if self._known(atom)}
        words |= {word for word in _WORD.findall(SEED_WORDS)}
        return sorted(words)

    def terms(self, text: str) -> list[str]:
        """Every compound part in a text (its parts, smallest parts and runs: ``atoms``, ``runs``), once each, in
        order of appearance."""
        seen: dict[str, None] = {}
        for word in _WORD.findall(text.lower()):
            found = self._word_terms.get(word)
            if found is None:  # a word is split once: the pages share most of theirs
                found = self._word_terms[word] = (*self.parts(word), *self.atoms(word), *self.runs(word))
            for part in found:
                seen.setdefault(part, None)
        return list(seen)


def _spans(word: str, atoms: list[str]) -> list[tuple[int, int]]:
    """Where each of a compound's parts stands in it (a linking letter, 's' or 'e', between two of them left out);
    [] when they are not its parts."""
    spans, start = [], 0
    for atom in atoms:
        start = word.find(atom, start)
        if start < 0:
            return []
        spans.append((start, start + len(atom)))
        start += len(atom)
    return spans


# The classes of the parts left out of the index (NOT_INDEXED is written as class selectors for Pagefind).
_NOT_INDEXED_CLASSES = frozenset(selector.removeprefix(".") for selector in NOT_INDEXED)
assert all(selector.startswith(".") and selector[1:].replace("-", "").replace("_", "").isalnum()
           for selector in NOT_INDEXED), "NOT_INDEXED holds class selectors only"
# Elements without an end tag: they open nothing a left-out part has to close.
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


# Our pages' markup, in one pass of the regular expression engine: a comment, a declaration, or a tag with its
# attributes (a quoted value may hold '>'). It reads only pages this build wrote, where every '<' of the text is
# '&lt;' (Jinja, nh3) and every attribute's value is quoted and closed (Jinja's templates, nh3's serializer): each
# try then ends at its tag's '>', and each alternative begins with a character of its own, so nothing is tried twice
# and the time is linear. (html.parser's pure-Python tokenizer took three times as long: a millisecond and a half for
# each course page.)
_MARKUP = re.compile(r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][^\s/>]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def _left_out(tag: str, attributes: str) -> bool:
    """Whether an element begins a part Pagefind leaves out: a script or style, an element marked
    ``data-pagefind-ignore="all"``, or one of a class of NOT_INDEXED."""
    if tag in ("script", "style"):
        return True
    if "data-pagefind-ignore" not in attributes and "class" not in attributes:
        return False
    for found in _ATTRIBUTE.finditer(attributes):
        name, value = found[1].lower(), html.unescape(next((v for v in found.groups()[1:] if v is not None), ""))
        if (name == "data-pagefind-ignore" and value == "all") or (
                name == "class" and set(value.split()) & _NOT_INDEXED_CLASSES):
            return True
    return False


def indexed_text(fragment: str) -> str:
    """The text of an HTML fragment as Pagefind indexes it: without scripts and styles, the parts of NOT_INDEXED,
    and the elements marked ``data-pagefind-ignore="all"``, each text between two tags a word apart. One pass."""
    texts: list[str] = []
    left_out: list[str] = []  # the open elements of the left-out part the text is in, outermost first
    open_there: Counter[str] = Counter()  # how many of each are open there: each end tag is looked up at once
    at = 0
    for markup in _MARKUP.finditer(fragment):
        if not left_out and markup.start() > at:
            texts.append(fragment[at:markup.start()])
        at = markup.end()
        closing, tag, attributes = markup.groups()
        if tag is None:  # a comment or a declaration
            continue
        tag = tag.lower()
        if closing:
            # An end tag closes the elements opened inside it whose end tags were left out ('<li>' without
            # '</li>'); each element is closed once, so this takes linear time however the fragment nests.
            if open_there[tag]:
                while (closed := left_out.pop()) != tag:
                    open_there[closed] -= 1
                open_there[tag] -= 1
        elif tag not in _VOID and not attributes.rstrip().endswith("/") and (left_out or _left_out(tag, attributes)):
            left_out.append(tag)
            open_there[tag] += 1
    if not left_out:
        texts.append(fragment[at:])
    return " ".join(html.unescape(text) for text in texts)


# The search page finds a compound's parts together (soeg.js) where they stand within NEAR_SPAN words of each other.
NEAR_SPAN = 3


def index_terms_html(splitter: CompoundSplitter, title: str, body_html: str) -> tuple[str, str]:
    """Invisible extra index terms for a page, its compounds' parts and runs (``CompoundSplitter.terms``), once each:
    the title's, weighted like the title, to stand just before the title, where the search page finds them near the
    title's other words ('afdeling møde' before 'Indkaldelse til afdelingsmøde' is found for 'mødeindkaldelse'); and
    the rest's, to stand at the end of the page."""
    title_terms = splitter.terms(title)
    body_terms = [t for t in splitter.terms(indexed_text(body_html)) if t not in title_terms]
    return tuple(  # type: ignore[return-value]
        f'<div class="soeg-ord" hidden aria-hidden="true"{weight}>{html.escape(" ".join(terms))}</div>' if terms
        else "" for terms, weight in ((title_terms, f' data-pagefind-weight="{TITLE_WEIGHT}"'), (body_terms, "")))


def page_kind(src_uri: str, catalogue: Catalogue) -> str | None:
    """What a page is, as its search result says ('Kursus', 'Skabelon', 'Emne', …); None: the page is not indexed."""
    if src_uri in NOT_INDEXED_PAGES:
        return None
    item = catalogue.toolkit.get(src_uri)
    if item is not None:
        return TOOLKIT_TYPES[item.meta.type][0]
    # Nothing but courses, topics and paths lives in these folders (an editor's page there is refused), and the
    # folders' own pages are the catalogue and the topics' list: known by their path, without a look-up per page.
    slug = src_uri.rpartition("/")[2].removesuffix(".md")
    if src_uri == course_src(slug) and slug not in RESERVED_SLUGS:
        return COURSE_KIND
    if src_uri == topic_src(slug) and slug in catalogue.taxonomy.emner:
        return TOPIC_KIND
    if src_uri == path_src(slug) and any(entry.slug == slug for entry in catalogue.paths):
        return PATH_KIND
    return OTHER_KIND


def meta_html(key: str, value: str) -> str:
    """Metadata of a page's search result (an attribute: no word of it is indexed; Pagefind takes everything after
    the first colon as the value)."""
    return f'<span hidden data-pagefind-meta="{html.escape(f"{key}:{value}")}"></span>'


def kind_html(kind: str) -> str:
    """The page's kind for its search result."""
    return meta_html("type", kind)


def course_meta_html(course: Course, catalogue: Catalogue, today: date) -> str:
    """A course's next session for its search result, as its card shows it ('Næste hold: lørdag 6. marts 2027,
    Valby · Få pladser tilbage'), or that it has none."""
    session = offer.card_session(course, today)
    if session is None:
        return meta_html("hold", "Ingen planlagte hold")
    status = catalogue.taxonomy.label("status", session.status)
    return meta_html("hold", f"Næste hold: {offer.session_summary(session, today, status)}")


@dataclass(frozen=True)
class ForSearch:
    """What search needs at the end of each page's content: the page's kind and its compound words' parts."""

    catalogue: Catalogue
    splitter: CompoundSplitter
    today: date  # the reference date: a course's result shows its next session
    not_indexed: frozenset[str] = frozenset()  # pages not indexed besides NOT_INDEXED_PAGES (the preview's errors)

    def __call__(self, src_uri: str, title: str, content: str) -> str:
        """The page's content (its title as text) as it is published."""
        kind = None if src_uri in self.not_indexed else page_kind(src_uri, self.catalogue)
        if kind is None:
            return content
        meta = kind_html(kind)
        if kind == COURSE_KIND:
            entry = self.catalogue.course(src_uri.rpartition("/")[2].removesuffix(".md"))
            if entry is not None:
                meta += course_meta_html(entry.course, self.catalogue, self.today)
        before, after = index_terms_html(self.splitter, title, content)
        return before + content + meta + after


def _index_command(output: Path) -> list[str]:
    from pagefind_bin import get_executable

    command = [str(get_executable()), "--site", ".", "--output-path", str(output.resolve()), "--root-selector",
               "article", "--force-language", "da", "--silent"]
    for selector in NOT_INDEXED:
        command += ["--exclude-selectors", selector]
    return command


def _write_index(root: Path, output: Path) -> int:
    """Pagefind's index of the pages under ``root``, written to ``output``; returns how many pages it holds.

    Pagefind's command, which returns when its files are written. Its service answers that they are while the
    last bytes of a file may still be on their way to the disk, and the service is stopped when it answers: now and
    then a file was cut short (an empty pagefind-entry.json at 10,000 courses; a wasm file in the tests). The
    command runs in ``root`` (only the pages, so no Pagefind settings file) without Pagefind's settings from the
    environment (PAGEFIND_…), and ends with this process.
    """
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PAGEFIND_")}
    done = subprocess.run(_index_command(output), cwd=root, env=environment, capture_output=True, text=True,
                          preexec_fn=die_with_parent)
    if done.returncode:
        raise RuntimeError(f"Pagefind stoppede med fejlkode {done.returncode}: {(done.stderr or done.stdout).strip()}")
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def bundle_name(number: int) -> str:
    """The folder of the index's first part, 'pagefind', and of the others: 'pagefind-2', 'pagefind-3', …"""
    return "pagefind" if number == 1 else f"pagefind-{number}"


def is_indexed(path: str) -> bool:
    """Whether a file of the built site (e.g. 'kurser/x/index.html') is a page indexed for search: not a course's
    poster, which is no page of the site."""
    return path.endswith(".html") and path not in NOT_INDEXED_FILES and not is_poster_file(path)


# A page as Pagefind reads it: its content alone, in the element it indexes (the theme's <article>, NOT_INDEXED
# left out of it). The theme puts nothing indexed around the content, so the index is the same as of the page as
# written (tests/test_search.py).
_PAGE_FOR_INDEX = ('<!doctype html><html lang="da"><head><meta charset="utf-8"></head><body><article>{}</article>'
                   "</body></html>")


class SearchIndex:
    """The site's Pagefind index, made while the site is built.

    Each page is handed over as soon as its content is finished (``add``), before the theme has made and written
    the page, and written out for Pagefind at once; Pagefind indexes the pages in a process of its own, on another
    processor while the build goes on. Pagefind holds a whole index in memory while it writes it, so the index is
    made in parts of at most ``pages_per_part`` pages, each in a bundle of its own, indexed one at a time as each is
    full (a thread of this process waits for Pagefind); the first bundle names the others in ``PARTS_FILE``, and the
    search page searches them all together.
    """

    def __init__(self, site_dir: Path, pages: int, pages_per_part: int = PAGES_PER_PART) -> None:
        """``pages``: about how many pages there will be. They are shared out evenly between as few parts as hold
        them: the last part, indexed after the last page, is then no larger than it needs to be."""
        self.site_dir = site_dir
        self.pages_per_part = -(-pages // max(1, -(-pages // pages_per_part))) if pages else pages_per_part
        self.parts: list[list[str]] = []  # the pages of each part indexed (their files under site_dir), in order
        self._folder: Path | None = None  # where the part being filled waits for Pagefind
        self._part: list[str] = []  # its pages
        self._handed = 0  # parts handed to the thread
        self._full: queue.SimpleQueue[tuple[Path, list[str]] | None] = queue.SimpleQueue()
        self._failure: BaseException | None = None
        self._closed = False
        self._worker = threading.Thread(target=self._index, name="søgeindeks", daemon=True)
        self._worker.start()

    def add(self, path: str, content: str) -> None:
        """A page of the site (its file under ``site_dir``, e.g. 'kurser/x/index.html') and its finished content,
        the HTML the theme puts in its <article>; left out if it is not indexed (``is_indexed``).

        The page is written out for Pagefind here, in the caller's thread: a thread of its own would wait for
        Python's interpreter lock at every step while the build keeps it busy (3 s for a part of 1,500 pages, with
        Pagefind idle, at 3,000 courses), and a page takes a tenth of a millisecond to write."""
        if not is_indexed(path) or self._closed:
            return
        target = self._part_folder() / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_PAGE_FOR_INDEX.format(content), encoding="utf-8")
        self._part.append(path)
        if len(self._part) == self.pages_per_part:
            self._hand_over()

    def _part_folder(self) -> Path:
        """The folder of the part being filled: in the site's folder, so that it goes with a build that fails or is
        stopped (build.py); gone before the index is finished."""
        if self._folder is None:
            self.site_dir.mkdir(parents=True, exist_ok=True)
            self._folder = Path(tempfile.mkdtemp(prefix=".soeg-", dir=self.site_dir))
        return self._folder

    def _hand_over(self) -> None:
        """The part being filled is complete (or the last): the thread has Pagefind index it."""
        self._full.put((self._part_folder(), self._part))
        self._folder, self._part = None, []
        self._handed += 1

    def close(self) -> None:
        """Every page has been added: the last part is indexed now, while the build goes on."""
        if not self._closed:
            self._closed = True
            if self._part or not self._handed:
                self._hand_over()
            self._full.put(None)

    def finish(self) -> int:
        """Wait for the index (closed first if need be) and name the parts; returns how many pages there are."""
        self.close()
        self._worker.join()
        if self._failure is not None:
            raise RuntimeError(f"søgeindekset kunne ikke laves: {self._failure}") from self._failure
        others = [f"{bundle_name(number)}/" for number in range(2, len(self.parts) + 1)]
        (self.site_dir / bundle_name(1) / PARTS_FILE).write_text(f"window.{PARTS_VARIABLE} = {json.dumps(others)};\n",
                                                                 encoding="utf-8")
        return sum(map(len, self.parts))

    def abandon(self) -> None:
        """The build failed: stop, and write nothing more (what is written goes with the build's folder)."""
        self._failure = self._failure or RuntimeError("bygningen mislykkedes")
        self.close()
        self._worker.join()

    def _index(self) -> None:
        """The thread: each part handed over indexed in its turn, its folder removed after."""
        while (part := self._full.get()) is not None:
            folder, pages = part
            try:
                if self._failure is None:  # not abandoned, nor failed before
                    _write_index(folder, self.site_dir / bundle_name(len(self.parts) + 1))
                    self.parts.append(pages)
            except BaseException as failure:  # noqa: BLE001 - handed to the build's thread by finish
                self._failure = failure
            finally:
                shutil.rmtree(folder, ignore_errors=True)


_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)


def build_search_index(site_dir: Path, pages_per_part: int = PAGES_PER_PART) -> list[list[str]]:
    """Index a site already written (its pages in the order of their paths); returns the pages of each part."""
    pages = sorted(path for path in (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
                   if is_indexed(path))
    index = SearchIndex(site_dir, len(pages), pages_per_part)
    for path in pages:
        article = _ARTICLE.search((site_dir / path).read_text(encoding="utf-8"))
        index.add(path, article.group(1) if article else "")
    index.finish()
    return index.parts


# Beside the search page: the site's compounds and their parts, for the words of a query (see soeg.js).
COMPOUNDS_FILE = "soeg/sammensatte.json"


def write_compounds(site_dir: Path, splitter: CompoundSplitter, texts: Iterable[str]) -> None:
    """The site's compounds and how a query's compound may be searched as its parts ('afdelingsmøde' → 'afdeling
    møde'; ``CompoundSplitter.compounds``), and the words the search page splits a compound the site does not have
    into (``CompoundSplitter.vocabulary``).

    ``texts``: the texts of the pages made in processes of their own (a large site's course and toolkit pages),
    whose compounds the splitter here has not seen."""
    for text in texts:
        splitter.terms(text)
    target = site_dir / COMPOUNDS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    found = {"sammensatte": dict(sorted(splitter.compounds().items())), "ord": splitter.vocabulary()}
    target.write_text(json.dumps(found, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def site_texts(catalogue: Catalogue) -> Iterator[str]:
    """The words the site is written in: what the splitter may split compounds into."""
    for vocabulary in ("emner", "niveauer", "former", "målgrupper", "regioner", "kendetegn", "status"):
        yield from (entry.navn for entry in catalogue.taxonomy.vocabulary(vocabulary).values())
    for entry in catalogue.courses:
        yield from (entry.course.titel, entry.course.intro, entry.course.beskrivelse)
    for item in catalogue.toolkit.values():
        yield from (item.meta.titel, item.meta.intro, item.body)
