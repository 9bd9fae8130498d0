"""Decisions per second and per-decision latency of the contact engine.

A borrower with a 1,000-event history (calls, messages, emergency contacts over
three months) under the `cn` and `us-regf` packs together; attempts are spread over
a day so every rule kind is exercised, allowed and denied.

    python bench/contact_bench.py [--events 1000] [--decisions 50000] [--linked 0.0]

``--linked`` is the share of the history made on other accounts that reached the same
numbers (counted only by the caps scoped to the number).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from collectguard.model import Account, Attempt, Channel, Outcome, PartyRole
from collectguard.policy import History, decide, load_pack


def build_history(events: int, rng: random.Random, end: datetime, linked: float = 0.0) -> History:
    parties = [
        (PartyRole.BORROWER, "borrower"),
        (PartyRole.EMERGENCY_CONTACT, "ec1"),
        (PartyRole.GUARANTOR, "g1"),
    ]
    outcomes = [Outcome.CONNECTED, Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.DELIVERED]
    attempts = []
    for _ in range(events):
        role, pid = parties[0] if rng.random() < 0.8 else rng.choice(parties[1:])
        attempts.append(
            Attempt(
                at=end - timedelta(minutes=rng.randrange(90 * 24 * 60)),
                party_role=role,
                party_id=pid,
                channel=rng.choice([Channel.CALL, Channel.CALL, Channel.SMS, Channel.WECHAT]),
                outcome=rng.choice(outcomes),
                linked=linked > 0 and rng.random() < linked,
            )
        )
    return History(attempts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--decisions", type=int, default=50_000)
    parser.add_argument("--linked", type=float, default=0.0)
    args = parser.parse_args()
    rng = random.Random(7)
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    packs = (load_pack("cn"), load_pack("us-regf"))
    account = Account(timezones=("Asia/Shanghai",), id="bench")
    history = build_history(args.events, rng, now, args.linked)
    proposals = [
        Attempt(
            at=now + timedelta(minutes=rng.randrange(24 * 60)),
            party_role=PartyRole.BORROWER if rng.random() < 0.8 else PartyRole.EMERGENCY_CONTACT,
            party_id="borrower" if rng.random() < 0.8 else "ec1",
            channel=rng.choice(list(Channel)),
        )
        for _ in range(1000)
    ]
    for p in proposals[:200]:  # warm caches (zone lookups, compiled packs)
        decide(packs, account, history, p)

    latencies = []
    allowed = 0
    start = time.perf_counter()
    for i in range(args.decisions):
        t0 = time.perf_counter_ns()
        decision = decide(packs, account, history, proposals[i % len(proposals)])
        latencies.append(time.perf_counter_ns() - t0)
        allowed += decision.allowed
    wall = time.perf_counter() - start
    latencies.sort()
    p50 = latencies[len(latencies) // 2] / 1000
    p99 = latencies[int(len(latencies) * 0.99)] / 1000
    print(
        f"history: {args.events} events ({len(history)} own); packs: cn + us-regf; "
        f"decisions: {args.decisions} ({allowed} allowed)"
    )
    print(f"throughput: {args.decisions / wall:,.0f} decisions/s on one core")
    print(f"latency: p50 {p50:,.1f} µs, p99 {p99:,.1f} µs, mean {statistics.fmean(latencies) / 1000:,.1f} µs")


if __name__ == "__main__":
    main()
