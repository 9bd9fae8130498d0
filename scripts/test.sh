#!/usr/bin/env bash
# The README's test command: a fresh virtual environment, the package with its dev
# extras, the linters and the whole test suite. "No tests collected" is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e ".[dev]"
ruff check src tests bench
ruff format --check src tests bench
mypy
set +e
python -m pytest -p no:cacheprovider --cov=collectguard --cov-report=term "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "error: no tests were collected" >&2
  exit 1
fi
exit "$status"
