"""The cell models shipped with cardiotwin, and how their kernels are generated.

Each entry names the model, its kernel module (``kernels/ionic/<module>.pyx`` ->
``cardiotwin._kernels.ionic.<module>``), the source file and the changes made before
generation. The cell types of one source model (TP06: three CellML files; ORd: one file
with ``environment.celltype`` 0, 1, 2) share one kernel, where the cell type is the
per-cell parameter row ``celltype`` (0 endocardial, 1 epicardial, 2 mid-myocardial); their
registry names (``tp06-epi``, ``ord-m``...) select a cell type's default row and initial
states. CellML sources are read from the reference folder (``shared/reference/cellml``
beside the repository, or ``$CARDIOTWIN_SHARED_REFERENCE/cellml``); the Aliev–Panfilov
model is shipped as a Myokit ``.mmt`` file written from the paper. Neither Myokit nor the
CellML files are needed to build or use the committed kernels.

Regenerate every shipped kernel (needs Myokit and SymPy)::

    python -m cardiotwin.ionic.shipped [--reference DIR] [--check]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cardiotwin.exceptions import ModelError

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
KERNEL_DIR = REPO / "kernels" / "ionic"
MODELS_DIR = Path(__file__).resolve().parent / "models"
REGENERATE = "python -m cardiotwin.ionic.shipped"


@dataclass(frozen=True)
class CellType:
    """One cell type of a shipped kernel shared by several cell types.

    ``name`` is its registry name, ``value`` its value of the kernel's ``celltype``
    parameter row (0 endocardial, 1 epicardial, 2 mid-myocardial), ``source`` its CellML
    file and ``constants`` the literal constants changed before generation.
    """

    name: str
    value: float
    source: str
    constants: dict[str, float] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class ShippedModel:
    """One shipped kernel: its module, source and modifications, and its cell types.

    A kernel with ``cell_types`` serves them all (registry names are theirs; the cell type
    is the per-cell parameter row ``celltype``); otherwise the kernel is one registry
    model called ``name``.
    """

    name: str
    module: str
    source: str = ""
    constants: dict[str, float] = field(default_factory=dict)
    note: str = ""
    packaged: bool = False
    cell_types: tuple[CellType, ...] = ()

    def source_path(self, reference: Path | None = None, source: str | None = None) -> Path:
        """Absolute path of a source file (CellML from the reference folder, or .mmt)."""
        src = source or self.source
        if self.packaged:
            return MODELS_DIR / src
        return (reference or default_reference()) / "cellml" / src

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source file of the kernel."""
        if self.cell_types:
            return tuple(dict.fromkeys(c.source for c in self.cell_types))
        return (self.source,)

    @property
    def registry_names(self) -> tuple[str, ...]:
        """The registry names this kernel serves."""
        return tuple(c.name for c in self.cell_types) or (self.name,)


_TP06 = ("ten Tusscher KHWJ, Panfilov AV (2006). Am J Physiol Heart Circ Physiol "
         "291:H1088-H1100.")
_ORD = ("O'Hara T, Virag L, Varro A, Rudy Y (2011). PLoS Comput Biol 7:e1002061; cell types "
        "by the paper's scalings (environment.celltype).")
_ORD_FILE = "ohara_rudy_2011_endo.cellml"

SHIPPED: tuple[ShippedModel, ...] = (
    ShippedModel("tp06", "tp06", note=_TP06 + " Three CellML files, one per cell type.",
                 cell_types=(
                     CellType("tp06-endo", 0.0, "ten_tusscher_model_2006_endo.cellml",
                              note="Endocardial cell."),
                     CellType("tp06-epi", 1.0, "ten_tusscher_model_2006_epi.cellml",
                              note="Epicardial cell."),
                     CellType("tp06-m", 2.0, "ten_tusscher_model_2006_M.cellml",
                              note="M cell."))),
    ShippedModel("ord", "ord", note=_ORD, cell_types=(
        CellType("ord-endo", 0.0, _ORD_FILE, {"environment.celltype": 0.0}, "Endocardial."),
        CellType("ord-epi", 1.0, _ORD_FILE, {"environment.celltype": 1.0}, "Epicardial."),
        CellType("ord-m", 2.0, _ORD_FILE, {"environment.celltype": 2.0}, "Mid-myocardial."))),
    ShippedModel("ord-cipa", "ord_cipa", "ohara_rudy_cipa_v1_2017.cellml",
                 note="Li Z et al. (2017) Circ Arrhythm Electrophysiol 10:e004628; Dutta S "
                      "et al. (2017) Front Physiol 8:616. CiPA v1.0, dynamic hERG binding."),
    ShippedModel("courtemanche", "courtemanche", "courtemanche_ramirez_nattel_1998.cellml",
                 note="Courtemanche M, Ramirez RJ, Nattel S (1998). Am J Physiol 275:H301-H321. "
                      "Human atrial myocyte."),
    ShippedModel("mitchell-schaeffer", "mitchell_schaeffer", "mitchell_schaeffer_2003.cellml",
                 note="Mitchell CC, Schaeffer DG (2003). Bull Math Biol 65:767-793. "
                      "V is dimensionless (0..1); the stimulus is a flux in 1/ms."),
    ShippedModel("aliev-panfilov", "aliev_panfilov", "aliev_panfilov_1996.mmt", packaged=True,
                 note="Aliev RR, Panfilov AV (1996). Chaos Solitons Fractals 7:293-301. "
                      "Written from the paper (V = 100 u - 80 mV, t = 12.9 t_AU ms)."),
)


