"""Hypothesis strategies for roo documents, for property tests of roo and of the systems that use it.

Install them with the optional extra ``roo-origin[hypothesis]``. ``import roo`` never
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
* :func:`goods` — goods for origin determination (``roo.determine``) with
  realistic bills of materials, any or aimed at a criterion (``"WO"``,
  ``"PE"``, ``"CTH"``, ``"RVC"``, ``"CTH, DMI"``, ``"CTH, ACU"``,
  ``"RVC, ACU"``, ``"fail"``; see :data:`GOOD_CRITERIA`) so that roo judges
  them so; :func:`good_data` as JSON-ready dicts.
* :func:`materials` and :func:`bills_of_materials` — bill-of-materials lines,
  nested to a bounded depth, and whole bills worth less than a given FOB.
* :func:`psr_tables` — small valid product-specific rule tables (``roo.psr/1``).
* :func:`item_goods` — goods behind a certificate's items (``Context.goods``)
  that back its box 8, or that deny it, for the box 8 cross-check.

Every certificate strategy shrinks toward a minimal valid CO: one item, the
first Party pair of the scheme (Indonesia to Japan for AJCEP and JIEPA), the
earliest date of the scheme's range, the first good of the table (frozen
shrimp, ``030617``, ``WO``), the smallest amounts, optional boxes empty.
Goods shrink toward sweet biscuits (``190531``) from Indonesia under AJCEP,
FOB 100.00 USD, with one material: wheat flour worth 1.00 USD. See
docs/strategies.md for what each strategy produces and shrinks to.

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
from decimal import ROUND_CEILING, Decimal
from typing import Any, Final, final

#: Whether this module has finished loading, and whether Hypothesis asked for the registration before that.
_LOADED = False
_HOOK_DEFERRED = False


def _hypothesis_setup_hook() -> None:
    """Register the strategies for roo's types: certificates, contexts, goods and materials.

    Hypothesis calls this through the ``hypothesis`` entry point of the
    package, so ``st.from_type(roo.Certificate)``, ``st.from_type(Good)`` and
    ``@given(co=...)`` with inferred types produce valid values:
    :func:`certificates` for ``roo.Certificate``, :func:`contexts` for
    ``roo.Context``, :func:`goods` for :class:`roo.origin.Good` and
    :func:`materials` for :class:`roo.origin.Material`.

    Hypothesis runs its entry points when it is first imported, which may be
    from this very module's imports (``from roo import strategies`` before
    ``import hypothesis``); the registration then waits until the module has
    loaded. The hook is defined before those imports for that reason.
    """
    global _HOOK_DEFERRED
    if not _LOADED:
        _HOOK_DEFERRED = True
        return
    st.register_type_strategy(Certificate, certificates())
    st.register_type_strategy(Context, contexts())
    st.register_type_strategy(Good, goods())
    st.register_type_strategy(Material, materials())


import attrs  # noqa: E402 - after the hook, which Hypothesis may look up while the imports below run
from hypothesis import strategies as st  # noqa: E402

from ._frozen import FrozenMap
from .api import dump
from .context import (
    AccumulationDocument,
    AccumulationDocumentKind,
    Consignment,
    Context,
    Declaration,
    DeclarationItem,
    Drawdown,
    TransitStop,
)
from .model import (
    Alteration,
    AlterationMethod,
    Certificate,
    Certification,
    Copy,
    CriterionKind,
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
    is_six_digit_subheading,
    normalize_hs,
)
from .origin.loading import dump_good
from .origin.model import (
    Good,
    ItemGood,
    Material,
    MaterialRole,
    Operation,
    OperationKind,
    Vessel,
    WhollyObtained,
)
from .origin.psr import PsrTable, load_psr

__all__ = [
    "DEFECTS",
    "GOOD_CRITERIA",
    "Defect",
    "bills_of_materials",
    "certificate_data",
    "certificates",
    "contexts",
    "defective_certificates",
    "good_data",
    "goods",
    "item_goods",
    "materials",
    "psr_tables",
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


@functools.cache
def _certificates_of(scheme: Scheme | None, min_items: int, max_items: int) -> st.SearchStrategy[Certificate]:
    return _certificates(_scheme_of(scheme), min_items, max_items)


def certificate_data(
    scheme: Scheme | str | None = None, *, min_items: int = 1, max_items: int = 5
) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON-ready dicts of :func:`certificates` (what ``roo.dump`` returns; ``json.dumps`` takes them as they are).

    Shrinks as :func:`certificates` does.
    """
    return certificates(scheme, min_items=min_items, max_items=max_items).map(dump)


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
            # The name stays for callers; a box 8 the Regulation does not provide (CTH) only warns (Art 10), so the
            # defect is a box 8 that reads as no criterion at all, which denies (Art 9(f)).
            "motr-origin-criterion-not-recognised",
            "motr-origin-criterion-unreadable",
            _MOTR,
            True,
            lambda co, n: _evolve_item(co, n, origin_criterion=OriginCriterion.parse("XYZ")),
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
    ``origin-criterion-unreadable`` (box 8 ``XYZ``), and
    certificate-level ``unsigned`` (certification not signed),
    ``declaration-unsigned``, ``reference-missing``, ``not-original`` (the
    duplicate presented), ``third-country-invoicer-missing`` (box ticked, no
    invoicer), ``alteration-by-erasure`` (AJCEP);
    ``motr-origin-criterion-not-recognised`` (box 8 ``XYZ``, which reads as no
    criterion: ``motr-origin-criterion-unreadable``; a criterion the Regulation
    does not provide, such as ``CTH``, is only a warning),
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


#: The characters a document's text may hold: no control characters but tab, line feed and carriage return, no
#: surrogates (the loader refuses the others).
_TEXT: Final = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r")


def _decimals(min_value: int = -(10**12)) -> st.SearchStrategy[Decimal]:
    return st.decimals(allow_nan=False, allow_infinity=False, min_value=min_value, max_value=10**12, places=2)


def _money() -> st.SearchStrategy[Money]:
    # A value on an import is above zero (the loader refuses others).
    return st.builds(Money, _decimals().filter(lambda amount: amount > 0), st.sampled_from(_CURRENCIES))


def _quantities() -> st.SearchStrategy[Quantity]:
    return st.builds(Quantity, _decimals(0), st.sampled_from(("KGM", "PCE", "TNE", "LTR")))


def _countries() -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(_COUNTRIES))


