"""Parse untrusted files in a separate process with hard limits.

A spreadsheet is a program for the parser: a 2 KB xlsx can make calamine
ask for 67 GB and abort the process, a 45 MB single-line CSV can take
minutes of CPU.  Inside the Streamlit server that would kill every session
(or freeze them all), so every file a user hands over — uploads, prospect
lists, deals files, the files inside an imported workspace — is read by
``open_dataset`` here, in a child process that has

- a resident-memory cap (1.5 GB by default on top of what the idle worker
  holds): the parent reads the child's resident size from ``/proc`` every
  20 ms while it waits and kills it above the cap.  Resident, not address
  space: pyarrow and pandas reserve about twice what they touch (a legitimate
  1M-row CSV maps 2.3 GB and holds 1.1 GB), so an address-space cap refused
  files that fit;
- an address-space backstop (``RLIMIT_AS``, four times the resident cap): a
  wild allocation (a 2 KB xlsx asking for 67 GB) fails at once in the child
  (``MemoryError``, or an abort in native code) instead of waiting for a poll;
- a CPU-time cap (``RLIMIT_CPU``): the kernel stops a runaway parse;
- a wall-clock timeout in the parent, which kills the child;
- in the server, a lower priority (``NICE``): the parse gets the CPU the
  other sessions leave idle.

Any of those becomes an ``InputError`` with a plain message ("this file
needs more than 1.5 GB of memory to read …"); the server and the other
sessions never notice.  Children come from a ``forkserver`` that has the
parsing modules imported already, so a worker starts in ~0.1 s and never
inherits the server's threads or open database handles.  A one-shot command
(the CLI) that has imported those modules itself asks for ``fork=True``: its
reader is forked from it directly, instead of a forkserver importing pandas
and pyarrow a second time (~1 s of CPU per command) — as long as it runs a
single thread at that moment, else the forkserver is used all the same.

The result (our own ``Dataset`` object, built by our code in the child)
comes back over a one-way pipe as pickle protocol 5 with the columns'
buffers out of band (``_send``/``_receive``), after one message with the
child's resident size at the start; the child never receives anything from the
parent after it starts.  Limits can be tuned with
``ICP_WORKER_MEMORY_MB``, ``ICP_WORKER_CPU_S`` and ``ICP_WORKER_WALL_S``.
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import fcntl
import importlib
import mmap
import multiprocessing as mp
import multiprocessing.popen_forkserver as _popen_forkserver
import multiprocessing.spawn as _spawn
import os
import pickle
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from icp.errors import InputError

__all__ = [
    "MAX_COLUMNS",
    "MAX_LINE_BYTES",
    "Job",
    "Limits",
    "check_source",
    "limits",
    "open_dataset",
    "precheck",
    "preload",
    "resident_bytes",
    "run",
    "start",
]

T = TypeVar("T")
_PRELOAD = [
    "pyarrow",
    "pyarrow.csv",
    "icp.dataset",
    "icp.load",
    "icp.clean",
    "icp.join",
    "icp.schema",
    "icp.variants",
]


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 1536
    cpu_seconds: int = 60
    wall_seconds: float = 120.0


# The address-space backstop is this many times the resident cap (see ``_child``).
BACKSTOP_FACTOR = 4
READER_THREADS = max(1, min(2, os.cpu_count() or 1))  # Arrow's CSV reader in the worker
NICE = 5  # a server's worker runs this much below the server (see ``_quiet_and_lean``)
POLL_SECONDS = 0.02  # the resident guard's period: ~20 µs of /proc reading each time


def limits() -> Limits:
    """The limits in force: the defaults, or ``ICP_WORKER_*`` from the environment."""
    base = Limits()

    def env(name: str, default: float) -> float:
        raw = os.environ.get(name, "").strip()
        try:
            return float(raw) if raw else default
        except ValueError:
            return default

    return Limits(
        memory_mb=int(env("ICP_WORKER_MEMORY_MB", base.memory_mb)),
        cpu_seconds=int(env("ICP_WORKER_CPU_S", base.cpu_seconds)),
        wall_seconds=env("ICP_WORKER_WALL_S", base.wall_seconds),
    )


_context: Any = None


class _SpawnWithoutMain:
    """``multiprocessing.spawn`` for our forkserver, minus "re-run the parent's main script".

    multiprocessing re-imports the parent's ``__main__`` in every child.  In
    the app that is the Streamlit page script (app.py, which opens the store
    and may even create a workspace), run again, unlimited, before the child's
    caps apply — for every file read.  The worker needs nothing from it: its
    target and arguments are module-level functions pickled by reference.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(_spawn, name)

    @staticmethod
    def get_preparation_data(name: str) -> dict[str, Any]:
        data = _spawn.get_preparation_data(name)
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
        return data


