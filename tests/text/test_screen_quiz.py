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
    ],
)
def test_a_quiz_counts_only_whole(text: str) -> None:
    assert _excused(text) == []
