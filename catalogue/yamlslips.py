"""The line an editor broke, when YAML cannot read a file.

A YAML parser fails where it gives up, which is often a line or twenty after the
slip: a key without its colon swallows the next line, an unclosed quote runs on
to the next quote in the file. This module looks back from where the parser
failed for the line the editor actually got wrong, and says how to fix exactly
that, naming its key. It knows only YAML and the editors' habits (Word's spaces
and quotes), not what the keys mean; the caller passes the keys its files use.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from .diagnostics import key_on_line

# Spaces that look like ' ' but are not one to YAML: Word's non-breaking space and its relatives.
ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f" \
             "\u3000\ufeff"
TYPOGRAPHIC_QUOTES = "“”„‟«»‘’‚‛"
_SCHEMES = ("mailto", "https", "http")
# A text longer than this is not repeated in the advice (an intro may have 300 characters): an editor copies what
# the advice says to write, so it is never cut short where it is to be copied.
_SHOWN = 320

# '  - key: value' → indentation, dash, key, what follows the key.
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[^\s:#\-\[\]{},'\"!&*][^:#]*?)"
                       r":(?P<after>[ ].*|$)")
_ODD = re.compile(f"[{ODD_SPACES}]")
_NO_SPACE = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[A-Za-zæøåÆØÅ_][\wæøåÆØÅ]*):(?P<value>[^\s/].*)$")
_WORDS = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)*)(?P<key>[A-Za-zæøåÆØÅ_][\wæøåÆØÅ]*)"
                    r"(?:(?P<gap> +)(?P<value>\S.*))?$")
_DASH_WITHOUT_SPACE = re.compile(r"^(?P<dash> *-)(?P<item>[^\s\-].*)$")


@dataclass(frozen=True)
class Slip:
    line: int  # 1-based, in the text given
    column: int  # 1-based
    message: str  # starts with the key it is about, like every other message


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    indent: int  # where the key (or the text) starts, after any '- '
    dash_at: int | None  # where its '- ' stands, if it starts a list item
    key: str | None  # the key the line starts with, if it has one
    value: str  # what follows 'key:' on the line

    @property
    def opens(self) -> bool:
        """'key:' with nothing after it: the lines below belong to it."""
        return self.key is not None and not self.value

    @property
    def block(self) -> bool:
        """'key: |' or 'key: >': the indented lines below are its text."""
        return self.key is not None and self.value[:1] in ("|", ">")


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def _structure(lines: list[str]) -> list[_Line]:
    """The lines YAML reads as structure: not blank, not comments, not the inside of a '|' or '>' text."""
    found: list[_Line] = []
    block_indent: int | None = None  # inside a block text: the indentation of the key that opened it
    for number, text in enumerate(lines, start=1):
        stripped = text.strip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        spaces = len(text) - len(text.lstrip(" "))
        if block_indent is not None:
            if spaces > block_indent:
                continue
            block_indent = None
        rest = text[spaces:]
        dash = len(rest) - len(rest.lstrip("- ")) if rest.startswith("- ") else 0
        match = _KEY_LINE.match(text)
        line = _Line(number, text, spaces + dash, spaces if dash else None,
                     match["key"].strip() if match else None, match["after"].strip() if match else "")
        found.append(line)
        if line.block:
            block_indent = spaces
    return found


def find_slip(text: str, failed_at: int, keys: Iterable[str] = (), problem: str = "", column: int = 0,
              items: Mapping[str, str] | None = None) -> Slip | None:
    """The slip that made YAML fail at line ``failed_at`` (1-based), or None when none is recognised.

    ``keys`` are the keys the file may use; ``items`` names what a list's item is, by the list's key
    ('hold' → 'et nyt hold'); ``problem`` and ``column`` are the parser's own words and column.
    """
    lines = text.split("\n")
    known = frozenset(keys)
    whole = _structure(lines)
    structure = [line for line in whole if line.number <= failed_at]
    if not structure:
        return None
    here = next((line for line in structure if line.number == failed_at), None)
    if here is not None and "mapping values are not allowed" in problem:
        slip = _colon_in_value(here, column)
        if slip is not None:
            return slip
    # The nearest line before the failure that no editor means (the parser read on past it).
    for index in range(len(structure) - 1, -1, -1):
        slip = _broken_line(structure, index, known)
        if slip is not None:
            return slip
    if here is not None:
        return _out_of_line(whole, here, items or {})
    return None


def _broken_line(structure: list[_Line], index: int, known: frozenset[str]) -> Slip | None:
    line = structure[index]
    text = line.text
    odd = _ODD.search(text)
    if odd is not None and (not text[:odd.start()].strip(" " + ODD_SPACES)
                            or text[:odd.start()].rstrip(" ").endswith(":")
                            or (line.key is None and ":" in text[odd.start():odd.start() + 2])):
        return _odd_space(line, odd.start())
    if line.key is not None:
        return _quote_problem(line)
    dash = _DASH_WITHOUT_SPACE.match(text)
    if dash is not None:
        item = dash["item"]
        parent = next((above.key for above in reversed(structure[:index])
                       if above.opens and above.indent < len(dash["dash"])), None)
        name = key_on_line(item) or parent or item
        return Slip(line.number, dash.end("dash") + 1,
                    f"{name}: der mangler et mellemrum efter '-'; skriv '- {_shown(item)}'")
    no_space = _NO_SPACE.match(text)
    if no_space and no_space["key"].lower() not in _SCHEMES:
        key, value = no_space["key"], no_space["value"]
        return Slip(line.number, no_space.end("key") + 1,
                    f"{key}: der mangler et mellemrum efter kolonet; skriv '{key}: {_shown(value)}'")
    words = _WORDS.match(text)
    previous = structure[index - 1] if index > 0 else None
    if words is None or (previous is not None and previous.indent < line.indent and not previous.opens):
        return None  # not at the place of a key: the rest of a text that goes on over several lines
    key, value = words["key"], words["value"]
    parent = next((above for above in reversed(structure[:index]) if above.indent < line.indent), None)
    if key not in known and parent is not None and parent.opens and parent.key in known:
        return Slip(parent.number, len(parent.text.rstrip()) + 1,
                    f"{parent.key}: teksten under '{parent.key}:' står over flere linjer, og så skal der stå '|' "
                    f"efter kolonet; skriv '{parent.key}: |'")
    if key not in known and parent is not None and parent.key is None:
        above = _WORDS.match(parent.text)
        if above is not None and above["key"] in known:
            return None  # a line of the text under a key written without its colon: the slip is that key's line
    if key in known or (not known and value):
        following = structure[index + 1] if index + 1 < len(structure) else None
        text_below = not value and following is not None and following.indent > line.indent \
            and following.dash_at is None and following.key not in known
        fixed = f"{key}: {value}" if value else f"{key}: |" if text_below else f"{key}:"
        return Slip(line.number, words.end("key") + 1,
                    f"{key}: der mangler et kolon efter '{key}'; skriv '{_shown(fixed)}'")
    if previous is not None and previous.key is not None and previous.indent == line.indent:
        where = f"i linje {previous.number}"
        if previous.block:
            return Slip(line.number, line.indent + 1,
                        f"{previous.key}: teksten under '{previous.key}: {previous.value}' {where} skal rykkes ind; "
                        f"skriv to mellemrum foran hver linje i teksten")
        if previous.opens:
            return Slip(line.number, line.indent + 1,
                        f"{previous.key}: værdien skal stå på samme linje som '{previous.key}:' {where} (eller "
                        f"rykkes to mellemrum længere ind end '{previous.key}')")
        if previous.value[:1] not in "[{\"'&*!" and (key[:1].islower() or not value):
            return Slip(line.number, line.indent + 1,
                        f"{previous.key}: linjen fortsætter vist teksten til '{previous.key}' {where}; skriv hele "
                        f"teksten på linje {previous.number} efter '{previous.key}:'")
    guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if guess:
        fixed = f"{guess[0]}: {value}" if value else f"{guess[0]}:"
        return Slip(line.number, line.indent + 1,
                    f"{key}: linjen har intet kolon, og '{key}' er ikke en nøgle; mente du '{_shown(fixed)}'?")
    return Slip(line.number, line.indent + 1,
                f"{key}: linjen har intet kolon; skriv den som 'nøgle: værdi', fx 'titel: Det gode bestyrelsesmøde'")


def _odd_space(line: _Line, at: int) -> Slip:
    name = "et hårdt mellemrum" if line.text[at] == "\u00a0" else "et usynligt eller særligt mellemrum"
    plain = _ODD.sub(" ", line.text)
    key = key_on_line(plain) or key_on_line(plain.replace(":", ": ", 1))
    prefix = f"{key.strip()}: " if key else ""
    if not line.text[:at].strip(" " + ODD_SPACES):
        return Slip(line.number, at + 1, f"{prefix}indrykningen indeholder {name} (ofte kopieret fra Word); skriv "
                                         "indrykningen forfra med almindelige mellemrum")
    return Slip(line.number, at + 1, f"{prefix}efter kolonet står {name} (ofte kopieret fra Word); skift det ud med "
                                     "et almindeligt mellemrum")


def _value_start(line: _Line) -> int:
    """Where the value after 'key:' starts in the line."""
    colon = line.text.index(":", line.indent + len(line.key or ""))
    rest = line.text[colon + 1:]
    return colon + 1 + len(rest) - len(rest.lstrip(" "))


def _quote_problem(line: _Line) -> Slip | None:
    start = _value_start(line)
    value = line.text[start:]
    if not value:
        return None
    if value[0] in "{[":
        return _quote_in_flow(line, start)
    quote = value[0]
    if quote in TYPOGRAPHIC_QUOTES and ": " in value:
        return Slip(line.number, start + 1,
                    f"{line.key}: teksten står i typografiske anførselstegn ({quote}), som ikke kan bruges her; skriv "
                    "almindelige anførselstegn (\") i begge ender af teksten i stedet")
    if quote not in "\"'" or _closed(value):
        return None
    return Slip(line.number, start + 1,
                f"{line.key}: anførselstegnet ({quote}) foran teksten bliver ikke lukket; sæt også et {quote} til "
                "sidst i teksten")


# In '{navn: Valby, postnr: "2500}': a key, and a value that starts with a quote.
_FLOW_ITEM = re.compile(r"(?:^|[{,\[])\s*(?:(?P<key>[^\s:,{}\[\]'\"][^:,{}\[\]]*?):\s+)?(?P<quote>[\"'])")


# Inside what a quote holds: ', key: ', the start of the next item, where the quote was meant to close before (when
# what the quote closes on is not the end of an item either: '"Valby, by: x"}' is a text that says so).
_NEXT_ITEM = re.compile(r",\s*[^\s,:{}\[\]'\"]+:\s")
_ITEM_END = re.compile(r"[ \t]*(?:[,}\]]|$)")


def _quote_in_flow(line: _Line, start: int) -> Slip | None:
    """A quote opened inside '{ }' or '[ ]' and not closed before the item ends: where, and what to write."""
    text, at = line.text, start
    while (match := _FLOW_ITEM.search(text, at)) is not None:
        opened = match.start("quote")
        end = _closing(text, opened)
        ends_item = _ITEM_END.match(text, end + 1) is not None
        if end < len(text) and (ends_item or not _NEXT_ITEM.search(text, opened + 1, end)):
            at = end + 1
            continue
        rest = text[opened + 1:]
        item = re.split(r"[,}\]]", rest, maxsplit=1)[0].rstrip()
        key = (match["key"] or line.key or "").strip()
        quote = match["quote"]
        written = f"{match['key'].strip()}: " if match["key"] else ""
        return Slip(line.number, opened + 1,
                    f"{key}: anførselstegnet ({quote}) foran '{_shown(item)}' bliver ikke lukket; skriv "
                    f"'{written}{quote}{_shown(item)}{quote}'")
    return None


def _closing(text: str, opened: int) -> int:
    """Where the quote that opens at ``opened`` closes, or the text's length when it does not."""
    quote, index = text[opened], opened + 1
    while index < len(text):
        if quote == '"' and text[index] == "\\":
            index += 2
            continue
        if text[index] == quote:
            if quote == "'" and text[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return len(text)


def _closed(value: str) -> bool:
    """Whether a quoted value that starts the string ends on the same line."""
    return _closing(value, 0) < len(value)


def _colon_in_value(line: _Line, column: int) -> Slip | None:
    """'tilmelding: mailto: kursus@…' or 'intro: Få styr på: dagsorden': a ': ' inside the value."""
    if line.key is None:
        return None
    start = _value_start(line)
    value = line.text[start:].rstrip()
    before = line.text[start:column - 1].strip() if column > start else ""
    if before.lower() in _SCHEMES:
        fixed = f"{before}:{line.text[column:].strip()}"
        return Slip(line.number, column + 1,
                    f"{line.key}: der står et mellemrum efter '{before}:'; fjern det, så der står "
                    f"'{_shown(fixed)}'")
    if value[:1] in TYPOGRAPHIC_QUOTES:
        return _quote_problem(line)
    if column <= start or value[:1] in "\"'[{|>":
        return None
    second = line.text[column:].strip()
    if before and " " not in before and " " not in second:  # 'form: fysisk: online': two values, or a quoted text
        return Slip(line.number, start + 1,
                    f"{line.key}: efter '{line.key}:' står '{_shown(value)}', og en værdi kan ikke indeholde ': '; "
                    f"skriv kun én værdi, fx '{line.key}: {before}', eller sæt teksten i anførselstegn, hvis den skal "
                    "stå sådan")
    # Double quotes unless the text has one (or a backslash, which they would read as an escape), else single.
    quoted = f'"{value}"' if not {'"', "\\"} & set(value) else f"'{value}'" if "'" not in value else None
    if quoted is None:
        return Slip(line.number, column, f"{line.key}: teksten indeholder ': ', som læses som en ny nøgle; "
                                         "skriv teksten uden kolon")
    if len(quoted) > _SHOWN:
        return Slip(line.number, start + 1,
                    f"{line.key}: teksten indeholder ': ', som læses som en ny nøgle; sæt et {quoted[0]} foran "
                    f"teksten og et {quoted[0]} til sidst i den")
    return Slip(line.number, start + 1,
                f"{line.key}: teksten indeholder ': ', som læses som en ny nøgle; sæt hele teksten i "
                f"anførselstegn: {line.key}: {quoted}")


def item_name(items: Mapping[str, str], list_key: str | None) -> str:
    return items.get(list_key or "", "et nyt punkt i listen")


def _out_of_line(structure: list[_Line], here: _Line, items: Mapping[str, str]) -> Slip | None:
    """A key indented differently from the keys beside it."""
    if here.key is None:
        return None
    index = structure.index(here)
    previous = structure[index - 1] if index > 0 else None
    if previous is None or previous.key is None:
        return None
    if here.dash_at is not None:  # a list item whose '-' stands elsewhere than the '-' of the item before it
        sibling = next((line for line in reversed(structure[:index]) if line.dash_at is not None
                        and line.key == here.key), None)
        if sibling is not None and sibling.dash_at != here.dash_at and sibling.dash_at is not None:
            following = structure[index + 1] if index + 1 < len(structure) else None
            alone = following is None or following.indent != here.indent  # its keys below stand where they should
            return _shifted(structure, index, here.dash_at, sibling.dash_at - here.dash_at,
                            f"'-' i linje {here.number}", f"'-' i linje {sibling.number}", here.dash_at,
                            sibling.dash_at, alone)
    if here.dash_at is None:
        item = next((line for line in reversed(structure[:index])
                     if line.dash_at == here.indent and line.key == here.key), None)
        if item is not None:  # a new item written without its '- '
            parent = next((line.key for line in reversed(structure[:structure.index(item)])
                           if line.opens and line.indent < here.indent), None)
            fixed = " " * here.indent + "- " + here.text.strip()
            return Slip(here.number, here.indent + 1,
                        f"{here.key}: der mangler '- ' foran '{here.key}' (se linje {item.number}); tilføj '- ' "
                        f"foran '{here.key}', så det bliver {item_name(items, parent)}: skriv linjen som "
                        f"'{_shown(fixed)}'")
    following = structure[index + 1] if index + 1 < len(structure) else None
    before = structure[index - 2] if index > 1 else None
    if (previous.indent != here.indent and not previous.opens and previous.dash_at is None
            and any(line is not None and line.key is not None and line.indent == here.indent
                    and not line.opens for line in ((before,) if here.opens else (following, before)))):
        return _misplaced(previous, here, "under")  # the line above is the odd one out
    if previous.dash_at is not None and here.indent > previous.dash_at and previous.indent != here.indent \
            and following is not None and following.indent == here.indent and not here.opens:
        return _misplaced(previous, here, "under")
    if here.indent > previous.indent and not previous.opens:
        target = previous
    else:
        levels = [line for line in structure[:index] if line.key is not None and line.indent < here.indent + 8]
        nearest = min(levels, key=lambda line: (abs(line.indent - here.indent), -line.indent, -line.number))
        target = nearest
    if target.indent == here.indent:
        return None
    if target.number < here.number and here.dash_at is None and _block_end(structure, index, here.indent) > index:
        return _shifted(structure, index, here.indent, target.indent - here.indent, f"'{here.key}'",
                        f"'{target.key}' i linje {target.number}", here.indent, target.indent)
    return _misplaced(here, target, "i linje")


def _block_end(structure: list[_Line], index: int, indent: int) -> int:
    """The index of the last line of the block that starts at ``index``: the keys after it at the same
    indentation, each with the lines that belong to it (indented further, below a key that opens)."""
    last, opened = index, structure[index].opens or structure[index].dash_at is not None
    for at in range(index + 1, len(structure)):
        line = structure[at]
        if line.indent == indent and line.dash_at is None and line.key is not None:
            last, opened = at, line.opens
        elif line.indent > indent and opened and (line.dash_at is None or line.dash_at > indent):
            last = at
        else:
            break
    return last


def _shifted(structure: list[_Line], index: int, indent: int, shift: int, this: str, that: str, at: int,
             wanted: int, alone: bool = False) -> Slip:
    """A block of lines indented ``shift`` too little (or, negative, too much) as a whole: one message for all of
    them, so that moving only the first would not lead to the same message for the next; ``alone``: the line only."""
    here = structure[index]
    last = here if alone else structure[_block_end(structure, index, indent)]
    span = f"hver af linjerne {here.number}–{last.number}" if last.number > here.number else f"linje {here.number}"
    direction = "ind" if shift > 0 else "ud"
    return Slip(here.number, at + 1,
                f"{here.key}: {this} står {_placed(at)}, men {that} står {_placed(wanted)}; ryk {span} "
                f"{abs(shift)} mellemrum længere {direction}")


def _placed(spaces: int) -> str:
    return f"{spaces} mellemrum inde" if spaces else "helt ude til venstre"


def _misplaced(here: _Line, target: _Line, relation: str) -> Slip:
    """``here`` is indented differently from ``target``, the key it should stand in line with."""
    where = f"i linje {target.number}" if relation == "i linje" else f"under den (linje {target.number})"
    lined_up = "lige under" if target.number < here.number else "lige over"
    if here.indent == 0:
        moved = f"ryk '{here.key}' ind med {target.indent} mellemrum"
    elif here.dash_at is not None:
        moved = f"ret mellemrummene foran og efter '-', så '{here.key}' står {target.indent} mellemrum inde"
    else:
        moved = f"ryk '{here.key}' ind med {target.indent} mellemrum"
    shown = f"rykket {here.indent} mellemrum ind" if here.indent else "helt ude til venstre"
    if target.indent == 0:
        return Slip(here.number, here.indent + 1,
                    f"{here.key}: linjen er {shown}, men '{target.key}' {where} står helt ude til venstre; flyt "
                    f"'{here.key}' helt ud til venstre, så den står {lined_up} '{target.key}'")
    return Slip(here.number, here.indent + 1,
                f"{here.key}: linjen er {shown}, men '{target.key}' {where} er rykket {target.indent} ind; "
                f"{moved}, så den står {lined_up} '{target.key}'")
