"""Where the editors' files live in a project checkout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# How build.py talks to the site engine's adapter (hooks/catalogue.py), which it cannot call directly.
REFERENCE_DATE_VARIABLE = "KURSUS_DATO"  # --dato, as YYYY-MM-DD
PREVIEW_VARIABLE = "KURSUS_FORHAANDSVISNING"  # "1" in the live preview: files with errors are left out


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def courses_dir(self) -> Path:
        return self.root / "courses"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def taxonomy_file(self) -> Path:
        return self.root / "config" / "taxonomy.yml"

    @property
    def department_file(self) -> Path:
        return self.root / "config" / "department.yml"

    def display(self, path: Path) -> str:
        """The path as editors see it: relative to the checkout, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
