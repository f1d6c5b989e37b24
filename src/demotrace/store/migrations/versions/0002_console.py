"""The console: sign-in links, browser sessions, episode reviews, devices' reported states.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_links",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("expires", sa.Float, nullable=False),
        sa.Column("used_at", sa.Float, nullable=True),
    )
    op.create_table(
        "console_sessions",
        sa.Column("cookie_hash", sa.String(64), primary_key=True),
        sa.Column("user", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("expires", sa.Float, nullable=False),
    )
    op.create_index("ix_console_sessions_user", "console_sessions", ["user"])
    op.create_table(
        "episode_reviews",
        sa.Column("episode_id", sa.String(48), primary_key=True),
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("instruction", sa.Text, nullable=True),
        sa.Column("reviewer", sa.String(128), nullable=False),
        sa.Column("updated", sa.Float, nullable=False),
    )
    op.create_index("ix_episode_reviews_session_id", "episode_reviews", ["session_id"])
    op.create_table(
        "device_states",
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("user", sa.String(64), nullable=False),
        sa.Column("state", sa.String(200), nullable=False),
        sa.Column("updated", sa.Float, nullable=False),
    )
    op.create_index("ix_device_states_user", "device_states", ["user"])


def downgrade() -> None:
    op.drop_table("device_states")
    op.drop_table("episode_reviews")
    op.drop_table("console_sessions")
    op.drop_table("console_links")
