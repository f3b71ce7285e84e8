"""one key per revision; current values without repeated reference checks

Revision ID: 0008_one_key_per_revision
Revises: 0007_task_signoffs
Create Date: 2026-12-01

An upload writes each revision into fewer b-trees:
- `measurements` kept two keys over the same series, (indicator, unit, period,
  revision) unique and (indicator, unit, period_index) for history reads; one
  unique key (indicator, unit, period_index, revision) now does both (the quarter
  index and its text name each other one to one).
- `current_values` rows are only ever written from the revisions of the same
  transaction, whose foreign keys have just checked the indicator and the unit; its
  own two foreign keys repeated that check for every row (on PostgreSQL a trigger
  call each) and are dropped.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_one_key_per_revision"
down_revision: str | None = "0007_task_signoffs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_UNIQUE = "uq_measurements_indicator_code_unit_code_period_revision"
NEW_UNIQUE = "uq_measurements_indicator_code_unit_code_period_index_revision"
SERIES = "ix_measurements_series"
CURRENT_FKS = {
    "indicator_code": ("indicators.code", "fk_current_values_indicator_code_indicators"),
    "unit_code": ("units.code", "fk_current_values_unit_code_units"),
}
CURRENT_COLUMNS = (
    "indicator_code, unit_code, period, period_index, value, numerator, denominator, "
    "revision, is_demo"
)


def _rebuild_current_sqlite(with_keys: bool) -> None:
    """SQLite cannot drop or add a foreign key: the table is copied (no rowid kept)."""
    references = [
        sa.ForeignKeyConstraint([column], [target], name=name)
        for column, (target, name) in CURRENT_FKS.items()
    ]
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
        *(references if with_keys else []),
        sa.PrimaryKeyConstraint("period", "indicator_code", "unit_code", name="pk_current_values"),
        sqlite_with_rowid=False,
    )
    op.execute(
        f"INSERT INTO current_values_new ({CURRENT_COLUMNS}) "
        f"SELECT {CURRENT_COLUMNS} FROM current_values"
    )
    op.drop_table("current_values")
    op.rename_table("current_values_new", "current_values")


def _current_keys(add: bool) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_current_sqlite(with_keys=add)
        return
    for column, (target, name) in CURRENT_FKS.items():
        if add:
            table, key = target.split(".")
            op.create_foreign_key(name, "current_values", table, [column], [key])
        else:
            op.drop_constraint(name, "current_values", type_="foreignkey")


def upgrade() -> None:
    with op.batch_alter_table("measurements") as batch:
        batch.drop_index(SERIES)
        batch.drop_constraint(OLD_UNIQUE, type_="unique")
        batch.create_unique_constraint(
            NEW_UNIQUE, ["indicator_code", "unit_code", "period_index", "revision"]
        )
    _current_keys(add=False)


def downgrade() -> None:
    _current_keys(add=True)
    with op.batch_alter_table("measurements") as batch:
        batch.drop_constraint(NEW_UNIQUE, type_="unique")
        batch.create_unique_constraint(
            OLD_UNIQUE, ["indicator_code", "unit_code", "period", "revision"]
        )
        batch.create_index(SERIES, ["indicator_code", "unit_code", "period_index"])
