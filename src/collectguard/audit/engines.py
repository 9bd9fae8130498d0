"""Where partitions are audited: this machine's cores, or a Dask cluster.

Both engines run the same :func:`audit_partition` on the same partitions, so their
results are identical by construction; only scheduling differs. Partitions are
files, so a Dask cluster needs the audit's work directory on a filesystem its
workers share (a local cluster always does).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from collectguard.audit.replay import PartitionResult, PartitionTask, audit_partition
from collectguard.errors import ValidationError

OnDone = Callable[[PartitionResult], None]


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """``local`` uses ``workers`` processes (default: every core); ``dask`` connects to
    ``scheduler`` or starts a local cluster of ``local_workers`` workers."""

    name: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    local_workers: int | None = None
    #: a local Dask cluster of processes (True) or of threads in this process (tests)
    processes: bool = True

    def parallelism(self) -> int:
        if self.name == "dask":
            return self.local_workers or self.workers or os.cpu_count() or 1
        return self.workers or os.cpu_count() or 1


def run(tasks: Sequence[PartitionTask], options: EngineOptions, on_done: OnDone) -> list[PartitionResult]:
    if options.name == "local":
        return _local(tasks, options.parallelism(), on_done)
    if options.name == "dask":
        return _dask(tasks, options, on_done)
    raise ValidationError(f"unknown engine {options.name!r}; use local or dask", field="--engine")


def _local(tasks: Sequence[PartitionTask], workers: int, on_done: OnDone) -> list[PartitionResult]:
    results = []
    if workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            results.append(audit_partition(task))
            on_done(results[-1])
        return results
    # spawn, not fork: Polars' and DuckDB's thread pools do not survive a fork
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context) as pool:
        futures = [pool.submit(audit_partition, task) for task in tasks]
        for future in as_completed(futures):
            results.append(future.result())
            on_done(results[-1])
    return results


def _dask(tasks: Sequence[PartitionTask], options: EngineOptions, on_done: OnDone) -> list[PartitionResult]:
    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=options.parallelism(),
            threads_per_worker=1,
            processes=options.processes,
            dashboard_address=None,
        )
        client = Client(cluster)
    results = []
    try:
        futures = client.map(audit_partition, list(tasks), pure=False)
        for future in dask_completed(futures):
            results.append(future.result())
            on_done(results[-1])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results


__all__ = ["EngineOptions", "OnDone", "run"]
