"""parse_many: many inputs to one Article or Failure each, in input order.

With ``workers`` of 2 or more the inputs go to a pool of worker processes of
our own (not :mod:`concurrent.futures`, whose pool breaks as a whole when one
worker dies).  The parent reads the input lazily and keeps a bounded window
of inputs in flight, so memory does not grow with the input count; results
are yielded in input order as soon as they are ready.  Each worker gets small
chunks of inputs and sends the results back in batches (fewer wake-ups and
messages for the parent, which shares the CPUs with the workers); a small
shared array tells the parent which input each worker is parsing and since
when.  An input that runs past the time budget has its worker killed and
replaced and becomes a ``Failure(error_type="Timeout")``; a worker that dies
(a crash in C code, the OOM killer) turns the input it was parsing into a
``Failure(error_type="WorkerCrash")``; the other inputs it held (queued, or
parsed with their results lost with it) are parsed again by the workers.
Nothing one input does stops the rest.

With ``workers`` of ``None`` or 1 the inputs are parsed in this process; the
time budget is then enforced with ``SIGALRM`` where that is possible (POSIX,
main thread).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import gc
import io
import itertools
import multiprocessing
import operator
import os
import pickle
import queue
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import FrameType, MappingProxyType
from typing import Any

import attrs

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from ..api import Source, parse
from ..dates.mention import DateMention
from ..errors import MideastNewsError, MideastNewsWarning
from ..model import Article, Dropped, Failure, Quote
from ..registry import BUILTIN_PARSERS, registry
from .inputs import Input, as_input

__all__ = ["DEFAULT_TIMEOUT", "Result", "Transform", "parse_input", "parse_many", "run_batch"]

#: Seconds one input may take before it is given up as a ``Timeout`` failure.
DEFAULT_TIMEOUT = 5.0

Result = Article | Failure
#: A function run in the worker on each input and its result (it must pickle:
#: a module-level function), so that the parent receives what it needs only.
Transform = Callable[[Input, Result], Any]

_CHUNK = 16  # inputs sent to a worker in one chunk (at most); results sent back in one message
_WINDOW_PER_WORKER = 64  # inputs in flight (sent, or done but not yet yielded) per worker
_JOIN_SECONDS = 2.0
_FLUSH_SECONDS = 0.05  # a worker sends the results it has at least this often
_IDLE = -1.0  # the worker's current input when it parses none
_PIPE_BYTES = 1 << 20  # the most an unprivileged process may ask on Linux by default
#: The fcntl command setting a pipe's buffer size (Linux only).
_SETPIPE_SZ: int | None = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None


class _Timeout(BaseException):
    """Raised by the SIGALRM handler inside an in-process parse (not an Exception: nothing catches it)."""


def parse_input(item: Input, timeout: float | None = None) -> Result:
    """Parse one :class:`Input` to an Article, or a Failure carrying the error.

    Never raises for a bad input: a :class:`~mideastnews.ParseError`, a
    parser's bug or a timeout (``timeout`` seconds, enforced with ``SIGALRM``
    in the main thread on POSIX) all become a :class:`~mideastnews.Failure`.
    """
    # Beyond 11 days the system timers may overflow: so long a budget is no limit.
    alarm = timeout is not None and 0 < timeout < 1e6 and _can_alarm()
    previous: Any = None
    if alarm and timeout is not None:
        previous = signal.signal(signal.SIGALRM, _raise_timeout)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return parse(item.source, url=item.url, parser=item.parser, ref=item.ref)
    except _Timeout:
        return Failure(item.source_id, "Timeout", f"parsing took longer than {timeout:g} s")
    except (MideastNewsError, TypeError) as exc:
        return Failure(item.source_id, type(exc).__name__, str(exc))
    except Exception as exc:  # a parser's bug must not stop the batch
        return Failure(item.source_id, type(exc).__name__, f"unexpected error: {exc}")
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _identity(item: Input, result: Result) -> Result:
    return result


# -- the worker process -------------------------------------------------------------------------
#: The library's records, sent from the workers as ``(rebuild function, field values)``: rebuilt
#: without the per-object state dict of attrs' default pickling (about a third less work for the
#: parent), by a function per class that sets each slot in turn (no loop).
_RECORDS: dict[type, tuple[str, ...]] = {}
_REBUILDERS: dict[type, Callable[[Sequence[Any]], Any]] = {}
_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}  # (each record has several fields)


def _rebuilder(cls: type, *, text_apart: bool = False) -> Callable[..., Any]:
    """A module-level function (so it pickles by name) making a ``cls`` from its field values.

    ``rebuild(values)``; with ``text_apart``, ``rebuild(rest, text)``: the ``text``
    field given on its own, ``rest`` the other fields' values (a value when one).
    """
    names = [name for name in _RECORDS[cls] if not (text_apart and name == "text")]
    setters = {f"_set_{i}": vars(cls)[name].__set__ for i, name in enumerate(names)}
    values = "rest" if text_apart else "values"
    lines = ([f"    _set_0(obj, {values})"] if text_apart and len(names) == 1
             else [f"    _set_{i}(obj, {values}[{i}])" for i in range(len(names))])
    if text_apart:
        setters["_set_text"] = vars(cls)["text"].__set__
        lines.insert(0, "    _set_text(obj, text)")
    source = (f"def rebuild({'rest, text' if text_apart else 'values'}):\n    obj = _new(_cls)\n"
              + "\n".join(lines) + "\n    return obj\n")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec(source, scope)  # a fixed source built from the class's own field names
    rebuild: Callable[..., Any] = scope["rebuild"]
    rebuild.__name__ = rebuild.__qualname__ = f"_rebuild_{cls.__name__}{'_with_text' if text_apart else ''}"
    rebuild.__module__ = __name__
    return rebuild


def _register_records() -> None:
    for cls in (Article, Failure, Quote, Dropped, DateMention, Input):
        _RECORDS[cls] = tuple(field.name for field in attrs.fields(cls))
        _FIELD_VALUES[cls] = operator.attrgetter(*_RECORDS[cls])
        rebuild = _REBUILDERS[cls] = _rebuilder(cls)
        globals()[rebuild.__name__] = rebuild


_register_records()

#: An article's fields holding records, with their class: sent as tuples of field values, read by
#: one C ``attrgetter`` each through ``map`` (no Python call per record, as a reducer would be).
_NESTED = tuple((_RECORDS[Article].index(name), cls)
                for name, cls in (("quotes", Quote), ("dates", DateMention), ("dropped", Dropped)))
_PARAGRAPHS = _RECORDS[Article].index("paragraphs")
_TEXT = operator.attrgetter("text")
#: Per nested class: its fields but ``text`` (a value when one, else a tuple), and a function
#: making a record from those and the text.
_BUT_TEXT: dict[type, Callable[[Any], Any]] = {}
_WITH_TEXT: dict[type, Callable[[Any, str], Any]] = {}


for _i, _cls in _NESTED:
    _BUT_TEXT[_cls] = operator.attrgetter(*(name for name in _RECORDS[_cls] if name != "text"))
    _rebuild = _WITH_TEXT[_cls] = _rebuilder(_cls, text_apart=True)
    globals()[_rebuild.__name__] = _rebuild
del _i, _cls, _rebuild


def _rebuild_flat_article(values: tuple[Any, ...]) -> Article:
    """An Article from :func:`_reduce_article`'s field values, its nested records rebuilt too."""
    fields = list(values)
    for i, cls in _NESTED:
        if fields[i]:
            fields[i] = tuple(map(_REBUILDERS[cls], fields[i]))
    article: Article = _REBUILDERS[Article](fields)
    return article


