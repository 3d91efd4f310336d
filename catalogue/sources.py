"""The editors' folders, walked once: only regular files inside them are read or published.

A symbolic link could make the site publish a file from anywhere on the build
machine (``/etc/passwd``, the build's environment, ``.git/config`` with its
token), so every link is refused at its path, whether it points inside the
repository or not, and so is anything else that is not a regular file. A
folder named like a page (``x.md/``) is refused too, instead of failing later.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Callable

from .diagnostics import Diagnostic

# What residents are told a download is, by file ending: the only kinds of file (with pages, .md) that content/
# may publish. HTML, SVG, CSS and scripts could run in a resident's browser on the site's own address.
FILE_KINDS = {
    ".docx": "Word-dokument", ".doc": "Word-dokument", ".dotx": "Word-skabelon",
    ".xlsx": "Excel-regneark", ".xls": "Excel-regneark",
    ".pptx": "PowerPoint-præsentation", ".pdf": "PDF-dokument",
    ".odt": "Tekstdokument (OpenDocument)", ".ods": "Regneark (OpenDocument)",
    ".txt": "Tekstfil", ".zip": "ZIP-fil", ".png": "Billede", ".jpg": "Billede", ".jpeg": "Billede",
    ".gif": "Billede", ".webp": "Billede",
}
PUBLISHED_SUFFIXES = frozenset({".md", *FILE_KINDS})
# Names that stay what they are in an address: no ':', '%', '#', '?', spaces or quotes.
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

LINK = ("er en genvej (et symbolsk link); genveje bliver ikke læst eller offentliggjort, så læg en almindelig "
        "fil her i stedet")


@dataclass(frozen=True)
class SourceTree:
    """The regular files under one folder, relative to it, and a problem for everything else found there."""

    root: Path
    files: tuple[str, ...]  # POSIX paths relative to root, sorted
    problems: tuple[Diagnostic, ...]

    _lookup: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lookup", frozenset(self.files))

    def __contains__(self, relative: object) -> bool:
        return relative in self._lookup

    def with_suffix(self, suffix: str, under: str = "") -> list[str]:
        prefix = f"{under.strip('/')}/" if under else ""
        return [f for f in self.files if f.endswith(suffix) and f.startswith(prefix)]

    def names_in(self, folder: str) -> list[str]:
        """The names of the files directly in ``folder`` (relative to root)."""
        return [PurePosixPath(f).name for f in self.files if PurePosixPath(f).parent.as_posix() == folder]


def scan(root: Path, display: Callable[[Path], str], named_like_files: tuple[str, ...] = (".md", ".yml"),
         allowed: frozenset[str] | None = None) -> SourceTree:
    """Walk ``root`` without following links; hidden files and folders (``.git``, ``.DS_Store``) are left out.

    With ``allowed`` (file endings), files and folders must also have safe names, and files one of those endings.
    """
    files: list[str] = []
    problems: list[Diagnostic] = []

    def refuse(path: Path, message: str) -> None:
        problems.append(Diagnostic(display(path), 1, 1, message))

    try:
        top = os.lstat(root)
    except FileNotFoundError:
        return SourceTree(root, (), ())
    except OSError as error:
        refuse(root, f"mappen kan ikke læses ({error.strerror})")
        return SourceTree(root, (), tuple(problems))
    if stat.S_ISLNK(top.st_mode):
        refuse(root, f"mappen {LINK}")
        return SourceTree(root, (), tuple(problems))

    def walk(folder: Path, relative: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            refuse(folder, f"mappen kan ikke læses ({error.strerror}); ret rettighederne, eller slet den")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            inner = f"{relative}{entry.name}"
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as error:
                refuse(path, f"kan ikke læses ({error.strerror})")
                continue
            if allowed is not None and not _SAFE_NAME.fullmatch(entry.name):
                refuse(path, f"navnet '{entry.name}' må kun indeholde bogstaverne a–z, cifre, '-', '_' og '.' "
                             "(æ→ae, ø→oe, å→aa, ingen mellemrum); omdøb det")
            elif stat.S_ISLNK(mode):
                refuse(path, f"{'filen' if os.path.isfile(path) else 'stien'} {LINK}")
            elif stat.S_ISDIR(mode):
                if entry.name.endswith(named_like_files):
                    refuse(path, f"'{entry.name}' er en mappe, men hedder som en fil; giv mappen et navn uden "
                                 f"'{Path(entry.name).suffix}', eller flyt indholdet ud af den")
                else:
                    walk(path, f"{inner}/")
            elif not stat.S_ISREG(mode):
                refuse(path, "er ikke en almindelig fil; slet den")
            elif allowed is not None and Path(entry.name).suffix.lower() not in allowed:
                refuse(path, f"filer af typen '{Path(entry.name).suffix or entry.name}' bliver ikke offentliggjort, "
                             "fordi de kan køre et program i læserens browser eller ikke kan åbnes af alle; gem "
                             "indholdet som en side (.md), som PDF eller som Word-dokument")
            elif not os.access(path, os.R_OK):
                refuse(path, "filen kan ikke læses (rettighederne forhindrer det); ret rettighederne")
            else:
                files.append(inner)

    walk(root, "")
    return SourceTree(root, tuple(sorted(files)), tuple(problems))


def not_a_regular_file(path: Path, root: Path, display: str) -> Diagnostic | None:
    """Why one file the build reads by name (config/taxonomy.yml, …) may not be read, or None."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return Diagnostic(display, 1, 1, "filen ligger uden for projektet")
    if os.path.realpath(path) != os.path.join(os.path.realpath(root), relative):
        return Diagnostic(display, 1, 1, f"filen eller dens mappe {LINK}")
    if os.path.lexists(path) and not stat.S_ISREG(os.lstat(path).st_mode):
        return Diagnostic(display, 1, 1, "er ikke en almindelig fil; læg en almindelig fil her i stedet")
    return None


