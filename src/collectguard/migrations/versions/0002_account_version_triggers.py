"""account version triggers: any change to an account's attempts, states or opt-outs bumps its version

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

The contact check caches what it read per account and revalidates with one query on
``accounts.version``; triggers make every writer (the service, a seeding script, a manual
fix in SQL) bump it, so a cached decision input can never outlive the data it came from.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: table → SQL naming the account of the changed row (``R`` is NEW or OLD)
_ACCOUNT_OF = {
    "attempts": "R.account_id",
    "account_states": "R.account_id",
    "opt_outs": "(SELECT account_id FROM parties WHERE parties.id = R.party_id)",
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION cg_bump_account_version() RETURNS trigger AS $$
            DECLARE
                target text;
                rec record;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    rec := OLD;
                ELSE
                    rec := NEW;
                END IF;
                IF TG_TABLE_NAME = 'opt_outs' THEN
                    SELECT account_id INTO target FROM parties WHERE id = rec.party_id;
                ELSE
                    target := rec.account_id;
                END IF;
                UPDATE accounts SET version = version + 1 WHERE id = target;
                IF TG_OP = 'UPDATE' THEN
                    IF TG_TABLE_NAME = 'opt_outs' THEN
                        SELECT account_id INTO target FROM parties WHERE id = OLD.party_id;
                    ELSE
                        target := OLD.account_id;
                    END IF;
                    UPDATE accounts SET version = version + 1 WHERE id = target;
                END IF;
                RETURN NULL;
            END $$ LANGUAGE plpgsql
            """
        )
        for table in _ACCOUNT_OF:
            op.execute(
                f"CREATE TRIGGER cg_{table}_version AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION cg_bump_account_version()"
            )
        return
    for table, account in _ACCOUNT_OF.items():
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            op.execute(
                f"CREATE TRIGGER cg_{table}_{event.lower()}_version AFTER {event} ON {table} "
                f"BEGIN UPDATE accounts SET version = version + 1 WHERE id = {account.replace('R.', row + '.')}; END"
            )
        op.execute(
            f"CREATE TRIGGER cg_{table}_update_old_version AFTER UPDATE ON {table} "
            f"BEGIN UPDATE accounts SET version = version + 1 WHERE id = {account.replace('R.', 'OLD.')}; END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _ACCOUNT_OF:
            op.execute(f"DROP TRIGGER IF EXISTS cg_{table}_version ON {table}")
        op.execute("DROP FUNCTION IF EXISTS cg_bump_account_version()")
        return
    for table in _ACCOUNT_OF:
        for name in ("insert", "update", "delete", "update_old"):
            op.execute(f"DROP TRIGGER IF EXISTS cg_{table}_{name}_version")
