"""Python-Markdown at linear cost: the same HTML, without its quadratic scans.

Some of Python-Markdown's scans start again from each of many places and run on to the end of the text each time
(its issue #798): every ``[`` looks for its ``]``, every ``](`` for its ``)``, a table's test splits the whole rest
of its block, a table row pairs its backticks by searching the list of them, a heading's ``{…}`` is sought from
every space before it. ``LinearMarkdown`` replaces those scans with ones that give the same answers, each worked out
for every place of a text in one pass and kept for as long as the text after that place is unchanged.
``tests/test_markdown_cost.py`` renders the sample content and thousands of generated texts both ways and requires
the same HTML.

What cannot be made linear without changing the HTML is refused by ``check`` before a build renders it
(``catalogue/markdown_rules.py``): HTML tags the parser cannot finish are counted here too, so a text that was never
checked stops a build with ``TooCostly`` instead of hanging it.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Callable, Generic, Iterable, Protocol, TypeVar

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.extensions.md_in_html import HtmlBlockPreprocessor as InHtmlBlocks
from markdown.extensions.md_in_html import HTMLExtractorExtra
from markdown.extensions.tables import PIPE_LEFT, PIPE_NONE, PIPE_RIGHT, TableProcessor
from markdown.htmlparser import HTMLExtractor
from markdown.inlinepatterns import (
    BacktickInlineProcessor,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
    dequote,
)
from markdown.preprocessors import Preprocessor

# ---------------------------------------------------------------------------
# Answers kept while the rest of a text is unchanged
# ---------------------------------------------------------------------------


class _Answers(Protocol):
    def answer(self, rest: int) -> Any:
        """The answer for the place ``rest`` characters before the text's end, or None when not worked out."""


A = TypeVar("A", bound=_Answers)


class _Kept(Generic[A]):
    """Answers that depend only on the rest of a text from a place, worked out for a whole text at once and kept.

    Python-Markdown rebuilds a text after each link it makes (the link becomes a placeholder) and goes on after it:
    the rest of the text is as it was, so what was worked out for it still holds. A few texts are kept at once (a
    link's own text is processed in the middle of its paragraph's).
    """

    def __init__(self, work_out: Callable[[str, int], A], kept: int = 4) -> None:
        self._work_out = work_out  # (text, place) → the answers for every place from there on
        self._kept = kept
        self._texts: list[tuple[str, int, A]] = []  # (a text with that rest, the longest rest known the same, answers)

    def get(self, data: str, start: int) -> Any:
        """The answer for the place ``start`` of ``data``, worked out now or kept from a text with the same rest."""
        rest = len(data) - start
        for number, (text, longest, answers) in enumerate(self._texts):
            if rest > longest:
                continue
            if text is not data:
                if not text.endswith(data[start:]):
                    continue
                self._texts[number] = (data, rest, answers)  # known the same up to here
            answer = answers.answer(rest)
            if answer is not None:
                return answer
        answers = self._work_out(data, start)
        self._texts.insert(0, (data, len(data) - start, answers))
        del self._texts[self._kept:]
        return answers.answer(rest)


# ---------------------------------------------------------------------------
# Links, images and references: where a '[' closes, where a '](' closes
# ---------------------------------------------------------------------------

_BRACKET = re.compile(r"[\[\]]")
_QUICK = 32  # brackets, or characters of an address, looked at one by one before the answers are worked out
_NESTED = 2  # brackets open at once, looked at one by one


class _BracketCloses:
    """For a place and the place after each '[' from there: the rest's length at the ']' that closes it, -1 when
    none does (as ``LinkInlineProcessor.getText`` counts: each '[' opens, each ']' closes the last one open)."""

    def __init__(self, data: str, start: int) -> None:
        size = len(data)
        self._closes: dict[int, int] = {}
        open_ = [start]
        for match in _BRACKET.finditer(data, start):
            at = match.start()
            if data[at] == "[":
                open_.append(at + 1)
            elif open_:
                self._closes[size - open_.pop()] = size - at
        for place in open_:
            self._closes[size - place] = -1

    def answer(self, rest: int) -> int | None:
        return self._closes.get(rest)


_PARENS_AND_QUOTES = re.compile(r"[()'\"]")


