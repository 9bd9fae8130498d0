"""Caps scoped to the phone number count other accounts' attempts (``Attempt.linked``); the rest do not.

``cn.burst``, ``cn.unanswered_daily_cap`` and ``cn.connected_daily_cap`` are about the
phone that rings, so a second loan or a second role on the same number must not double
them. Regulation F's 7-in-7 is per particular debt and stays per account.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from collectguard.errors import OverlayLoosensError, ValidationError
from collectguard.model import Account, Attempt, Channel, Outcome, PartyRole
from collectguard.policy import History, RulePack, decide, load_pack, number_channels, number_lookback
from collectguard.policy.scenario import parse_scenario, simulate

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
#: Monday 2026-03-02, 10:00 in Shanghai
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
CN = (load_pack("cn"),)
REGF = (load_pack("us-regf"),)
CN_ACCOUNT = Account(timezones=("Asia/Shanghai",), id="acc-a")
US_ACCOUNT = Account(timezones=("America/New_York",), id="acc-a")


def _call(
    at: datetime,
    outcome: Outcome | None = Outcome.NO_ANSWER,
    *,
    linked: bool = False,
    party: str = "b1",
    role: PartyRole = PartyRole.BORROWER,
) -> Attempt:
    return Attempt(
        at=at, party_role=role, channel=Channel.CALL, party_id=party, outcome=outcome, linked=linked
    )


def test_every_cn_cap_is_scoped_to_the_number_and_regf_stays_per_account():
    scopes = {
        r.id: r.spec.params.scope for p in (*CN, *REGF) for r in p.rules if r.spec.kind == "frequency_cap"
    }
    assert scopes == {
        "cn.burst": "number",
        "cn.unanswered_daily_cap": "number",
        "cn.connected_daily_cap": "number",
        "us.regf.7in7.calls": "account",
    }


def test_a_call_on_another_account_to_the_same_number_starts_the_burst_window():
    history = History([_call(T0 - timedelta(minutes=2), linked=True)])
    decision = decide(CN, CN_ACCOUNT, history, _call(T0, None))
    assert decision.rules == ["cn.burst"]
    assert decision.next_allowed_at == T0 + timedelta(minutes=3)
    assert decision.denials[0].evidence == (T0 - timedelta(minutes=2),)


def test_unanswered_calls_add_up_across_accounts():
    own = [_call(T0 - timedelta(minutes=10 * i)) for i in range(1, 4)]
    linked = [_call(T0 - timedelta(minutes=10 * i + 5), linked=True) for i in range(1, 4)]
    assert decide(CN, CN_ACCOUNT, History(own), _call(T0, None)).allowed
    decision = decide(CN, CN_ACCOUNT, History(own + linked), _call(T0, None))
    assert decision.rules == ["cn.unanswered_daily_cap"]
    assert decision.next_allowed_at == datetime(2026, 3, 3, 8, 0, tzinfo=SHANGHAI)  # midnight, then cn.hours


def test_connected_calls_to_the_borrower_add_up_across_accounts():
    history = History([_call(T0 - timedelta(hours=h), Outcome.CONNECTED, linked=h != 1) for h in (1, 2, 3)])
    assert decide(CN, CN_ACCOUNT, history, _call(T0, None)).rules == ["cn.connected_daily_cap"]


def test_regf_seven_in_seven_is_per_debt_even_on_one_phone():
    # Seven calls about another debt to the same phone leave this debt's seven untouched...
    at = datetime(2026, 3, 9, 10, 0, tzinfo=NEW_YORK)
    other_debt = [_call(at - timedelta(days=d, hours=1), linked=True) for d in range(7)]
    assert decide(REGF, US_ACCOUNT, History(other_debt), _call(at, None)).allowed
    # ...and this debt's own seven still deny.
    this_debt = [_call(at - timedelta(days=d, hours=2)) for d in range(7)]
    decision = decide(REGF, US_ACCOUNT, History(other_debt + this_debt), _call(at, None))
    assert decision.rules == ["us.regf.7in7.calls"]
    assert len(decision.denials[0].evidence) == 7


def test_linked_attempts_never_feed_rules_about_this_account():
    # A conversation about another debt does not start this debt's 7-day wait (1006.14(b)(2)(i)(B)).
    at = datetime(2026, 3, 9, 10, 0, tzinfo=NEW_YORK)
    talked = History([_call(at - timedelta(days=2), Outcome.CONNECTED, linked=True)])
    assert decide(REGF, US_ACCOUNT, talked, _call(at, None)).allowed
    # Another account's failed calls do not make this borrower "unreachable" for the gate.
    failed = History([_call(T0 - timedelta(hours=h), linked=True) for h in (1, 2, 3)])
    ec = _call(T0, None, party="ec1", role=PartyRole.EMERGENCY_CONTACT)
    assert decide(CN, CN_ACCOUNT, failed, ec).rules == ["cn.third_party.lost_contact_gate"]


def test_linked_attempts_count_for_their_party_only():
    # a linked call reached the borrower's number; the emergency contact's number is another one
    history = History([_call(T0 - timedelta(minutes=1), linked=True)])
    ec = _call(T0, None, party="ec1", role=PartyRole.EMERGENCY_CONTACT)
    assert "cn.burst" not in decide(CN, CN_ACCOUNT, history, ec).rules


def test_a_history_keeps_linked_attempts_out_of_its_own_series():
    own, linked = _call(T0 - timedelta(minutes=3)), _call(T0 - timedelta(minutes=2), linked=True)
    later = _call(T0 - timedelta(minutes=1))
    history = History([own, linked])
    history.add(later)  # an own attempt after the number series exists reaches both
    assert list(history) == [own, later] and len(history) == 2
    assert history.party("b1").between(T0 - timedelta(hours=1), T0) == [own, later]
    assert history.number("b1").between(T0 - timedelta(hours=1), T0) == [own, linked, later]
    assert history.role(PartyRole.BORROWER).between(T0 - timedelta(hours=1), T0) == [own, later]
    plain = History([own])
    assert plain.number("b1") is plain.party("b1")  # no linked attempt: no second series


def test_with_outcome_keeps_the_link():
    assert _call(T0, None, linked=True).with_outcome(Outcome.BUSY).linked


def test_an_overlay_may_widen_a_cap_to_the_number(tmp_path: Path):
    overlay = tmp_path / "regf-number.yaml"
    overlay.write_text(
        "overlay: per-number\nbase: us-regf\nversion: '1'\n"
        "changes:\n  - id: us.regf.7in7.calls\n    params: {scope: number}\n",
        encoding="utf-8",
    )
    pack = load_pack(overlay)
    assert pack.rule("us.regf.7in7.calls").spec.params.scope == "number"
    at = datetime(2026, 3, 9, 10, 0, tzinfo=NEW_YORK)
    other_debt = History([_call(at - timedelta(days=d, hours=1), linked=True) for d in range(7)])
    assert decide((pack,), US_ACCOUNT, other_debt, _call(at, None)).rules == ["us.regf.7in7.calls"]


def test_an_overlay_may_not_narrow_a_cap_from_the_number_to_the_account(tmp_path: Path):
    overlay = tmp_path / "narrow.yaml"
    overlay.write_text(
        "overlay: narrow\nbase: cn\nversion: '1'\n"
        "changes:\n  - id: cn.unanswered_daily_cap\n    params: {scope: account, limit: 5}\n",
        encoding="utf-8",
    )
    with pytest.raises(OverlayLoosensError, match=r"cn\.unanswered_daily_cap field params\.scope") as info:
        load_pack(overlay)
    assert info.value.field == "params.scope"


def test_a_pack_without_a_scope_counts_per_account(tmp_path: Path):
    pack_file = tmp_path / "plain.yaml"
    pack_file.write_text(
        "pack: plain\nversion: '1'\ntitle_zh: 测试\ntitle_en: test\ntimezones: [Asia/Shanghai]\nrules:\n"
        "  - id: plain.burst\n    kind: frequency_cap\n    citation: test\n    confidence: policy\n"
        "    message_zh: 测试\n    message_en: test\n"
        "    params: {limit: 1, window: {rolling_minutes: 5}}\n",
        encoding="utf-8",
    )
    pack = load_pack(pack_file)
    assert pack.rule("plain.burst").spec.params.scope == "account"
    history = History([_call(T0 - timedelta(minutes=1), linked=True)])
    assert decide((pack,), CN_ACCOUNT, history, _call(T0, None)).allowed


# --- how far back the linked history must reach ------------------------------------------


def _pack(tmp_path: Path, window: str, scope: str) -> RulePack:
    path = tmp_path / "p.yaml"
    path.write_text(
        f"""
