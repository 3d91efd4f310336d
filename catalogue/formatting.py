"""Course files, learning paths and toolkit pages' front matter in the contract's shape: `build.py fmt`.

Decap CMS writes a course (or a page's front matter) from its data: the keys of a session in an order
of its own, a multi-line text as a folded block (`>` with a blank line for every line break), a long
line wrapped where it likes. This puts the keys back in the order of FORMAT.md and the scaffold (the
models' order, at every level), writes multi-line text as a literal block (`|`, as the scaffold asks
editors to), a text on one line on one line, and a short list of keys or paths on one line in
brackets. Comments and quotes are kept (ruamel.yaml's round trip; a comment line stays under the key
above it, so in a hand-written file out of order it may end up above another key — Decap's own files
have none), and a file whose values would change in any way is not written: the data before and after,
as `check` reads them, must be equal. No line is wrapped, however long. A file already in shape is left
byte for byte as it is.

The editors' files are untrusted: `fmt` reads exactly the files `check` reads, by the same walk (no link
is followed, file or folder), and only a file `check` can read as YAML. A file is written whole or not
at all (a new file beside it takes its place), with its permissions, its line breaks (CRLF stays CRLF)
and its byte-order mark. Every file left as it was is reported, with why, at its line where there is one.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from .diagnostics import Diagnostic, reason
from .learning_paths import PATH_KEYS
from .models import Course, LearningPath, ToolkitMeta
from .project import Project
from .sources import LINK
from .toolkit import NO_FRONT_MATTER, TOOLKIT_FOLDER, TOOLKIT_KEYS, split_front_matter
from .validation import COURSE_KEYS, content_tree, course_files, yaml_files
from .yamlsource import decode, load_yaml_text

FLOW_WIDTH = 70  # a list of keys or paths this long or shorter goes on one line in brackets


def _keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, itself or as the items of a list (Session for `hold`, Venue for `sted`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for candidate in typing.get_args(annotation):
        inner = _model_of(candidate)
        if inner is not None:
            return inner
    return None


def _submodels(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    found = {}
    for name, info in model.model_fields.items():
        inner = _model_of(info.annotation)
        if inner is not None:
            found[info.alias or name] = inner
    return found


def _canonical(node: Any, model: type[BaseModel] | None) -> Any:
    """The same node with mapping keys in the model's order (unknown keys last, as they were) and its texts
    in the contract's style."""
    if isinstance(node, CommentedMap):
        order = _keys(model) if model else []
        inner = _submodels(model) if model else {}
        keys = sorted(node, key=lambda k: (order.index(k) if k in order else len(order)))
        if keys != list(node):
            items = [(key, node[key]) for key in keys]
            comments = dict(node.ca.items)
            for key in list(node):
                del node[key]
            for position, (key, value) in enumerate(items):
                node.insert(position, key, value)
            node.ca.items.update(comments)
        for key in node:
            node[key] = _canonical(node[key], inner.get(key))
        return node
    if isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = _canonical(item, model)
        short = sum(len(str(item)) + 2 for item in node) <= FLOW_WIDTH
        if short and all(isinstance(item, str) and "\n" not in item for item in node) and not node.ca.items:
            node.fa.set_flow_style()  # 'emner: [oekonomi, lovgivning]', as the scaffold and the guide write it
        return node
    if isinstance(node, str) and "\n" in node.rstrip("\n"):
        return LiteralScalarString(str(node))
    if isinstance(node, FoldedScalarString):  # a folded block that holds one line
        return str(node)
    return node


TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Verbatim(str):
    """A date or time as the editor wrote it, not read as one: an impossible date (2027-02-30) is for `check` to
    report at its line, and no reason to leave the rest of the file unformatted."""


class _Constructor(RoundTripConstructor):
    pass


class _Representer(RoundTripRepresenter):
    pass


_Constructor.add_constructor(TIMESTAMP, lambda constructor, node: _Verbatim(node.value))
_Representer.add_representer(_Verbatim, lambda representer, data: representer.represent_scalar(TIMESTAMP, data))


def _yaml() -> YAML:
    handler = YAML()  # round trip: comments, quotes and flow style kept
    handler.Constructor, handler.Representer = _Constructor, _Representer
    handler.preserve_quotes = True
    handler.width = sys.maxsize  # never wrap a line, however long (ruamel's own width would)
    handler.indent(mapping=2, sequence=4, offset=2)  # 'hold:' then '  - start:', as the scaffold writes it
    return handler


def formatted(text: str, model: type[BaseModel] = Course) -> str:
    """The file in the contract's shape. Raises ValueError if that would change a value (never expected)."""
    handler = _yaml()
    data = handler.load(text)
    if not isinstance(data, CommentedMap):
        return text
    out = io.StringIO()
    handler.dump(_canonical(data, model), out)
    result = out.getvalue()
    before = _values(text)
    if before is None or _values(result) != before:
        raise ValueError("the values would change")
    return result


def _values(text: str) -> Any:
    """The values in a YAML text as `check` reads them, or None when it cannot."""
    document, _ = load_yaml_text(text, "")
    return None if document is None else document.data


def formatted_path(text: str) -> str:
    """A learning path (FORMAT.md §1b) in the contract's shape, as Decap's form for it may write it otherwise."""
    return formatted(text, LearningPath)


def formatted_page(text: str) -> str:
    """A toolkit page with its front matter in the contract's shape and its text as it was."""
    parts = split_front_matter(text)
    if parts is None:
        return text
    front, _, body, _ = parts
    return f"---\n{formatted(front, ToolkitMeta)}---\n{body}"


