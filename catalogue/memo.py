"""What one build keeps for the next in the same process: `build.py build` checks before MkDocs
builds, and the live preview rebuilds on every change. MkDocs loads its hooks anew for each
build; this module is imported once, so what it holds outlives them.
"""

from __future__ import annotations

from typing import Any

# `build.py build`: the catalogue its check found valid, by project folder, for the build that follows.
checked: dict[Any, Any] = {}
# Each course file's validation, by the file's fingerprint (see catalogue.load_catalogue).
course_files: dict[Any, Any] = {}
# What each course file gave (page, calendars), by the file's fingerprint (see pages.PageGenerator).
course_pages: dict[Any, Any] = {}
# The live preview: each generated file and where it was written at the last build.
written: dict[str, tuple[Any, str]] = {}
# The live preview: fingerprint of mkdocs.yml and the theme overrides at the last build.
theme: dict[str, str] = {}
