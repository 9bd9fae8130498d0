"""The HTTP edge: FastAPI routes that parse, call one service method and render."""

from collectguard.api.app import create_app

__all__ = ["create_app"]
