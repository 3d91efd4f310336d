"""HTML that editors may write in Markdown, and nothing that runs.

Markdown lets editors write raw HTML. Only what Markdown and the site's own
extensions make is kept (headings, lists, tables, links, images, ``details``,
admonitions, ``attr_list`` classes and ids): ``sanitize`` removes everything
else from the rendered HTML with nh3 (Rust's ammonia), and ``unsafe_html``
finds it in the Markdown an editor wrote, so ``check`` can say at which line
and why it will vanish.
"""

from __future__ import annotations

import bisect
import functools
import html.parser
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, NamedTuple, Sequence
from urllib.parse import parse_qsl, unquote

import markdown
import markupsafe
import nh3
from markdown.treeprocessors import Treeprocessor

from .linear_markdown import LinearMarkdown, TooCostly, Unfinished, with_linear_markdown

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
# On every allowed element; then per element.
COMMON_ATTRIBUTES = frozenset({"class", "id", "title", "lang"})
ELEMENT_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "details": {"open"},
    "abbr": set(),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Elements removed with everything in them, not just their tags.
REMOVED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript",
                                  "textarea", "select", "svg", "math", "title", "frame", "frameset", "noembed",
                                  "noframes", "xmp", "plaintext", "applet"})
# Attributes that Markdown's extensions read and remove ('markdown="1"' of md_in_html).
MARKDOWN_ATTRIBUTES = frozenset({"markdown"})


# Ids that the theme's and the site's scripts look up: an element of an editor's with one of them would take
# its place (Material reads its configuration from #__config, which could then send readers elsewhere); and the
# beginning of the ids of a course page's sign-up forms and their fields, which their labels name
RESERVED_IDS = frozenset({"kursusfilter", "antal-kurser", "soeg", "kursus-soeg-felt",
                          "hvor-bor-du-valg", "hvor-bor-du-regioner", "hvor-bor-du-postnr", "hvor-bor-du-fejl"})
RESERVED_ID_STARTS = ("_", "tilmelding-")


def _reserved_id(value: str) -> bool:
    return value.startswith(RESERVED_ID_STARTS) or value in RESERVED_IDS


# The site's own components, by their class's block (the part before '__' or '--'), and every class of the theme
# ('md-'): an editor's element with one would look like a part of the site, e.g. a copy of the primary sign-up
# button ('md-button md-button--primary') leading elsewhere. tests/test_safehtml_classes.py checks that every
# class of the site's templates, stylesheets and scripts is here, and that the classes Markdown makes are not.
SITE_CLASS_BLOCKS = frozenset({
    "antal", "bruges-paa", "downloads", "efter-kurset", "ekstern", "ekstern-note", "emne-knapper", "emne-liste",
    "evaluering-faa", "evaluering-forklaring", "evaluering-tabel", "fejlside", "fil-info", "filer", "filtre",
    "filtrerer", "forhaandsvisning-fejl", "forloeb-boks", "forloeb-fakta", "forloeb-kort", "forloeb-links",
    "forloeb-liste", "forloeb-start", "forloeb-trin", "forside", "genveje", "hjaelp", "hold", "hold-liste",
    "hold-valg", "hvor-bor-du",
    "ikke-fundet", "js", "katalog-hold", "katalog-kursus", "knap", "knapper", "kontakt", "kopier", "kursus-fakta",
    "kursus-intro", "kursus-kort", "kursus-liste", "kursus-soeg", "link-liste", "maerke", "materiale-emne",
    "materiale-kort", "materiale-liste", "materiale-meta", "materialer", "med-js", "mere", "moedegange", "naeste-hold",
    "ny-fil",
    "pilot", "plakat", "plakat-link", "plakat-vaerktoej", "regler", "sidefod", "soeg", "soeg-resultat",
    "soeg-side", "status", "tilmelding", "udgiver",
    "udskrift-kontakt",
    "vaerktoej-antal", "vaerktoej-emner", "vaerktoej-genveje", "vaerktoej-gruppe", "vaerktoej-liste",
    "vaerktoej-post", "vaerktoej-skjult", "video", "visually-hidden", "vurdering",
    "kun-med-js", "region-knapper", "uden-js",  # words for readers with scripts or without; the regions' pages
    # the course booklet's (templates/booklet/), where the sign-up rules are an editor's text too
    "bagsider", "bestil-kurser", "emne", "forloeb", "henvisning", "indhold", "kursus", "niveau", "sidetal",
})
_BLOCK = re.compile(r"__|--")


