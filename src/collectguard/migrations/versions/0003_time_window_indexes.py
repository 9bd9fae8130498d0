"""time-window indexes: team figures, charts and the risk queue read attempts, replies and
messages by time across all accounts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

Without them the team's wellbeing page, the charts and the risk bounds scan the whole
tables, which grow with months of history.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_attempts_at", "attempts", ["at"])
    op.create_index("ix_replies_at", "replies", ["at"])
    op.create_index("ix_messages_verdict_at", "messages", ["verdict", "at"])


def downgrade() -> None:
    op.drop_index("ix_messages_verdict_at", table_name="messages")
    op.drop_index("ix_replies_at", table_name="replies")
    op.drop_index("ix_attempts_at", table_name="attempts")
