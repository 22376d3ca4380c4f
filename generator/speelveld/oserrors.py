"""What an error of the operating system means, in Dutch: a finding or a message, never
a traceback. Imports nothing heavy: the loader uses it."""

from __future__ import annotations

import errno

_REASONS = {
    errno.EACCES: "geen toegang (onvoldoende rechten)",
    errno.EPERM: "niet toegestaan",
    errno.ENOENT: "bestaat niet (meer)",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "is een map, geen bestand",
    errno.ELOOP: "een kring van symbolische links",
    errno.EBUSY: "is in gebruik",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EIO: "een leesfout van de schijf",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EMFILE: "te veel open bestanden",
}


def reason(error: OSError) -> str:
    """Why the operation failed, in a few Dutch words."""
    return _REASONS.get(error.errno or 0, error.strerror or type(error).__name__)


def described(error: OSError) -> str:
    """``'pad': reden``, or only the reason when the error names no path."""
    if error.filename is None:
        return reason(error)
    return f"'{error.filename}': {reason(error)}"
