"""The certificate of origin as value objects, box by box.

The model mirrors the paper and electronic form: tick boxes are booleans and
the data that should support them are separate optional fields, so a CO with a
ticked box and missing data can be represented and then flagged by a rule,
instead of being rejected at load time (docs/formats.md#certificate).
"""

from __future__ import annotations

import enum
from datetime import date
from typing import final

import attrs

from .criterion import OriginCriterion
from .hs import HsVersion, normalize_hs
from .money import Money, Quantity


class Scheme(enum.StrEnum):
    """The preferential or non-preferential regime the certificate is issued under."""

    AJCEP = "AJCEP"
    JIEPA = "JIEPA"
    ID_MOTR_16_2024 = "ID-MOTR-16-2024"


class Medium(enum.StrEnum):
    """Whether the CO is a paper form or an electronic (e-CO) record."""

    PAPER = "paper"
    ELECTRONIC = "electronic"


class Copy(enum.StrEnum):
    """Which sheet of a paper CO is presented (AJCEP IR 3(b))."""

    ORIGINAL = "original"
    DUPLICATE = "duplicate"
    TRIPLICATE = "triplicate"


class AlterationMethod(enum.StrEnum):
    """How a box was altered after printing (AJCEP IR 4(b))."""

    STRIKE_OUT = "strike_out"
    ERASURE = "erasure"
    SUPERIMPOSITION = "superimposition"


@final
@attrs.frozen
class Party:
    """An exporter, consignee, producer or third-country invoicer: name, address, ISO country code."""

    name: str
    address: str = ""
    country: str | None = None


@final
@attrs.frozen
class Transport:
    """Box 3: means of transport and route."""

    departure_date: date | None = None
    vessel_or_flight: str | None = None
    port_of_loading: str | None = None
    port_of_discharge: str | None = None
    transit_countries: tuple[str, ...] = ()


@final
@attrs.frozen
class Invoice:
    """Box 10: the invoice number and date printed for an item."""

    number: str
    date: date | None = None


@final
@attrs.frozen
class Item:
    """One line of boxes 5-10: a good with its own origin claim (AJCEP IR 3(i))."""

    number: int
    description: str
    hs_code: str
    origin_criterion: OriginCriterion
    marks: str | None = None
    packages: str | None = None
    hs_version: HsVersion | None = None
    quantity: Quantity | None = None
    gross_weight: Quantity | None = None
    fob_value: Money | None = None
    invoice: Invoice | None = None
    original_item: int | None = None

    @property
    def hs_digits(self) -> str:
        """The HS code without separators."""
        return normalize_hs(self.hs_code)


@final
@attrs.frozen
class CertificateReference:
    """Another CO referred to by this one: the original of a back-to-back CO, or the CO a replacement replaces."""

    reference_number: str
    issue_date: date | None = None
    exporting_party: str | None = None


@final
@attrs.frozen
class ExporterDeclaration:
    """Box 11 (ASEAN form) / box 10 (Japan's form): the exporter's declaration.

    ``signed`` is ``None`` when the data do not say whether it is signed (a
    rule then reports its check as not evaluated, never as unsigned).
    """

    place: str | None = None
    date: date | None = None
    signed: bool | None = None


@final
@attrs.frozen
class Certification:
    """Box 12 (ASEAN form) / box 11 (Japan's form): certification by the issuing authority.

    ``signed`` and ``sealed`` are ``None`` when the data do not say whether it
    is signed or stamped (a rule then reports its check as not evaluated,
    never as unsigned or unstamped).
    """

    authority: str | None = None
    signatory: str | None = None
    place: str | None = None
    signed: bool | None = None
    sealed: bool | None = None


@final
@attrs.frozen
class Alteration:
    """A change made to a box after the form was filled in (AJCEP IR 4(b)).

    ``approved_by_signatory`` and ``certified_by_authority`` are ``None`` when
    the data do not say (the check is then not evaluated, never failed).
    ``item`` is the number of the item whose line was altered, when the
    alteration concerns one item only (boxes 5 to 10); a defect of such an
    alteration then concerns that item alone (AJCEP IR 3(j)).
    """

    box: int
    method: AlterationMethod
    approved_by_signatory: bool | None = None
    certified_by_authority: bool | None = None
    item: int | None = None


@final
@attrs.frozen(repr=False)
class Certificate:
    """A certificate of origin as presented at import.

    A field the data leave out is not stated, never "no": the tick boxes of box
    13 (``third_country_invoicing``, ``back_to_back``, ``issued_retroactively``),
    the endorsement ``certified_true_copy`` and ``unused_spaces_crossed_out``
    are ``None`` when the data do not say. A rule that needs to know reports its
    check as not evaluated, naming the fact; it never reports a box as
    unticked. Where a tick only confirms what the substance shows, ``None``
    counts as not ticked (a missing tick never switches a check off).
    """

    scheme: Scheme
    exporting_party: str
    importing_party: str
    issue_date: date
    items: tuple[Item, ...]
    reference_number: str | None = None
    medium: Medium = Medium.PAPER
    copy: Copy | None = None
    exporter: Party | None = None
    consignee: Party | None = None
    producer: Party | None = None
    transport: Transport | None = None
    third_country_invoicing: bool | None = None
    third_country_invoicer: Party | None = None
    back_to_back: bool | None = None
    original_certificate: CertificateReference | None = None
    issued_retroactively: bool | None = None
    certified_true_copy: bool | None = None
    certified_true_copy_date: date | None = None
    replaces: CertificateReference | None = None
    exporter_declaration: ExporterDeclaration | None = None
    certification: Certification | None = None
    alterations: tuple[Alteration, ...] = ()
    unused_spaces_crossed_out: bool | None = None
    remarks: str = ""

    def item(self, number: int) -> Item | None:
        """The item with this number, or ``None``."""
        for item in self.items:
            if item.number == number:
                return item
        return None

    def __repr__(self) -> str:
        count = len(self.items)
        return (
            f"<Certificate {self.scheme.value} {self.reference_number} {self.exporting_party}->{self.importing_party} "
            f"issued {self.issue_date.isoformat()}, {self.medium.value}, {count} item{'s' if count != 1 else ''}>"
        )
