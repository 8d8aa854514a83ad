"""Users' own cell models at run time: generate, compile into a per-user cache, load.

The cache has two levels, both content hashes.  A compiled kernel lives in
``ionic/k<source key>/``, keyed by the SHA-256 of its generated source together with the
compiler flags and the C/Cython helpers it includes; and ``ionic/<file key>.json`` maps the
model file (its bytes, the binding options, the generator's own sources) to that kernel.
So a second :func:`load_model` of the same file is only an import, and a change of the
generator that leaves a model's code unchanged does not recompile it.  The cache lives in
``$CARDIOTWIN_CACHE_DIR`` or ``$XDG_CACHE_HOME/cardiotwin`` (default ``~/.cache/cardiotwin``).

Under MPI, generate and compile on rank 0 only, broadcast success or the error, then load
on every rank (pass ``comm``).
"""

from __future__ import annotations

import ctypes
import hashlib
import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from cardiotwin.exceptions import DependencyError, KernelError, ModelError
from cardiotwin.ionic.registry import CellModel, register_user_kernel

logger = logging.getLogger(__name__)

_COMMON = Path(__file__).resolve().parents[2] / "kernels" / "common"


def cache_dir() -> Path:
    """Root of the per-user kernel cache."""
    env = os.environ.get("CARDIOTWIN_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cardiotwin"


_GENERATOR_SOURCES = ("importer.py", "codegen.py", "symbolic.py")
#: the flags of the shipped kernels (setup.py): -fstrict-overflow lets GCC vectorise the
#: table and state index arithmetic of the cell loops with full-width vectors
_CFLAGS = ("-O3", "-fno-math-errno", "-fno-trapping-math", "-fstrict-overflow", "-fopenmp",
           "-DNPY_NO_DEPRECATED_API=NPY_1_7_API_VERSION")

#: kernels compiled by this process (rank 0 only under MPI; see :func:`load_model`)
_BUILDS: list[str] = []


def builds_in_this_process() -> tuple[str, ...]:
    """Cache keys of the kernels this process compiled (not those found in the cache)."""
    return tuple(_BUILDS)


def _key(path: Path, vm: str | None, stimulus: str | None, name: str) -> str:
    """Hash of what a model file's generated source depends on: the file, the binding
    options and the generator's sources."""
    from cardiotwin.ionic.codegen import GENERATOR_VERSION

    h = hashlib.sha256(path.read_bytes())
    h.update(f"\0{vm}\0{stimulus}\0{name}\0{GENERATOR_VERSION}".encode())
    here = Path(__file__).resolve().parent
    for src in _GENERATOR_SOURCES:
        h.update((here / src).read_bytes())
    return h.hexdigest()[:20]


def _source_key(source: str) -> str:
    """Hash of what a compiled kernel depends on: its source, the compiler flags and the
    helpers it includes."""
    h = hashlib.sha256(source.encode())
    h.update(repr(_CFLAGS).encode())
    for helper in sorted([*_COMMON.glob("*.pxd"), *_COMMON.glob("*.pxi"),
                          *_COMMON.glob("*.h")]):
        h.update(helper.read_bytes())
    return h.hexdigest()[:20]


def _default_name(path: Path) -> str:
    return "user-" + re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")


def _import_from(so: Path, modname: str) -> Any:
    spec = importlib.util.spec_from_file_location(modname, so)
    if spec is None or spec.loader is None:
        raise KernelError(f"cannot load compiled kernel {so}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _compile(pyx: Path, modname: str, build: Path, *, libmvec: bool = True) -> Path:
    if shutil.which(os.environ.get("CC", "cc")) is None and shutil.which("gcc") is None:
        raise DependencyError("compiling a cell model needs a C compiler (cc/gcc) on PATH; "
                              "install one (e.g. apt-get install gcc) or set CC")
    if not _COMMON.is_dir():
        raise KernelError(f"kernel helpers {_COMMON} not found: run-time compilation needs "
                          "a source (or editable) installation of cardiotwin")
    cflags = list(_CFLAGS)
    if not libmvec:
        cflags.append("-DCARDIOTWIN_NO_LIBMVEC")
    script = build / "setup_kernel.py"
    script.write_text(
        "import numpy\n"
        "from Cython.Build import cythonize\n"
        "from setuptools import Extension, setup\n"
        f"ext = Extension({modname!r}, [{pyx.name!r}], include_dirs=[numpy.get_include(), "
        f"{str(_COMMON)!r}], extra_compile_args={cflags!r}, "
        "extra_link_args=['-fopenmp'], libraries=['m'])\n"
        f"setup(ext_modules=cythonize([ext], include_path=[{str(_COMMON)!r}], "
        "language_level=3, compiler_directives={'boundscheck': False, 'wraparound': False, "
        "'cdivision': True, 'initializedcheck': False}), script_args=['build_ext', "
        "'--inplace', '-q'])\n",
        encoding="utf-8",
    )
    proc = subprocess.run([sys.executable, str(script)], cwd=build, capture_output=True,
                          text=True, check=False)
    sos = sorted(build.glob(f"{modname}*.so")) + sorted(build.glob(f"{modname}*.pyd"))
    if proc.returncode != 0 or not sos:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        if "Cython" in tail and "No module named" in tail:
            raise DependencyError("compiling a cell model needs Cython: pip install cython")
        raise KernelError(f"compiling the kernel for {pyx} failed:\n{tail}")
    return sos[0]


def load_model(path: str | Path, *, name: str | None = None, vm: str | None = None,
               stimulus: str | None = None, comm: Any | None = None) -> CellModel:
    """Generate, compile (cached) and load a user's CellML or ``.mmt`` cell model.

    Parameters
    ----------
    path
        CellML 1.0/1.1/2.0 or Myokit ``.mmt`` file (time in s or ms, V in V, mV or
        dimensionless; converted, see :func:`cardiotwin.ionic.importer.prepare_model`).
    name
        Registry name (default ``user-<file stem>``).
    vm, stimulus
        Qualified names of the membrane potential and stimulus current, for models whose
        annotations and variable names do not reveal them.
    comm
        An mpi4py communicator: rank 0 generates and compiles (or finds the kernel in the
        cache), broadcasts success or its error, then every rank loads the kernel.  Every
        rank must see the same cache folder (``$CARDIOTWIN_CACHE_DIR``).

    Returns
    -------
    CellModel
        Also registered, so ``get_model(name)`` finds it afterwards.

    Raises
    ------
    ModelError
        Unreadable model, no recognisable membrane potential/stimulus, unsupported units.
    DependencyError
        No Myokit/SymPy (for generation) or no C compiler/Cython.
    KernelError
        Compilation failed (on every rank under MPI).
    """
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise ModelError(f"cell model file {path} does not exist")
    name = name or _default_name(path)
    index = cache_dir() / "ionic" / f"{_key(path, vm, stimulus, name)}.json"
    error: tuple[str, str] | None = None
    if comm is None or comm.rank == 0:
        try:
            _build(path, name, vm, stimulus, index)
        except Exception as exc:
            if comm is None:
                raise
            error = (type(exc).__name__, str(exc))
    if comm is not None:
        error = comm.bcast(error, root=0)
        if error is not None:
            cls = {"ModelError": ModelError, "DependencyError": DependencyError}.get(
                error[0], KernelError)
            raise cls(f"{error[1]} (building the kernel for {path.name} on rank 0)")
    try:
        skey = json.loads(index.read_text(encoding="utf-8"))["source_key"]
    except (OSError, ValueError, KeyError):
        raise KernelError(f"kernel index {index} missing or unreadable (under MPI every rank "
                          "needs the same $CARDIOTWIN_CACHE_DIR)") from None
    modname = "ct_user_" + skey
    so = next(iter(sorted((cache_dir() / "ionic" / f"k{skey}").glob(f"{modname}*.so"))),
              None)
    if so is None:
        raise KernelError(f"compiled kernel {modname} missing from the cache "
                          f"{cache_dir() / 'ionic'}")
    if modname in sys.modules:
        kernel = sys.modules[modname]
    else:
        kernel = _import_from(so, modname)
        sys.modules[modname] = kernel
    return register_user_kernel(kernel)


def _build(path: Path, name: str, vm: str | None, stimulus: str | None, index: Path) -> None:
    """Make sure ``index`` names a compiled kernel of the model file (rank 0 only)."""
    if index.is_file():
        try:
            skey = json.loads(index.read_text(encoding="utf-8"))["source_key"]
            if any((index.parent / f"k{skey}").glob(f"ct_user_{skey}*.so")):
                logger.info("kernel for %s found in cache %s", path.name, index.parent)
                return
        except (OSError, ValueError, KeyError):
            pass
    from cardiotwin.ionic.codegen import generate_pyx
    from cardiotwin.ionic.importer import prepare_model

    t0 = time.perf_counter()
    prep = prepare_model(path, vm=vm, stimulus=stimulus)
    source = generate_pyx(prep, model_name=name,
                            regenerate=f"cardiotwin models import {path.name}",
                            description=f"User model loaded from {path.name}.")
    t1 = time.perf_counter()
    skey = _source_key(source)
    target = index.parent / f"k{skey}"
    modname = "ct_user_" + skey
    compile_s = None
    if not any(target.glob(f"{modname}*.so")):
        tmp = target.with_name(target.name + f".tmp{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        pyx = tmp / f"{modname}.pyx"
        pyx.write_text(source, encoding="utf-8")
        logger.info("compiling kernel for %s (a minute for large models)", path.name)
        so = _compile(pyx, modname, tmp)
        try:
            ctypes.CDLL(str(so))  # resolves every symbol now (RTLD_NOW)
        except OSError as exc:
            if "_ZGV" not in str(exc):
                raise KernelError(f"the compiled kernel {so} does not load: {exc}") from exc
            # the C library declares no SIMD math (libmvec): build with the scalar functions
            logger.info("no SIMD math library (%s); rebuilding with scalar exp/log", exc)
            for old in tmp.glob(f"{modname}*.so"):
                old.unlink()
            _compile(pyx, modname, tmp, libmvec=False)
        compile_s = time.perf_counter() - t1
        (tmp / "build_times.json").write_text(json.dumps(
            {"generate_s": round(t1 - t0, 3), "compile_s": round(compile_s, 3)}) + "\n",
            encoding="utf-8")
        shutil.rmtree(tmp / "build", ignore_errors=True)
        shutil.rmtree(target, ignore_errors=True)
        tmp.rename(target)
        _BUILDS.append(target.name)
    tmp_index = index.with_name(index.name + f".tmp{os.getpid()}")
    tmp_index.write_text(json.dumps({"source_key": skey, "file": path.name, "name": name,
                                     "generate_s": round(t1 - t0, 3)}) + "\n",
                         encoding="utf-8")
    tmp_index.replace(index)
    logger.info("kernel for %s: generated in %.1f s%s", path.name, t1 - t0,
                "" if compile_s is None else f", compiled in {compile_s:.1f} s")


def build_times(model: CellModel) -> dict[str, float] | None:
    """``{"generate_s", "compile_s"}`` of a user model's cached kernel when it was compiled
    (None if unknown)."""
    so = getattr(model.kernel, "__file__", None)
    if not so:
        return None
    info = Path(so).parent / "build_times.json"
    if not info.is_file():
        return None
    return dict(json.loads(info.read_text(encoding="utf-8")))
