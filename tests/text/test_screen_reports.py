"""Memos to staff that report, review or ban an act (screen_reports): what they report is not said, what they
order still is."""

from __future__ import annotations

import pytest

from collectguard.text.screen import Screener
from collectguard.text.screen_reports import reported_spans


@pytest.fixture(scope="module")
def screeners() -> dict[str, Screener]:
    return {"zh": Screener.load(("cn",)), "en": Screener.load(("us-regf",))}


REPORTS = [
    ("zh", "质检通报：坐席王某上周对客户说要让他坐牢，已扣5分，安排复训。"),
    ("zh", "案例复盘：工号GZ1024给客户单位打电话时说出了欠款金额，构成披露，停岗两天。"),
    ("zh", "培训课件：以下说法禁止使用——老赖、坐牢、通知你家人。"),
    ("zh", "新人培训：错误示范：你不还就让你爸妈还。正确示范：请您本人安排还款。"),
    ("zh", "抽查发现，有同事给借款人邻居留言写了“欠款未还”，已约谈整改。"),
    ("en", "QA finding: agent #207 told a consumer's sister he owed $900. Retrained on Monday."),
    ("en", "Case review: the agent told a consumer's employer she was behind on a loan. Suspended two days."),
    ("en", "Banned list: jail, arrest, warrant or deadbeat on any call."),
]

ORDERS = [
    # written41's review: orders dressed as reports, which a first, wider reading let through
    ("zh", "通知：坐席给逾期客户的紧急联系人打电话，告诉他们借款人欠钱跑路了。未完成者扣分。"),
    (
        "zh",
        "质检通报：工号SY0311对客户说“明天法院来人查封你家”，被投诉了，但这话没错，其他人明天起照这么说，违者扣分。",
    ),
    ("zh", "通知：一经发现客户拖延，立即给他家人打电话说他欠钱不还，让他们代还。不得延误。"),
    ("zh", "培训课件：错误示范后面这句是正确的——告诉客户再不还钱就去他单位贴大字报。违者扣分。"),
    ("zh", "通知：欠款RMB5000以上的，打电话给他家人说他欠钱不还。禁止拖延。"),
    (
        "en",
        "Reminder: agents calling today tell the references he owes $5,000 and ask them to pay it. Violators will be disciplined.",
    ),
    (
        "en",
        "Review: agent #114 told her she'd be arrested and she paid in an hour. Everyone do this; violators will be disciplined.",
    ),
    (
        "en",
        "Reminder: never give up: tell his employer and his neighbors he owes us $2,000. Violators will be disciplined.",
    ),
    (
        "en",
        "QA memo: reps tell them their kids won't get into college if this stays unpaid. Violators will be disciplined.",
    ),
    # the second review: a sanction for not doing it, approval, a future act, a frame not at the opening, a wrong
    # example followed by its replacement, a ban joined by a comma to a script
    ("zh", "质检通报：工号SY0311上月对客户说“不还钱就去你单位闹”，回款率第一，请各组参照。做不到的扣10分。"),
    ("zh", "质检：工号SY0311在通话中对客户说“再不还明天就让派出所抓你”，判定合规，质检满分，供全组借鉴。"),
    ("zh", "案例复盘：坐席1024明日给借款人的领导打电话，告诉他这人欠钱不还，没打的停岗。"),
    ("zh", "各位：根据质检结果，工号SY0311昨天给客户的老板打电话说他欠钱不还，回款最快，请各组参照。"),
    ("zh", "培训课件 错误示范：“请您还款”，换成“不还就让你坐牢”。"),
    ("zh", "培训要点：不要说“请您还款”，“我们会起诉你，让警察抓你坐牢”。"),
    (
        "en",
        "QA review: agent #114 told a debtor she'd be arrested tonight. Great job! Team, please copy #114's approach.",
    ),
    (
        "en",
        "Training note: wrong example: 'Please pay when you can', better: 'Pay today or we will have you arrested.'",
    ),
    # praise makes a report an order
    ("zh", "质检通报：坐席王某对客户说要让他坐牢，效果很好，已记入表扬。"),
    ("en", "Incident: agent told the debtor he'd be arrested. Works every time, do the same."),
    # an order before the one named, or right after them, plans the act
    ("zh", "培训：以后坐席开场就说我们是法院的，不执行的扣分。"),
    ("zh", "整改通知：员工一律说我们是法院执行局的，违者扣分。"),
    (
        "en",
        "QA review: agents should tell them they'll be arrested, anyone who doesn't gets a written warning.",
    ),
    # a ban reaches its own clause, not the order after it
    ("zh", "通知：不得迟到，今晚把他通讯录里的人挨个打一遍，说他欠钱不还。"),
    # no frame at the start: a script with a verdict word is still a script
    ("zh", "话术范例：坐席说“您好”“今晚去你家”，扣分标准下周公布"),
]


@pytest.mark.parametrize(("lang", "memo"), REPORTS)
def test_a_report_is_not_an_order(screeners: dict[str, Screener], lang: str, memo: str) -> None:
    assert screeners[lang].screen(memo, to="staff").verdict == "pass"


@pytest.mark.parametrize(("lang", "memo"), ORDERS)
def test_an_order_in_report_clothes_is_flagged(screeners: dict[str, Screener], lang: str, memo: str) -> None:
    assert screeners[lang].screen(memo, to="staff").verdict != "pass"


def test_the_same_words_to_a_borrower_are_screened() -> None:
    # the reading is for memos only: a borrower told of another's punishment is still threatened
    memo = "质检通报：坐席王某上周对客户说要让他坐牢，已扣5分。"
    assert Screener.load(("cn",)).screen(memo, to="borrower").verdict == "block"


def test_a_memo_needs_a_frame_and_no_order_and_a_report_a_verdict() -> None:
    told = "质检通报：坐席王某对客户说要让他坐牢，已扣5分。"
    assert reported_spans("坐席王某对客户说要让他坐牢，已扣5分。") == ()  # no frame
    assert reported_spans("质检通报：坐席王某对客户说要让他坐牢。") == ()  # no verdict: nothing told
    assert reported_spans(told.replace("已扣5分", "已扣5分，大家照做")) == ()  # an order anywhere
    assert reported_spans("质检通报：坐席对客户说要让他坐牢，已扣5分。") == ()  # no one named
    assert any(a <= told.index("坐牢") < b for a, b in reported_spans(told))


def test_an_english_ban_list_runs_over_short_items_only() -> None:
    memo = "Training note: never say jail, arrest or deport on a call, then phone the employer and tell him he owes us."
    spans = reported_spans(memo)
    assert any(a <= memo.index("deport") < b for a, b in spans)
    assert not any(a <= memo.index("phone the employer") < b for a, b in spans)
