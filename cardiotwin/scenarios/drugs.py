"""Drugs as data: per-channel conductance block and the CiPA dynamic hERG binding.

A :class:`Drug` holds, per ion channel, an IC50 (µM) and a Hill coefficient; applied to a
cell model at a free concentration ``D`` (µM) it scales the channel's conductance
parameter of every cell::

    g' = g / (1 + (D / IC50)^h)

(simple pore block; Mirams et al. 2011, Li et al. 2017).  The kernels carry conductance
scalings as per-cell parameter rows (``gKr``, ``PCa``...), so a drug is a transformation
of the ``params[n_params, n_cells]`` array and every column can hold a different dose.

With the ``ord-cipa`` model and a drug that has :class:`HergBinding` parameters, hERG/IKr
block is not a pore block but the dynamic drug-binding Markov model of Li et al. (2017):
the drug concentration and binding parameters are set as the model's parameters ``D``
(nM, as in the CiPA model), ``Kmax``, ``Ku``, ``n``, ``halfmax``, ``Vhalf`` and the
trapping rate ``Kt`` (3.5e-5 /ms).

Channels are mapped to model parameters by name (:data:`CHANNEL_PARAMETERS`); a drug that
blocks a channel the model lacks raises :class:`~cardiotwin.exceptions.ModelError` unless
``allow_missing=True``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.analysis.risk import RISK_CATEGORIES
from cardiotwin.exceptions import ConfigError, ModelError
from cardiotwin.ionic.parameters import ParameterChanges

logger = logging.getLogger(__name__)

#: Channels a drug can block (CiPA's seven: hERG is IKr; INa is the peak sodium current).
CHANNELS: tuple[str, ...] = ("hERG", "ICaL", "INa", "INaL", "Ito", "IKs", "IK1")

#: Channel -> names of the conductance-scaling parameter in the kernels, first match wins
#: (ORd scales I_CaL through its permeability ``PCa``, TP06 through ``gCaL``).
CHANNEL_PARAMETERS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "hERG": ("gKr",),
    "ICaL": ("PCa", "gCaL"),
    "INa": ("gNa",),
    "INaL": ("gNaL",),
    "Ito": ("gto",),
    "IKs": ("gKs",),
    "IK1": ("gK1",),
})

#: Parameters of the dynamic hERG drug-binding model (``ord-cipa``), in kernel order.
DYNAMIC_HERG_PARAMETERS: tuple[str, ...] = ("D", "Kmax", "Ku", "n", "halfmax", "Vhalf", "Kt")

#: Drug-trapping rate of the CiPA dynamic hERG model, 1/ms (FDA/CiPA ``hergmod_pars.txt``).
HERG_KT_PER_MS: float = 3.5e-5



def _finite_positive(what: str, value: float) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{what} = {value!r}: expected a number") from None
    if not (math.isfinite(v) and v > 0):
        raise ConfigError(f"{what} = {value!r}: expected a finite positive number")
    return v


@dataclass(frozen=True)
class ChannelBlock:
    """Concentration–response of one channel (Hill equation).

    Parameters
    ----------
    ic50_uM
        Concentration (µM) of half-maximal block, > 0.
    hill
        Hill coefficient (dimensionless), > 0.
    """

    ic50_uM: float
    hill: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "ic50_uM", _finite_positive("ic50_uM", self.ic50_uM))
        object.__setattr__(self, "hill", _finite_positive("hill", self.hill))

    def remaining(self, conc_uM: float | npt.ArrayLike) -> np.ndarray:
        """Fraction of the conductance left at ``conc_uM`` (µM): ``1 / (1 + (D/IC50)^h)``."""
        d = np.asarray(conc_uM, dtype=float)
        return 1.0 / (1.0 + (np.maximum(d, 0.0) / self.ic50_uM) ** self.hill)


@dataclass(frozen=True)
class HergBinding:
    """Drug-binding parameters of the CiPA dynamic hERG model (Li et al. 2017).

    Units as in the CiPA model, because they enter it unchanged.

    Parameters
    ----------
    kmax
        Maximum drug response (dimensionless).
    ku_per_ms
        Unbinding rate (1/ms).
    n
        Hill coefficient of binding (dimensionless).
    halfmax_nM_n
        Half-maximal binding, in nM^n.
    vhalf_mV
        Half-activation potential of drug trapping (mV).
    kt_per_ms
        Trapping rate (1/ms); CiPA uses 3.5e-5 for every compound.
    """

    kmax: float
    ku_per_ms: float
    n: float
    halfmax_nM_n: float
    vhalf_mV: float
    kt_per_ms: float = HERG_KT_PER_MS

    def __post_init__(self) -> None:
        for name in ("kmax", "ku_per_ms", "n", "halfmax_nM_n", "kt_per_ms"):
            object.__setattr__(self, name, _finite_positive(f"HergBinding.{name}",
                                                            getattr(self, name)))
        v = float(self.vhalf_mV)
        if not math.isfinite(v):
            raise ConfigError(f"HergBinding.vhalf_mV = {self.vhalf_mV!r}: expected finite mV")
        object.__setattr__(self, "vhalf_mV", v)


@dataclass(frozen=True)
class Drug:
    """A compound: per-channel block, exposure and (optionally) its known torsade risk.

    Parameters
    ----------
    name
        Compound name.
    blocks
        Channel (one of :data:`CHANNELS`) -> :class:`ChannelBlock`; channels not listed
        are not blocked.
    cmax_uM
        Maximum plasma concentration (µM); with ``free_fraction`` it sets the doses of
        ``cmax_multiples``.  CiPA gives the free Cmax directly (then ``free_fraction = 1``).
    free_fraction
        Unbound fraction in (0, 1]: the channels see ``free_fraction * concentration``.
    herg_binding
        Dynamic hERG binding parameters, used with models that have them (``ord-cipa``).
    risk
        Known torsade risk category (``"high"``, ``"intermediate"``, ``"low"``) or None.
    source
        Where the numbers come from (free text, reported in outputs).
    """

    name: str
    blocks: Mapping[str, ChannelBlock] = field(default_factory=dict)
    cmax_uM: float | None = None
    free_fraction: float = 1.0
    herg_binding: HergBinding | None = None
    risk: str | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ConfigError(f"Drug.name = {self.name!r}: expected a non-empty string")
        blocks = dict(self.blocks)
        for ch, b in blocks.items():
            if ch not in CHANNELS:
                raise ConfigError(f"drug {self.name!r}: unknown channel {ch!r}; expected one "
                                  f"of {', '.join(CHANNELS)}")
            if not isinstance(b, ChannelBlock):
                raise ConfigError(f"drug {self.name!r}: block of {ch} must be a ChannelBlock, "
                                  f"got {type(b).__name__}")
        object.__setattr__(self, "blocks", MappingProxyType(blocks))
        if self.cmax_uM is not None:
            object.__setattr__(self, "cmax_uM",
                               _finite_positive(f"drug {self.name!r}: cmax_uM", self.cmax_uM))
        ff = float(self.free_fraction)
        if not (math.isfinite(ff) and 0.0 < ff <= 1.0):
            raise ConfigError(f"drug {self.name!r}: free_fraction = {self.free_fraction!r}: "
                              "expected a number in (0, 1]")
        object.__setattr__(self, "free_fraction", ff)
        if self.herg_binding is not None and not isinstance(self.herg_binding, HergBinding):
            raise ConfigError(f"drug {self.name!r}: herg_binding must be a HergBinding")
        if self.risk is not None and self.risk not in RISK_CATEGORIES:
            raise ConfigError(f"drug {self.name!r}: risk = {self.risk!r}; expected one of "
                              f"{', '.join(RISK_CATEGORIES)} or None")
        if not blocks and self.herg_binding is None:
            raise ConfigError(f"drug {self.name!r} blocks no channel; give at least one IC50")

    def free_concentrations_uM(self, cmax_multiples: npt.ArrayLike) -> np.ndarray:
        """Free concentrations (µM) at the given multiples of Cmax."""
        if self.cmax_uM is None:
            raise ConfigError(f"drug {self.name!r} has no cmax_uM; give concentrations "
                              "directly or set its Cmax (--cmax, cmax_uM in the file)")
        m = np.asarray(cmax_multiples, dtype=float)
        if np.any(~np.isfinite(m)) or np.any(m < 0):
            raise ConfigError(f"cmax multiples must be finite and >= 0, got {m.tolist()}")
        return m * self.cmax_uM * self.free_fraction

    def dose_uM(self, *, conc_uM: float | None = None,
                cmax_multiple: float | None = None) -> float:
        """The free concentration (µM) of a dose given either way (exactly one of them).

        ``conc_uM`` is taken as the free concentration; ``cmax_multiple`` gives
        ``cmax_multiple * cmax_uM * free_fraction`` - the one rule used by cell trials,
        tissue runs and batch sweeps alike.
        """
        if (conc_uM is None) == (cmax_multiple is None):
            raise ConfigError(f"drug {self.name!r}: give exactly one of conc_uM (free, µM) and "
                              "cmax_multiple")
        if conc_uM is not None:
            c = float(conc_uM)
            if not (math.isfinite(c) and c >= 0):
                raise ConfigError(f"drug {self.name!r}: conc_uM = {conc_uM!r}: expected a "
                                  "finite concentration >= 0 µM")
            return c
        return float(self.free_concentrations_uM([cmax_multiple])[0])

    def apply_to(self, regions: Sequence[Any], *, conc_uM: float | None = None,
                 cmax_multiple: float | None = None, allow_missing: bool = False) -> list[Any]:
        """Tissue ionic regions with this compound at a dose (:func:`apply_to_regions`).

        The dose is a free concentration (µM) or a multiple of the free Cmax
        (:meth:`dose_uM`).  ``allow_missing`` ignores channels a model lacks (e.g. TP06
        has no I_NaL) instead of raising.
        """
        conc = self.dose_uM(conc_uM=conc_uM, cmax_multiple=cmax_multiple)
        return apply_to_regions(regions, self, conc, allow_missing=allow_missing)

    def as_dict(self) -> dict[str, Any]:
        """JSON-serialisable description (concentrations in µM)."""
        out: dict[str, Any] = {
            "name": self.name,
            "cmax_uM": self.cmax_uM,
            "free_fraction": self.free_fraction,
            "ic50_uM": {ch: b.ic50_uM for ch, b in self.blocks.items()},
            "hill": {ch: b.hill for ch, b in self.blocks.items()},
            "risk": self.risk,
            "source": self.source,
        }
        if self.herg_binding is not None:
            out["herg_binding"] = dict(self.herg_binding.__dict__)
        return out


def channel_parameter(model: Any, channel: str) -> str | None:
    """The parameter of ``model`` that scales ``channel``'s conductance, or None."""
    if channel not in CHANNEL_PARAMETERS:
        raise ConfigError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
    for p in CHANNEL_PARAMETERS[channel]:
        if p in model.param_names:
            return p
    return None


