"""Course files, learning paths and toolkit pages' front matter in the contract's shape: `build.py fmt`.

Decap CMS writes a course (or a page's front matter) from its data: the keys of a session in an order
of its own, a multi-line text as a folded block (`>` with a blank line for every line break), a long
line wrapped where it likes. This puts the keys back in the order of FORMAT.md and the scaffold (the
models' order, at every level), writes multi-line text as a literal block (`|`, as the scaffold asks
editors to), a text on one line on one line, and a short list of keys or paths on one line in
brackets. Comments and quotes are kept (ruamel.yaml's round trip; a comment line stays under the key
above it, so in a hand-written file out of order it may end up above another key — Decap's own files
have none), and a file whose values would change in any way is not written: the data before and after
must be equal. A file already in shape is left byte for byte as it is.
"""

from __future__ import annotations

import io
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from .models import Course, LearningPath, ToolkitMeta
from .project import Project
from .toolkit import TOOLKIT_FOLDER, split_front_matter

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


def _yaml() -> YAML:
    handler = YAML()  # round trip: comments, quotes and flow style kept
    handler.preserve_quotes = True
    handler.width = 4096  # never wrap a line
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
    if yaml.safe_load(result) != yaml.safe_load(text):
        raise ValueError("the values would change")
    return result


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
class Formatted:
    changed: list[Path]  # rewritten (or, checking only, that would be)
    skipped: list[Path]  # not valid YAML, or a value would change: left alone for `check` to report


def format_project(project: Project, write: bool = True) -> Formatted:
    """Every course file, learning path and toolkit page in the contract's shape; only files that change are
    written. (Evaluation files have no form that could write them otherwise.)"""
    changed, skipped = [], []
    files = [(path, formatted) for path in sorted(project.courses_dir.glob("*.yml"))]
    files += [(path, formatted_path) for path in sorted(project.paths_dir.glob("*.yml"))]
    files += [(path, formatted_page) for path in sorted((project.content_dir / TOOLKIT_FOLDER).rglob("*.md"))]
    for path, rewrite in files:
        if not path.is_file() or path.is_symlink():
            continue
        try:
            text = path.read_text(encoding="utf-8")
            result = rewrite(text)
        except Exception:  # noqa: BLE001 - a file it cannot read, or whose values would change, stays as it is
            skipped.append(path)
            continue
        if result != text:
            changed.append(path)
            if write:
                path.write_text(result, encoding="utf-8")
    return Formatted(changed, skipped)
