#!/usr/bin/env bash
# Build the HTML documentation (user guide, API reference, example gallery) into
# docs/_build/html with Sphinx; any warning is an error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=.venv
rm -rf docs/api/generated docs/auto_examples
"$VENV/bin/python" -m sphinx -W --keep-going -q -b html docs docs/_build/html
echo "docs: built docs/_build/html/index.html"
