"""Browser tests wait with locators: the dashboard's CSP forbids the eval() that string predicates need."""

from __future__ import annotations

import ast
from pathlib import Path

WEB_TESTS = Path(__file__).resolve().parents[1] / "web"
#: Playwright runs a string given to these inside the page with eval() once its first try fails
EVALUATING = {
    "wait_for_function",
    "evaluate",
    "evaluate_handle",
    "evaluate_all",
    "eval_on_selector",
    "eval_on_selector_all",
}
_STRING = ast.Constant | ast.JoinedStr | ast.BinOp


def _string_predicates(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        given = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "expression")]
        if node.func.attr in EVALUATING and any(isinstance(arg, _STRING) for arg in given):
            found.append(f"{path.name}:{node.lineno} {node.func.attr}")
    return found


def test_no_browser_test_waits_on_a_string_the_page_would_have_to_eval() -> None:
    files = sorted(WEB_TESTS.glob("*.py"))
    assert files, WEB_TESTS
    assert [hit for path in files for hit in _string_predicates(path)] == []


def test_the_check_sees_a_string_predicate_given_by_position_or_by_name(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "page.wait_for_function(\"document.title === 'x'\")\n"
        'page.goto("/")\n'
        'page.wait_for_function(expression="1 + " + "1")\n',
        encoding="utf-8",
    )
    assert _string_predicates(sample) == ["sample.py:1 wait_for_function", "sample.py:3 wait_for_function"]