def site_class(name: str) -> bool:
    """Whether a class is the site's own (see SITE_CLASS_BLOCKS)."""
    return name.startswith("md-") or _BLOCK.split(name, 1)[0] in SITE_CLASS_BLOCKS


SITE_CLASS = ("klassen '{}' bruges af sitet selv (til dets knapper, bokse og kort) og bliver fjernet, så teksten "
              "ikke ligner en del af sitet; skriv teksten uden den")


def _outside(url: str) -> bool:
    """Whether the address is on another host: a scheme, or '//host' (browsers read '\\' as '/')."""
    bare = re.sub(r"[\x00-\x20]", "", url).replace("\\", "/")
    return _scheme(url) is not None or bare.startswith("//")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # An image from another site would make every reader's browser ask that site for it.
    if tag == "img" and attribute == "src" and _outside(value):
        return None
    if tag == "a" and attribute == "href" and _mailto_problem(value):
        return None  # the link's text stays; no mail goes to anyone but the one address
    if attribute == "class":
        return " ".join(name for name in value.split() if not site_class(name)) or None
    if attribute == "id" and _reserved_id(value):
        return None
    return value


_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.DOTALL)


class _Links(Treeprocessor):
    """Each link's and image's address as ``change`` gives it."""

    change: Callable[[str], str] | None = None

    def run(self, root: Any) -> None:
        if self.change is not None:
            for element in root.iter():
                attribute = _ADDRESSES.get(element.tag)
                if attribute and element.get(attribute):
                    element.set(attribute, self.change(element.get(attribute)))


_ADDRESSES = {"a": "href", "img": "src"}


@dataclass(frozen=True)
class Heading:
    """A heading of an editor's text as its table of contents lists it (Markdown's toc extension)."""

    title: str  # as HTML
    id: str
    level: int
    children: tuple[Heading, ...] = ()


def _headings(tokens: list[dict[str, Any]]) -> tuple[Heading, ...]:
    return tuple(Heading(token["name"], token["id"], token["level"], _headings(token["children"]))
                 for token in tokens)


class EditorMarkdown:
    """Editors' Markdown (a course's or a learning path's description, a toolkit page's text) as HTML, with the
    Markdown extensions the site's pages are written with, sanitized. One parser, reset for each text."""

    def __init__(self, extensions: Sequence[str | markdown.Extension] = (),
                 configs: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self._parser = markdown.Markdown(extensions=with_linear_markdown(extensions),
                                         extension_configs=dict(configs or {}))
        self._links = _Links(self._parser)
        self._parser.treeprocessors.register(self._links, "kursus-links", 1)  # late, as MkDocs' own

    def __call__(self, text: str, links: Callable[[str], str] | None = None) -> markupsafe.Markup:
        """``links`` gives each link's and image's address as the page should have it."""
        return self.with_headings(text, links)[0]

    def with_headings(self, text: str, links: Callable[[str], str] | None = None
                      ) -> tuple[markupsafe.Markup, tuple[Heading, ...]]:
        """The HTML, and the text's headings as its table of contents lists them (none without the toc
        extension)."""
        self._links.change = links
        made = sanitize(self._parser.reset().convert(text))
        return markupsafe.Markup(made), _headings(getattr(self._parser, "toc_tokens", []))


_ID = re.compile(r'(<[a-zA-Z][a-zA-Z0-9]*(?:\s[^>]*?)?\sid=")([^"]*)(")')  # an id="…" attribute in a tag


def unique_ids(html_text: str) -> str:
    """The HTML with each id given once: a later element with an id already given gets it with '_1', '_2' …
    after it, as Markdown does with headings of the same name (an editor's heading 'Andre hold' in a course's
    description, before the page's own)."""
    ids = [match.group(2) for match in _ID.finditer(html_text)]
    if len(ids) == len(set(ids)):
        return html_text
    taken = set(ids)
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        given = match.group(2)
        if given not in seen:
            seen.add(given)
            return match.group(0)
        number = 1
        while f"{given}_{number}" in taken:
            number += 1
        taken.add(f"{given}_{number}")
        return f"{match.group(1)}{given}_{number}{match.group(3)}"

    return _ID.sub(once, html_text)


@functools.lru_cache(maxsize=256)  # the same few rules on every course page
def inline_markdown(text: str) -> markupsafe.Markup:
    """A short text from an editor (a sign-up rule in config/department.yml) as the HTML of its Markdown,
    sanitized, without the paragraph around it: **fed**, *kursiv* and links become HTML wherever it is shown."""
    html_text = sanitize(markdown.markdown(text, extensions=[LinearMarkdown()])).strip()
    one_paragraph = _PARAGRAPH.match(html_text)
    return markupsafe.Markup(one_paragraph.group(1).strip() if one_paragraph and "<p>" not in one_paragraph.group(1)
                             else html_text)


def sanitize(html_text: str) -> str:
    """The rendered HTML of editors' Markdown, with only the allowed elements, attributes and addresses."""
    return nh3.clean(
        html_text,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={"*": set(COMMON_ATTRIBUTES), **{tag: set(names) for tag, names in ELEMENT_ATTRIBUTES.items()}},
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel=None,
    )


_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href",
                             "cite"})


