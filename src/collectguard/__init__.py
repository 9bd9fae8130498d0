"""催收合规卫士 collectguard — keeps a debt-collection team lawful and humane.

The curated public API; everything else is reachable through its subpackage.
"""

from collectguard.__about__ import __version__
from collectguard.errors import CollectguardError
from collectguard.model import (
    Account,
    AccountState,
    Attempt,
    Channel,
    Decision,
    Denial,
    Outcome,
    PartyRole,
)
from collectguard.policy import History, RulePack, decide, load_pack, load_packs

__all__ = [
    "Account",
    "AccountState",
    "Attempt",
    "Channel",
    "CollectguardError",
    "Decision",
    "Denial",
    "History",
    "Outcome",
    "PartyRole",
    "RulePack",
    "__version__",
    "decide",
    "load_pack",
    "load_packs",
]
