"""Text that prints as one line, whatever a file name or a value holds."""

from __future__ import annotations

import re

#: Characters a terminal, an editor or an XML parser must not get as they are: control
#: characters (C0, DEL, C1), line and paragraph separators, the bidirectional controls
#: that can reorder what a reader sees, lone surrogates (an undecodable file name) and
#: the two non-characters that XML forbids.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every unsafe character written as an escape: ``\\x1b``, ``\\n``, ``\\u202e``.

    What remains is one line of printable text, so a file name or value can neither
    move the cursor, recolour a terminal, split a finding over two lines nor break XML.
    """
    return _UNSAFE.sub(_escape, text)
