"""Figures on constructed shifts: splitting, breaks, exposure de-duplication, open shifts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wb_helpers import at, contact

from collectguard.errors import DataFileError, NaiveTimestampError, ValidationError
from collectguard.wellbeing import ReplyRecord, assess_collector, assess_team, load_thresholds, shift_figures

# (name, contact starts in minutes, expected shift count, expected longest stretch in minutes)
SPLITS = [
    ("gap just under shift gap stays one shift", [0, 1 + 179 - 0.01], 1, 1),
    ("gap of exactly shift gap starts a new shift", [0, 1 + 180], 2, 1),
    ("gap just under a break keeps the stretch", [0, 1 + 9.99], 1, 1 + 9.99 + 1),
    ("gap of exactly a break ends the stretch", [0, 1 + 10], 1, 1),
    ("three calls, no break", [0, 5, 10], 1, 11),
]


@pytest.mark.parametrize(("name", "starts", "shifts", "longest"), SPLITS, ids=[s[0] for s in SPLITS])
def test_shift_and_stretch_boundaries(name, starts, shifts, longest, thresholds) -> None:
    figs = shift_figures([contact(m) for m in starts], settings=thresholds.shift)
    assert len(figs) == shifts
    assert max(f.longest_stretch_minutes for f in figs) == pytest.approx(longest)


def test_reply_to_flagged_contact_is_one_event(thresholds) -> None:
    call = contact(0, hostile=True, id="k1")
    replies = [
        ReplyRecord("a1", at(0.5), frozenset({"anger"}), "c1", contact_id="k1"),
        ReplyRecord("a1", at(3), frozenset({"anger", "dispute"}), "c1"),
        ReplyRecord("a1", at(4), frozenset({"hardship"}), "c1"),
    ]
    (fig,) = shift_figures([call, contact(5)], replies, settings=thresholds.shift)
    assert fig.hostile_contacts == 2
    assert fig.hostile_max_per_hour == 2


def test_reply_between_shifts_counts_in_the_next_shift(thresholds) -> None:
    contacts = [contact(0), contact(600)]
    replies = [ReplyRecord("a1", at(300), frozenset({"distress_self_harm"}), "c1")]
    first, second = shift_figures(contacts, replies, settings=thresholds.shift)
    assert (first.crisis_contacts, second.crisis_contacts) == (0, 1)


def test_reply_reaches_its_contacts_collector(thresholds) -> None:
    team = assess_team(
        [contact(0, id="k1"), contact(0, collector_id="c2", id="k2")],
        [ReplyRecord("a1", at(1), frozenset({"anger"}), None, contact_id="k2")],
        thresholds=thresholds,
    )
    assert list(team) == ["c1", "c2"]
    assert (team["c1"].period.hostile_contacts, team["c2"].period.hostile_contacts) == (0, 1)


def test_open_shift_extends_current_stretch_to_now(thresholds) -> None:
    contacts = [contact(m) for m in range(0, 50, 5)]
    (closed,) = shift_figures(contacts, settings=thresholds.shift)
    (running,) = shift_figures(contacts, settings=thresholds.shift, now=at(55))
    (after_break,) = shift_figures(contacts, settings=thresholds.shift, now=at(46 + 10))
    assert closed.current_stretch_minutes == 0 and closed.longest_stretch_minutes == pytest.approx(46)
    assert running.open and running.current_stretch_minutes == pytest.approx(55)
    assert running.longest_stretch_minutes == pytest.approx(55)
    assert not after_break.open and after_break.current_stretch_minutes == 0


def test_short_shift_rate_is_not_extrapolated(thresholds) -> None:
    (fig,) = shift_figures([contact(m, 0.5) for m in range(0, 10, 2)], settings=thresholds.shift)
    assert fig.contacts_per_hour == 5
    assert fig.talk_minutes_per_hour == pytest.approx(2.5)


def test_worked_time_includes_gaps_under_a_break(thresholds) -> None:
    (fig,) = shift_figures([contact(0, 1), contact(4, 1), contact(30, 2)], settings=thresholds.shift)
    # 4 (to the next start) + min(26, 10) + 2
    assert fig.worked_minutes == pytest.approx(16)


def test_no_contacts_gives_empty_figures(thresholds) -> None:
    report = assess_collector("nobody", [contact(0)], thresholds=thresholds)
    assert report.shifts == () and report.period.contacts == 0 and report.current_advice == ()


def test_to_dict_is_json_ready(thresholds) -> None:
    import json

    report = assess_collector("c1", [contact(0, 70)], thresholds=thresholds, now=at(75))
    body = report.to_dict()
    json.dumps(body)
    assert body["shifts"][0]["figures"]["open"] is True
    assert {a["advice"] for a in body["current_advice"]} >= {"take_break"}


def test_bad_records_are_refused() -> None:
    with pytest.raises(NaiveTimestampError):
        contact(0, started_at=at(0).replace(tzinfo=None))
    with pytest.raises(ValidationError):
        contact(0, -1)


@given(st.lists(st.tuples(st.floats(0, 3000), st.floats(0, 30), st.booleans()), min_size=1, max_size=40))
def test_adding_a_hostile_contact_never_lowers_exposure(rows) -> None:
    settings = load_thresholds().shift
    base = [contact(m, d, hostile=h) for m, d, h in rows]
    more = [*base, contact(rows[0][0] + 0.5, 1, hostile=True)]
    total = sum(f.hostile_contacts for f in shift_figures(base, settings=settings))
    assert sum(f.hostile_contacts for f in shift_figures(more, settings=settings)) == total + 1
    assert sum(f.contacts for f in shift_figures(base, settings=settings)) == len(base)


BROKEN = [
    ("unknown figure", "figure: happiness", "figure"),
    ("negative threshold", "at_least: -1", "at_least"),
    ("bad template", "message_en: '{nope}'", "message_en"),
]


@pytest.mark.parametrize(("name", "line", "field"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_threshold_file_names_file_entry_field(name, line, field, tmp_path) -> None:
    from collectguard.wellbeing.thresholds import default_path

    text = default_path().read_text(encoding="utf-8")
    key = line.split(":")[0]
    lines = text.splitlines()
    # replace the key's value in the first threshold entry (wb.break_now)
    first = next(i for i, t in enumerate(lines) if t.strip() == "- id: wb.break_now")
    idx = next(i for i in range(first, len(lines)) if lines[i].strip().startswith(f"{key}:"))
    lines[idx] = f"    {line}"
    path = tmp_path / "wb.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_thresholds(path)
    assert "wb.yaml" in str(info.value) and "wb.break_now" in str(info.value)
    assert field in str(info.value) or "(entry)" in str(info.value)


def test_shift_gap_must_exceed_break(tmp_path) -> None:
    from collectguard.wellbeing.thresholds import default_path

    text = default_path().read_text(encoding="utf-8").replace("break_minutes: 10", "break_minutes: 500")
    path = tmp_path / "wb.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="shift"):
        load_thresholds(path)


def test_event_lookup_crosses_shift_edges(thresholds) -> None:
    # a hostile reply exactly at the first shift's end belongs to the first shift
    contacts = [contact(0, 2), contact(400)]
    replies = [ReplyRecord("a1", at(0) + timedelta(minutes=2), frozenset({"anger"}), "c1")]
    first, second = shift_figures(contacts, replies, settings=thresholds.shift)
    assert (first.hostile_contacts, second.hostile_contacts) == (1, 0)


@pytest.mark.parametrize(("hours_later", "current"), [(None, True), (23, True), (25, False)])
def test_latest_shift_advice_is_current_for_a_day(thresholds, hours_later, current) -> None:
    crisis_call = contact(0, 5, crisis=True)
    now = None if hours_later is None else crisis_call.ended_at + timedelta(hours=hours_later)
    report = assess_collector("c1", [crisis_call], thresholds=thresholds, now=now)
    assert report.shifts[-1].advice  # the shift keeps its advice either way
    assert bool(report.current_advice) is current