@dataclass(frozen=True)
class Kind:
    """One kind of file `fmt` puts in shape: how `check` reads its YAML (for the problems that keep it from being
    formatted) and how it is rewritten."""

    problems: Callable[[str, str], list[Diagnostic]]  # (text, path as shown) -> what check finds in its YAML
    rewrite: Callable[[str], str]


def _yaml_problems(keys: frozenset[str]) -> Callable[[str, str], list[Diagnostic]]:
    def problems(text: str, display: str) -> list[Diagnostic]:
        return load_yaml_text(text, display, keys=keys)[1]
    return problems


def _front_matter_problems(text: str, display: str) -> list[Diagnostic]:
    parts = split_front_matter(text)
    if parts is None:
        return [Diagnostic(display, 1, 1, NO_FRONT_MATTER)]
    front, first_line, _, _ = parts
    return load_yaml_text(front, display, first_line, TOOLKIT_KEYS)[1]


COURSE = Kind(_yaml_problems(COURSE_KEYS), formatted)
LEARNING_PATH = Kind(_yaml_problems(PATH_KEYS), formatted_path)
TOOLKIT_PAGE = Kind(_front_matter_problems, formatted_page)


def files_to_format(project: Project) -> tuple[list[tuple[Path, Kind]], list[Diagnostic]]:
    """The course files, learning paths and toolkit pages, by the same walk as `check` (no link is followed, file
    or folder), and a problem for everything in their folders that is not one of them (a link, a file named
    wrong, a folder that cannot be read). Evaluation files have no form that could write them otherwise."""
    courses, found = course_files(project)
    paths, problems = yaml_files(project, project.paths_dir, "forløb")
    found += problems
    content = content_tree(project)
    toolkit = project.display(project.content_dir / TOOLKIT_FOLDER)
    found += [d for d in content.problems  # content/'s other folders are not fmt's
              if d.path in (project.display(project.content_dir), toolkit) or d.path.startswith(f"{toolkit}/")]
    files = [(path, COURSE) for path in courses] + [(path, LEARNING_PATH) for path in paths]
    files += [(project.content_dir / page, TOOLKIT_PAGE) for page in content.with_suffix(".md", TOOLKIT_FOLDER)]
    return files, found


def _why(error: OSError) -> str:
    """Why a file could not be read or written: a link put there since the walk, or the system's reason."""
    return f"filen {LINK}" if error.errno == errno.ELOOP else reason(error)


def _read(path: Path) -> tuple[bytes, int]:
    """The file's bytes and permissions, never through a link (one put there since the walk is refused)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "er ikke en almindelig fil")
        return file.read(), stat.S_IMODE(mode)


def replace_file(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` as the file ``path`` whole or not at all: into a new file beside it, which then takes its
    place (a full disk, an error or a stop on the way leaves the file as it was, and no new file behind)."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".fmt", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _in_shape(text: str, rewrite: Callable[[str], str]) -> str:
    """The text in the contract's shape, with the line breaks it has: a file written on Windows (CRLF) stays so;
    a file with both kinds gets the kind of its first line."""
    lf = text.replace("\r\n", "\n")
    result = rewrite(lf)
    if result == lf:
        return text
    first = text.find("\n")
    return result.replace("\n", "\r\n") if first > 0 and text[first - 1] == "\r" else result


@dataclass(frozen=True)
class Formatted:
    changed: list[Path]  # rewritten (or, checking only, that would be)
    problems: list[Diagnostic]  # each file left as it was, and why: it could not be read, checked or written

    @property
    def errors(self) -> int:
        """The number of files that could not be checked or written."""
        return len({d.path for d in self.problems if d.is_error})


def format_project(project: Project, write: bool = True) -> Formatted:
    """Every course file, learning path and toolkit page in the contract's shape; only files that change are
    written, each whole or not at all, with its permissions and line breaks. A file whose YAML `check` cannot
    read is left as it is, with check's problems; so is one that cannot be read or written, with why."""
    files, problems = files_to_format(project)
    changed = []
    for path, kind in files:
        display = project.display(path)
        try:
            raw, mode = _read(path)
        except OSError as error:
            problems.append(Diagnostic(display, 1, 1, f"filen kan ikke læses ({_why(error)}), så den er ikke "
                                                       "sat i kontraktens rækkefølge"))
            continue
        text, found = decode(raw, display)
        if text is None:
            problems += found
            continue
        found = [d for d in kind.problems(text, display) if d.is_error]
        if found:
            problems += found
            continue
        try:
            result = _in_shape(text, kind.rewrite)
        except YAMLError as error:  # read by check, not by ruamel.yaml: not expected, but not to be passed over
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            offset = 1 if kind is TOOLKIT_PAGE else 0  # the front matter starts on the page's second line
            line, column = (mark.line + 1 + offset, mark.column + 1) if mark is not None else (1, 1)
            problems.append(Diagnostic(display, line, column, UNREADABLE))
            continue
        except ValueError:
            problems.append(Diagnostic(display, 1, 1, WOULD_CHANGE))
            continue
        if result == text:
            continue
        if write:
            bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
            try:
                replace_file(path, bom + result.encode("utf-8"), mode)
            except OSError as error:
                problems.append(Diagnostic(display, 1, 1, f"filen kan ikke skrives om ({_why(error)}); den er, "
                                                           "som den var"))
                continue
        changed.append(path)
    return Formatted(changed, sorted(problems))


UNREADABLE = ("fmt kan ikke læse linjen, så filen er ikke sat i kontraktens rækkefølge; skriv linjen enklere (fx "
              "teksten i anførselstegn)")
WOULD_CHANGE = ("filen er ikke sat i kontraktens rækkefølge, fordi en værdi så ville blive en anden; sæt nøglerne i "
                "rækkefølge i hånden")
