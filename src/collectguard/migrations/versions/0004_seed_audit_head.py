"""seed the audit chain's head row, so the first two concurrent appends cannot both create it

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Every append locks the head row; before the first entry there was no row to lock, and two
first writers on PostgreSQL could both try to insert it (one failing with a unique-key error).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    op.execute(
        "INSERT INTO audit_head (id, seq, hash) "
        f"SELECT 1, 0, '{GENESIS}' WHERE NOT EXISTS (SELECT 1 FROM audit_head WHERE id = 1)"
    )


def downgrade() -> None:
    # an empty chain's head is the same as no head row; nothing to undo once entries exist
    op.execute("DELETE FROM audit_head WHERE id = 1 AND seq = 0")
