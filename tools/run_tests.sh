#!/usr/bin/env bash
# The whole test suite: lint, the import contract, the docs, the serial run, then the
# MPI-relevant tests under
# `mpiexec -n 2`.  Exits non-zero if any part fails.  Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=.venv
NP=${NP:-2}
# wall-clock limits per stage (s): a hung stage fails the run instead of stalling it
SERIAL_LIMIT=${SERIAL_LIMIT:-1800}
MPI_LIMIT=${MPI_LIMIT:-1200}
status=0

echo "== ruff"
"$VENV/bin/ruff" check cardiotwin tests benchmarks tools examples docs || status=1

echo "== import contract (lint-imports)"
"$VENV/bin/lint-imports" --no-cache || status=1

echo "== docs (sphinx, warnings are errors)"
bash tools/build_docs.sh || status=1

echo "== pytest (serial)"
timeout -k 30 "$SERIAL_LIMIT" "$VENV/bin/python" -m pytest -q -m "not slow" "$@" || status=1

echo "== pytest under mpiexec -n $NP (tests marked 'mpi')"
timeout -k 30 "$MPI_LIMIT" "$VENV/bin/mpiexec" -n "$NP" "$VENV/bin/python" -m pytest -q -m "mpi and not slow" \
  -p no:cacheprovider "$@" || status=1

if [ "$status" -ne 0 ]; then echo "== FAILED"; else echo "== all test stages passed"; fi
exit "$status"
