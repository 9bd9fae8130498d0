"""Properties of the engine that must hold for any history, time and pack order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collectguard.model import Account, AccountState, Attempt, Channel, Outcome, PartyRole
from collectguard.policy import History, decide, load_pack

PACKS = (load_pack("cn"), load_pack("us-regf"))
ZONES = ["Asia/Shanghai", "America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Urumqi"]
START = datetime(2026, 3, 1, tzinfo=UTC)

instants = st.integers(min_value=0, max_value=60 * 24 * 40).map(lambda m: START + timedelta(minutes=m))
roles = st.sampled_from([PartyRole.BORROWER, PartyRole.EMERGENCY_CONTACT, PartyRole.GUARANTOR])
channels = st.sampled_from(list(Channel))
outcomes = st.sampled_from([o for o in Outcome if o is not Outcome.PENDING])


@st.composite
def attempts(draw, outcome=True):
    """A past attempt (with an outcome; sometimes another account's on the same number) or a proposal."""
    role = draw(roles)
    return Attempt(
        at=draw(instants),
        party_role=role,
        party_id=f"{role}-{draw(st.integers(0, 1))}",
        channel=draw(channels),
        outcome=draw(outcomes) if outcome else None,
        linked=draw(st.booleans()) if outcome else False,
    )


accounts = st.builds(
    lambda zones, states: Account(timezones=tuple(zones), states=frozenset(states)),
    st.lists(st.sampled_from(ZONES), min_size=1, max_size=2, unique=True),
    st.sets(st.sampled_from([AccountState.PAID, AccountState.DISPUTED]), max_size=1),
)
pack_sets = st.lists(st.sampled_from(PACKS), min_size=1, max_size=2, unique_by=lambda p: p.name)

settings.register_profile(
    "engine", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("engine")


@given(pack_sets, accounts, st.lists(attempts(), max_size=40), attempts(outcome=False))
def test_asking_again_at_next_allowed_at_is_allowed(packs, account, past, attempt):
    history = History(past)
    decision = decide(packs, account, history, attempt)
    if decision.allowed or decision.next_allowed_at is None:
        return
    assert decision.next_allowed_at > attempt.at
    later = Attempt(
        at=decision.next_allowed_at,
        party_role=attempt.party_role,
        party_id=attempt.party_id,
        channel=attempt.channel,
    )
    assert decide(packs, account, history, later).allowed


@given(
    pack_sets,
    accounts,
    st.lists(attempts(), max_size=30),
    st.lists(attempts(), max_size=10),
    attempts(outcome=False),
)
def test_more_history_never_turns_a_cap_denial_into_an_allowance(packs, account, past, extra, attempt):
    before = decide(packs, account, History(past), attempt)
    capped = {d.rule_id for d in before.denials if d.kind in ("frequency_cap", "wait_after_conversation")}
    if not capped:
        return
    after = decide(packs, account, History(past + extra), attempt)
    assert not after.allowed
    assert capped <= set(after.rules)


@given(accounts, st.lists(attempts(), max_size=30), attempts(outcome=False))
def test_pack_order_does_not_matter(account, past, attempt):
    history = History(past)
    one = decide(PACKS, account, history, attempt)
    other = decide(tuple(reversed(PACKS)), account, history, attempt)
    assert one.to_dict() == other.to_dict()


@given(pack_sets, accounts, st.lists(attempts(), max_size=30), attempts(outcome=False))
def test_next_allowed_at_is_the_earliest_allowed_minute(packs, account, past, attempt):
    """No whole minute strictly between the attempt and next_allowed_at is allowed."""
    history = History(past)
    decision = decide(packs, account, history, attempt)
    if decision.allowed or decision.next_allowed_at is None:
        return
    gap = decision.next_allowed_at - attempt.at
    step = max(timedelta(minutes=1), gap / 50)
    probe = attempt.at + step
    while probe < decision.next_allowed_at:
        again = Attempt(
            at=probe, party_role=attempt.party_role, party_id=attempt.party_id, channel=attempt.channel
        )
        assert not decide(packs, account, history, again).allowed, probe
        probe += step
