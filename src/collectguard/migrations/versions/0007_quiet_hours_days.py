"""quiet_hours on some weekdays: "HH:MM-HH:MM/6,7" (周末别打, "don't call on Sundays")

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

A request not to be contacted on some days is kept as hours on those ISO weekdays, written after
the window ("00:00-24:00/6,7"), instead of stopping the channel on every day. The column grows to
hold the days. SQLite enforces no VARCHAR length, and rebuilding its table would drop the
version triggers of 0006, so only PostgreSQL's column changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "quiet_hours",
            "hours",
            type_=sa.String(length=32),
            existing_type=sa.String(length=11),
            nullable=False,
        )


def downgrade() -> None:
    # hours kept on some weekdays mean nothing to the old code, and dropping them would let contact
    # go on in hours a person refused: the downgrade stops instead of losing them
    kept = op.get_bind().execute(sa.text("SELECT COUNT(*) FROM quiet_hours WHERE hours LIKE '%/%'")).scalar()
    if kept:
        raise RuntimeError(
            f"{kept} quiet_hours rows hold only on some weekdays; revision 0006 cannot keep them. "
            "Record them another way (a channel opt-out or cease_requested) and delete them first."
        )
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "quiet_hours",
            "hours",
            type_=sa.String(length=11),
            existing_type=sa.String(length=32),
            nullable=False,
        )
