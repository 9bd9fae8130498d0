"""Fixtures of the dashboard tests (defined in web_floor.py so tests can import its helpers)."""

from web_floor import browser, floor, page

__all__ = ["browser", "floor", "page"]