def _scheme(url: str) -> str | None:
    # Browsers ignore control characters and whitespace inside a scheme ('java\tscript:').
    match = _SCHEME.match(re.sub(r"[\x00-\x20]", "", url))
    return match.group(1).lower() if match else None


class Problem(NamedTuple):
    line: int  # 1-based, within the Markdown text
    column: int  # 1-based
    message: str


_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
# Alt text holds no '[': a '[' in it would open brackets Markdown never closes (and each '![' would be sought to the
# end of its line).
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")  # a '{' before the '}' starts the list again
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_ATTR_CLASS = re.compile(r"(?:^|\s)\.([^\s}]+)")
_ATTR_LIST_ITEM = re.compile(r"""(?<![\w:.\-])([A-Za-z_:][\w:.\-]*+)\s*+=\s*+("[^"]*"|'[^']*'|\S+)""")


_MAYBE = re.compile(r"[<{]|\]\(|\]:")
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_TICKS = re.compile(r"`+")


def _fences(text: str) -> dict[int, int]:
    """Each line that opens a fenced code block (at most three spaces, then three or more ` or ~), by where it
    starts, with where the block ends: after the first later line that starts with as long a fence of the same
    character, or failing that with the longest fence of it there is later; lines with no such later line are left
    out."""
    lines: dict[str, list[tuple[int, int, int]]] = {"`": [], "~": []}  # (start, fence length, end of line)
    for match in _FENCE_LINE.finditer(text):
        end = text.find("\n", match.end())
        lines[match.group(1)[0]].append((match.start(), len(match.group(1)), len(text) if end < 0 else end))
    blocks: dict[int, int] = {}
    for found in lines.values():
        at_least: list[int | None] = [None] * len(found)  # the next line with a fence as long or longer
        waiting: list[int] = []
        for index, (_, length, _) in enumerate(found):
            while waiting and found[waiting[-1]][1] <= length:
                at_least[waiting.pop()] = index
            waiting.append(index)
        longest_after: list[int | None] = [None] * len(found)  # the first of the longest lines after each
        best: int | None = None
        for index in range(len(found) - 1, -1, -1):
            longest_after[index] = best
            if best is None or found[index][1] >= found[best][1]:
                best = index
        for index, (start, _, _) in enumerate(found):
            closer = at_least[index] if at_least[index] is not None else longest_after[index]
            if closer is not None:
                blocks[start] = found[closer][2]
    return blocks


