"""Complaint risk per account: a transparent additive model over factors with their reasons.

Pure: the model is data (``data/risk.yaml``), time is an argument, caps come from the
rule packs. Not fitted on data; docs/wellbeing.md says how to refit and calibrate it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from collectguard.policy.pack import RulePack
from collectguard.risk.features import RiskAccount, contact_pressure, near_misses, risk_factors
from collectguard.risk.score import FactorContribution, RiskScore, score_factors
from collectguard.risk.settings import FACTOR_IDS, RiskSettings, load_risk_settings
from collectguard.wellbeing.records import ContactRecord, MessageRecord, ReplyRecord


def assess_account(
    account: RiskAccount,
    contacts: Sequence[ContactRecord] = (),
    replies: Sequence[ReplyRecord] = (),
    messages: Sequence[MessageRecord] = (),
    *,
    packs: Sequence[RulePack],
    now: datetime,
    settings: RiskSettings | None = None,
) -> RiskScore:
    """The complaint-risk score of one account at ``now``, with its top factors."""
    settings = settings or load_risk_settings()
    values = risk_factors(account, contacts, replies, messages, packs=packs, settings=settings, now=now)
    return score_factors(values, settings, account_id=account.account_id)


__all__ = [
    "FACTOR_IDS",
    "FactorContribution",
    "RiskAccount",
    "RiskScore",
    "RiskSettings",
    "assess_account",
    "contact_pressure",
    "load_risk_settings",
    "near_misses",
    "risk_factors",
    "score_factors",
]
