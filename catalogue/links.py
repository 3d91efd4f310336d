"""The weekly check of outside links: sign-up pages, evaluations, toolkit links and videos."""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .diagnostics import Diagnostic
from .fields import video_source

TIMEOUT_SECONDS = 15
USER_AGENT = "Kursussite-linktjek/1.0 (+https://kurser.example.dk/)"


@dataclass(frozen=True)
class LinkInFile:
    """An https link to another site, and the editor's file that names it."""

    url: str
    path: Path  # the file that names it
    display: str  # the file as editors see it


def outside_links(catalogue: Catalogue) -> list[LinkInFile]:
    """Every https link the editors' files name, once per file."""
    project = catalogue.project
    found: dict[tuple[str, Path], LinkInFile] = {}

    def add(url: str | None, path: Path) -> None:
        if url and url.startswith("https://"):
            found.setdefault((url, path), LinkInFile(url, path, project.display(path)))

    for entry in catalogue.courses:
        path = project.root / entry.source
        add(entry.course.evaluering, path)
        for session in entry.course.hold:
            add(session.tilmelding, path)
    for item in catalogue.toolkit.values():
        path = project.content_dir / item.path
        if item.meta.link:
            add(item.meta.link.url, path)
        if item.meta.video:
            source = video_source(item.meta.video.url)
            add(source.watch_url if source else item.meta.video.url, path)
    return list(found.values())


def problem_with(url: str) -> str | None:
    """Why a link does not work, or None when it does."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"svarer {error.code}: {_status_in_danish(error.code)}"
        except (urllib.error.URLError, OSError) as error:
            return f"kan ikke nås: {_failure_in_danish(getattr(error, 'reason', error))}"
    return "kan ikke nås"


_STATUSES = {401: "siden kræver login", 403: "siden må ikke ses", 404: "siden findes ikke",
             410: "siden er fjernet", 429: "for mange forespørgsler; prøv igen senere"}


def _status_in_danish(code: int) -> str:
    if code in _STATUSES:
        return _STATUSES[code]
    return "fejl hos det andet site" if code >= 500 else "siden kan ikke hentes"


def _failure_in_danish(reason: object) -> str:
    """Why a host could not be reached, in Danish (the system's own words are English)."""
    if isinstance(reason, socket.gaierror):
        return "adressen findes ikke (navnet kan ikke slås op)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"intet svar inden for {TIMEOUT_SECONDS} sekunder"
    if isinstance(reason, ssl.SSLError):
        return "sitets certifikat er ikke gyldigt"
    if isinstance(reason, ConnectionRefusedError):
        return "sitet afviser forbindelsen"
    return "forbindelsen mislykkedes"


def _line_of(link: LinkInFile) -> int:
    try:
        for number, line in enumerate(link.path.read_text(encoding="utf-8").splitlines(), start=1):
            if link.url in line:
                return number
    except OSError:
        pass
    return 1


def check_links(links: list[LinkInFile], workers: int = 8) -> list[Diagnostic]:
    """A warning for each link that does not answer, at the line that names it."""
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=workers) as pool:
        problems = dict(zip(urls, pool.map(problem_with, urls), strict=True))
    return sorted(Diagnostic(link.display, _line_of(link), 1, f"linket {link.url} {problems[link.url]}",
                             severity="advarsel")
                  for link in links if problems[link.url])