def _rebuild_packed_article(
    values: tuple[Any, ...], blob: bytes, lengths: tuple[int, ...] | None
) -> Article:
    """An Article from :func:`_reduce_article`'s field values and its texts in one UTF-16 string."""
    text = blob.decode("utf-16-le")
    if lengths is None:  # parted by NUL, which no part holds
        parts = text.split("\0")
    else:
        ends = tuple(itertools.accumulate(lengths))
        parts = list(map(text.__getitem__, map(slice, (0, *ends), ends)))
    fields = list(values)
    at = fields[_PARAGRAPHS]
    fields[_PARAGRAPHS] = tuple(parts[:at])
    for i, cls in _NESTED:
        rows = fields[i]
        if rows:
            fields[i] = tuple(map(_WITH_TEXT[cls], rows, parts[at:at + len(rows)]))
            at += len(rows)
    article: Article = _REBUILDERS[Article](fields)
    return article


def _reduce_article(article: Article) -> tuple[Any, ...]:
    values = list(_FIELD_VALUES[Article](article))
    paragraphs = values[_PARAGRAPHS]
    nested = [(i, cls, values[i]) for i, cls in _NESTED if values[i]]
    for _, cls, items in nested:
        if set(map(type, items)) != {cls}:  # a subclass among them: each record reduced on its own
            return _REBUILDERS[Article], (_FIELD_VALUES[Article](article),)
    # The texts (nine tenths of an article's characters) travel as one UTF-16 string: for
    # Arabic and Persian, whose characters take two bytes either way, encoding and decoding
    # it is a copy, where pickle's UTF-8 is a loop over each character (sending a new seed
    # article took 103 us, both sides, and takes 89).  Not for a lone surrogate, which
    # UTF-16 cannot carry, nor a str subclass, which would come back a str.
    parts = list(paragraphs) if type(paragraphs) is tuple else None
    if parts is not None:
        for _, _, items in nested:
            parts.extend(map(_TEXT, items))
    if parts and set(map(type, parts)) == {str}:
        joined = "\0".join(parts)
        # (Split at NUL in the parent, unless a part holds one: then cut by the parts' lengths.)
        lengths = None if joined.count("\0") == len(parts) - 1 else tuple(map(len, parts))
        try:
            blob = (joined if lengths is None else "".join(parts)).encode("utf-16-le")
        except UnicodeEncodeError:
            pass
        else:
            values[_PARAGRAPHS] = len(paragraphs)
            for i, cls, items in nested:
                values[i] = tuple(map(_BUT_TEXT[cls], items))
            return _rebuild_packed_article, (tuple(values), blob, lengths)
    for i, cls, items in nested:
        values[i] = tuple(map(_FIELD_VALUES[cls], items))
    return _rebuild_flat_article, (tuple(values),)


