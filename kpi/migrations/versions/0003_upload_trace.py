"""upload trace: each revision's source row, the uploaded files, problem counts

Revision ID: 0003_upload_trace
Revises: 0002
Create Date: 2026-11-30

Every stored figure leads back to its file and row: measurements keep the row as
the officer saw it in Excel, and the uploaded bytes are kept once per content
(keyed by SHA-256) for every attempt, refused ones too, with how many problems
each attempt had.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_upload_trace"
down_revision: str | None = "0004_reporting_cycle"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "upload_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_upload_files"),
    )
    with op.batch_alter_table("measurements") as batch:
        batch.add_column(sa.Column("source_row", sa.Integer(), nullable=True))
    with op.batch_alter_table("uploads") as batch:
        batch.add_column(
            sa.Column("problem_count", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.drop_column("problem_count")
    with op.batch_alter_table("measurements") as batch:
        batch.drop_column("source_row")
    op.drop_table("upload_files")
