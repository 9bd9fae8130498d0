"""Small inline SVG charts, so the report opens offline with nothing fetched."""

from __future__ import annotations

from html import escape

_FONT = "font-family=\"system-ui, -apple-system, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif\""


def hbars(items: list[tuple[str, float]], *, width: int = 560, color: str = "#c0392b", unit: str = "") -> str:
    """Horizontal bars, largest first as given; labels left, values right."""
    if not items:
        return '<p class="empty">无数据 no data</p>'
    bar_h, gap, label_w, value_w = 20, 6, 210, 70
    height = len(items) * (bar_h + gap) + gap
    peak = max(v for _, v in items) or 1
    span = width - label_w - value_w
    rows = []
    for i, (label, value) in enumerate(items):
        y = gap + i * (bar_h + gap)
        w = max(1.0, span * value / peak)
        text = label if len(label) <= 30 else label[:29] + "…"
        rows.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end" font-size="12">{escape(text)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{color}">'
            f"<title>{escape(label)}: {value:,.0f}{unit}</title></rect>"
            f'<text x="{label_w + w + 6:.1f}" y="{y + 14}" font-size="12" fill="#333">{value:,.0f}{unit}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" {_FONT} role="img">{"".join(rows)}</svg>'
    )


def timeline(
    points: list[tuple[str, int]],
    totals: dict[str, int] | None = None,
    *,
    width: int = 940,
    height: int = 240,
) -> str:
    """Violations per day as columns, with the share of contacts that violated as a line."""
    if not points:
        return '<p class="empty">无数据 no data</p>'
    left, right, top, bottom = 56, 56, 16, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(n for _, n in points) or 1
    step = plot_w / len(points)
    bars, line = [], []
    rates = [(n / totals[d]) if totals and totals.get(d) else None for d, n in points]
    peak_rate = max((r for r in rates if r is not None), default=0) or 1
    for i, (day, n) in enumerate(points):
        x = left + i * step
        h = plot_h * n / peak
        bars.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{top + plot_h - h:.1f}" width="{max(step * 0.8, 0.8):.1f}" '
            f'height="{h:.1f}" fill="#c0392b" opacity="0.8"><title>{escape(day)}: {n:,}</title></rect>'
        )
        rate = rates[i]
        if rate is not None:
            line.append(f"{x + step / 2:.1f},{top + plot_h - plot_h * rate / peak_rate:.1f}")
    ticks = []
    every = max(1, len(points) // 8)
    for i in range(0, len(points), every):
        x = left + i * step + step / 2
        ticks.append(
            f'<text x="{x:.1f}" y="{height - 12}" font-size="11" text-anchor="middle">{escape(points[i][0][5:])}</text>'
        )
    axes = (
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>'
        f'<text x="{left - 6}" y="{top + 10}" font-size="11" text-anchor="end">{peak:,}</text>'
        f'<text x="{left - 6}" y="{top + plot_h}" font-size="11" text-anchor="end">0</text>'
    )
    rate_line = ""
    if line:
        rate_line = (
            f'<polyline points="{" ".join(line)}" fill="none" stroke="#2c3e50" stroke-width="1.5"/>'
            f'<text x="{left + plot_w + 6}" y="{top + 10}" font-size="11">{peak_rate:.1%}</text>'
            f'<text x="{left + plot_w + 6}" y="{top + plot_h}" font-size="11">0%</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" {_FONT} role="img">{axes}{"".join(bars)}{rate_line}{"".join(ticks)}</svg>'
    )


__all__ = ["hbars", "timeline"]
