"""Work shared out between the machine's processors: a large catalogue is made on all of them.

The processes are forked, so what they work with (a page generator with its templates, the catalogue) is theirs
as it is in this process, passed as arguments and never pickled; only their results come back, a few at a time
as they are made. Forking is safe only while this process runs no other thread: callers fork before they start
any (``each`` may start one: it is called once every process is forked).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
from multiprocessing.connection import Connection, wait
from typing import Callable, Generic, Iterator, TypeVar

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


def die_with_parent(sent: signal.Signals = signal.SIGTERM) -> None:
    """For ``subprocess``'s ``preexec_fn``, in the child before it runs its program: Linux sends the child ``sent``
    when the thread that started it ends, however that ends, so that a stopped build leaves nothing running."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, sent)


STOPPING = {signal.SIGINT, signal.SIGTERM}  # the signals that stop a build as it goes (build.py)


def end_with(parent: int) -> None:
    """First thing in a process forked ``uninterrupted`` from ``parent`` (its process id, taken before the fork):
    Linux kills it when the thread that forked it ends, however that ends, and if ``parent`` has ended already it
    ends now. SIGTERM ends it at once, and Ctrl+C is its parent's, which stops it: it has nothing to tidy up."""
    die_with_parent(signal.SIGKILL)
    if os.getppid() != parent:  # ended between the fork and the line above: no signal will come
        os._exit(1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl+C and SIGTERM wait till the block is done (they stop the build after it). Around forks: a build stopped
    halfway through one would not know the process it made, nor stop it."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def processors() -> int:
    """How many processes work together: one per processor this process may use, at most ``MAX_PROCESSES``."""
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
               MAX_PROCESSES)


def _send(parent: int, function: Callable[[T], R], items: list[T], batch: int, results: Connection) -> None:
    end_with(parent)
    try:
        made: list[R] = []
        for item in items:
            made.append(function(item))
            if len(made) == batch:
                results.send(("results", made))
                made = []
        results.send(("results", made))
        results.send(("done", None))
    except BaseException as error:  # noqa: BLE001 - the parent raises it, as if it had happened there
        try:
            results.send(("error", error))
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled: its text
            results.send(("error", RuntimeError(str(error))))
    finally:
        results.close()


class Shared(Generic[T, R]):
    """``[function(item) for item in items]``, started now in a forked process for each processor (``count`` in
    all), the items dealt out in turn (so that long and short ones mix); ``gather`` gives the results in order. The
    processes end with ``gather``, with ``stop``, or with this process, however it ends."""

    def __init__(self, function: Callable[[T], R], items: list[T], count: int, batch: int = BATCH) -> None:
        """``batch``: how many results a process sends back at a time (it waits while this process does not read
        them; one batch of all of them: it has made them all by then)."""
        self._count = count
        self._length = len(items)
        self._workers: dict[Connection, tuple[int, multiprocessing.process.BaseProcess]] = {}
        context = multiprocessing.get_context("fork")
        with uninterrupted():
            try:
                for start in range(count):
                    receiving, sending = context.Pipe(duplex=False)
                    process = context.Process(target=_send, daemon=True,
                                              args=(os.getpid(), function, items[start::count], batch, sending))
                    process.start()
                    sending.close()
                    self._workers[receiving] = (start, process)
            except BaseException:  # no more processes, say: those forked already end here
                self.stop()
                raise

    def gather(self, each: Callable[[R], None] | None = None) -> list[R]:
        """The results, in order, each handed to ``each`` as soon as those before it are there. A failure in a
        process is raised here, as if it had happened here."""
        each = each or (lambda result: None)
        made: dict[int, R] = {}
        received = dict.fromkeys(range(self._count), 0)  # results received from each process
        handed = 0
        failures: list[BaseException] = []
        try:
            while self._workers:
                for connection in wait(list(self._workers)):
                    start, process = self._workers[connection]
                    try:
                        kind, value = connection.recv()
                    except EOFError:
                        kind, value = "error", RuntimeError(f"en proces sluttede uden resultat (kode "
                                                            f"{process.exitcode})")
                    if kind == "results":
                        for result in value:
                            made[start + received[start] * self._count] = result
                            received[start] += 1
                        while handed in made and not failures:
                            each(made[handed])
                            handed += 1
                        continue
                    if kind == "error":
                        failures.append(value)
                    del self._workers[connection]
                    process.join()
        finally:
            self.stop()
        if failures:
            raise failures[0]
        return [made[index] for index in range(self._length)]

    def stop(self) -> None:
        """The processes still working are killed: they hold nothing that needs tidying up."""
        for connection, (_, process) in list(self._workers.items()):
            process.kill()
            process.join()
            connection.close()
            del self._workers[connection]


def map_on_all_processors(function: Callable[[T], R], items: list[T], count: int | None = None,
                          each: Callable[[R], None] | None = None) -> list[R]:
    """``[function(item) for item in items]``, in order, made by ``Shared`` (in this process, with one processor);
    this process hands each result to ``each`` as soon as those before it are there, in order."""
    count = min(count or processors(), len(items))
    if count >= 2:
        return Shared(function, items, count).gather(each)
    results = []
    for item in items:
        results.append(function(item))
        if each is not None:
            each(results[-1])
    return results
