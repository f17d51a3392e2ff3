"""A valid certificate with exactly one controlled defect, the item it concerns and the finding code a correct
evaluation reports for it (:func:`defective_certificates`, :data:`DEFECTS`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, final

import attrs
from hypothesis import strategies as st

from ..model import (
    Alteration,
    AlterationMethod,
    Certificate,
    Copy,
    ExporterDeclaration,
    Medium,
    OriginCriterion,
    Scheme,
)
from ._certificates import certificates
from ._primitives import _ints

# --------------------------------------------------------------------------------------------------------------------
# Defects.


@final
@attrs.frozen
class Defect:
    """One controlled defect: which schemes it applies to, what it changes, and the finding it must cause.

    ``item_level`` defects damage one item (``apply`` receives its number) and
    deny that item only; the others damage the certificate as a whole and deny
    every item.
    """

    name: str
    code: str
    schemes: frozenset[Scheme]
    item_level: bool
    apply: Callable[[Certificate, int | None], Certificate]


def _evolve_item(co: Certificate, number: int | None, **changes: Any) -> Certificate:
    items = tuple(attrs.evolve(item, **changes) if item.number == number else item for item in co.items)
    return attrs.evolve(co, items=items)


def _truncate_hs(co: Certificate, number: int | None) -> Certificate:
    item = co.item(number) if number is not None else None
    digits = item.hs_digits[:4] if item is not None else "0306"
    return _evolve_item(co, number, hs_code=digits)


def _unsigned(co: Certificate, number: int | None) -> Certificate:
    assert co.certification is not None
    return attrs.evolve(co, certification=attrs.evolve(co.certification, signed=False))


def _unsigned_declaration(declaration: ExporterDeclaration | None) -> ExporterDeclaration:
    # Completed (place and date) but not signed: with nothing in it, the declaration is "not completed" instead.
    if declaration is None:
        return ExporterDeclaration("Jakarta", None, False)
    return attrs.evolve(declaration, place=declaration.place or "Jakarta", signed=False)


_AJCEP: Final = frozenset({Scheme.AJCEP})
_MOTR: Final = frozenset({Scheme.ID_MOTR_16_2024})

#: The defects :func:`defective_certificates` can introduce, by name.
DEFECTS: Final[Mapping[str, Defect]] = {
    d.name: d
    for d in (
        Defect("hs-code-not-six-digits", "hs-code-not-six-digits", _AJCEP, True, _truncate_hs),
        Defect(
            "description-missing",
            "description-missing",
            _AJCEP,
            True,
            lambda co, n: _evolve_item(co, n, description=""),
        ),
        Defect(
            "rvc-below-general-rule",
            "rvc-below-general-rule",
            _AJCEP,
            True,
            lambda co, n: _evolve_item(co, n, origin_criterion=OriginCriterion.parse("RVC 35%")),
        ),
        Defect(
            "origin-criterion-unreadable",
            "origin-criterion-unreadable",
            _AJCEP,
            True,
            lambda co, n: _evolve_item(co, n, origin_criterion=OriginCriterion.parse("XYZ")),
        ),
        Defect("unsigned", "certification-unsigned", _AJCEP, False, _unsigned),
        Defect(
            "declaration-unsigned",
            "exporter-declaration-unsigned",
            _AJCEP,
            False,
            lambda co, n: attrs.evolve(co, exporter_declaration=_unsigned_declaration(co.exporter_declaration)),
        ),
        Defect(
            "reference-missing",
            "reference-number-missing",
            _AJCEP,
            False,
            lambda co, n: attrs.evolve(co, reference_number=None),
        ),
        Defect(
            "not-original",
            "not-original",
            _AJCEP,
            False,
            lambda co, n: attrs.evolve(co, medium=Medium.PAPER, copy=Copy.DUPLICATE),
        ),
        Defect(
            "third-country-invoicer-missing",
            "third-country-invoicer-missing",
            _AJCEP,
            False,
            # Nothing in the remarks either: an invoicer written there is another finding (AJCEP IR 4(a)).
            lambda co, n: attrs.evolve(co, third_country_invoicing=True, third_country_invoicer=None, remarks=""),
        ),
        Defect(
            "alteration-by-erasure",
            "alteration-by-erasure",
            _AJCEP,
            False,
            lambda co, n: attrs.evolve(co, alterations=(Alteration(7, AlterationMethod.ERASURE, True, True),)),
        ),
        Defect(
            # The name stays for callers; box 8 text roo cannot read, or a criterion the Regulation does not
            # provide (CTH), only warns (Art 10), so the defect is an empty box 8, which lacks Art 9(f)'s element.
            "motr-origin-criterion-not-recognised",
            "motr-item-data-element-missing",
            _MOTR,
            True,
            lambda co, n: _evolve_item(co, n, origin_criterion=OriginCriterion.parse("")),
        ),
        Defect(
            "motr-producer-missing",
            "motr-data-element-missing",
            _MOTR,
            False,
            lambda co, n: attrs.evolve(co, producer=None),
        ),
        Defect(
            "motr-quantity-missing",
            "motr-item-data-element-missing",
            _MOTR,
            True,
            lambda co, n: _evolve_item(co, n, quantity=None, gross_weight=None),  # a gross weight is a quantity
        ),
    )
}


@st.composite
def _defective(
    draw: st.DrawFn, names: tuple[str, ...], min_items: int, max_items: int
) -> tuple[Certificate, int | None, str]:
    defect = DEFECTS[draw(st.sampled_from(names))]
    scheme = draw(st.sampled_from(sorted(defect.schemes)))
    co = draw(certificates(scheme, min_items=min_items, max_items=max_items))
    number = draw(_ints(1, len(co.items)))  # drawn for every defect, so that the case keeps its shape
    damaged = number if defect.item_level else None
    return defect.apply(co, damaged), damaged, defect.code


def defective_certificates(
    defect: str | None = None, *, min_items: int = 1, max_items: int = 5
) -> st.SearchStrategy[tuple[Certificate, int | None, str]]:
    """``(certificate, item_number_or_None, expected_code)``: a valid certificate with one defect of :data:`DEFECTS`.

    ``defect`` names the defect (any when ``None``). ``item_number`` is the
    damaged item for an item-level defect (a correct evaluation denies that
    item only) and ``None`` for a certificate-level one (every item denied);
    ``expected_code`` is the finding code it must cause. Defects:
    item-level ``hs-code-not-six-digits`` (HS code cut to its heading),
    ``description-missing``, ``rvc-below-general-rule`` (box 8 ``RVC 35%``),
    ``origin-criterion-unreadable`` (box 8 ``XYZ``), and
    certificate-level ``unsigned`` (certification not signed),
    ``declaration-unsigned``, ``reference-missing``, ``not-original`` (the
    duplicate presented), ``third-country-invoicer-missing`` (box ticked, no
    invoicer), ``alteration-by-erasure`` (AJCEP);
    ``motr-origin-criterion-not-recognised`` (box 8 empty, which lacks Art 9(f)'s
    element: ``motr-item-data-element-missing``; text roo cannot read, or a
    criterion the Regulation does not provide such as ``CTH``, is only a warning),
    ``motr-quantity-missing`` (neither quantity nor gross weight) and
    ``motr-producer-missing`` (MoTR 16/2024).

    Shrinks to: the first defect named, on the minimal certificate of
    :func:`certificates`, damaging item 1.
    """
    if defect is not None and defect not in DEFECTS:
        raise ValueError(f"unknown defect {defect!r}; known: {', '.join(DEFECTS)}")
    names = (defect,) if defect is not None else tuple(DEFECTS)
    return _defective(names, min_items, max_items)