@dataclass(frozen=True)
class Committed:
    """When a file was first and last committed."""

    first: datetime | None  # None: in a shallow clone, before the oldest commit it has, so not known
    last: datetime
    imported: bool = False  # first committed in the repository's first commit, which brought in what there was


def _git(root: Path, *arguments: str) -> str:
    """What git prints for ``arguments`` in ``root`` (file names as they are, in UTF-8, whatever the locale)."""
    return subprocess.run(["git", "-c", "core.quotepath=off", *arguments], cwd=root, capture_output=True,
                          encoding="utf-8", timeout=60, check=True).stdout


def is_shallow_clone(root: Path) -> bool:
    """Whether ``root`` is in a shallow clone (``git clone --depth``, GitHub's checkout by default): its oldest
    commits hide their parents, so when a file was first committed, and often when last, cannot be told."""
    try:
        return _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except (OSError, subprocess.SubprocessError):
        return False  # not a git checkout


def previous_version(root: Path, relative: str) -> str | None:
    """The file before its latest change: as committed, when the working copy differs from that; else as its last
    commit's first parent had it (the base of a pull request's merge, or the commit before). None when there is
    none to tell: not a git checkout, the file is new, or the history is cut (a shallow clone)."""
    try:
        committed = _git(root, "show", f"HEAD:./{relative}")
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None
    try:
        if (root / relative).read_text(encoding="utf-8") != committed:
            return committed
        return _git(root, "show", f"HEAD^1:./{relative}")
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None


def git_history(root: Path, folders: tuple[str, ...] = ("courses", "content")) -> dict[str, Committed] | None:
    """When each file under ``folders`` was first and last committed, by its path relative to ``root`` (one call
    to git for all); a file not committed yet is not in it. None when ``root`` is not in a git checkout."""
    try:
        log = _git(root, "log", "--relative", "--format=%x00%cI%x00%P", "--name-only", "--no-renames", "--",
                   *folders)
    except subprocess.CalledProcessError:
        try:  # a checkout without any commits yet has no history, but every file in it is new
            inside = _git(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
        except (OSError, subprocess.SubprocessError):
            inside = False
        return {} if inside else None
    except (OSError, subprocess.SubprocessError):
        return None
    # A commit without parents is the repository's first, or in a shallow clone the oldest it has (and maybe others
    # at the same depth): the files first seen there may be older.
    cut = is_shallow_clone(root)
    history: dict[str, Committed] = {}
    when, oldest = None, False
    for line in log.splitlines():  # newest first
        if line.startswith("\x00"):
            _, moment, parents = line.split("\x00")
            when, oldest = datetime.fromisoformat(moment), not parents.strip()
        elif line and when is not None:
            seen = history.get(line)
            last = seen.last if seen else when
            history[line] = (Committed(None, last) if oldest and cut
                             else Committed(when, last, imported=oldest))
    return history
