# The Python API of every generated ionic kernel, included by each kernels/ionic/*.pyx
# (and by the kernels compiled at run time) after its model-specific part, which defines:
# the enums CHUNK, NS, NP, NL, LANES, NV, VROW; N_STATES_C, N_PARAMS_C, N_LUT_C; the C cell
# loops ct_chunk/ct_chunk_lut and ct_variant_of; _lut_row and _cell_currents; the module
# constants (STATE_NAMES, LUT_ENTRIES, VARIANT_*...).  See cardiotwin.ionic.codegen.


cdef int _chunk_at(double* s, const double* p, Py_ssize_t n, Py_ssize_t c0,
                  const double* ist, Py_ssize_t ist_stride, double t, double dt,
                  const double* lut, int n_rows, double vmin, double inv_dv) noexcept nogil:
    """Advance cells ``c0 .. min(c0 + CHUNK, n) - 1``; 1 if a cell-type value is unknown.

    A short last chunk is padded (with copies of its last cell, up to a multiple of LANES)
    into local arrays, so that every cell takes the same code path whatever the number of
    cells or threads (bitwise identical results).  A chunk holding several cell types is
    advanced once per type present, each cell keeping its own type's result."""
    cdef double ib[CHUNK]
    cdef double sb[NS * CHUNK]
    cdef double tb[NS * CHUNK]
    cdef double pb[NP * CHUNK]
    cdef int vk[CHUNK]
    cdef Py_ssize_t m = n - c0
    cdef Py_ssize_t mm = m if m < CHUNK else CHUNK
    cdef Py_ssize_t j, k, jj
    cdef int nj = CHUNK if m >= CHUNK else <int>(((m + LANES - 1) // LANES) * LANES)
    cdef int variant = 0
    cdef int mixed = 0
    cdef int kv, present
    vk[0] = 0
    if NV > 1:
        for j in range(mm):
            kv = ct_variant_of(p[VROW * n + c0 + j])
            if kv < 0:
                return 1
            vk[j] = kv
            if kv != vk[0]:
                mixed = 1
        variant = vk[0]
    for j in range(nj):
        jj = j if j < m else m - 1
        ib[j] = ist[(c0 + jj) * ist_stride]
    if m >= CHUNK and not mixed:
        if lut == NULL:
            ct_chunk(variant, CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt)
        else:
            ct_chunk_lut(variant, CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt,
                         lut, n_rows, vmin, inv_dv)
        return 0
    for k in range(NS):
        for j in range(nj):
            jj = j if j < m else m - 1
            sb[k * CHUNK + j] = s[k * n + c0 + jj]
    if p != NULL:
        for k in range(N_PARAMS_C):
            for j in range(nj):
                jj = j if j < m else m - 1
                pb[k * CHUNK + j] = p[k * n + c0 + jj]
    if not mixed:
        if lut == NULL:
            ct_chunk(variant, nj, sb, pb, CHUNK, ib, t, dt)
        else:
            ct_chunk_lut(variant, nj, sb, pb, CHUNK, ib, t, dt, lut, n_rows, vmin, inv_dv)
        for k in range(NS):
            for j in range(mm):
                s[k * n + c0 + j] = sb[k * CHUNK + j]
        return 0
    for kv in range(NV):
        present = 0
        for j in range(mm):
            if vk[j] == kv:
                present = 1
        if not present:
            continue
        for k in range(NS * CHUNK):
            tb[k] = sb[k]
        if lut == NULL:
            ct_chunk(kv, nj, tb, pb, CHUNK, ib, t, dt)
        else:
            ct_chunk_lut(kv, nj, tb, pb, CHUNK, ib, t, dt, lut, n_rows, vmin, inv_dv)
        for j in range(mm):
            if vk[j] == kv:
                for k in range(NS):
                    s[k * n + c0 + j] = tb[k * CHUNK + j]
    return 0


cdef int _run(double* s, const double* p, Py_ssize_t n, const double* ist,
              Py_ssize_t ist_stride, double t, double dt, const double* lut, int n_rows,
              double vmin, double inv_dv, int workers) noexcept nogil:
    """One step for all cells, chunk by chunk (``prange`` over chunks if workers > 1);
    returns the number of chunks with an unknown cell-type value (left unchanged)."""
    cdef Py_ssize_t n_chunks = (n + CHUNK - 1) // CHUNK
    cdef Py_ssize_t ch
    cdef int bad = 0
    if workers > 1:
        for ch in prange(n_chunks, num_threads=workers, schedule="static"):
            bad += _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                             inv_dv)
    else:
        for ch in range(n_chunks):
            bad += _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                             inv_dv)
    return bad