class _AddressEnds:
    """What ``LinkInlineProcessor.getLink`` finds after '](' for every place of a text, worked out in one pass.

    getLink counts '(' and ')' from the place on. A quote (' or ") starts a title; after it only a ')' whose last
    character before it (spaces aside) is a later quote of the same kind, or the second quote of the other kind,
    closes. When nothing closes, a text with as many brackets after the quote as were open there ends after the
    last of them if it is a ')', and at the place -1 if it is a '('. Here each of those is looked up.
    """

    def __init__(self, data: str, since: int) -> None:
        self.data = data
        self.parens: list[int] = []  # positions of '(' and ')'
        self.levels = [0]  # '(' minus ')' before each of them, and after the last
        self.quotes: dict[str, list[int]] = {"'": [], '"': []}
        closers: dict[str, list[tuple[int, int]]] = {"'": [], '"': []}  # (the quote before a ')', the ')')
        for match in _PARENS_AND_QUOTES.finditer(data, since):
            at = match.start()
            char = data[at]
            if char in "'\"":
                self.quotes[char].append(at)
                continue
            self.parens.append(at)
            self.levels.append(self.levels[-1] + (1 if char == "(" else -1))
            if char == ")":
                before = at - 1
                while before >= since and data[before] == " ":
                    before -= 1
                if before >= since and data[before] in "'\"":
                    closers[data[before]].append((before, at))
        self.closer_quotes = {kind: [quote for quote, _ in pairs] for kind, pairs in closers.items()}
        self.closer_ends = {kind: [end for _, end in pairs] for kind, pairs in closers.items()}
        # For each index of levels: the first later index whose level is lower (the ')' that closes what was open
        # before that bracket), or None.
        self.lower: list[int | None] = [None] * len(self.levels)
        waiting: list[int] = []
        for index, level in enumerate(self.levels):
            while waiting and self.levels[waiting[-1]] > level:
                self.lower[waiting.pop()] = index
            waiting.append(index)

    def answer(self, rest: int) -> tuple[_AddressEnds, int]:
        return self, len(self.data) - rest

    @staticmethod
    def _first_after(places: list[int], after: int) -> int | None:
        index = bisect.bisect_right(places, after)
        return places[index] if index < len(places) else None

    def _closer(self, kind: str, after: int) -> tuple[int, int] | None:
        """The first ')' whose last character before it is a quote of ``kind`` after ``after``: (')', quote)."""
        index = bisect.bisect_right(self.closer_quotes[kind], after)
        if index < len(self.closer_quotes[kind]):
            return self.closer_ends[kind][index], self.closer_quotes[kind][index]
        return None

    def link(self, start: int) -> tuple[str, str | None, int, bool]:
        """getLink's (href, title, index, handled) from ``start`` (after '(' and spaces), before unescaping."""
        data = self.data
        first = bisect.bisect_left(self.parens, start)  # the first bracket from start on
        closed = self.lower[first]
        quotes = [q for q in (self._first_after(self.quotes["'"], start - 1),
                              self._first_after(self.quotes['"'], start - 1)) if q is not None]
        quote = min(quotes, default=None)
        if closed is not None and (quote is None or self.parens[closed - 1] < quote):
            end = self.parens[closed - 1]
            return data[start:end], None, end + 1, True
        if quote is None:
            return "", None, len(data), False
        kind = data[quote]
        other = "'" if kind == '"' else '"'
        at_quote = bisect.bisect_left(self.parens, quote)
        open_at_quote = 1 + self.levels[at_quote] - self.levels[first]
        second = self._first_after(self.quotes[other], quote)  # the other kind's first quote: it may start a title
        ends = [(found[0], found[1], kind) for found in [self._closer(kind, quote)] if found]
        if second is not None:
            ends += [(found[0], found[1], other) for found in [self._closer(other, second)] if found]
        if ends:
            end, last_quote, last_kind = min(ends)
            opened = quote if last_kind == kind else second
            assert opened is not None
            return data[start:opened], data[opened + 1:last_quote], end + 1, True
        counted = at_quote + open_at_quote - 1  # the bracket that brings the count kept aside to nought
        if counted < len(self.parens):
            at = self.parens[counted]
            last_bracket = at + 1 if data[at] == ")" else -1
            return data[start:last_bracket - 1], None, last_bracket, True
        return "", None, len(data), False


