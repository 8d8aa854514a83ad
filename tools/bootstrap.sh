#!/usr/bin/env bash
# Set up a development environment in ./.venv: find Python >= 3.12, create the venv,
# install the DOLFINx binary wheel and cardiotwin (editable) with its test extras, and
# build the Cython kernels.  Idempotent: with nothing to do it finishes in seconds.
#
# Python is looked for in this order: $PYTHON, python3.13 / python3.12 on PATH, then
# pyenv's installed versions.  Set CARDIOTWIN_SKIP_APT=1 to never call apt-get.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=.venv
STAMP="$VENV/.cardiotwin-setup"
EXTRAS="dolfinx,test,viz,imaging,cellml,bench,dev,docs,twin"

say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

py_ok() {  # usage: py_ok EXE -> true if EXE runs and is >= 3.12
  "$1" -c 'import sys; raise SystemExit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null
}

find_python() {
  local cand
  if [ -n "${PYTHON:-}" ]; then
    py_ok "$PYTHON" || die "\$PYTHON=$PYTHON is not a Python >= 3.12 (cardiotwin needs >= 3.12 for the DOLFINx wheel)."
    echo "$PYTHON"; return
  fi
  for cand in python3.13 python3.12; do
    if command -v "$cand" >/dev/null 2>&1 && py_ok "$(command -v "$cand")"; then
      command -v "$cand"; return
    fi
  done
  local root="${PYENV_ROOT:-$HOME/.pyenv}"
  if [ -d "$root/versions" ]; then
    for cand in $(ls -1 "$root/versions" 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -t. -k2,2nr -k3,3nr); do
      if py_ok "$root/versions/$cand/bin/python"; then
        echo "$root/versions/$cand/bin/python"; return
      fi
    done
  fi
  die "no Python >= 3.12 found (looked at \$PYTHON, python3.13/python3.12 on PATH and ${root}/versions).
       Install one (e.g. 'pyenv install 3.12' or 'apt-get install python3.12') or set PYTHON=/path/to/python3.12."
}

inputs_hash() {  # what the installed environment depends on
  cat pyproject.toml setup.py tools/bootstrap.sh | sha256sum | cut -c1-16
}

kernels_stale() {  # true if any kernel source is newer than its built module, or one is missing
  local pyx rel so
  for pyx in $(find kernels -name '*.pyx' | sort); do
    rel=${pyx#kernels/}; rel=${rel%.pyx}
    so=$(ls cardiotwin/_kernels/"$rel".*.so 2>/dev/null | head -1 || true)
    [ -n "$so" ] || return 0
    [ "$pyx" -nt "$so" ] && return 0
    for pxd in kernels/common/*.pxd; do [ "$pxd" -nt "$so" ] && return 0; done
  done
  return 1
}

# --- Python and venv ------------------------------------------------------------------
if [ -n "${PYTHON:-}" ] && ! py_ok "$PYTHON"; then
  die "\$PYTHON=$PYTHON is not a Python >= 3.12 (cardiotwin needs >= 3.12 for the DOLFINx wheel)."
fi
if [ -x "$VENV/bin/python" ] && ! py_ok "$VENV/bin/python"; then
  say "existing $VENV has Python < 3.12; recreating it"
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  PY=$(find_python)
  say "creating $VENV with $PY ($("$PY" -V 2>&1))"
  "$PY" -m venv "$VENV"
fi

# --- system library for Myokit's CVODES reference simulations (tests skip without it) --
if [ -z "${CARDIOTWIN_SKIP_APT:-}" ] && ! [ -e /usr/include/cvodes/cvodes.h ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing libsundials-dev (CVODES, for the Myokit reference simulations)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsundials-dev >/dev/null) \
      || say "warning: could not install libsundials-dev; Myokit comparison tests will be skipped"
  else
    say "warning: libsundials-dev is not installed (needs root); Myokit comparison tests will be skipped"
  fi
fi

# --- Python packages -------------------------------------------------------------------
want=$(inputs_hash)
have=$(cat "$STAMP" 2>/dev/null || true)
PIP=("$VENV/bin/python" -m pip -q --disable-pip-version-check)
if [ "$want" != "$have" ]; then
  say "installing build tools, the DOLFINx wheel and cardiotwin[$EXTRAS] (first time: a few minutes)"
  "${PIP[@]}" install "setuptools>=69" wheel "Cython>=3.0" "numpy>=1.26" 2>&1 | grep -v '^WARNING: Location' || true
  "${PIP[@]}" install --no-build-isolation -e ".[$EXTRAS]" 2>&1 | grep -v '^WARNING: Location' || true
  # benchmark peer, without its dependencies (they are in the bench extra)
  "${PIP[@]}" install --no-deps "fenicsx-beat>=0.7" 2>&1 | grep -v '^WARNING: Location' || true
  "$VENV/bin/python" -c 'import cardiotwin._kernels.buildinfo' 2>/dev/null \
    || die "the package did not install (see pip's output above)."
  echo "$want" > "$STAMP"
fi

# --- kernels -----------------------------------------------------------------------------
if kernels_stale; then
  say "building Cython kernels"
  "$VENV/bin/python" setup.py -q build_ext --inplace >/dev/null
fi
say "ready: $("$VENV/bin/python" -V 2>&1) in $VENV"
