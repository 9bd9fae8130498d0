"""quiet_hours: hours a person asked not to be contacted in ("早上10点前别打", "no calls after 7pm")

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

A time-specific request is kept as hours, not as an opt-out of the channel: the contact engine
denies inside them (cn.quiet_hours, us.regf.inconvenient_time) and allows the rest of the day.
Like the opt-outs of 0002, every change to the table bumps the account's version, whoever writes
it (the service, a seeding script, a manual fix in SQL), so no cached decision outlives it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ACCOUNT = "(SELECT account_id FROM parties WHERE parties.id = {row}.party_id)"


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
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION cg_bump_party_account_version() RETURNS trigger AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    UPDATE accounts SET version = version + 1
                    WHERE id = (SELECT account_id FROM parties WHERE id = OLD.party_id);
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    UPDATE accounts SET version = version + 1
                    WHERE id = (SELECT account_id FROM parties WHERE id = NEW.party_id);
                END IF;
                RETURN NULL;
            END $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER cg_quiet_hours_version AFTER INSERT OR UPDATE OR DELETE ON quiet_hours "
            "FOR EACH ROW EXECUTE FUNCTION cg_bump_party_account_version()"
        )
        return
    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        op.execute(
            f"CREATE TRIGGER cg_quiet_hours_{event.lower()}_version AFTER {event} ON quiet_hours "
            f"BEGIN UPDATE accounts SET version = version + 1 WHERE id = {_ACCOUNT.format(row=row)}; END"
        )
    op.execute(
        "CREATE TRIGGER cg_quiet_hours_update_old_version AFTER UPDATE ON quiet_hours "
        f"BEGIN UPDATE accounts SET version = version + 1 WHERE id = {_ACCOUNT.format(row='OLD')}; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS cg_quiet_hours_version ON quiet_hours")
        op.execute("DROP FUNCTION IF EXISTS cg_bump_party_account_version()")
    else:
        for name in ("insert", "update", "delete", "update_old"):
            op.execute(f"DROP TRIGGER IF EXISTS cg_quiet_hours_{name}_version")
    op.drop_index("ix_quiet_hours_party_id", table_name="quiet_hours")
    op.drop_table("quiet_hours")
