"""Benchmark: wellbeing figures and complaint-risk scores for a team over a month.

    python bench/wellbeing_bench.py [--collectors 500] [--days 22] [--seed 7]

Data: a deterministic synthetic team (collectguard.wellbeing.synthetic); no real
contact logs exist in the repository. Prints timings and the spread of figures, advice
and scores, so a change of threshold or weight shows its effect on a whole team.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

from collectguard.policy import load_pack
from collectguard.risk import assess_account, load_risk_settings
from collectguard.wellbeing import assess_team, load_thresholds
from collectguard.wellbeing.synthetic import synthetic_team

CST = timezone(timedelta(hours=8))


def _q(values: list[float]) -> str:
    if not values:
        return "—"
    qs = statistics.quantiles(values, n=10, method="inclusive")
    return f"median {statistics.median(values):.1f}  p10 {qs[0]:.1f}  p90 {qs[-1]:.1f}  max {max(values):.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--collectors", type=int, default=500)
    ap.add_argument("--days", type=int, default=22, help="working days (a month is about 22)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    t0 = time.perf_counter()
    team = synthetic_team(
        args.collectors, args.days, start=datetime(2026, 3, 2, 9, 0, tzinfo=CST), seed=args.seed
    )
    gen = time.perf_counter() - t0
    print(f"synthetic team: {args.collectors} collectors x {args.days} working days, seed {args.seed}")
    print(
        f"  {len(team.contacts):,} contacts, {len(team.replies):,} replies with signals, "
        f"{len(team.messages):,} warned messages, {len(team.accounts):,} accounts (generated in {gen:.1f} s)"
    )

    # the generated records live to the end: keep the cyclic collector from rescanning them
    gc.collect()
    gc.freeze()
    thresholds = load_thresholds()
    now = team.contacts[-1].ended_at + timedelta(minutes=1)
    t0, c0 = time.perf_counter(), time.process_time()
    report = assess_team(team.contacts, team.replies, thresholds=thresholds, now=now)
    wb, wb_cpu = time.perf_counter() - t0, time.process_time() - c0
    shifts = [s for r in report.values() for s in r.shifts]
    print("\nwellbeing (assess_team: all collectors, all shifts, all advice)")
    print(
        f"  {wb:.2f} s wall ({wb_cpu:.2f} s CPU); {len(team.contacts) / wb:,.0f} contacts/s; "
        f"{1000 * wb / len(report):.1f} ms per collector-month; {len(shifts):,} shifts"
    )
    for name in (
        "contacts_per_hour",
        "talk_minutes_per_hour",
        "longest_stretch_minutes",
        "hostile_contacts",
        "shift_hours",
    ):
        print(f"  {name:<26} {_q([s.figures.figure(name) for s in shifts])}")
    print(f"  {'hostile_share_pct (period)':<26} {_q([r.period.hostile_share_pct for r in report.values()])}")
    print(f"  {'after_hours_hours (period)':<26} {_q([r.period.after_hours_hours for r in report.values()])}")
    advice = Counter(a.threshold_id for s in shifts for a in s.advice)
    period_advice = Counter(a.threshold_id for r in report.values() for a in r.period_advice)
    print("  advice given (share of shifts):")
    for tid, n in sorted(advice.items()):
        print(f"    {tid:<22} {n:>7,}  {100 * n / len(shifts):5.1f}%")
    for tid, n in sorted(period_advice.items()):
        print(f"    {tid:<22} {n:>7,}  {100 * n / len(report):5.1f}% of collectors (period)")

    packs = (load_pack("cn"),)
    model = load_risk_settings()
    by_acc: dict[str, list] = defaultdict(list)
    rep_acc: dict[str, list] = defaultdict(list)
    msg_acc: dict[str, list] = defaultdict(list)
    for c in team.contacts:
        by_acc[c.account_id].append(c)
    for r in team.replies:
        rep_acc[r.account_id].append(r)
    for m in team.messages:
        msg_acc[m.account_id].append(m)
    t0, c0 = time.perf_counter(), time.process_time()
    scores = [
        assess_account(
            a,
            by_acc[a.account_id],
            rep_acc[a.account_id],
            msg_acc[a.account_id],
            packs=packs,
            now=now,
            settings=model,
        )
        for a in team.accounts
    ]
    rk, rk_cpu = time.perf_counter() - t0, time.process_time() - c0
    print("\ncomplaint risk (assess_account for every account, pack cn)")
    print(f"  {rk:.2f} s wall ({rk_cpu:.2f} s CPU); {1e6 * rk / len(scores):,.0f} µs per account")
    values = [s.raw_score for s in scores]
    print(f"  score {_q(values)}")
    levels = Counter(s.level for s in scores)
    print(
        "  levels: "
        + ", ".join(f"{k} {100 * levels[k] / len(scores):.1f}%" for k in ("low", "medium", "high"))
    )
    tops = Counter(s.top[0].id for s in scores if s.top)
    print("  leading factor: " + ", ".join(f"{k} {v:,}" for k, v in tops.most_common()))


if __name__ == "__main__":
    main()
