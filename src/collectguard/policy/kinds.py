"""One evaluator per rule kind. Each is pure: (rule, account, attempt, history, at, zone).

An evaluator returns None when its rule allows the attempt at instant ``at``, or a
:class:`Block` with the instant at which that rule alone would stop denying (None when
only a change of state can lift it) and the history events behind the denial.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from collectguard.model import FAILED_OUTCOMES, Account, Attempt, Outcome, PartyRole
from collectguard.policy import localtime as lt
from collectguard.policy.history import History
from collectguard.policy.schema import (
    CountFilter,
    FrequencyCapRule,
    OptOutRule,
    PartyRestrictionRule,
    QuietHoursRule,
    StateHoldRule,
    TimeWindowRule,
    WaitRule,
)

#: how far ahead a cap may look for the day its window frees up
_MAX_LOOKAHEAD_DAYS = 400
#: half-open slices [start, at + ε) include an event at exactly ``at``
_EPSILON = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class Block:
    until: datetime | None
    evidence: tuple[datetime, ...] = ()


def time_window(
    rule: TimeWindowRule, account: Account, attempt: Attempt, history: History, at: datetime, tz: ZoneInfo
) -> Block | None:
    local = at.astimezone(tz)
    p = rule.params
    windows = [(p.start, p.end)]
    if p.consent_overrides:
        windows += [(w.start, w.end) for w in account.consent_windows]
    clock = local.time()
    if any(start <= clock < end for start, end in windows):
        return None
    candidates = []
    for start, _ in windows:
        day = local.date() if clock < start else local.date() + timedelta(days=1)
        candidates.append(lt.local_instant(day, start, tz))
    return Block(min(candidates))


def _counts(f: CountFilter, a: Attempt) -> bool:
    if a.channel not in f.channels:
        return False
    if a.outcome in f.exclude_outcomes:
        return False
    return f.outcomes is None or a.outcome in f.outcomes


def frequency_cap(
    rule: FrequencyCapRule, account: Account, attempt: Attempt, history: History, at: datetime, tz: ZoneInfo
) -> Block | None:
    p = rule.params
    # a cap on the number also counts other accounts' attempts that reached it (History.number)
    series = history.number(attempt.party_id) if p.scope == "number" else history.party(attempt.party_id)
    if p.window.rolling_minutes is not None:
        span = timedelta(minutes=p.window.rolling_minutes)
        recent = [a for a in series.between(at - span, at + _EPSILON) if _counts(p.count, a)]
        recent = [a for a in recent if a.at > at - span]
        if len(recent) < p.limit:
            return None
        pivot = recent[len(recent) - p.limit]
        return Block(pivot.at + span, tuple(a.at for a in recent))
    days = p.window.calendar_days
    assert days is not None
    today = lt.local_date(at, tz)
    start, end = lt.day_range(today - timedelta(days=days - 1), days, tz)
    window = [a for a in series.between(start, end) if _counts(p.count, a)]
    if len(window) < p.limit:
        return None
    # Slide the window day by day until the count drops under the limit.
    future = [
        a
        for a in series.between(start, lt.local_midnight(today + timedelta(days=_MAX_LOOKAHEAD_DAYS), tz))
        if _counts(p.count, a)
    ]
    dates = [lt.local_date(a.at, tz) for a in future]
    for shift in range(1, _MAX_LOOKAHEAD_DAYS):
        day = today + timedelta(days=shift)
        first = day - timedelta(days=days - 1)
        if sum(1 for d in dates if first <= d <= day) < p.limit:
            return Block(lt.local_midnight(day, tz), tuple(a.at for a in window))
    return Block(None, tuple(a.at for a in window))


def wait_after_conversation(
    rule: WaitRule, account: Account, attempt: Attempt, history: History, at: datetime, tz: ZoneInfo
) -> Block | None:
    p = rule.params
    today = lt.local_date(at, tz)
    start = lt.local_midnight(today - timedelta(days=p.days - 1), tz)
    triggers = [
        a
        for a in history.party(attempt.party_id).between(start, at + _EPSILON)
        if a.channel in p.trigger_channels and a.outcome in p.trigger_outcomes
    ]
    if not triggers:
        return None
    last_day = max(lt.local_date(a.at, tz) for a in triggers)
    return Block(lt.local_midnight(last_day + timedelta(days=p.days), tz), tuple(a.at for a in triggers))


def _borrower_unreachable(history: History, at: datetime, needed: int) -> tuple[bool, tuple[datetime, ...]]:
    tail = history.role(PartyRole.BORROWER).last_before(at, needed)
    if not tail:
        return False, ()
    if tail[-1].outcome is Outcome.INVALID_NUMBER:
        return True, (tail[-1].at,)
    reached = len(tail) == needed and all(a.outcome in FAILED_OUTCOMES for a in tail)
    return reached, tuple(a.at for a in tail)


def party_restriction(
    rule: PartyRestrictionRule,
    account: Account,
    attempt: Attempt,
    history: History,
    at: datetime,
    tz: ZoneInfo,
) -> Block | None:
    mode = rule.params.mode
    if mode == "never":
        return Block(None)
    if mode == "suppressed":
        return Block(None) if attempt.party_id in account.suppressed_parties else None
    if mode == "lost_contact_gate":
        unreachable, evidence = _borrower_unreachable(history, at, rule.params.failed_attempts)
        return None if unreachable else Block(None, evidence)
    # once_per_person: a third party may be reached once for location information
    first = history.party(attempt.party_id).first_with((Outcome.CONNECTED, Outcome.DELIVERED), before=at)
    return None if first is None else Block(None, (datetime.fromtimestamp(first, tz),))


def state_hold(
    rule: StateHoldRule, account: Account, attempt: Attempt, history: History, at: datetime, tz: ZoneInfo
) -> Block | None:
    return Block(None) if account.states.intersection(rule.params.states) else None


def quiet_hours(
    rule: QuietHoursRule, account: Account, attempt: Attempt, history: History, at: datetime, tz: ZoneInfo
) -> Block | None:
    """Denied inside hours the person asked not to be contacted in, on the days they hold (周末别打:
    Saturday and Sunday only), until they end: a window that starts where another ends extends the
    wait, across midnight too (18:00-24:00 and 00:00-09:00, or a whole weekend)."""
    if not account.quiet_windows:  # nearly every account: nothing to look at
        return None
    windows = [w for party, w in account.quiet_windows if party == attempt.party_id]
    local = at.astimezone(tz)
    day, clock = local.date(), local.time()
    inside = [w for w in windows if w.on(day) and w.contains(clock)]
    if not inside:
        return None
    end = max(w.end for w in inside)
    # each step takes a later end on the day or moves to the next day: at most every window once per
    # day, and a week of days when every one is closed from midnight (then the block has no end)
    for _ in range(2 * len(windows) + 9):
        if end == time.max:
            following = [w.end for w in windows if w.start == time(0) and w.on(day + timedelta(days=1))]
            if not following:
                return Block(lt.local_midnight(day + timedelta(days=1), tz))
            day, end = day + timedelta(days=1), max(following)
            continue
        later = [w.end for w in windows if w.on(day) and w.contains(end) and w.end > end]
        if not later:
            break
        end = max(later)
    return Block(None if end == time.max else lt.local_instant(day, end, tz))


def channel_opt_out(
    rule: OptOutRule, account: Account, attempt: Attempt, history: History, at: datetime, tz: ZoneInfo
) -> Block | None:
    return Block(None) if (attempt.party_id, attempt.channel) in account.opted_out else None


Evaluator = Callable[..., Block | None]

EVALUATORS: dict[str, Evaluator] = {
    "time_window": time_window,
    "frequency_cap": frequency_cap,
    "wait_after_conversation": wait_after_conversation,
    "party_restriction": party_restriction,
    "state_hold": state_hold,
    "channel_opt_out": channel_opt_out,
    "quiet_hours": quiet_hours,
}