def _blank_code(text: str) -> str:
    """The text with code blocks and code spans replaced by spaces: what is in them is shown, not run.

    A fenced block runs to its closing fence (``_fences``); a code span from a run of backticks to the next run of
    as many, or failing that, from each shorter end of the run to the next run of its length. One pass: each
    closing line and run is looked up, not sought.
    """
    if "`" not in text and "~~~" not in text:
        return text
    blocks = _fences(text)
    runs = [(match.start(), match.end()) for match in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    blanked: list[tuple[int, int]] = []
    line_starts = sorted(blocks)
    at = 0  # everything before this is decided
    next_block = 0
    index = 0
    while index < len(runs) or next_block < len(line_starts):
        block_start = line_starts[next_block] if next_block < len(line_starts) else len(text) + 1
        run_start = runs[index][0] if index < len(runs) else len(text) + 1
        if block_start < at:
            next_block += 1
            continue
        if run_start < at:
            index += 1
            continue
        if block_start <= run_start:
            end = blocks[block_start]
            blanked.append((block_start, end))
            at = end
            next_block += 1
            continue
        start, end = runs[index]
        closed = False
        for opening in range(start, end):
            same = by_length.get(end - opening, [])
            later = bisect.bisect_right(same, index)
            if later < len(same):
                closer = runs[same[later]]
                blanked.append((opening, closer[1]))
                at = closer[1]
                closed = True
                break
        if not closed:
            at = end
        index += 1
    if not blanked:
        return text
    parts = []
    done = 0
    for start, end in blanked:
        parts.append(text[done:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        done = end
    parts.append(text[done:])
    return "".join(parts)


class _Lines:
    """Line and column of an offset in a text, looked up in the list of where its lines start."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _url_problem(url: str, what: str) -> str | None:
    scheme = _scheme(url)
    if scheme is not None and scheme not in URL_SCHEMES:
        return (f"{what} med '{scheme}:' er ikke tilladt og bliver fjernet; skriv en adresse, der starter med "
                "https://, eller en sti til en side på sitet")
    return _mailto_problem(url)


_MAIL_FIELDS = frozenset({"subject", "body"})


def _mailto_problem(url: str) -> str | None:
    """A mail link follows the sign-up rule (FORMAT.md §1: mail goes only to the address written): one address,
    and at most a subject and a body; cc, bcc, 'to' or a second address would send the reader's mail elsewhere."""
    if _scheme(url) != "mailto":
        return None
    address, _, query = url.split(":", 1)[1].partition("?")
    fields = {name.lower() for name, _ in parse_qsl(query, keep_blank_values=True)}
    if re.search(r"[,;]", unquote(address)) or fields - _MAIL_FIELDS:
        return ("et mailto:-link må kun have én modtager og højst emne (subject) og tekst (body); cc, bcc og flere "
                "adresser ville sende læserens mail til andre, så linket bliver fjernet (teksten bliver stående). "
                "Skriv fx mailto:kursus@example.dk")
    return None


RESERVED_ID = ("id'en '{}' bruges af sitet selv og bliver fjernet; giv elementet en anden id, der ikke starter "
               "med '_' eller 'tilmelding-'")
OUTSIDE_IMAGE = ("billeder skal ligge på sitet (i samme mappe som siden); et billede fra et andet site bliver "
                 "fjernet, fordi læserens browser ellers henter det derfra")


# Said where the HTML parser gave up (linear_markdown.UNFINISHED_HTML): the check refuses such a text.
UNREAD_HTML = ("'<' her begynder et HTML-element, som ikke lukkes med '>', ligesom for mange '<' før det; resten af "
               "teksten er ikke gennemgået for HTML")


class _Finder(Unfinished, html.parser.HTMLParser):
    """The tags and attributes of an editor's HTML that ``sanitize`` removes, as problems at their place."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Problem] = []
        self._skipping: list[str] = []

    def _report(self, message: str) -> None:
        line, offset = self.getpos()
        self.found.append(Problem(line, offset + 1, message))

    def parse_html_declaration(self, i: int) -> int:
        # '<![' other than '<![CDATA[' is a comment to HTML (and to Python-Markdown), where html.parser's marked
        # sections would fail on it with an AssertionError.
        if self.rawdata.startswith("<![", i) and not self.rawdata.startswith("<![CDATA[", i):
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            gone = "med alt, hvad der står i det" if tag in REMOVED_WITH_CONTENT else "(teksten i det bliver stående)"
            self._report(f"HTML-elementet <{tag}> er ikke tilladt og bliver fjernet {gone}; se i vejledningen, "
                         "hvilken HTML du kan bruge")
            return
        allowed = COMMON_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, set()) | MARKDOWN_ATTRIBUTES
        for name, value in attrs:
            if name not in allowed:
                why = " (den kan køre et program i læserens browser)" if name.startswith("on") else ""
                self._report(f"attributten '{name}' på <{tag}> er ikke tilladt og bliver fjernet{why}")
            elif name in _URL_ATTRIBUTES and value:
                problem = _url_problem(value, "et link" if tag == "a" else "en adresse")
                if tag == "img" and name == "src" and _outside(value) and problem is None:
                    problem = OUTSIDE_IMAGE
                if problem:
                    self._report(problem)
            elif name == "id" and value and _reserved_id(value):
                self._report(RESERVED_ID.format(value))
            elif name == "class" and value:
                for reserved in [name for name in value.split() if site_class(name)]:
                    self._report(SITE_CLASS.format(reserved))


def html_part(text: str) -> str:
    """The text up to its last '>': after it, no tag, comment or declaration can end (html.parser would look for the
    end of each one there to the end of the text, and again from the next '<')."""
    return text[:text.rfind(">") + 1]


def addresses(markdown: str) -> list[tuple[int, int, str]]:
    """Every address of a link or an image written in Markdown (not in code), at its line and column."""
    if "](" not in markdown and "]:" not in markdown:
        return []
    text = _blank_code(markdown)
    lines = _Lines(text)
    return sorted((*lines.position(match.start(1)), match.group(1))
                  for pattern in (_LINK, _REFERENCE) for match in pattern.finditer(text) if match.group(1))


def unsafe_html(markdown: str, raw_html: bool = True) -> list[Problem]:
    """What ``sanitize`` will remove from this Markdown once rendered, at its line and column.

    ``raw_html=False`` for Markdown whose HTML is escaped and shown as text: only its links and images count.
    """
    if not _MAYBE.search(markdown):
        return []  # no tag, link, image or attribute list: most texts, found at once
    text = _blank_code(markdown)
    lines = _Lines(text)
    found: list[Problem] = []
    if raw_html:
        finder = _Finder()
        try:
            finder.feed(html_part(text))
            finder.close()
        except TooCostly as costly:
            finder.found.append(Problem(costly.line, costly.column + 1, UNREAD_HTML))
        found = finder.found
    for pattern, what in ((_LINK, "et link"), (_REFERENCE, "et link")):
        for match in pattern.finditer(text):
            problem = _url_problem(match.group(1), what)
            if problem:
                found.append(Problem(*lines.position(match.start(1)), problem))
    for match in _IMAGE.finditer(text):
        if _outside(match.group(1)) and _url_problem(match.group(1), "et billede") is None:
            found.append(Problem(*lines.position(match.start(1)), OUTSIDE_IMAGE))
    for match in _ATTR_LIST.finditer(text):
        for item in _ATTR_ID.finditer(match.group(1)):
            if _reserved_id(item.group(1)):
                found.append(Problem(*lines.position(match.start(1) + item.start()),
                                     RESERVED_ID.format(item.group(1))))
        for item in _ATTR_CLASS.finditer(match.group(1)):
            if site_class(item.group(1)):
                found.append(Problem(*lines.position(match.start(1) + item.start(1) - 1),
                                     SITE_CLASS.format(item.group(1))))
        for item in _ATTR_LIST_ITEM.finditer(match.group(1)):
            name = item.group(1).lower()
            if name not in COMMON_ATTRIBUTES and name not in {"href", "src", "alt", "width", "height", "align"}:
                found.append(Problem(*lines.position(match.start(1) + item.start()),
                                     f"attributten '{name}' er ikke tilladt og bliver fjernet"))
            elif name == "class":
                found += [Problem(*lines.position(match.start(1) + item.start()), SITE_CLASS.format(reserved))
                          for reserved in item.group(2).strip("\"'").split() if site_class(reserved)]
    return sorted(set(found))
