"""Label roles: which integer in a label image means which part of the heart.

Roles (names used on the command line): ``lv-myocardium``, ``lv-blood``, ``rv-myocardium``,
``rv-blood``, ``scar``, ``border-zone`` (ventricles) and ``la-blood``, ``ra-blood`` (atria).
Labels not mapped to a role are ignored (treated as surroundings).  The ventricles are
meshed when ``lv-myocardium`` and ``lv-blood`` are mapped, the atria when ``la-blood``
and/or ``ra-blood`` are (``lv-blood``/``rv-blood`` then also locate the valves).  The
default map is the one of the shipped phantom (``meshes/phantom_biv_labels.nii.gz``)::

    lv-myocardium=1, rv-myocardium=2, lv-blood=3, rv-blood=4, scar=5, border-zone=6

and the whole-heart phantom (``meshes/phantom_heart_labels.nii.gz``) adds ``la-blood=7,
ra-blood=8`` (:data:`PHANTOM_HEART_LABELS`).  Whole-heart CT segmentations of the MM-WHS
challenge remapped to 1..7 (LV myocardium 1, LA 2, LV 3, RA 4, RV 5, aorta 6, pulmonary
artery 7) are read with :data:`MMWHS_LABELS` (``--labels lv-myocardium=1,lv-blood=3,
rv-blood=5``) and :data:`MMWHS_ATRIAL_LABELS` (``--labels la-blood=2,ra-blood=4``; the
MM-WHS codes themselves are LA 420, RA 550).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from cardiotwin.exceptions import ConfigError

ROLES = ("lv-myocardium", "lv-blood", "rv-myocardium", "rv-blood", "scar", "border-zone",
         "la-blood", "ra-blood")
VENTRICULAR_ROLES = ROLES[:6]
ATRIAL_ROLES = ("la-blood", "ra-blood")

#: cell tag ids written to the mesh (role -> id)
CELL_TAG_IDS = {"lv-myocardium": 1, "rv-myocardium": 2, "scar": 3, "border-zone": 4}
#: facet tag ids written to the mesh (name -> id)
FACET_TAG_IDS = {"lv-endocardium": 1, "rv-endocardium": 2, "epicardium": 3, "base": 4}
#: cell (triangle) tag ids of an atrial surface mesh
ATRIAL_CELL_TAG_IDS = {"left-atrium": 1, "right-atrium": 2, "bachmann-bundle": 3,
                       "crista-terminalis": 4, "pectinate-muscles": 5}
#: facet (boundary edge) tag ids of an atrial surface mesh: valve rings and vein ends
ATRIAL_FACET_TAG_IDS = {"mitral-valve": 1, "tricuspid-valve": 2, "lspv": 3, "lipv": 4,
                        "rspv": 5, "ripv": 6, "svc": 7, "ivc": 8}


@dataclass(frozen=True)
class LabelMap:
    """Integer label value of each role (``None``: role absent from the image)."""

    lv_myocardium: int | None = 1
    lv_blood: int | None = 3
    rv_myocardium: int | None = 2
    rv_blood: int | None = 4
    scar: int | None = 5
    border_zone: int | None = 6
    la_blood: int | None = None
    ra_blood: int | None = None
    require_ventricles: bool = field(default=True, repr=False, compare=False)

    def __post_init__(self) -> None:
        seen: dict[int, str] = {}
        for f in fields(self):
            if f.name == "require_ventricles":
                continue
            v = getattr(self, f.name)
            role = f.name.replace("_", "-")
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                raise ConfigError(f"label map: {role}={v!r}; a label value must be an "
                                  "integer > 0 (0 is background)")
            if v in seen:
                raise ConfigError(f"label map: {role} and {seen[v]} both use label {v}")
            seen[v] = role
        if not (self.require_ventricles or self.has_atria):
            raise ConfigError("label map: no role given; map the ventricles (lv-myocardium, "
                              "lv-blood, ...) and/or the atria (la-blood, ra-blood)")
        if self.require_ventricles or self.lv_myocardium is not None:
            if self.lv_myocardium is None:
                raise ConfigError("label map: lv-myocardium is required")
            if self.lv_blood is None:
                raise ConfigError("label map: lv-blood is required (it defines the LV "
                                  "endocardium)")

    @property
    def has_ventricles(self) -> bool:
        """Whether the ventricles are to be meshed (lv-myocardium and lv-blood mapped)."""
        return self.lv_myocardium is not None and self.lv_blood is not None

    @property
    def has_atria(self) -> bool:
        """Whether an atrium is to be meshed (la-blood or ra-blood mapped)."""
        return self.la_blood is not None or self.ra_blood is not None

    def value(self, role: str) -> int | None:
        """Label value of ``role`` (a name from :data:`ROLES`)."""
        if role not in ROLES:
            raise ConfigError(f"unknown label role '{role}'; expected one of {', '.join(ROLES)}")
        return getattr(self, role.replace("-", "_"))

    def as_dict(self) -> dict[str, int]:
        """Mapped roles only, role -> value."""
        return {r: v for r in ROLES if (v := self.value(r)) is not None}

    @classmethod
    def from_mapping(cls, mapping: dict[str, int], *,
                     require_ventricles: bool | None = None) -> LabelMap:
        """Build from ``{role: value}``; roles not given are absent.

        The ventricular roles are required unless an atrial role is given (or
        ``require_ventricles=False``).
        """
        unknown = set(mapping) - set(ROLES)
        if unknown:
            raise ConfigError(f"unknown label role(s) {sorted(unknown)}; expected "
                              f"{', '.join(ROLES)}")
        if require_ventricles is None:
            require_ventricles = not any(r in mapping for r in ATRIAL_ROLES)
        return cls(**{r.replace("-", "_"): mapping.get(r) for r in ROLES},
                   require_ventricles=require_ventricles)

    @classmethod
    def parse(cls, text: str) -> LabelMap:
        """Parse ``"lv-myocardium=1,lv-blood=3,rv-blood=5"`` (roles not named are absent)."""
        mapping: dict[str, int] = {}
        for item in filter(None, (s.strip() for s in text.split(","))):
            role, sep, value = item.partition("=")
            if not sep:
                raise ConfigError(f"--labels: '{item}' is not ROLE=VALUE")
            try:
                mapping[role.strip()] = int(value)
            except ValueError as exc:
                raise ConfigError(f"--labels: value of {role.strip()} is '{value}', "
                                  "expected an integer") from exc
        return cls.from_mapping(mapping)


#: default: the shipped phantom's codes
PHANTOM_LABELS = LabelMap()
#: MM-WHS whole-heart CT remapped to 1..7 (no RV free-wall label)
MMWHS_LABELS = LabelMap.from_mapping({"lv-myocardium": 1, "lv-blood": 3, "rv-blood": 5})
#: the whole-heart phantom (``meshes/phantom_heart_labels.nii.gz``): ventricles and atria
PHANTOM_HEART_LABELS = LabelMap(la_blood=7, ra_blood=8)
#: MM-WHS atria (LA 2, RA 4) with the ventricular blood pools that locate the valves
MMWHS_ATRIAL_LABELS = LabelMap.from_mapping({"la-blood": 2, "ra-blood": 4, "lv-blood": 3,
                                             "rv-blood": 5})
