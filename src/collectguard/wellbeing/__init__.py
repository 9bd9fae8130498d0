"""Collector wellbeing: load and exposure figures per shift, thresholds as data, advice.

Pure: no I/O beyond reading the shipped thresholds file, no clock (``now`` is an argument).
Figures protect people and are never a ranking (docs/wellbeing.md).
"""

from collectguard.wellbeing.advice import Advice, advise, for_audience
from collectguard.wellbeing.fair import FairRow, FairTeamView, QualityInputs, fair_team_view
from collectguard.wellbeing.figures import ShiftFigures, shift_figures
from collectguard.wellbeing.records import ContactRecord, MessageRecord, ReplyRecord, StatePeriod
from collectguard.wellbeing.report import (
    CollectorWellbeing,
    PeriodFigures,
    ShiftReport,
    assess_collector,
    assess_team,
    period_figures,
)
from collectguard.wellbeing.thresholds import WellbeingThresholds, load_thresholds

__all__ = [
    "Advice",
    "CollectorWellbeing",
    "ContactRecord",
    "FairRow",
    "FairTeamView",
    "MessageRecord",
    "PeriodFigures",
    "QualityInputs",
    "ReplyRecord",
    "ShiftFigures",
    "ShiftReport",
    "StatePeriod",
    "WellbeingThresholds",
    "advise",
    "assess_collector",
    "assess_team",
    "fair_team_view",
    "for_audience",
    "load_thresholds",
    "period_figures",
    "shift_figures",
]