def has_dynamic_herg(model: Any) -> bool:
    """Whether ``model`` has the CiPA dynamic hERG drug-binding parameters."""
    return all(p in model.param_names for p in DYNAMIC_HERG_PARAMETERS)


def apply_drug(model: Any, params: np.ndarray, drug: Drug, conc_uM: float | npt.ArrayLike, *,
               dynamic_herg: bool = True, allow_missing: bool = False) -> None:
    """Apply ``drug`` at free concentration(s) ``conc_uM`` to ``params`` in place.

    Parameters
    ----------
    model
        A :class:`cardiotwin.ionic.CellModel` (``param_names``).
    params
        ``[n_params, n_cells]`` parameter array of that model; the scaling rows of blocked
        channels are multiplied by the remaining fraction.
    drug
        The compound.
    conc_uM
        Free concentration (µM): a scalar, or one value per cell (column).
    dynamic_herg
        Use the dynamic hERG binding model when both the model and the drug support it
        (otherwise hERG is a pore block of ``gKr``).
    allow_missing
        Skip (with a warning) channels the model does not have instead of raising.

    Raises
    ------
    ModelError
        The drug blocks a channel that ``model`` has no parameter for.
    ConfigError
        Bad concentrations or array shape.

    Notes
    -----
    Pore block: ``g' = g / (1 + (D / IC50)^h)`` (Hill).  Dynamic hERG (Li et al. 2017,
    Circ Arrhythm Electrophysiol 10:e004628): the model's ``D`` is set to the
    concentration in nM and ``Kmax, Ku, n, halfmax, Vhalf, Kt`` to the drug's values.
    """
    n_cells = params.shape[1] if params.ndim == 2 else -1
    if params.ndim != 2 or params.shape[0] != len(model.param_names):
        raise ConfigError(f"params must have shape ({len(model.param_names)}, n_cells) for "
                          f"model {model.name!r}, got {params.shape}")
    conc = np.broadcast_to(np.asarray(conc_uM, dtype=float), (n_cells,))
    if np.any(~np.isfinite(conc)) or np.any(conc < 0):
        raise ConfigError(f"drug {drug.name!r}: concentrations must be finite and >= 0 µM, "
                          f"got {np.unique(conc).tolist()}")
    use_dynamic = (dynamic_herg and drug.herg_binding is not None and has_dynamic_herg(model))
    rows: list[tuple[int, ChannelBlock]] = []  # resolve every channel before changing params
    for channel, block in drug.blocks.items():
        if channel == "hERG" and use_dynamic:
            continue
        pname = channel_parameter(model, channel)
        if pname is None:
            msg = (f"drug {drug.name!r} blocks {channel}, but model {model.name!r} has no "
                   f"parameter for it (looked for {', '.join(CHANNEL_PARAMETERS[channel])}; "
                   f"the model has {', '.join(model.param_names) or 'none'})")
            if allow_missing:
                logger.warning("%s; block of %s ignored", msg, channel)
                continue
            raise ModelError(msg + "; pass allow_missing=True (--allow-missing) to ignore it")
        rows.append((model.param_names.index(pname), block))
    if not use_dynamic and "hERG" not in drug.blocks and drug.herg_binding is not None:
        msg = (f"drug {drug.name!r} has only dynamic hERG binding parameters, which model "
               f"{model.name!r} cannot use; give a hERG IC50 for a pore block")
        if not allow_missing:
            raise ModelError(msg)
        logger.warning("%s; hERG block ignored", msg)
    for row, block in rows:
        params[row] *= block.remaining(conc)
    if use_dynamic:
        hb = drug.herg_binding
        assert hb is not None
        values = {"D": conc * 1e3, "Kmax": hb.kmax, "Ku": hb.ku_per_ms, "n": hb.n,
                  "halfmax": hb.halfmax_nM_n, "Vhalf": hb.vhalf_mV, "Kt": hb.kt_per_ms}
        for name, value in values.items():
            params[model.param_names.index(name)] = value


