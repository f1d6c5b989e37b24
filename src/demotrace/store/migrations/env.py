"""Alembic environment: runs against the connection that `demotrace.store.db.migrate` passes in."""

from __future__ import annotations

from alembic import context

from demotrace.store import console_models  # noqa: F401 - registers the console's tables
from demotrace.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
