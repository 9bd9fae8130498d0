"""Screenshot an audit report in headless Chromium for the README.

Usage: python scripts/screenshot_report.py [REPORT.html] [--out docs/screenshots/audit_report.png]
Without a report, it writes a sample log, audits it and screenshots that report.
Uses the system's Chromium (Debian ``chromium``); it never downloads a browser.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def _sample_report(work: Path) -> Path:
    from collectguard.audit import AuditOptions, audit_log
    from collectguard.audit.sample import SampleOptions, write_sample

    log = work / "contacts.csv"
    write_sample(log, SampleOptions(events=50_000, seed=7))
    overlay = Path(__file__).resolve().parent.parent / "examples" / "overlays" / "cn-end-21h.yaml"
    audit_log(log, work / "audit", AuditOptions(packs=("cn",), compare=(str(overlay),)))
    return work / "audit" / "report.html"


def screenshot(report: Path, out: Path, *, width: int = 1200) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed (Debian: apt-get install chromium)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(report.resolve().as_uri())
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots/audit_report.png"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = args.report or _sample_report(Path(tmp))
        screenshot(report, args.out)
    print(f"screenshot → {args.out}")


if __name__ == "__main__":
    main()
