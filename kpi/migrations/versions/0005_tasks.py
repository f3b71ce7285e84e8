"""the plan's tasks (Phụ lục II, III), their progress reports and scorecards

Revision ID: 0005_tasks
Revises: 0002
Create Date: 2026-12-01

Three new tables; nothing existing changes. The task rows themselves are
seeded from kpi/data/tasks.csv by the application, like the catalogue.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_tasks"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan_tasks",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("group_code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lead_units", sa.Text(), nullable=False),
        sa.Column("lead_unit_codes", sa.Text(), nullable=False),
        sa.Column("coordinating_units", sa.Text(), nullable=False),
        sa.Column("coordinating_unit_codes", sa.Text(), nullable=False),
        sa.Column("deadline_text", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("recurring", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=False),
        sa.CheckConstraint("kind IN ('task', 'database')", name="ck_plan_tasks_kind"),
        sa.PrimaryKeyConstraint("code", name="pk_plan_tasks"),
    )
    op.create_table(
        "task_reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("task_code", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("issues", sa.Text(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=True),
        sa.Column("reported_by", sa.String(length=320), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "state IN ('not_started', 'in_progress', 'done', 'paused')",
            name="ck_task_reports_state",
        ),
        sa.CheckConstraint("percent >= 0 AND percent <= 100", name="ck_task_reports_percent"),
        sa.ForeignKeyConstraint(
            ["task_code"], ["plan_tasks.code"], name="fk_task_reports_task_code_plan_tasks"
        ),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name="fk_task_reports_unit_code_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_task_reports"),
    )
    op.create_index("ix_task_reports_task", "task_reports", ["task_code", "reported_on"])
    op.create_table(
        "scorecards",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(length=320), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scorecards"),
        sa.UniqueConstraint("period", "version", name="uq_scorecards_period_version"),
    )


def downgrade() -> None:
    op.drop_table("scorecards")
    op.drop_index("ix_task_reports_task", table_name="task_reports")
    op.drop_table("task_reports")
    op.drop_table("plan_tasks")
