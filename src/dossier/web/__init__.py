"""The web UI (`dossier serve`): server-rendered pages, each with a JSON twin under /api/…."""

from .app import create_app

__all__ = ["create_app"]
