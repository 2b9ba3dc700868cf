"""Alembic environment: migrations always run on the connection Redactor hands over."""

from __future__ import annotations

from alembic import context

from redactor.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("Run migrations through Redactor, which supplies the connection.")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
context.run_migrations()