def _ctx() -> Any:
    global _context
    if _context is None:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        _popen_forkserver.spawn = _SpawnWithoutMain()  # type: ignore[assignment]
        _context = ctx
    return _context


def preload() -> None:
    """Import the reader's modules here (what the forkserver preloads), to fork readers from."""
    for name in _PRELOAD:
        importlib.import_module(name)


def _fork_ctx() -> Any:
    """Plain ``fork``: the child shares this process's imported modules (copy on write)."""
    return mp.get_context("fork")


def _child(
    conn: Connection,
    lim: Limits,
    nice: int,
    fn: Callable[..., Any],
    args: tuple,
    kwargs: dict,
) -> None:
    """Runs in the worker: cap CPU and (as a backstop) address space, call ``fn``, send one outcome.

    The first message is this process's resident size before the parse (the
    parent's memory guard counts from there); the second is the outcome.
    """
    _quiet_and_lean(nice)
    # The backstop is on top of what the idle worker already maps (~0.4 GB of
    # interpreter and libraries, mostly shared), and several times the resident
    # cap: pyarrow and pandas reserve about twice the memory they touch, so the
    # resident guard in the parent is what refuses a big file; this only makes a
    # wild allocation (calamine asking for 67 GB) fail at once, here.
    mem = _mapped_bytes() + BACKSTOP_FACTOR * lim.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    resource.setrlimit(resource.RLIMIT_CPU, (lim.cpu_seconds, lim.cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a native abort leaves no core file
    conn.send(("rss", resident_bytes(os.getpid())))
    try:
        outcome: tuple[str, Any] = ("ok", fn(*args, **kwargs))
    except InputError as exc:
        outcome = ("input", exc)
    except MemoryError:
        outcome = ("memory", None)
    except RecursionError:
        outcome = ("crashed", "RecursionError")
    except Exception as exc:  # an unforeseen parser failure is still this file's problem
        outcome = ("crashed", type(exc).__name__)
    try:
        _send(conn, outcome)
    except MemoryError:  # the result itself did not fit under the backstop
        conn.send(("memory", None))
    finally:
        conn.close()


def _send(conn: Connection, outcome: tuple[str, Any]) -> None:
    """Send ``outcome`` as pickle protocol 5 with its arrays out of band.

    A plain ``send`` pickles into one bytes object first: a second copy of
    every column (~210 MB for a 1M-row CSV), which was this process's peak,
    and the parent then held the bytes and the unpickled table at once.  Out
    of band, the columns' buffers are written straight from the arrays and
    read into buffers the parent's table then owns (``_receive``).

    One framed message gives the sizes; then the head and every buffer
    follow as raw bytes on the pipe, written from the arrays themselves.
    (``recv_bytes_into`` would read each into a ``BytesIO`` first and copy it
    twice: 0.1 s per 200 MB in the parent.)
    """
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(outcome, protocol=5, buffer_callback=buffers.append)
    try:
        views = [b.raw() for b in buffers]
    except BufferError:  # a non-contiguous buffer: everything in band
        head, views = pickle.dumps(outcome, protocol=5), []
    parts = [memoryview(head), *views]
    conn.send(("result", [v.nbytes for v in parts]))
    fd = conn.fileno()
    for v in parts:
        sent = 0
        while sent < v.nbytes:
            sent += os.write(fd, v[sent:])


def _receive(conn: Connection, sizes: list[int]) -> tuple[str, Any]:
    """The outcome ``_send`` wrote: the head, then each buffer read straight into a
    writable bytearray the parent's table then owns.

    A bytearray, not ``numpy.empty``: numpy asks for huge pages on big arrays, and
    faulting those in made the read cost 0.5-0.8 s instead of 0.1 s now and then
    on a busy machine (the kernel compacts memory to find them).
    """
    fd = conn.fileno()
    parts = []
    for n in sizes:
        buf = bytearray(n)
        view = memoryview(buf)
        got = 0
        while got < n:
            k = os.readv(fd, [view[got:]])
            if k == 0:
                raise EOFError("the worker stopped in the middle of its result")
            got += k
        view.release()
        parts.append(buf)
    head, *buffers = parts
    return pickle.loads(head, buffers=buffers)


_F_SETPIPE_SZ = 1031  # Linux fcntl: set a pipe's capacity


def _widen(conn: Connection) -> None:
    """A 1 MB pipe instead of 64 kB: a 200 MB result crosses in 16x fewer wake-ups."""
    with contextlib.suppress(OSError, ValueError):
        fcntl.fcntl(conn.fileno(), _F_SETPIPE_SZ, 1 << 20)


def _mapped_bytes() -> int:
    """This process's address space now (VmSize), 0 where /proc does not say."""
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes(pid: int) -> int:
    """Resident memory of process ``pid`` (``/proc/<pid>/statm``), 0 when it cannot be read."""
    with contextlib.suppress(OSError, ValueError, IndexError), open(f"/proc/{pid}/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE
    return 0


def _quiet_and_lean(nice: int) -> None:
    """Few threads, ``nice`` steps down in priority, and no native noise on stderr.

    Arrow parses a CSV on ``READER_THREADS`` threads (a 1M-row file in 0.5 s
    instead of 0.75 s on two cores), each reserving some address space under
    the cap.  A server's worker runs ``NICE`` steps below it, so a big or
    hostile file takes only the CPU other sessions leave idle.  A Rust panic
    backtrace from a parser that hit the cap would otherwise end up in the
    server log or under the CLI's one ``error:`` line; ``ICP_DEBUG`` keeps it.
    """
    os.environ["OMP_NUM_THREADS"] = "1"
    if nice:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(nice)
    with contextlib.suppress(ImportError):
        import pyarrow  # lazy: startup speed

        pyarrow.set_cpu_count(READER_THREADS)
        pyarrow.set_io_thread_count(1)
        # Arrow's buffers from the C library's malloc, not mimalloc (pyarrow's default):
        # mimalloc hands freed memory back and faults it in again, which made the 1M-row
        # CSV's reader spend ~0.3 s more CPU (its text columns are combined into one
        # chunk each for the parent, ~150 MB touched afresh).  Peak resident size: ~+70 MB.
        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(-8, 2)  # M_ARENA_MAX: malloc arenas reserve 64 MB each
    if not os.environ.get("ICP_DEBUG"):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)


def run(
    fn: Callable[..., T],
    /,
    *args: Any,
    lim: Limits | None = None,
    fork: bool = False,
    started: Callable[[], object] | None = None,
    **kwargs: Any,
) -> T:
    """``fn(*args, **kwargs)`` in a limited child process; its InputError is re-raised here.

    ``fn`` must be a module-level function (it is pickled by reference).
    Breaking a limit raises ``InputError("worker.memory" | "worker.cpu" |
    "worker.timeout" | "worker.crashed")``.  While waiting, this process
    reads the child's resident size every ``POLL_SECONDS`` and kills it once
    it holds more than ``lim.memory_mb`` above what it held when it started.
    ``fork=True`` forks the child from this process when it runs a single
    thread (see the module docstring); ``started`` is called once the child
    runs, e.g. to start threads of this process only after the fork.
    """
    job = start(fn, *args, lim=lim, fork=fork, **kwargs)
    if started is not None:
        started()
    return job.result()


class Job:
    """A limited child process started by ``start``; ``result`` waits for its outcome."""

    def __init__(self, proc: Any, receive: Connection, lim: Limits) -> None:
        self._proc, self._receive, self._lim = proc, receive, lim
        self._deadline = time.monotonic() + lim.wall_seconds  # the wall clock runs from the start

    def result(self) -> Any:
        """The child's return value, or the InputError ``run`` describes."""
        proc, lim = self._proc, self._lim
        outcome, timed_out, over_memory = self._wait()
        gb = f"{lim.memory_mb / 1024:.1f} GB"
        if outcome is None:
            code = proc.exitcode
            if over_memory:
                raise InputError("worker.memory", limit=gb)
            if timed_out:
                raise InputError("worker.timeout", seconds=round(lim.wall_seconds))
            if code in (-signal.SIGXCPU, -signal.SIGKILL):  # soft, then hard CPU limit
                raise InputError("worker.cpu", seconds=lim.cpu_seconds)
            if code is not None and code < 0:
                # a native abort (SIGABRT, SIGSEGV) under the address-space backstop:
                # an allocation failed
                raise InputError("worker.memory", limit=gb)
            raise InputError("worker.crashed", detail=f"exit {code}")
        status, payload = outcome
        if status == "ok":
            return payload
        if status == "input":
            raise payload
        if status == "memory":
            raise InputError("worker.memory", limit=gb)
        raise InputError("worker.crashed", detail=str(payload)[:80])

    def _wait(self) -> tuple[tuple[str, Any] | None, bool, bool]:
        """(the outcome or None, timed out, over memory), guarding the child meanwhile."""
        proc, receive, lim = self._proc, self._receive, self._lim
        outcome: tuple[str, Any] | None = None
        timed_out = over_memory = False
        cap = lim.memory_mb * 1024 * 1024
        base: int | None = None
        deadline = self._deadline
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                if receive.poll(min(POLL_SECONDS, left)):
                    try:
                        message = receive.recv()
                        if message[0] == "rss":
                            base = message[1]
                            continue
                        outcome = (
                            _receive(receive, message[1]) if message[0] == "result" else message
                        )
                    except (EOFError, OSError):  # the child died without a word
                        break
                    break
                if base is not None and resident_bytes(proc.pid) - base > cap:
                    over_memory = True
                    break
        finally:
            receive.close()
            if outcome is None and proc.is_alive():
                proc.kill()
            proc.join(10)
        return outcome, timed_out, over_memory


def start(
    fn: Callable[..., Any],
    /,
    *args: Any,
    lim: Limits | None = None,
    fork: bool = False,
    **kwargs: Any,
) -> Job:
    """``run`` without the wait: the child runs while this process goes on (``Job.result``)."""
    lim = lim or limits()
    ctx = _fork_ctx() if fork and threading.active_count() == 1 else _ctx()
    receive, send = ctx.Pipe(duplex=False)
    _widen(receive)
    # a one-shot command has no other sessions to give way to: its reader keeps its priority
    nice = 0 if fork else NICE
    proc = ctx.Process(target=_child, args=(send, lim, nice, fn, args, kwargs), daemon=True)
    proc.start()
    send.close()
    return Job(proc, receive, lim)


def _open(scanned: Any, *args: Any, **kwargs: Any) -> Any:
    # imported in the worker (the forkserver has it loaded), so ``import icp.worker`` stays light
    from icp import bookcheck  # lazy: startup speed
    from icp.dataset import open_dataset as _open_dataset  # lazy: startup speed

    if scanned is not None:
        bookcheck.trust(scanned)
    return _open_dataset(*args, **kwargs)


def open_dataset(
    *args: Any,
    fork: bool = False,
    started: Callable[[], object] | None = None,
    scanned: Any = None,
    **kwargs: Any,
) -> Any:
    """``icp.dataset.open_dataset`` in a limited worker (same arguments, same result).

    Text files get two cheap checks first, in this process (milliseconds):
    a file with a line longer than ``MAX_LINE_BYTES`` or a first line with
    more than ``MAX_COLUMNS`` fields is not a table of customers, and its
    parse would only end at the worker's CPU or wall limit a minute later.
    ``fork`` and ``started`` are ``run``'s; ``scanned`` is an
    ``icp.bookcheck.Scanned`` another worker made of the same bytes (the
    reader then skips those checks for them).
    """
    for src in (args[0] if args else kwargs.get("src"), kwargs.get("deals")):
        precheck(src)
    return run(_open, scanned, *args, fork=fork, started=started, **kwargs)


MAX_LINE_BYTES = 1024 * 1024  # a customer row, notes and all, is far shorter
MAX_COLUMNS = 5_000  # Excel shows 16,384; a customer export has dozens
_BLOCK = MAX_LINE_BYTES // 2  # a longer line covers at least one whole block
_BINARY = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # xlsx/ods (zip), xls (OLE): not lines


def precheck(src: Any) -> None:
    """Refuse a text file whose shape no parser should be asked to chew on."""
    with _peek_bytes(src) as data:
        if data is not None and not data[:4].startswith(_BINARY):
            _check_lines(data)


def _check_lines(data: bytes | mmap.mmap) -> None:
    n = len(data)
    for start in range(0, n, _BLOCK):  # memchr per block: ~1 ms for 50 MB
        end = min(start + _BLOCK, n)
        if end - start < _BLOCK or data.find(b"\n", start, end) >= 0:
            continue
        if data.find(b"\r", start, end) >= 0:
            continue
        first = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
        stops = [i for i in (data.find(b"\n", end), data.find(b"\r", end)) if i >= 0]
        length = (min(stops) if stops else n) - first
        if length > MAX_LINE_BYTES:
            raise InputError(
                "worker.long_line",
                line=data[:first].count(b"\n") + 1,
                size=f"{length / (1024 * 1024):.1f}",
                limit=MAX_LINE_BYTES // (1024 * 1024),
            )
    stops = [
        i
        for i in (data.find(b"\n", 0, MAX_LINE_BYTES), data.find(b"\r", 0, MAX_LINE_BYTES))
        if i >= 0
    ]
    head = data[: min(stops) if stops else min(n, MAX_LINE_BYTES)]
    columns = max(head.count(sep) for sep in (b",", b"\t", b";", b"|")) + 1
    if columns > MAX_COLUMNS:
        raise InputError("worker.too_many_columns", n=columns, limit=MAX_COLUMNS)


@contextlib.contextmanager
def _peek_bytes(src: Any) -> Iterator[bytes | mmap.mmap | None]:
    """The bytes of an upload, or of a file on disk up to 1 GB (the CLI); else None.

    A file is mapped, not read: the check touches a page or two per block, and
    a 158 MB CSV is not copied into this process only to be read again by the
    worker (0.1 s).
    """
    if isinstance(src, (bytes, bytearray)):
        yield bytes(src)
        return
    if isinstance(src, memoryview):
        yield src.tobytes()
        return
    mapped = None
    if isinstance(src, (str, os.PathLike)):
        # ValueError: an empty file (nothing to map, nothing to refuse)
        with contextlib.suppress(OSError, ValueError), open(os.fspath(src), "rb") as fh:
            if os.fstat(fh.fileno()).st_size <= 1024**3:
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        yield mapped
    finally:
        if mapped is not None:
            mapped.close()


def check_source(filename: str, data: bytes, options: dict[str, Any]) -> None:
    """Read a stored file the way the app will (sheet, header row, deals) — or raise InputError.

    Used on every file inside an imported workspace, so a file that would
    break the reader is refused at the door instead of on every page load.
    """
    deals = options.get("deals") if isinstance(options.get("deals"), dict) else None
    open_dataset(
        bytes(data),
        filename=filename,
        sheet=options.get("sheet"),
        header_row=options.get("header_row"),
        deals=base64.b64decode(deals["data_b64"]) if deals and deals.get("data_b64") else None,
        deals_filename=deals.get("filename") if deals else None,
    )