@functools.cache
def _arbitrary_context() -> st.SearchStrategy[Context]:
    some_text = st.text(_TEXT, max_size=20)
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
        declaration=st.text(_TEXT, min_size=1, max_size=10),
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
        exchange_rates=st.dictionaries(pairs, _decimals().filter(lambda rate: rate > 0), max_size=4),
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

    Without one: any date or none, any amounts above zero and currencies,
    exchange rates above zero, declaration lines that may name items the
    certificate does not have, related certificates, an e-CO data copy,
    transit stops and e-CO drawdowns; never parameter overrides. Shrinks to
    ``Context()``.
    """
    if certificate is None:
        return _arbitrary_context()
    return _consistent_context(certificate)


# --------------------------------------------------------------------------------------------------------------------
# Goods and bills of materials (origin determination, roo.origin).

#: The schemes roo determines origin under, and their Parties; the first Party is what a good shrinks to.
_ORIGIN_PARTIES: Final[Mapping[Scheme, tuple[str, ...]]] = {
    Scheme.AJCEP: (*_ASEAN, "JP"),
    Scheme.JIEPA: ("ID", "JP"),
}

#: The general rule's value-content threshold (AJCEP Art 26.1(a)): the VNM may be at most 60 % of the FOB.
_GENERAL_RVC: Final = 40
_VNM_CAP: Final = 100 - _GENERAL_RVC

#: Material values are whole percentages of the FOB; their sum stays below it.
_BUDGET: Final = 99

#: Currencies without minor units (ISO 4217 exponent 0).
_ZERO_DECIMAL: Final = frozenset({"JPY", "KRW", "VND"})

#: AJCEP Art 28: chapters with a de minimis of 10 % of the FOB; 7 % or 10 % (Annex 2 says which); 10 % by weight.
_DMI_VALUE_CHAPTERS: Final = frozenset({16, 19, 20, 22, 23, *range(28, 50), *range(64, 98)})
_DMI_ANNEX2_CHAPTERS: Final = frozenset({18, 21})
_DMI_WEIGHT_CHAPTERS: Final = frozenset(range(50, 64))


@final
@attrs.frozen
class _Product:
    """A good roo can generate, with materials that change heading and one that does not."""

    hs_code: str
    description: str
    inputs: tuple[tuple[str, str], ...]
    same_heading: tuple[str, str]
    category: WhollyObtained | None = None

    @property
    def chapter(self) -> int:
        return int(self.hs_code[:2])

    @property
    def by_weight(self) -> bool:
        """Whether its de minimis is by weight (textiles), so that its materials carry weights."""
        return self.chapter in _DMI_WEIGHT_CHAPTERS

    @property
    def de_minimis(self) -> int | None:
        """The share (per cent of FOB, or of weight for textiles) a CTH tolerates without doubt; None: no de minimis."""
        if self.chapter in _DMI_VALUE_CHAPTERS or self.by_weight:
            return 10
        if self.chapter in _DMI_ANNEX2_CHAPTERS:
            return 7  # the lower of Annex 2's two percentages: met whichever the row specifies
        return None

    @property
    def pool(self) -> tuple[tuple[str, str], ...]:
        return (*self.inputs, self.same_heading)


_W = WhollyObtained
#: Goods with realistic bills of materials: made goods first (sweet biscuits being what a good shrinks to), then
#: goods that may be wholly obtained. Every input changes heading; ``same_heading`` shares the good's heading.
_PRODUCTS: Final = (
    _Product(
        "190531",
        "Sweet biscuits",
        (
            ("110100", "Wheat flour"),
            ("170199", "Cane sugar"),
            ("151190", "Refined palm oil"),
            ("180500", "Cocoa powder"),
            ("040510", "Butter"),
        ),
        ("190590", "Biscuit wafers, unfilled"),
    ),
    _Product(
        "180632",
        "Chocolate in bars, not filled",
        (
            ("180400", "Cocoa butter"),
            ("170199", "Cane sugar"),
            ("040221", "Whole milk powder"),
            ("180310", "Cocoa paste"),
        ),
        ("180620", "Chocolate couverture in blocks"),
    ),
    _Product(
        "160414",
        "Skipjack tuna in brine, canned",
        (("030343", "Frozen skipjack tuna"), ("250100", "Salt"), ("731021", "Tinplate cans")),
        ("160414", "Precooked tuna loins"),
    ),
    _Product(
        "151190",
        "Refined palm olein",
        (("250810", "Bleaching earth"), ("280920", "Phosphoric acid")),
        ("151110", "Crude palm oil"),
    ),
    _Product(
        "610910",
        "T-shirts of cotton, knitted",
        (("600622", "Dyed cotton knitted fabric"), ("520411", "Cotton sewing thread"), ("580710", "Woven labels")),
        ("610910", "Cotton T-shirt blanks"),
    ),
    _Product(
        "640399",
        "Footwear with leather uppers",
        (
            ("410799", "Finished bovine leather"),
            ("640610", "Uppers"),
            ("640620", "Rubber outsoles"),
            ("350691", "Adhesives"),
        ),
        ("640399", "Unfinished leather shoes"),
    ),
    _Product(
        "940360",
        "Wooden furniture",
        (("440799", "Sawn hardwood"), ("441231", "Plywood"), ("830242", "Furniture fittings"), ("320890", "Varnish")),
        ("940360", "Unassembled wooden cabinets"),
    ),
    _Product(
        "847130",
        "Portable computers, not more than 10 kg",
        (
            ("854231", "Processors"),
            ("854232", "Memory chips"),
            ("850760", "Lithium-ion batteries"),
            ("847330", "Mainboards"),
        ),
        ("847130", "Portable computers, unbranded"),
    ),
    _Product(
        "854231",
        "Electronic integrated circuits: processors and controllers",
        (("381800", "Doped silicon wafers"), ("710812", "Gold bonding wire")),
        ("854239", "Other integrated circuits"),
    ),
    _Product(
        "401110",
        "New pneumatic tyres of rubber, for motor cars",
        (
            ("400122", "Natural rubber (TSNR 20)"),
            ("400219", "Styrene-butadiene rubber"),
            ("280300", "Carbon black"),
            ("731210", "Steel tyre cord"),
        ),
        ("401190", "Tyre carcasses"),
    ),
    _Product(
        "870323",
        "Motor cars, cylinder capacity 1,500-3,000 cc",
        (("840734", "Spark-ignition engines"), ("870899", "Car parts"), ("870710", "Car bodies"), ("401110", "Tyres")),
        ("870323", "Motor cars in CKD kits"),
    ),
    _Product(
        "760110",
        "Aluminium, not alloyed, unwrought",
        (("281820", "Alumina"), ("854511", "Carbon electrodes")),
        ("760120", "Aluminium alloy ingots"),
    ),
    _Product(
        "400122",
        "Technically specified natural rubber (TSNR 20)",
        (("291511", "Formic acid"), ("283210", "Sodium metabisulphite")),
        ("400129", "Natural rubber cup lumps"),
    ),
    _Product(
        "151110",
        "Crude palm oil",
        (("120710", "Oil palm fruit bunches"), ("252100", "Limestone flux")),
        ("151110", "Crude palm oil, bought in"),
    ),
    _Product(
        "030617",
        "Frozen shrimp, peeled",
        (("230990", "Shrimp feed"), ("283531", "Sodium tripolyphosphate")),
        ("030617", "Frozen shrimp, shell-on"),
        _W.HUNTING_FISHING,
    ),
    _Product(
        "090111",
        "Coffee, not roasted, not decaffeinated",
        (("310520", "NPK fertiliser"), ("380891", "Insecticides")),
        ("090111", "Green coffee, bought in"),
        _W.PLANT,
    ),
    _Product(
        "180100",
        "Cocoa beans, whole, raw",
        (("310520", "NPK fertiliser"), ("380891", "Insecticides")),
        ("180100", "Cocoa beans, bought in"),
        _W.PLANT,
    ),
    _Product(
        "100630",
        "Rice, wholly milled",
        (("310520", "NPK fertiliser"), ("380893", "Herbicides")),
        ("100610", "Rice in the husk"),
        _W.FROM_WHOLLY_OBTAINED,
    ),
    _Product(
        "030343",
        "Skipjack tuna, frozen",
        (("250100", "Salt"), ("220190", "Ice")),
        ("030343", "Skipjack tuna, bought in"),
        _W.SEA_FISHING,
    ),
    _Product(
        "260300",
        "Copper ores and concentrates",
        (("360200", "Prepared explosives"), ("360300", "Detonators")),
        ("260300", "Copper ore, bought in"),
        _W.MINERAL,
    ),
    _Product(
        "720449",
        "Ferrous waste and scrap",
        (("730890", "Dismantled steel structures"), ("890800", "Vessels for breaking up")),
        ("720449", "Ferrous scrap, bought in"),
        _W.SCRAP_AND_WASTE,
    ),
)
_PRODUCT_BY_HS: Final = {p.hs_code: p for p in _PRODUCTS}
_MADE: Final = tuple(p for p in _PRODUCTS if p.category is None)
_WHOLLY_OBTAINED: Final = tuple(p for p in _PRODUCTS if p.category is not None)
_MATERIAL_POOL: Final = tuple(dict.fromkeys(line for p in _PRODUCTS for line in p.pool))

#: Materials by role other than an ordinary input (their HS codes do not matter for a change of classification).
_ROLE_POOL: Final[Mapping[MaterialRole, tuple[tuple[str, str], ...]]] = {
    MaterialRole.RETAIL_PACKAGING: (("481910", "Printed retail cartons"), ("392321", "Retail bags of polyethylene")),
    MaterialRole.ACCESSORY: (("491199", "User manual"), ("820540", "Screwdriver supplied with the good")),
    MaterialRole.SHIPPING_PACKING: (("441520", "Wooden pallets"), ("481910", "Shipping cartons")),
    MaterialRole.INDIRECT: (("271019", "Fuel oil for the boilers"), ("340319", "Machine lubricants")),
}
_ROLES: Final = st.sampled_from(
    (*(MaterialRole.INPUT,) * 3, *(role for role in MaterialRole if role is not MaterialRole.INPUT))
)
#: Roles a non-originating material may take that count in the VNM (AJCEP Arts 27, 32.3, 33.2).
_COUNTED_ROLES: Final = st.sampled_from((MaterialRole.INPUT, MaterialRole.RETAIL_PACKAGING, MaterialRole.ACCESSORY))

_PRODUCTION: Final = Operation(OperationKind.PRODUCTION, "manufacture in the exporting Party")
#: Operations lists that do not stop a change of classification (empty: roo assumes production took place).
_QUALIFYING_OPERATIONS: Final = (
    (),
    (_PRODUCTION,),
    (_PRODUCTION, Operation(OperationKind.SIMPLE_PACKING, "packing into cartons")),
    (Operation(OperationKind.PRODUCTION, "refining", "refining"),),
)
#: Operations lists that alone never confer origin under a change of classification (AJCEP Art 30, JIEPA Art 32).
_NON_QUALIFYING_OPERATIONS: Final = (
    (Operation(OperationKind.SIMPLE_PACKING, "repacking into retail cartons"),),
    (Operation(OperationKind.PACKAGING_CHANGE, "breaking up of bulk consignments"),),
    (Operation(OperationKind.PRESERVATION, "freezing for transport"), Operation(OperationKind.SET_MAKING, "gift sets")),
    (Operation(OperationKind.DISASSEMBLY, "disassembly"),),
)
_ANY_OPERATIONS: Final = st.sampled_from(_QUALIFYING_OPERATIONS + _NON_QUALIFYING_OPERATIONS)
_FISHING_VESSELS: Final = ("KM Bahari Jaya", "Kaiyo Maru No. 8", "FV Andaman Star", "Ocean Harvest 21")
_FLAGS_OF_CONVENIENCE: Final = ("PA", "LR", "MH")
_ON: Final = st.none() | st.dates(min_value=date(2019, 1, 1), max_value=date(2025, 12, 31))
_EDITION: Final = st.none() | st.sampled_from((HsVersion.HS2017, HsVersion.HS2022))
_FINAL_PROCESS: Final = st.sampled_from((True, None, False))
_ORIGINATING: Final = st.sampled_from((False, True, None))


def _minor_digits(currency: str) -> int:
    return 0 if currency in _ZERO_DECIMAL else 2


def _money_of(units: int, currency: str) -> Money:
    """``units`` of the currency's minor unit (cents; yen) as Money with its usual decimals (``1.00`` USD)."""
    return Money(Decimal(units).scaleb(-_minor_digits(currency)), currency)


