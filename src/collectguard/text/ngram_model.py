"""Optional character n-gram model: adds recall for paraphrases the lexicons do not spell.

Trained at build time (``bench/screen_train.py``) from the development part of the screening
corpus only, shipped as ``data/lexicons/ngram_model.json``. Absent file: no model, rules only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["load_model"]


@lru_cache(maxsize=1)
def load_model() -> Any:
    return None
