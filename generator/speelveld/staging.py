"""Publish a build whole, one build at a time, without a moment without a site.

MkDocs cleans the site folder before it builds, so a build that fails halfway (or a
strict build that aborts on a warning after writing every page) would leave the old
site destroyed, and two builds into the same folder would write through each other.
So a build that publishes:

1. takes the lock of the site folder (a second build waits, at most :data:`LOCK_WAIT`
   seconds, and then stops with a Dutch message); the lock is an ``flock`` (on Windows a
   ``msvcrt`` byte lock) on a file in ``.<site>.speelveld-slot/``, which the system
   releases when a build is killed;
2. removes what an interrupted build left beside the site, and puts back a site that an
   interrupted swap moved aside;
3. builds into a staging folder of its own beside the site, ``.<site>.speelveld-bouw-<id>``;
4. swaps the staging folder and the site in one atomic step: ``renameat2`` with
   ``RENAME_EXCHANGE`` on Linux, ``renamex_np`` with ``RENAME_SWAP`` on macOS. At every
   instant the site path holds the old site or the new one, whole. Where the file
   system cannot swap (NFS, Windows), two renames follow each other, and step 2 of the
   next build repairs an interruption between them;
5. removes the old site and releases the lock.

A site folder that is a symbolic link (into a web root) stays a link: the site is
swapped where the link points, and the staging folder is made beside that target.

An exchange of two folders is used rather than a link that points at versioned folders:
the site folder stays a real folder that every tool and web server reads as before,
and a link the owner made is honoured rather than replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .oserrors import reason

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
#: The loggers whose warnings abort a strict build, under MkDocs and under ProperDocs
#: (which logs its own warnings under its own name).
ENGINE_LOGGERS = ("mkdocs", "properdocs")

#: How long a build waits for another build of the same site, in seconds.
LOCK_WAIT = 600.0
_POLL = 0.2
_LOCK, _STAGING, _OLD = "slot", "bouw", "oud"


class PublishError(Exception):
    """The site could not be published; the message says why, in Dutch."""


def real_site(site_dir: Path) -> Path:
    """The folder the site is written to: where ``site_dir`` leads when it is a link."""
    return Path(os.path.realpath(site_dir))


def beside(target: Path, role: str, tag: str = "") -> Path:
    """A working folder next to the site: ``.site.speelveld-bouw-123``."""
    return target.with_name(f".{target.name}.speelveld-{role}{tag}")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class WarningCounter:
    """The warnings of one build, so that a strict build that will abort does not publish.

    Attached when the build starts, before any plugin's ``on_config`` can warn.
    """

    def __init__(self) -> None:
        self._handler = _WarningCounter()
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).addHandler(self._handler)

    @property
    def count(self) -> int:
        return self._handler.count

    def reset(self) -> None:
        """Start counting again, for the next build of ``mkdocs serve``."""
        self._handler.count = 0

    def close(self) -> None:
        for name in ENGINE_LOGGERS:
            logging.getLogger(name).removeHandler(self._handler)


class SiteLock:
    """The right to publish into one site folder: one build at a time."""

    def __init__(self, target: Path) -> None:
        self.folder = beside(target, _LOCK)
        self.file = self.folder / _LOCK
        self._handle: int | None = None

    def acquire(self, wait: float, announce: Callable[[], None] = lambda: None) -> None:
        deadline = time.monotonic() + wait
        announced = False
        while not self._try():
            if not announced:
                announce()
                announced = True
            if time.monotonic() >= deadline:
                raise PublishError(
                    f"een andere bouw publiceert al {wait:.0f} seconden in deze sitemap en is "
                    f"nog niet klaar; probeer het later opnieuw. Loopt er geen bouw meer, "
                    f"verwijder dan {self.folder}"
                )
            time.sleep(_POLL)

    def release(self) -> None:
        if self._handle is None:
            return
        # Removed while still held: a build waiting on this file sees it is gone and retries.
        for remove in (self.file.unlink, self.folder.rmdir):
            with contextlib.suppress(OSError):  # a waiting build made it again, or it is gone
                remove()
        os.close(self._handle)
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def _try(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.file, os.O_RDWR | os.O_CREAT, 0o600)
        except FileNotFoundError:
            return False  # the holder removed the folder just now
        except FileExistsError as error:
            # mkdir found the folder, then did not find it a folder: the holder removed it
            # between the two looks. Anything else in its place is not a lock to wait for.
            if not os.path.lexists(self.folder):
                return False
            raise PublishError(_cannot("de sitemap vergrendelen", self.folder, error)) from None
        except OSError as error:
            if sys.platform == "win32" and isinstance(error, PermissionError):
                return False  # the holder is removing the file just now
            raise PublishError(_cannot("de sitemap vergrendelen", self.folder, error)) from None
        if not _lock(handle):
            os.close(handle)
            return False
        try:  # still the file at that path, not one the previous holder removed?
            current = os.stat(self.file)
        except FileNotFoundError:
            current = None
        mine = os.fstat(handle)
        if current is None or (current.st_dev, current.st_ino) != (mine.st_dev, mine.st_ino):
            os.close(handle)
            return False
        self._handle = handle
        return True


def _lock(handle: int) -> bool:
    """Hold ``handle``'s file for this process, without waiting; the system lets go of it
    when the process ends, however it ends (a killed build leaves no lock behind)."""
    try:
        if sys.platform == "win32":
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class Staging:
    """One publishing build: the lock, its own staging folder and the swap at the end.

    ``site_dir`` is the site folder as configured; ``self.folder`` is where MkDocs
    writes instead, and :meth:`finish` puts it in place.
    """

    def __init__(
        self,
        site_dir: Path,
        *,
        strict: bool,
        warnings: WarningCounter | None = None,
        wait: float = LOCK_WAIT,
    ) -> None:
        self.site_dir = site_dir
        self.target = real_site(site_dir)
        self.strict = strict
        self.warnings = warnings
        self.wait = wait
        self.lock = SiteLock(self.target)
        self.folder: Path | None = None
        if os.path.exists(self.target) and not os.path.isdir(self.target):
            raise PublishError(
                f"{site_dir} bestaat en is geen map; verwijder het of kies een andere site_dir"
            )
        self.lock.acquire(wait, self._announce_wait)
        try:
            recover(self.target)
        except OSError as error:
            self.lock.release()
            raise PublishError(_cannot("de sitemap opruimen", self.target.parent, error)) from None

    def stage(self) -> Path:
        """A new, empty staging folder beside the site, for this build alone."""
        folder = beside(self.target, _STAGING, f"-{os.getpid()}-{time.monotonic_ns()}")
        try:
            folder.mkdir()
        except OSError as error:
            self.close()
            raise PublishError(_cannot("een bouwmap maken", folder.parent, error)) from None
        self.folder = folder
        return folder

    def finish(self) -> None:
        """Publish the staged site, unless a strict build is about to abort on a warning."""
        if self.strict and self.warnings is not None and self.warnings.count:
            self.discard()  # MkDocs aborts the build next
            return
        if self.folder is None:  # built in place (a dirty build): nothing to swap
            self.close()
            return
        started = time.perf_counter()
        try:
            old = swap(self.folder, self.target)
        except OSError as error:
            self.discard()
            raise PublishError(
                f"de nieuwe site kon niet op de plaats van {self.site_dir} worden gezet "
                f"({reason(error)}); de vorige site staat er nog ongewijzigd"
            ) from None
        self.folder = None
        swapped = time.perf_counter()
        if old is not None:
            _remove(old)
        self.close()
        log.debug(
            "speelveld: site geplaatst in %.4f s, vorige site verwijderd in %.3f s",
            swapped - started,
            time.perf_counter() - swapped,
        )

    def discard(self) -> None:
        """Drop the staging folder; the published site stays as it was."""
        if self.folder is not None:
            _remove(self.folder)
            self.folder = None
        self.close()

    def close(self) -> None:
        self.lock.release()

    def _announce_wait(self) -> None:
        log.info(
            "speelveld: een andere bouw publiceert nu in %s; deze bouw wacht tot die klaar is "
            "(hoogstens %.0f seconden)",
            self.site_dir,
            self.wait,
        )


def recover(target: Path) -> None:
    """Put back a site that an interrupted swap moved aside, and remove leftovers.

    Only the holder of the lock calls this, so every working folder beside the site
    belongs to a build that ended.
    """
    parent, prefix = target.parent, f".{target.name}.speelveld-"
    if not parent.is_dir():
        return
    leftovers = sorted(
        p
        for p in parent.iterdir()
        if p.name.startswith(prefix) and p.name != beside(target, _LOCK).name
    )
    old = [p for p in leftovers if p.name.startswith(f"{prefix}{_OLD}")]
    if old and not os.path.lexists(target):
        os.rename(old[-1], target)  # the site moved aside just before an interruption
        log.info(
            "speelveld: de site die een onderbroken bouw opzij zette, staat weer op zijn plaats"
        )
    for leftover in leftovers:
        if os.path.lexists(leftover):
            _remove(leftover)


def swap(staging: Path, target: Path) -> Path | None:
    """Put ``staging`` at ``target``; return where the old site now is, if there was one."""
    if not os.path.lexists(target):
        rename(staging, target)
        return None
    try:
        exchange(staging, target)
        return staging  # the exchange left the old site under the staging name
    except OSError as error:
        if error.errno not in _CANNOT_EXCHANGE:
            raise
    old = beside(target, _OLD, f"-{os.getpid()}-{time.monotonic_ns()}")
    rename(target, old)
    try:
        rename(staging, target)
    except OSError:
        rename(old, target)
        raise
    return old


def rename(source: Path, destination: Path) -> None:
    """One step of the two-rename swap: a seam where a test can fail or stop it."""
    os.rename(source, destination)


_CANNOT_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def exchange(first: Path, second: Path) -> None:
    """Swap two paths atomically, or raise OSError (ENOSYS where the system cannot)."""
    name, flags = {"linux": ("renameat2", 2), "darwin": ("renamex_np", 2)}.get(
        sys.platform, ("", 0)
    )
    function = getattr(ctypes.CDLL(None, use_errno=True), name, None) if name else None
    if function is None:
        raise OSError(errno.ENOSYS, "atomisch verwisselen wordt niet ondersteund")
    paths = (os.fsencode(first), os.fsencode(second))
    at_cwd = -100  # AT_FDCWD: the paths are absolute or relative to the working folder
    result = (
        function(at_cwd, paths[0], at_cwd, paths[1], flags)
        if name == "renameat2"
        else function(paths[0], paths[1], flags)
    )
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if os.path.lexists(folder) and not folder.is_dir():
        with contextlib.suppress(OSError):
            folder.unlink()


def _cannot(action: str, where: Path, error: OSError) -> str:
    return f"kan {action} in {where} niet: {reason(error)}"
