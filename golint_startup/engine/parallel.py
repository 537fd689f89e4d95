"""Run per-file analysis in worker processes, with the cache, streaming results back.

The main process walks the jobs in order. With a cache it looks each file up (a read
and a hash, no parse); hits are yielded at once and misses go to the workers in small
batches, so workers start on the first misses while the lookups go on. Results come
back in job order, so the output does not depend on `-j`.

Files may have different settings (each its nearest config file): `settings` and the
caches are tuples, indexed by each job's `group`, so one pool serves them all.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from golint_startup.engine import cache_format, lifeline
from golint_startup.engine.analysis import FileResult, analyze_file, key_flag, read_source

# Fewer files to analyze than this (after cache hits) are analyzed in the main process:
# starting workers would cost more than it saves.
_MIN_FILES_PER_WORKER = 32
_MAX_BATCH = 32
# The progress bar: only for runs with this many files, and only once they take this long.
PROGRESS_MIN_FILES = 200
PROGRESS_DELAY_SECONDS = 0.5


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _context():
    # fork starts workers in milliseconds with the rules already imported. It is safe
    # here: ProcessPoolExecutor starts every fork worker before its own thread, and the
    # main process runs no other threads. macOS and Windows keep their default (spawn).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


# Per-worker state, set once by the initializer so batches carry only their jobs.
_worker: dict = {}


def _init_worker(settings, cache_salts, debug, parent_pid) -> None:
    lifeline.bind_to_parent(parent_pid)
    _worker.update(settings=settings, cache_salts=cache_salts, debug=debug)


def _analyze_batch(batch: list[tuple[str, str, bool, int, bool]]) -> list:
    """(FileResult without its facts, cache key, encoded entry, packed facts) for each job
    (key and entry None for what is not cached): the main process encodes nothing, and holds
    the facts packed (cache_format.pack) until a whole-run rule decodes them, once, in its turn."""
    from golint_startup.engine.cache import KeyOnly, encode_facts

    settings, salts, debug = _worker["settings"], _worker["cache_salts"], _worker["debug"]
    keys = [KeyOnly(salt) for salt in salts] if salts is not None else None
    results = []
    for abspath, display, report, group, test_dir in batch:
        result = analyze_file(abspath, display, settings[group], report=report, debug=debug,
                              cache=keys[group] if keys is not None else None, test_dir=test_dir)
        key, (entry, facts) = (None, (None, None)) if keys is None else \
            keys[group].stored.pop((display, report), (None, (None, None)))
        if facts is None:
            facts = encode_facts(result.facts)
        result.facts = {}
        results.append((result, key, entry, facts))
    return results


def _analyze_here(job, settings, debug, caches) -> FileResult:
    return analyze_file(job.abspath, job.display, settings[job.group], report=job.report, debug=debug,
                        cache=caches[job.group] if caches is not None else None, test_dir=job.test_dir)


def _lookup(job, caches) -> FileResult | None:
    """The cached result for a job, or None. Unreadable files are left to the analysis."""
    result_cache = caches[job.group]
    if result_cache.empty:
        return None
    source, problem = read_source(job.abspath, job.display)
    if problem:
        return None
    return result_cache.load(result_cache.key(job.display, key_flag(job.report, job.test_dir), source), job.display,
                             job.report)


def analyzer(*, jobs: int | None, progress: bool) -> Callable[..., Iterable[FileResult]]:
    """Per-file analysis over worker processes, looking files up in (and filling) the run's
    cache; the runner saves the cache once the whole run is done."""
    workers = jobs or available_cpus()

    def analyze(file_jobs, settings, debug, caches=None) -> Iterable[FileResult]:
        results = _analyze(file_jobs, settings, debug, workers, caches)
        if progress and _show_progress(len(file_jobs)):
            results = _with_progress(results, len(file_jobs))
        return results

    return analyze


class _Batch:
    """Misses sent to a worker together (or, with no pool, analyzed here)."""

    def __init__(self, jobs: list, future: Future | None):
        self.jobs, self.future = jobs, future
        self.results: list[FileResult] | None = None

    def done(self) -> bool:
        return self.results is not None or (self.future is not None and self.future.done())

    def resolve(self, settings, debug, caches) -> list[FileResult]:
        if self.results is None:
            try:
                if self.future is None:
                    raise BrokenProcessPool("no worker")
                self.results = [self._keep(job, *sent, caches[job.group] if caches is not None else None)
                                for job, sent in zip(self.jobs, self.future.result())]
            except BrokenProcessPool:  # no worker, or one died (killed, crashed in C): go on here
                self.results = [_analyze_here(job, settings, debug, caches) for job in self.jobs]
            self.future = None
        return self.results

    @staticmethod
    def _keep(job, result: FileResult, key: str | None, entry: str | None, facts: dict[str, bytes],
              result_cache) -> FileResult:
        if key is not None:
            result_cache.store_encoded(key, job.abspath, job.display, job.report, (entry, facts))
        result.facts = {fact: cache_format.packed(blob) for fact, blob in facts.items()}
        return result


def _analyze(file_jobs, settings, debug, workers, caches) -> Iterator[FileResult]:
    if workers <= 1 or len(file_jobs) < 2 * _MIN_FILES_PER_WORKER:
        for job in file_jobs:
            yield _analyze_here(job, settings, debug, caches)
        return
    # In job order: a FileResult (a cache hit) or a [batch, index] slot for a miss,
    # filled in when its batch is sent.
    pending: deque = deque()
    unsent: list[tuple[object, list]] = []  # (job, slot) not yet in a batch
    misses = 0
    batch_size = max(1, min(_MAX_BATCH, len(file_jobs) // (workers * 8)))
    lookups = caches is not None and not all(each.empty for each in caches)
    pool: ProcessPoolExecutor | None = None

    def send(chunk: list[tuple[object, list]], use_pool: bool) -> None:
        nonlocal pool
        jobs = [job for job, _ in chunk]
        future = None
        if use_pool:
            if pool is None:
                salts = tuple(each.salt for each in caches) if caches is not None else None
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker,
                                           initargs=(settings, salts, debug, os.getpid()))
            try:
                future = pool.submit(_analyze_batch, [(j.abspath, j.display, j.report, j.group, j.test_dir) for j in jobs])
            except BrokenProcessPool:
                future = None
        batch = _Batch(jobs, future)
        for index, (_, slot) in enumerate(chunk):
            slot[:] = [batch, index]

    def ready(entry) -> bool:
        return isinstance(entry, FileResult) or (bool(entry) and entry[0].done())

    def value(entry) -> FileResult:
        if isinstance(entry, FileResult):
            return entry
        batch, index = entry
        return batch.resolve(settings, debug, caches)[index]

    try:
        for job in file_jobs:
            hit = _lookup(job, caches) if lookups else None
            if hit is not None:
                pending.append(hit)
            else:
                slot: list = []
                pending.append(slot)
                unsent.append((job, slot))
                misses += 1
                # Workers start once enough misses show that they pay off.
                if len(unsent) >= batch_size and misses >= _MIN_FILES_PER_WORKER:
                    for start in range(0, len(unsent), batch_size):
                        send(unsent[start:start + batch_size], use_pool=True)
                    unsent = []
            while pending and ready(pending[0]):
                yield value(pending.popleft())
        if unsent and misses >= _MIN_FILES_PER_WORKER:
            for start in range(0, len(unsent), batch_size):
                send(unsent[start:start + batch_size], use_pool=True)
        elif unsent:  # a few changed files: not worth starting workers
            send(unsent, use_pool=False)
        while pending:
            yield value(pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _show_progress(total: int) -> bool:
    """Only on a terminal, for a long run, and never in CI logs."""
    return total >= PROGRESS_MIN_FILES and sys.stderr.isatty() and not os.environ.get("CI")


def _with_progress(results: Iterator[FileResult], total: int) -> Iterator[FileResult]:
    """Show a bar once the run has taken a while (a warm run ends before it would appear)."""
    import click

    started = time.monotonic()
    done = 0
    bar = None
    try:
        for result in results:
            done += 1
            if bar is None and time.monotonic() - started >= PROGRESS_DELAY_SECONDS:
                bar = click.progressbar(length=total, label="Reading", file=sys.stderr, show_pos=True)
                bar.__enter__()
                bar.update(done)
            elif bar is not None:
                bar.update(1)
            yield result
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
