#!/usr/bin/env python3
"""Vendor Decap CMS's browser bundle from npm into vendor/decap-cms/ (served at /admin/).

    python vendor/update_decap_cms.py 3.16.3

The npm package `decap-cms` carries a self-contained bundle in dist/ (decap-cms.js, the chunks it
loads on demand and two WebAssembly files); installing the package would pull some 380 MB of
sources it was built from. So the tarball is fetched with `npm pack`, checked against the registry's
integrity hash, and only the bundle is kept (no source maps, not the unbundled cms.js variant).
MANIFEST.json records the version, the tarball's integrity and each file's SHA-256; a test checks
the files against it, so a change to a vendored file is either this script's or a failing test.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

TARGET = Path(__file__).resolve().parent / "decap-cms"


def wanted(name: str) -> bool:
    """The bundle's files: decap-cms.js, its chunks (N.decap-cms.js), its wasm, its licence notes."""
    return (name == "decap-cms.js" or name.endswith(".decap-cms.js") or name.endswith(".wasm")
            or name == "decap-cms.js.LICENSE.txt")


def main(version: str) -> int:
    spec = f"decap-cms@{version}"
    integrity = json.loads(subprocess.run(["npm", "view", spec, "dist.integrity", "--json"], check=True,
                                          capture_output=True, text=True).stdout)
    with tempfile.TemporaryDirectory() as temporary:
        subprocess.run(["npm", "pack", spec, "--silent"], cwd=temporary, check=True, capture_output=True)
        tarball = next(Path(temporary).glob("decap-cms-*.tgz"))
        algorithm, _, expected = integrity.partition("-")
        actual = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
        if actual != expected:
            sys.exit(f"{tarball.name}: integrity {algorithm}-{actual} is not the registry's {integrity}")
        if TARGET.exists():
            for old in TARGET.iterdir():
                old.unlink()
        TARGET.mkdir(exist_ok=True)
        files = {}
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/dist/")
                if member.isfile() and member.name.startswith("package/dist/") and "/" not in name and wanted(name):
                    data = archive.extractfile(member).read()
                    (TARGET / name).write_bytes(data)
                    files[name] = hashlib.sha256(data).hexdigest()
    manifest = {"package": "decap-cms", "version": version, "license": "MIT", "integrity": integrity,
                "files": dict(sorted(files.items()))}
    (TARGET / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"{len(files)} files of {spec} in {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]) if len(sys.argv) == 2 else "usage: update_decap_cms.py VERSION")
