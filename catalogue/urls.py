"""Where generated pages live, and links between pages that work under any base URL."""

from __future__ import annotations

import posixpath
from typing import Iterable
from urllib.parse import quote, unquote, urlsplit

# Source paths (as if under content/) of the pages the build generates.
HOME = "index.md"
CATALOGUE = "kurser/index.md"
TOPICS = "emner/index.md"
NEW_MEMBERS = "ny-i-bestyrelsen.md"
TAILORED = "skraeddersyet.md"
IDEAS = "ideer.md"
PRACTICAL = "praktisk.md"
TOOLKIT = "vaerktoejskasse/index.md"
SEARCH = "soeg.md"
PRINTABLE = "kurser/katalog.md"
CALENDAR = "kalender.ics"
ABOUT = "om/index.md"  # written by hand in content/
EDITORS_GUIDE = "om/redigering.md"  # the editors' guide, written by hand in content/
REFERENCE = "om/formatet.md"  # every key of every file, in content/, written by `build.py schemas` (reference.py)
EVALUATION = "om/evaluering.md"  # how courses are evaluated, and each course's figures
PATHS = "forloeb/index.md"  # the learning paths
NEW_FILES = "om/nye-filer.md"  # the scaffolds, to copy on GitHub's web pages
ADMIN = "admin/"  # Decap CMS's forms (catalogue/cms.py): not a page of the site, not indexed, not in the sitemap
ADMIN_PAGE = ADMIN + "index.html"
ADMIN_CONFIG = ADMIN + "config.yml"  # Decap's configuration, as the site serves it

GENERATED = (HOME, CATALOGUE, TOPICS, NEW_MEMBERS, TAILORED, IDEAS, PRACTICAL, TOOLKIT, SEARCH, NEW_FILES, EVALUATION)
GENERATED_FOLDERS = ("kurser/", "emner/", "forloeb/")


# Course slugs whose page would be one of the generated pages above, or the folder of the regions' pages (and
# topic keys, for /emner/).
RESERVED_SLUGS = frozenset({"index", "katalog", "region"})
RESERVED_TOPICS = frozenset({"index"})
RESERVED_PATHS = frozenset({"index"})


def course_src(slug: str) -> str:
    return f"kurser/{slug}.md"


def topic_src(topic: str) -> str:
    return f"emner/{topic}.md"


def region_src(region: str) -> str:
    """The catalogue for one region (FORMAT.md §4: /kurser/region/<region>/)."""
    return f"kurser/region/{region}.md"


def path_src(slug: str) -> str:
    """A learning path's page."""
    return f"forloeb/{slug}.md"


def poster_file(slug: str) -> str:
    """A course's poster for a notice board (/kurser/<slug>/plakat/): a whole HTML file the build writes, not a page
    in the theme, so it is in neither the sitemap nor the search index."""
    return f"kurser/{slug}/plakat/index.html"


def is_poster_file(path: str) -> bool:
    """Whether a file of the built site, by its path there, is a course's poster (``poster_file``): no page of the
    site, whose pages count it not."""
    parts = path.split("/")
    return len(parts) == 4 and parts[0] == "kurser" and parts[2:] == ["plakat", "index.html"]


def is_generated(src_uri: str) -> bool:
    """Whether a file at this path under content/ would clash with a generated page."""
    return src_uri in GENERATED or src_uri.startswith(GENERATED_FOLDERS)


def generated_sources(courses: Iterable[str], topics: Iterable[str], paths: Iterable[str],
                      regions: Iterable[str] = ()) -> frozenset[str]:
    """The pages the site makes with no file of their own, by the source path each would have (the preview's
    error pages aside): for the courses, topics, learning paths and regions (those with a page) of these slugs and
    keys."""
    return frozenset([*GENERATED, PRINTABLE, *map(course_src, courses), *map(topic_src, topics), PATHS,
                      *map(path_src, paths), *map(region_src, regions)])


def link_target(address: str, src_uri: str) -> tuple[str, str, str] | None:
    """Where a relative address in an editor's Markdown on the page at ``src_uri`` leads, as MkDocs reads one on a
    page of content/: the path under content/ written from the page's source (and the address's query and
    fragment); None for an address that is not such a path (an outside address, '#…', '/…')."""
    scheme, host, path, query, fragment = urlsplit(address)
    if scheme or host or not path or path.startswith(("/", "\\")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path))), query, fragment


def page_url(src_uri: str) -> str:
    """The directory URL of a Markdown source: a/b.md → a/b/, a/index.md → a/, index.md → ''; of an HTML file
    written whole as a folder's index (a poster): a/index.html → a/."""
    whole = src_uri == "index.html" or src_uri.endswith("/index.html")
    stem = src_uri.removesuffix(".md") if src_uri.endswith(".md") else src_uri.removesuffix(".html") if whole \
        else src_uri
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_file(src_uri: str) -> str:
    """The file a Markdown source's page is written to, under the site: a/b.md → a/b/index.html."""
    return page_url(src_uri) + "index.html"


def absolute_url(site_url: str, src_uri: str) -> str:
    """The full address of a page or file, for what is read away from the site (calendars, the feed, JSON-LD,
    the printed catalogue): https://kurser.example.dk/ and kurser/a.md → https://kurser.example.dk/kurser/a/"""
    return site_url.rstrip("/") + "/" + page_url(src_uri)


def short_address(address: str) -> str:
    """An address as one types it from paper: 'https://www.lejerbo.dk/tilmeld/' → 'www.lejerbo.dk/tilmeld/';
    a mail address as it is. Only the scheme goes: it is what a browser adds by itself."""
    parts = urlsplit(address)
    if parts.scheme.lower() in ("https", "http") and address[len(parts.scheme) + 3:]:
        return address[len(parts.scheme) + 3:]
    return address


def _link(path: str) -> str:
    # Percent-encoded: a name can never read as a scheme ('javascript:'), a query or a fragment.
    return quote(path, safe="/.-_~")


def file_url(file_src: str, from_src: str) -> str:
    """A link from a page to a file (a download) under content/."""
    return _link(posixpath.relpath("/" + file_src, "/" + page_url(from_src)))


def relative_url(target_src: str, from_src: str) -> str:
    """A link from one page to another that works under any base URL."""
    target, origin = page_url(target_src), page_url(from_src)
    link = posixpath.relpath("/" + target, "/" + origin)
    if link == ".":
        return "./"
    return _link(link + "/" if target.endswith("/") and not link.endswith("/") else link)
