"""quiet_hours: hours a person asked not to be contacted in ("早上10点前别打", "no calls after 7pm")

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

A time-specific request is kept as hours, not as an opt-out of the channel: the contact engine
denies inside them (cn.quiet_hours, us.regf.inconvenient_time) and allows the rest of the day.
The service bumps the account's version itself when it records one, as it does for parties.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quiet_hours",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("party_id", sa.String(length=32), nullable=False),
        sa.Column("hours", sa.String(length=11), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("party_id", "hours"),
    )
    op.create_index("ix_quiet_hours_party_id", "quiet_hours", ["party_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_quiet_hours_party_id", table_name="quiet_hours")
    op.drop_table("quiet_hours")
