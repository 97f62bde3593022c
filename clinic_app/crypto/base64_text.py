"""Bytes (keys, nonces, ciphertexts, signatures) as text in JSON files and table columns.

Standard base64. Reading is strict (`validate=True`): a stray character is damage, reported
as a ValueError, never skipped; the key-slot file, the signed user list, field laptops' keys
and encrypted values all read their bytes back through `unb64`.
"""

from __future__ import annotations

import base64


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
