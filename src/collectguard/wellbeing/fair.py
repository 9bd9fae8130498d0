"""Fair team metrics: recovery shown beside quality, so pressure never raises a figure.

The view has no rank and no sort by any figure: rows come in collector-id order and the
dashboard must keep them so (docs/wellbeing.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from collectguard.errors import ValidationError
from collectguard.wellbeing.thresholds import FairSettings


@dataclass(frozen=True, slots=True)
class QualityInputs:
    """One collector's period: what they recovered and how they worked."""

    collector_id: str
    recovered_amount: float
    contacts: int
    violations: int = 0
    complaints: int = 0
    crisis_contacts: int = 0
    #: crisis contacts the collector stopped and handed to a supervisor (the right handling)
    crisis_handed_over: int = 0

    def __post_init__(self) -> None:
        for name in ("recovered_amount", "contacts", "violations", "complaints", "crisis_contacts"):
            if getattr(self, name) < 0:
                raise ValidationError("must not be negative", field=name)
        if not 0 <= self.crisis_handed_over <= self.crisis_contacts:
            raise ValidationError("must be between 0 and crisis_contacts", field="crisis_handed_over")


@dataclass(frozen=True, slots=True)
class FairRow:
    collector_id: str
    recovered_amount: float
    #: recovery after the quality discount; the only recovery figure a team view totals
    credited_recovery: float
    quality_factor: float
    contacts: int
    violations: int
    violations_per_100_contacts: float
    complaints: int
    crisis_contacts: int
    crisis_handed_over: int
    #: percentage of crisis contacts handled by handing over; None when there were none
    crisis_handled_pct: float | None
    #: plain notes on quality, Chinese first
    notes_zh: tuple[str, ...]
    notes_en: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FairTeamView:
    rows: tuple[FairRow, ...]
    recovered_total: float
    credited_total: float
    violations_total: int
    complaints_total: int
    crisis_contacts_total: int
    crisis_handed_over_total: int

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "rows": [asdict(r) for r in self.rows]}


def _row(q: QualityInputs, fair: FairSettings) -> FairRow:
    per_100 = 100.0 * q.violations / q.contacts if q.contacts else float(q.violations)
    missed = q.crisis_contacts - q.crisis_handed_over
    discount = fair.violation_penalty * per_100 + fair.complaint_penalty * q.complaints
    discount += fair.crisis_missed_penalty * missed
    factor = max(0.0, 1.0 - discount)
    zh: list[str] = []
    en: list[str] = []
    if q.violations:
        zh.append(f"违规 {q.violations} 次（每百次联系 {per_100:.1f} 次）")
        en.append(f"{q.violations} violation(s) ({per_100:.1f} per 100 contacts)")
    if q.complaints:
        zh.append(f"收到投诉 {q.complaints} 件")
        en.append(f"{q.complaints} complaint(s)")
    if missed:
        zh.append(f"{missed} 次危机联系未转交主管")
        en.append(f"{missed} crisis contact(s) not handed to a supervisor")
    if not zh:
        zh.append("无违规、无投诉")
        en.append("no violations, no complaints")
    return FairRow(
        collector_id=q.collector_id,
        recovered_amount=q.recovered_amount,
        credited_recovery=q.recovered_amount * factor,
        quality_factor=factor,
        contacts=q.contacts,
        violations=q.violations,
        violations_per_100_contacts=per_100,
        complaints=q.complaints,
        crisis_contacts=q.crisis_contacts,
        crisis_handed_over=q.crisis_handed_over,
        crisis_handled_pct=100.0 * q.crisis_handed_over / q.crisis_contacts if q.crisis_contacts else None,
        notes_zh=tuple(zh),
        notes_en=tuple(en),
    )


def fair_team_view(inputs: Iterable[QualityInputs], *, fair: FairSettings) -> FairTeamView:
    """Each collector's recovery beside their quality, in collector-id order, with team totals.

    Credited recovery never rises with violations, complaints or missed crisis hand-overs.
    """
    rows = tuple(sorted((_row(q, fair) for q in inputs), key=lambda r: r.collector_id))
    return FairTeamView(
        rows=rows,
        recovered_total=sum(r.recovered_amount for r in rows),
        credited_total=sum(r.credited_recovery for r in rows),
        violations_total=sum(r.violations for r in rows),
        complaints_total=sum(r.complaints for r in rows),
        crisis_contacts_total=sum(r.crisis_contacts for r in rows),
        crisis_handed_over_total=sum(r.crisis_handed_over for r in rows),
    )
