"""Normalisation: every evasion form folds to the canonical word, and offsets point into the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collectguard.text.normalize import Normalized, normalize

# (original, a word the normalised text must contain, the original span that word maps back to)
FOLDS = [
    ("爆.通.讯.录", "爆通讯录", "爆.通.讯.录"),
    ("我要爆 通 讯 录了", "爆通讯录", "爆 通 讯 录"),
    ("我要爆*通讯录", "爆通讯录", "爆*通讯录"),
    ("爆_通-讯~录", "爆通讯录", "爆_通-讯~录"),
    ("爆\u200b通\u200c讯录", "爆通讯录", "爆\u200b通\u200c讯录"),
    ("上😀门找你", "上门", "上😀门"),
    ("爆，通，讯，录", "爆通讯录", "爆，通，讯，录"),
    ("寄傳票到你們單位", "传票", "傳票"),
    ("你們單位", "单位", "單位"),
    ("ＡＢＣ金融", "abc", "ＡＢＣ"),
    ("CALL ME", "call me", "CALL ME"),
    ("电话①③⑧", "138", "①③⑧"),
    ("号码一三八一二三四五六七八", "13812345678", "一三八一二三四五六七八"),
    ("壹贰叁肆伍", "12345", "壹贰叁肆伍"),
    ("尾号3二1", "321", "3二1"),
    ("你这个老老老老赖", "老赖", "老老老老赖"),
    ("打打打死你", "打死你", "打打打死你"),
    ("我们会爆你通迅录", "通讯录", "通迅录"),
    ("明天上men", "上门", "上men"),
    ("打到你单wei", "单位", "单wei"),
    ("你个老lai", "老赖", "老lai"),
    ("jing方已介入", "警方", "jing方"),
    ("法yuan传票", "法院", "法yuan"),
    ("马上baotongxunlu", "爆通讯录", "baotongxunlu"),
    ("马上btxl", "爆通讯录", "btxl"),
    ("马上bao tong xun lu", "爆通讯录", "bao tong xun lu"),
    ("马上爆txl", "爆通讯录", "爆txl"),
    ("你个sb", "傻逼", "sb"),
    ("你个佬赖", "老赖", "佬赖"),
    # a spelled-out word of letters and digits, and pinyin set off by separators
    ("打.断.n.i.的.腿", "打断ni的腿", "打.断.n.i.的.腿"),
    ("有_ni_好_受_的", "有ni好受", "有_ni_好_受"),
    ("通~知~你~的~紧~急~联~系~ren。", "紧急联系ren", "紧~急~联~系~ren"),
    ("证件号码 4 4 0 3 0 5", "证件号码440305", "证件号码 4 4 0 3 0 5"),
    ("you are a l o s e r", "a loser", "a l o s e r"),
    ("j-a-i-l time", "jail", "j-a-i-l"),
    ("王王王八八八蛋", "王八蛋", "王王王八八八蛋"),
    ("you l0ser", "loser", "l0ser"),
    ("the p0lice are coming", "police", "p0lice"),
    ("你这个sc@mmer", "scammer", "sc@mmer"),
    # words spelled out letter by letter, set two spaces apart: the words come back one space apart
    (
        "W e  k n o w  w h e r e  y o u r  k i d s",
        "know where your kids",
        "k n o w  w h e r e  y o u r  k i d s",
    ),
    ("我们  知道  你住哪", "知道你住哪", "知道  你住哪"),
]

# (original, the exact normalised text): ordinary writing that must not be changed beyond case/width
KEEPS = [
    ("您好，我是客服张三，请尽快还款。", "您好,我是客服张三,请尽快还款。"),
    ("还款金额10000元", "还款金额10000元"),
    ("一下子说不清，一定给您回电", "一下子说不清,一定给您回电"),
    ("谢谢您的配合，慢慢来", "谢谢您的配合,慢慢来"),
    ("asbestos removal", "asbestos removal"),
    ("We will not contact your employer.", "we will not contact your employer."),
    ("统一社会信用代码", "统一社会信用代码"),
    ("I am a big fan of a plan", "i am a big fan of a plan"),
    ("请于 6 月 20 日前还款 500 元", "请于 6 月 20 日前还款 500 元"),
    ("电话一一零", "电话110"),
    ("pay $500 by 5pm, case 2026-0417", "pay $500 by 5pm, case 2026-0417"),
    ("stop being such a f—- b—-.", "stop being such a f—- b—-."),
]


@pytest.mark.parametrize(("original", "word", "span"), FOLDS)
def test_evasion_forms_fold_and_map_back(original: str, word: str, span: str) -> None:
    n = normalize(original)
    at = n.text.find(word)
    assert at >= 0, n.text
    start, end = n.to_original(at, at + len(word))
    assert original[start:end] == span


@pytest.mark.parametrize(("original", "expected"), KEEPS)
def test_ordinary_text_is_kept(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_result_is_frozen_and_consistent() -> None:
    n = normalize("再不还钱就上men找你")
    assert isinstance(n, Normalized)
    assert len(n.starts) == len(n.ends) == len(n.text)
    with pytest.raises(AttributeError):
        n.text = "x"  # type: ignore[misc]


def test_empty_text_and_empty_span() -> None:
    n = normalize("")
    assert n.text == "" and n.to_original(0, 0) == (0, 0)
    m = normalize("你好")
    assert m.to_original(2, 2) == (2, 2)


@settings(deadline=None)  # the first example may build the tables
@given(st.text(max_size=60))
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    n = normalize(text)
    assert len(n.starts) == len(n.text) == len(n.ends)
    for i, (s, e) in enumerate(zip(n.starts, n.ends, strict=True)):
        assert 0 <= s < e <= len(text)
        if i:
            assert s >= n.starts[i - 1] and e >= n.ends[i - 1]
    start, end = n.to_original(0, len(n.text))
    assert 0 <= start <= end <= len(text)


def test_curly_apostrophes_fold_to_the_straight_one() -> None:
    """Phones type won’t; the lexicons and the English model spell it won't."""
    from collectguard.text.normalize import normalize_text

    assert normalize_text("We won’t call ‘em, nothing’s changed")[0] == "we won't call 'em, nothing's changed"
