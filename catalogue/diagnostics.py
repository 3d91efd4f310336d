"""Problems found in editors' files, printed as ``path:line:column: fejl: …``."""

from __future__ import annotations

import difflib
import errno
import re
from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping, Sequence

Severity = Literal["fejl", "advarsel"]

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place in one file; sorts by file, line and column."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "fejl"
    # Said instead of any other problem at the same place (a placeholder left is not also "not a date").
    replaces: bool = field(default=False, compare=False, repr=False)

    def __str__(self) -> str:
        # One problem, one line, whatever an editor's value quoted in the message holds.
        message = _UNPRINTABLE.sub(lambda m: repr(m.group(0))[1:-1], self.message)
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "fejl"


def superseded(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics without those at the place of one that ``replaces`` the others there."""
    diagnostics = list(diagnostics)
    taken = {(d.path, d.line, d.column) for d in diagnostics if d.replaces}
    return [d for d in diagnostics if d.replaces or (d.path, d.line, d.column) not in taken]


# More than this many problems in one file are almost always one slip that confuses the rest.
PER_FILE = 20


def capped(diagnostics: Iterable[Diagnostic], limit: int = PER_FILE) -> list[Diagnostic]:
    """At most ``limit`` problems per file, in order, then one line that says how many more there are."""
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    shown: list[Diagnostic] = []
    for found in by_file.values():
        shown += found[:limit]
        rest = found[limit:]
        if rest:
            errors = sum(d.is_error for d in rest)
            warnings = len(rest) - errors
            what = " og ".join(part for part in (f"{errors} fejl" if errors else "",
                                                 f"{warnings} {'advarsel' if warnings == 1 else 'advarsler'}"
                                                 if warnings else "") if part)
            shown.append(Diagnostic(rest[0].path, rest[0].line, rest[0].column,
                                    f"… og {what} mere i filen; ret dem ovenfor først, og tjek igen",
                                    "fejl" if errors else "advarsel"))
    return shown


def ascii_key(text: str) -> str:
    """How an editor's word would be written as a taxonomy key (æ→ae, ø→oe, å→aa)."""
    return text.strip().lower().translate(_TRANSLITERATION).replace(" ", "-").replace("_", "-")


def closest(word: str, candidates: Iterable[str], labels: Mapping[str, str] | None = None,
            known: Mapping[str, str] | None = None) -> str | None:
    """The candidate an editor most likely meant, or None when nothing is close.

    ``labels`` are the names residents see (key → label), compared as well as the keys: 'øvet' → 'mellem'
    when mellem's label is 'Øvet'. ``known`` are other words that stand for a candidate (an area's name →
    its region), written as keys.
    """
    candidates = list(candidates)
    by_ascii = {ascii_key(c): c for c in candidates}
    for key, label in (labels or {}).items():
        if key in candidates:
            by_ascii.setdefault(ascii_key(label), key)
    for word_known, key in (known or {}).items():
        if key in candidates:
            by_ascii.setdefault(ascii_key(word_known), key)
    wanted = ascii_key(word)
    if wanted in by_ascii:
        return by_ascii[wanted]
    match = difflib.get_close_matches(wanted, list(by_ascii), n=1, cutoff=0.6)
    return by_ascii[match[0]] if match else None


def did_you_mean(word: str, candidates: Iterable[str], labels: Mapping[str, str] | None = None,
                 known: Mapping[str, str] | None = None) -> str:
    """``; mente du 'x'?`` or, with nothing close, the list of valid words."""
    candidates = list(candidates)
    guess = closest(word, candidates, labels, known)
    if guess is not None:
        return f"; mente du '{guess}'?"
    return "; skriv en af: " + ", ".join(f"'{c}'" for c in candidates)


# One item of a list, named after the list's key ("1. hold", "2. mødegang"); a key not here is its own name.
ITEM_OF = {"hold": "hold", "mødegange": "mødegang", "emner": "emne", "materialer": "materiale", "filer": "fil",
           "undervisere": "underviser", "tilmeldingsregler": "tilmeldingsregel", "citater": "citat", "trin": "trin"}


def describe_path(loc: Sequence[str | int]) -> str:
    """('hold', 0, 'sted', 'postnr') → '1. hold › sted › postnr'; in a file that is a list, (0, 'svar') →
    '1. punkt › svar'."""
    parts: list[str] = []
    for element in loc:
        if isinstance(element, int):
            key = parts.pop() if parts else "punkt"
            parts.append(f"{element + 1}. {ITEM_OF.get(key, key)}")
        else:
            parts.append(str(element))
    return " › ".join(parts) or "filen"


# Up to the first ':' without looking back (a key sought lazily before '\s*:' took time quadratic in a run of spaces)
_KEY_ON_LINE = re.compile(r"^\s*+(?:-\s++)*+([^\s:#\-\[\]{},'\"][^:#]*+):(?:\s|$)")


def key_on_line(line: str) -> str | None:
    """The key a YAML line starts with ('    region: x' → 'region'), if any."""
    match = _KEY_ON_LINE.match(line)
    return match.group(1).rstrip() if match else None


# Why a file operation failed, in the words of someone who has to do something about it; any other reason in the
# system's words.
_REASONS = {errno.ENOSPC: "disken er fuld", errno.EDQUOT: "der er ikke mere plads til dig på disken",
            errno.EACCES: "ingen adgang", errno.EPERM: "ikke tilladt",
            errno.EROFS: "disken er skrivebeskyttet", errno.EFBIG: "filen bliver større, end der er lov til her",
            errno.EBUSY: "den er i brug", errno.ENOTEMPTY: "mappen er ikke tom"}


def reason(error: BaseException) -> str:
    """Why a file operation failed, in Danish where we know the words."""
    if isinstance(error, OSError):
        return _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return str(error)
