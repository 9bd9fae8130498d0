"""The dashboard in real headless Chromium against a real ``collectguard serve``."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from web_floor import KNOWN_IDS, Floor, login

pytestmark = pytest.mark.browser

THREAT = "王先生，再不还钱就上门找你，让你在小区里抬不起头！"
CRISIS = "我真的撑不下去了，活着没什么意思，不想活了。"


def _borrower_cell(page, channel: str = "call"):  # type: ignore[no-untyped-def]
    return page.locator("table.parties tbody tr").first.locator(f"td[data-channel={channel}]")


def test_collector_signs_in_and_sees_a_blocked_contact_with_reason_and_next_time(page, floor: Floor) -> None:
    login(page, floor, "collector")
    assert page.url.endswith("/ui/workbench")
    assert page.locator("[data-testid=worklist] li").count() > 0
    page.goto(f"{floor.base}/ui/workbench?account={floor.blocked}")
    cell = _borrower_cell(page)
    assert cell.locator("[data-testid=status-blocked]").inner_text() == "不可联系"
    assert "cn.connected_daily_cap" in cell.inner_text()
    assert "3 次" in cell.inner_text()  # the rule's own message, not only its id
    # Playwright polls a string predicate with eval(), which the page's CSP forbids: wait with a locator
    expect(cell.locator(".countdown")).to_have_text(re.compile(r"\d\d:\d\d:\d\d"))
    assert cell.locator("[data-testid=reserve-call]").count() == 0


def test_threatening_draft_shows_the_finding_and_the_rewrite_replaces_it(page, floor: Floor) -> None:
    login(page, floor, "collector")
    page.goto(f"{floor.base}/ui/workbench?account={floor.open}")
    page.locator("#composer").press_sequentially(THREAT, delay=5)
    # screening runs as the collector types: wait for the verdict on the whole draft (a part of it
    # may draw a review warning from the model first)
    expect(page.locator("[data-testid=verdict]")).to_have_text("禁止发送")
    finding = page.locator("[data-testid=findings] li").first
    assert "威胁恐吓" in finding.inner_text()
    assert "cn.content.threat" in finding.inner_text()
    assert page.locator("#screen-preview mark").count() >= 1
    assert page.locator("[data-testid=verdict]").inner_text() == "禁止发送"
    page.click("[data-testid=rewrite]")
    rewritten = page.input_value("#composer")
    assert rewritten and rewritten != THREAT
    assert "上门找你" not in rewritten
    expect(page.locator("[data-testid=verdict]")).to_have_text("合规")
    assert page.locator("[data-testid=findings] li").count() == 0


def test_crisis_reply_puts_the_account_on_alerts_and_blocks_contact(page, floor: Floor) -> None:
    login(page, floor, "collector")
    page.goto(f"{floor.base}/ui/workbench?account={floor.open}")
    assert _borrower_cell(page).locator("[data-testid=status-ok]").count() == 1
    form = page.locator("[data-testid=reply-form]")
    form.locator("textarea[name=text]").fill(CRISIS)
    form.locator("button").click()
    page.wait_for_selector(".flash.ok")
    cell = _borrower_cell(page)
    assert cell.locator("[data-testid=status-blocked]").count() == 1
    assert "cn.hold.crisis" in cell.inner_text()
    assert page.locator("[data-testid=playbook]").count() == 1
    assert "12356" in page.locator("[data-testid=playbook]").inner_text()

    login(page, floor, "supervisor")
    page.goto(f"{floor.base}/ui/alerts")
    row = page.locator(f"[data-testid=alerts] tr[data-account='{floor.open}']")
    assert row.count() == 1
    assert "危机暂停" in row.inner_text()
    # Still inside the minimum hold: nobody may clear it yet.
    assert row.locator("button").count() == 0


def test_collector_never_sees_an_unmasked_id_number(page, floor: Floor) -> None:
    login(page, floor, "collector")
    for account in (floor.blocked, floor.open):
        page.goto(f"{floor.base}/ui/workbench?account={account}&mine=0")
        html = page.content()
        for known in KNOWN_IDS.values():
            assert known not in html
            assert known[:6] + known[6:14] not in html  # not even the birth date with the region
        masked = (
            page.locator("table.parties tbody tr")
            .first.locator("[data-testid=masked-id_number]")
            .inner_text()
        )
        assert "*" in masked
        assert page.locator("details.unmask").count() == 0
    # Posting the form by hand is refused as well.
    response = page.request.post(
        f"{floor.base}/ui/unmask",
        form={"account_id": floor.blocked, "party_id": "x", "field": "id_number", "reason": "curious"},
    )
    assert response.status == 403
    assert KNOWN_IDS["blocked"] not in response.text()


def test_supervisor_unmasks_with_a_reason_and_the_audit_page_shows_it(page, floor: Floor) -> None:
    login(page, floor, "supervisor")
    page.goto(f"{floor.base}/ui/workbench?account={floor.blocked}&mine=0")
    cell = page.locator("table.parties tbody tr").first.locator("td[data-field=id_number]")
    cell.locator("summary").click()
    cell.locator("input[name=reason]").fill("借款人来电核实身份")
    cell.locator("button").click()
    assert page.locator("[data-testid=revealed]").inner_text() == KNOWN_IDS["blocked"]

    page.goto(f"{floor.base}/ui/audit")
    page.click("[data-testid=verify]")
    page.wait_for_selector("[data-testid=chain-ok]")
    log = page.locator("[data-testid=unmask-log]").inner_text()
    assert "借款人来电核实身份" in log
    assert "身份证号" in log
    assert "supervisor" in log
    assert KNOWN_IDS["blocked"] not in page.content()


def test_english_switch_and_export(page, floor: Floor) -> None:
    login(page, floor, "compliance")
    page.goto(f"{floor.base}/ui/audit?lang=en")
    assert "Audit chain" in page.content()
    page.goto(f"{floor.base}/ui/rules")  # the choice sticks in a cookie
    assert "Rule pack" in page.content()
    exported = page.request.get(f"{floor.base}/ui/audit/export?account={floor.blocked_external}&fmt=json")
    assert exported.status == 200
    record = exported.json()
    assert record["account"]["external_id"] == floor.blocked_external
    assert any(e["action"] == "contact.reserve" for e in record["audit"])
    assert KNOWN_IDS["blocked"] not in exported.text()
    csv_text = page.request.get(
        f"{floor.base}/ui/audit/export?account={floor.blocked_external}&fmt=csv"
    ).text()
    assert csv_text.splitlines()[0].endswith("source,at,kind,actor,subject,details")
    assert "contact.complete" in csv_text


def test_reserve_and_call_then_record_the_outcome_and_the_text_reaches_qa(page, floor: Floor) -> None:
    login(page, floor, "collector")
    page.goto(f"{floor.base}/ui/workbench?account={floor.call}")
    page.click("table.parties tbody tr >> nth=0 >> [data-testid=reserve-call]")
    page.wait_for_selector("form[action='/ui/complete']")
    assert "attempt=att_" in page.url
    page.select_option("select[name=outcome]", "connected")
    page.fill("form[action='/ui/complete'] textarea[name=text]", "你已经涉嫌诈骗，明天就立案，等着坐牢吧。")
    page.click("form[action='/ui/complete'] button")
    notice = page.locator(".flash.ok").inner_text()
    assert "禁止发送" in notice
    assert page.locator("form[action='/ui/complete']").count() == 0
    timeline = page.locator("[data-testid=timeline]").inner_text()
    assert "已接通" in timeline and "虚假法律后果" in timeline

    login(page, floor, "supervisor")
    page.goto(f"{floor.base}/ui/qa")
    assert "LNTEST-CALL" in page.locator("[data-testid=qa-queue]").inner_text()
