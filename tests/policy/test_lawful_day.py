"""Hours a person asks us to avoid, against the lawful day they leave open."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from collectguard.model.contact import LAWFUL_DAY, OPEN_AT_LEAST, LocalWindow, closes_lawful_day, window_text


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


_windows = st.lists(
    st.tuples(st.integers(0, 1439), st.integers(1, 1440)).filter(lambda w: w[0] < w[1]),
    max_size=4,
)


@given(_windows)
def test_a_stop_is_what_leaves_under_two_lawful_hours(windows: list[tuple[int, int]]) -> None:
    """The sweep agrees with counting the open minutes of 08:00-21:00 one by one."""
    closed = {m for start, end in windows for m in range(start, end)}
    left = sum(1 for m in range(*LAWFUL_DAY) if m not in closed)
    as_text = [(_clock(a), _clock(b)) for a, b in windows]
    assert closes_lawful_day(as_text) == (left < OPEN_AT_LEAST)


def test_known_requests() -> None:
    assert not closes_lawful_day([])
    assert not closes_lawful_day([("00:00", "10:00")])  # 早上十点之前别打: eleven hours left
    assert not closes_lawful_day([("00:00", "08:00"), ("19:00", "24:00")])  # evenings and nights: eleven
    assert closes_lawful_day([("00:00", "12:00"), ("12:00", "24:00")])  # before noon or after it: none
    assert closes_lawful_day([("07:00", "20:00")])  # one hour left
    assert not closes_lawful_day([("09:00", "19:00")])  # 08:00-09:00 and 19:00-21:00: three hours


def test_a_window_written_reads_back_the_same() -> None:
    for start, end in (("00:00", "10:00"), ("21:30", "24:00")):
        assert LocalWindow.from_text(window_text(start, end)) == LocalWindow.parse(start, end)
