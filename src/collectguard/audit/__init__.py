"""Batch audit of contact history: every contact re-decided by the live engine.

An edge like the CLI and the API: it reads logs (CSV, JSON Lines, Parquet), runs
the pure ``policy`` and ``text`` core per account partition on this machine's
cores or on a Dask cluster, and writes violations, a what-if comparison and an
offline HTML report.
"""

from collectguard.audit.engines import EngineOptions
from collectguard.audit.run import AuditOptions, AuditResult, Progress, audit_log

__all__ = ["AuditOptions", "AuditResult", "EngineOptions", "Progress", "audit_log"]
