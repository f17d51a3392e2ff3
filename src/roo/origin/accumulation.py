"""Who the Parties are, accumulation, and settling the origin of each material.

AJCEP Art 29 (diagonal accumulation): originating materials of any Party
used in another Party count as originating materials of the Party where the
good is produced. The Parties are the states for which the Agreement is in
force (Art 1(i)); roo knows them from the dated parameters
``ajcep.entry_into_force.<code>`` and, when the good carries a date, counts
a state as a Party only from its entry into force.

JIEPA binds Japan and Indonesia from its entry into force (the dated
parameter ``jiepa.entry_into_force``, 2008-07-01); for a good dated before
it, neither is yet a Party, as under AJCEP.

JIEPA Art 30 (bilateral accumulation): originating goods of the other Party
used as materials count as originating materials (30.1); a non-originating
material produced in either Party may count in the qualifying value content
at the value of the non-originating materials used to make it (30.2).

Materials are settled here: declared origins are taken as given (an
originating material of a state that is not a Party is not originating);
a material of unknown origin with its own bill of materials is determined
bottom-up under the same scheme, as a good produced in its
``origin_party`` (default: the good's exporting Party); a material of
unknown origin without one is treated as non-originating. Indirect
materials are originating (AJCEP Art 34, JIEPA Art 36), and packing for
shipment is never counted as non-originating (AJCEP Art 32.1, JIEPA Art 39).

Source: AJCEP Agreement, Arts 1(i), 24(c), 29, 32.1, 34; JIEPA Arts 29.1(b), 30, 36, 39.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Final, final

import attrs

from ..evaluation import Finding
from ..locale import N_
from ..model.certificate import Scheme
from ..params import ParameterNotInForce, UnknownParameter
from . import specs
from .facts import Nested, Settled
from .model import Good, Material, MaterialRole
from .parameters import Parameters
from .rvc import amount

#: JIEPA's two Parties (the Agreement is bilateral).
JIEPA_PARTIES: Final = frozenset({"ID", "JP"})

#: The dated parameter holding the date JIEPA entered into force for both Parties.
JIEPA_ENTRY_INTO_FORCE: Final = "jiepa.entry_into_force"

#: Settles a material with its own bill of materials, as a good of its own.
Determiner = Callable[[Good], Nested]


class Standing(enum.Enum):
    """Whether a state is a Party to the scheme on the good's date."""

    PARTY = "party"
    NOT_A_PARTY = "not_a_party"
    NOT_YET_IN_FORCE = "not_yet_in_force"


@final
@attrs.frozen
class Membership:
    """A state's standing under a scheme, with the date the scheme entered into force for it when known."""

    standing: Standing
    in_force: date | None = None


def membership(scheme: Scheme, party: str, parameters: Parameters) -> Membership:
    """Whether ``party`` is a Party to ``scheme`` on the parameters' date.

    >>> membership(Scheme.AJCEP, "TH", Parameters(None)).standing
    <Standing.PARTY: 'party'>
    >>> membership(Scheme.AJCEP, "CN", Parameters(None)).standing
    <Standing.NOT_A_PARTY: 'not_a_party'>
    """
    if scheme is Scheme.JIEPA:
        if party not in JIEPA_PARTIES:
            return Membership(Standing.NOT_A_PARTY)
        name = JIEPA_ENTRY_INTO_FORCE
    elif scheme is not Scheme.AJCEP or len(party) != 2 or not party.isupper():
        return Membership(Standing.NOT_A_PARTY)
    else:
        name = f"ajcep.entry_into_force.{party}"
    try:
        in_force = parameters.value(name)
    except UnknownParameter:
        return Membership(Standing.NOT_A_PARTY)
    except ParameterNotInForce:
        # Before the first entry into force of all: the Party's own date, as the data last give it.
        try:
            latest = Parameters(None, parameters.overrides).value(name)
        except ParameterNotInForce:  # switched off by an override: no date to compare with
            latest = None
        return Membership(Standing.NOT_YET_IN_FORCE, latest if isinstance(latest, date) else None)
    assert isinstance(in_force, date)
    if parameters.on is not None and parameters.on < in_force:
        return Membership(Standing.NOT_YET_IN_FORCE, in_force)
    return Membership(Standing.PARTY, in_force)