def drug_changes(model: Any, drug: Drug, conc_uM: float, *, dynamic_herg: bool = True,
                 allow_missing: bool = False) -> ParameterChanges:
    """How ``drug`` at free concentration ``conc_uM`` (µM) changes ``model``'s parameters.

    Pore blocks become ``scale`` factors of the channels' conductance rows; the dynamic
    hERG binding parameters (``ord-cipa``) become ``set`` values.  The same numbers as
    :func:`apply_drug` gives a cell; this is the form tissue regions take
    (:class:`cardiotwin.ep.monodomain.IonicRegion` ``parameters``).
    """
    base = model.default_params(1)
    p = base.copy()
    apply_drug(model, p, drug, conc_uM, dynamic_herg=dynamic_herg, allow_missing=allow_missing)
    scale: dict[str, float] = {}
    assign: dict[str, float] = {}
    dynamic = set(DYNAMIC_HERG_PARAMETERS) if (dynamic_herg and has_dynamic_herg(model)
                                                and drug.herg_binding is not None) else set()
    for i, name in enumerate(model.param_names):
        if name in dynamic:
            assign[name] = float(p[i, 0])
        elif p[i, 0] != base[i, 0]:
            scale[name] = float(p[i, 0] / base[i, 0])
    return ParameterChanges(scale=scale, set=assign)


