#!/usr/bin/env bash
# The first command of the README: install collectguard into .venv (once) and start the demo.
#   scripts/demo.sh [--port 8400] [--db PATH] [--accounts 300] [--no-serve]
# Safe to run again: the virtualenv, the install and the demo database are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "collectguard needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  echo "creating .venv …"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.collectguard-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || ! .venv/bin/python -c 'import collectguard' 2>/dev/null; then
  echo "installing collectguard into .venv …"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e .
  touch "$stamp"
fi
exec .venv/bin/collectguard demo "$@"
