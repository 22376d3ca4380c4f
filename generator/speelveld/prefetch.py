"""Work done ahead in a forked process, collected when it is needed.

``speelveld check`` parses the later half of a large project in a second process
while the first imports the validator and parses the earlier half: on a machine
with two cores that hides most of the parsing. Anything that goes wrong in the
child only means the parent does that work itself. Where there is no ``fork``
(Windows), there is no second process: :func:`possible` says so, and the parent
parses everything.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any


def possible() -> bool:
    """Whether this platform can fork: a child shares the parent's loaded modules."""
    return hasattr(os, "fork")


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - platforms without affinity
        return os.cpu_count() or 1


class Prefetch:
    """The result of ``work()``, computed in a child process; ``{}`` if that failed."""

    def __init__(self, work: Callable[[], dict[str, Any]], keys: set[str]) -> None:
        self.keys = keys
        self._result: dict[str, Any] | None = None
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, and leave without running any cleanup
            os.close(read)
            status = 1
            try:
                with os.fdopen(write, "wb") as stream:
                    stream.write(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    def results(self) -> dict[str, Any]:
        if self._result is None:
            with os.fdopen(self._read, "rb") as stream:
                data = stream.read()
            _, status = os.waitpid(self._pid, 0)
            try:
                self._result = pickle.loads(data) if status == 0 and data else {}
            except (pickle.UnpicklingError, EOFError, ValueError):
                self._result = {}
        return self._result
