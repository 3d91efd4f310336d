"""Read editors' YAML safely, keeping the line and column of every key and value.

PyYAML's own loaders keep the last of two equal keys, expand aliases and build
Python objects from tags. This reader walks the parser's events instead and
refuses all of that, so each problem is reported at its own line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple

import yaml
from yaml import events
from yaml.nodes import ScalarNode

from .danish import number
from .diagnostics import Diagnostic, Severity, describe_path, key_on_line
from .yamlslips import find_slip, item_name

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20

# PyYAML's C parser where it is installed: same events and marks, much faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

Path_ = tuple[str | int, ...]

# What an item of a list in the editors' files is, by the list's key: for advice like "… så det bliver et nyt hold".
ITEM_NAMES = {"hold": "et nyt hold", "undervisere": "en ny underviser", "trin": "et nyt trin",
              "citater": "et nyt citat", "materialer": "et nyt materiale", "filer": "en ny fil"}


class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Positions:
    """Where each key and value stands in the file, by its path of keys and indices."""

    keys: dict[Path_, Mark] = field(default_factory=dict)
    values: dict[Path_, Mark] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    # Values already reported as unsafe YAML: no second message about what they contain.
    refused: set[Path_] = field(default_factory=set)
    # Block scalars ('|' and '>'): where in the value each of their lines starts, and where it is in the file.
    blocks: dict[Path_, list[tuple[int, Mark]]] = field(default_factory=dict)
    # The lines of the YAML text, and the line of the file the first of them is.
    lines: list[str] = field(default_factory=list)
    first_line: int = 1

    def of_character(self, path: Path_, character: str) -> Mark:
        """Where the first ``character`` of a value stands in the file (the value's own place if not found)."""
        value = self.raw.get(path)
        at = value.find(character) if value is not None else -1
        if at >= 0 and path in self.blocks:
            line = value.count("\n", 0, at) + 1
            return self.of_text(path, line, at - (value.rfind("\n", 0, at) + 1) + 1)
        mark = self.of_value(path)
        index = mark.line - self.first_line
        if 0 <= index < len(self.lines):  # a value on one line: the character as written, after the value's start
            column = self.lines[index].find(character, mark.column - 1)
            if column >= 0:
                return Mark(mark.line, column + 1)
        return mark

    def of_text(self, path: Path_, line: int, column: int) -> Mark:
        """Where line ``line``, column ``column`` (1-based) of a text value stands in the file."""
        segments = self.blocks.get(path)
        value = self.raw.get(path)
        if not segments or value is None:  # a value on one line: its own place is as near as it gets
            return self.of_value(path)
        offset = sum(len(text) + 1 for text in value.split("\n")[:line - 1]) + column - 1
        start, mark = next(((at, m) for at, m in reversed(segments) if at <= offset), segments[0])
        return Mark(mark.line, mark.column + max(0, offset - start))

    def of_value(self, path: Path_) -> Mark:
        """The value's mark, or the nearest enclosing one that is known."""
        for n in range(len(path), -1, -1):
            mark = self.values.get(path[:n])
            if mark is not None:
                return mark
        return Mark(1, 1)

    def of_key(self, path: Path_) -> Mark:
        return self.keys.get(path) or self.of_value(path)


@dataclass
class YamlDocument:
    data: Any
    positions: Positions


# Common PyYAML problems, in Danish with what to do instead.
_PROBLEMS: list[tuple[str, str]] = [
    ("mapping values are not allowed",
     "et kolon står et sted, hvor det ikke må stå; sæt teksten i anførselstegn, "
     "hvis den indeholder ': ', eller ret indrykningen"),
    ("could not find expected ':'", "der mangler et kolon efter nøglen (skriv 'nøgle: værdi')"),
    ("did not find expected key", "forkert indrykning: her ventes en ny nøgle på linjens niveau"),
    ("did not find expected '-' indicator", "forkert indrykning i en liste: hvert punkt starter med '- '"),
    ("expected <block end>", "forkert indrykning: linjen står længere inde eller ude end nøglerne omkring den"),
    ("did not find expected ',' or ']'", "'[' bliver ikke lukket med ']'; skriv fx [oekonomi, lovgivning]"),
    ("did not find expected ',' or '}'", "'{' bliver ikke lukket med '}'; skriv fx {navn: ..., by: ...}"),
    ("found unexpected end of stream", "et anførselstegn er ikke lukket"),
    ("found unknown escape character", "ukendt escape-tegn efter '\\' i tekst i dobbelte anførselstegn; "
     "brug enkelte anførselstegn"),
    ("that cannot start any token", "tegnet kan ikke stå først i en værdi; sæt værdien i anførselstegn"),
    ("special characters are not allowed", "filen indeholder et kontroltegn, der ikke er tilladt"),
    ("found undefined alias", "en værdi må ikke begynde med '*'; skriv værdien ud"),
    ("document start", "filen skal bestå af linjer som 'nøgle: værdi'; tjek linjen for kolon og anførselstegn"),
    ("sequence entries are not allowed", "en linje med '- ' står et sted, hvor der ikke må stå en liste; ret "
     "indrykningen, så '- ' står under den nøgle, listen hører til"),
    ("expected node content", "her mangler en værdi; skriv den efter kolonet"),
    ("comment or line break", "der står noget efter en tekst i anførselstegn; sæt hele teksten i anførselstegn"),
    ("tab character", "tabulatortegn kan ikke bruges i filen; brug mellemrum"),
    ("control characters are not allowed", "filen indeholder et kontroltegn, der ikke er tilladt"),
    ("tag", "et udråbstegn (!) først i en værdi er ikke tilladt; sæt værdien i anførselstegn"),
    ("anchor", "et &-tegn først i en værdi er ikke tilladt; sæt værdien i anførselstegn"),
    ("alias", "en *-stjerne først i en værdi er ikke tilladt; sæt værdien i anførselstegn"),
]


# Word's quotes around a whole value: YAML keeps them as part of the text.
_OPENING_QUOTES, _CLOSING_QUOTES = "“”„«»", "“”«»"

_UNCLOSED = ("end of stream", "expected ',' or ']'", "expected ',' or '}'")


def _on_key(line: str, message: str) -> str:
    """Name the key of the line a problem is on, as every other message does."""
    key = key_on_line(line)
    return f"{key}: {message}" if key else message


def _mark(m: yaml.Mark | None) -> Mark:
    return Mark(m.line + 1, m.column + 1) if m is not None else Mark(1, 1)


def _danish_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    for english, danish in _PROBLEMS:
        if english in problem:
            return danish
    return "linjen kan ikke læses; tjek indrykning, kolon og anførselstegn"


def decode(raw: bytes, display_path: str) -> tuple[str | None, list[Diagnostic]]:
    """The file's text, or why it cannot be read as UTF-8 YAML of a sane size."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Diagnostic(display_path, 1, 1,
                                 f"filen fylder {number(len(raw))} byte; højst {number(MAX_FILE_BYTES)} byte er "
                                 "tilladt. Del indholdet op, eller fjern det, der ikke hører til")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        start_of_line = before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")
        column = len(start_of_line) + 1
        return None, [Diagnostic(display_path, line, column,
                                 _on_key(start_of_line, "filen er ikke gemt som UTF-8 (ugyldigt tegn her); gem den "
                                                        "igen som UTF-8, så æ, ø og å kommer rigtigt med"))]
    return text, []


def _wanted_indent(lines: list[str], index: int) -> int | None:
    """How far in line ``index`` (indented with a tab) should stand: as the key line above it, or two spaces further
    in below a key that opens ('hold:'); None when the line above is no key."""
    for above in reversed(lines[:index]):
        if above.strip() and not above.lstrip().startswith("#"):
            if "\t" in above or key_on_line(above) is None:
                return None
            indent = len(above) - len(above.lstrip(" "))
            rest = above[indent:]
            indent += len(rest) - len(rest.lstrip("- ")) if rest.startswith("- ") else 0
            return indent + 2 if above.rstrip().endswith(":") else indent
    return 0


def _tab_diagnostics(text: str, display_path: str, first_line: int) -> list[Diagnostic]:
    found = []
    lines = text.split("\n")
    for line_number, line in enumerate(lines, start=first_line):
        column = line.find("\t")
        if column >= 0:
            advice = "skriv et almindeligt mellemrum"
            if not line[:column].strip():
                wanted = _wanted_indent(lines, line_number - first_line)
                advice = ("brug mellemrum til indrykning" if wanted is None else
                          "slet indrykningen, så linjen står helt ude til venstre" if wanted == 0 else
                          f"skriv {wanted} mellemrum foran i stedet")
            found.append(Diagnostic(display_path, line_number, column + 1,
                                    _on_key(line.replace("\t", " "),
                                            f"tabulatortegn kan ikke bruges i filen; {advice}")))
    return found


# What a file is, when it is a list of entries rather than keys with values: the message for a file that is not.
LIST_OF_SESSIONS = ("en liste med ét punkt for hvert hold, og hvert punkt begynder med '- hold: ÅÅÅÅ-MM-DD' (se "
                    "eksemplet i vejledningen)")


def load_yaml_text(text: str, display_path: str, first_line: int = 1, keys: frozenset[str] = frozenset(),
                   list_of: str | None = None) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse one YAML document whose first line is ``first_line`` of the file; ``keys`` are the keys it may use.

    The document is a mapping, or with ``list_of`` (what to say when it is not) a list.
    """
    problems = _tab_diagnostics(text, display_path, first_line)
    if problems:
        return None, problems
    reader = _EventReader(text, display_path, first_line, list_of)
    try:
        document = reader.read()
    except yaml.reader.ReaderError as error:  # a character YAML does not read at all (a control character)
        # The C reader counts its position in bytes, the Python one in characters: find the character itself.
        at = text.find(chr(error.character)) if isinstance(error.character, int) else -1
        before = text[:at if at >= 0 else error.position]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        shown = f"U+{error.character:04X}" if isinstance(error.character, int) else "et tegn"
        return None, [Diagnostic(display_path, line + first_line - 1, column,
                                 _on_key(text.split("\n")[line - 1],
                                         f"linjen indeholder et usynligt kontroltegn ({shown}); skriv teksten igen "
                                         "uden at kopiere den ind"))]
    except yaml.MarkedYAMLError as error:
        # An unclosed quote or bracket is best shown where it opens, not where the parser gave up.
        unclosed = any(p in (error.problem or "") for p in _UNCLOSED) and error.context_mark is not None
        mark = _mark(error.context_mark if unclosed else error.problem_mark or error.context_mark)
        slip = find_slip(text, mark.line, keys, error.problem or "", mark.column, ITEM_NAMES)
        if slip is not None and (slip.line == mark.line or not unclosed):
            return None, [Diagnostic(display_path, slip.line + first_line - 1, slip.column, slip.message)]
        lines = text.split("\n")
        line = lines[mark.line - 1] if mark.line <= len(lines) else ""
        return None, [Diagnostic(display_path, mark.line + first_line - 1, mark.column,
                                 _on_key(line, _danish_problem(error)))]
    return document, reader.diagnostics


def load_yaml_file(raw: bytes, display_path: str, keys: frozenset[str] = frozenset(),
                   list_of: str | None = None) -> tuple[YamlDocument | None, list[Diagnostic]]:
    text, problems = decode(raw, display_path)
    if text is None:
        return None, problems
    return load_yaml_text(text, display_path, keys=keys, list_of=list_of)


class _EventReader:
    """Builds plain dicts, lists and scalars from parser events, recording positions."""

    def __init__(self, text: str, display_path: str, first_line: int, list_of: str | None = None):
        self._list_of = list_of
        self._events: Iterator[events.Event] = iter(yaml.parse(text, Loader=_Loader))
        self._lines = text.split("\n")
        self._path = display_path
        self._offset = first_line - 1
        self.positions = Positions(lines=self._lines, first_line=first_line)
        self.diagnostics: list[Diagnostic] = []

    def _at(self, m: yaml.Mark) -> Mark:
        return Mark(m.line + 1 + self._offset, m.column + 1)

    def _error(self, m: yaml.Mark, message: str, severity: Severity = "fejl") -> None:
        mark = self._at(m)
        self.diagnostics.append(Diagnostic(self._path, mark.line, mark.column, message, severity))

    def read(self) -> YamlDocument | None:
        data: Any = None
        documents = 0
        for event in self._events:
            if isinstance(event, events.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._error(event.start_mark, "der må ikke stå '---' inde i filen; fjern '---' og det, "
                                                  "der står efter")
                    break
                data = self._node(next(self._events), ())
        if documents == 0 or data is None:
            self.diagnostics.append(Diagnostic(self._path, 1 + self._offset, 1,
                                               f"filen er tom; den skal være {self._list_of}" if self._list_of else
                                               "filen er tom; skriv nøglerne som 'titel: ...' én pr. linje"))
            return None
        if self._list_of is not None:
            if isinstance(data, list):
                return YamlDocument(data, self.positions)
            mark = self.positions.values.get((), Mark(1, 1))
            self.diagnostics.append(Diagnostic(self._path, mark.line, mark.column, f"filen skal være {self._list_of}"))
            return None
        if not isinstance(data, dict):
            mark = self.positions.values.get((), Mark(1, 1))
            self.diagnostics.append(Diagnostic(self._path, mark.line, mark.column,
                                               "filen skal bestå af nøgler med værdier (fx 'titel: Det gode "
                                               "bestyrelsesmøde'), ikke af en liste eller en enkelt værdi"))
            return None
        return YamlDocument(data, self.positions)

    def _check_node(self, event: events.NodeEvent, path: Path_) -> None:
        if event.anchor is not None:
            self.positions.refused.add(path)
            self._error(event.start_mark, f"{describe_path(path)}: en værdi må ikke begynde med '&{event.anchor}'; "
                                          "skriv værdien ud, hvor den skal bruges")
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            self.positions.refused.add(path)
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self._error(event.start_mark, f"{describe_path(path)}: en værdi må ikke begynde med '{shown}'; skriv "
                                          "værdien uden det")

    def _node(self, event: events.Event, path: Path_) -> Any:
        self.positions.values[path] = self._at(event.start_mark)
        if isinstance(event, events.AliasEvent):
            self.positions.refused.add(path)
            self._error(event.start_mark, f"{describe_path(path)}: en værdi må ikke begynde med "
                                          f"'*{event.anchor}'; skriv værdien ud")
            return None
        self._check_node(event, path)
        if len(path) > MAX_DEPTH:
            self._error(event.start_mark, f"{describe_path(path[:3])}: værdierne er indlejret for dybt; "
                                          "ret indrykningen")
            self._skip(event)
            return None
        if isinstance(event, events.ScalarEvent):
            self.positions.raw[path] = event.value
            value = event.value
            if not event.style and len(value) > 1 and value[0] in _OPENING_QUOTES and value[-1] in _CLOSING_QUOTES:
                self._error(event.start_mark, f"{describe_path(path)}: teksten står i typografiske anførselstegn "
                                              f"({value[0]}…{value[-1]}), og de kommer med på siden; slet dem, hvis "
                                              "de ikke skal ses der", "advarsel")
            if event.style in ("|", ">"):
                self._block(event, path)
            elif event.end_mark.line > event.start_mark.line + 1 and path:
                self._over_lines(event, path)
            return _scalar(event)
        if isinstance(event, events.SequenceStartEvent):
            items = []
            for index, item in enumerate(self._until(events.SequenceEndEvent)):
                items.append(self._node(item, path + (index,)))
            return items
        if isinstance(event, events.MappingStartEvent):
            return self._mapping(path)
        raise yaml.MarkedYAMLError(problem=f"unexpected {type(event).__name__}", problem_mark=event.start_mark)

    def _over_lines(self, event: events.ScalarEvent, path: Path_) -> None:
        """A text without '|' or quotes that goes on over the next lines with a blank line between them: YAML makes
        the blank line one line break, and the paragraphs the editor wrote run together. (A long text broken at a
        space, as tools that write YAML do, means the same joined and is left alone; a text with line breaks they
        write in quotes or with '|'.)"""
        below = self._lines[event.start_mark.line + 1:event.end_mark.line + 1]
        if event.style is not None or all(line.strip() for line in below):
            return
        key, first = path[-1], event.start_mark.line + 1 + self._offset
        self.positions.refused.add(path)
        written = self.positions.keys.get(path)
        if written is not None and written.line < first:  # 'beskrivelse:' alone, its text on the lines below
            line = self._lines[written.line - 1 - self._offset]
            self.diagnostics.append(Diagnostic(
                self._path, written.line, len(line.rstrip()) + 1,
                f"{describe_path(path)}: teksten under '{key}:' står over flere linjer, og så skal der stå '|' efter "
                f"kolonet; skriv '{key}: |'"))
            return
        text = self._lines[event.start_mark.line + 1]
        self.diagnostics.append(Diagnostic(
            self._path, first + 1, len(text) - len(text.lstrip(" ")) + 1,
            f"{describe_path(path)}: teksten fortsætter på linje {first + 1}, og så bliver linjerne slået sammen til "
            f"én; skriv hele teksten på linje {first} efter '{key}:', eller skriv '{key}: |' og teksten på "
            "linjerne under, rykket ind"))

    def _mapping(self, path: Path_) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        repeated: list[tuple[str, yaml.Mark]] = []  # keys met a second time, and where
        for key_event in self._until(events.MappingEndEvent):
            if not isinstance(key_event, events.ScalarEvent):
                self._error(key_event.start_mark, "en nøgle skal være et enkelt ord som 'titel'")
                self._skip(key_event)  # the whole key first, then its value
                self._skip(next(self._events))
                continue
            value_event = next(self._events)
            self._check_node(key_event, path + (key_event.value,))
            key = key_event.value
            key_path = path + (key,)
            if key_path in self.positions.keys:
                repeated.append((key, key_event.start_mark))
                self._skip(value_event)
                continue
            self.positions.keys[key_path] = self._at(key_event.start_mark)
            mapping[key] = self._node(value_event, key_path)
        self._repeated_keys(path, next(iter(mapping), None), repeated)
        return mapping

    def _repeated_keys(self, path: Path_, first_key: str | None, repeated: list[tuple[str, yaml.Mark]]) -> None:
        """A key twice in one mapping; in a list item, the item's keys once more is a new item without its '- '."""
        if not repeated:
            return
        key, mark = repeated[0]
        first = self.positions.keys[path + (key,)]
        if len(path) >= 2 and isinstance(path[-1], int) and (key == first_key or len(repeated) > 1):
            # The item's first key stands two columns after its '- ': the new item's line, dash and all.
            start = self.positions.keys[path + (first_key,)] if first_key is not None else first
            written = self._lines[mark.line].strip() if mark.line < len(self._lines) else key
            fixed = " " * max(0, start.column - 3) + "- " + written
            self._error(mark, f"{key}: står allerede i {describe_path(path)} (linje {first.line}); tilføj '- ' foran "
                              f"'{key}', så det bliver {item_name(ITEM_NAMES, str(path[-2]))}: skriv linjen som "
                              f"'{fixed}', med '-' lige under '-' i linje {start.line}")
            return
        for key, mark in repeated:
            first = self.positions.keys[path + (key,)]
            one, other = self._written_after(first.line - 1 - self._offset, key), self._written_after(mark.line, key)
            named = describe_path(path + (key,))
            if one and other and one != other:
                self._error(mark, f"{named}: nøglen står to gange, i linje {first.line} ({one}) og i linje "
                                  f"{mark.line + 1 + self._offset} ({other}); slet den linje, hvis værdi ikke er den "
                                  "rigtige")
            else:
                self._error(mark, f"{named}: nøglen står to gange (første gang i linje {first.line}); skriv den kun "
                                  "én gang: behold den rigtige værdi, og slet den anden linje")

    def _written_after(self, line: int, key: str) -> str | None:
        """What a line says after ``key:``, as a message quotes it ('1200'); None for a value on the lines below."""
        text = self._lines[line] if 0 <= line < len(self._lines) else ""
        _, colon, value = text.partition(key + ":")
        value = value.strip()
        if not colon or not value or value[0] in "|>":
            return None
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}…'"

    def _block(self, event: events.ScalarEvent, path: Path_) -> None:
        # Each line of the block is in the value as written (folding changes only what is between lines).
        lines = self._lines[event.start_mark.line + 1:event.end_mark.line + 1]
        indent = next((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), 0)
        segments, cursor = [], 0
        for line_number, line in enumerate(lines, start=event.start_mark.line + 2 + self._offset):
            text = line[indent:].rstrip()
            at = event.value.find(text, cursor) if text else -1
            if at >= 0:
                segments.append((at, Mark(line_number, indent + 1)))
                cursor = at + len(text)
        self.positions.blocks[path] = segments

    def _until(self, end: type) -> Iterator[events.Event]:
        for event in self._events:
            if isinstance(event, end):
                return
            yield event

    def _skip(self, event: events.Event) -> None:
        """Consume the rest of a node whose start event has been read."""
        depth = 1 if isinstance(event, (events.SequenceStartEvent, events.MappingStartEvent)) else 0
        while depth:
            event = next(self._events)
            if isinstance(event, (events.SequenceStartEvent, events.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (events.SequenceEndEvent, events.MappingEndEvent)):
                depth -= 1


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CONSTRUCTORS = {
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
}
# YAML 1.1 reads 'yes', 'no', 'on' and 'off' as true/false; editors mean words.
_WORD_BOOLEANS = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$")
# The one reading of a number every editor's tool agrees on (FORMAT.md, Conventions): plain decimal digits. YAML 1.1
# reads '0700' as octal 448, '20:00' as base 60 and '1_000' as 1000; those, and every decimal fraction, stay the
# text the editor wrote, for the field that expects a number to judge and quote. No more digits than a number in a
# file needs (int() refuses 4,300 and takes quadratic time on the way).
_DECIMAL = re.compile(r"0|-?[1-9][0-9]{0,17}")


@functools.lru_cache(maxsize=65536)
def _plain_tag(value: str) -> str:
    return _resolver.resolve(ScalarNode, value, (True, False))


def _scalar(event: events.ScalarEvent) -> Any:
    """A plain scalar as null, bool or a whole number written in decimal; everything else (dates too) as text."""
    if not event.implicit[0]:
        return event.value
    if _DECIMAL.fullmatch(event.value):
        return int(event.value)
    tag = _plain_tag(event.value)
    if tag == "tag:yaml.org,2002:bool" and _WORD_BOOLEANS.match(event.value):
        return event.value
    construct = _CONSTRUCTORS.get(tag)
    if construct is None:
        return event.value
    return construct(ScalarNode(tag, event.value))
