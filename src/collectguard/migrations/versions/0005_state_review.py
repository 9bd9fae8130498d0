"""account_states.review: a crisis opened on the model's guess alone, for a supervisor to read

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Such a crisis stops contact like any other but carries no minimum hold; the dashboard and the
API must tell it from a crisis whose hold is zero for another reason, and the audit says when
one was lifted early or raised to a full hold by a later cue.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


# A plain ADD/DROP COLUMN, never a batch copy of the table: on SQLite a copy would drop the
# account-version triggers of 0002 that the contact-check cache relies on.
def upgrade() -> None:
    op.add_column(
        "account_states", sa.Column("review", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    op.drop_column("account_states", "review")
