"""The words ``data/signals/times.yaml`` holds for reading the hours of a cease request, validated."""

from __future__ import annotations

import re
from typing import Annotated

import pydantic

from collectguard.model.contact import clock_minutes

__all__ = ["TimeWords", "Window", "minutes"]

#: a local window [start, end) as "HH:MM" strings; "24:00" ends the day
Window = tuple[str, str]


class _Period(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    words: list[str] = pydantic.Field(min_length=1)
    windows: list[Window] = pydantic.Field(min_length=1)

    @pydantic.field_validator("windows")
    @classmethod
    def _clock(cls, value: list[Window]) -> list[Window]:
        for start, end in value:
            if not (minutes(start) < minutes(end)):
                raise ValueError(
                    f"window {start}-{end}: start must be before end, both HH:MM (24:00 ends a day)"
                )
        return value


class _HalfDay(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    am: list[str]
    pm: list[str]
    night: list[str]  # pm words after which 12 is midnight (晚上十二点), not noon


class TimeWords(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    version: str
    periods: list[_Period]
    half_day: _HalfDay
    before: list[str] = pydantic.Field(min_length=1)
    after: list[str] = pydantic.Field(min_length=1)
    # in the clause, these make any hours named part of a stop: 再, again, day and night
    stop_words: list[str] = pydantic.Field(min_length=1)
    # what may stand between the hours and the refusal they limit (都, 也, please, me)
    fillers: list[str] = pydantic.Field(min_length=1)
    # what joins two hours named together (早上和晚上, mornings or evenings)
    joiners: list[str] = pydantic.Field(min_length=1)
    # a day named with the refusal and the ISO weekdays it is (周末: [6, 7]); none for a day with no
    # weekday of its own (节假日)
    days: dict[str, list[Annotated[int, pydantic.Field(ge=1, le=7)]]] = {}
    # between two days: every day from one to the other (周一到周五)
    day_ranges: list[str] = []
    # before a day: the day is excepted (除了周末别打), so no set of days holds the request
    day_exceptions: list[str] = []
    # right after an English time: the borrower is free then ("after 6 im free")
    available: list[str] = []
    # what may end a sentence that only adds hours to the refusal before it ("or after 6pm too")
    added_ends: list[str] = []
    # after a comma: the next clause is joined on to the refusal's ("…, or on saturdays")
    clause_joiners: list[str] = []
    # after a comma and the days it names: that clause refuses those days too (周日不要打，周六也不要)
    days_also: list[str] = []
    # what starts like days_also and refuses nothing (周一也不要紧)
    days_also_exceptions: list[str] = []


_CLOCK = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")


def minutes(hhmm: str) -> int:
    """Minutes after midnight of an "HH:MM" time ("24:00" is 1440); ValueError for anything else."""
    if not _CLOCK.match(hhmm):
        raise ValueError(f"{hhmm!r} is not HH:MM")
    return clock_minutes(hhmm)