pack: p
version: "test"
title_zh: 测试
title_en: test
timezones: [Asia/Shanghai]
rules:
  - id: test.cap
    kind: frequency_cap
    params: {{limit: 2, window: {window}, scope: {scope}}}
    citation: test
    confidence: policy
    message_zh: 测试
    message_en: test
""",
        encoding="utf-8",
    )
    return load_pack(path)


def test_the_linked_reach_is_the_longest_cap_on_the_number(tmp_path: Path):
    # cn: a five-minute burst and two one-day caps on the number; a calendar day starts at a
    # local midnight, up to a local day before the instant, hence the spare day
    assert number_lookback(CN) == timedelta(days=2)
    assert number_lookback(REGF) is None  # 7-in-7 is per debt: no linked read at all
    assert number_lookback((*REGF, *CN)) == timedelta(days=2)
    rolling = _pack(tmp_path, "{rolling_minutes: 90}", "number")
    assert number_lookback((rolling,)) == timedelta(minutes=90)
    assert number_lookback((_pack(tmp_path, "{calendar_days: 7}", "account"),)) is None
    assert number_lookback((_pack(tmp_path, "{calendar_days: 7}", "number"), rolling)) == timedelta(days=8)


def test_number_channels_are_what_the_caps_on_the_number_count():
    assert number_channels(CN) == {Channel.CALL}
    assert number_channels(REGF) == frozenset()  # no cap counts the number: nothing is read


def test_linked_attempts_on_channels_no_number_cap_counts_change_no_decision():
    """The snapshot leaves out linked attempts on channels no cap on the number counts."""
    rng = random.Random(5)
    account = Account(timezones=("Asia/Shanghai",), id="acc-a")
    others = [c for c in Channel if c not in number_channels(CN)]
    assert others
    start = T0
    own = [_call(start + timedelta(minutes=rng.randrange(2 * 24 * 60)), Outcome.CONNECTED) for _ in range(3)]
    linked = [
        Attempt(
            at=start + timedelta(minutes=rng.randrange(2 * 24 * 60)),
            party_role=PartyRole.BORROWER,
            channel=rng.choice(others),
            party_id="b1",
            outcome=Outcome.DELIVERED,
            linked=True,
        )
        for _ in range(60)
    ]
    for _ in range(100):
        at = start + timedelta(minutes=rng.randrange(24 * 60, 2 * 24 * 60))
        past = [a for a in own if a.at < at]
        full = History(past + [a for a in linked if a.at < at])
        for proposed in (_call(at, None), replace(linked[0], at=at, linked=False, outcome=None)):
            assert decide(CN, account, History(past), proposed) == decide(CN, account, full, proposed), at


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York"])
def test_linked_attempts_older_than_the_reach_change_no_decision(zone: str):
    """The snapshot reads linked attempts only back to ``number_lookback``: every decision,
    next_allowed_at included, must be the one the whole linked history gives (DST days too)."""
    rng = random.Random(11)
    tz = ZoneInfo(zone)
    account = Account(timezones=(zone,), id="acc-a")
    reach = number_lookback(CN)
    assert reach is not None
    outcomes = [Outcome.CONNECTED, Outcome.NO_ANSWER, Outcome.BUSY, Outcome.VOICEMAIL]
    # around both of New York's 2026 clock changes, and an ordinary week
    for start in (datetime(2026, 3, 6, tzinfo=tz), datetime(2026, 10, 30, tzinfo=tz), T0.astimezone(tz)):
        own = [
            _call(start + timedelta(minutes=rng.randrange(4 * 24 * 60)), rng.choice(outcomes))
            for _ in range(6)
        ]
        linked = [
            _call(start + timedelta(minutes=rng.randrange(4 * 24 * 60)), rng.choice(outcomes), linked=True)
            for _ in range(40)
        ]
        for _ in range(150):
            at = start + timedelta(minutes=rng.randrange(2 * 24 * 60, 4 * 24 * 60))
            past = [a for a in own if a.at < at]
            full = History(past + [a for a in linked if a.at < at])
            read = History(past + [a for a in linked if at - reach <= a.at < at])
            proposed = _call(at, None)
            assert decide(CN, account, read, proposed) == decide(CN, account, full, proposed), at


def _scenario(
    history: list[dict[str, object]], attempt: dict[str, object] | None = None
) -> dict[str, object]:
    call = {"at": "2026-03-02T09:02:00+08:00", "party": "borrower", "channel": "call"}
    return {
        "rulepack": "cn",
        "account": {"timezone": "Asia/Shanghai"},
        "history": history,
        "attempts": [attempt or call],
    }


def test_a_scenario_history_entry_may_be_linked():
    before = {
        "at": "2026-03-02T09:00:00+08:00",
        "party": "borrower",
        "channel": "call",
        "outcome": "no_answer",
    }
    linked = parse_scenario(_scenario([{**before, "linked": True}]))
    assert [a.linked for a in linked.history] == [True]
    (denied,) = simulate(linked.packs, linked.account, linked.attempts, history=linked.history)
    assert denied.rules == ["cn.burst"]
    own = parse_scenario(
        _scenario([{**before, "linked": False}, {**before, "at": "2026-03-02T08:00:00+08:00"}])
    )
    assert [a.linked for a in own.history] == [False, False]


@pytest.mark.parametrize("value", ["true", 1, None, [True]])
def test_linked_is_a_json_boolean(value: object):
    entry = {"at": "2026-03-02T09:00:00+08:00", "party": "borrower", "channel": "call", "linked": value}
    with pytest.raises(ValidationError) as raised:
        parse_scenario(_scenario([entry]))
    assert raised.value.field == "history[0].linked"


def test_a_proposed_attempt_may_not_be_linked():
    attempt = {"at": "2026-03-02T09:02:00+08:00", "party": "borrower", "channel": "call", "linked": True}
    with pytest.raises(ValidationError, match="linked is only for history") as raised:
        parse_scenario(_scenario([], attempt))
    assert raised.value.field == "attempts[0].linked"
