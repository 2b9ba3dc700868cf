"""documents.repaired: the source was damaged and repaired when it was read

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 03:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite allows NOT NULL with a default): batch mode would copy the
    # table, which the foreign keys of pages and sources refuse.
    op.add_column(
        "documents",
        sa.Column("repaired", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("documents", "repaired")
