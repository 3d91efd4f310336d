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


def test_the_fingerprint_of_a_compressed_file_is_that_of_what_it_holds(tmp_path: Path) -> None:
    import gzip

    sitemap = tmp_path / "sitemap.xml.gz"
    one = b"<url><loc>https://kurser.example.dk/</loc><lastmod>2027-01-15</lastmod></url>"
    assert normalised(sitemap, gzip.compress(one, 9, mtime=0)) == normalised(sitemap, gzip.compress(one, 1, mtime=1))
    assert normalised(sitemap, gzip.compress(one)) != normalised(sitemap, gzip.compress(one.replace(b"15", b"16")))
    page = tmp_path / "index.html"
    assert normalised(page, b"<lastmod>1</lastmod>") == b"<lastmod>1</lastmod>"
