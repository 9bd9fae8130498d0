"""``python -m collectguard`` runs the CLI."""

from collectguard.cli.main import main

main()
