"""Work shared out between the machine's processors: a large catalogue is made on all of them.

The processes are forked, so what they work with (a page generator with its templates, the catalogue) is theirs
as it is in this process, passed as arguments and never pickled; only their results come back, a few at a time
as they are made. Forking is safe only while this process runs no other thread: callers fork before they start
any (``each`` may start one: it is called once every process is forked).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from multiprocessing.connection import Connection, wait
from typing import Callable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_PROCESSES = 8
BATCH = 50  # results sent back at a time

_PR_SET_PDEATHSIG = 1
# Loaded here, not in the child: a child forked while another thread held the loader's lock would wait forever.
try:
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # not Linux
    _PRCTL = None


def die_with_parent() -> None:
    """For ``subprocess``'s ``preexec_fn``, in the child before it runs its program: Linux stops the child when the
    thread that started it ends, however that ends, so that a stopped build leaves nothing running."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGTERM)


def processors() -> int:
    """How many processes work together: one per processor this process may use, at most ``MAX_PROCESSES``."""
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
               MAX_PROCESSES)


def _send(function: Callable[[T], R], items: list[T], results: Connection) -> None:
    try:
        batch: list[R] = []
        for item in items:
            batch.append(function(item))
            if len(batch) == BATCH:
                results.send(("results", batch))
                batch = []
        results.send(("results", batch))
        results.send(("done", None))
    except BaseException as error:  # noqa: BLE001 - the parent raises it, as if it had happened there
        try:
            results.send(("error", error))
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled: its text
            results.send(("error", RuntimeError(str(error))))
    finally:
        results.close()


def map_on_all_processors(function: Callable[[T], R], items: list[T], count: int | None = None,
                          each: Callable[[R], None] | None = None) -> list[R]:
    """``[function(item) for item in items]``, in order, the items dealt out in turn (so that long and short ones
    mix) between a forked process for each processor (``count`` in all); this process gathers the results and
    hands each to ``each`` as soon as those before it are there, in order."""
    count = min(count or processors(), len(items))
    each = each or (lambda result: None)
    if count < 2:
        results = []
        for item in items:
            results.append(function(item))
            each(results[-1])
        return results
    context = multiprocessing.get_context("fork")
    workers: dict[Connection, tuple[int, multiprocessing.process.BaseProcess]] = {}
    for start in range(count):
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_send, args=(function, items[start::count], sending), daemon=True)
        process.start()
        sending.close()
        workers[receiving] = (start, process)
    made: dict[int, R] = {}
    received = dict.fromkeys(range(count), 0)  # results received from each process
    handed = 0
    failures: list[BaseException] = []
    try:
        while workers:
            for connection in wait(list(workers)):
                start, process = workers[connection]
                try:
                    kind, value = connection.recv()
                except EOFError:
                    kind, value = "error", RuntimeError(f"en proces sluttede uden resultat (kode {process.exitcode})")
                if kind == "results":
                    for result in value:
                        made[start + received[start] * count] = result
                        received[start] += 1
                    while handed in made and not failures:
                        each(made[handed])
                        handed += 1
                    continue
                if kind == "error":
                    failures.append(value)
                del workers[connection]
                process.join()
    finally:
        for _, process in workers.values():
            process.kill()
    if failures:
        raise failures[0]
    return [made[index] for index in range(len(items))]
