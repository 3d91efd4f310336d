"""Danish spelling of what residents read: the words a Danish dictionary does not know, at their line and column.

The texts are the editors' prose: a course's and a learning path's titles, intros, descriptions and notes, and a
toolkit page's title, intro and body (``*_PROSE``), read from the files `check` and `fmt` read (the same walk: no
link is followed). Code, addresses, HTML, link targets and words with digits are left out. A word is known when
Debian's Danish Hunspell dictionary (``hunspell-da``, read by spylls) knows it, compounds included, or when the
project's word list (``config/ordliste.txt``) holds it. Nothing here is an error: no build asks.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .project import Project
from .safehtml import _blank_code
from .sources import not_a_regular_file
from .yamlsource import Path_, Positions, YamlDocument, decode, load_yaml_text

DICTIONARY = Path("/usr/share/hunspell/da_DK")  # Debian's hunspell-da: da_DK.dic and da_DK.aff
WORD_LIST = "config/ordliste.txt"
SUGGESTED_WORDS = 10  # distinct unknown words that get suggestions, in the order they are met
SUGGESTIONS = 3  # at most, per word
LONGEST_WORD = 60  # characters; a longer run of letters is reported without asking the dictionary
SHOWN = 40  # characters of an unknown word quoted in its line
FORMS_KEPT = 200_000  # parts of words whose forms are kept while checking (a few hundred bytes each)

# The keys whose values residents read as prose, by kind of file ('*': every item of a list). Names (of venues,
# teachers, publishers) and paths are not prose: a dictionary has no say over them.
COURSE_PROSE = ("titel", "intro", "beskrivelse", "varighed", "pris_note", "forplejning", "undervisere.*.rolle",
                "hold.*.note", "hold.*.mødegange.*.note")
PATH_PROSE = ("titel", "intro", "beskrivelse", "trin.*.hvornaar", "trin.*.note")
PAGE_PROSE = ("titel", "intro", "filer.*.beskrivelse")
MARKDOWN = frozenset({("beskrivelse",)})  # a course's or a learning path's description; a file's is one line


class DictionaryMissing(Exception):
    """The Danish dictionary cannot be read: what to install, in Danish."""


@dataclass(frozen=True)
class Word:
    path: str
    line: int
    column: int
    text: str


# ---------------------------------------------------------------------------------------------------------------
# Words in a text
# ---------------------------------------------------------------------------------------------------------------

# A word: letters with single hyphens, apostrophes or full stops inside ('e-mail', 'bl.a', "BL's"), and a full stop
# after it, which may be an abbreviation's ('ca.'). Digits and '_' are taken along, so that a word with one in it
# is seen whole, and left out.
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?")
# What is not prose in Markdown besides code (safehtml._blank_code): HTML comments and tags with their attributes,
# link targets, reference definitions, attribute lists, addresses with a scheme or 'www.', e-mail addresses and
# host names ('borger.dk').
# Each alternative is tried only where what it matches can begin, and never looks further than its line or the next
# '<', ']' or '{': linear in the text, however it is written.
_NOT_PROSE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|</?[A-Za-z][^<>\n]*+>"
    r"|\]\([^)\]\n]*+\)?"
    r"|^ {0,3}\[[^\]\n]++\]:[^\n]*+"
    r"|\{:?[ \t]*+[#.][^{}\n]*+\}"
    r"|\b(?:https?|ftp|mailto|tel):[^\s<>()\[\]]*+"
    r"|\bwww\.[^\s<>()\[\]]*+"
    r"|(?<![^\s<>()\[\]@,;:'\"])[^\s<>()\[\]@,;:'\"]++@[^\s<>()\[\]@,;:'\"]++"
    r"|(?<![\w.-])(?:[\w-]++\.)++(?:dk|com|org|net|eu|nu|info|io)\b",
    re.DOTALL | re.MULTILINE)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def prose_of_markdown(text: str) -> str:
    """The text with everything that is not prose replaced by spaces: the same length, lines and columns."""
    return _NOT_PROSE.sub(_blank, _blank_code(text))


def prose_of_text(text: str) -> str:
    """A text of one line with its addresses replaced by spaces."""
    return _NOT_PROSE.sub(_blank, text)


def words_in(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, word) of each word of ``text``, 0-based; a word with a digit or '_' in it is left out."""
    line, line_start = 0, 0
    for match in _TOKEN.finditer(text):
        start = match.start()
        newline = text.find("\n", line_start, start)
        while newline >= 0:
            line, line_start = line + 1, newline + 1
            newline = text.find("\n", line_start, start)
        token = match.group()
        if not any(c.isdigit() or c == "_" for c in token):
            yield line, start - line_start, token


