"""Borrower replies change account state, and the contact engine then decides accordingly.

Each row: a reply, the pack, an attempt made after it, and what the engine must say.
Before the reply the same attempt is allowed, so the denial comes from the reply alone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from collectguard.model import Account, Attempt, Channel, PartyRole
from collectguard.policy import History, decide, load_packs
from collectguard.policy.transitions import apply_changes, transitions
from collectguard.text.signals import analyze_reply, detect

CST = timezone(timedelta(hours=8))
EST = timezone(timedelta(hours=-5))
NOON_CN = datetime(2026, 11, 24, 12, 0, tzinfo=CST)
NOON_US = datetime(2026, 11, 24, 12, 0, tzinfo=EST)


def _account(pack: str) -> Account:
    return Account(timezones=("Asia/Shanghai",) if pack == "cn" else ("America/New_York",))


def _attempt(pack: str, channel: str = "call", party: str = "borrower") -> Attempt:
    return Attempt(
        at=NOON_CN if pack == "cn" else NOON_US, party_role=PartyRole(party), channel=Channel(channel)
    )


def _after_reply(text: str, pack: str) -> tuple[Account, tuple]:
    changes = analyze_reply(text, packs=(pack,)).state_changes
    return apply_changes(_account(pack), changes), changes


DENIED = [
    # reply, pack, channel, party, the rule that must deny
    ("对不起，我真的尽力了，以后不用找我了", "cn", "call", "borrower", "cn.hold.crisis"),
    ("他说要跳楼", "cn", "sms", "borrower", "cn.hold.crisis"),
    ("我不想活了", "cn", "call", "guarantor", "cn.hold.crisis"),
    ("I can't go on, there's no point anymore", "us-regf", "email", "borrower", "us.regf.crisis"),
    ("这笔钱不是我借的", "cn", "call", "borrower", "cn.hold.dispute"),
    ("I don't owe this", "us-regf", "call", "borrower", "us.regf.dispute_hold"),
    ("我要去12378投诉你们", "cn", "sms", "borrower", "cn.hold.complaint"),
    ("请停止催收，只接受书面沟通", "cn", "call", "borrower", "cn.hold.cease"),
    ("Stop contacting me", "us-regf", "call", "borrower", "us.regf.cease"),
    ("别再打电话了", "cn", "call", "borrower", "cn.medium_optout"),
    ("Stop calling me", "us-regf", "call", "borrower", "us.regf.medium_optout"),
    ("Talk to my attorney", "us-regf", "call", "borrower", "us.regf.attorney"),
    # one channel kept: every other is refused (the kept one stays open: ALLOWED_ELSEWHERE)
    (
        "Please text me only, I can't take calls at the shop",
        "us-regf",
        "call",
        "borrower",
        "us.regf.medium_optout",
    ),
    ("以后只接受邮件沟通", "cn", "sms", "borrower", "cn.medium_optout"),
]


@pytest.mark.parametrize(("text", "pack", "channel", "party", "rule"), DENIED, ids=[r[0] for r in DENIED])
def test_reply_then_contact_is_denied_by_the_pack_rule(text, pack, channel, party, rule):
    packs = load_packs([pack])
    attempt = _attempt(pack, channel, party)
    assert decide(packs, _account(pack), History(), attempt).allowed, "allowed before the reply"
    account, _ = _after_reply(text, pack)
    decision = decide(packs, account, History(), attempt)
    assert not decision.allowed
    assert rule in decision.rules
    denial = next(d for d in decision.denials if d.rule_id == rule)
    assert denial.citation and denial.message_zh and denial.message_en


def test_crisis_hold_names_no_time_only_a_supervisor_clears_it():
    account, changes = _after_reply("我真的不想活了", "cn")
    decision = decide(load_packs(["cn"]), account, History(), _attempt("cn"))
    assert decision.rules == ["cn.hold.crisis"]
    assert decision.next_allowed_at is None
    (change,) = changes
    assert change.state == "crisis" and change.min_hold_hours == 72 and change.supervisor_clears


def test_crisis_hold_is_configurable():
    (change,) = transitions(detect("我真的不想活了"), crisis_hold_hours=120)
    assert change.min_hold_hours == 120


ALLOWED_ELSEWHERE = [
    # a channel opt-out stops that channel only; the pack still allows another lawful one
    ("别再打电话了", "cn", "sms"),
    ("Stop calling me", "us-regf", "email"),
    # the cn cease hold covers the borrower only (cn.hold.cease applies to borrowers)
    ("只接受书面沟通", "cn", "call"),
    # one channel kept: that one stays open
    ("Please text me only, I can't take calls at the shop", "us-regf", "sms"),
    ("以后只接受邮件沟通", "cn", "email"),
    # two requests for hours are kept as asked: the hour between them (noon here) stays open
    ("上午别打电话，下午1点以后也别打电话", "cn", "call"),
]


@pytest.mark.parametrize(("text", "pack", "channel"), ALLOWED_ELSEWHERE)
def test_limited_requests_leave_other_contact_allowed(text, pack, channel):
    account, _ = _after_reply(text, pack)
    party = "guarantor" if "书面" in text else "borrower"
    assert decide(load_packs([pack]), account, History(), _attempt(pack, channel, party)).allowed


@pytest.mark.parametrize(
    ("text", "pack"),
    [("我失业了，能不能分期还", "cn"), ("I lost my job, can we set up a payment plan", "us-regf")],
)
def test_hardship_is_an_offer_not_a_hold(text, pack):
    account, changes = _after_reply(text, pack)
    assert changes and all(c.state is None and c.offer == "installments" for c in changes)
    assert account.states == frozenset()
    assert decide(load_packs([pack]), account, History(), _attempt(pack)).allowed


def test_place_request_is_recorded_not_a_channel_opt_out():
    account, changes = _after_reply("别打我单位电话", "cn")
    (change,) = changes
    assert change.place == "workplace" and change.opt_out_channel is None and change.state is None
    assert account.opted_out == frozenset()


def test_attorney_in_cn_sets_the_state_under_firm_policy():
    _, changes = _after_reply("我已经委托律师了", "cn")
    (change,) = changes
    assert change.state == "attorney_represented" and change.rule == "policy.attorney" and change.citation


def test_negated_or_neutral_replies_change_nothing():
    for text in ("我不会投诉的", "好的，明天转账", "I'm not going to file a complaint"):
        assert transitions(detect(text), packs=("cn", "us-regf")) == ()
