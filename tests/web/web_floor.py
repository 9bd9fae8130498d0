"""A real ``collectguard serve`` on a free port over a seeded temporary SQLite database.

The database is migrated and seeded in this process (the demo seeder with a small
floor), plus three accounts the browser tests know by heart: one whose borrower was
called three times today (blocked by the daily cap), one that may be called now (for the
crisis reply), and both with a known ID number that collectors must never see.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from collectguard.demo import reset_passwords, seed
from collectguard.demo.seed import WalkingClock
from collectguard.service import Actor, Service
from collectguard.settings import Settings
from collectguard.store import Database
from collectguard.store.migrate import upgrade

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
#: valid GB 11643 numbers (check digit correct), synthetic
KNOWN_IDS = {"blocked": "11010519491231002X", "open": "440524188001010014", "call": "370785197209053929"}


@dataclass(frozen=True)
class Floor:
    base: str
    passwords: dict[str, str]
    blocked: str  # account id
    open: str  # account id
    blocked_external: str
    open_external: str
    call: str  # account id of a borrower who may be called now


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def noon_zone(now: datetime) -> str:
    """An IANA ``Etc/GMT±N`` zone where it is about noon now, so the hours rule never interferes."""
    offset = 12 - now.hour
    if offset > 14:
        offset -= 24
    if offset < -12:
        offset += 24
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def _account(
    service: Service, external: str, zone: str, id_number: str, supervisor: Actor, *, n: int
) -> tuple[str, str]:
    # each known account is another person with numbers of their own: caps on the number
    # (cn.burst, the daily caps) count across accounts that share one
    view = service.create_account(
        {
            "external_id": external,
            "timezone": zone,
            "rulepacks": ["cn"],
            "parties": [
                {"role": "borrower", "name": "测试借款人", "phone": f"1391234567{n}", "id_number": id_number},
                {"role": "emergency_contact", "name": "测试联系人", "phone": f"1381234567{n}"},
            ],
        },
        actor=supervisor,
    )
    return view.id, next(p.id for p in view.parties if p.role == "borrower")


def _known_accounts(settings: Settings, now: datetime) -> tuple[str, str, str]:
    clock = WalkingClock(now - timedelta(hours=3))
    service = Service(settings, clock=clock)
    try:
        users = {u.name: u for u in service.list_users()}
        supervisor = Actor(users["supervisor"].id, "supervisor", "supervisor")
        collector = Actor(users["collector"].id, "collector", "collector")
        zone = noon_zone(now)
        blocked, party = _account(service, "LNTEST-BLOCKED", zone, KNOWN_IDS["blocked"], supervisor, n=1)
        for hours_ago in (3, 2, 1):
            clock.now = now - timedelta(hours=hours_ago)
            reservation = service.reserve_contact(blocked, party, "call", actor=collector)
            assert reservation.attempt_id is not None, reservation.decision
            clock.now += timedelta(minutes=5)
            service.complete_contact(reservation.attempt_id, "connected", actor=collector)
        open_id, _ = _account(service, "LNTEST-OPEN", zone, KNOWN_IDS["open"], supervisor, n=2)
        call_id, _ = _account(service, "LNTEST-CALL", zone, KNOWN_IDS["call"], supervisor, n=3)
    finally:
        service.close()
    return blocked, open_id, call_id


def _wait(base: str, proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    """Until the server is ready: its lexicons and models loaded, as a balancer would wait."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"collectguard serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("collectguard serve was not ready (/readyz)")


@pytest.fixture(scope="session")
def floor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Floor]:
    tmp = tmp_path_factory.mktemp("web")
    db = tmp / "floor.db"
    database = Database(str(db))
    upgrade(database)
    database.dispose()
    settings = Settings(db=str(db))
    now = datetime.now(UTC)
    seed(settings, accounts=24, days=4, now=now)
    service = Service(settings)
    passwords = reset_passwords(service)
    service.close()
    blocked, open_id, call_id = _known_accounts(settings, now)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COLLECTGUARD_")}
    log = (tmp / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "collectguard", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        yield Floor(base, passwords, blocked, open_id, "LNTEST-BLOCKED", "LNTEST-OPEN", call_id)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


def login(page: object, floor: Floor, user: str) -> None:
    page.goto(f"{floor.base}/ui/login")  # type: ignore[attr-defined]
    page.fill("input[name=username]", user)  # type: ignore[attr-defined]
    page.fill("input[name=password]", floor.passwords[user])  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("[data-testid=user]")  # type: ignore[attr-defined]
