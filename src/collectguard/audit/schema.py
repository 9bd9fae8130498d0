"""The contact-log schema of design.md's batch audit, and the normalised frame it becomes.

A log names columns as the contract does (``--map old=new`` renames others first).
Reading turns every accepted row into the *normalised* columns below, all strings
except ``row`` (the 0-based record number in the log) and ``ts`` (UTC microseconds),
so that one audit function serves CSV, JSON Lines and Parquet alike.
"""

from __future__ import annotations

from typing import Final

#: columns a log must have; a log lacking one of them entirely cannot be audited
REQUIRED: Final = (
    "account_id",
    "timezone",
    "party_role",
    "party_id",
    "channel",
    "outcome",
    "started_at",
)
#: columns a log may have; the last three are additive to design.md's contract and, like
#: ``states``, describe the account at that moment: ``suppressed_parties`` (party ids that
#: asked never to be contacted), ``opted_out`` (``party_id:channel`` pairs) and
#: ``consent_windows`` (local ``HH:MM-HH:MM`` windows the borrower consented to) and
#: ``quiet_hours`` (``party_id:HH:MM-HH:MM``: hours a person asked not to be contacted in, with
#: ``/6,7`` after them when they hold only on those ISO weekdays), each
#: ``;``-separated
OPTIONAL: Final = (
    "collector_id",
    "agency_id",
    "text",
    "states",
    "suppressed_parties",
    "opted_out",
    "consent_windows",
    "quiet_hours",
)
COLUMNS: Final = REQUIRED + OPTIONAL

#: the normalised frame every reader produces (``ts``: UTC microseconds since the epoch)
NORMALISED: Final = ("row", "ts", *COLUMNS)

#: separator of several values in one cell (candidate zones, account states)
LIST_SEPARATOR: Final = ";"

#: columns of a violation record, in output order (JSON Lines and Parquet alike)
VIOLATION_COLUMNS: Final = (
    "row",
    "rule",
    "category",
    "pack",
    "pack_version",
    "kind",
    "citation",
    "severity",
    "start",
    "end",
    "account_id",
    "party_role",
    "party_id",
    "channel",
    "outcome",
    "started_at",
    "local_time",
    "day",
    "collector_id",
    "agency_id",
    "evidence",
)

#: columns of a what-if change record
CHANGE_COLUMNS: Final = (
    "row",
    "change",
    "added",
    "removed",
    "account_id",
    "started_at",
    "day",
    "collector_id",
    "agency_id",
)

__all__ = [
    "CHANGE_COLUMNS",
    "COLUMNS",
    "LIST_SEPARATOR",
    "NORMALISED",
    "OPTIONAL",
    "REQUIRED",
    "VIOLATION_COLUMNS",
]
