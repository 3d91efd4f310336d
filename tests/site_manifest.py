"""The sample site as one fingerprint per file, for telling whether a change altered what residents get.

The sample is built in a copy of the project whose files all carry one time (the feed dates a page by its file's
time outside a git checkout), on the tests' reference date, which the sitemap gives too: nothing of the day the
build runs is in it. The compressed sitemap is fingerprinted by what it holds (its bytes depend on zlib's version).

    .venv/bin/python tests/site_manifest.py > tests/sample-site.sha256    record the sample site as built now
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from conftest import REFERENCE_DATE, copy_project, run_build

MANIFEST = Path(__file__).with_name("sample-site.sha256")
FILE_TIME = 1_793_000_000  # every copied file's time: 26 October 2026, 10:13 UTC

def build_sample(target: Path, env: dict[str, str] | None = None) -> Path:
    """The sample content built into ``target``/site (in ``env``: this environment by default); the build's output
    on failure."""
    root = copy_project(target)
    for path in root.rglob("*"):
        os.utime(path, (FILE_TIME, FILE_TIME), follow_symlinks=False)
    result = run_build(root, "build", "--dato", REFERENCE_DATE, env=env)
    if result.returncode:
        raise RuntimeError(result.stdout + result.stderr)
    return root / "site"


def normalised(path: Path, data: bytes) -> bytes:
    return gzip.decompress(data) if path.suffix == ".gz" else data


def manifest(site: Path) -> dict[str, str]:
    """Each file under ``site`` by its path, with the SHA-256 of its normalised content."""
    return {path.relative_to(site).as_posix(): hashlib.sha256(normalised(path, path.read_bytes())).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def manifest_text(files: dict[str, str]) -> str:
    return "".join(f"{digest}  {name}\n" for name, digest in files.items())


def read_manifest(text: str) -> dict[str, str]:
    return {name: digest for digest, name in (line.split("  ", 1) for line in text.splitlines() if line)}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        sys.stdout.write(manifest_text(manifest(build_sample(Path(folder) / "projekt"))))