def _reducer(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    rebuild, values = _REBUILDERS[cls], _FIELD_VALUES[cls]
    return lambda obj: (rebuild, (values(obj),))


class _ResultPickler(pickle.Pickler):
    # By exact type, looked up in C: dates, enums and the rest pickle with no Python call.
    dispatch_table = MappingProxyType({**{cls: _reducer(cls) for cls in _RECORDS}, Article: _reduce_article})


_SOURCE = _RECORDS[Input].index("source")


def _rebuild_utf16_input(values: tuple[Any, ...]) -> Input:
    """An Input whose ``str`` source came as UTF-16 (see :func:`_reduce_input`)."""
    fields = list(values)
    fields[_SOURCE] = fields[_SOURCE].decode("utf-16-le")
    item: Input = _REBUILDERS[Input](fields)
    return item


def _reduce_input(item: Input) -> tuple[Any, ...]:
    values = _FIELD_VALUES[Input](item)
    source = values[_SOURCE]
    if type(source) is str:
        # UTF-16, as the results' texts: for Arabic and Persian a copy on both sides.
        try:
            blob = source.encode("utf-16-le")
        except UnicodeEncodeError:  # a lone surrogate: sent as it is
            pass
        else:
            return _rebuild_utf16_input, ((*values[:_SOURCE], blob, *values[_SOURCE + 1:]),)
    return _REBUILDERS[Input], (values,)


class _TaskPickler(pickle.Pickler):
    dispatch_table = MappingProxyType({Input: _reduce_input})


#: A chunk of inputs for a worker: ``(rows, data)``, a row ``(sequence number, source id, start,
#: end)`` for each input, pickled on its own in ``data[start:end]``; sent as two messages (the
#: rows pickled, then the data as it is: no copy of the inputs into another pickle).
_Tasks = tuple[list[tuple[int, str, int, int]], bytes]


def _dumps_tasks(chunk: list[tuple[int, Input]]) -> tuple[_Tasks, list[tuple[int, Input, Exception]]]:
    """Pickle a chunk of inputs for a worker; also return those that do not pickle.

    Each input is pickled on its own, so one that cannot be pickled here (a
    source of an unpicklable class) or read there (a class the fork server
    does not know) fails alone: in the message, the sequence numbers and the
    ids are plain data the worker can always read.
    """
    buffer = io.BytesIO()
    pickler = _TaskPickler(buffer, pickle.HIGHEST_PROTOCOL)
    rows: list[tuple[int, str, int, int]] = []
    unsent: list[tuple[int, Input, Exception]] = []
    for seq, item in chunk:
        start = buffer.tell()
        try:
            pickler.dump(item)
        except Exception as exc:
            buffer.seek(start)
            buffer.truncate()
            unsent.append((seq, item, exc))
        else:
            rows.append((seq, str(item.source_id), start, buffer.tell()))
        pickler.clear_memo()
    return (rows, buffer.getvalue()), unsent


def _loads_task(data: memoryview, source_id: str) -> tuple[Input, Result | None]:
    """An input from its pickle, or a stand-in and the Failure saying why it could not be read."""
    try:
        item: Input = pickle.loads(data)
    except Exception as exc:
        return Input(b"", source_id), Failure(source_id, type(exc).__name__,
                                              f"the input could not be read in the worker process: {exc}")
    return item, None


def _dumps(outcome: object) -> bytes:
    buffer = io.BytesIO()
    _ResultPickler(buffer, pickle.HIGHEST_PROTOCOL).dump(outcome)
    return buffer.getvalue()


def _worker_main(
    tasks: Connection, results: Connection, extra_parsers: bytes, transform: Transform, current: Any
) -> None:
    """Run in a worker process: parse what arrives on ``tasks``, answer on ``results``.

    ``current`` (shared with the parent) holds the input being parsed:
    ``[sequence number or -1, time.monotonic() when it started]``.
    Results go back in batches (a list of ``(sequence number, pickled
    result)``): when :data:`_CHUNK` are ready, when nothing more is queued, or
    :data:`_FLUSH_SECONDS` after the last batch.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    for cls in pickle.loads(extra_parsers):
        with contextlib.suppress(MideastNewsError):
            registry.register(cls, replace=True)
    # The parent warns about faulty plugins; the workers keep quiet.
    warnings.simplefilter("ignore", MideastNewsWarning)
    registry.infos(load=True)
    inbox: queue.SimpleQueue[_Tasks | None] = queue.SimpleQueue()

    def read() -> None:
        # A thread of its own drains the task pipe, so the parent never blocks on a
        # send while this process blocks on sending a large result back.  ``None``
        # (or the pipe's end) means stop.
        try:
            while True:
                rows = tasks.recv()
                if rows is None:
                    inbox.put(None)
                    return
                inbox.put((rows, tasks.recv_bytes()))
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=read, daemon=True).start()
    pending: list[tuple[int, bytes]] = []
    sent = time.monotonic()

    def send() -> bool:
        """Send the pending results; False when the parent is gone."""
        nonlocal pending, sent
        try:
            results.send(pending)
        except OSError:
            return False
        pending = []
        sent = time.monotonic()
        return True

    while True:
        if pending and inbox.empty() and not send():
            return
        tasks_in = inbox.get()
        if tasks_in is None:
            return
        rows, data = tasks_in
        view = memoryview(data)
        for seq, source_id, start, end in rows:
            current[1] = time.monotonic()  # the start first: never a new input with an old start
            current[0] = seq
            item, failed = _loads_task(view[start:end], source_id)
            outcome = _dumps(transform(item, parse_input(item) if failed is None else failed))
            current[0] = _IDLE
            pending.append((seq, outcome))
            if (len(pending) >= _CHUNK or time.monotonic() - sent >= _FLUSH_SECONDS) and not send():
                return


def _widen(conn: Connection) -> None:
    """Give a pipe :data:`_PIPE_BYTES` of buffer where the system allows (Linux), else leave it.

    With the default 64 KiB a chunk of inputs or a batch of results (each about
    100 KiB for seed-size articles) does not fit: the parent blocked in a send
    until the worker's reader thread, waiting for the interpreter lock, had read
    it, and meanwhile read no results, so a worker blocked sending its own stood
    idle (2 workers / 1 about 2% lower in alternating runs).
    """
    if _SETPIPE_SZ is not None:
        with contextlib.suppress(OSError, ValueError):  # more than the system allows: the default
            fcntl.fcntl(conn.fileno(), _SETPIPE_SZ, _PIPE_BYTES)


class _Worker:
    """One worker process, its pipes and the inputs it holds, oldest first."""

    def __init__(self, ctx: Any, extra_parsers: bytes, transform: Transform) -> None:
        task_r, self.tasks = ctx.Pipe(duplex=False)
        self.results, result_w = ctx.Pipe(duplex=False)
        _widen(self.tasks)
        _widen(self.results)
        self.current: Any = ctx.RawArray("d", [_IDLE, 0.0])
        self.process: BaseProcess = ctx.Process(
            target=_worker_main, args=(task_r, result_w, extra_parsers, transform, self.current),
            name="mideastnews-worker", daemon=True)
        # A forked worker shares the parent's memory until either writes to it; frozen, the
        # objects the parent holds are never walked by the worker's garbage collector, which
        # would copy their pages (and cost time) for nothing.
        # (Left alone when the caller froze objects of its own: unfreeze() would thaw them too.)
        freeze = gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        try:
            self.process.start()
        finally:
            if freeze:
                gc.unfreeze()
        task_r.close()
        result_w.close()
        self.held: collections.deque[tuple[int, Input]] = collections.deque()
        self.stopping = False

    def send(self, chunk: list[tuple[int, Input]]) -> list[tuple[int, Input, Exception]]:
        """Send the inputs of ``chunk`` that pickle and hold them; return the others, with why."""
        (rows, data), unsent = _dumps_tasks(chunk)
        if rows:
            self.tasks.send(rows)  # raises OSError if the process is gone; then nothing is held
            self.tasks.send_bytes(data)
            failed = {seq for seq, _, _ in unsent}
            self.held.extend(pair for pair in chunk if pair[0] not in failed)
        return unsent

    def parsing(self) -> tuple[int, float] | None:
        """``(sequence number, start)`` of the input being parsed now, or ``None`` between inputs."""
        while True:
            seq = self.current[0]
            start = self.current[1]
            if self.current[0] == seq:
                return None if seq < 0 else (int(seq), start)

    def ask_to_stop(self) -> None:
        """Tell the worker to exit once the inputs it holds are done (no wait)."""
        if not self.stopping:
            self.stopping = True
            with contextlib.suppress(OSError, ValueError):
                self.tasks.send(None)

    def stop(self, *, kill: bool = False) -> None:
        with contextlib.suppress(OSError, ValueError):
            if kill:
                self.process.kill()
            else:
                self.ask_to_stop()
        self.process.join(_JOIN_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(_JOIN_SECONDS)
        for conn in (self.tasks, self.results):
            with contextlib.suppress(OSError):
                conn.close()
        with contextlib.suppress(ValueError):
            self.process.close()


def _context() -> Any:
    """Fork where it is safe (POSIX, no other thread alive), else a preloaded fork server, else spawn.

    Forking inherits the loaded parsers, plugins and parsers registered at run
    time, and needs no ``if __name__ == "__main__"`` guard in the caller's
    script; with other threads alive (a Dask client, a progress monitor) a
    fork could copy a held lock, so the fork server is used instead.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # Import the library and the built-in parsers once in the fork server: new and
        # replaced workers then start in milliseconds.
        modules = sorted({target.partition(":")[0] for target in BUILTIN_PARSERS.values()})
        ctx.set_forkserver_preload(["mideastnews", *modules])
        return ctx
    return multiprocessing.get_context("spawn")


def _runtime_parsers() -> bytes:
    """Parser classes registered at run time, pickled (by reference) for the workers."""
    classes = []
    for name, info in registry.infos(load=False).items():
        if info.target is None and info.status == "loaded":
            cls = type(registry.get(name))
            try:
                pickle.dumps(cls)
            except (pickle.PicklingError, AttributeError, TypeError) as exc:
                warnings.warn(f"parser {name!r} cannot be sent to worker processes ({exc}); define it at "
                              "module level to use it with workers > 1", MideastNewsWarning, stacklevel=4)
                continue
            classes.append(cls)
    return pickle.dumps(classes)


def _pooled(
    items: Iterator[Input | Failure], workers: int, timeout: float, transform: Transform
) -> Iterator[tuple[Input | Failure, Any]]:
    ctx = _context()
    extra = _runtime_parsers()
    pool: list[_Worker] = []
    window = _WINDOW_PER_WORKER * workers
    todo: collections.deque[tuple[int, Input]] = collections.deque()
    given: dict[int, Input | Failure] = {}  # every input read and not yet yielded
    done: dict[int, Any] = {}
    next_read = next_yield = 0
    exhausted = False

    def settle(worker: _Worker, culprit: int | None, error_type: str, message: str) -> None:
        """Fail the input ``culprit`` (else the oldest held), requeue the rest, replace the worker.

        The others the worker held were not parsed or their results were lost with it:
        they go to the front of the queue and are parsed again.
        """
        held = list(worker.held)
        worker.held.clear()
        if culprit is None or all(seq != culprit for seq, _ in held):
            culprit = held[0][0]
        rest = [(seq, item) for seq, item in held if seq != culprit]
        item = next(item for seq, item in held if seq == culprit)
        done[culprit] = transform(item, Failure(item.source_id, error_type, message))
        todo.extendleft(reversed(rest))
        pool[pool.index(worker)] = _Worker(ctx, extra, transform)

    def drain(worker: _Worker) -> bool:
        """Read every result waiting from ``worker``; false when its pipe is closed."""
        try:
            while worker.results.poll():
                for seq, blob in worker.results.recv():
                    worker.held.popleft()
                    done[seq] = pickle.loads(blob)
        except (EOFError, OSError):
            return False
        return True

    def give(worker: _Worker, size: int) -> bool:
        """Send ``worker`` the next ``size`` inputs; false if it could not take them."""
        chunk = [todo.popleft() for _ in range(min(size, len(todo)))]
        try:
            unsent = worker.send(chunk)
        except OSError:
            todo.extendleft(reversed(chunk))
            if not worker.held:  # died idle: replace it (with work held, its sentinel tells)
                worker.stop(kill=True)
                pool[pool.index(worker)] = _Worker(ctx, extra, transform)
            return False
        for seq, item, exc in unsent:
            done[seq] = transform(item, Failure(item.source_id, type(exc).__name__,
                                                f"the input could not be sent to a worker process: {exc}"))
        return True

    def hand_out() -> None:
        """Send chunks to the workers with room, the least busy first, while there is work.

        A worker may hold two chunks.  A short queue is shared evenly among the workers
        with room: one worker at a time has room mid-stream, and halving its share again
        and again sent chunks of 8, 4, 2 and 1 inputs, each a message and a wake-up for
        both processes.  Once the input is all read (and results have come back: a batch
        read whole at the start is just split evenly), each chunk is at most a share of
        half of what is left and a worker holds at most two such chunks: the rest goes to
        whichever worker is free first, so the workers finish together instead of one
        idling while the other works through a full queue.
        """
        handed = True
        while todo and handed:
            handed = False
            takers = [w for w in pool if len(w.held) < 2 * _CHUNK]
            size = min(_CHUNK, -(-len(todo) // max(1, len(takers))))
            room = 2 * _CHUNK
            if exhausted and next_yield:
                size = min(size, -(-len(todo) // (2 * workers)))
                room = 2 * size
            for worker in sorted(takers, key=lambda w: len(w.held)):
                if todo and len(worker.held) < room and give(worker, size):
                    handed = True

    try:
        while True:
            # Read ahead within the window.
            while not exhausted and next_read - next_yield < window:
                try:
                    item = next(items)
                except StopIteration:
                    exhausted = True
                    break
                given[next_read] = item
                if isinstance(item, Failure):
                    done[next_read] = transform(Input(b"", item.source_id), item)
                else:
                    todo.append((next_read, item))
                next_read += 1
            # Start the workers as work comes, each with its share at once: it parses while
            # the next forks (a batch smaller than the pool starts fewer).
            while todo and len(pool) < workers:
                pool.append(_Worker(ctx, extra, transform))
                give(pool[-1], min(_CHUNK, -(-len(todo) // (workers - len(pool) + 1))))
            hand_out()
            # Yield what is ready, in order.
            while next_yield in done:
                yield given.pop(next_yield), done.pop(next_yield)
                next_yield += 1
            if exhausted and next_yield == next_read:
                return
            busy = [w for w in pool if w.held]
            if not busy:
                continue
            # Wake for a result, a death, or the earliest deadline of an input being parsed
            # (a worker between inputs starts its next one now: its deadline is a budget away).
            now = time.monotonic()
            wait_for: float | None = None
            if timeout != float("inf"):
                starts = [now if (p := w.parsing()) is None else p[1] for w in busy]
                wait_for = max(0.0, min(starts) + timeout - now)
            ready = set(wait([w.results for w in busy] + [w.process.sentinel for w in busy], wait_for))
            for worker in busy:
                alive = drain(worker) if worker.results in ready else True
                if not worker.held:
                    continue
                if not alive or worker.process.sentinel in ready:
                    drain(worker)
                    if worker.held:
                        now_parsing = worker.parsing()
                        worker.process.join(_JOIN_SECONDS)
                        code = worker.process.exitcode
                        worker.stop(kill=True)
                        settle(worker, now_parsing[0] if now_parsing else None, "WorkerCrash",
                               f"the worker process died (exit code {code}) on this input")
                    continue
                now_parsing = worker.parsing()
                # Past the budget?  A result may have arrived at the last moment: read it before judging.
                if (now_parsing is not None and time.monotonic() - now_parsing[1] > timeout
                        and drain(worker) and worker.parsing() == now_parsing):
                    worker.stop(kill=True)
                    settle(worker, now_parsing[0], "Timeout",
                           f"parsing took longer than {timeout:g} s (worker replaced)")
    finally:
        # All told to stop before any is waited for: they exit side by side.
        for worker in pool:
            worker.ask_to_stop()
        for worker in pool:
            worker.stop()


def run_batch(
    items: Iterable[Input | Failure],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    transform: Transform = _identity,
    progress: bool = False,
) -> Iterator[tuple[Input | Failure, Any]]:
    """Parse a stream of inputs; yield ``(input, transform(input, result))`` in input order.

    The engine under :func:`parse_many` and the command line.  A
    :class:`~mideastnews.Failure` among ``items`` (a container that could not
    be read) passes through as its own result.

    Args:
        items: Inputs, read lazily.
        workers: Worker processes; ``None`` or 1 parses in this process, 0 uses one per CPU.
        timeout: Seconds one input may take (``None``: no limit; in-process only where
            ``SIGALRM`` works).
        transform: A module-level function applied to each result in the worker.
        progress: Show a progress bar on stderr.

    Raises:
        TypeError: ``workers`` is not an integer.
        ValueError: ``workers`` is negative or ``timeout`` is not positive.
    """
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool)):
        raise TypeError(f"workers must be an int or None, not {type(workers).__name__}")
    if workers is not None and workers < 0:
        raise ValueError("workers must be 0 (one per CPU), 1, or more")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))):
        raise TypeError(f"timeout must be a number of seconds or None, not {type(timeout).__name__}")
    if timeout is not None and not timeout > 0:
        raise ValueError("timeout must be a positive number of seconds, or None")
    if timeout is not None and timeout >= 1e6:  # 11 days: no limit (system timers overflow past 24 days)
        timeout = None
    if workers == 0:
        workers = _cpu_count()
    stream: Iterator[tuple[Input | Failure, Any]]
    if workers is None or workers <= 1:
        stream = _in_process(iter(items), timeout, transform)
    else:
        stream = _pooled(iter(items), workers, timeout if timeout is not None else float("inf"), transform)
    if progress:
        stream = _with_progress(stream)
    return stream


def _cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _in_process(
    items: Iterator[Input | Failure], timeout: float | None, transform: Transform
) -> Iterator[tuple[Input | Failure, Any]]:
    for item in items:
        if isinstance(item, Failure):
            yield item, transform(Input(b"", item.source_id), item)
        else:
            yield item, transform(item, parse_input(item, timeout))


def _with_progress(stream: Iterator[tuple[Input | Failure, Any]]) -> Iterator[tuple[Input | Failure, Any]]:
    try:
        from tqdm import tqdm
    except ImportError:
        yield from _plain_progress(stream)
        return
    # Start the workers before tqdm starts its monitor thread (see _context).
    try:
        first = next(stream)
    except StopIteration:
        return
    with tqdm(desc="parsing", unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.25) as bar:
        yield first
        bar.update()
        for pair in stream:
            yield pair
            bar.update()


def _plain_progress(stream: Iterator[tuple[Input | Failure, Any]]) -> Iterator[tuple[Input | Failure, Any]]:
    start = last = time.monotonic()
    count = 0
    for pair in stream:
        count += 1
        now = time.monotonic()
        if now - last >= 0.5:
            last = now
            sys.stderr.write(f"\rparsing: {count} articles ({count / (now - start):.0f}/s)")
            sys.stderr.flush()
        yield pair
    if count:
        sys.stderr.write(f"\rparsing: {count} articles\n")


def parse_many(
    sources: Iterable[Source | Input],
    *,
    workers: int | None = None,
    progress: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    url: str | None = None,
    parser: str | None = None,
    ref: dt.date | None = None,
) -> Iterator[Article | Failure]:
    """Parse many inputs, yielding one Article or Failure per input, in input order.

    The inputs are read lazily and a bounded number is in flight at any time,
    so memory stays flat however many there are.  Nothing one input does
    (a :class:`~mideastnews.ParseError`, a parser's bug, a crash of its
    worker, running past the time budget) stops the others: it becomes a
    :class:`~mideastnews.Failure` in its place.

    Args:
        sources: What :func:`~mideastnews.parse` takes (text, bytes, paths), or
            :class:`mideastnews.io.Input` records carrying a URL, a reference
            day and an id.  A failure's ``source_id`` is the path, the
            input's id, or ``#position``.
        workers: Worker processes: ``None`` or 1 parses in this process, 0
            starts one per CPU, ``n`` starts ``n``.
        progress: Show a progress bar on stderr (tqdm when installed).
        timeout: Seconds one input may take before it becomes a ``"Timeout"``
            failure (``None``: no limit).  In this process (``workers`` of
            ``None`` or 1) it is enforced only where ``SIGALRM`` works.
        url: A URL for every plain source (not for :class:`Input` records).
        parser: A parser's name to force for every plain source.
        ref: A reference day for every plain source.

    Yields:
        An :class:`~mideastnews.Article` or :class:`~mideastnews.Failure` per input.

    Raises:
        TypeError: ``workers`` is not an integer (a source of the wrong type is
            a ``TypeError`` failure in its place, not an exception).
        ValueError: ``workers`` is negative or ``timeout`` is not positive.
    """

    def inputs() -> Iterator[Input | Failure]:
        for position, source in enumerate(sources):
            try:
                item = as_input(source, position)
            except TypeError as exc:
                yield Failure(f"#{position}", "TypeError", str(exc))
                continue
            if not isinstance(source, Input) and (url or parser or ref):
                item = Input(item.source, item.source_id, url=url, ref=ref, parser=parser)
            yield item

    for _, result in run_batch(inputs(), workers=workers, timeout=timeout, progress=progress):
        yield result
