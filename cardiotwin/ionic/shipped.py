"""The cell models shipped with cardiotwin, and how their kernels are generated.

Each entry names the model, its kernel module (``kernels/ionic/<module>.pyx`` ->
``cardiotwin._kernels.ionic.<module>``), the source file and the changes made before
generation.  CellML sources are read from the reference folder (``shared/reference/cellml``
beside the repository, or ``$CARDIOTWIN_SHARED_REFERENCE/cellml``); the Aliev–Panfilov model
is shipped as a Myokit ``.mmt`` file written from the paper.  Neither Myokit nor the
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
class ShippedModel:
    """One shipped model: registry name, kernel module, source and modifications."""

    name: str
    module: str
    source: str
    constants: dict[str, float] = field(default_factory=dict)
    note: str = ""
    packaged: bool = False

    def source_path(self, reference: Path | None = None) -> Path:
        """Absolute path of the source file (CellML from the reference folder, or .mmt)."""
        if self.packaged:
            return MODELS_DIR / self.source
        return (reference or default_reference()) / "cellml" / self.source


_TP06 = ("ten Tusscher KHWJ, Panfilov AV (2006). Am J Physiol Heart Circ Physiol "
         "291:H1088-H1100.")
_ORD = ("O'Hara T, Virag L, Varro A, Rudy Y (2011). PLoS Comput Biol 7:e1002061; "
        "{} cell by the paper's scalings (celltype = {}).")

SHIPPED: tuple[ShippedModel, ...] = (
    ShippedModel("tp06-epi", "tp06_epi", "ten_tusscher_model_2006_epi.cellml",
                 note=_TP06 + " Epicardial cell."),
    ShippedModel("tp06-endo", "tp06_endo", "ten_tusscher_model_2006_endo.cellml",
                 note=_TP06 + " Endocardial cell."),
    ShippedModel("tp06-m", "tp06_m", "ten_tusscher_model_2006_M.cellml",
                 note=_TP06 + " M cell."),
    ShippedModel("ord-endo", "ord_endo", "ohara_rudy_2011_endo.cellml",
                 note=_ORD.format("Endocardial", 0)),
    ShippedModel("ord-epi", "ord_epi", "ohara_rudy_2011_endo.cellml",
                 constants={"environment.celltype": 1.0}, note=_ORD.format("Epicardial", 1)),
    ShippedModel("ord-m", "ord_m", "ohara_rudy_2011_endo.cellml",
                 constants={"environment.celltype": 2.0}, note=_ORD.format("Mid-myocardial", 2)),
    ShippedModel("ord-cipa", "ord_cipa", "ohara_rudy_cipa_v1_2017.cellml",
                 note="Li Z et al. (2017) Circ Arrhythm Electrophysiol 10:e004628; Dutta S "
                      "et al. (2017) Front Physiol 8:616. CiPA v1.0, dynamic hERG binding."),
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
    """The shipped model called ``name``."""
    for m in SHIPPED:
        if m.name == name:
            return m
    raise ModelError(f"no shipped model {name!r}; shipped: {', '.join(m.name for m in SHIPPED)}")


def generate_shipped(model: ShippedModel, reference: Path | None = None) -> str:
    """The kernel source of a shipped model (deterministic)."""
    from cardiotwin.ionic.codegen import generate_pyx
    from cardiotwin.ionic.importer import prepare_model

    path = model.source_path(reference)
    prep = prepare_model(path, constants=model.constants)
    changes = ", ".join(f"{k} = {v:g}" for k, v in sorted(model.constants.items()))
    desc = model.note + (f"\nChanged before generation: {changes}." if changes else "")
    return generate_pyx(prep, model_name=model.name, regenerate=REGENERATE, description=desc)


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
        if args.names and m.name not in args.names:
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
