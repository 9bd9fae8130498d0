"""The dashboard's pure helpers as tables: highlighting, rewrites, language choice, charts."""

from __future__ import annotations

import pytest

from collectguard.web.charts import bars_by_day, horizontal_bars
from collectguard.web.i18n import Translator, pick_lang, strings
from collectguard.web.rewrite import segments


def _f(start: int, end: int, category: str = "threat", suggestion: str | None = None) -> dict[str, object]:
    return {"start": start, "end": end, "category": category, "suggestion": suggestion}


@pytest.mark.parametrize(
    "text, findings, pieces",
    [
        ("abcdef", [], [("abcdef", None)]),
        ("abcdef", [_f(2, 4)], [("ab", None), ("cd", "threat"), ("ef", None)]),
        ("abcdef", [_f(0, 6)], [("abcdef", "threat")]),
        # overlapping findings merge instead of repeating text
        (
            "abcdef",
            [_f(1, 4), _f(2, 5, "insult")],
            [("a", None), ("bcd", "threat"), ("e", "insult"), ("f", None)],
        ),
        # spans out of order are sorted; empty spans ignored
        (
            "abcdef",
            [_f(4, 5), _f(0, 1), _f(3, 3)],
            [("a", "threat"), ("bcd", None), ("e", "threat"), ("f", None)],
        ),
    ],
)
def test_segments_cover_the_text_once(text: str, findings: list, pieces: list) -> None:  # type: ignore[type-arg]
    out = segments(text, findings)
    assert [(p["text"], p["category"]) for p in out] == pieces
    assert "".join(p["text"] for p in out) == text


@pytest.mark.parametrize(
    "query, cookie, lang",
    [
        (None, None, "zh"),
        ("en", None, "en"),
        (None, "en", "en"),
        ("zh", "en", "zh"),
        ("fr", "en", "en"),
        ("x", "y", "zh"),
    ],
)
def test_language_choice(query: str | None, cookie: str | None, lang: str) -> None:
    assert pick_lang(query, cookie) == lang


def test_every_string_has_both_languages_and_placeholders_match() -> None:
    import string

    fields = string.Formatter()
    for key, entry in strings().items():
        assert entry.zh.strip() and entry.en.strip(), key
        zh = {f for _, f, _, _ in fields.parse(entry.zh) if f}
        en = {f for _, f, _, _ in fields.parse(entry.en) if f}
        assert zh == en, key
    assert Translator("en")("nav.workbench") == "Workbench"
    assert Translator("zh")("work.count", n=3) == "共 3 个账户"


def test_charts_are_inline_svg_with_one_bar_per_value() -> None:
    svg = str(bars_by_day(["2026-11-01", "2026-11-02"], [("a", "#000", [1, 2]), ("b", "#111", [0, 5])]))
    assert svg.startswith("<svg") and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert svg.count("<rect") == 4 + 2  # bars + legend swatches
    bars = str(horizontal_bars([("威胁恐吓", 3), ("<script>", 1)]))
    assert "&lt;script&gt;" in bars and "<script>" not in bars
