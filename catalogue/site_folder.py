"""The built site's folder, ``site/``: a new build is swapped in whole, and nothing of the old one stays behind.

A build writes into a staging folder beside ``site/`` (``.site-new-<pid>``) and, once everything has worked, swaps
it in. On Linux one ``renameat2(RENAME_EXCHANGE)`` exchanges the two folders: ``site/`` is the old build, then the
new one, and never missing. Where the system or the file system cannot exchange (macOS, some network file systems),
``site/`` is moved aside (``.site-old-<pid>``) and the new folder moved in: two renames, with Ctrl+C and SIGTERM
held back between them, and for that moment there is no ``site/``. The old build is removed after.

Whether the old build can be removed is known before the build starts (``check_site``): a folder under
``site/`` that cannot be written would otherwise stay behind as a ``.site-old-*`` after every build.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
from pathlib import Path

from .diagnostics import reason
from .processes import uninterrupted

STAGING = ".site-new-"  # + the build's process id: the folder the build writes
RETIRED = ".site-old-"  # + the build's process id: the old site/ on its way out, where it cannot be exchanged

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
try:  # loaded once here, as catalogue/processes.py loads prctl
    _RENAMEAT2 = ctypes.CDLL(None, use_errno=True).renameat2
    _RENAMEAT2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
except (OSError, AttributeError):  # not Linux, or a C library before glibc 2.28
    _RENAMEAT2 = None


class FolderError(Exception):
    """The build cannot write where it must; the message says which folder and what to do, in Danish."""


def staging_folder(root: Path) -> Path:
    return root / f"{STAGING}{os.getpid()}"


def check_root(root: Path) -> None:
    """Raise ``FolderError`` unless this process can write in ``root``: the build lock, the staging folder, the
    swap."""
    if not os.access(root, os.W_OK | os.X_OK):
        raise FolderError(
            f"der kan ikke skrives i projektmappen {root}: bygningen skriver det nye site i en mappe ved siden af "
            f"site/ og bytter dem, når det er færdigt. Giv dig selv skriveadgang til mappen (chmod u+w '{root}'), "
            "eller byg i en kopi af projektet, som du kan skrive i; site/ er ikke ændret")


def check_site(root: Path) -> None:
    """Raise ``FolderError`` unless ``root/site`` is a folder this process can remove whole once a new one has taken
    its place (or there is none)."""
    site = root / "site"
    if not os.path.lexists(site):
        return
    if site.is_symlink() or not site.is_dir():
        raise FolderError(
            f"site i {root} er {'en genvej (et symbolsk link)' if site.is_symlink() else 'en fil'}, ikke en mappe; "
            "bygningen skriver sitet i en mappe med det navn. Flyt eller slet den, og byg igen; intet er ændret")
    unreadable: list[OSError] = []
    for folder, _, _ in os.walk(site, onerror=unreadable.append):  # links are not followed, nor removed through
        if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
            _cannot_remove(root, Path(folder))
    if unreadable:
        _cannot_remove(root, Path(unreadable[0].filename))


def _cannot_remove(root: Path, folder: Path) -> None:
    name = folder.relative_to(root).as_posix()
    raise FolderError(
        f"der kan ikke skrives i mappen {name}, så den gamle udgave af sitet kan ikke fjernes, når den nye er bygget. "
        "Giv dig selv skriveadgang til site/ og alt i den (chmod -R u+w site), eller slet site/ (er den lavet af en "
        "anden bruger, fx med sudo: sudo rm -r site), og byg igen; site/ er ikke ændret")


def remove_leftovers(root: Path) -> None:
    """Remove the staging folders of builds that were stopped (with the build lock held, none is in use); raise
    ``FolderError`` naming one that cannot be removed."""
    for folder in sorted([*root.glob(f"{STAGING}*"), *root.glob(f"{RETIRED}*")]):
        problem = _remove(folder)
        if problem is not None:
            raise FolderError(
                f"mappen {folder.name} fra en tidligere bygning kan ikke fjernes ({problem}). Giv dig selv "
                f"skriveadgang til den (chmod -R u+w '{folder.name}'), eller slet den, og byg igen; site/ er ikke "
                "ændret")


def swap_in(staging: Path, site: Path) -> str | None:
    """``staging`` becomes ``site``, and the old ``site`` is removed. Returns None, or what kept the old build from
    being removed entirely (the new one is in place all the same)."""
    if not os.path.lexists(site):
        staging.rename(site)
        return None
    if _exchange(staging, site):
        return _remove(staging)
    retired = site.with_name(f"{RETIRED}{os.getpid()}")
    with uninterrupted():
        site.rename(retired)
        try:
            staging.rename(site)
        except OSError:
            retired.rename(site)
            raise
    return _remove(retired)


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two paths in one step; False where the system or the file system cannot."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(number, os.strerror(number), str(second))


def _remove(path: Path) -> str | None:
    """Remove a folder (a link or a file: itself); None, or the first thing that could not be removed, and why."""
    problems: list[str] = []
    try:
        if stat.S_ISDIR(path.lstat().st_mode):
            shutil.rmtree(path, onerror=lambda _, name, error: problems.append(f"{name}: {reason(error[1])}"))
        else:
            path.unlink()
    except FileNotFoundError:
        return None
    except OSError as error:
        problems.append(f"{error.filename}: {reason(error)}")
    return problems[0] if problems else None


