"""Load the contact-engine conformance cases (tests/conformance/**.yaml) for any execution path.

Each case becomes a design.md scenario (with a ``history`` of attempts that happened)
plus its expectation, so the library, the CLI, the HTTP API and the auditors can all
run the same data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).parent / "conformance"


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    packs: list[str]
    account: dict[str, Any]
    history: list[dict[str, Any]]
    attempt: dict[str, Any]
    expect: dict[str, Any]

    def scenario(self) -> dict[str, Any]:
        return {
            "rulepack": self.packs,
            "account": self.account,
            "history": self.history,
            "attempts": [self.attempt],
        }

    @property
    def linked(self) -> list[dict[str, Any]]:
        """History entries of another account that reached the same number (``linked: true``)."""
        return [item for item in self.history if item.get("linked") is True]

    def check(self, decision: dict[str, Any]) -> None:
        """Assert a contract-shaped decision matches; instants compare as instants."""
        assert decision["allowed"] is self.expect["allowed"], (self.id, decision)
        if self.expect["allowed"]:
            assert decision["rules"] == [], (self.id, decision)
            return
        assert sorted(decision["rules"]) == sorted(self.expect["rules"]), (self.id, decision)
        want = self.expect.get("next_allowed_at")
        got = decision["next_allowed_at"]
        if want is None:
            assert got is None, (self.id, decision)
        else:
            assert got is not None, (self.id, decision)
            assert datetime.fromisoformat(got) == datetime.fromisoformat(want), (self.id, got, want)


def _resolve(pack: str) -> str:
    return str((ROOT / pack).resolve()) if pack.endswith((".yaml", ".yml")) else pack


def load_cases(root: Path = ROOT) -> list[Case]:
    cases = []
    for path in sorted(root.rglob("*.yaml")):
        if path.parent.name == "overlays":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = data.get("defaults", {})
        for i, raw in enumerate(data["cases"]):
            packs = raw.get("packs", defaults.get("packs"))
            cases.append(
                Case(
                    id=f"{path.relative_to(root).with_suffix('')}#{i}",
                    name=raw["name"],
                    packs=[_resolve(p) for p in packs],
                    account=raw.get("account", defaults.get("account")),
                    history=raw.get("history", []),
                    attempt=raw["attempt"],
                    expect=raw["expect"],
                )
            )
    return cases


def rules_covered(cases: list[Case]) -> set[str]:
    return {rule for case in cases for rule in case.expect.get("rules", [])}
