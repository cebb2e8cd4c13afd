"""The web application over the store: REST API and server-rendered pages, each page with a .json twin."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
