"""The sample site is the same, file for file, as recorded in tests/sample-site.sha256.

A change to how the site is built (not to what it shows) must leave every file as it was. A change that is meant
to alter pages records the new site with ``.venv/bin/python tests/site_manifest.py > tests/sample-site.sha256``,
and its diff of that file names every file it altered.
"""

from __future__ import annotations

from pathlib import Path

from site_manifest import MANIFEST, build_sample, manifest, normalised, read_manifest


def test_the_sample_site_is_built_as_recorded(tmp_path: Path) -> None:
    recorded = read_manifest(MANIFEST.read_text(encoding="utf-8"))
    built = manifest(build_sample(tmp_path / "projekt"))
    assert sorted(built.keys() - recorded.keys()) == [], "files the recorded site has not got"
    assert sorted(recorded.keys() - built.keys()) == [], "files of the recorded site that were not built"
    assert [name for name in built if built[name] != recorded[name]] == []


def test_the_fingerprint_leaves_out_only_the_day_of_the_build(tmp_path: Path) -> None:
    sitemap = tmp_path / "sitemap.xml"
    one = b"<url><loc>https://kurser.example.dk/</loc><lastmod>2026-12-03</lastmod></url>"
    assert normalised(sitemap, one) == normalised(sitemap, one.replace(b"2026-12-03", b"2027-01-15"))
    assert normalised(sitemap, one) != normalised(sitemap, one.replace(b"kurser.example", b"andet.example"))
    page = tmp_path / "index.html"
    assert normalised(page, b"<lastmod>1</lastmod>") == b"<lastmod>1</lastmod>"
