"""Full-width ASCII forms folded to half-width, one character for one, so offsets in the folded text are offsets
into the original (Ａ．, （ｂ）, １３８…). A leaf module: screening and personal data both read through it."""

from __future__ import annotations

__all__ = ["fold_width"]

# Full-width digits, letters and marks, and the ideographic space
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD_TABLE = str.maketrans({chr(k): chr(v) for k, v in _FOLD.items()})


def fold_width(text: str) -> str:
    """Full-width ASCII forms to half-width; the result has exactly the length of ``text``."""
    return text.translate(_FOLD_TABLE)
