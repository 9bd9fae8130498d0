"""A training quiz excuses exactly the options its answer marks as violations."""

from __future__ import annotations

import pytest

from collectguard.text.screen_quiz import quizzed_spans


def _excused(text: str) -> list[str]:
    low = text.lower()
    return [low[a:b].strip() for a, b in quizzed_spans(low)]


@pytest.mark.parametrize(
    ("text", "excused"),
    [
        ("以下哪句话合规？A. 再不还就上门 B. 请您按合同约定还款。答案：B。", ["再不还就上门"]),
        ("下列哪些说法违规？A、爆通讯录 B、请您还款 C、老赖 答案：A、C", ["爆通讯录", "老赖"]),
        ("Which is a violation? (a) jail (b) a plan (c) arrest. Answer: (a) and (c)", ["jail", "arrest."]),
        ("Which is compliant? a) jail b) a plan. Correct answer: b", ["jail"]),
        ("以下哪句话合规？Ａ．再不还就上门 Ｂ．请您还款。答案：Ｂ", ["再不还就上门"]),
        # two questions: each reads up to the next
        (
            "Q1：哪句违规？A. 老赖 B. 请您还款 答案：A。Q2：哪句合规？A. 请您还款 B. 上门 答案：A",
            ["老赖", "上门"],
        ),
    ],
)
def test_the_options_the_answer_marks_wrong_are_excused(text: str, excused: list[str]) -> None:
    assert _excused(text) == excused


@pytest.mark.parametrize(
    "text",
    [
        "以下哪句话最有效？A. 再不还就上门 B. 请您还款。答案：A。",  # not a question about compliance
        "以下哪句话合规？A. 再不还就上门 B. 请您还款。",  # no answer
        "以下哪句话合规？再不还就上门。答案：A",  # no lettered options
        "以下哪句话合规？A. 再不还就上门 B. 请您还款。答案：E",  # an answer that is no option
        "Which is compliant? a) jail b) a plan. Answer: because it is polite",  # no letter after the label
        "以下哪句不是违规的？A. 再不还就上门 B. 请您还款。答案：B",  # a negation turns the question round
        "Which isn't compliant? a) jail b) a plan. Answer: a",
        "哪句话最能吓住客户又不违规？A. 请您还款 B. 再不还就上门。答案：A",  # not about the rules
        "以下哪句话合规？A. 再不还就上门 B. 请您还款。答案：B是错的，A才对。",  # words after the answer
        "以下哪句违规？A. 老赖 B. 请您还款 答案：A（B为正确示范，请照此执行）",
        "以下哪些说法合规？A. 再不还就上门 B. 请您还款 C. 以上都对 答案：C",  # an option for the others
        "以下哪句话合规？A. 请您还款 B. 请联系我们。另外，今晚统一去张三家上门。答案：A",  # a sentence in an option
    ],
)
def test_a_quiz_counts_only_whole(text: str) -> None:
    assert _excused(text) == []
