"""The store: one module owns the database connection (db), one query layer (query), formats (io)."""
from .db import Store

__all__ = ["Store"]