def _bad_variant():
    return ValueError(f"params row {VARIANT_PARAM!r} must hold one of the cell types "
                      f"{VARIANT_VALUES} ({', '.join(VARIANT_NAMES)})")


def step(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
         double t, double dt, int workers=1):
    """Advance every cell by one step ``dt`` (ms) from time ``t`` (ms), in place.

    ``states[N_STATES, n_cells]``, ``params[N_PARAMS, n_cells]``, ``i_stim[n_cells]``
    (µA/µF, negative depolarises).  Shapes are not checked here (see
    ``cardiotwin.ionic.CellModel.step``).
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef int bad
    if n == 0:
        return
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    with nogil:
        bad = _run(s, p, n, st, 1, t, dt, NULL, 0, 0.0, 1.0, workers)
    if bad:
        raise _bad_variant()


def make_lut(double vmin, double dv, double dt, double[:, ::1] out):
    """Fill ``out[N_VARIANTS * n_rows, N_LUT]`` with the V-only expressions at
    ``vmin + i*dv``, one block of ``n_rows`` rows per cell type.

    Each row is the mean of the values at ``V - h`` and ``V + h`` with ``h = dv / 1000``:
    this removes the 0/0 of removable singularities such as ``(V - a)/(exp(k (V - a)) - 1)``
    when ``a`` falls on a table point, and changes smooth entries by O(h**2).  The
    Rush-Larsen factors in the table depend on ``dt`` (ms).
    """
    cdef Py_ssize_t i, k, rows
    cdef int kv
    cdef double lo[NL]
    cdef double hi[NL]
    cdef double h = 1e-3 * dv
    if out.shape[1] != N_LUT or out.shape[0] % NV:
        raise ValueError(f"lookup table needs {N_LUT} columns and {NV} blocks of rows")
    if N_LUT_C == 0:
        return
    rows = out.shape[0] // NV
    with nogil:
        for kv in range(NV):
            for i in range(rows):
                _lut_row(vmin + i * dv - h, dt, lo, kv)
                _lut_row(vmin + i * dv + h, dt, hi, kv)
                for k in range(N_LUT_C):
                    out[kv * rows + i, k] = 0.5 * (lo[k] + hi[k])


cdef int _lut_rows(const double[:, ::1] lut) except -1:
    if (lut.shape[0] % NV or lut.shape[0] // NV < 2 or lut.shape[0] * (N_LUT + 1) > 2**31 - 1
            or lut.shape[1] != N_LUT):
        raise ValueError(f"lookup table needs {N_LUT} columns and {NV} blocks of 2 .. "
                         f"(2**31 - 1) / {N_LUT + 1} / {NV} rows")
    return <int>(lut.shape[0] // NV)


def step_lut(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
             double t, double dt, const double[:, ::1] lut, double vmin, double dv,
             int workers=1):
    """Like ``step`` but reading the V-only expressions from ``lut`` (from ``make_lut`` with
    the same ``dt``), linearly interpolated; V outside the table is clamped to its ends."""
    cdef Py_ssize_t n = states.shape[1]
    cdef int bad
    if n == 0:
        return
    cdef int rows = _lut_rows(lut)
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    cdef const double* tab = &lut[0, 0]
    with nogil:
        bad = _run(s, p, n, st, 1, t, dt, tab, rows, vmin, 1.0 / dv, workers)
    if bad:
        raise _bad_variant()


def advance(double[:, ::1] states, const double[:, ::1] params, double t0, double dt,
            Py_ssize_t n_steps, double amplitude, double duration, double period,
            double offset, double n_pulses=1e300, Py_ssize_t i0=0,
            double[:, ::1] trace=None, Py_ssize_t record_every=0, int workers=1,
            const double[:, ::1] lut=None, double vmin=0.0, double dv=1.0,
            double v_low=-1e300, double v_high=1e300):
    """Take ``n_steps`` steps, step ``i`` at time ``t0 + (i0 + i) * dt`` (ms), with the same
    pulse train for every cell: ``n_pulses`` pulses of ``amplitude`` (µA/µF, negative
    depolarises) for ``duration`` ms every ``period`` ms from ``offset`` ms (one pulse if
    ``period <= 0``).  Each step gets the pulse's average over the step, so the stimulus
    charge does not depend on ``dt``.

    If ``record_every > 0``, the states of cell 0 after every ``record_every``-th step are
    written to ``trace[k, :]``.  With ``lut`` (from ``make_lut`` at this ``dt``) the
    lookup-table path is used.  After every step the membrane potential of every cell is
    checked against ``[v_low, v_high]``: the run stops at the first cell outside (or
    non-finite).

    Returns
    -------
    (steps, cell)
        Steps taken, and the first cell out of range after the last of them (-1 if none).
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t k, c, row = 0, bad_cell = -1, done = 0
    cdef double* s
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* tab = NULL
    cdef int rows = 0
    cdef int bad = 0
    cdef double t, ist, vc
    cdef int check = v_low > -1e300 or v_high < 1e300
    if n == 0:
        return n_steps, -1
    s = &states[0, 0]
    if record_every > 0 and (trace is None or trace.shape[0] < n_steps // record_every
                             or trace.shape[1] != N_STATES):
        raise ValueError(f"trace needs {n_steps // record_every} rows and {N_STATES} columns")
    if lut is not None:
        rows = _lut_rows(lut)
        tab = &lut[0, 0]
    with nogil:
        while done < n_steps:
            t = t0 + (i0 + done) * dt
            ist = amplitude * blocktrain_fraction(t, dt, duration, period, offset, n_pulses)
            bad = _run(s, p, n, &ist, 0, t, dt, tab, rows, vmin, 1.0 / dv, workers)
            if bad:
                break
            done += 1
            if record_every > 0 and done % record_every == 0:
                for k in range(N_STATES_C):
                    trace[row, k] = s[k * n]
                row += 1
            if check:
                for c in range(n):
                    vc = s[c]
                    if not (vc >= v_low and vc <= v_high):
                        bad_cell = c
                        break
                if bad_cell >= 0:
                    break
    if bad:
        raise _bad_variant()
    return done, bad_cell


def currents(const double[:, ::1] states, const double[:, ::1] params, double t,
             double[:, ::1] out):
    """Evaluate ``CURRENT_NAMES`` for every cell into ``out[len(CURRENT_NAMES), n_cells]``
    (currents in µA/µF as in the model, concentrations in the model's unit, see
    ``CURRENT_UNITS``; the stimulus is taken as zero)."""
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef int kv = 0
    cdef int bad = 0
    cdef const double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef double* o = &out[0, 0]
    if n == 0:
        return
    if out.shape[0] != len(CURRENT_NAMES) or out.shape[1] != n:
        raise ValueError("out must have shape (len(CURRENT_NAMES), n_cells)")
    with nogil:
        for c in range(n):
            if NV > 1:
                kv = ct_variant_of(p[VROW * n + c])
                if kv < 0:
                    bad = 1
                    break
            _cell_currents(s, p, n, c, t, o, n, kv)
    if bad:
        raise _bad_variant()
