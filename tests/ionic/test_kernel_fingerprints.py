"""The shipped TP06 and ORd kernels reproduce, bit for bit, the traces of the per-cell-type
kernels they replaced.

Until the TP06 and ORd cell types became parameter rows of one kernel per source model,
each cell type had a kernel of its own (``tp06_epi.pyx``, ``ord_m.pyx``...).  The
fingerprints below were recorded with those kernels: the SHA-256 of the float64 bytes of
every state of 40 cells (heterogeneous conductance scalings) after each of 400 steps of
0.05 ms from the model's initial state, with the model's own stimulus for its duration,
with the plain kernel and with lookup tables.  Vectorised ``exp``/``log`` differ between
instruction sets, so the fingerprints are per instruction-set level (GCC's
``target_clones`` picks the kernel clone at load time); on a CPU level without recorded
fingerprints the test skips.

Record (with the kernels to compare against)::

    python tests/ionic/test_kernel_fingerprints.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import pytest

NAMES = ("tp06-epi", "tp06-endo", "tp06-m", "ord-endo", "ord-epi", "ord-m")
N_CELLS = 40
N_STEPS = 400
DT_MS = 0.05

#: level -> (model, "plain"/"lut") -> sha256 of the state bytes after every step
FINGERPRINTS: dict[str, dict[tuple[str, str], str]] = {
    'x86-64-v4': {
        ('tp06-epi', 'plain'): '053e518b8d6c1e56a597593a57dacf874508d52045f13814ea3c535b0517eb42',
        ('tp06-epi', 'lut'): '0f0fda0ff334c90a5aaed53975854a343cd2c805630247cfce18e8b8a27fe812',
        ('tp06-endo', 'plain'): '274804aed7bd00b18b577fb30eb9e954d693edefc5187b6a6dd0c365cb04faa4',
        ('tp06-endo', 'lut'): 'dcb8a13b4737b6c629132d876d7f8f790dd0714beaf1b2d907b3ba8de1ae5131',
        ('tp06-m', 'plain'): 'cd51c23f8b6d329cc1f452d96c9215c3c1a4f9258353c7938ad6cf24c075cc95',
        ('tp06-m', 'lut'): 'a88e1f5dbfc81f9cb825f0e22289aaffc95f089b4417bda2c9edb8b4c0c6d4f0',
        ('ord-endo', 'plain'): '8788c84be8159d0b57ea1a38fc02025d6563b3d4c352a60e5d47d511a375d623',
        ('ord-endo', 'lut'): 'a1a39ca0561ac9062acbfffd48bebeee0ec93456993a08d97ddff8c22a5331e7',
        ('ord-epi', 'plain'): '595f009098c1fc49e3ff93b8a3bc7a728f3f6d553ec6a67e90b7b4e9de30d34e',
        ('ord-epi', 'lut'): 'b698eb393a299a0a6c249bfeb43d6190c60e3deb5e372a1938e1cdb673dc5157',
        ('ord-m', 'plain'): '127c6be86b9fbf15fbd7f127693b7ceab4a040c1941679e15b549f58d2f98537',
        ('ord-m', 'lut'): 'dab92529a34dc52a981db49c1050f3682384e83a2ef935571fab8fd3cbaa8119',
    },
}


def cpu_level() -> str:
    """The x86-64 micro-architecture level GCC's ``target_clones`` resolves to here."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    flags: set[str] = set()
    for line in text.splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
    v3 = {"avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "movbe", "xsave"}
    v4 = {"avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"}
    if not flags:
        return "unknown"
    if v3 <= flags and v4 <= flags:
        return "x86-64-v4"
    if v3 <= flags:
        return "x86-64-v3"
    return "x86-64"


def fingerprint(name: str, lut: bool) -> str:
    """SHA-256 of the states after each of ``N_STEPS`` steps (see the module docstring)."""
    from cardiotwin.ionic import get_model

    m = get_model(name)
    x, p = m.initial_states(N_CELLS), m.default_params(N_CELLS)
    c = np.arange(N_CELLS)
    for i, kind in enumerate(m.param_kinds):
        if kind == "scale":
            p[i] = 1.0 + 0.05 * ((c + 3 * i) % 9 - 4)
    amp, dur = m.default_stimulus
    tab = m.lookup_table(DT_MS) if lut else None
    vmin, _vmax, dv = m.lut_default_range
    h = hashlib.sha256()
    for k in range(N_STEPS):
        t = k * DT_MS
        i_stim = np.full(N_CELLS, amp if t < dur else 0.0)
        if tab is None:
            m.kernel.step(x, p, i_stim, t, DT_MS, 1)
        else:
            m.kernel.step_lut(x, p, i_stim, t, DT_MS, tab, vmin, dv, 1)
        h.update(x.tobytes())
    assert np.all(np.isfinite(x))
    return h.hexdigest()


@pytest.mark.parametrize("mode", ["plain", "lut"])
@pytest.mark.parametrize("name", NAMES)
def test_same_bits_as_the_per_cell_type_kernels(name, mode):
    level = cpu_level()
    if level not in FINGERPRINTS:
        pytest.skip(f"no fingerprints recorded for this CPU level ({level}); recorded: "
                    f"{', '.join(FINGERPRINTS) or 'none'}")
    assert fingerprint(name, mode == "lut") == FINGERPRINTS[level][(name, mode)]


if __name__ == "__main__":
    level = cpu_level()
    sys.stdout.write(f"    {level!r}: {{\n")
    for name in NAMES:
        for mode in ("plain", "lut"):
            sys.stdout.write(f"        ({name!r}, {mode!r}): "
                             f"{fingerprint(name, mode == 'lut')!r},\n")
    sys.stdout.write("    },\n")


@pytest.mark.parametrize("lut", [False, True], ids=["plain", "lut"])
@pytest.mark.parametrize("source", ["tp06", "ord"])
def test_mixed_cell_types_match_homogeneous_runs(source, lut):
    """Cells of different types interleaved in one array (every chunk mixed) evolve bit
    for bit as in arrays of one type."""
    from cardiotwin.ionic import get_model

    names = [n for n in NAMES if n.startswith(source + "-")]
    models = [get_model(n) for n in names]
    n = 45
    kinds = np.arange(n) % len(names)
    xm = np.empty((models[0].n_states, n))
    pm = np.empty((models[0].n_params, n))
    ref = []
    for k, m in enumerate(models):
        cols = kinds == k
        xm[:, cols] = m.initial_states(int(cols.sum()))
        pm[:, cols] = m.default_params(int(cols.sum()))
        ref.append((cols, m.initial_states(int(cols.sum())), m.default_params(int(cols.sum()))))
    assert set(pm[models[0].param_index("celltype")]) == {0.0, 1.0, 2.0}
    m0 = models[0]
    tab = m0.lookup_table(DT_MS) if lut else None
    vmin, _vmax, dv = m0.lut_default_range
    for step in range(200):
        t = step * DT_MS
        for arr_x, arr_p in [(xm, pm)] + [(rx, rp) for _c, rx, rp in ref]:
            i_stim = np.full(arr_x.shape[1], m0.default_stimulus[0] if t < 1.0 else 0.0)
            if tab is None:
                m0.kernel.step(arr_x, arr_p, i_stim, t, DT_MS, 1)
            else:
                m0.kernel.step_lut(arr_x, arr_p, i_stim, t, DT_MS, tab, vmin, dv, 1)
    for cols, rx, _rp in ref:
        assert np.array_equal(xm[:, cols], rx)


def test_unknown_cell_type_is_refused():
    from cardiotwin.exceptions import KernelError
    from cardiotwin.ionic import get_model

    m = get_model("tp06-epi")
    x, p = m.initial_states(3), m.default_params(3)
    p[m.param_index("celltype"), 1] = 1.5
    with pytest.raises(KernelError, match="celltype"):
        m.step(x, p, np.zeros(3), 0.0, 0.01)
