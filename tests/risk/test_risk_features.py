"""Factor values from constructed account histories, and monotonicity in the events."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collectguard.errors import ValidationError
from collectguard.model import Channel, Outcome, PartyRole
from collectguard.policy import load_pack
from collectguard.risk import RiskAccount, assess_account, load_risk_settings, risk_factors
from collectguard.wellbeing import ContactRecord, MessageRecord, ReplyRecord

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 3, 10, 20, 0, tzinfo=CST)
CN = (load_pack("cn"),)
US = (load_pack("us-regf"),)
MODEL = load_risk_settings()
ACCOUNT = RiskAccount("acc1", "Asia/Shanghai")


def call(at: datetime, outcome: Outcome = Outcome.CONNECTED, **kw: object) -> ContactRecord:
    return ContactRecord("c1", "acc1", at, 60, Channel.CALL, outcome, **kw)  # type: ignore[arg-type]


def day(k: int, hour: int, minute: int = 0) -> datetime:
    """``k`` days before NOW's date, at a local clock time."""
    return (NOW - timedelta(days=k)).replace(hour=hour, minute=minute)


def factors(contacts=(), replies=(), messages=(), account=ACCOUNT, packs=CN, now=NOW) -> dict[str, float]:
    return risk_factors(account, contacts, replies, messages, packs=packs, settings=MODEL, now=now)


PRESSURE = [
    # (name, contacts, expected pressure)
    ("no contacts", [], 0.0),
    (
        "3 connected a day for 7 days is the cap every day",
        [call(day(k, 10 + h)) for k in range(7) for h in range(3)],
        1.0,
    ),
    ("3 connected on one day only", [call(day(0, 10 + h)) for h in range(3)], 1 / 7),
    ("6 unanswered on one day", [call(day(2, 9 + h), Outcome.NO_ANSWER) for h in range(6)], 1 / 7),
    (
        "3 unanswered on one day is half the cap",
        [call(day(2, 9 + h), Outcome.NO_ANSWER) for h in range(3)],
        0.5 / 7,
    ),
    ("a day outside the window is ignored", [call(day(7, 10 + h)) for h in range(3)], 0.0),
    ("after now is ignored", [call(NOW + timedelta(minutes=m)) for m in (10, 20, 30)], 0.0),
    (
        "calls to two parties count apart",
        [call(day(0, 10), party_id="p1"), call(day(0, 11), party_id="p2")],
        (1 / 3) / 7,
    ),
]


@pytest.mark.parametrize(("name", "contacts", "expected"), PRESSURE, ids=[p[0] for p in PRESSURE])
def test_contact_pressure(name, contacts, expected) -> None:
    assert factors(contacts)["contact_pressure"] == pytest.approx(expected)


def test_us_pressure_uses_seven_in_seven() -> None:
    contacts = [call(day(k, 10), Outcome.VOICEMAIL) for k in range(7)]
    assert factors(contacts, packs=US)["contact_pressure"] == pytest.approx(sum(range(1, 8)) / 7 / 7)


# (local clock, counts as a near miss of cn 08:00–22:00 with a 30-minute margin)
NEAR = [
    ((7, 59), True),
    ((8, 29), True),
    ((8, 30), False),
    ((12, 0), False),
    ((21, 29), False),
    ((21, 30), True),
    ((22, 15), True),
]


@pytest.mark.parametrize(("clock", "near"), NEAR, ids=[f"{h:02}:{m:02}" for (h, m), _ in NEAR])
def test_quiet_hours_near_miss_boundaries(clock, near) -> None:
    assert factors([call(day(1, *clock))])["quiet_hours_near_miss"] == (1.0 if near else 0.0)


def test_near_miss_is_in_the_borrowers_zone() -> None:
    # 09:00 in Beijing is 20:00 the evening before in New York: near the 21:00 end there
    at = day(1, 9)
    ny = RiskAccount("acc1", "America/New_York")
    assert factors([call(at)], account=ny, packs=US)["quiet_hours_near_miss"] == 1.0
    assert factors([call(at)])["quiet_hours_near_miss"] == 0.0