class LinearLinks:
    """getText and getLink for one Markdown instance's link, image and reference processors."""

    def __init__(self) -> None:
        self._brackets: _Kept[_BracketCloses] = _Kept(_BracketCloses)
        self._addresses: _Kept[_AddressEnds] = _Kept(_AddressEnds)

    def get_text(self, data: str, index: int) -> tuple[str, int, bool]:
        """``LinkInlineProcessor.getText``: the text from ``index`` to the ']' that closes the '[' before it."""
        count = 1
        for seen, match in enumerate(_BRACKET.finditer(data, index)):
            if data[match.start()] == "]":
                count -= 1
                if count == 0:
                    return data[index:match.start()], match.start() + 1, True
            elif count == _NESTED:  # brackets in brackets: work it out
                break
            else:
                count += 1
            if seen == _QUICK:
                break
        else:
            return data[index:], max(index, len(data)), False
        rest = self._brackets.get(data, index)
        if rest < 0:
            return data[index:], max(index, len(data)), False
        end = len(data) - rest
        return data[index:end], end + 1, True

    def get_link(self, processor: LinkInlineProcessor, data: str, index: int) -> tuple[str, str | None, int, bool]:
        """``LinkInlineProcessor.getLink``: the address (and title) in the brackets after ']'."""
        match = processor.RE_LINK.match(data, pos=index)
        title: str | None
        if not match:
            href, title, end, handled = "", None, index, False
        elif match.group(1):  # '(<address> "title")', read by getLink's regular expression alone
            href, end, handled = match.group(1)[1:-1].strip(), match.end(0), True
            title = match.group(2)[1:-1] if match.group(2) else None
        elif (found := self._quick_address(data, match.end())) is not None:
            href, title, end, handled = found
        else:
            start = match.end()
            ends, place = self._addresses.get(data, start)
            href, title, end, handled = ends.link(place)
            if handled and end >= 0:
                end += len(data) - len(ends.data)  # the same rest, in a text rebuilt before it
            elif not handled:
                end = len(data)
        if title is not None:
            title = processor.RE_TITLE_CLEAN.sub(" ", dequote(processor.unescape(title.strip())))
        return processor.unescape(href).strip(), title, end, handled

    @staticmethod
    def _quick_address(data: str, start: int) -> tuple[str, None, int, bool] | None:
        """An address closed by ')' within a few characters, with no quote before: (href, None, index, True)."""
        count = 1
        for at in range(start, min(len(data), start + _QUICK)):
            char = data[at]
            if char in "'\"":
                return None
            if char == "(":
                count += 1
            elif char == ")":
                count -= 1
                if count == 0:
                    return data[start:at], None, at + 1, True
        return None


