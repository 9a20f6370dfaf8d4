"""Parsing under limits: a crafted page or PDF cannot hang or exhaust a build.

HTML and PDF originals are cleaned in one long-lived worker process, forked from the build's own
process (so it starts with everything already imported, at no start-up cost), with:

- a memory ceiling: `RLIMIT_AS` set in the worker to what it holds when forked plus
  `parse_memory_bytes`; a parse that needs more fails there (MemoryError, or the worker dies),
  never in the build;
- a wall-clock limit per file, `parse_timeout_seconds`: a parse that takes longer is stopped by
  killing the worker, and a fresh one is forked for the next file. A CPU-time rlimit would not
  do: it counts the worker's whole life, not one file.

The build's process only sends the original and receives its documents, so whatever happens in
the worker becomes one human-readable reason on one rejected document, and the build goes on.
`parse_timeout_seconds = 0` parses in the build's own process with no limits (benchmarks use it
to measure what the limits cost; docs/hostile-input.md).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")

MB = 1024 * 1024


class _Worker:
    def __init__(self, memory_bytes: int) -> None:
        context = multiprocessing.get_context("fork")
        self.memory_bytes = memory_bytes
        self.owner = os.getpid()
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child, memory_bytes), name="dossier-parser", daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


_lock = threading.Lock()
_worker: _Worker | None = None


def run_limited(func: Callable[..., T], args: tuple[Any, ...], timeout: float,
                memory_bytes: int, what: str) -> tuple[T | None, str | None]:
    """`func(*args)` in the parser worker: (its result, None), or (None, why it has none).

    `what` names the work in the reason ("reading this HTML page"). The function and its
    arguments and result must pickle; an exception it raises becomes the reason.
    """
    if timeout <= 0:
        return func(*args), None
    global _worker
    with _lock:
        worker = _worker
        if (worker is None or worker.owner != os.getpid() or not worker.process.is_alive()
                or worker.memory_bytes != memory_bytes):
            if worker is not None and worker.owner == os.getpid():
                worker.stop()
            worker = _worker = _Worker(memory_bytes)
        try:
            worker.conn.send((func, args))
            if not worker.conn.poll(timeout):
                _discard(worker)
                return None, (f"{what} took longer than the limit of {timeout:g} s "
                              "(DOSSIER_PARSE_TIMEOUT_SECONDS); it was stopped")
            status, value = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            _discard(worker)
            return None, (f"{what} stopped the reader: it needed more memory than the limit "
                          f"of {memory_bytes // MB} MB (DOSSIER_PARSE_MEMORY_BYTES) or "
                          "crashed it")
    if status == "ok":
        return value, None
    return None, f"{what} failed: {value}"


def _discard(worker: _Worker) -> None:
    global _worker
    worker.stop()
    _worker = None


def _serve(conn: Connection, memory_bytes: int) -> None:
    """The worker's loop: one job at a time until the build's end closes the pipe."""
    # The fork copied every descriptor the build holds, the case's build lock (flock) among
    # them: kept open here, the lock would outlive the build. The worker needs only its pipe.
    keep = conn.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, os.sysconf("SC_OPEN_MAX"))
    if memory_bytes > 0:
        ceiling = _address_space() + memory_bytes
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    while True:
        try:
            func, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, object] = ("ok", func(*args))
        except MemoryError:
            reply = ("error", f"it needed more memory than the limit of {memory_bytes // MB} "
                              "MB (DOSSIER_PARSE_MEMORY_BYTES)")
        except RecursionError:
            reply = ("error", "it is nested too deeply to be read")
        except Exception as error:  # any failure of the parser is the file's reason
            reply = ("error", f"{type(error).__name__}: {error}"[:300])
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("error", "its result was too large to hand back within the memory "
                                "limit (DOSSIER_PARSE_MEMORY_BYTES)"))


def _address_space() -> int:
    """Bytes of virtual address space this process holds now (VmSize)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")
