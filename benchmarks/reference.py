"""The pydantic v2 reference: the certificate format (docs/formats.md#certificate) as an equivalent pydantic model.

Same shapes and types as ``roo.Certificate``: ``Decimal`` amounts, ``date``
fields, string enums, nested frozen models, tuples for arrays, optional fields
with the same defaults. Like roo's converter it is strict (no ``"1"`` for
``1``, no ``1`` for ``"1"``), refuses unknown keys, and checks ISO country and
currency codes. Two differences, both in pydantic's favour: box 8 stays a
plain string (roo parses it into an ``OriginCriterion``), and item numbers are
not checked for uniqueness.

Benchmark-only: roo itself never imports pydantic.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Scheme(enum.StrEnum):
    """Scheme ids."""

    AJCEP = "AJCEP"
    JIEPA = "JIEPA"
    ID_MOTR_16_2024 = "ID-MOTR-16-2024"


class Medium(enum.StrEnum):
    """Paper or electronic."""

    PAPER = "paper"
    ELECTRONIC = "electronic"


class Copy(enum.StrEnum):
    """Sheet of a paper CO."""

    ORIGINAL = "original"
    DUPLICATE = "duplicate"
    TRIPLICATE = "triplicate"


class AlterationMethod(enum.StrEnum):
    """How a box was altered."""

    STRIKE_OUT = "strike_out"
    ERASURE = "erasure"
    SUPERIMPOSITION = "superimposition"


class HsVersion(enum.StrEnum):
    """HS editions."""

    HS2002 = "HS2002"
    HS2007 = "HS2007"
    HS2012 = "HS2012"
    HS2017 = "HS2017"
    HS2022 = "HS2022"


class Money(_Model):
    """Amount and currency."""

    amount: Decimal = Field(allow_inf_nan=False)
    currency: Currency


class Quantity(_Model):
    """Value and unit."""

    value: Decimal = Field(allow_inf_nan=False)
    unit: str


class Party(_Model):
    """Exporter, consignee, producer, invoicer."""

    name: str
    address: str = ""
    country: str | None = None


class Transport(_Model):
    """Box 3."""

    departure_date: dt.date | None = None
    vessel_or_flight: str | None = None
    port_of_loading: str | None = None
    port_of_discharge: str | None = None
    transit_countries: tuple[str, ...] = ()


class Invoice(_Model):
    """Box 10."""

    number: str
    date: dt.date | None = None


class Item(_Model):
    """Boxes 5-10."""

    number: int
    description: str
    hs_code: str
    origin_criterion: str
    marks: str | None = None
    packages: str | None = None
    hs_version: HsVersion | None = None
    quantity: Quantity | None = None
    gross_weight: Quantity | None = None
    fob_value: Money | None = None
    invoice: Invoice | None = None
    original_item: int | None = None


class CertificateReference(_Model):
    """Original of a back-to-back CO, or the CO replaced."""

    reference_number: str
    issue_date: dt.date | None = None
    exporting_party: str | None = None


class ExporterDeclaration(_Model):
    """The exporter's declaration."""

    place: str | None = None
    date: dt.date | None = None
    signed: bool = False


class Certification(_Model):
    """Certification by the issuing authority."""

    authority: str | None = None
    signatory: str | None = None
    place: str | None = None
    signed: bool = False
    sealed: bool = False


class Alteration(_Model):
    """A change made after the form was filled in."""

    box: int
    method: AlterationMethod
    approved_by_signatory: bool = False
    certified_by_authority: bool = False


class Certificate(_Model):
    """The certificate as presented at import."""

    scheme: Scheme
    exporting_party: Country
    importing_party: Country
    issue_date: dt.date
    items: tuple[Item, ...] = Field(min_length=1)
    reference_number: str | None = None
    medium: Medium = Medium.PAPER
    copy_: Copy | None = Field(default=None, alias="copy")
    exporter: Party | None = None
    consignee: Party | None = None
    producer: Party | None = None
    transport: Transport | None = None
    third_country_invoicing: bool = False
    third_country_invoicer: Party | None = None
    back_to_back: bool = False
    original_certificate: CertificateReference | None = None
    issued_retroactively: bool = False
    certified_true_copy: bool = False
    certified_true_copy_date: dt.date | None = None
    replaces: CertificateReference | None = None
    exporter_declaration: ExporterDeclaration | None = None
    certification: Certification | None = None
    alterations: tuple[Alteration, ...] = ()
    unused_spaces_crossed_out: bool = False
    remarks: str = ""
