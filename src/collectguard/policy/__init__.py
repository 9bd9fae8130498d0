"""Contact policy: rule packs as data and the pure engine that decides on them."""

from collectguard.policy.engine import decide
from collectguard.policy.history import History
from collectguard.policy.pack import (
    RulePack,
    load_pack,
    load_packs,
    number_channels,
    number_lookback,
    shipped_pack_names,
)

__all__ = [
    "History",
    "RulePack",
    "decide",
    "load_pack",
    "load_packs",
    "number_channels",
    "number_lookback",
    "shipped_pack_names",
]