def settle(
    good: Good,
    scheme: Scheme,
    parameters: Parameters,
    currency: str | None,
    determine: Determiner,
) -> tuple[tuple[Settled, ...], tuple[Finding, ...]]:
    """Every material of ``good`` with its origin settled, and the findings that explain how."""
    settled: list[Settled] = []
    findings: list[Finding] = []
    for index, material in enumerate(good.materials):
        one, notes = _settle(material, f"materials[{index}]", good, scheme, parameters, currency, determine)
        settled.append(one)
        findings.extend(notes)
    return tuple(settled), tuple(findings)


def _settle(
    material: Material,
    path: str,
    good: Good,
    scheme: Scheme,
    parameters: Parameters,
    currency: str | None,
    determine: Determiner,
) -> tuple[Settled, list[Finding]]:
    findings: list[Finding] = []
    value: Decimal | None = None
    if material.value is not None:
        if currency is None or material.value.currency == currency:
            value = material.value.amount
        else:
            findings.append(
                specs.CURRENCY_MISMATCH(
                    scheme,
                    what=f"The value of material '{material.description}' ({path})",
                    what_template=N_("The value of material '{material}' ({path})"),
                    material=material.description,
                    path=path,
                    currency=material.value.currency,
                    fob_currency=currency,
                )
            )
    base = Settled(material, path, originating=False, value=value)
    if material.role in (MaterialRole.INDIRECT, MaterialRole.SHIPPING_PACKING):
        return attrs.evolve(base, originating=True), findings
    # A material wholly obtained in a Party originates there (AJCEP Art 24(a), JIEPA Art 29.1(a)).
    produced_in = material.origin_party or material.wholly_obtained_in or good.exporting_party
    declared = material.originating
    if declared is None and material.wholly_obtained_in is not None:
        declared = True
    facts = {"material": material.description, "path": path, "origin_party": produced_in, "scheme": scheme.value}
    if declared is True:
        standing = membership(scheme, produced_in, parameters)
        if standing.standing is Standing.NOT_A_PARTY:
            findings.append(specs.MATERIAL_PARTY_NOT_A_PARTY(scheme, **facts))
            return base, findings
        if standing.standing is Standing.NOT_YET_IN_FORCE:
            findings.append(
                specs.MATERIAL_PARTY_NOT_IN_FORCE(
                    scheme, in_force=standing.in_force, on=parameters.shown_on, **facts
                )
            )
            return base, findings
        return attrs.evolve(base, originating=True, other_party=produced_in != good.exporting_party), findings
    nested_wanted = bool(material.materials) and (
        declared is None or (scheme is Scheme.JIEPA and produced_in in JIEPA_PARTIES)
    )
    if not nested_wanted:
        if material.originating is None:
            findings.append(specs.MATERIAL_ORIGIN_UNKNOWN(scheme, material=material.description, path=path))
        return base, findings
    sub_good = Good(
        scheme=good.scheme,
        exporting_party=produced_in,
        hs_code=material.hs_code or "",
        description=material.description,
        hs_version=good.hs_version,
        fob_value=material.value,
        final_process_in_party=True,
        operations=material.operations,
        materials=material.materials,
        on=good.on,
    )
    nested = determine(sub_good)
    if material.originating is None:
        result = _result(nested, path)
        findings.append(specs.MATERIAL_SETTLED(scheme, material=material.description, path=path, result=result))
        if nested.originating is True:
            return attrs.evolve(base, originating=True, other_party=produced_in != good.exporting_party), findings
    if scheme is Scheme.JIEPA and produced_in in JIEPA_PARTIES and nested.vnm is not None and value is not None:
        if nested.vnm < value:
            findings.append(
                specs.MATERIAL_VALUE_LIMITED(
                    scheme,
                    material=material.description,
                    path=path,
                    origin_party=produced_in,
                    limited=amount(nested.vnm, currency),
                    value=amount(value, currency),
                )
            )
            return attrs.evolve(base, limited_value=nested.vnm), findings
    return base, findings


def _result(nested: Nested, path: str) -> str:
    if nested.originating is True:
        return f"originating ({nested.box8})" if nested.box8 else "originating"
    if nested.originating is False:
        return "not originating, so it is treated as non-originating"
    needed = ", ".join(prefix_needed(path, nested.needed)) or "more facts"
    return f"undetermined for want of {needed}, so it is treated as non-originating"


def prefix_needed(path: str, needed: tuple[str, ...]) -> tuple[str, ...]:
    """The facts a nested determination needed, named from the outer good (``fob_value`` is the material's value).

    >>> prefix_needed("materials[1]", ("fob_value", "materials[0].hs_code"))
    ('materials[1].value', 'materials[1].materials[0].hs_code')
    """
    return tuple(f"{path}.value" if need == "fob_value" else f"{path}.{need}" for need in needed)
