"""Regenerate docs/screenshots/*.png: every dashboard page at 1366×768, as each role sees it.

Starts ``collectguard demo`` on a free port with a fresh temporary database, signs in
as the demo users and photographs the pages with Debian's Chromium (never a downloaded
browser). Usage: ``python scripts/screenshots.py [--out docs/screenshots] [--accounts 120]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
THREAT = "王先生，再不还钱就上门找你，让你在小区里抬不起头！"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_demo(db: Path, port: int, accounts: int) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """``collectguard demo`` in the background; returns the process and the printed passwords."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "collectguard",
            "demo",
            "--db",
            str(db),
            "--port",
            str(port),
            "--accounts",
            str(accounts),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "HOME": str(db.parent)},
    )
    passwords: dict[str, str] = {}
    assert proc.stdout is not None
    deadline = time.monotonic() + 600
    line = ""
    for line in proc.stdout:
        m = re.match(r"│\s*(collector|supervisor|compliance|admin)\s*│\s*\w+\s*│\s*(\S+)\s*│", line)
        if m:
            passwords[m.group(1)] = m.group(2)
        if "/ui/login" in line or time.monotonic() > deadline:
            break
    if len(passwords) < 4:
        proc.kill()
        raise SystemExit(f"the demo did not start; its output ended with: {line.strip()}")
    wait_http(port)
    return proc, passwords


def wait_http(port: int, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the demo server did not start on port {port}")


def login(page: Page, base: str, user: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/ui/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def shoot(page: Page, out: Path, name: str) -> None:
    page.screenshot(path=str(out / f"{name}.png"), full_page=False)
    print(f"wrote {out / name}.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--accounts", type=int, default=120)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        proc, pw = start_demo(Path(tmp) / "demo.db", port, args.accounts)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                page.goto(f"{base}/ui/login")
                shoot(page, args.out, "login")
                login(page, base, "collector", pw["collector"])
                page.click("[data-testid=worklist] li a >> nth=0")
                page.wait_for_load_state("networkidle")
                account_url = page.url
                page.fill("#composer", THREAT)
                page.wait_for_selector("[data-testid=findings] li", timeout=10000)
                page.locator("[data-testid=composer]").scroll_into_view_if_needed()
                shoot(page, args.out, "workbench-composer")
                page.goto(account_url)
                shoot(page, args.out, "workbench")
                page.goto(account_url + "&lang=en")
                shoot(page, args.out, "workbench-en")
                page.goto(f"{base}/ui/rules?lang=zh")
                shoot(page, args.out, "rules")
                login(page, base, "supervisor", pw["supervisor"])
                for name in ("qa", "alerts", "risk", "stats", "wellbeing"):
                    page.goto(f"{base}/ui/{name}")
                    shoot(page, args.out, name)
                page.goto(f"{base}/ui/alerts")
                crisis = page.locator("tr.crisis-row a")
                if crisis.count():
                    crisis.first.click()
                    page.wait_for_load_state("networkidle")
                    page.locator("[data-testid=playbook]").scroll_into_view_if_needed()
                    shoot(page, args.out, "playbook")
                login(page, base, "compliance", pw["compliance"])
                page.goto(f"{base}/ui/audit")
                page.click("[data-testid=verify]")
                page.wait_for_load_state("networkidle")
                shoot(page, args.out, "audit")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
