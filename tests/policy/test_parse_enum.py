"""One way from an outside string to an enum: the member, or a ValidationError naming the field and every value."""

from __future__ import annotations

import pytest

from collectguard.errors import ValidationError
from collectguard.model import AccountState, Channel, Outcome, PartyRole, parse_enum


@pytest.mark.parametrize("kind", [AccountState, Channel, Outcome, PartyRole])
def test_every_value_parses_to_its_member(kind) -> None:
    for member in kind:
        assert parse_enum(kind, member.value, field="x") is member
        assert parse_enum(kind, member, field="x") is member


@pytest.mark.parametrize(
    ("kind", "value", "field", "message"),
    [
        (Channel, "fax", "channel", "'fax' is not one of: call, sms, wechat, email, visit"),
        (Channel, "CALL", "channel", "'CALL' is not one of: call, sms, wechat, email, visit"),
        (PartyRole, None, "to", "None is not one of: borrower, guarantor, emergency_contact, third_party"),
        (
            PartyRole,
            ["borrower"],
            "to",
            "['borrower'] is not one of: borrower, guarantor, emergency_contact, third_party",
        ),
        (
            AccountState,
            "calm",
            "state",
            "'calm' is not one of: cease_requested, disputed, attorney_represented, crisis, complaint_open, "
            "bankruptcy, paid",
        ),
    ],
)
def test_a_wrong_value_names_the_field_and_the_allowed_values(kind, value, field, message) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_enum(kind, value, field=field)
    assert (caught.value.field, caught.value.message) == (field, message)
    assert str(caught.value) == f"{field}: {message}"


def test_a_member_of_another_enum_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_enum(Channel, PartyRole.BORROWER, field="channel")
