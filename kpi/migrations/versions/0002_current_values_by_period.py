"""current values keyed by period first; no rowid on SQLite

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

One b-tree per current value instead of three (table, key, period index): an
upload writes less, and the values of one quarter are one contiguous range of
the key, which is how the upload checks read them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    "indicator_code, unit_code, period, period_index, value, numerator, denominator, "
    "revision, is_demo"
)
OLD_KEY = ("indicator_code", "unit_code", "period")
NEW_KEY = ("period", "indicator_code", "unit_code")


def _rebuild_sqlite(key: Sequence[str], with_rowid: bool) -> None:
    op.create_table(
        "current_values_new",
        sa.Column("indicator_code", sa.String(length=16), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("period_index", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("numerator", sa.Float(), nullable=True),
        sa.Column("denominator", sa.Float(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_code"], ["indicators.code"],
            name="fk_current_values_indicator_code_indicators",
        ),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name="fk_current_values_unit_code_units"
        ),
        sa.PrimaryKeyConstraint(*key, name="pk_current_values"),
        sqlite_with_rowid=with_rowid,
    )
    op.execute(
        f"INSERT INTO current_values_new ({COLUMNS}) SELECT {COLUMNS} FROM current_values"
    )
    op.drop_table("current_values")
    op.rename_table("current_values_new", "current_values")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(NEW_KEY, with_rowid=False)  # the period index goes with the old table
        return
    op.drop_index("ix_current_values_period", table_name="current_values")
    op.drop_constraint("pk_current_values", "current_values", type_="primary")
    op.create_primary_key("pk_current_values", "current_values", list(NEW_KEY))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(OLD_KEY, with_rowid=True)
    else:
        op.drop_constraint("pk_current_values", "current_values", type_="primary")
        op.create_primary_key("pk_current_values", "current_values", list(OLD_KEY))
    op.create_index("ix_current_values_period", "current_values", ["period_index"])
