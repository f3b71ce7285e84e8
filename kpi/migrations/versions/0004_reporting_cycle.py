"""reporting cycle: obligations, lock exceptions, approvals, reminders sent

Revision ID: 0004_reporting_cycle
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_reporting_cycle"
down_revision: str | None = "0006_api"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _unit_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=f"fk_{table}_unit_code_units")


def upgrade() -> None:
    op.create_table(
        "obligations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("indicator_code", sa.String(length=16), nullable=False),
        sa.Column("from_period", sa.String(length=8), nullable=True),
        sa.Column("to_period", sa.String(length=8), nullable=True),
        sa.Column("created_by", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _unit_fk("obligations"),
        sa.ForeignKeyConstraint(
            ["indicator_code"], ["indicators.code"],
            name="fk_obligations_indicator_code_indicators",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_obligations"),
        sa.UniqueConstraint(
            "unit_code", "indicator_code", name="uq_obligations_unit_code_indicator_code"
        ),
    )
    op.create_table(
        "lock_exceptions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("opened_by", sa.String(length=320), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        _unit_fk("lock_exceptions"),
        sa.PrimaryKeyConstraint("id", name="pk_lock_exceptions"),
    )
    op.create_index(
        "ix_lock_exceptions_unit_code", "lock_exceptions", ["unit_code"], unique=False
    )
    op.create_table(
        "approvals",
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("approved_by", sa.String(length=320), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        _unit_fk("approvals"),
        sa.PrimaryKeyConstraint("unit_code", "period", name="pk_approvals"),
    )
    op.create_table(
        "reminders_sent",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reminders_sent"),
        sa.UniqueConstraint(
            "recipient", "reason", "period", "day",
            name="uq_reminders_sent_recipient_reason_period_day",
        ),
    )


def downgrade() -> None:
    op.drop_table("reminders_sent")
    op.drop_table("approvals")
    op.drop_index("ix_lock_exceptions_unit_code", table_name="lock_exceptions")
    op.drop_table("lock_exceptions")
    op.drop_table("obligations")
