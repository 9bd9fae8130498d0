"""Who sees wellbeing figures is a row of the role matrix: a collector their own, a supervisor the
team's, compliance and admin nobody's — checked at the matrix and at every way into the figures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from collectguard.errors import PermissionDeniedError
from collectguard.service import Actor
from collectguard.service import wellbeing as wb
from collectguard.service.roles import allows, require
from collectguard.web import wellbeing_view

#: role → (may see their own figures, may see another collector's or the team's)
EXPECTED = {
    "collector": (True, False),
    "supervisor": (True, True),
    "compliance": (False, False),
    "admin": (False, False),
}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_the_matrix_gives_wellbeing_to_exactly_the_collector_and_the_supervisor(role: str) -> None:
    actor = Actor("usr_me", role, role)
    own, others = EXPECTED[role]
    assert allows(actor, "wellbeing", owner="usr_me") is own
    assert allows(actor, "wellbeing", owner="usr_other") is others
    assert allows(actor, "wellbeing") is others
    assert wb.may_see_wellbeing(actor, "usr_other") is others


def test_a_refusal_names_the_roles_and_the_own_only_limit() -> None:
    with pytest.raises(PermissionDeniedError, match=r"allowed: collector \(own only\), supervisor"):
        require(Actor("usr_c", "compliance", "compliance"), "wellbeing")


@pytest.mark.parametrize("role", ["compliance", "admin"])
def test_compliance_and_admin_get_no_individual_figures_by_any_way(svc, team, role: str) -> None:
    actor, collector = team.actors[role], team.actors["collector"]
    with pytest.raises(PermissionDeniedError):
        wb.collector_wellbeing(svc, collector.id, actor=actor)
    with pytest.raises(PermissionDeniedError):
        wb.team_wellbeing(svc, actor=actor)
    overview = wb.team_overview(svc, actor=actor)
    assert overview.team is None and overview.fair is not None
    page = wellbeing_view.build(svc, actor)
    assert page["own"] is None and page["team"] is None and page["fair"] is not None


def test_a_collector_gets_their_own_figures_only(svc, team) -> None:
    collector = team.actors["collector"]
    other, _ = svc.create_user("collector-2", "collector")
    assert wb.collector_wellbeing(svc, collector.id, actor=collector).collector_id == collector.id
    with pytest.raises(PermissionDeniedError):
        wb.team_wellbeing(svc, actor=collector)
    page = wellbeing_view.build(svc, collector)
    assert page["own"] is not None and page["team"] is None
    since = svc.now() - timedelta(days=1)
    with pytest.raises(PermissionDeniedError):
        svc.collector_activity(other.id, actor=collector, since=since)
    assert svc.collector_activity(collector.id, actor=collector, since=since)["contacts"] == []


@pytest.mark.parametrize("role", ["supervisor", "compliance", "admin"])
def test_team_roles_still_read_a_collectors_activity(svc, team, role: str) -> None:
    since = svc.now() - timedelta(days=1)
    activity = svc.collector_activity(team.actors["collector"].id, actor=team.actors[role], since=since)
    assert activity["contacts"] == []
