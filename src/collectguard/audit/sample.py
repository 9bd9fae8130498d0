"""A realistic synthetic contact log, so anyone can try the audit and the benchmarks.

Vectorised with NumPy and Polars, so ten million events take seconds, not hours. The
log has a daily rhythm in the borrower's local time (busy late morning and
afternoon, a little before 08:00 and after 22:00), fewer contacts at weekends and a
peak after the due date, several agencies, aggressive collectors who redial within
minutes and call late, borrowers in US zones (daylight saving included) and some
whose zone is uncertain (several candidates), account states such as a dispute that
collectors sometimes ignore, and messages drawn from templates with a small share
that breaks content rules. The same seed gives the same log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq
import pydantic
import yaml

from collectguard.audit.ingest import log_format
from collectguard.errors import DataFileError

_CHUNK = 1_000_000
_EVENTS_PER_ACCOUNT = 25
_ZONES = [
    ("Asia/Shanghai", 0.86),
    ("Asia/Urumqi", 0.02),
    ("America/New_York", 0.03),
    ("America/Chicago", 0.015),
    ("America/Los_Angeles", 0.025),
    ("America/New_York;America/Los_Angeles", 0.02),
    ("Asia/Shanghai;America/Los_Angeles", 0.03),
]
# relative contact volume per local hour 00..23: the working rhythm of a collection floor
_HOURS = [0, 0, 0, 0, 0, 0, 0.03, 0.25, 2, 6, 8, 7, 3.5, 4.5, 7, 8, 7, 5, 3.5, 4.5, 3.5, 2, 0.25, 0.03]
_HOURS_AGGRESSIVE = [0.2, 0, 0, 0, 0, 0, 0.3, 1.5, 3, 6, 8, 7, 3.5, 4.5, 7, 8, 7, 5, 3.5, 4.5, 4, 3, 1.5, 0.6]
_ROLES = (["borrower", "emergency_contact", "guarantor", "third_party"], [0.925, 0.03, 0.04, 0.005])
_CHANNELS = (["call", "sms", "wechat"], [0.72, 0.22, 0.06])
_CALL_OUTCOMES = (
    ["connected", "no_answer", "voicemail", "busy", "invalid_number"],
    [0.3, 0.45, 0.1, 0.1, 0.05],
)
_STATES = ["disputed", "complaint_open", "crisis", "cease_requested"]
_AGENCIES = ["in-house", "AG-Hangzhou", "AG-Chengdu", "AG-Wuhan", "AG-Dallas"]
#: how a message names its sender, per agency id
_AGENCY_NAMES = {
    "in-house": "贷后管理中心",
    "AG-Hangzhou": "杭州某资产管理公司",
    "AG-Chengdu": "成都某信息咨询公司",
    "AG-Wuhan": "武汉某商务服务公司",
    "AG-Dallas": "Dallas Recovery Services",
}
_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")


class _Violating(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    category: str
    text: str


class _Templates(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    compliant: list[str] = pydantic.Field(min_length=1)
    violating: list[_Violating] = pydantic.Field(min_length=1)
    replies: list[str] = pydantic.Field(min_length=1)


@dataclass(frozen=True, slots=True)
class SampleOptions:
    events: int
    seed: int = 7
    days: int = 90
    start: date = date(2026, 1, 5)
    text: bool = True
    #: share of messages from ordinary / aggressive collectors that break a content rule
    violating_share: float = 0.01
    aggressive_share: float = 0.08


@lru_cache(maxsize=1)
def templates() -> _Templates:
    path = Path(str(resources.files("collectguard") / "data" / "audit" / "messages.yaml"))
    try:
        return _Templates.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise DataFileError(f"{path.name}: field {where}: {err['msg']}", field=where) from exc


def write_sample(out: Path, options: SampleOptions) -> int:
    """Write ``options.events`` events to ``out`` (format from its suffix); return the count."""
    fmt = log_format(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(options.seed)
    chunks = max(1, -(-options.events // _CHUNK))
    written = 0
    writer: pq.ParquetWriter | None = None
    try:
        with out.open("wb") as fh:
            for c in range(chunks):
                n = min(_CHUNK, options.events - written)
                frame = _chunk(rng, c, n, options)
                if fmt == "parquet":
                    table = frame.to_arrow()
                    writer = writer or pq.ParquetWriter(fh, table.schema, compression="zstd")
                    writer.write_table(table)
                elif fmt == "csv":
                    frame.write_csv(fh, include_header=c == 0)
                else:
                    frame.write_ndjson(fh)
                written += n
            if writer is not None:
                writer.close()
                writer = None
    finally:
        if writer is not None:
            writer.close()
    return written


def _pick(rng: np.random.Generator, choices: tuple[list[str], list[float]], n: int) -> np.ndarray:
    values, weights = choices
    p = np.asarray(weights, dtype=float)
    return np.asarray(values, dtype=object)[rng.choice(len(values), size=n, p=p / p.sum())]


def _chunk(rng: np.random.Generator, c: int, n: int, o: SampleOptions) -> pl.DataFrame:
    """``n`` events over a block of accounts of their own, in time order."""
    accounts = max(1, n // _EVENTS_PER_ACCOUNT)
    zone_names = [z for z, _ in _ZONES]
    zone_p = np.array([w for _, w in _ZONES])
    acct_zone = rng.choice(len(_ZONES), size=accounts, p=zone_p / zone_p.sum())
    acct_agency = rng.choice(len(_AGENCIES), size=accounts, p=[0.4, 0.2, 0.15, 0.15, 0.1])
    # US borrowers are worked by the US agency, the others by the Chinese floor
    us = np.array(["America" in zone_names[z].split(";")[0] for z in acct_zone])
    acct_agency = np.where(us, len(_AGENCIES) - 1, np.minimum(acct_agency, len(_AGENCIES) - 2))
    per_agency = 12
    acct_collector = acct_agency * per_agency + rng.integers(0, per_agency, size=accounts)
    aggressive = rng.random(len(_AGENCIES) * per_agency) < o.aggressive_share
    # a few accounts draw most of the contact: lognormal weights
    weight = rng.lognormal(0, 1.0, size=accounts)
    base_n = n  # enough contacts to start from; redials push past n and the tail is cut
    base_acct = rng.choice(accounts, size=base_n, p=weight / weight.sum())
    base_agg = aggressive[acct_collector[base_acct]]
    redials = np.where(base_agg, rng.poisson(1.0, base_n), rng.poisson(0.15, base_n))
    acct = np.repeat(base_acct, redials + 1)[:n]
    starts = np.zeros(len(redials) + 1, dtype=np.int64)
    starts[1:] = np.cumsum(redials + 1)
    is_first = np.zeros(starts[-1], dtype=bool)
    is_first[starts[:-1]] = True
    is_first = is_first[:n]
    base_index = np.repeat(np.arange(base_n), redials + 1)[:n]
    m = len(acct)
    collector = acct_collector[acct]
    agg = aggressive[collector]
    # the day: weekdays busier, a peak in the days after the 5th (a common due date)
    day_index = np.arange(o.days)
    dow = np.array([date.fromordinal(o.start.toordinal() + int(d)).weekday() for d in day_index])
    day_w = np.where(dow >= 5, 0.55, 1.0) * np.where(
        np.isin([(date.fromordinal(o.start.toordinal() + int(d)).day) for d in day_index], range(6, 12)),
        1.3,
        1.0,
    )
    day_of_base = rng.choice(o.days, size=base_n, p=day_w / day_w.sum())
    hours_p = np.array(_HOURS) / sum(_HOURS)
    hours_a = np.array(_HOURS_AGGRESSIVE) / sum(_HOURS_AGGRESSIVE)
    hour_of_base = np.where(
        base_agg, rng.choice(24, size=base_n, p=hours_a), rng.choice(24, size=base_n, p=hours_p)
    )
    second_of_base = day_of_base * 86_400 + hour_of_base * 3600 + rng.integers(0, 3600, size=base_n)
    gaps = np.where(agg, rng.integers(20, 600, size=m), rng.integers(290, 2400, size=m))
    gaps[is_first] = 0
    csum = np.cumsum(gaps)
    offset = csum - csum[np.flatnonzero(is_first)][np.cumsum(is_first) - 1]
    local_seconds = second_of_base[base_index] + offset
    role = _pick(rng, _ROLES, m)
    role = np.where(agg & (rng.random(m) < 0.03), "third_party", role)
    channel = np.where(is_first, _pick(rng, _CHANNELS, m), "call")  # redials are calls
    call_outcome = _pick(rng, _CALL_OUTCOMES, m)
    msg_outcome = np.where(rng.random(m) < 0.95, "delivered", "undelivered")
    outcome = np.where(channel == "call", call_outcome, msg_outcome)
    suffix = np.select(
        [role == "borrower", role == "guarantor", role == "emergency_contact"],
        ["B", "G", np.where(rng.random(m) < 0.5, "E1", "E2")],
        default=np.char.add("T", rng.integers(1, 30, size=m).astype(str)).astype(object),
    )
    account_ids = np.char.add(f"ACC{c:03d}-", np.char.zfill(acct.astype(str), 7))
    # a few accounts enter a state (dispute, complaint …) from some day on
    state_of = np.where(rng.random(accounts) < 0.04, rng.integers(0, len(_STATES), size=accounts), -1)
    state_from = rng.integers(0, o.days, size=accounts) * 86_400
    has_state = (state_of[acct] >= 0) & (local_seconds >= state_from[acct])
    names = np.asarray(_STATES, dtype=object)[np.maximum(state_of[acct], 0)]
    states = [name if flag else None for name, flag in zip(names.tolist(), has_state.tolist(), strict=True)]
    frame = pl.DataFrame(
        {
            "account_id": account_ids.astype(str),
            "timezone": np.asarray(zone_names)[acct_zone[acct]],
            "party_role": role.astype(str),
            "party_id": np.char.add(np.char.add(account_ids, "-"), suffix.astype(str)),
            "channel": channel.astype(str),
            "outcome": outcome.astype(str),
            "local_seconds": local_seconds,
            "collector_id": np.char.add("C", np.char.zfill(collector.astype(str), 3)),
            "agency_id": np.asarray(_AGENCIES)[acct_agency[acct]],
            "states": pl.Series(states, dtype=pl.String),
            "violating": rng.random(m) < np.where(agg, o.violating_share * 8, o.violating_share),
        }
    )
    frame = _stamp(frame, o.start)
    if o.text:
        frame = frame.with_columns(pl.Series("text", _texts(rng, frame), dtype=pl.String))
    else:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("text"))
    return frame.sort("_utc").select(
        "account_id",
        "timezone",
        "party_role",
        "party_id",
        "channel",
        "outcome",
        "started_at",
        "collector_id",
        "agency_id",
        "text",
        "states",
    )


def _stamp(frame: pl.DataFrame, start: date) -> pl.DataFrame:
    """Local wall-clock seconds → an instant (DST-correct) → ISO-8601 in the borrower's zone."""
    origin = pl.datetime(start.year, start.month, start.day)
    frame = frame.with_columns(
        pl.col("timezone").str.split(";").list.first().alias("_zone"),
        (origin + pl.duration(seconds=pl.col("local_seconds"))).alias("_local"),
    )
    parts = []
    for (zone_name,), part in frame.group_by("_zone", maintain_order=True):
        local = pl.col("_local").dt.replace_time_zone(
            str(zone_name), ambiguous="earliest", non_existent="null"
        )
        # a wall time in the spring-forward gap does not exist: the dialer logs it an hour later
        shifted = (pl.col("_local") + pl.duration(hours=1)).dt.replace_time_zone(
            str(zone_name), ambiguous="earliest", non_existent="null"
        )
        part = part.with_columns(pl.coalesce(local, shifted).alias("_at"))
        parts.append(
            part.with_columns(
                pl.col("_at").dt.strftime("%Y-%m-%dT%H:%M:%S%:z").alias("started_at"),
                pl.col("_at").dt.convert_time_zone("UTC").dt.replace_time_zone(None).alias("_utc"),
            ).drop("_at")
        )
    return pl.concat(parts)


