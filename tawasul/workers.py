"""Where batches of articles are parsed: local worker processes or a Dask cluster.

Both runners follow `Runner` of `tawasul.extract.pipeline`: the main process cuts
the corpus into batches (the same batches whatever the runner, so the graph is
the same), answers cached articles itself, and hands the rest out. Each worker
process loads one Stanza pipeline and keeps it for every batch it runs; results
come back in input order with at most `2 × workers` batches in flight, so memory
is bounded by the batch size, not by the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

from distributed import Client, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from tawasul.extract.pipeline import Extractor, InProcess, Parsed, Runner
from tawasul.extract.records import Article


def make_runner(extractor: Extractor, workers: int = 1, scheduler: str | None = None) -> Runner:
    """The runner for `--workers N` / `--scheduler tcp://HOST:PORT` (in-process by default)."""
    if scheduler:
        return DaskWorkers(scheduler)
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    if workers == 1:
        return InProcess(extractor)
    return ProcessWorkers(workers)


def torch_threads(workers: int) -> int:
    """Threads per worker so that the workers together use the cores once, not N times over."""
    return max(1, (os.cpu_count() or 1) // workers)


def _ordered(
    submit: Callable[[list[Article]], Future[list[Parsed]] | Any],
    batches: Iterable[list[Article]],
    window: int,
) -> Iterator[list[Parsed]]:
    """Submit batches ahead, at most `window` in flight, and answer them in order."""
    flight: deque[Any] = deque()
    for batch in batches:
        flight.append(submit(batch) if batch else None)
        if len(flight) >= window:
            head = flight.popleft()
            yield head.result() if head is not None else []
    while flight:
        head = flight.popleft()
        yield head.result() if head is not None else []


# --- local processes -------------------------------------------------------------------------

# The pipeline of *this worker process*; set once by the pool's initializer. A process
# pool offers no other place to keep per-process state between tasks.
_WORKER_EXTRACTOR: Extractor | None = None


def _start_worker(threads: int) -> None:
    import torch

    from tawasul.extract.nlp import load_pipeline

    global _WORKER_EXTRACTOR
    torch.set_num_threads(threads)
    _WORKER_EXTRACTOR = Extractor.load(nlp=load_pipeline())


def _run_batch(batch: list[Article], keep_parses: bool) -> list[Parsed]:
    assert _WORKER_EXTRACTOR is not None, "worker started without its pipeline"
    return _WORKER_EXTRACTOR.extract_batch(batch, keep_parses)


class ProcessWorkers:
    """`--workers N`: N local processes (spawned, not forked), each with its own pipeline."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, batches: Iterable[list[Article]], keep_parses: bool) -> Iterator[list[Parsed]]:
        with ProcessPoolExecutor(
            self.workers,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(torch_threads(self.workers),),
        ) as pool:
            yield from _ordered(
                lambda batch: pool.submit(_run_batch, batch, keep_parses),
                batches,
                2 * self.workers,
            )


# --- Dask distributed ------------------------------------------------------------------------

PLUGIN = "tawasul-extractor"


class ExtractorPlugin(WorkerPlugin):
    """Loads the Stanza pipeline once per Dask worker, when the plugin is registered."""

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads
        self.extractor: Extractor | None = None

    def setup(self, worker: Any) -> None:
        from tawasul.extract.nlp import load_pipeline

        if self.threads:
            import torch

            torch.set_num_threads(self.threads)
        self.extractor = Extractor.load(nlp=load_pipeline())


def _dask_batch(batch: list[Article], keep_parses: bool) -> list[Parsed]:
    plugin = get_worker().plugins[PLUGIN]
    return plugin.extractor.extract_batch(batch, keep_parses)


class DaskWorkers:
    """`--scheduler tcp://HOST:PORT`: batches run on an existing Dask distributed cluster.

    The graph is the one a single process builds: the batches are the same and
    each is parsed whole by one worker.

    Every worker needs Tawasul installed and the Stanza models (its own
    STANZA_RESOURCES_DIR); `threads` sets torch's threads per worker, `timeout` (seconds)
    how long to wait for the scheduler.
    """

    def __init__(self, address: str, threads: int | None = None, timeout: float = 20) -> None:
        self.address = address
        self.threads = threads
        self.timeout = timeout

    def map(self, batches: Iterable[list[Article]], keep_parses: bool) -> Iterator[list[Parsed]]:
        try:
            client = Client(self.address, timeout=self.timeout)
        except OSError as exc:
            raise ValueError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
        with client:
            client.register_plugin(ExtractorPlugin(self.threads), name=PLUGIN)
            workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
            yield from _ordered(
                lambda batch: client.submit(_dask_batch, batch, keep_parses, pure=False),
                batches,
                2 * workers,
            )
