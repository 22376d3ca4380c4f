"""The cyclic garbage collector, paused while a project is read and analysed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector paused, and restored to what it was afterwards.

    Parsing builds many small containers and no cycles; at 10,000 measures the collector's
    passes over them cost about a quarter of ``speelveld check`` (``benchmarks/run.py``
    measures it) and free nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
