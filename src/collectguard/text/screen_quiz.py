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
from collectguard.widths import fold_width

__all__ = ["quizzed_spans"]

#: how far the question may run from "which" to its question mark
_QUESTION_REACH = 80
#: how far after the answer's label its letters are read (答案：B、D; "answer: (b) and (d)")
_ANSWER_REACH = 16
#: an option's letter: (a), （a）, a. a、 a) — after the start, a space or a mark
_OPTION = re.compile(
    r"(?:(?<=^)|(?<=[\s。；;，,:：?？!！]))(?:[(（]([a-d])[)）]|([a-d])(?:[.、．:：)）]|\s+[-–]\s))|(?<=\n)([a-d])\s+"
)
#: the answer's letters right after its label: b, (b), ac, a、c, "b and d"
_ANSWER_LETTERS = re.compile(
    r"[\s:：是为选]*((?:[(（]?[a-d][)）]?(?:\s*(?:[、,，/&和与]|and|or)\s*(?=[(（]?[a-d](?![a-z])))?)+)(?![a-z])"
)
_QUESTION_MARK = re.compile(r"[?？]")
#: how long an option may be: one short line
_OPTION_REACH = 60
#: a sentence ends inside an option or after an answer
_SENTENCE_END = re.compile(r"[。！!；;\n]|\.(?:\s|$)")
#: a word or a Chinese character after an answer's letters
_WORDS = re.compile(r"[a-z\u4e00-\u9fff]")


class _QuizFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    asks_compliant: Words
    asks_violating: Words
    negations: Words
    not_about_compliance: Words
    stands_for_others: Words
    which: Words
    answer: Words


@lru_cache(maxsize=1)
def _shipped() -> dict[str, re.Pattern[str]]:
    """The file's lists as patterns, by their field names."""
    spec = load_memo_file("staff_quizzes.yaml", _QuizFile)
    return {name: words_pattern(getattr(spec, name)) for name in _QuizFile.model_fields}


def _options(low: str, at: int, end: int) -> list[tuple[str, int, int]]:
    """The options from ``at`` to ``end`` in letter order from a: (letter, where its text starts, where its marker
    starts)."""
    found: list[tuple[str, int, int]] = []
    for m in _OPTION.finditer(low, at, end):
        letter = m.group(1) or m.group(2) or m.group(3)
        if len(found) < 4 and letter == "abcd"[len(found)]:
            found.append((letter, m.end(), m.start()))
    return found


def _wrong_is_answer(question: str, spec: dict[str, re.Pattern[str]]) -> bool | None:
    """Whether the question asks for the violations (True) or the compliant options (False); None when it asks
    something else (哪句最有效) or turns its words round (哪句不是违规的, "which isn't compliant")."""
    if spec["not_about_compliance"].search(question):
        return None
    violating = spec["asks_violating"].search(question) is not None
    if spec["negations"].search(spec["asks_violating"].sub(" ", question)):
        return None
    if violating:
        return True
    return False if spec["asks_compliant"].search(question) else None


def _answer(low: str, at: int, end: int) -> set[str]:
    """The letters of a bare answer (答案：B。, "Answer: (a) and (c)"); none when words follow them in its sentence
    (答案：B是错的, 答案：B（请照此执行）, "answer: a is wrong")."""
    letters = _ANSWER_LETTERS.match(low[: min(end, at + _ANSWER_REACH)], at)
    if letters is None:
        return set()
    stop = _SENTENCE_END.search(low, letters.end(), end)
    if _WORDS.search(low, letters.end(), stop.start() if stop else end):
        return set()
    return set(re.sub(r"and|or", "", letters.group(1))) & set("abcd")


def _bare(option: str, spec: dict[str, re.Pattern[str]]) -> bool:
    """An option is one short line, and not one that stands for the others (以上都对, "all of the above")."""
    text = option.strip().rstrip(" 。.!！;；,，")
    return (
        len(text) <= _OPTION_REACH
        and _SENTENCE_END.search(text) is None
        and spec["stands_for_others"].search(text) is None
    )


def quizzed_spans(low: str) -> list[tuple[int, int]]:
    """The options of a quiz in ``low`` (a memo lowercased) that its answer marks as violations. Each question
    reads up to the next; a quiz with any part out of form (a long option, a sentence between the options, an
    answer with words after it) excuses nothing."""
    spec = _shipped()
    low = fold_width(low)  # Ａ．, （ｂ）: one character for one
    spans: list[tuple[int, int]] = []
    questions = list(spec["which"].finditer(low))
    for i, which in enumerate(questions):
        end = questions[i + 1].start() if i + 1 < len(questions) else len(low)
        mark = _QUESTION_MARK.search(low, which.end(), min(end, which.end() + _QUESTION_REACH))
        if mark is None:
            continue
        wrong_is_answer = _wrong_is_answer(low[which.start() : mark.start()], spec)
        options = _options(low, mark.end(), end)
        if wrong_is_answer is None or len(options) < 2:
            continue
        label = spec["answer"].search(low, options[-1][1], end)
        if label is None:
            continue
        chosen = _answer(low, label.end(), end)
        if not chosen or not chosen <= {letter for letter, _, _ in options}:
            continue
        ends = [marker for _, _, marker in options[1:]] + [label.start()]
        if not all(_bare(low[start:stop], spec) for (_, start, _), stop in zip(options, ends, strict=True)):
            continue
        for (letter, start, _), stop in zip(options, ends, strict=True):
            if (letter in chosen) == wrong_is_answer:
                spans.append((start, stop))
    return spans
