"""Dashboard pages in-process (no browser): role matrix, both languages, no raw keys, sessions."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from collectguard.api import create_app
from collectguard.demo import reset_passwords, seed
from collectguard.service import PERMISSIONS, Actor, Service
from collectguard.settings import Settings
from collectguard.store import Database
from collectguard.store.migrate import upgrade
from collectguard.web.render import NAV
from collectguard.web.session import COOKIE, read_session, write_session

with warnings.catch_warnings():
    # Starlette warns about its httpx dependency on import; the client works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

#: a string key that leaked into a page instead of its words
RAW_KEY = re.compile(
    r"\b(?:nav|work|status|qa|alerts|audit|rules|wb|party|state|signal|category|verdict|outcome|channel|kind|"
    r"compose|reply|timeline|playbook|stats|login|unmask|risk|error|role)\.[a-z_]+\b"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str], Service]]:
    db = tmp_path_factory.mktemp("pages") / "pages.db"
    database = Database(str(db))
    upgrade(database)
    database.dispose()
    settings = Settings(db=str(db))
    seed(settings, accounts=12, days=3, now=datetime.now(UTC))
    service = Service(settings)
    passwords = reset_passwords(service)
    with TestClient(create_app(service=service), follow_redirects=False) as client:
        yield client, passwords, service
    service.close()


def _signed_in(client: TestClient, passwords: dict[str, str], user: str) -> None:
    client.cookies.clear()
    response = client.post("/ui/login", data={"username": user, "password": passwords[user]})
    assert response.status_code == 303, response.text


ROLES = ("collector", "supervisor", "compliance", "admin")


@pytest.mark.parametrize("role", ROLES)
def test_each_page_opens_exactly_for_the_roles_of_the_matrix(site, role: str) -> None:  # type: ignore[no-untyped-def]
    client, passwords, _ = site
    _signed_in(client, passwords, role)
    for path, _key, action in NAV:
        response = client.get(path)
        expected = 200 if role in PERMISSIONS[action] else 403
        assert response.status_code == expected, (role, path, response.text[:300])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_show_words_not_keys_in_both_languages(site, lang: str) -> None:  # type: ignore[no-untyped-def]
    client, passwords, _ = site
    _signed_in(client, passwords, "supervisor")
    first = client.get("/ui/workbench?mine=0").text
    account = re.search(r"account=(acc_[0-9a-f]+)", first)
    assert account is not None
    pages = [f"/ui/workbench?account={account.group(1)}&lang={lang}"]
    pages += [f"{path}?lang={lang}" for path, _k, _a in NAV]
    for url in pages:
        html = re.sub(r"<code>.*?</code>", "", client.get(url).text)  # audit actions are data, not keys
        leaked = RAW_KEY.findall(html)
        assert not leaked, (url, leaked[:5])
        assert ("工作台" in html) == (lang == "zh"), url


def test_signed_out_pages_redirect_to_sign_in_and_wrong_passwords_fail(site) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = site
    client.cookies.clear()
    for path, _k, _a in NAV:
        response = client.get(path)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/ui/login?next=")
    bad = client.post("/ui/login", data={"username": "collector", "password": "not-the-password"})
    assert bad.status_code == 401
    assert COOKIE not in bad.cookies
    assert client.post("/ui/api/screen", json={"text": "hi"}).status_code == 401


@pytest.mark.parametrize(
    "target, allowed",
    [("/ui/qa", True), ("/ui/workbench?account=x", True), ("//evil.example/", False), ("https://x/", False)],
)
def test_sign_in_only_redirects_within_the_dashboard(site, target: str, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    client, passwords, _ = site
    client.cookies.clear()
    response = client.post(
        "/ui/login", data={"username": "supervisor", "password": passwords["supervisor"], "next": target}
    )
    assert (response.headers["location"] == target) is allowed


def test_screen_endpoint_returns_findings_segments_and_a_rewrite(site) -> None:  # type: ignore[no-untyped-def]
    client, passwords, _ = site
    _signed_in(client, passwords, "collector")
    threat = client.post(
        "/ui/api/screen", json={"text": "再不还钱就上门找你，让你好看", "to": "borrower"}
    ).json()
    assert threat["verdict"] == "block"
    assert {f["category"] for f in threat["findings"]} >= {"threat"}
    assert any(s["category"] for s in threat["segments"])
    assert threat["rewrite"]
    clean = client.post("/ui/api/screen", json={"text": "您好，您的账单已逾期，请按时还款。"}).json()
    assert clean["verdict"] == "pass" and clean["findings"] == [] and clean["rewrite"] is None
    assert client.post("/ui/api/screen", content=b"not json").status_code == 400


def test_session_cookie_round_trips_and_rejects_tampering_and_expiry(site) -> None:  # type: ignore[no-untyped-def]
    _, _, service = site
    now = datetime.now(UTC)
    actor = Actor("usr_1", "collector", "collector")
    cookie = write_session(service, actor, now=now)
    assert read_session(service, cookie, now=now) == actor
    data, _, sig = cookie.rpartition(".")
    promoted = write_session(service, Actor("usr_1", "collector", "admin"), now=now).rpartition(".")[0]
    assert read_session(service, f"{promoted}.{sig}", now=now) is None  # a role swap breaks the signature
    assert read_session(service, f"{data}.{'0' * len(sig)}", now=now) is None
    assert read_session(service, cookie, now=now + timedelta(hours=13)) is None
    for junk in ("", "x", "a.b", "." * 3000):
        assert read_session(service, junk, now=now) is None


def test_templates_use_only_known_string_keys() -> None:
    from collectguard.web.i18n import strings

    known = set(strings())
    folder = Path(__file__).resolve().parents[2] / "src" / "collectguard" / "web" / "templates"
    used = set()
    for template in folder.glob("*.html"):
        for key, joined in re.findall(r"\bt\('([a-z_.]+)'\s*(\+?)", template.read_text(encoding="utf-8")):
            # a key joined with data ('state.' + s.state) is checked by the page tests instead
            if not joined:
                used.add(key)
    assert used, "no keys found: the pattern is wrong"
    assert not used - known


def test_bulk_statuses_equal_the_facade_check_for_every_party_and_channel(site) -> None:  # type: ignore[no-untyped-def]
    from collectguard.service.dashboard_checks import contact_statuses
    from collectguard.testing import FixedClock

    _, _, live = site
    # Noon in Shanghai (the latest before now), so the hours rule does not deny everything.
    noon = datetime.now(UTC).replace(hour=4, minute=0, second=0, microsecond=0)
    if noon > datetime.now(UTC):
        noon -= timedelta(days=1)
    service = Service(live.settings, clock=FixedClock(noon))
    try:
        users = {u.name: u for u in service.list_users()}
        actor = Actor(users["collector"].id, "collector", "collector")
        targets = []
        for view in service.list_accounts(actor=actor, limit=500).items:
            targets += [(view.id, p.id) for p in view.parties]
        channels = ("call", "sms", "visit")
        bulk = contact_statuses(service, targets, channels, actor=actor)
        assert len(bulk) == len(targets) * len(channels)
        denied = 0
        for account_id, party_id in targets:
            for channel in channels:
                one = service.check_contact(account_id, party_id, channel, actor=actor)
                assert bulk[(account_id, party_id, channel)].to_dict() == one.to_dict()
                denied += not one.allowed
        assert 0 < denied < len(bulk)  # the comparison covered both outcomes
    finally:
        service.close()


def test_qa_review_takes_a_message_off_the_queue_with_its_note_audited(site) -> None:  # type: ignore[no-untyped-def]
    client, passwords, service = site
    _signed_in(client, passwords, "supervisor")
    supervisor = next(u for u in service.list_users() if u.name == "supervisor")
    actor = Actor(supervisor.id, "supervisor", "supervisor")
    queue = service.flagged_messages(actor=actor)
    if not queue:
        pytest.skip("the small seeded floor produced no flagged message")
    target = queue[0]["id"]
    assert target in client.get("/ui/qa").text
    done = client.post(
        "/ui/qa/review", data={"message_id": target, "decision": "dismiss", "note": "误报：合法告知"}
    )
    assert done.status_code == 303 and "error" not in done.headers["location"]
    assert target not in client.get("/ui/qa").text
    bad = client.post("/ui/qa/review", data={"message_id": queue[-1]["id"], "decision": "maybe"})
    assert "error=" in bad.headers["location"]
    from collectguard.service.dashboard_audit import recent_events

    notes = [
        e["payload"].get("note")
        for e in recent_events(service, actor=actor)
        if e["action"] == "message.review"
    ]
    assert "dismiss: 误报：合法告知" in notes


def test_a_crisis_cannot_be_cleared_inside_its_hold_and_the_page_says_why(site) -> None:  # type: ignore[no-untyped-def]
    client, passwords, service = site
    supervisor = next(u for u in service.list_users() if u.name == "supervisor")
    actor = Actor(supervisor.id, "supervisor", "supervisor")
    account = service.list_accounts(actor=actor, limit=1).items[0].id
    service.set_state(account, "crisis", actor=actor, reason="test: borrower spoke of ending their life")
    _signed_in(client, passwords, "supervisor")
    page = client.get("/ui/alerts").text
    assert account in page and "最短暂停期未满" in page
    refused = client.post("/ui/alerts/clear", data={"account_id": account, "state": "crisis", "reason": "ok"})
    assert "error=" in refused.headers["location"]
    assert any(a["account_id"] == account for a in service.alerts(actor=actor))
    _signed_in(client, passwords, "collector")
    assert client.post("/ui/alerts/clear", data={"account_id": account, "state": "crisis"}).status_code == 403


def test_a_crisis_read_by_the_model_alone_is_marked_for_review_and_can_be_lifted_at_once(site) -> None:  # type: ignore[no-untyped-def]
    client, passwords, service = site
    supervisor = next(u for u in service.list_users() if u.name == "supervisor")
    actor = Actor(supervisor.id, "supervisor", "supervisor")
    # the seeded history depends on the hour it ends at, so take an account it left out of crisis
    account = next(
        a
        for a in service.list_accounts(actor=actor, limit=12).items
        if not any(s.state == "crisis" for s in service.get_account(a.id, actor=actor).states)
    )
    borrower = account.parties[0].id
    body = service.ingest_reply(account.id, borrower, "我现在真的还不起，太难了", actor=actor)
    assert any(a.get("state") == "crisis" for a in body["applied"])
    _signed_in(client, passwords, "supervisor")
    page = client.get("/ui/alerts").text
    assert 'data-testid="crisis-review"' in page and "主管阅读原话后可立即解除" in page
    lifted = client.post(
        "/ui/alerts/clear",
        data={"account_id": account.id, "state": "crisis", "reason": "读过原话：只是经济困难"},
    )
    assert "error=" not in lifted.headers["location"]
    assert not any(
        a["account_id"] == account.id and a["state"] == "crisis" for a in service.alerts(actor=actor)
    )


def test_pages_are_not_cached_or_framed_and_cross_site_posts_are_refused(site) -> None:  # type: ignore[no-untyped-def]
    client, passwords, _ = site
    _signed_in(client, passwords, "supervisor")
    page = client.get("/ui/alerts")
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    forged = client.post(
        "/ui/alerts/clear",
        data={"account_id": "acc_x", "state": "crisis", "reason": "forged"},
        headers={"Origin": "http://evil.example"},
    )
    assert forged.status_code == 403
    same = client.post(
        "/ui/qa/review",
        data={"message_id": "msg_none", "decision": "accept"},
        headers={"Origin": "http://testserver"},
    )
    assert same.status_code == 303  # reaches the handler (which reports the unknown message)


def test_rules_page_lists_an_installed_overlay_and_names_a_broken_file(tmp_path: Path) -> None:
    from collectguard.pii import Keyring

    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "tight.yaml").write_text(
        "overlay: tight\nbase: cn\nversion: '1'\ntitle_zh: 公司收紧\ntitle_en: Company overlay\n"
        "changes:\n  - id: cn.connected_daily_cap\n    params: {limit: 2}\n",
        encoding="utf-8",
    )
    (folder / "broken.yaml").write_text("pack: [not a pack\n", encoding="utf-8")
    db = tmp_path / "rules.db"
    database = Database(str(db))
    upgrade(database)
    database.dispose()
    service = Service.open(str(db), keyring=Keyring.generate(), packs_dir=folder)
    try:
        service.create_user("viewer", "compliance")
        service.set_password("viewer", "a-long-password")
        with TestClient(create_app(service=service), follow_redirects=False) as client:
            client.post("/ui/login", data={"username": "viewer", "password": "a-long-password"})
            html = client.get("/ui/rules").text
        assert "公司收紧" in html and "cn.connected_daily_cap" in html
        assert "broken.yaml" in html  # a file that does not load is named, not hidden
        assert "cn.hours" in html  # the shipped packs are still there
    finally:
        service.close()


def test_a_deactivated_user_is_signed_out_on_the_next_page(site) -> None:  # type: ignore[no-untyped-def]
    from collectguard.store.models import User

    client, _, service = site
    service.create_user("temp_collector", "collector")
    service.set_password("temp_collector", "temporary-password")
    client.cookies.clear()
    client.post("/ui/login", data={"username": "temp_collector", "password": "temporary-password"})
    assert client.get("/ui/workbench").status_code == 200
    with service.database.write() as session:
        session.query(User).filter(User.name == "temp_collector").update({"active": False})
    assert client.get("/ui/workbench").status_code == 303


def test_hours_a_borrower_asked_to_avoid_show_on_the_workbench(site) -> None:  # type: ignore[no-untyped-def]
    client, passwords, service = site
    supervisor = next(u for u in service.list_users() if u.name == "supervisor")
    actor = Actor(supervisor.id, "supervisor", "supervisor")
    account = service.list_accounts(actor=actor, limit=1).items[0]
    borrower = account.parties[0].id
    body = service.ingest_reply(account.id, borrower, "晚上九点以后别打了", actor=actor)
    assert {"quiet_hours": "21:00-24:00", "rule": "cn.quiet_hours"} in body["applied"]
    _signed_in(client, passwords, "supervisor")
    page = client.get(f"/ui/workbench?account={account.id}").text
    assert 'data-testid="quiet-hours"' in page and "勿扰时段 21:00-24:00" in page
    # hours kept to some days name them
    body = service.ingest_reply(account.id, borrower, "周末别打电话", actor=actor)
    assert {"quiet_hours": "00:00-24:00/6,7", "rule": "cn.quiet_hours"} in body["applied"]
    page = client.get(f"/ui/workbench?account={account.id}").text
    assert "勿扰时段 周六、周日 00:00-24:00" in page
