"""Training quizzes to staff: the options a quiz's answer marks as violations are shown as wrong, not said.

培训测验：以下哪句话合规？A. 再不还就上门 B. 请您按合同约定还款。答案：B names a threat to teach that it is one. A quiz
counts only whole (a question about compliance, lettered options, an answer after them), and only the options the
answer marks wrong are excused, so a quiz that teaches a threat as the right answer is still flagged. The words are
in ``data/lexicons/staff_quizzes.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pydantic

from collectguard.text.memo_words import Words, load_memo_file, words_pattern

__all__ = ["quizzed_spans"]

#: how far the question may run from "which" to its question mark
_QUESTION_REACH = 80
#: how far after the answer's label its letters are read (答案：B、D; "answer: (b) and (d)")
_ANSWER_REACH = 16
#: an option's letter: (a), （a）, a. a、 a) — after the start, a space or a mark
_OPTION = re.compile(r"(?:(?<=^)|(?<=[\s。；;，,:：?？!！]))(?:[(（]([a-d])[)）]|([a-d])[.、．:：)）])")
#: the answer's letters right after its label: b, (b), ac, a、c, "b and d"
_ANSWER_LETTERS = re.compile(
    r"[\s:：是为]*((?:[(（]?[a-d][)）]?(?:\s*(?:[、,，/&和与]|and|or)\s*(?=[(（]?[a-d](?![a-z])))?)+)(?![a-z])"
)
_QUESTION_MARK = re.compile(r"[?？]")


class _QuizFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    asks_compliant: Words
    asks_violating: Words
    which: Words
    answer: Words


@lru_cache(maxsize=1)
def _shipped() -> dict[str, re.Pattern[str]]:
    """The file's lists as patterns, by name (which, asks_compliant, asks_violating, answer)."""
    spec = load_memo_file("staff_quizzes.yaml", _QuizFile)
    return {name: words_pattern(getattr(spec, name)) for name in _QuizFile.model_fields}


def _options(low: str, at: int) -> list[tuple[str, int, int]]:
    """The options after ``at`` in letter order from a: (letter, where its text starts, where its marker starts)."""
    found: list[tuple[str, int, int]] = []
    for m in _OPTION.finditer(low, at):
        letter = m.group(1) or m.group(2)
        if len(found) < 4 and letter == "abcd"[len(found)]:
            found.append((letter, m.end(), m.start()))
    return found


def quizzed_spans(low: str) -> list[tuple[int, int]]:
    """The options of a quiz in ``low`` (a memo lowercased) that its answer marks as violations."""
    spec = _shipped()
    spans: list[tuple[int, int]] = []
    for which in spec["which"].finditer(low):
        mark = _QUESTION_MARK.search(low, which.end(), which.end() + _QUESTION_REACH)
        if mark is None:
            continue
        question = low[which.start() : mark.start()]
        if spec["asks_violating"].search(question):
            wrong_is_answer = True
        elif spec["asks_compliant"].search(question):
            wrong_is_answer = False
        else:
            continue
        options = _options(low, mark.end())
        if len(options) < 2:
            continue
        label = spec["answer"].search(low, options[-1][1])
        if label is None:
            continue
        letters = _ANSWER_LETTERS.match(low[: label.end() + _ANSWER_REACH], label.end())
        if letters is None:
            continue
        chosen = set(re.sub(r"and|or", "", letters.group(1))) & set("abcd")
        if not chosen <= {letter for letter, _, _ in options}:
            continue
        ends = [marker for _, _, marker in options[1:]] + [label.start()]
        for (letter, start, _), end in zip(options, ends, strict=True):
            if (letter in chosen) == wrong_is_answer:
                spans.append((start, end))
    return spans