def _linear(base: type[LinkInlineProcessor]) -> type[LinkInlineProcessor]:
    """``base`` with getText and getLink answered by the Markdown instance's ``LinearLinks``."""

    class Linear(base):  # type: ignore[valid-type, misc]
        links: LinearLinks

        def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802 (Python-Markdown's name)
            return self.links.get_text(data, index)

        def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:  # noqa: N802
            return self.links.get_link(self, data, index)

    Linear.__name__ = Linear.__qualname__ = f"Linear{base.__name__}"
    return Linear


# The processors that scan for brackets, with their names and priorities in Python-Markdown's inline patterns.
_LINK_PROCESSORS = {
    "reference": (ReferenceInlineProcessor, 170),
    "link": (LinkInlineProcessor, 160),
    "image_link": (ImageInlineProcessor, 150),
    "image_reference": (ImageReferenceInlineProcessor, 140),
    "short_reference": (ShortReferenceInlineProcessor, 130),
    "short_image_ref": (ShortImageReferenceInlineProcessor, 125),
}
_LINEAR = {name: _linear(base) for name, (base, _) in _LINK_PROCESSORS.items()}


# ---------------------------------------------------------------------------
# Code spans: where a run of backticks closes
# ---------------------------------------------------------------------------

_TICKS = re.compile(r"`+")


class _TickRuns:
    """The runs of backticks of a text from a place on: for each length, where runs of it start; and from each run
    on, the first of the longest (what ``BacktickInlineProcessor.find_code_spans`` looks for from a run)."""

    def __init__(self, data: str, since: int) -> None:
        self.data = data
        self.starts: list[int] = []
        self.lengths: list[int] = []
        self.by_length: dict[int, list[int]] = {}  # length → indices of the runs of that length
        for match in _TICKS.finditer(data, since):
            self.by_length.setdefault(match.end() - match.start(), []).append(len(self.starts))
            self.starts.append(match.start())
            self.lengths.append(match.end() - match.start())
        self.longest_from = [0] * (len(self.starts) + 1)  # index of the first longest run from each run on
        self.longest_from[-1] = -1
        for index in range(len(self.starts) - 1, -1, -1):
            later = self.longest_from[index + 1]
            self.longest_from[index] = index if later < 0 or self.lengths[index] >= self.lengths[later] else later

    def answer(self, rest: int) -> tuple[_TickRuns, int]:
        return self, len(self.data) - rest

    def code_span(self, start: int, max_ticks: int) -> tuple[int, int | None]:
        """find_code_spans' answer for an opening run of ``max_ticks`` that ends at ``start``."""
        first = bisect.bisect_left(self.starts, start)  # the first run after the opening one
        same = self.by_length.get(max_ticks, [])
        later = bisect.bisect_left(same, first)
        if later < len(same):
            return start, self.starts[same[later]]
        longest = self.longest_from[first] if first < len(self.starts) else -1
        longest_span = self.lengths[longest] if longest >= 0 else 0
        if 0 < longest_span < max_ticks:
            return start - (max_ticks - longest_span), self.starts[longest]
        return start + max_ticks, None


class LinearBacktickInlineProcessor(BacktickInlineProcessor):
    """Python-Markdown's code spans, each closing run looked up instead of sought from every opening one to the
    end of the text (an opening run no run of its length follows sought the whole rest of it)."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self._runs: _Kept[_TickRuns] = _Kept(_TickRuns)

    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:
        max_ticks = 0
        while start < len(text) and text[start] == "`":
            max_ticks += 1
            start += 1
        runs, place = self._runs.get(text, start)
        found_start, found_end = runs.code_span(place, max_ticks)
        shift = len(text) - len(runs.data)  # the same rest, in a text rebuilt before it
        return found_start + shift, None if found_end is None else found_end + shift


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def _lines(block: str, start: int = 0) -> Any:
    """The lines of ``block`` from ``start``, one at a time (never the whole block split at once)."""
    while True:
        end = block.find("\n", start)
        if end < 0:
            yield block[start:]
            return
        yield block[start:end]
        start = end + 1


class LinearTableProcessor(TableProcessor):
    """The tables extension's block processor, testing a block by its first lines only and splitting a row in one
    pass. (Its test split the whole rest of a block for each line of a block of many headings: quadratic.)"""

    def test(self, parent: Any, block: str) -> bool:
        # TableProcessor.test, reading the rows one at a time as it needs them.
        is_table = False
        if "\n" in block:
            rows = _lines(block)
            header0 = next(rows).strip(" ")
            self.border = PIPE_NONE
            if header0.startswith("|"):
                self.border |= PIPE_LEFT
            if self.RE_END_BORDER.search(header0) is not None:
                self.border |= PIPE_RIGHT
            row = self._split_row(header0)
            row0_len = len(row)
            is_table = row0_len > 1
            if not is_table and row0_len == 1 and self.border:
                for line in _lines(block, block.index("\n") + 1):
                    line = line.strip(" ")
                    is_table = line.startswith("|") or self.RE_END_BORDER.search(line) is not None
                    if not is_table:
                        break
            if is_table:
                row = self._split_row(next(rows).strip(" "))
                is_table = (len(row) == row0_len) and set("".join(row)) <= set("|:- ")
                if is_table:
                    self.separator = row
        return is_table

    def _split(self, row: str) -> list[str]:
        # TableProcessor._split, pairing backticks and dropping the pipes inside code in one pass each (it searched
        # the rest of the list of backticks for each one, and every code region for each pipe).
        pipes: list[int] = []
        tics: list[int] = []
        tic_points: list[tuple[int, int, int]] = []
        for m in self.RE_CODE_PIPES.finditer(row):
            if m.group(2):
                tics.append(len(m.group(2)) - 1)
                tic_points.append((m.start(2), m.end(2) - 1, 1))
            elif m.group(3):
                tics.append(len(m.group(3)))
                tic_points.append((m.start(3), m.end(3) - 1, 0))
            elif m.group(5):
                pipes.append(m.start(5))
        by_size: dict[int, list[int]] = {}
        for index, size in enumerate(tics):
            by_size.setdefault(size, []).append(index)
        tic_region: list[tuple[int, int]] = []
        pos = 0
        while pos < len(tics):
            tic_size = tics[pos] - tic_points[pos][2]
            same = by_size.get(tic_size, []) if tic_size else []
            later = bisect.bisect_right(same, pos)
            if later < len(same):
                tic_region.append((tic_points[pos][0], tic_points[same[later]][1]))
                pos = same[later] + 1
            else:
                pos += 1
        good_pipes = []
        region = 0
        for pipe in pipes:
            while region < len(tic_region) and tic_region[region][1] < pipe:
                region += 1
            if not (region < len(tic_region) and tic_region[region][0] <= pipe):
                good_pipes.append(pipe)
        elements = []
        pos = 0
        for pipe in good_pipes:
            elements.append(row[pos:pipe])
            pos = pipe + 1
        elements.append(row[pos:])
        return elements


# ---------------------------------------------------------------------------
# Attribute lists: '{…}' at the end of a heading or a table cell
# ---------------------------------------------------------------------------


class _AtTheEnd:
    """An attribute list's pattern, which can only match a text that ends (spaces and one line break aside) with
    '}': tried at each '{' after spaces from the first of those spaces, on the last line only (the regular
    expression's own search tried every space of a long run of them, each to the end of the line)."""

    _START = re.compile(r"(?<![ ])[ ]+\{")

    def __init__(self, pattern: re.Pattern[str], spaces_first: bool) -> None:
        self.pattern = pattern
        self.spaces_first = spaces_first  # '[ ]+{…}' (a heading, a cell) rather than '\n[ ]*{…}' (a block)

    def search(self, text: str) -> re.Match[str] | None:
        body = text[:-1] if text.endswith("\n") else text
        if not body.rstrip(" ").endswith("}"):
            return None
        if not self.spaces_first:
            return self.pattern.search(text)  # one try at each line break, each to the end of its line: linear
        last_line = body.rfind("\n") + 1
        for start in self._START.finditer(text, last_line):
            found = self.pattern.match(text, start.start())
            if found:
                return found
        return None

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.pattern.match(text, *args)


class LinearAttrListTreeprocessor(AttrListTreeprocessor):
    HEADER_RE = _AtTheEnd(AttrListTreeprocessor.HEADER_RE, spaces_first=True)  # type: ignore[assignment]
    BLOCK_RE = _AtTheEnd(AttrListTreeprocessor.BLOCK_RE, spaces_first=False)  # type: ignore[assignment]


# ---------------------------------------------------------------------------
# HTML the parser cannot finish
# ---------------------------------------------------------------------------

# Tags, end tags, declarations and processing instructions begun with '<' that the HTML parser cannot finish (it
# looks to the end of the text for each, then goes on one character later): at most this many in one text.
UNFINISHED_HTML = 10


class TooCostly(Exception):
    """A text that would take the renderer more than linear time: ``check`` refuses it first."""

    def __init__(self, offset: int, what: str, line: int, column: int) -> None:
        super().__init__(f"{what} at line {line}, column {column + 1}")
        self.offset = offset  # in what the parser holds
        self.what = what
        self.line, self.column = line, column  # of the first one, in the text the parser was given (column from 0)


class Unfinished:
    """Counts the '<' an HTML parser (html.parser's, or Python-Markdown's copy of it) looks to the end of the text
    for and cannot finish; the one too many is ``TooCostly``, which says where the first was. Mixed in before the
    parser class."""

    unfinished: int = 0
    _first: tuple[int, int] = (1, 0)
    rawdata: str

    def _looked_in_vain(self, i: int) -> None:
        self.unfinished += 1
        if self.unfinished == 1:
            self._first = self.getpos()  # type: ignore[attr-defined]
        if self.unfinished > UNFINISHED_HTML:
            raise TooCostly(i, "unfinished HTML", *self._first)

    def _counted(self, i: int, result: int) -> int:
        if result < 0:
            self._looked_in_vain(i)
        return result

    def check_for_whole_start_tag(self, i: int) -> int:
        return self._counted(i, super().check_for_whole_start_tag(i))  # type: ignore[misc]

    def parse_comment(self, i: int, *args: Any) -> int:
        return self._counted(i, super().parse_comment(i, *args))  # type: ignore[misc]

    def parse_pi(self, i: int) -> int:
        return self._counted(i, super().parse_pi(i))  # type: ignore[misc]

    def parse_html_declaration(self, i: int) -> int:
        return self._counted(i, super().parse_html_declaration(i))  # type: ignore[misc]

    def parse_bogus_comment(self, i: int, *args: Any) -> int:
        return self._counted(i, super().parse_bogus_comment(i, *args))  # type: ignore[misc]

    def parse_endtag(self, i: int) -> int:
        result = super().parse_endtag(i)  # type: ignore[misc]
        # html.parser gives -1; Python-Markdown's copy reads an end tag it looked for in vain as two characters.
        letter = self.rawdata[i + 2:i + 3]
        if result < 0 or (result == i + 2 and letter.isascii() and letter.isalpha()):
            self._looked_in_vain(i)
        return result


_COUNTED: dict[type[HTMLExtractor], type[HTMLExtractor]] = {}


def counted_extractor(extractor: type[HTMLExtractor]) -> type[HTMLExtractor]:
    """``extractor`` counting what it cannot finish."""
    if extractor not in _COUNTED:
        _COUNTED[extractor] = type(f"Counted{extractor.__name__}", (Unfinished, extractor), {})
    return _COUNTED[extractor]


class _CountedHtmlBlocks(Preprocessor):
    """The registered 'html_block' preprocessor (Python-Markdown's, or md_in_html's), its parser counting."""

    def __init__(self, md: markdown.Markdown, extractor: type[HTMLExtractor]) -> None:
        super().__init__(md)
        self.extractor = counted_extractor(extractor)

    def run(self, lines: list[str]) -> list[str]:
        # What both preprocessors do: feed the text to their parser and take its clean document.
        parser = self.extractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")


# ---------------------------------------------------------------------------
# The extension
# ---------------------------------------------------------------------------


class LinearMarkdown(Extension):
    """Python-Markdown's quadratic scans replaced by linear ones giving the same HTML; load it after the others."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        if "backtick" in md.inlinePatterns:
            md.inlinePatterns.register(LinearBacktickInlineProcessor(md.inlinePatterns["backtick"].pattern),
                                       "backtick", 190)
        links = LinearLinks()
        for name, (_, priority) in _LINK_PROCESSORS.items():
            if name in md.inlinePatterns:
                processor = _LINEAR[name](md.inlinePatterns[name].pattern, md)
                processor.links = links
                md.inlinePatterns.register(processor, name, priority)
        if "table" in md.parser.blockprocessors:
            table = md.parser.blockprocessors["table"]
            md.parser.blockprocessors.register(LinearTableProcessor(md.parser, table.config), "table", 75)
        if "attr_list" in md.treeprocessors:
            md.treeprocessors.register(LinearAttrListTreeprocessor(md), "attr_list", 8)
        if "html_block" in md.preprocessors:
            extractor = (HTMLExtractorExtra if isinstance(md.preprocessors["html_block"], InHtmlBlocks)
                         else HTMLExtractor)
            md.preprocessors.register(_CountedHtmlBlocks(md, extractor), "html_block", 20)


def with_linear_markdown(extensions: Iterable[str | Extension]) -> list[str | Extension]:
    """The extensions with ``LinearMarkdown`` last (once): it replaces processors the others registered."""
    chosen = [extension for extension in extensions if not isinstance(extension, LinearMarkdown)]
    return [*chosen, LinearMarkdown()]