def _kilograms(hundredths: int) -> Quantity:
    return Quantity(Decimal(hundredths).scaleb(-2), "KGM")


def _origin_scheme(scheme: Scheme | str | None) -> Scheme | None:
    if scheme is None:
        return None
    value = Scheme(scheme)
    if value not in _ORIGIN_PARTIES:
        raise ValueError(f"origin is determined under AJCEP or JIEPA, not {value.value}")
    return value


@final
@attrs.frozen
class _Spec:
    """What every material of one good shares: scheme, Party, product, currency, FOB and weight."""

    scheme: Scheme
    party: str
    product: _Product
    currency: str
    #: The FOB is ``scale`` x 100 minor units, so that a material of p % of it is worth ``scale`` x p exactly.
    scale: int
    #: The good's weight in kilograms, when its materials carry weights (textiles: de minimis by weight).
    weight: int | None

    @property
    def fob(self) -> Money:
        return _money_of(self.scale * 100, self.currency)

    def value(self, share: int) -> Money:
        return _money_of(self.scale * share, self.currency)

    def good_weight(self) -> Quantity | None:
        return _kilograms(self.weight * 100) if self.weight is not None else None

    def material_weight(self, share: int) -> Quantity | None:
        return _kilograms(self.weight * share) if self.weight is not None else None

    @property
    def others(self) -> tuple[str, ...]:
        """The other Parties, whose originating materials count only through accumulation."""
        return tuple(p for p in _ORIGIN_PARTIES[self.scheme] if p != self.party)


