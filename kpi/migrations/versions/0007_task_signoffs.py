"""task sign-offs: the unit head signs off a unit's progress reports for a half-year

Revision ID: 0007_task_signoffs
Revises: 0003_upload_trace
Create Date: 2026-12-01

One new table; nothing existing changes. While a row stands, the unit's progress
reports dated in that half-year are closed (checked in the report's transaction).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_task_signoffs"
down_revision: str | None = "0003_upload_trace"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "task_signoffs",
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.String(length=320), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name="fk_task_signoffs_unit_code_units"
        ),
        sa.PrimaryKeyConstraint("unit_code", "period", name="pk_task_signoffs"),
    )


def downgrade() -> None:
    op.drop_table("task_signoffs")