# ---------------------------------------------------------------------------------------------------------------
# The editors' texts
# ---------------------------------------------------------------------------------------------------------------


def _values(data: Any, pattern: Sequence[str], at: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Each text at a key path like ('hold', '*', 'note') of the YAML data, with its path of keys and indices."""
    if not pattern:
        if isinstance(data, str):
            yield at, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from _values(item, rest, at + (index,))
    elif isinstance(data, dict) and head in data:
        yield from _values(data[head], rest, at + (head,))


def _yaml_words(document: YamlDocument, display: str, keys: Iterable[str]) -> Iterator[Word]:
    """The words of a YAML document's prose, each where it is written in the file."""
    positions = document.positions
    for key in keys:
        for path, value in _values(document.data, key.split(".")):
            prose = prose_of_markdown(value) if path in MARKDOWN else prose_of_text(value)
            if path in positions.blocks:  # '|' or '>': each line of the value has its own place in the file
                for line, column, token in words_in(prose):
                    mark = positions.of_text(path, line + 1, column + 1)
                    yield Word(display, mark.line, mark.column, token)
            else:
                yield from _as_written(positions, path, prose, display)


def _as_written(positions: Positions, path: Path_, prose: str, display: str) -> Iterator[Word]:
    """The words of a value on one line, or folded over a few, quoted or not: each sought in the file's lines from
    the one before it on. A word written otherwise (an escape in double quotes) is put at the value's start."""
    start = positions.of_value(path)
    lines, first = positions.lines, positions.first_line
    index, column = start.line - first, start.column - 1
    lost = False  # once a word is not found, the rest are not sought: a line is searched once, not once a word
    for _, _, token in words_in(prose):
        for ahead in range(0 if lost else 3):  # a folded value goes on on the next line, or after one blank line
            at = lines[index + ahead].find(token, column if ahead == 0 else 0) if index + ahead < len(lines) else -1
            if at >= 0:
                index, column = index + ahead, at + len(token)
                yield Word(display, index + first, at + 1, token)
                break
        else:
            lost = True
            yield Word(display, start.line, start.column, token)


def _page_words(text: str, display: str) -> Iterator[Word]:
    """The words of a toolkit page: its front matter's prose and its body's."""
    from .toolkit import TOOLKIT_KEYS, split_front_matter

    parts = split_front_matter(text)
    body, body_line = text, 1
    if parts is not None:
        yaml_text, first_line, body, body_line = parts
        document, _ = load_yaml_text(yaml_text, display, first_line, TOOLKIT_KEYS)
        if document is not None:
            yield from _yaml_words(document, display, PAGE_PROSE)
    for line, column, token in words_in(prose_of_markdown(body)):
        yield Word(display, body_line + line, column + 1, token)


def _file_words(path: Path, display: str, kind: str) -> Iterator[Word]:
    """The words of one file of a kind (``prose_files``); none from a file `check` cannot read (it says why)."""
    from .learning_paths import PATH_KEYS
    from .validation import COURSE_KEYS

    try:
        raw = path.read_bytes()
    except OSError:
        return
    text, _ = decode(raw, display)
    if text is None:
        return
    if kind == "side":
        yield from _page_words(text, display)
        return
    course = kind == "kursus"
    document, _ = load_yaml_text(text, display, keys=COURSE_KEYS if course else PATH_KEYS)
    if document is not None:
        yield from _yaml_words(document, display, COURSE_PROSE if course else PATH_PROSE)


def prose_files(project: Project) -> list[tuple[Path, str]]:
    """The course files, learning paths and toolkit pages, with their kind ('kursus', 'forløb', 'side'), by the
    walk `check` and `fmt` make (``formatting.files_to_format``): regular files inside the project only."""
    from .formatting import COURSE, LEARNING_PATH, files_to_format

    files, _ = files_to_format(project)
    return [(path, "kursus" if kind is COURSE else "forløb" if kind is LEARNING_PATH else "side")
            for path, kind in files]


# ---------------------------------------------------------------------------------------------------------------
# The dictionary
# ---------------------------------------------------------------------------------------------------------------


def _lookup_class() -> type:
    """spylls' Lookup with suffixes found by their ending and flag in a table instead of its trie and filters: the
    same forms in the same order, about ten times faster for a Danish compound (spylls 0.1.7)."""
    from spylls.hunspell.algo.lookup import AffixForm, Lookup

    class FastLookup(Lookup):  # type: ignore[misc]
        def __init__(self, aff: Any, dic: Any) -> None:
            super().__init__(aff, dic)
            self._by_ending: dict[tuple[str | None, str], list[Any]] = {}
            for suffix in (s for suffixes in aff.SFX.values() for s in suffixes):
                suffix.flag_set = frozenset(suffix.flags)
                for flag in (None, *suffix.flags):
                    self._by_ending.setdefault((flag, suffix.add), []).append(suffix)
            self._longest = max((len(add) for _, add in self._by_ending), default=0)
            self._flags = {flag for flag, _ in self._by_ending}  # those that some suffix has
            self._forms: dict[tuple[Any, ...], list[Any]] = {}

        def affix_forms(self, word: str, captype: Any, allow_nosuggest: bool = True, prefix_flags: Any = (),
                        suffix_flags: Any = (), forbidden_flags: Any = (), compoundpos: Any = None,
                        with_forbidden: bool = False) -> Iterator[Any]:
            # A compound is tried split at every place, and the words one slip from it at the same places again:
            # each part's forms are worked out once.
            key = (word, captype, allow_nosuggest, tuple(prefix_flags), tuple(suffix_flags), tuple(forbidden_flags),
                   compoundpos, with_forbidden)
            forms = self._forms.get(key)
            if forms is None:
                if len(self._forms) >= FORMS_KEPT:
                    self._forms.clear()
                forms = self._forms[key] = list(super().affix_forms(
                    word, captype, allow_nosuggest, list(prefix_flags), list(suffix_flags), list(forbidden_flags),
                    compoundpos, with_forbidden))
            return iter(forms)

        def desuffix(self, word: str, required_flags: list[str], forbidden_flags: list[str], nested: bool = False,
                     crossproduct: bool = False) -> Iterator[Any]:
            required, forbidden = frozenset(required_flags), frozenset(forbidden_flags)
            flag = required_flags[0] if required_flags else None
            if flag not in self._flags:
                return
            size = len(word)
            for length in range(min(size, self._longest) + 1):
                for suffix in self._by_ending.get((flag, word[size - length:] if length else ""), ()):
                    if ((crossproduct and not suffix.crossproduct) or not required <= suffix.flag_set
                            or forbidden & suffix.flag_set):
                        continue
                    stem = word[:size - length] + suffix.strip
                    if not suffix.cond_regexp.search(stem):
                        continue
                    yield AffixForm(word, stem, suffix=suffix)
                    if not nested:  # one more suffix, as spylls does
                        for form in self.desuffix(stem, [suffix.flag, *required_flags], forbidden_flags, True,
                                                  crossproduct):
                            yield form.replace(suffix2=suffix, text=word)

    return FastLookup


# Letters tried in a word's place or put into it, for suggestions: Danish's, and é (idé, café).
_LETTERS = "abcdefghijklmnopqrstuvwxyzæøåé"


class Speller:
    """What the dictionary and the word list know, each word asked about once."""

    def __init__(self, word_list: Iterable[str] = (), dictionary: Path = DICTIONARY) -> None:
        self._exact = set(word_list)
        self._any_case = {word for word in self._exact if word == word.lower()}
        self._known: dict[str, bool] = {}
        try:
            from spylls.hunspell import Dictionary
        except ImportError:
            raise DictionaryMissing("Python-pakken 'spylls' er ikke installeret; kør 'make stavning', som "
                                    "installerer den") from None
        missing = [f"{dictionary}{end}" for end in (".dic", ".aff") if not os.path.isfile(f"{dictionary}{end}")]
        if missing:
            raise DictionaryMissing(f"den danske ordbog er ikke installeret ({' og '.join(missing)} mangler); kør "
                                    "'make stavning', som installerer den, eller 'sudo apt-get install hunspell-da'")
        # Reading 160,000 words makes objects that live as long as the process: the collector need not walk them.
        collecting = gc.isenabled()
        gc.disable()
        try:
            loaded = Dictionary.from_files(str(dictionary))
        finally:
            if collecting:
                gc.enable()
        gc.freeze()
        self._aff = loaded.aff
        self._lookup = _lookup_class()(loaded.aff, loaded.dic)

    def _listed(self, word: str) -> bool:
        """In the word list: as written, in any case when written there in lowercase, or all in capitals."""
        return (word in self._exact or word.lower() in self._any_case
                or (word.isupper() and any(w.upper() == word for w in (word.capitalize(), word.title())
                                           if w in self._exact)))

    def _one(self, word: str) -> bool:
        if len(word) > LONGEST_WORD:
            return False
        if self._listed(word):
            return True
        if word.endswith(("'s", "’s")) and len(word) > 2:  # a genitive of an abbreviation or a name: BL's
            return self.knows(word[:-2])
        return bool(self._lookup(word))

    def knows(self, word: str) -> bool:
        """Whether the word is Danish (or in the word list). A word with hyphens is known whole or part by part;
        a word with a full stop after it, with or without it (an abbreviation, or the end of a sentence)."""
        known = self._known.get(word)
        if known is None:
            if word.endswith("."):
                known = self.knows(word[:-1]) or self._one(word)
            elif "-" in word.strip("-"):
                known = (word.count("-") <= 3 and self._one(word)) or all(
                    self.knows(part) for part in word.split("-") if len(part) > 1)
            else:
                known = self._one(word)
            self._known[word] = known
        return known

    def _candidates(self, word: str) -> Iterator[str]:
        """The words one slip away, most likely first: a typical slip of the dictionary's table (REP), two letters
        swapped, a letter too many, one wrong, one missing; then two words run together."""
        for rule in self._aff.REP:
            if "_" in rule.replacement:
                continue
            for match in rule.regexp.finditer(word):
                yield word[:match.start()] + rule.replacement + word[match.end():]
        for i in range(len(word) - 1):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
        for i in range(len(word)):
            yield word[:i] + word[i + 1:]
        for i in range(len(word)):
            for letter in _LETTERS:
                if letter != word[i].lower():
                    yield word[:i] + (letter.upper() if word[i].isupper() else letter) + word[i + 1:]
        for i in range(len(word) + 1):
            for letter in _LETTERS:
                yield word[:i] + letter + word[i:]
        for i in range(2, len(word) - 1):
            yield f"{word[:i]} {word[i:]}"

    def _simple(self, word: str) -> bool:
        """Known without being a compound: the dictionary's own word (with its endings), or the word list's."""
        return self._listed(word) or any(self._lookup.good_forms(word, allow_nosuggest=False, compound_forms=False))

    def suggestions(self, word: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
        """Up to ``SUGGESTIONS`` known words one slip away from ``word``: words of the texts checked (``vocabulary``,
        in lowercase) first, then the dictionary's own words, then its compounds (which it makes of almost any two
        words, as Danish does), each kind in the order of ``_candidates``."""
        if len(word) > LONGEST_WORD:
            return ()
        stem = word.removesuffix(".")
        allowed = set(stem) | set(_LETTERS) | set(_LETTERS.upper()) | {" "}
        candidates = [c for c in dict.fromkeys(self._candidates(stem)) if c != stem and set(c) <= allowed]
        kinds: list[Callable[[str], bool]] = [
            lambda c: c.lower() in vocabulary,
            lambda c: all(self._simple(part) for part in c.split(" ")),
            lambda c: all(self.knows(part) for part in c.split(" ")),
        ]
        found: list[str] = []
        for known in kinds:
            for candidate in candidates:
                if len(found) == SUGGESTIONS:
                    return tuple(found)
                if candidate not in found and known(candidate):
                    found.append(candidate)
        return tuple(found)


# ---------------------------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unknown:
    """A word neither the dictionary nor the word list knows, where it stands, and what may have been meant."""

    word: Word
    suggestions: tuple[str, ...]

    def __str__(self) -> str:
        text = self.word.text.removesuffix(".")
        shown = text if len(text) <= SHOWN else f"{text[:SHOWN]}…"
        if self.suggestions:
            quoted = [f"'{s}'" for s in self.suggestions]
            said = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} eller {quoted[-1]}"
            advice = f" – mente du {said}?"
        else:
            advice = f"; er det stavet rigtigt, så skriv det i {WORD_LIST}"
        return f"{self.word.path}:{self.word.line}:{self.word.column}: stavning: ukendt ord '{shown}'{advice}"


@dataclass(frozen=True)
class Report:
    unknown: list[Unknown]
    files: int  # files checked
    unsuggested: int  # distinct unknown words past SUGGESTED_WORDS, listed without suggestions
    problems: list[str]  # why the word list could not be read

    def summary(self) -> str:
        """One line in Danish: how many unknown words in how many files, and what to do."""
        if not self.unknown:
            return f"Ingen ukendte ord i {self.files} {'fil' if self.files == 1 else 'filer'}."
        count, files = len(self.unknown), len({u.word.path for u in self.unknown})
        said = (f"{count} {'ukendt ord' if count == 1 else 'ukendte ord'} i {files} {'fil' if files == 1 else 'filer'}."
                f" Er et ord stavet rigtigt, så skriv det i {WORD_LIST}.")
        if self.unsuggested:
            said += (f" Forslag er kun givet til de første {SUGGESTED_WORDS} forskellige ord; ret dem, og kør "
                     "stavekontrollen igen.")
        return said


def read_word_list(project: Project) -> tuple[list[str], list[str]]:
    """The words of config/ordliste.txt (one a line; '#' starts a comment), and why it could not be read."""
    path = project.root / WORD_LIST
    refused = not_a_regular_file(path, project.root, WORD_LIST)
    if refused is not None:
        return [], [str(refused)]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [f"{WORD_LIST}:1:1: advarsel: filen kan ikke læses ({error.strerror})"]
    text, problems = decode(raw, WORD_LIST)
    if text is None:
        return [], [str(p) for p in problems]
    return [word for line in text.splitlines() if (word := line.partition("#")[0].strip())], []


def check_spelling(project: Project, named: Sequence[str] | None = None, dictionary: Path = DICTIONARY) -> Report:
    """The unknown words of the editors' prose, in file order; with ``named`` (paths relative to the project's
    root), of those files only. Raises DictionaryMissing when the dictionary cannot be read."""
    files = prose_files(project)
    if named is not None:
        wanted = set(named)
        files = [(path, kind) for path, kind in files if project.display(path) in wanted]
    word_list, problems = read_word_list(project)
    speller = Speller(word_list, dictionary)
    unknown_words: list[Word] = []
    vocabulary: set[str] = set()
    for path, kind in files:
        for word in _file_words(path, project.display(path), kind):
            if speller.knows(word.text):
                vocabulary.add(word.text.removesuffix(".").lower())
            else:
                unknown_words.append(word)
    known = frozenset(vocabulary | {w.lower() for w in word_list})
    suggested: dict[str, tuple[str, ...]] = {}
    unsuggested = set()
    for word in unknown_words:
        if word.text in suggested or word.text in unsuggested:
            continue
        if len(suggested) < SUGGESTED_WORDS:
            suggested[word.text] = speller.suggestions(word.text, known)
        else:
            unsuggested.add(word.text)
    unknown = [Unknown(word, suggested.get(word.text, ())) for word in unknown_words]
    return Report(unknown, len(files), len(unsuggested), problems)
