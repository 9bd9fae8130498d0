"""The demo: a synthetic collection floor in a local database, for trying collectguard in a minute."""

from collectguard.demo.seed import DEMO_USERS, SeedSummary, reset_passwords, seed

__all__ = ["DEMO_USERS", "SeedSummary", "reset_passwords", "seed"]