def apply_to_regions(regions: Sequence[Any], drug: Drug | None, conc_uM: float, *,
                     where: Any = None, allow_missing: bool = False) -> list[Any]:
    """Tissue regions (:class:`~cardiotwin.ep.monodomain.IonicRegion`) with ``drug`` applied.

    Parameters
    ----------
    regions
        The ionic regions (models as names, files or objects).
    drug
        The compound (None = an unchanged copy).
    conc_uM
        Free concentration (µM), e.g. from :meth:`Drug.dose_uM`.
    where
        Restrict the drug to the regions whose ``region`` is this object; None = every
        region.
    allow_missing
        Ignore blocked channels a model lacks.

    Notes
    -----
    The drug's changes follow each region's own (:meth:`ParameterChanges.then`): a gKr
    scaled by 0.5 in the region and blocked by half by the drug ends at 0.25.
    """
    from cardiotwin.ionic import resolve_model

    out = []
    for reg in regions:
        if drug is None or (where is not None and reg.region is not where):
            out.append(reg)
            continue
        model = resolve_model(reg.model)
        if getattr(model, "name", None) == "non-excitable":
            out.append(reg)  # no channels to block
            continue
        out.append(reg.with_parameters(drug_changes(model, drug, conc_uM,
                                                    allow_missing=allow_missing)))
    return out
