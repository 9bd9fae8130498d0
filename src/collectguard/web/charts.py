"""Charts as inline SVG, drawn on the server: no script, no CDN, readable in a screenshot."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

__all__ = ["bars_by_day", "horizontal_bars"]

_FONT = "font-family:inherit;font-size:11px;fill:#475569"


def _nice_max(value: float) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step:
            return step
    return int(value) + 1


def bars_by_day(
    days: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int]]],
    *,
    width: int = 620,
    height: int = 220,
    title: str = "",
) -> Markup:
    """Grouped bars, one group per day; ``series`` is (label, colour, values per day)."""
    left, bottom, top = 36, 28, 24
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = _nice_max(max([1, *(v for _, _, values in series for v in values)]))
    n = max(1, len(days))
    group = plot_w / n
    bar = max(2.0, (group - 4) / max(1, len(series)))
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i in range(5):
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e2e8f0"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" style="{_FONT}">{peak * i // 4}</text>'
        )
    for d, day in enumerate(days):
        x0 = left + d * group + 2
        for s, (label, colour, values) in enumerate(series):
            v = values[d] if d < len(values) else 0
            h = plot_h * v / peak
            parts.append(
                f'<rect x="{x0 + s * bar:.1f}" y="{top + plot_h - h:.1f}" width="{bar - 1:.1f}" '
                f'height="{h:.1f}" fill="{colour}" rx="1.5"><title>{escape(day)} {escape(label)}: {v}</title></rect>'
            )
        if n <= 16 or d % 2 == 0:
            parts.append(
                f'<text x="{x0 + group / 2 - 2:.1f}" y="{height - 10}" text-anchor="middle" '
                f'style="{_FONT}">{escape(day[5:])}</text>'
            )
    lx = left
    for label, colour, _ in series:
        parts.append(f'<rect x="{lx}" y="6" width="10" height="10" fill="{colour}" rx="2"/>')
        parts.append(f'<text x="{lx + 14}" y="15" style="{_FONT}">{escape(label)}</text>')
        lx += 24 + 12 * len(label)
    parts.append("</svg>")
    return Markup("".join(parts))


def horizontal_bars(
    rows: Sequence[tuple[str, int]], *, colour: str = "#b45309", width: int = 620, title: str = ""
) -> Markup:
    """One labelled bar per row, largest first as given."""
    row_h, label_w = 26, 170
    height = max(1, len(rows)) * row_h + 8
    peak = max([1, *(v for _, v in rows)])
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_h
        w = (width - label_w - 50) * value / peak
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" style="{_FONT};font-size:12px">'
            f"{escape(label)}</text>"
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}" rx="2"/>'
        )
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" style="{_FONT}">{value}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
