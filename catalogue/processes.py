"""Work shared out between the machine's processors: a large catalogue is made on all of them.

The processes are forked, so what they work with (a page generator with its templates, the catalogue) is theirs
as it is in this process, passed as arguments and never pickled; only their results come back. Forking is safe
only while this process runs no other thread: callers use it before they start any.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection
from typing import Callable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_PROCESSES = 8


def processors() -> int:
    """How many processes work together: one per processor this process may use, at most ``MAX_PROCESSES``."""
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
               MAX_PROCESSES)


def _send(function: Callable[[T], R], items: list[T], results: Connection) -> None:
    try:
        results.send(("ok", [function(item) for item in items]))
    except BaseException:  # noqa: BLE001 - the parent raises it
        results.send(("error", traceback.format_exc()))
    finally:
        results.close()


def map_on_all_processors(function: Callable[[T], R], items: list[T], count: int | None = None) -> list[R]:
    """``[function(item) for item in items]``, in order, the items dealt out in turn (so that long and short ones
    mix) between this process and a forked process for each other processor (``count`` processes in all)."""
    count = min(count or processors(), len(items))
    if count < 2:
        return [function(item) for item in items]
    chunks = [items[start::count] for start in range(count)]
    context = multiprocessing.get_context("fork")
    workers = []
    for chunk in chunks[1:]:
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_send, args=(function, chunk, sending), daemon=True)
        process.start()
        sending.close()
        workers.append((process, receiving))
    shares = [[function(item) for item in chunks[0]]]  # this process's share, meanwhile
    failures = []
    for process, receiving in workers:
        try:
            status, value = receiving.recv()  # before join: a large result fills the pipe until it is read
        except EOFError:
            status, value = "error", f"the process ended without a result (exit code {process.exitcode})"
        process.join()
        if status == "ok":
            shares.append(value)
        else:
            failures.append(value)
    if failures:
        raise RuntimeError("\n".join(failures))
    results: list[R] = [None] * len(items)  # type: ignore[list-item]
    for start, share in enumerate(shares):
        results[start::count] = share
    return results
