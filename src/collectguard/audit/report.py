"""The audit's self-contained HTML report: inline SVG charts, no script, nothing fetched."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from collectguard.__about__ import __version__
from collectguard.audit.svg import hbars, timeline

if TYPE_CHECKING:
    from collectguard.audit.run import AuditOptions, AuditResult


def _template() -> jinja2.Template:
    text = (resources.files("collectguard") / "data" / "audit" / "report.html.j2").read_text(encoding="utf-8")
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(text)


def render_report(result: AuditResult, options: AuditOptions) -> str:
    s = result.summary
    days = sorted(result.contacts_by_day)
    by_day = dict(s.by_day)
    team_rates = [
        (agency or "—", contacts, n := dict(s.by_agency).get(agency or "—", 0), f"{100 * n / contacts:.1f}")
        for agency, contacts in sorted(result.contacts_by_agency.items())
        if contacts
    ]
    return _template().render(
        r=result,
        s=s,
        version=__version__,
        log_name=result.log.name,
        packs=", ".join(options.packs),
        compare=", ".join(options.compare),
        days_span=f"{days[0]} – {days[-1]}" if days else "",
        rate=f"{s.violating_rows / result.audited:.1%}" if result.audited else "—",
        timeline=timeline([(d, by_day.get(d, 0)) for d in days], result.contacts_by_day),
        by_rule=hbars([(rule, n) for rule, _, n in s.by_rule]),
        by_agency=hbars([(k, n) for k, n in s.by_agency], color="#e67e22"),
        by_collector=hbars([(k, n) for k, n in s.by_collector[:10]], color="#8e44ad"),
        top_accounts=hbars([(k, n) for k, n in s.top_accounts], color="#2c3e50"),
        by_category=hbars([(k, n) for k, n in s.by_category], color="#16a085") if s.by_category else "",
        team_rates=team_rates,
        whatif_denied=hbars([(k, d) for k, d, _ in s.changes_by_rule if d], color="#c0392b"),
        whatif_allowed=hbars([(k, a) for k, _, a in s.changes_by_rule if a], color="#27ae60"),
    )


def write_report(result: AuditResult, options: AuditOptions, path: Path) -> None:
    path.write_text(render_report(result, options), encoding="utf-8")


__all__ = ["render_report", "write_report"]
