"""Hypothesis strategies for roo documents, for property tests of roo and of the systems that use it.

Install them with the optional extra ``roo[hypothesis]``. ``import roo`` never
imports this module; import it yourself (``from roo import strategies``) or let
Hypothesis find it: the package registers :func:`_hypothesis_setup_hook` as a
Hypothesis entry point, so ``st.from_type(roo.Certificate)`` works in any test
run where roo is installed.

What there is:

* :func:`certificates` — valid certificates of a scheme: real ISO codes of the
  scheme's Parties, six-digit HS subheadings of real goods, box 8 texts the
  scheme accepts (``WO``, ``CTH``, ``RVC 45%``, ``CTH, DMI``, ...), items
  numbered 1..n, consistent dates (invoice <= departure <= issue <= departure
  + 3 days, declaration <= issue), signed and sealed, original copy.
* :func:`certificate_data` — the same as JSON-ready dicts (``roo.dump``).
* :func:`defective_certificates` — a valid certificate with exactly one
  controlled defect, with the item it concerns and the finding code a correct
  evaluation reports for it (see :data:`DEFECTS`).
* :func:`contexts` — the facts of an import: consistent with a given
  certificate (presented within its validity, declared as certified), or, with
  no certificate, arbitrary but well-formed.

Every strategy shrinks toward a minimal valid CO: one item, the first Party
pair of the scheme (Indonesia to Japan for AJCEP and JIEPA), the earliest date
of the scheme's range, the first good of the table (frozen shrimp,
``030617``, ``WO``), the smallest amounts, optional boxes empty.

A user's own property test, checking that an import system agrees with roo::

    from hypothesis import given
    import roo
    from roo.strategies import certificates, defective_certificates

    @given(certificates(scheme="AJCEP"))
    def test_valid_certificates_are_accepted(co):
        assert my_system.accepts(roo.dump(co))

    @given(defective_certificates())
    def test_defects_are_rejected(case):
        co, item, code = case
        assert code in my_system.rejection_codes(roo.dump(co), item)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final, final

import attrs
from hypothesis import strategies as st

import roo
from roo._frozen import FrozenMap
from roo.context import (
    AccumulationDocument,
    AccumulationDocumentKind,
    Consignment,
    Context,
    Declaration,
    DeclarationItem,
    Drawdown,
    TransitStop,
)
from roo.model import (
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

__all__ = [
    "DEFECTS",
    "Defect",
    "certificate_data",
    "certificates",
    "contexts",
    "defective_certificates",
]


# --------------------------------------------------------------------------------------------------------------------
# Reference tables: realistic values, each table's first row being the simplest.


@final
@attrs.frozen
class _Country:
    authority: str
    city: str
    port: str
    companies: tuple[str, ...]
    street: str


_COUNTRIES: Final[Mapping[str, _Country]] = {
    "ID": _Country(
        "Ministry of Trade of Indonesia",
        "Surabaya",
        "IDSUB",
        ("PT Samudra Jaya", "PT Nusantara Makmur", "PT Kopi Gayo Lestari"),
        "Jl. Pelabuhan 1",
    ),
    "JP": _Country(
        "Japan Chamber of Commerce and Industry",
        "Tokyo",
        "JPTYO",
        ("Kaiyo Foods K.K.", "Yamato Trading Co., Ltd.", "Sakura Machinery K.K."),
        "1-2-3 Shiba, Minato-ku",
    ),
    "BN": _Country(
        "Ministry of Foreign Affairs and Trade", "Bandar Seri Begawan", "BNMUA", ("Borneo Seafood Sdn Bhd",), "Jalan Kota"
    ),
    "KH": _Country("Ministry of Commerce", "Phnom Penh", "KHPNH", ("Angkor Garments Co., Ltd.",), "Street 271"),
    "LA": _Country("Ministry of Industry and Commerce", "Vientiane", "LAVTE", ("Lao Coffee Export Co.",), "Lane Xang Avenue"),
    "MY": _Country(
        "Ministry of International Trade and Industry", "Port Klang", "MYPKG", ("Sinar Rubber Sdn Bhd",), "Jalan Pelabuhan"
    ),
    "MM": _Country("Ministry of Commerce", "Yangon", "MMRGN", ("Golden Delta Trading Co., Ltd.",), "Strand Road"),
    "PH": _Country("Bureau of Customs", "Manila", "PHMNL", ("Luzon Fruit Exporters Inc.",), "Port Area"),
    "SG": _Country("Singapore Customs", "Singapore", "SGSIN", ("Lion City Electronics Pte Ltd",), "1 Harbourfront Avenue"),
    "TH": _Country("Department of Foreign Trade", "Bangkok", "THBKK", ("Siam Agro Industry Co., Ltd.",), "Rama IV Road"),
    "VN": _Country(
        "Ministry of Industry and Trade", "Ho Chi Minh City", "VNSGN", ("Mekong Seafood JSC",), "Nguyen Tat Thanh Street"
    ),
    "CN": _Country(
        "China Council for the Promotion of International Trade", "Shanghai", "CNSHA", ("Shanghai Steel Products Co., Ltd.",),
        "Yangshupu Road",
    ),
    "IN": _Country("Export Inspection Council of India", "Chennai", "INMAA", ("Coromandel Textiles Pvt Ltd",), "Rajaji Salai"),
    "KR": _Country("Korea Chamber of Commerce and Industry", "Busan", "KRPUS", ("Hanbit Industrial Co., Ltd.",), "Jungang-daero"),
    "US": _Country("Chamber of Commerce of the United States", "Los Angeles", "USLAX", ("Pacific Export Inc.",), "Harbor Blvd"),
    "DE": _Country("Industrie- und Handelskammer Hamburg", "Hamburg", "DEHAM", ("Hanse Maschinenbau GmbH",), "Am Sandtorkai 1"),
}

_ASEAN: Final = ("ID", "BN", "KH", "LA", "MY", "MM", "PH", "SG", "TH", "VN")

#: (exporting Party, importing Party) pairs per scheme; the first is what a pair shrinks to.
_PAIRS: Final[Mapping[Scheme, tuple[tuple[str, str], ...]]] = {
    Scheme.AJCEP: (*((a, "JP") for a in _ASEAN), *(("JP", a) for a in _ASEAN)),
    Scheme.JIEPA: (("ID", "JP"), ("JP", "ID")),
    Scheme.ID_MOTR_16_2024: tuple((c, "ID") for c in ("CN", "VN", "TH", "IN", "KR", "JP", "MY", "US", "DE")),
}

#: First and last issue date per scheme: after the Agreement or regulation applies to every Party listed
#: (Indonesia joined AJCEP on 2018-03-01; Indonesia issues JIEPA COs electronically from 2024-02-05;
#: MoTR 16/2024 applies from 2024-07-12).
_ISSUE_RANGE: Final[Mapping[Scheme, tuple[date, date]]] = {
    Scheme.AJCEP: (date(2019, 1, 1), date(2025, 12, 31)),
    Scheme.JIEPA: (date(2024, 3, 1), date(2025, 12, 31)),
    Scheme.ID_MOTR_16_2024: (date(2024, 8, 1), date(2025, 12, 31)),
}

#: Companies in third countries that invoice goods they do not ship (AJCEP form, note 7).
_THIRD_COUNTRY_INVOICERS: Final = (
    Party("Harbour Trading Ltd.", "8 Connaught Road Central, Hong Kong", "HK"),
    Party("Alpine Commodities SA", "Rue du Rhone 12, Geneva", "CH"),
    Party("Pacific Export Inc.", "Harbor Blvd 100, Los Angeles", "US"),
)

_SIGNATORIES: Final = ("A. Wibowo", "T. Suzuki", "N. Chaiyaporn", "L. T. Hoa", "M. Santos")
_VESSELS: Final = ("MV OCEAN STAR", "MV JAKARTA EXPRESS", "MV SAKURA MARU", "MV MEKONG PEARL", "MV SIAM PRIDE")


@final
@attrs.frozen
class _Good:
    hs_code: str
    description: str
    unit: str
    wholly_obtained: bool


#: Goods in HS subheadings that are the same in HS2017 and HS2022.
_GOODS: Final = (
    _Good("030617", "Frozen shrimp, peeled", "KGM", True),
    _Good("090111", "Coffee, not roasted, not decaffeinated", "KGM", True),
    _Good("180100", "Cocoa beans, whole, raw", "KGM", True),
    _Good("100630", "Rice, wholly milled", "KGM", True),
    _Good("160414", "Skipjack tuna in brine, canned", "KGM", False),
    _Good("151110", "Crude palm oil", "KGM", False),
    _Good("400122", "Technically specified natural rubber (TSNR 20)", "KGM", False),
    _Good("190531", "Sweet biscuits", "KGM", False),
    _Good("760110", "Aluminium, not alloyed, unwrought", "KGM", False),
    _Good("610910", "T-shirts of cotton, knitted", "PCE", False),
    _Good("640399", "Footwear with leather uppers", "PCE", False),
    _Good("847130", "Portable computers, not more than 10 kg", "PCE", False),
    _Good("854231", "Electronic integrated circuits: processors and controllers", "PCE", False),
    _Good("401110", "New pneumatic tyres of rubber, for motor cars", "PCE", False),
    _Good("870323", "Motor cars, cylinder capacity 1,500-3,000 cc", "PCE", False),
    _Good("940360", "Wooden furniture", "PCE", False),
)

_JIEPA_ISSUER_ELECTRONIC: Final = "ID"
_PAIR: Final = {scheme: st.sampled_from(pairs) for scheme, pairs in _PAIRS.items()}
_INVOICER: Final = st.sampled_from(_THIRD_COUNTRY_INVOICERS)
_SIGNATORY: Final = st.sampled_from(_SIGNATORIES)
_VESSEL: Final = st.sampled_from(_VESSELS)
_REMARKS: Final = st.sampled_from(("", "Goods shipped in two containers."))


_RVC_PERCENTAGES: Final = tuple(range(40, 101))


@functools.cache
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


@functools.cache
def _days(low: int, high: int) -> st.SearchStrategy[timedelta]:
    return st.integers(min_value=low, max_value=high).map(lambda n: timedelta(days=n))


@functools.cache
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=low, max_value=high)


_BOOLEANS: Final = st.booleans()
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
    if scheme is Scheme.JIEPA and exporting == _JIEPA_ISSUER_ELECTRONIC:
        medium, copy = Medium.ELECTRONIC, None
    elif scheme is Scheme.ID_MOTR_16_2024 and electronic:
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


@functools.cache
def _certificates_of(scheme: Scheme | None, min_items: int, max_items: int) -> st.SearchStrategy[Certificate]:
    return _certificates(_scheme_of(scheme), min_items, max_items)


def certificate_data(
    scheme: Scheme | str | None = None, *, min_items: int = 1, max_items: int = 5
) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON-ready dicts of :func:`certificates` (what ``roo.dump`` returns; ``json.dumps`` takes them as they are).

    Shrinks as :func:`certificates` does.
    """
    return certificates(scheme, min_items=min_items, max_items=max_items).map(roo.dump)


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
        Defect(
            "invoice-missing",
            "invoice-missing",
            _AJCEP,
            True,
            lambda co, n: _evolve_item(co, n, invoice=None),
        ),
        Defect("unsigned", "certification-unsigned", _AJCEP, False, _unsigned),
        Defect(
            "declaration-unsigned",
            "exporter-declaration-unsigned",
            _AJCEP,
            False,
            lambda co, n: attrs.evolve(co, exporter_declaration=ExporterDeclaration(None, None, False)),
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
            lambda co, n: attrs.evolve(co, third_country_invoicing=True, third_country_invoicer=None),
        ),
        Defect(
            "alteration-by-erasure",
            "alteration-by-erasure",
            _AJCEP,
            False,
            lambda co, n: attrs.evolve(co, alterations=(Alteration(7, AlterationMethod.ERASURE, True, True),)),
        ),
        Defect(
            "motr-origin-criterion-not-recognised",
            "motr-origin-criterion-not-recognised",
            _MOTR,
            True,
            lambda co, n: _evolve_item(co, n, origin_criterion=OriginCriterion.parse("CTH")),
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
            lambda co, n: _evolve_item(co, n, quantity=None),
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
    ``origin-criterion-unreadable`` (box 8 ``XYZ``), ``invoice-missing``, and
    certificate-level ``unsigned`` (certification not signed),
    ``declaration-unsigned``, ``reference-missing``, ``not-original`` (the
    duplicate presented), ``third-country-invoicer-missing`` (box ticked, no
    invoicer), ``alteration-by-erasure`` (AJCEP);
    ``motr-origin-criterion-not-recognised`` (box 8 ``CTH``),
    ``motr-quantity-missing`` and ``motr-producer-missing`` (MoTR 16/2024).

    Shrinks to: the first defect named, on the minimal certificate of
    :func:`certificates`, damaging item 1.
    """
    if defect is not None and defect not in DEFECTS:
        raise ValueError(f"unknown defect {defect!r}; known: {', '.join(DEFECTS)}")
    names = (defect,) if defect is not None else tuple(DEFECTS)
    return _defective(names, min_items, max_items)


# --------------------------------------------------------------------------------------------------------------------
# Contexts.

_CURRENCIES: Final = ("JPY", "USD", "IDR", "THB", "EUR", "SGD")
_NATIONAL_CURRENCY: Final[Mapping[str, str]] = {"JP": "JPY", "ID": "IDR"}
#: A customs value far above any waiver amount, per currency.
_LARGE_CUSTOMS_VALUE: Final[Mapping[str, int]] = {"JPY": 1_000_000, "IDR": 100_000_000, "USD": 10_000}
_NATIONAL_DIGITS: Final = st.sampled_from(("", "000", "100", "900"))
_RATES: Final[Mapping[str, Decimal]] = {
    "USD/JPY": Decimal("150.25"),
    "USD/IDR": Decimal("15650"),
    "JPY/IDR": Decimal("104.2"),
}


@st.composite
def _consistent_context(draw: st.DrawFn, co: Certificate) -> Context:
    start = max(co.issue_date, co.transport.departure_date if co.transport and co.transport.departure_date else co.issue_date)
    on = start + draw(_days(0, min(300, (date.max - start).days)))
    declaration = None
    if draw(_BOOLEANS):
        lines = []
        for item in co.items:
            national = draw(_NATIONAL_DIGITS)
            lines.append(
                DeclarationItem(
                    certificate_item=item.number,
                    hs_code=item.hs_digits + national,
                    description=item.description,
                    quantity=item.quantity,
                )
            )
        declaration = Declaration(tuple(lines), co.exporter.name if co.exporter else None)
    customs_value = None
    if draw(_BOOLEANS):
        currency = _NATIONAL_CURRENCY.get(co.importing_party, "USD")
        low = _LARGE_CUSTOMS_VALUE[currency]
        customs_value = Money(Decimal(draw(_ints(low, low * 1000))), currency)
    consignment = Consignment(direct=True) if draw(_BOOLEANS) else None
    evidence: tuple[AccumulationDocument, ...] = ()
    if draw(_BOOLEANS):
        evidence = tuple(
            AccumulationDocument(AccumulationDocumentKind.EXPORTER_DECLARATION, item.number)
            for item in co.items
            if item.origin_criterion.accumulation
        )
    rates = FrozenMap[Decimal](_RATES) if draw(_BOOLEANS) else FrozenMap[Decimal]()
    return Context(
        on=on,
        customs_value=customs_value,
        exchange_rates=rates,
        declaration=declaration,
        consignment=consignment,
        accumulation_documents=evidence,
    )


def _decimals() -> st.SearchStrategy[Decimal]:
    return st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=2)


def _money() -> st.SearchStrategy[Money]:
    return st.builds(Money, _decimals(), st.sampled_from(_CURRENCIES))


def _quantities() -> st.SearchStrategy[Quantity]:
    return st.builds(Quantity, _decimals(), st.sampled_from(("KGM", "PCE", "TNE", "LTR")))


def _countries() -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(_COUNTRIES))


@functools.cache
def _arbitrary_context() -> st.SearchStrategy[Context]:
    some_text = st.text(max_size=20)
    declaration_items = st.builds(
        DeclarationItem,
        certificate_item=st.integers(min_value=-1, max_value=8),
        hs_code=st.none() | st.from_regex(r"\A[0-9.]{0,12}\Z") | some_text,
        description=st.none() | some_text,
        quantity=st.none() | _quantities(),
    )
    transit = st.builds(
        TransitStop,
        country=_countries(),
        operations=st.lists(st.sampled_from(("loading", "unloading", "repacking", "labelling")), max_size=3).map(tuple),
        reason=st.none() | st.sampled_from(("geographical", "transport", "commercial")),
        traded_or_consumed=st.none() | st.booleans(),
    )
    drawdowns = st.builds(
        Drawdown,
        declaration=st.text(min_size=1, max_size=10),
        item=st.integers(min_value=1, max_value=6),
        quantity=_quantities(),
        declared_on=st.none() | st.dates(),
    )
    pairs = st.tuples(st.sampled_from(_CURRENCIES), st.sampled_from(_CURRENCIES)).map(lambda p: f"{p[0]}/{p[1]}")
    return st.builds(
        Context,
        on=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)),
        customs_value=st.none() | _money(),
        exporting_value=st.none() | _money(),
        exchange_rates=st.dictionaries(pairs, _decimals(), max_size=4),
        declaration=st.none() | st.builds(
            Declaration, st.lists(declaration_items, max_size=4).map(tuple), st.none() | some_text
        ),
        related_certificates=st.lists(certificates(max_items=2), max_size=1).map(tuple),
        eco_data_copy=st.none() | certificates(max_items=2),
        consignment=st.none() | st.builds(
            Consignment,
            direct=st.none() | st.booleans(),
            transit=st.lists(transit, max_size=2).map(tuple),
            evidence=st.lists(some_text, max_size=2).map(tuple),
        ),
        eco_drawdowns=st.lists(drawdowns, max_size=3).map(tuple),
    )


def contexts(certificate: Certificate | None = None) -> st.SearchStrategy[Context]:
    """Contexts of an import: consistent with ``certificate``, or arbitrary but well-formed when it is ``None``.

    With a certificate: presented (``on``) between the later of its issue and
    departure dates and 300 days after, so within its 12-month validity;
    optionally an import declaration that declares every item as certified
    (same six-digit subheading, possibly followed by national digits, the same
    description, quantity and exporter), a customs value well above any
    waiver amount, direct consignment, a few exchange rates, and the
    exporter's declaration as evidence for every item claiming accumulation
    (``ACU``). Shrinks to a context with only ``on``, the day of issue.

    Without one: any date or none, any amounts and currencies (zero and
    negative included), exchange rates, declaration lines that may name items
    the certificate does not have, related certificates, an e-CO data copy,
    transit stops and e-CO drawdowns; never parameter overrides. Shrinks to
    ``Context()``.
    """
    if certificate is None:
        return _arbitrary_context()
    return _consistent_context(certificate)


# --------------------------------------------------------------------------------------------------------------------
# Hypothesis entry point.


def _hypothesis_setup_hook() -> None:
    """Register :func:`certificates` for ``roo.Certificate`` and :func:`contexts` for ``roo.Context``.

    Hypothesis calls this through the ``hypothesis`` entry point of the
    package, so ``st.from_type(roo.Certificate)`` and ``@given(co=...)`` with
    inferred types produce valid certificates.
    """
    st.register_type_strategy(Certificate, certificates())
    st.register_type_strategy(Context, contexts())
