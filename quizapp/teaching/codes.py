"""Short codes people type: class join codes and set share codes.

Codes are read aloud in class and typed on phones, so the alphabet leaves out characters that look
alike (0/O, 1/I/L) and input is forgiving about case, spaces and dashes. They are random (from
``secrets``), not derived from ids, so a code reveals nothing and cannot be guessed from another.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
JOIN_CODE_LENGTH = 6  # 31**6 ≈ 8.9e8: plenty with the join rate limit
SHARE_CODE_LENGTH = 8


def new_code(length: int = JOIN_CODE_LENGTH) -> str:
    """A fresh random code of ``length`` characters from ``ALPHABET``."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise_code(text: str | None) -> str:
    """What the person meant: upper case, spaces, dashes and dots dropped.

    Look-alikes are not mapped: 0, O, 1, I and L are simply not in the alphabet, so a slip fails
    to match instead of silently matching somebody else's class.
    """
    if not text:
        return ""
    return "".join(ch for ch in text.upper() if ch.isalnum())[:32]


def looks_valid(code: str, length: int | None = None) -> bool:
    """True when ``code`` (normalised) could be a code of ours; saves a lookup for junk input."""
    if not code or any(ch not in ALPHABET for ch in code):
        return False
    return length is None or len(code) == length


def pretty(code: str) -> str:
    """Grouped for reading aloud: ``ABC-DEF`` (input accepts either form)."""
    if len(code) == 6:
        return f"{code[:3]}-{code[3:]}"
    if len(code) == 8:
        return f"{code[:4]}-{code[4:]}"
    return code