def reply(k: int, *signals: str) -> ReplyRecord:
    return ReplyRecord("acc1", day(k, 12), frozenset(signals), "c1")


SIGNALS = [
    ("anger counts in the lookback", [reply(1, "anger"), reply(29, "anger")], "anger", 2.0),
    ("anger before the lookback does not", [reply(31, "anger")], "anger", 0.0),
    ("complaint intent", [reply(3, "complaint_intent", "anger")], "complaint_intent", 1.0),
    ("a recent dispute is unresolved", [reply(2, "dispute")], "unresolved_dispute", 1.0),
    ("an old dispute signal alone is not", [reply(20, "dispute")], "unresolved_dispute", 0.0),
    ("hardship is not anger", [reply(1, "hardship")], "anger", 0.0),
]


@pytest.mark.parametrize(("name", "replies", "factor", "expected"), SIGNALS, ids=[s[0] for s in SIGNALS])
def test_reply_signals(name, replies, factor, expected) -> None:
    assert factors(replies=replies)[factor] == expected


def test_disputed_state_is_unresolved_dispute() -> None:
    disputed = RiskAccount("acc1", "Asia/Shanghai", states=frozenset({"disputed"}))
    assert factors(account=disputed)["unresolved_dispute"] == 1.0


def test_warn_and_block_findings_count_pass_does_not() -> None:
    msgs = [MessageRecord("acc1", day(1, 10), v) for v in ("pass", "warn", "block")]
    assert factors(messages=msgs)["warn_findings"] == 2.0


def test_account_figures_pass_through_and_bad_ones_are_refused() -> None:
    acc = RiskAccount("acc1", "Asia/Shanghai", overdue_days=95, overdue_amount=12000, earlier_complaints=2)
    vals = factors(account=acc)
    assert (vals["overdue_days"], vals["overdue_amount"], vals["earlier_complaints"]) == (95, 12000, 2)
    with pytest.raises(ValidationError):
        RiskAccount("a", "Mars/Olympus")
    with pytest.raises(ValidationError):
        RiskAccount("a", "Asia/Shanghai", overdue_days=-1)


def test_a_calm_account_scores_low_and_a_heated_one_high() -> None:
    calm = assess_account(ACCOUNT, [call(day(3, 11))], packs=CN, now=NOW)
    heated = assess_account(
        RiskAccount("acc1", "Asia/Shanghai", overdue_days=120, earlier_complaints=1),
        [call(day(k, 21, 45)) for k in range(5)] + [call(day(k, 10 + h)) for k in range(5) for h in range(2)],
        [reply(1, "anger"), reply(0, "complaint_intent")],
        [MessageRecord("acc1", day(1, 10), "warn")],
        packs=CN,
        now=NOW,
    )
    assert calm.level == "low" and heated.level == "high"
    assert heated.top[0].id == "complaint_intent"


events = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 23), st.sampled_from(list(Outcome)[:5])), max_size=25
)


@settings(max_examples=60)
@given(
    events,
    events,
    st.lists(st.sampled_from(["anger", "complaint_intent", "dispute", "hardship"]), max_size=6),
)
def test_adding_events_never_lowers_any_factor_or_the_score(base, extra, signals) -> None:
    before_contacts = [call(day(k, h), o) for k, h, o in base]
    after_contacts = before_contacts + [call(day(k, h), o) for k, h, o in extra]
    replies = [reply(i % 10, s) for i, s in enumerate(signals)]
    before = factors(before_contacts)
    after = factors(after_contacts, replies)
    assert all(after[k] >= before[k] for k in before)
    s_before = assess_account(ACCOUNT, before_contacts, packs=CN, now=NOW).raw_score
    s_after = assess_account(ACCOUNT, after_contacts, replies, packs=CN, now=NOW).raw_score
    assert s_after >= s_before


def test_party_role_filter_of_caps() -> None:
    # the connected cap applies to the borrower; a guarantor's calls do not fill it
    g = [call(day(0, 10 + h), party_role=PartyRole.GUARANTOR) for h in range(3)]
    assert factors(g)["contact_pressure"] == 0.0
