"""Rich tables of an audit's summary for the terminal (Chinese first, English beside)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table

from collectguard.audit.run import AuditResult

_TOP_DAYS = 14


def _pairs(title: str, key: str, rows: list[tuple[str, int]], total: int) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column("违规 violations", justify="right")
    table.add_column("占比 share", justify="right")
    for k, n in rows:
        table.add_row(k, f"{n:,}", f"{n / total:.1%}" if total else "—")
    return table


def summary_tables(result: AuditResult) -> Group:
    s = result.summary
    total = result.violations
    overview = Table(title="审计概览 Audit overview", title_justify="left", show_header=False)
    overview.add_column()
    overview.add_column(justify="right")
    overview.add_row("日志行 log rows", f"{result.rows:,}")
    overview.add_row("已审计 audited", f"{result.audited:,}")
    overview.add_row("拒收 rejected records", f"{result.rejects.records:,}")
    overview.add_row("违规 violations", f"{total:,}")
    overview.add_row("已筛查文本 texts screened", f"{result.screened:,}")
    overview.add_row("用时 seconds", f"{result.seconds:,.1f}")
    if result.seconds:
        overview.add_row("速率 rows/s", f"{result.audited / result.seconds:,.0f}")
    rules = Table(title="按规则 By rule", title_justify="left")
    for column in ("规则 rule", "违规 violations", "依据 citation"):
        rules.add_column(column, justify="right" if column.startswith("违规") else "left", overflow="fold")
    for rule, citation, n in s.by_rule:
        rules.add_row(rule, f"{n:,}", citation)
    days = s.by_day if len(s.by_day) <= _TOP_DAYS else sorted(s.by_day, key=lambda p: -p[1])[:_TOP_DAYS]
    parts: list[Table] = [
        overview,
        rules,
        _pairs("按机构 By agency", "机构 agency", s.by_agency, total),
        _pairs("按催收员（前列） By collector (top)", "催收员 collector", s.by_collector, total),
        _pairs(
            "按日（最多的几天） By day" if len(s.by_day) > _TOP_DAYS else "按日 By day",
            "日期 day",
            days,
            total,
        ),
    ]
    if result.rejects.reasons:
        rejects = Table(title="拒收原因 Rejected records (see rejects.jsonl)", title_justify="left")
        for column in ("列 column", "原因 reason", "数量 count"):
            rejects.add_column(column)
        for column, why, n in result.rejects.reasons[:10]:
            rejects.add_row(column, why, f"{n:,}")
        parts.append(rejects)
    if s.changes_by_rule or s.changes_by_agency:
        whatif = Table(title="假设分析 What-if: newly denied / allowed", title_justify="left")
        for column in ("规则 rule", "新增禁止 newly denied", "新增允许 newly allowed"):
            whatif.add_column(column)
        for rule, d, a in s.changes_by_rule:
            whatif.add_row(rule, f"{d:,}", f"{a:,}")
        team = Table(title="假设分析（按机构） What-if by team", title_justify="left")
        for column in ("机构 agency", "新增禁止 newly denied", "新增允许 newly allowed"):
            team.add_column(column)
        for agency, d, a in s.changes_by_agency:
            team.add_row(agency, f"{d:,}", f"{a:,}")
        parts += [whatif, team]
    return Group(*parts)


__all__ = ["summary_tables"]
