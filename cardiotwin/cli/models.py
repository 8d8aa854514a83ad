"""``cardiotwin models [--json]`` and ``cardiotwin models import FILE``."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin models``."""
    parser.add_argument("action", nargs="?", choices=["list", "import"], default="list",
                        help="list the models (default) or import a CellML/.mmt file")
    parser.add_argument("file", nargs="?", help="model file for 'import'")
    parser.add_argument("--name", help="registry name of an imported model")
    parser.add_argument("--vm", help="membrane potential variable (component.variable)")
    parser.add_argument("--stimulus", help="stimulus current variable (component.variable)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """List the models, or generate + compile + cache a user model."""
    from cardiotwin.exceptions import ConfigError
    from cardiotwin.ionic import get_model, load_model, model_names

    if args.action == "import":
        if not args.file:
            raise ConfigError("cardiotwin models import needs a FILE (.cellml or .mmt)")
        models = [load_model(args.file, name=args.name, vm=args.vm, stimulus=args.stimulus)]
    else:
        models = [get_model(n) for n in model_names()]
    info = [m.describe() for m in models]
    if args.json:
        sys.stdout.write(json.dumps({"models": info}, indent=2) + "\n")
        return 0
    for d in info:
        sys.stdout.write(
            f"{d['name']:20s} {d['n_states']:3d} states  V[{d['voltage_unit']}]  "
            f"RL {len(d['rush_larsen_states']):2d} ExpE {len(d['exponential_euler_states']):2d} "
            f"BE {len(d['backward_euler_states']):2d} "
            f"SG {len(d['stiff_group_states']):2d}  "
            f"stim {d['default_stimulus']['amplitude_uA_per_uF']:g} uA/uF x "
            f"{d['default_stimulus']['duration_ms']:g} ms  "
            f"params: {', '.join(d['params']) or '-'}\n")
    return 0