def default_reference() -> Path:
    """The reference data folder (``$CARDIOTWIN_SHARED_REFERENCE`` or ../shared/reference)."""
    env = os.environ.get("CARDIOTWIN_SHARED_REFERENCE")
    return Path(env) if env else REPO.parent / "shared" / "reference"


def shipped(name: str) -> ShippedModel:
    """The shipped kernel called ``name`` or serving the registry name ``name``."""
    for m in SHIPPED:
        if name == m.name or name in m.registry_names:
            return m
    raise ModelError(f"no shipped model {name!r}; shipped: "
                     f"{', '.join(n for m in SHIPPED for n in m.registry_names)}")


def cell_type(name: str) -> CellType | None:
    """The cell type with registry name ``name`` (None for a single-type kernel)."""
    for c in shipped(name).cell_types:
        if c.name == name:
            return c
    return None


def source_file(name: str) -> str:
    """The source file of a registry model (its cell type's file for shared kernels)."""
    ct = cell_type(name)
    return ct.source if ct is not None else shipped(name).source


def generate_shipped(model: ShippedModel, reference: Path | None = None) -> str:
    """The kernel source of a shipped model (deterministic)."""
    from cardiotwin.ionic.codegen import Variant, generate_pyx
    from cardiotwin.ionic.importer import prepare_model

    def changes(constants: dict[str, float]) -> str:
        return ", ".join(f"{k} = {v:g}" for k, v in sorted(constants.items()))

    if not model.cell_types:
        prep = prepare_model(model.source_path(reference), constants=model.constants)
        desc = model.note + (f"\nChanged before generation: {changes(model.constants)}."
                             if model.constants else "")
        return generate_pyx(prep, model_name=model.name, regenerate=REGENERATE,
                            description=desc)
    variants = []
    lines = [model.note]
    for c in model.cell_types:
        prep = prepare_model(model.source_path(reference, c.source), constants=c.constants)
        variants.append(Variant(c.name, c.value, prep))
        lines.append(f"{c.name}: {c.note}" + (f" Changed before generation: "
                                              f"{changes(c.constants)}." if c.constants else ""))
    return generate_pyx(variants, model_name=model.name, regenerate=REGENERATE,
                        description="\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or with ``--check`` compare) every shipped kernel source."""
    ap = argparse.ArgumentParser(prog="python -m cardiotwin.ionic.shipped",
                                 description="regenerate kernels/ionic/*.pyx")
    ap.add_argument("--reference", type=Path, default=None,
                    help="reference folder holding cellml/ (default: ../shared/reference)")
    ap.add_argument("--check", action="store_true",
                    help="only compare with the committed files; exit 1 if any differs")
    ap.add_argument("names", nargs="*", help="models (default: all)")
    args = ap.parse_args(argv)
    status = 0
    for m in SHIPPED:
        if args.names and not {m.name, *m.registry_names} & set(args.names):
            continue
        text = generate_shipped(m, args.reference)
        target = KERNEL_DIR / f"{m.module}.pyx"
        if args.check:
            same = target.is_file() and target.read_text(encoding="utf-8") == text
            sys.stdout.write(f"{m.name}: {'up to date' if same else 'DIFFERS'}\n")
            status |= 0 if same else 1
        else:
            target.write_text(text, encoding="utf-8")
            sys.stdout.write(f"{m.name}: wrote {target}\n")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