class _Bill:
    """The materials of one good as they are drawn, with the share of the FOB still free and the VNM so far."""

    def __init__(self, draw: st.DrawFn, spec: _Spec) -> None:
        self.draw = draw
        self.spec = spec
        self.used = 0
        self.vnm = 0
        self.lines: list[Material] = []

    @property
    def left(self) -> int:
        return _BUDGET - self.used

    def share(self, low: int, high: int, reserve: int = 0) -> int:
        """A share from ``low`` to ``high`` per cent of the FOB, leaving at least ``reserve`` for materials to come."""
        high = min(high, self.left - reserve)
        assert 1 <= low <= high, (low, high)
        return self.draw(_ints(low, high))

    def add(
        self,
        line: tuple[str, str],
        share: int,
        *,
        originating: bool | None,
        origin_party: str | None = None,
        role: MaterialRole = MaterialRole.INPUT,
        weight_share: tuple[int, int] = (1, 100),
        materials: tuple[Material, ...] = (),
        counted: bool = False,
    ) -> None:
        """A material worth ``share`` % of the FOB; ``counted``: it is in the VNM."""
        spec = self.spec
        weight = None
        if spec.weight is not None:
            weight = spec.material_weight(self.draw(_ints(*weight_share)))
        self.lines.append(
            Material(
                description=line[1],
                hs_code=line[0],
                value=spec.value(share),
                originating=originating,
                origin_party=origin_party,
                weight=weight,
                role=role,
                operations=(_PRODUCTION,) if materials else (),
                materials=materials,
            )
        )
        self.used += share
        if counted:
            self.vnm += share

    def non_originating(self, low: int, high: int = _BUDGET, *, unknown: bool = True, reserve: int = 0) -> None:
        """A material that changes heading (or is packing or an accessory), counted in the VNM."""
        draw = self.draw
        role = draw(_COUNTED_ROLES)
        pool = self.spec.product.inputs if role is MaterialRole.INPUT else _ROLE_POOL[role]
        originating = draw(st.sampled_from((False, None))) if unknown else False
        line = draw(st.sampled_from(pool))
        self.add(line, self.share(low, high, reserve), originating=originating, role=role, counted=True)

    def same_heading(self, low: int, high: int, *, weight_share: tuple[int, int]) -> None:
        """A non-originating input of the good's own heading: it fails the CTH unless de minimis excuses it."""
        share = self.share(low, high)
        self.add(self.spec.product.same_heading, share, originating=False, weight_share=weight_share, counted=True)

    def accumulated(
        self, line: tuple[str, str], low: int, *, reserve: int = 0, weight_share: tuple[int, int] = (1, 100)
    ) -> None:
        """An input originating in another Party: originating only through accumulation (AJCEP Art 29)."""
        party = self.draw(st.sampled_from(self.spec.others))
        share = self.share(low, _BUDGET, reserve)
        self.add(line, share, originating=True, origin_party=party, weight_share=weight_share)

    def local(self, reserve: int = 0) -> None:
        """An input originating in the exporting Party, stated or settled from its own originating materials."""
        draw, spec = self.draw, self.spec
        line = draw(st.sampled_from(spec.product.pool))
        share = self.share(1, _BUDGET, reserve)
        party = draw(st.sampled_from((None, spec.party)))
        if not draw(_BOOLEANS):
            self.add(line, share, originating=True, origin_party=party)
            return
        # Origin not stated: roo settles it bottom-up from the material's own (originating) materials.
        count = draw(_ints(1, 2))
        subs = []
        for _ in range(count):
            sub = draw(st.sampled_from(spec.product.inputs))
            subs.append(
                Material(sub[1], sub[0], _money_of(spec.scale * share // 4, spec.currency), True, None)
            )
        self.add(line, share, originating=None, origin_party=party, materials=tuple(subs))

    def extras(self, *kinds: str) -> None:
        """Up to three materials that do not change which criteria the good meets."""
        for _ in range(self.draw(_ints(0, 3))):
            if self.left < 1:
                return
            kind = self.draw(st.sampled_from(kinds))
            if kind == "local":
                self.local()
            elif kind == "other":
                self.accumulated(self.draw(st.sampled_from(self.spec.product.inputs)), 1)
            else:
                role = MaterialRole.INDIRECT if kind == "indirect" else MaterialRole.SHIPPING_PACKING
                line = self.draw(st.sampled_from(_ROLE_POOL[role]))
                self.add(line, self.share(1, _BUDGET), originating=self.draw(_ORIGINATING), role=role)

    def good(
        self,
        *,
        final_process: bool | None = True,
        operations: tuple[Operation, ...] = (),
        wholly_obtained: WhollyObtained | None = None,
        vessel: Vessel | None = None,
        on: date | None = None,
    ) -> Good:
        spec = self.spec
        return Good(
            scheme=spec.scheme,
            exporting_party=spec.party,
            hs_code=spec.product.hs_code,
            description=spec.product.description,
            fob_value=spec.fob,
            final_process_in_party=final_process,
            wholly_obtained=wholly_obtained,
            vessel=vessel,
            operations=operations,
            materials=tuple(self.lines),
            weight=spec.good_weight(),
            on=on,
        )


def _vessel(draw: st.DrawFn, party: str, *, of_party: bool) -> Vessel:
    """A fishing vessel of the Party (AJCEP Art 23(b)), or one that fails exactly one of its conditions."""
    name = draw(st.sampled_from(_FISHING_VESSELS))
    ownership, crew, flag = draw(_ints(50, 100)), draw(_ints(75, 100)), party
    if not of_party:
        fault = draw(_ints(0, 2))
        if fault == 0:
            flag = draw(st.sampled_from(_FLAGS_OF_CONVENIENCE))
        elif fault == 1:
            ownership = draw(_ints(0, 49))
        else:
            crew = draw(_ints(0, 74))
    return Vessel(name, party, flag, Decimal(ownership), Decimal(crew))


def _build(draw: st.DrawFn, spec: _Spec, criterion: str, *, threshold: int = _GENERAL_RVC, exact: bool = True) -> Good:
    """A good of ``spec`` that roo judges as ``criterion`` says (see GOOD_CRITERIA) under the general rule.

    ``threshold`` is the value content an RVC good reaches at least (a box 8 ``RVC 45%`` claim). ``exact``: the
    recommended box 8 is the criterion's (a CTH good that also reaches 40 % would be recommended ``CTH`` anyway; a
    good ``CTH, DMI`` must then fail the RVC), rather than only the criterion being met with its flags.
    """
    bill = _Bill(draw, spec)
    on = draw(_ON) if exact else None
    party = spec.party
    if criterion == "WO":
        category = spec.product.category or WhollyObtained.FROM_WHOLLY_OBTAINED
        vessel = _vessel(draw, party, of_party=True) if category.needs_vessel else None
        return bill.good(wholly_obtained=category, vessel=vessel, on=on)
    if criterion == "PE":
        count = draw(_ints(1, 3))
        for index in range(count):
            reserve = count - 1 - index
            if index and spec.scheme is Scheme.AJCEP and draw(_BOOLEANS):
                bill.accumulated(draw(st.sampled_from(spec.product.pool)), 1, reserve=reserve)
            else:
                bill.local(reserve)
        bill.extras("indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=draw(_ANY_OPERATIONS), on=on)
    operations = draw(st.sampled_from(_QUALIFYING_OPERATIONS))
    if criterion == "CTH":
        count = draw(_ints(1, 3))
        for index in range(count):
            bill.non_originating(1, reserve=count - 1 - index)
        bill.extras("local", "other", "indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)
    if criterion in ("RVC", "RVC, ACU"):
        cap = 100 - threshold
        if exact:
            bill.same_heading(11, cap, weight_share=(11, 100))
        for _ in range(draw(_ints(0, 2))):
            if cap - bill.vnm >= 1:
                bill.non_originating(1, cap - bill.vnm)
        if not bill.lines and criterion == "RVC":
            bill.local()  # an RVC 100% claim: every material originating, but materials there must be
        if criterion == "RVC, ACU":
            bill.accumulated(draw(st.sampled_from(spec.product.inputs)), max(1, _VNM_CAP + 1 - bill.vnm))
        bill.extras("local", "indirect", "shipping")
        return bill.good(operations=operations, on=on)
    if criterion == "CTH, DMI":
        limit = spec.product.de_minimis
        assert limit is not None
        if spec.weight is not None:
            bill.same_heading(1, 40, weight_share=(1, limit))
        else:
            bill.same_heading(1, limit, weight_share=(1, 100))
        if exact:
            bill.non_originating(max(1, _VNM_CAP + 1 - bill.vnm))
        for _ in range(draw(_ints(0, 2))):
            if bill.left >= 1:
                bill.non_originating(1)
        bill.extras("local", "other", "indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)
    if criterion == "CTH, ACU":
        bill.accumulated(spec.product.same_heading, 11, reserve=1, weight_share=(11, 100))
        # At least one non-originating material (else the good is PE), enough for the VNM to exceed 60 % without
        # accumulation (else the RVC is met without ACU, and box 8 would be that).
        bill.non_originating(max(1, _VNM_CAP + 1 - bill.used) if exact else 1)
        for _ in range(draw(_ints(0, 2))):
            if bill.left >= 1:
                bill.non_originating(1)
        bill.extras("local", "other", "indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)
    assert criterion == "fail", criterion
    ways = ("rules", "operations", "vessel") if spec.scheme is Scheme.AJCEP else ("vessel",)
    way = draw(st.sampled_from(ways))
    if way == "vessel":
        category = draw(st.sampled_from((WhollyObtained.SEA_FISHING, WhollyObtained.FACTORY_SHIP)))
        if exact:  # a good of sea fishing, rather than sweet biscuits claimed to be one
            bill = _Bill(draw, attrs.evolve(spec, product=_PRODUCT_BY_HS["030343"], weight=None))
        return bill.good(wholly_obtained=category, vessel=_vessel(draw, party, of_party=False), on=on)
    # Materials that change heading first, then what the VNM still needs to exceed 60 %: a good with one material
    # is simpler than one with two, so the good shrinks to one material of 61 %.
    for _ in range(draw(_ints(0, 2))):
        bill.non_originating(1, 30, unknown=False)
    if way == "rules":
        # Of the good's own heading and over 10 %: the CTH fails, de minimis or not.
        bill.same_heading(max(11, _VNM_CAP + 1 - bill.vnm), _BUDGET, weight_share=(11, 100))
        operations = draw(_ANY_OPERATIONS)
    else:
        if bill.vnm <= _VNM_CAP:
            bill.non_originating(_VNM_CAP + 1 - bill.vnm, unknown=False)
        operations = draw(st.sampled_from(_NON_QUALIFYING_OPERATIONS))
    bill.extras("local", "other", "indirect", "shipping")
    return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)


#: The criteria :func:`goods` can aim at, each with the box 8 roo recommends for such a good (None: not originating).
GOOD_CRITERIA: Final[Mapping[str, str | None]] = {
    "WO": "WO",
    "PE": "PE",
    "CTH": "CTH",
    "RVC": "RVC",
    "CTH, DMI": "CTH, DMI",
    "CTH, ACU": "CTH, ACU",
    "RVC, ACU": "RVC, ACU",
    "fail": None,
}

#: Criteria a JIEPA good can be aimed at without a product-specific rule table (JIEPA has no general rule).
_JIEPA_CRITERIA: Final = frozenset({"WO", "PE", "fail"})


def _products_for(criterion: str) -> tuple[_Product, ...]:
    if criterion == "WO":
        return _WHOLLY_OBTAINED
    if criterion == "CTH, DMI":
        return tuple(p for p in _MADE if p.de_minimis is not None)
    return _MADE


def _scale() -> st.SearchStrategy[int]:
    """FOB values from 100 to 1,000,000 (x 100 minor units), so from 100.00 USD or 10,000 JPY."""
    return _ints(100, 1_000_000)


@st.composite
def _spec(draw: st.DrawFn, scheme: Scheme, products: tuple[_Product, ...], currency: str) -> _Spec:
    party = draw(st.sampled_from(_ORIGIN_PARTIES[scheme]))
    product = draw(st.sampled_from(products))
    scale = draw(_scale())
    weight = draw(_ints(10, 100_000)) if product.by_weight else None
    return _Spec(scheme, party, product, currency, scale, weight)


@st.composite
def _targeted_goods(draw: st.DrawFn, schemes: tuple[Scheme, ...], criterion: str, currency: str) -> Good:
    scheme = draw(st.sampled_from(schemes))
    spec = draw(_spec(scheme, _products_for(criterion), currency))
    return _build(draw, spec, criterion)


def _any_material(
    draw: st.DrawFn,
    pool: tuple[tuple[str, str], ...],
    parties: tuple[str, ...],
    units: int,
    currency: str,
    depth: int,
    weight: int | None,
) -> Material:
    """One material worth ``units`` minor units; ``weight`` (hundredths of a kg) None: weight drawn or left out."""
    role = draw(_ROLES)
    line = draw(st.sampled_from(pool if role is MaterialRole.INPUT else _ROLE_POOL[role]))
    originating = draw(_ORIGINATING)
    origin_party = draw(st.none() | st.sampled_from(parties))
    quantity = _kilograms(weight) if weight is not None else draw(st.none() | _ints(1, 10_000_000).map(_kilograms))
    subs: tuple[Material, ...] = ()
    operations: tuple[Operation, ...] = ()
    if depth > 0 and draw(_BOOLEANS):
        count = draw(_ints(1, 3))
        left = _BUDGET
        found = []
        for index in range(count):
            share = draw(_ints(1, left - (count - 1 - index)))
            left -= share
            found.append(_any_material(draw, _MATERIAL_POOL, parties, units * share // 100, currency, depth - 1, None))
        subs = tuple(found)
        operations = draw(st.sampled_from(_QUALIFYING_OPERATIONS[:2]))
    return Material(
        description=line[1],
        hs_code=line[0],
        value=_money_of(units, currency),
        originating=originating,
        origin_party=origin_party,
        weight=quantity,
        role=role,
        operations=operations,
        materials=subs,
    )


@st.composite
def _standalone_material(draw: st.DrawFn, parties: tuple[str, ...], depth: int, currency: str) -> Material:
    whole = draw(_ints(1, 100_000))
    cents = draw(_ints(0, 99)) if _minor_digits(currency) else 0
    units = whole * 10 ** _minor_digits(currency) + cents
    return _any_material(draw, _MATERIAL_POOL, parties, units, currency, depth, None)


def _check_currency(currency: str) -> None:
    if len(currency) != 3 or not currency.isascii() or not currency.isupper():
        raise ValueError(f"an ISO 4217 currency code, got {currency!r}")


def materials(
    scheme: Scheme | str | None = None, *, depth: int = 1, currency: str = "USD"
) -> st.SearchStrategy[Material]:
    """One line of a bill of materials (:class:`roo.origin.Material`), possibly with its own materials.

    Every material has a realistic HS code (wheat flour ``110100``, cocoa
    butter ``180400``, steel tyre cord ``731210``, ...) and a value in
    ``currency`` with its usual decimals (``1.00`` to ``100000.99`` USD);
    ``originating`` is ``False``, ``True`` or ``None`` (unknown);
    ``origin_party`` is ``None`` or a Party of ``scheme`` (of AJCEP, which
    includes JIEPA's two, when ``None``); the weight is given or not; the role
    is mostly an ordinary input, sometimes retail packaging, an accessory,
    packing for shipment or an indirect material. Up to ``depth`` levels of
    sub-materials (one to three each), worth together less than the material.

    Shrinks to: wheat flour, ``110100``, worth ``1.00`` USD, non-originating,
    origin Party, weight and sub-materials left out, an ordinary input.
    """
    if depth < 0:
        raise ValueError(f"depth is 0 or more, got {depth}")
    _check_currency(currency)
    return _materials_of(_origin_scheme(scheme) or Scheme.AJCEP, depth, currency)


@functools.cache
def _materials_of(scheme: Scheme, depth: int, currency: str) -> st.SearchStrategy[Material]:
    return _standalone_material(_ORIGIN_PARTIES[scheme], depth, currency)


@st.composite
def _bill(
    draw: st.DrawFn,
    pool: tuple[tuple[str, str], ...],
    parties: tuple[str, ...],
    fob_units: int | None,
    currency: str,
    sizes: tuple[int, int],
    depth: int,
    weight: int | None,
) -> tuple[Material, ...]:
    units = fob_units if fob_units is not None else draw(_scale()) * 100
    count = draw(_ints(*sizes))
    left = _BUDGET
    found = []
    for index in range(count):
        share = draw(_ints(1, left - (count - 1 - index)))
        left -= share
        part = weight * draw(_ints(1, 100)) // 100 if weight is not None else None
        found.append(_any_material(draw, pool, parties, units * share // 100, currency, depth, part))
    return tuple(found)


def bills_of_materials(
    scheme: Scheme | str | None = None,
    *,
    fob: Money | None = None,
    hs_code: str | None = None,
    min_size: int = 1,
    max_size: int = 5,
    depth: int = 1,
) -> st.SearchStrategy[tuple[Material, ...]]:
    """A bill of materials for a good of your own: ``min_size`` to ``max_size`` materials worth less than ``fob``.

    Each material is worth a whole percentage (at least 1 %) of ``fob``,
    rounded down to the currency's minor unit, and together they are worth at
    most 99 % of it, so that ``fob`` stays above their sum. Without ``fob``
    the values are those of a good worth 100.00 to 1,000,000.00 USD. With
    ``hs_code`` of a good roo knows (those of :func:`goods`), the ordinary
    inputs are that good's (flour, sugar, cocoa powder for sweet biscuits
    ``190531``); otherwise they come from every good's. Materials and their
    sub-materials vary as :func:`materials` describes.

    Shrinks to: one material as :func:`materials` shrinks to, worth 1 % of
    the FOB (``1.00`` USD without ``fob``).
    """
    if not 1 <= min_size <= max_size <= _BUDGET:
        raise ValueError(f"need 1 <= min_size <= max_size <= {_BUDGET}, got {min_size} and {max_size}")
    if depth < 0:
        raise ValueError(f"depth is 0 or more, got {depth}")
    currency = fob.currency if fob is not None else "USD"
    _check_currency(currency)
    units = None
    if fob is not None:
        if fob.amount <= 0:
            raise ValueError(f"the FOB is above zero, got {fob}")
        units = int(fob.amount.scaleb(_minor_digits(currency)))
    product = _PRODUCT_BY_HS.get(normalize_hs(hs_code)) if hs_code is not None else None
    pool = product.pool if product is not None else _MATERIAL_POOL
    parties = _ORIGIN_PARTIES[_origin_scheme(scheme) or Scheme.AJCEP]
    return _bill(pool, parties, units, currency, (min_size, max_size), depth, None)


@st.composite
def _any_good(draw: st.DrawFn, schemes: tuple[Scheme, ...], currency: str) -> Good:
    scheme = draw(st.sampled_from(schemes))
    spec = draw(_spec(scheme, _PRODUCTS, currency))
    parties = _ORIGIN_PARTIES[scheme]
    weight = spec.weight  # always for textiles (de minimis by weight), sometimes for other goods
    if weight is None and draw(_BOOLEANS):
        weight = draw(_ints(10, 100_000))
    category = spec.product.category if draw(_BOOLEANS) else None
    vessel = None
    if category is not None and category.needs_vessel and draw(_BOOLEANS):
        vessel = _vessel(draw, spec.party, of_party=draw(_BOOLEANS))
    bill = draw(
        _bill(spec.product.pool, parties, spec.scale * 100, currency, (1, 5), 1, weight * 100 if weight else None)
    )
    refunded = None
    if scheme is Scheme.JIEPA and draw(_BOOLEANS):
        refunded = spec.value(draw(_ints(1, 20)))
    return Good(
        scheme=scheme,
        exporting_party=spec.party,
        hs_code=spec.product.hs_code,
        description=spec.product.description,
        hs_version=draw(_EDITION),
        fob_value=spec.fob,
        refunded_excise=refunded,
        final_process_in_party=draw(_FINAL_PROCESS),
        wholly_obtained=category,
        vessel=vessel,
        operations=draw(_ANY_OPERATIONS),
        materials=bill,
        weight=_kilograms(weight * 100) if weight is not None else None,
        on=draw(_ON),
    )


def goods(
    scheme: Scheme | str | None = None, *, criterion: str | None = None, currency: str = "USD"
) -> st.SearchStrategy[Good]:
    """Valid goods (:class:`roo.origin.Good`) of ``scheme`` (AJCEP or JIEPA; either when ``None``).

    Without ``criterion``: any well-formed good. A realistic six-digit HS
    subheading (sweet biscuits, chocolate, canned tuna, refined palm olein,
    T-shirts, footwear, furniture, laptops, processors, tyres, cars,
    aluminium, rubber, palm oil, shrimp, coffee, cocoa, rice, skipjack, copper
    ore, scrap), an exporting Party of the scheme, an FOB of 100.00 to
    1,000,000.00 in ``currency`` and one to five :func:`materials` from that
    good's recipe worth together at most 99 % of it; weights for textiles
    (de minimis by weight), sometimes for others; any answer to the final
    process, the wholly-obtained category (with a vessel of the Party or not),
    the operations (including ones that never confer origin), the date and
    the HS edition; under JIEPA sometimes a refunded excise tax.
    ``roo.determine`` may find such a good originating, not, or undetermined.

    With ``criterion``, a good ``roo.determine(good)`` (no product-specific
    rule table: the general rule of AJCEP Art 26.1) judges as aimed, with the
    box 8 of :data:`GOOD_CRITERIA`:

    * ``"WO"``: wholly obtained (plants, fishing with a vessel of the Party,
      minerals, scrap, ...), no materials; ``satisfied == ("WO",)``.
    * ``"PE"``: every material originating — stated, or settled from its own
      originating materials; under AJCEP some from other Parties.
    * ``"CTH"``: every non-originating material changes heading (or is
      packing or an accessory); ``PE`` fails; box 8 ``CTH``.
    * ``"RVC"``: a non-originating material of the good's own heading worth
      over 10 % of the FOB (so the CTH fails, de minimis or not), the VNM at
      most 60 % of the FOB, the final process in the Party;
      ``satisfied == ("RVC",)``, box 8 ``RVC`` (form note 3 gives no percentage).
    * ``"CTH, DMI"``: the CTH met only thanks to de minimis (a material of
      the same heading within 10 % of the FOB, 7 % for Chapters 18 and 21,
      10 % of the weight for textiles), the VNM over 60 %.
    * ``"CTH, ACU"``: the CTH met only thanks to a material of the same
      heading originating in another Party, worth over 10 %; without it the
      VNM would be over 60 %.
    * ``"RVC, ACU"``: as ``"RVC"``, but 40 % reached only by counting a
      material of another Party as originating.
    * ``"fail"``: not originating (``originating is False``): a
      same-heading material over 10 % and a VNM over 60 %, or only operations
      that never confer origin (simple packing, ...) and a VNM over 60 %, or
      a sea-fishing good from a vessel that is not of the Party (the only
      way under JIEPA, which has no general rule).

    Under JIEPA only ``"WO"``, ``"PE"`` and ``"fail"`` can be aimed at;
    every other criterion draws AJCEP goods. Targeted goods state every fact
    their verdict depends on, so it is never undetermined.

    Shrinks to: sweet biscuits (``190531``) from Indonesia under AJCEP, FOB
    100.00 USD, final process in Indonesia, one material of wheat flour
    (``110100``) worth 1.00 USD, non-originating (roo: originating, box 8
    ``CTH``). With a criterion, to the simplest good so judged (``"WO"``:
    frozen shrimp from Indonesia, no materials).
    """
    _check_currency(currency)
    fixed = _origin_scheme(scheme)
    schemes = (fixed,) if fixed is not None else tuple(_ORIGIN_PARTIES)
    if criterion is None:
        return _any_goods(schemes, currency)
    if criterion not in GOOD_CRITERIA:
        raise ValueError(f"unknown criterion {criterion!r}; known: {', '.join(GOOD_CRITERIA)}")
    if criterion not in _JIEPA_CRITERIA:
        if fixed is Scheme.JIEPA:
            raise ValueError(f"JIEPA has no general rule: without a product-specific rule no good meets {criterion!r}")
        schemes = (Scheme.AJCEP,)
    return _targeted_goods_of(schemes, criterion, currency)


@functools.cache
def _any_goods(schemes: tuple[Scheme, ...], currency: str) -> st.SearchStrategy[Good]:
    return _any_good(schemes, currency)


@functools.cache
def _targeted_goods_of(schemes: tuple[Scheme, ...], criterion: str, currency: str) -> st.SearchStrategy[Good]:
    return _targeted_goods(schemes, criterion, currency)


def good_data(
    scheme: Scheme | str | None = None, *, criterion: str | None = None, currency: str = "USD"
) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON-ready dicts of :func:`goods` (what ``roo.origin.dump_good`` returns, and ``roo.load_good`` reads).

    Shrinks as :func:`goods` does.
    """
    return goods(scheme, criterion=criterion, currency=currency).map(dump_good)


# --------------------------------------------------------------------------------------------------------------------
# Product-specific rule tables (roo.psr/1).

_PSR_SOURCE: Final = "Example rows generated for property tests; not the Agreement's Annex 2"


@st.composite
def _requirement(draw: st.DrawFn, scheme: Scheme, product: _Product) -> str:
    kind = draw(_ints(0, 6))
    if kind == 3:
        percent = draw(st.sampled_from((40, 35, 45, 50)))
        return f"{'QVC' if scheme is Scheme.JIEPA else 'RVC'} {percent}"
    if kind == 4:
        return f"CTH except {product.inputs[0][0][:4]}"
    return ("CTH", "CC", "CTSH", "", "", "SP:[refining]", "WO")[kind]


@st.composite
def _psr_table(draw: st.DrawFn, schemes: tuple[Scheme, ...]) -> PsrTable:
    scheme = draw(st.sampled_from(schemes))
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index in range(draw(_ints(1, 4))):
        product = draw(st.sampled_from(_MADE))
        level = draw(st.sampled_from((4, 6, 2)))
        code = product.hs_code[:level]
        if code in seen:
            continue
        seen.add(code)
        row: dict[str, Any] = {"hs": code}
        if index == 0 and level == 2 and draw(_BOOLEANS):
            row["to"] = f"{min(int(code) + 1, 97):02d}"
        alternatives = []
        for _ in range(draw(_ints(1, 2))):
            parts = [draw(_requirement(scheme, product)) for _ in range(draw(_ints(1, 2)))]
            alternatives.append(" and ".join(parts))
        row["rule"] = " or ".join(alternatives)
        if scheme is Scheme.JIEPA and draw(_BOOLEANS):
            basis = draw(st.sampled_from(("value", "weight")))
            row["de_minimis"] = {"percent": str(draw(st.sampled_from((10, 7)))), "basis": basis}
        elif scheme is Scheme.AJCEP and product.chapter in _DMI_ANNEX2_CHAPTERS and draw(_BOOLEANS):
            row["de_minimis"] = {"percent": str(draw(st.sampled_from((7, 10))))}
        rows.append(row)
    data: dict[str, Any] = {"format": "roo.psr/1", "scheme": scheme.value, "source": _PSR_SOURCE, "rows": rows}
    edition = draw(_EDITION)
    if edition is not None:
        data["hs_version"] = edition.value
    return load_psr(data)


def psr_tables(scheme: Scheme | str | None = None) -> st.SearchStrategy[PsrTable]:
    """Small valid product-specific rule tables (``roo.psr/1``) for ``scheme`` (AJCEP or JIEPA; either when ``None``).

    One to four rows for chapters, headings or subheadings of the goods of
    :func:`goods` (at most one row a range of two chapters; never two
    equally narrow rows for one good, so no rule is ambiguous), each rule
    one or two alternatives of one or two requirements: ``CTH``, ``CC``,
    ``CTSH``, ``RVC 35``-``RVC 50`` (``QVC`` under JIEPA), ``CTH except
    <heading of an input>``, ``SP:[refining]``, ``WO``; de minimis
    percentages where the scheme lets a row set one; sometimes an HS
    edition. ``table.to_dict()`` is its JSON; pass the table to
    ``roo.determine(good, table)`` or as ``Context.product_rules``.

    Shrinks to: an AJCEP table with one row, heading ``1905`` (biscuits):
    ``CTH``.
    """
    fixed = _origin_scheme(scheme)
    return _psr_tables_of((fixed,) if fixed is not None else tuple(_ORIGIN_PARTIES))


@functools.cache
def _psr_tables_of(schemes: tuple[Scheme, ...]) -> st.SearchStrategy[PsrTable]:
    return _psr_table(schemes)


# --------------------------------------------------------------------------------------------------------------------
# Goods behind a certificate's items (Context.goods, the box 8 cross-check).

_OTHER_INPUTS: Final = (("392690", "Plastic fittings"), ("731815", "Steel screws"), ("481910", "Cartons"))


def _product_of(item: Item) -> _Product:
    """The good roo knows by the item's HS code, or one made of inputs of other headings and the item's own."""
    digits = item.hs_digits
    known = _PRODUCT_BY_HS.get(digits)
    if known is not None:
        return known
    inputs = tuple(line for line in _OTHER_INPUTS if line[0][:4] != digits[:4])
    return _Product(digits, item.description or "Goods", inputs, (digits, f"{item.description or 'Goods'}, bought in"))


def _aim(scheme: Scheme, product: _Product, claim: OriginCriterion) -> tuple[str, int] | None:
    """What a good must be for roo to back ``claim`` exactly, with the RVC it must reach; None: no good can."""
    if claim.problem is not None or len(claim.criteria) != 1:
        return None
    kind = claim.criteria[0].kind
    flags = (claim.de_minimis, claim.accumulation)
    if kind in (CriterionKind.WO, CriterionKind.PE) and flags == (False, False):
        return kind.value, _GENERAL_RVC
    if scheme is not Scheme.AJCEP:
        return None
    if kind in (CriterionKind.CTH, CriterionKind.CTC):
        if flags == (False, False):
            return "CTH", _GENERAL_RVC
        if flags == (True, False) and product.de_minimis is not None:
            return "CTH, DMI", _GENERAL_RVC
        if flags == (False, True):
            return "CTH, ACU", _GENERAL_RVC
        return None
    if kind is CriterionKind.RVC and not claim.de_minimis:
        percent = claim.rvc_percent
        threshold = _GENERAL_RVC
        if percent is not None:
            threshold = max(threshold, min(100, int(percent.to_integral_value(rounding=ROUND_CEILING))))
        return ("RVC, ACU" if claim.accumulation else "RVC"), threshold
    return None


@st.composite
def _item_goods(draw: st.DrawFn, co: Certificate, supporting: bool) -> tuple[ItemGood, ...]:
    scheme = co.scheme
    if scheme not in _ORIGIN_PARTIES:
        return ()
    if supporting and co.exporting_party not in _ORIGIN_PARTIES[scheme]:
        return ()
    linked = []
    for item in co.items:
        if not is_six_digit_subheading(item.hs_code) or item.origin_criterion.problem is not None:
            continue
        if not item.origin_criterion.criteria:
            continue
        product = _product_of(item)
        aim = _aim(scheme, product, item.origin_criterion) if supporting else ("fail", _GENERAL_RVC)
        if aim is None:
            continue
        currency = item.fob_value.currency if item.fob_value is not None else "USD"
        weight = draw(_ints(10, 100_000)) if product.by_weight else None
        spec = _Spec(scheme, co.exporting_party, product, currency, draw(_scale()), weight)
        good = _build(draw, spec, aim[0], threshold=aim[1], exact=False)
        linked.append(ItemGood(item.number, good))
    return tuple(linked)


def item_goods(certificate: Certificate, *, supporting: bool = True) -> st.SearchStrategy[tuple[ItemGood, ...]]:
    """Goods behind the items of ``certificate``, for ``Context(goods=...)`` and the box 8 cross-check.

    Each :class:`roo.origin.ItemGood` links a good to an item by number; the
    good has the item's HS subheading, the certificate's scheme and exporting
    Party, and an FOB in the item's currency.

    ``supporting=True``: the good backs box 8 exactly — roo determines it
    originating under the criterion claimed, with the ``DMI`` or ``ACU`` the
    claim prints and no other (an ``RVC 45%`` claim gets a good of at least
    45 %), so the AJCEP cross-check (``roo.evaluate`` with these goods in the
    context) reports nothing. Items whose claim no bill of materials can
    back under the general rule get no good: ``CTH, DMI`` on a good of a
    chapter without de minimis (frozen shrimp, crude palm oil), ``PSR`` (it
    needs a product-specific rule table), claims combining criteria or both
    flags, and every item of a certificate from a state that is not a Party.

    ``supporting=False``: every item with a readable box 8 gets a good roo
    finds not originating, as :func:`goods` does with ``criterion="fail"``;
    the cross-check then denies each such item (``box8-not-originating``).

    Certificates of schemes roo does not determine origin under (MoTR
    16/2024) get no goods. Shrinks to the simplest such goods, one per item.
    """
    return _item_goods(certificate, supporting)


# --------------------------------------------------------------------------------------------------------------------
# Hypothesis entry point: register now if Hypothesis ran the hook while this module was still loading.

_LOADED = True
if _HOOK_DEFERRED:
    _hypothesis_setup_hook()
