"""Text analysis of the core: normalisation with offsets, message screening, borrower signals.

Pure functions over strings: no I/O beyond reading the package's own data files once.
"""

from __future__ import annotations

from collectguard.text.normalize import Normalized, normalize

__all__ = ["Normalized", "normalize"]
