"""parse_many: order, failures in place, worker crashes and timeouts, streaming, pickling."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews.io import Input
from mideastnews.io.batch import run_batch

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


class SleepyParser(mn.Parser):
    """Sleeps on a text whose first line is ``sleep N`` (a stand-in for a runaway parser)."""

    name = "test_sleepy"
    languages = ("en",)

    def parse_text(self, doc: mn.Document) -> mn.Article:
        first = doc.lines[0]
        if first.startswith("sleep "):
            time.sleep(float(first.split()[1]))
        return mn.Article(source=self.name, title=first, language="en", paragraphs=doc.lines[1:])


class CrashingParser(mn.Parser):
    """Kills its process on a text whose first line is ``crash`` (a segfault in C code, say)."""

    name = "test_crashing"
    languages = ("en",)

    def parse_text(self, doc: mn.Document) -> mn.Article:
        if doc.lines[0] == "crash":
            os._exit(13)
        return mn.Article(source=self.name, title=doc.lines[0], language="en", paragraphs=doc.lines[1:])


class BuggyParser(mn.Parser):
    """Raises an undocumented exception on every input."""

    name = "test_buggy"
    languages = ("en",)

    def parse_text(self, doc: mn.Document) -> mn.Article:
        raise ZeroDivisionError("a parser bug")


@pytest.fixture(autouse=True)
def _test_parsers() -> Iterator[None]:
    for cls in (SleepyParser, CrashingParser, BuggyParser):
        mn.register_parser(cls, replace=True)
    yield
    for cls in (SleepyParser, CrashingParser, BuggyParser):
        mn.registry.registry.unregister(cls.name)


def _ids(results: list[mn.Article | mn.Failure]) -> list[str]:
    return [r.title if isinstance(r, mn.Article) else f"!{r.error_type}" for r in results]


@pytest.mark.parametrize("workers", [None, 2])
def test_order_and_failures_in_place(workers: int | None) -> None:
    bad: list[object] = [b"\x00\x01\x02\x03" * 100, b"", "   \n ", Path("/nonexistent/file.txt"), 42]
    sources: list[object] = []
    for i in range(40):
        sources.append(SEEDS[i % len(SEEDS)])
        if i % 8 == 3:
            sources.append(bad[(i // 8) % len(bad)])
    results = list(mn.parse_many(sources, workers=workers))  # type: ignore[arg-type]
    assert len(results) == len(sources)
    expected = [mn.parse(s).title if isinstance(s, Path) and s.exists() else None for s in sources]
    for source, want, got in zip(sources, expected, results, strict=True):
        if want is None:
            assert isinstance(got, mn.Failure), source
            assert got.error_type in {"ParseError", "TypeError"}
        else:
            assert isinstance(got, mn.Article)
            assert got.title == want
    missing = next(r for s, r in zip(sources, results, strict=True) if isinstance(s, Path) and not s.exists())
    assert isinstance(missing, mn.Failure)
    assert missing.source_id == "/nonexistent/file.txt"


def test_pool_equals_in_process() -> None:
    sources = [*SEEDS, *SEEDS]
    assert list(mn.parse_many(sources, workers=2)) == list(mn.parse_many(sources))


def test_worker_crash_fails_one_input_only() -> None:
    items = [Input(f"ok {i}\nbody", f"in{i}", parser="test_crashing") for i in range(30)]
    items[7] = Input("crash\nbody", "in7", parser="test_crashing")
    items[21] = Input("crash\nbody", "in21", parser="test_crashing")
    results = list(mn.parse_many(items, workers=2))
    assert len(results) == 30
    for i, result in enumerate(results):
        if i in (7, 21):
            assert isinstance(result, mn.Failure)
            assert result.error_type == "WorkerCrash"
            assert result.source_id == f"in{i}"
            assert "13" in result.message
        else:
            assert isinstance(result, mn.Article)
            assert result.title == f"ok {i}"


@pytest.mark.parametrize("workers", [None, 2])
def test_timeout_fails_one_input_only(workers: int | None) -> None:
    items = [Input(f"ok {i}\nbody", f"in{i}", parser="test_sleepy") for i in range(12)]
    items[5] = Input("sleep 30\nbody", "in5", parser="test_sleepy")
    start = time.monotonic()
    results = list(mn.parse_many(items, workers=workers, timeout=0.5))
    assert time.monotonic() - start < 15
    assert _ids(results) == [f"ok {i}" if i != 5 else "!Timeout" for i in range(12)]


def test_crash_after_results_not_yet_sent_loses_none() -> None:
    # Workers send results in batches: inputs parsed before a crash in the same batch are
    # parsed again elsewhere, and the crash is charged to the input being parsed.
    items = [Input(f"ok {i}\nbody", f"in{i}", parser="test_crashing") for i in range(40)]
    for i in (3, 4, 13, 30):
        items[i] = Input("crash\nbody", f"in{i}", parser="test_crashing")
    results = list(mn.parse_many(items, workers=2))
    assert _ids(results) == ["!WorkerCrash" if i in (3, 4, 13, 30) else f"ok {i}" for i in range(40)]


def test_pool_leaves_the_callers_frozen_objects_frozen() -> None:
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert len(list(mn.parse_many(SEEDS[:2], workers=2))) == 2
        assert gc.get_freeze_count() > frozen // 2  # not thawed (a few frozen objects may be freed)
    finally:
        gc.unfreeze()


@pytest.mark.filterwarnings("ignore::mideastnews.MideastNewsWarning")
def test_parser_bug_becomes_failure() -> None:
    results = list(mn.parse_many([*SEEDS[:2], "text\nbody"], parser="test_buggy", workers=2))
    assert [type(r).__name__ for r in results] == ["Failure"] * 3
    assert all(isinstance(r, mn.Failure) and r.error_type == "ParseError" for r in results)


def test_streams_with_bounded_read_ahead() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        while True:
            consumed += 1
            yield f"headline {consumed}\nbody text"

    stream = mn.parse_many(endless(), workers=2, parser="test_sleepy")
    first = [next(stream) for _ in range(5)]
    assert [r.title for r in first if isinstance(r, mn.Article)] == [f"headline {i}" for i in range(1, 6)]
    assert consumed <= 5 + 2 * 64 + 1  # the window (64 inputs a worker), not the whole input
    stream.close()  # type: ignore[attr-defined]


def _worker_pid(item: Input, result: object) -> int:
    return os.getpid()


def test_a_short_batch_is_shared_evenly() -> None:
    # Ten slow inputs on two workers: five each, not a chunk for one and the rest for the other.
    items = [Input(f"sleep 0.02\nbody {i}", f"#{i}", parser="test_sleepy") for i in range(10)]
    pids = [pid for _, pid in run_batch(iter(items), workers=2, transform=_worker_pid)]
    assert sorted(pids.count(pid) for pid in set(pids)) == [5, 5]


def test_a_batch_smaller_than_the_pool_starts_fewer_workers() -> None:
    items = [Input(f"sleep 0.05\nbody {i}", f"#{i}", parser="test_sleepy") for i in range(2)]
    pids = [pid for _, pid in run_batch(iter(items), workers=4, transform=_worker_pid)]
    assert len(set(pids)) == 2


def test_in_process_is_lazy() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        while True:
            consumed += 1
            yield f"headline {consumed}\nbody"

    stream = mn.parse_many(endless(), parser="test_sleepy")
    next(stream)
    assert consumed == 1


def test_failures_from_the_input_stream_pass_through() -> None:
    items = [Input("a\nb", "x", parser="test_sleepy"), mn.Failure("broken.json", "ParseError", "bad JSON"),
             Input("c\nd", "y", parser="test_sleepy")]
    for workers in (None, 2):
        got = [result for _, result in run_batch(items, workers=workers)]
        assert _ids(got) == ["a", "!ParseError", "c"]


def test_arguments_are_checked() -> None:
    with pytest.raises(TypeError):
        list(mn.parse_many(SEEDS, workers="2"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers"):
        list(mn.parse_many(SEEDS, workers=-1))
    with pytest.raises(ValueError, match="timeout"):
        list(mn.parse_many(SEEDS, timeout=0))


def test_progress_writes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    results = list(mn.parse_many(SEEDS[:2], progress=True))
    assert len(results) == 2
    captured = capsys.readouterr()
    assert captured.out == ""


def test_articles_and_parsers_pickle() -> None:
    for path in SEEDS:
        article = mn.parse(path)
        assert pickle.loads(pickle.dumps(article)) == article
    for name in ("rt", "almayadeen", "irna", "sputnik", "generic"):
        parser = mn.get_parser(name)
        clone = pickle.loads(pickle.dumps(parser))
        assert type(clone) is type(parser)
        assert clone.parse(mn.Document.from_source(SEEDS[0].read_bytes())).title == \
            parser.parse(mn.Document.from_source(SEEDS[0].read_bytes())).title
    failure = mn.Failure("x", "ParseError", "m")
    assert pickle.loads(pickle.dumps(failure)) == failure
    item = Input(SEEDS[0], str(SEEDS[0]), url="https://www.rt.com/x")
    assert pickle.loads(pickle.dumps(item)) == item


class _MarkedQuote(mn.Quote):
    """A record of a subclass: the workers' flat form of an article is for the library's own classes."""


def _record_types(article: mn.Article) -> list[type]:
    return [type(x) for x in (*article.quotes, *article.dates, *article.dropped)]


def test_results_sent_by_workers_come_back_whole() -> None:
    from mideastnews.io.batch import _dumps

    articles = [mn.parse(path) for path in SEEDS]
    assert all(a.quotes and a.dates for a in articles)
    assert any(a.dropped for a in articles)
    marked = attrs.evolve(articles[0], quotes=(_MarkedQuote("x", None, 0), *articles[0].quotes))
    for article in [*articles, marked, mn.Article(source="generic", title="t", language="ar")]:
        clone = pickle.loads(_dumps(article))
        assert clone == article
        assert type(clone) is mn.Article
        assert _record_types(clone) == _record_types(article)
    failure = mn.Failure("x", "ParseError", "m")
    assert pickle.loads(_dumps(failure)) == failure


class _Text(str):
    """A str subclass: it must come back as itself, not as a str."""


def _sent_back(article: mn.Article) -> mn.Article:
    from mideastnews.io.batch import _dumps

    clone = pickle.loads(_dumps(article))
    assert clone == article
    assert type(clone) is type(article)
    for field in ("paragraphs", "quotes", "dates", "dropped"):
        assert type(getattr(clone, field)) is tuple
    assert [type(p) for p in clone.paragraphs] == [type(p) for p in article.paragraphs]
    assert [type(q.text) for q in clone.quotes] == [type(q.text) for q in article.quotes]
    assert _record_types(clone) == _record_types(article)
    return clone


@pytest.mark.parametrize("odd", [
    "emoji \U0001f600 and \U00010000",  # beyond the BMP: surrogate pairs in UTF-16
    "a NUL \x00 inside",  # the parts are then cut by their lengths
    "a lone surrogate \ud800 here",  # not UTF-16: sent as it is
    "\ud800\udc00",  # two lone surrogates that would pair if sent as UTF-16
    "",
])
def test_texts_come_back_exactly(odd: str) -> None:
    article = mn.parse(SEEDS[0])
    for place in ("paragraph", "quote", "date", "dropped"):
        changed = {
            "paragraph": {"paragraphs": (odd, *article.paragraphs, odd)},
            "quote": {"quotes": (mn.Quote(odd, None, 0), *article.quotes)},
            "date": {"dates": (attrs.evolve(article.dates[0], text=odd), *article.dates)},
            "dropped": {"dropped": (mn.Dropped(odd, "footer"), *article.dropped)},
        }[place]
        _sent_back(attrs.evolve(article, **changed))  # type: ignore[arg-type]
    _sent_back(attrs.evolve(article, paragraphs=(), quotes=(mn.Quote(odd, None, 0),)))
    _sent_back(mn.Article(source="generic", title=odd, language="ar", paragraphs=(odd,)))


def test_str_subclasses_come_back_as_themselves() -> None:
    article = mn.parse(SEEDS[1])
    _sent_back(attrs.evolve(article, paragraphs=(_Text("a subclass"), *article.paragraphs)))
    _sent_back(attrs.evolve(article, quotes=(mn.Quote(_Text("said"), None, 0), *article.quotes)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(codec=None, exclude_categories=())), max_size=6),
       st.lists(st.text(st.characters(codec=None, exclude_categories=())), max_size=4))
def test_any_texts_come_back(paragraphs: list[str], quotes: list[str]) -> None:
    article = mn.Article(source="generic", title="t", language="ar", paragraphs=tuple(paragraphs),
                         quotes=tuple(mn.Quote(q, None, 0) for q in quotes))
    _sent_back(article)


def _echo(item: Input, result: object) -> Input:
    return item


class _MarkedInput(Input):
    """An Input of a subclass: it must reach the workers as itself."""


def test_inputs_reach_the_workers_exactly() -> None:
    texts = ["متن فارسی\nبدنه", "emoji \U0001f600\nbody", "lone \ud800\nbody", "", "a\x00b\nc"]
    items = [Input(text, f"#{i}", url="https://www.rt.com/x", ref=dt.date(2024, 1, 2), parser="test_sleepy")
             for i, text in enumerate(texts)]
    items += [Input(text.encode("utf-8", "surrogatepass"), f"b{i}") for i, text in enumerate(texts)]
    items += [Input(SEEDS[0], str(SEEDS[0])), _MarkedInput("t\nb", "m", parser="test_sleepy"),
              Input(_Text("a str subclass\nbody"), "sub", parser="test_sleepy")]
    echoed = [echo for _, echo in run_batch(iter(items), workers=2, transform=_echo)]
    assert echoed == items
    assert [type(e) for e in echoed] == [type(i) for i in items]
    assert [type(e.source) for e in echoed] == [type(i.source) for i in items]


def _explode() -> None:
    raise RuntimeError("cannot be rebuilt here")


class _UnreadablePath(os.PathLike[str]):
    """A source that pickles in the parent but cannot be unpickled in a worker."""

    def __fspath__(self) -> str:
        return "/nonexistent/unreadable.txt"

    def __reduce__(self) -> tuple[object, ...]:
        return _explode, ()


class _UnpicklablePath(os.PathLike[str]):
    """A source that cannot be pickled at all."""

    def __fspath__(self) -> str:
        return "/nonexistent/unpicklable.txt"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle this source")


def test_an_input_that_cannot_travel_fails_alone() -> None:
    # Each input travels on its own: one that cannot be pickled, or read in the worker,
    # is a Failure in its place, and the others of its chunk are parsed.
    items = [Input(f"ok {i}\nbody", f"in{i}", parser="test_sleepy") for i in range(40)]
    items[3] = Input(_UnreadablePath(), "unreadable", parser="test_sleepy")
    items[20] = Input(_UnpicklablePath(), "unpicklable", parser="test_sleepy")
    results = list(mn.parse_many(items, workers=2))
    assert _ids(results) == ["!RuntimeError" if i == 3 else "!TypeError" if i == 20 else f"ok {i}"
                             for i in range(40)]
    assert isinstance(results[3], mn.Failure)
    assert results[3].source_id == "unreadable"
    assert "read in the worker" in results[3].message
    assert isinstance(results[20], mn.Failure)
    assert results[20].source_id == "unpicklable"
    assert "sent to a worker" in results[20].message


def test_pipes_are_widened_where_the_system_allows() -> None:
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("no pipe sizes here")
    from mideastnews.io import batch

    started: list[batch._Worker] = []
    original = batch._Worker.__init__

    def recording(self: batch._Worker, *args: object) -> None:
        original(self, *args)  # type: ignore[arg-type]
        started.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch._Worker, "__init__", recording)
        stream = mn.parse_many([f"t {i}\nbody" for i in range(40)], workers=2, parser="test_sleepy")
        next(stream)
        sizes = [fcntl.fcntl(conn.fileno(), fcntl.F_GETPIPE_SZ)
                 for worker in started for conn in (worker.tasks, worker.results)]
        list(stream)
    most = Path("/proc/sys/fs/pipe-max-size")
    allowed = most.exists() and int(most.read_text()) >= batch._PIPE_BYTES
    assert len(sizes) == 4
    assert all(size >= (batch._PIPE_BYTES if allowed else 4096) for size in sizes)  # else the default


def test_fork_server_when_threads_are_alive() -> None:
    # With another thread alive the pool uses a preloaded fork server, not fork; parsers
    # registered at run time travel to the workers by reference.
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        items = [Input(f"ok {i}\nbody", f"in{i}", parser="test_crashing") for i in range(6)]
        items[2] = Input("crash\nbody", "in2", parser="test_crashing")
        results = list(mn.parse_many([*items, *SEEDS[:2]], workers=2))
    finally:
        stop.set()
    assert _ids(results)[:6] == ["ok 0", "ok 1", "!WorkerCrash", "ok 3", "ok 4", "ok 5"]
    assert [r.title for r in results[6:]] == [mn.parse(s).title for s in SEEDS[:2]]


def _source(kind: int, i: int) -> object:
    if kind == 0:
        return Input(f"headline {i}\nbody {i}", f"in{i}", parser="test_sleepy")
    if kind == 1:
        return b"\x00\x01" * (i + 1)  # binary
    if kind == 2:
        return ""  # empty
    return Input(f"text {i}\nbody", f"bug{i}", parser="test_buggy")


@pytest.mark.filterwarnings("ignore::mideastnews.MideastNewsWarning")
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 3), max_size=120))
def test_pool_matches_in_process_for_any_mix(kinds: list[int]) -> None:
    sources = [_source(k, i) for i, k in enumerate(kinds)]
    pooled = list(mn.parse_many(sources, workers=2))  # type: ignore[arg-type]
    assert pooled == list(mn.parse_many(sources))  # type: ignore[arg-type]
    assert [isinstance(r, mn.Article) for r in pooled] == [k == 0 for k in kinds]