def _texts(rng: np.random.Generator, frame: pl.DataFrame) -> list[str | None]:
    t = templates()
    channel = frame.get_column("channel").to_list()
    outcome = frame.get_column("outcome").to_list()
    bad = frame.get_column("violating").to_list()
    agency = frame.get_column("agency_id").to_list()
    n = frame.height
    pick_ok = rng.integers(0, len(t.compliant), size=n)
    pick_bad = rng.integers(0, len(t.violating), size=n)
    names = rng.integers(0, len(_SURNAMES), size=n)
    amounts = rng.integers(3, 400, size=n) * 50
    due = rng.integers(1, 28, size=n)
    replies = rng.integers(0, len(t.replies), size=n)
    out: list[str | None] = []
    for i in range(n):
        # messages and connected calls (a transcript line) carry text; other calls do not
        if channel[i] == "call" and outcome[i] != "connected":
            out.append(None)
            continue
        template = t.violating[pick_bad[i]].text if bad[i] else t.compliant[pick_ok[i]]
        message = template.format(
            name=_SURNAMES[names[i]],
            amount=int(amounts[i]),
            date=f"{int(due[i])}日",
            agency=_AGENCY_NAMES.get(agency[i], agency[i]),
        )
        # a connected call is logged as a short transcript; a message as itself
        out.append(f"催收员：{message}\n借款人：{t.replies[replies[i]]}" if channel[i] == "call" else message)
    return out


__all__ = ["SampleOptions", "templates", "write_sample"]
