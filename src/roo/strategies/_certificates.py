"""Valid certificates of a scheme, and their JSON-ready dicts (:func:`certificates`, :func:`certificate_data`)."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from typing import Any, Final

from hypothesis import strategies as st

from ..api import dump
from ..model import (
    Alteration,
    AlterationMethod,
    Certificate,
    Certification,
    Copy,
    ExporterDeclaration,
    HsVersion,
    Invoice,
    Item,
    Medium,
    Money,
    OriginCriterion,
    Party,
    Quantity,
    Scheme,
    Transport,
)
from ._primitives import _BOOLEANS, _days, _ints
from ._trade_tables import _COUNTRIES, _GOODS, _ISSUE_RANGE, _PAIRS, _SIGNATORIES, _THIRD_COUNTRY_INVOICERS, _VESSELS

_JIEPA_ISSUER_ELECTRONIC: Final = "ID"
_PAIR: Final = {scheme: st.sampled_from(pairs) for scheme, pairs in _PAIRS.items()}
_INVOICER: Final = st.sampled_from(_THIRD_COUNTRY_INVOICERS)
_SIGNATORY: Final = st.sampled_from(_SIGNATORIES)
_VESSEL: Final = st.sampled_from(_VESSELS)
_REMARKS: Final = st.sampled_from(("", "Goods shipped in two containers."))


_RVC_PERCENTAGES: Final = tuple(range(40, 101))


@functools.lru_cache(maxsize=16)
def _box8_texts(wholly_obtained: bool, scheme: Scheme) -> tuple[str, ...]:
    """Box 8 texts the scheme accepts for a good, the simplest first.

    Every scheme draws box 8 the same way (an index into this tuple), so a
    certificate keeps its shape while Hypothesis shrinks its scheme.
    """
    first = ("WO",) if wholly_obtained else ()
    if scheme is Scheme.AJCEP:
        return (
            *first,
            "CTH",
            "PE",
            "CTH, DMI",
            "CTH, ACU",
            *(f"RVC {p}%" for p in _RVC_PERCENTAGES),
            *(f"RVC {p}%, ACU" for p in _RVC_PERCENTAGES),
        )
    if scheme is Scheme.JIEPA:
        return (*first, "PSR", "PE")
    return (*first, "CC", "PE")


def _edition_on(day: date) -> HsVersion:
    return HsVersion.HS2022 if day >= date(2022, 1, 1) else HsVersion.HS2017


def _party(country: str, index: int) -> Party:
    info = _COUNTRIES[country]
    name = info.companies[index % len(info.companies)]
    return Party(name, f"{info.street}, {info.city}", country)
_MARKS: Final = st.none() | st.sampled_from(("SJ/KF", "N/M", "NO MARKS"))
_PACKAGES: Final = st.none() | _ints(1, 999).map(lambda n: f"{n} CTNS")
_GOOD: Final = st.sampled_from(_GOODS)


def _scheme_of(scheme: Scheme | str | None) -> st.SearchStrategy[Scheme]:
    if scheme is None:
        return st.sampled_from(tuple(Scheme))
    return st.just(Scheme(scheme))


# --------------------------------------------------------------------------------------------------------------------
# Certificates.


@st.composite
def _items(
    draw: st.DrawFn, scheme: Scheme, count: int, departure: date, issue: date, invoice_prefix: str
) -> tuple[Item, ...]:
    invoice_count = draw(_ints(1, count))
    invoices = []
    for k in range(invoice_count):
        invoice_date = departure - draw(_days(0, 90))
        invoices.append(Invoice(f"{invoice_prefix}-{k + 1:04d}", invoice_date))
    edition = _edition_on(issue)
    items = []
    for number in range(1, count + 1):
        good = draw(_GOOD)
        dotted = draw(_BOOLEANS)
        hs_code = f"{good.hs_code[:4]}.{good.hs_code[4:]}" if dotted else good.hs_code
        box8 = _box8_texts(good.wholly_obtained, scheme)
        amount = draw(_ints(1, 50_000))
        quantity = Quantity(Decimal(amount), good.unit)
        gross_weight = None
        if draw(_BOOLEANS):
            base = amount if good.unit == "KGM" else amount * 5
            gross_weight = Quantity(Decimal(base + draw(_ints(0, 1_000))), "KGM")
        if draw(_BOOLEANS):
            fob = Money(Decimal(draw(_ints(100, 1_000_000_000))), "JPY")
        else:
            fob = Money(Decimal(draw(_ints(100, 100_000_000))).scaleb(-2), "USD")
        marks = draw(_MARKS)
        packages = draw(_PACKAGES)
        items.append(
            Item(
                number=number,
                description=good.description,
                hs_code=hs_code,
                origin_criterion=OriginCriterion.parse(box8[draw(_ints(0, len(box8) - 1))]),
                marks=marks,
                packages=packages,
                hs_version=edition if draw(_BOOLEANS) else None,
                quantity=quantity,
                gross_weight=gross_weight,
                fob_value=fob,
                invoice=invoices[draw(_ints(0, invoice_count - 1))],
                original_item=None,
            )
        )
    return tuple(items)


@st.composite
def _certificates(draw: st.DrawFn, scheme_strategy: st.SearchStrategy[Scheme], min_items: int, max_items: int) -> Certificate:
    scheme = draw(scheme_strategy)
    exporting, importing = draw(_PAIR[scheme])
    first, last = _ISSUE_RANGE[scheme]
    issue = first + draw(_days(0, (last - first).days))
    departure = issue - draw(_days(0, 3))
    count = draw(_ints(min_items, max_items))
    serial = draw(_ints(1, 999_999))
    tag = {Scheme.AJCEP: "AJ", Scheme.JIEPA: "IJ", Scheme.ID_MOTR_16_2024: "CO"}[scheme]
    reference = f"{exporting}/{issue.year}/{tag}/{serial:06d}"
    items = draw(_items(scheme, count, departure, issue, f"INV-{issue.year % 100:02d}"))
    exporter_country = _COUNTRIES[exporting]
    # Every draw is made whatever the scheme, so that the certificate keeps its shape while it shrinks.
    electronic = draw(_BOOLEANS)
    if scheme is Scheme.JIEPA and exporting == _JIEPA_ISSUER_ELECTRONIC or scheme is Scheme.ID_MOTR_16_2024 and electronic:
        medium, copy = Medium.ELECTRONIC, None
    else:
        medium, copy = Medium.PAPER, Copy.ORIGINAL
    with_producer = draw(_BOOLEANS)
    producer_index = draw(_ints(0, 2))
    producer = None
    if scheme is Scheme.ID_MOTR_16_2024 or with_producer:
        producer = _party(exporting, producer_index)
    third_country = draw(_BOOLEANS) and scheme is Scheme.AJCEP
    invoicer = draw(_INVOICER)
    vessel = f"{draw(_VESSEL)} V.{draw(_ints(1, 250))}"
    altered = draw(_BOOLEANS)
    box = draw(_ints(1, 10))
    alterations: tuple[Alteration, ...] = ()
    if scheme is Scheme.AJCEP and altered:
        alterations = (Alteration(box, AlterationMethod.STRIKE_OUT, True, True),)
    return Certificate(
        scheme=scheme,
        exporting_party=exporting,
        importing_party=importing,
        issue_date=issue,
        items=items,
        reference_number=reference,
        medium=medium,
        copy=copy,
        exporter=_party(exporting, draw(_ints(0, 2))),
        consignee=_party(importing, draw(_ints(0, 2))),
        producer=producer,
        transport=Transport(
            departure_date=departure,
            vessel_or_flight=vessel,
            port_of_loading=exporter_country.port,
            port_of_discharge=_COUNTRIES[importing].port,
            transit_countries=(),
        ),
        third_country_invoicing=third_country,
        third_country_invoicer=invoicer if third_country else None,
        back_to_back=False,
        original_certificate=None,
        issued_retroactively=False,
        certified_true_copy=False,
        certified_true_copy_date=None,
        replaces=None,
        exporter_declaration=ExporterDeclaration(exporter_country.city, issue - draw(_days(0, 3)), True),
        certification=Certification(
            authority=exporter_country.authority,
            signatory=draw(_SIGNATORY),
            place=exporter_country.city,
            signed=True,
            sealed=True,
        ),
        alterations=alterations,
        unused_spaces_crossed_out=True,
        remarks=draw(_REMARKS),
    )


def certificates(
    scheme: Scheme | str | None = None, *, min_items: int = 1, max_items: int = 5
) -> st.SearchStrategy[Certificate]:
    """Valid certificates of ``scheme`` (any scheme when ``None``) with ``min_items`` to ``max_items`` items.

    Each one loads from its own dump (``roo.load(roo.dump(co)) == co``) and,
    presented within its validity, has nothing a rule of roo would deny: the
    Parties are the scheme's (Indonesia or Japan for JIEPA; any exporter with
    Indonesia importing under MoTR 16/2024), every good has a six-digit HS
    subheading (printed ``030617`` or ``0306.17``) and a box 8 text the scheme
    accepts (AJCEP: ``WO``, ``PE``, ``CTH``, ``RVC 40%``-``RVC 100%``, with
    ``DMI`` or ``ACU``; JIEPA: ``WO``, ``PE``, ``PSR``; MoTR: ``WO``, ``PE``,
    ``CC``), items are numbered 1..n and share one to n invoices, the CO is
    issued on the day of departure or up to three days after, the exporter's
    declaration is dated on or before the issue date and signed, the
    certification is signed and sealed, and a paper CO is the original. A
    Japanese-bound JIEPA CO from Indonesia is electronic, as Indonesia issues
    them since 2024.

    Shrinks to: one item of frozen shrimp (``030617``, ``WO``) from
    Indonesia to Japan (AJCEP, JIEPA) or China to Indonesia (MoTR), issued on
    the first day of the scheme's date range, shipped that day, with the
    smallest amounts and no optional boxes filled.
    """
    if not 1 <= min_items <= max_items:
        raise ValueError(f"need 1 <= min_items <= max_items, got {min_items} and {max_items}")
    return _certificates_of(None if scheme is None else Scheme(scheme), min_items, max_items)


@functools.lru_cache(maxsize=256)
def _certificates_of(scheme: Scheme | None, min_items: int, max_items: int) -> st.SearchStrategy[Certificate]:
    return _certificates(_scheme_of(scheme), min_items, max_items)


def certificate_data(
    scheme: Scheme | str | None = None, *, min_items: int = 1, max_items: int = 5
) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON-ready dicts of :func:`certificates` (what ``roo.dump`` returns; ``json.dumps`` takes them as they are).

    Shrinks as :func:`certificates` does.
    """
    return certificates(scheme, min_items=min_items, max_items=max_items).map(dump)
