"""``cardiotwin drug``: dose–response, qNet and torsade risk of a compound on a cell model.

Examples::

    cardiotwin drug --model ord-cipa --drug dofetilide --cmax-multiples 1,2,5,10,25 --json
    cardiotwin drug --drug dofetilide,verapamil --bcl 2000   # one kernel call for both
    cardiotwin drug --model ord-endo --ic50 hERG=0.01,ICaL=26.7 --hill hERG=1,ICaL=0.9 \\
        --cmax 0.002 --cmax-multiples 1,10 --json
    cardiotwin drug --model ord-cipa --drug-file compound.toml --cmax-multiples 1,4
    cardiotwin drug --classify --beats 450 --dt 0.05   # CiPA training compounds: TMS table
    cardiotwin drug --classify --drug-file compound.toml --beats 450 --dt 0.05  # a new one
    cardiotwin drug --list
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cardiotwin.cli._common import dumps, floats
from cardiotwin.exceptions import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin drug`` (no heavy imports)."""
    src = parser.add_argument_group("compound (one of)")
    src.add_argument("--drug", help="library compound(s), comma-separated (see --list); "
                     "several are paced in one kernel call")
    src.add_argument("--drug-file", help="a compound .toml (µM) or a library-layout .csv (nM)")
    src.add_argument("--ic50", help="per-channel IC50 in µM, e.g. hERG=0.01,ICaL=26.7")
    src.add_argument("--hill", help="per-channel Hill coefficients, e.g. hERG=1,ICaL=0.9")
    src.add_argument("--cmax", type=float, help="free Cmax (µM) of a --ic50 compound")
    src.add_argument("--name", default="user-compound", help="name of a --ic50 compound")
    parser.add_argument("--model", default="ord-cipa", help="cell model (default ord-cipa)")
    parser.add_argument("--cmax-multiples", type=floats, default=None,
                        help="doses as multiples of the free Cmax (default 1,2,5,10,25)")
    parser.add_argument("--conc", type=floats, default=None,
                        help="doses as free concentrations in µM (instead of multiples)")
    parser.add_argument("--bcl", type=float, default=2000.0, help="cycle length, ms (2000)")
    parser.add_argument("--beats", type=int, default=100,
                        help="beats paced, the last analysed (100; CiPA uses 1000; on ord-cipa "
                             "at 2000 ms qNet changes < 1 %% per 50 beats after 400)")
    parser.add_argument("--prepace", type=int, default=0,
                        help="drug-free beats of one cell whose final state starts every dose "
                             "(0; the qNet benchmark uses 1000)")
    parser.add_argument("--dt", type=float, default=0.005, help="time step, ms (0.005)")
    parser.add_argument("--workers", type=int, default=1, help="threads over cells")
    parser.add_argument("--allow-missing", action="store_true",
                        help="ignore blocked channels the model does not have")
    parser.add_argument("--classify", action="store_true",
                        help="torsade risk: of the given compound(s) with thresholds from the "
                             "CiPA training compounds paced alongside (agreement over the "
                             "leave-one-out thresholds), or of the training compounds alone")
    parser.add_argument("--list", action="store_true", help="list the library compounds")
    parser.add_argument("--json", action="store_true", help="print JSON (rank 0)")


def _drugs(args: argparse.Namespace) -> list[Any]:
    from cardiotwin.scenarios.library import drug_from_flags, get_drug, load_drug_file

    given = [x for x in (args.drug, args.drug_file, args.ic50) if x]
    if len(given) != 1:
        raise ConfigError("give exactly one of --drug NAME, --drug-file PATH and --ic50 ...")
    if args.drug:
        return [get_drug(n) for n in args.drug.split(",") if n.strip()]
    if args.drug_file:
        return load_drug_file(args.drug_file)
    if args.cmax is not None and not args.cmax > 0:
        raise ConfigError(f"--cmax {args.cmax}: expected a positive concentration (µM)")
    return [drug_from_flags(args.name, args.ic50, hill=args.hill, cmax_uM=args.cmax)]


def run(args: argparse.Namespace) -> int:
    """Run ``cardiotwin drug``."""
    from cardiotwin._mpi import rank_from_env as mpi_rank_from_env
    from cardiotwin.ionic import get_model
    from cardiotwin.scenarios.library import cipa_training_drugs
    from cardiotwin.studies.drug_trial import TrialProtocol, dose_responses

    rank0 = mpi_rank_from_env() == 0
    if args.list:
        lib = cipa_training_drugs()
        if rank0:
            if args.json:
                print(dumps({n: d.as_dict() for n, d in lib.items()}))
            else:
                for n, d in sorted(lib.items()):
                    print(f"{n:<16}{d.risk or '-':<14}Cmax {d.cmax_uM:g} µM  "
                          f"channels {', '.join(d.blocks)}")
        return 0
    protocol = TrialProtocol(bcl_ms=args.bcl, beats=args.beats, dt_ms=args.dt,
                             prepace_beats=args.prepace, workers=args.workers)
    model = get_model(args.model)
    if args.classify:
        from cardiotwin.studies.cipa import classify_drugs, classify_new_compounds

        training = list(cipa_training_drugs().values())
        if any((args.drug, args.drug_file, args.ic50)):
            # a user's compound, classified against the training set paced alongside it
            result = classify_new_compounds(model, _drugs(args), training=training,
                                            protocol=protocol)
        else:
            result = classify_drugs(model, training, protocol=protocol)
        if rank0:
            print(dumps(result.as_dict()) if args.json else result.table())
        return 0
    if args.cmax_multiples is not None and args.conc is not None:
        raise ConfigError("give --cmax-multiples or --conc, not both")
    drugs = _drugs(args)
    if args.conc is not None:
        out = dose_responses(model, drugs, concentrations_uM=args.conc, protocol=protocol,
                             allow_missing=args.allow_missing)
    else:
        mult = args.cmax_multiples or [1.0, 2.0, 5.0, 10.0, 25.0]
        out = dose_responses(model, drugs, cmax_multiples=mult, protocol=protocol,
                             allow_missing=args.allow_missing)
    if not rank0:
        return 0
    if args.json:
        docs = [r.as_dict() for r in out]
        print(dumps(docs[0] if len(docs) == 1 else docs))
        return 0
    for r in out:
        _print_table(r)
    return 0


def _print_table(res: Any) -> None:
    w = sys.stdout.write
    w(f"{res.drug.name} on {res.model} (BCL {res.protocol.bcl_ms:g} ms, "
      f"{res.protocol.beats} beats after {res.protocol.prepace_beats} drug-free, "
      f"dt {res.protocol.dt_ms:g} ms)\n")
    w(f"{'xCmax':>7}{'conc (uM)':>12}{'APD90 (ms)':>12}{'APD50 (ms)':>12}{'Cai peak':>10}"
      f"{'qNet (uC/uF)':>14}  EAD\n")
    for d in (res.control, *res.doses):
        m = "-" if d.cmax_multiple is None else f"{d.cmax_multiple:g}"

        def f(x: float | None, fmt: str) -> str:
            return "nan" if x is None or x != x else format(x, fmt)

        w(f"{m:>7}{d.conc_uM:>12.4g}{f(d.apd90_ms, '.1f'):>12}{f(d.apd50_ms, '.1f'):>12}"
          f"{f(d.cai_peak_uM, '.3f'):>10}{f(d.qnet_uC_per_uF, '.4f'):>14}  "
          f"{'yes' if d.ead else 'no'}{'' if d.repolarised else ' (no repolarisation)'}\n")
