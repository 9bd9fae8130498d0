"""Alembic migrations, shipped inside the package so ``collectguard db upgrade`` works from an install."""
