"""What a result depends on, and results kept while that holds: the live preview's way to redo only what changed.

A rebuild of the preview asks again for every course file's validation and pages. Each answer is kept by a
key that says exactly what it was made from (the file's path and ``fingerprint`` of its bytes), within a
context (the taxonomy, the templates, the reference date …): when the context changes, all of it is made again.
"""

from __future__ import annotations

import hashlib
from typing import Callable, Generic, Hashable, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def fingerprint(*parts: bytes | str) -> str:
    """A short digest of the parts, in order: the same parts give the same fingerprint."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


class Memo(Generic[K, V]):
    """Results by key, all made in one context; a new context forgets them."""

    def __init__(self) -> None:
        self._context: str | None = None
        self._results: dict[K, V] = {}

    def within(self, context: str) -> None:
        """What follows is made in this context: results made in another are forgotten."""
        if context != self._context:
            self._results.clear()
            self._context = context

    def __contains__(self, key: object) -> bool:
        return key in self._results

    def __len__(self) -> int:
        return len(self._results)

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The result kept for the key, or the one ``make`` gives, kept from now on."""
        if key not in self._results:
            self._results[key] = make()
        return self._results[key]
