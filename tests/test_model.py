"""The value objects: every public class behaves as an immutable value (equality, hash, pickle, copy, slots).

The same suite runs for each class, with two unequal sample instances.
``FrozenMap``, the mapping they hold, has its own tests at the end.
"""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import roo
from roo._frozen import EMPTY, FrozenMap
from roo.context import (
    AccumulationDocument,
    AccumulationDocumentKind,
    Consignment,
    Context,
    DatedOverride,
    Declaration,
    DeclarationItem,
    Drawdown,
    TransitStop,
)
from roo.errors import Problem
from roo.evaluation import Check, Evaluation, Finding, ItemVerdict, Outcome, Preference, Severity, Status
from roo.model import (
    Alteration,
    AlterationMethod,
    CertificateReference,
    Certification,
    Criterion,
    CriterionKind,
    ExporterDeclaration,
    Invoice,
    Money,
    OriginCriterion,
    Party,
    Quantity,
    Transport,
    is_six_digit_subheading,
    normalize_hs,
)
from roo.origin.model import ItemGood
from roo.origin.psr import load_psr
from tests.builders import certificate

_CO = certificate()
_ITEM = _CO.items[0]
_FINDING = Finding(
    "AJCEP/IR/12",
    "hs-code-not-six-digits",
    Severity.ERROR,
    2,
    "Item 2: HS code '0306' is not a six-digit subheading.",
    {"hs_code": "0306"},
)

#: Two unequal instances of every public value class.
_EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_BISCUITS = roo.load_good(json.loads((_EXAMPLES / "goods" / "biscuits_th_de_minimis.json").read_text(encoding="utf-8")))

SAMPLES: list[tuple[Any, Any]] = [
    (Money(Decimal("52000.00"), "USD"), Money(Decimal("52000.00"), "JPY")),
    (Quantity(Decimal("4000"), "KGM"), Quantity(Decimal("4000"), "PCE")),
    (Party("PT Samudra Jaya", "Surabaya", "ID"), Party("PT Samudra Jaya", "Jakarta", "ID")),
    (Transport(date(2024, 3, 4), "MV OCEAN STAR V.12", "IDSUB", "JPTYO", ("SG",)), Transport(date(2024, 3, 4))),
    (Invoice("INV-24-0311", date(2024, 2, 28)), Invoice("INV-24-0311")),
    (CertificateReference("ID/2024/AJ/000001", date(2024, 1, 5), "ID"), CertificateReference("ID/2024/AJ/000002")),
    (ExporterDeclaration("Surabaya", date(2024, 3, 4), True), ExporterDeclaration("Surabaya", date(2024, 3, 4))),
    (Certification("Ministry of Trade", "A. Wibowo", "Surabaya", True, True), Certification("Ministry of Trade")),
    (Alteration(7, AlterationMethod.STRIKE_OUT, True, True, 2), Alteration(7, AlterationMethod.ERASURE)),
    (Criterion(CriterionKind.RVC, Decimal(40)), Criterion(CriterionKind.RVC, Decimal(45))),
    (OriginCriterion.parse("CTH, DMI"), OriginCriterion.parse("CTH")),
    (_ITEM, attrs.evolve(_ITEM, hs_code="0306")),
    (_CO, attrs.evolve(_CO, remarks="amended")),
    (DeclarationItem(1, "030617", "Frozen shrimp"), DeclarationItem(2, "030617", "Frozen shrimp")),
    (Declaration((DeclarationItem(1),), "PT Samudra Jaya"), Declaration()),
    (TransitStop("SG", ("unloading",), "transport", False), TransitStop("SG")),
    (Consignment(True), Consignment(False, (TransitStop("SG"),), ("through bill of lading",))),
    (
        AccumulationDocument(AccumulationDocumentKind.MATERIAL_CERTIFICATE, 1, "TH-2024-0001", False, "TH"),
        AccumulationDocument(AccumulationDocumentKind.EXPORTER_DECLARATION, 1),
    ),
    (DatedOverride(date(2024, 1, 1), 250000), DatedOverride(date(2024, 1, 1), Decimal("250000.5"))),
    (Drawdown("D-1", 1, Quantity(Decimal(5), "KGM"), date(2024, 3, 20)), Drawdown("D-2", 1, Quantity(Decimal(5), "KGM"))),
    (ItemGood(1, _BISCUITS), ItemGood(2, _BISCUITS)),
    (load_psr(_EXAMPLES / "psr" / "ajcep_example.json"), load_psr(_EXAMPLES / "psr" / "jiepa_example.json")),
    (
        Context(
            on=date(2024, 3, 20),
            exchange_rates={"USD/JPY": Decimal("150.25")},
            related_certificates=(_CO,),
            parameters={"ajcep.waiver.japan.customs_value": (DatedOverride(date(2024, 1, 1), 250000),)},
        ),
        Context(on=date(2024, 3, 21)),
    ),
    (_FINDING, attrs.evolve(_FINDING, severity=Severity.WARNING)),
    (Check("AJCEP/IR/12", 1, Outcome.PASSED), Check("AJCEP/IR/12", 1, Outcome.NOT_EVALUATED, ("context.on",))),
    (ItemVerdict(1, Preference.GRANTED), ItemVerdict(2, Preference.DENIED, (_FINDING,))),
    (roo.evaluate(_CO), roo.evaluate(attrs.evolve(_CO, items=(attrs.evolve(_ITEM, hs_code="0306"),)))),
    (Problem("items[1].invoice.date", "not a date: '2024-13-45'"), Problem("issue_date", "not a date: '2024-02-30'")),
]

IDS = [type(a).__name__ for a, _ in SAMPLES]


@pytest.fixture(params=SAMPLES, ids=IDS)
def pair(request: pytest.FixtureRequest) -> tuple[Any, Any]:
    """Two unequal instances of one value class."""
    first, second = request.param
    return first, second


def test_samples_cover_every_public_value_class() -> None:
    """Each attrs class exported by ``roo``, ``roo.model``, ``roo.context`` and ``roo.evaluation`` has samples."""
    import roo.context
    import roo.evaluation
    import roo.model

    public: set[type] = set()
    for module in (roo, roo.model, roo.context, roo.evaluation):
        for name in dir(module):
            value = getattr(module, name)
            if not name.startswith("_") and isinstance(value, type) and attrs.has(value):
                public.add(value)
    assert set() == public - {type(a) for a, _ in SAMPLES}


def test_eq(pair: tuple[Any, Any]) -> None:
    """Equal fields make equal values; a different field makes unequal ones; other types are never equal."""
    first, second = pair

    assert first == copy.deepcopy(first)
    assert first != second
    assert not (first == second)  # noqa: SIM201 - __eq__ itself, apart from __ne__
    assert first != object()
    assert NotImplemented == first.__eq__(object())


def test_hash(pair: tuple[Any, Any]) -> None:
    """Equal values hash equal, so they work as dict keys and set members."""
    first, second = pair

    assert hash(first) == hash(copy.deepcopy(first))
    assert 2 == len({first, copy.deepcopy(first), second})


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle(pair: tuple[Any, Any], protocol: int) -> None:
    """Values survive pickling with every protocol (for process pools, Dask, Spark)."""
    first, second = pair

    assert first == pickle.loads(pickle.dumps(first, protocol))
    assert second == pickle.loads(pickle.dumps(second, protocol))


def test_copy(pair: tuple[Any, Any]) -> None:
    """Shallow and deep copies are equal to the original."""
    first, _ = pair

    assert first == copy.copy(first)
    assert first == copy.deepcopy(first)


def test_frozen(pair: tuple[Any, Any]) -> None:
    """No field can be assigned or deleted."""
    first, second = pair

    for field in attrs.fields(type(first)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(first, field.name, getattr(second, field.name))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(first, field.name)


def test_slots(pair: tuple[Any, Any]) -> None:
    """Instances have slots and no ``__dict__``: no attribute can be added."""
    first, _ = pair

    assert "__slots__" in type(first).__dict__
    assert not hasattr(first, "__dict__")
    with pytest.raises((AttributeError, attrs.exceptions.FrozenInstanceError)):
        first.not_a_field = 1


def test_evolve_makes_a_new_value(pair: tuple[Any, Any]) -> None:
    """``attrs.evolve`` is the way to change a value: it returns a new one and leaves the original alone."""
    first, second = pair
    field = next(f for f in attrs.fields(type(first)) if getattr(first, f.name) != getattr(second, f.name))
    before = copy.deepcopy(first)

    changed = attrs.evolve(first, **{field.name: getattr(second, field.name)})

    assert before == first
    assert getattr(second, field.name) == getattr(changed, field.name)


def test_collections_are_tuples() -> None:
    """Collections in the model are tuples, never lists."""
    for first, _ in SAMPLES:
        for field in attrs.fields(type(first)):
            assert not isinstance(getattr(first, field.name), (list, dict, set)), f"{type(first).__name__}.{field.name}"


# ---------------------------------------------------------------------------------------------------------------------
# Behaviour of the model beyond being a value.


def test_what_the_data_do_not_say_is_none_not_false() -> None:
    """A signature, a stamp or an approval left out is unknown (None), so that no rule reads it as refused."""
    declaration, certification, alteration = (
        ExporterDeclaration(),
        Certification(),
        Alteration(7, AlterationMethod.STRIKE_OUT),
    )
    assert (None, None, None, None, None, None) == (
        declaration.signed,
        certification.signed,
        alteration.approved_by_signatory,
        alteration.certified_by_authority,
        alteration.item,
        certification.sealed,
    )


def test_certificate_item_looks_up_by_number() -> None:
    """``Certificate.item(n)`` finds an item by its printed number, or gives ``None``."""
    co = attrs.evolve(_CO, items=(attrs.evolve(_ITEM, number=3), attrs.evolve(_ITEM, number=7)))

    assert (3, 7, None) == (co.item(3).number if co.item(3) else None, co.item(7).number if co.item(7) else None, co.item(1))


@pytest.mark.parametrize(
    ("printed", "digits", "six_digit"),
    [
        pytest.param("030617", "030617", True, id="plain"),
        pytest.param("0306.17", "030617", True, id="dotted"),
        pytest.param("0306 17", "030617", True, id="spaced"),
        pytest.param("0306-17", "030617", True, id="dashed"),
        pytest.param("0306", "0306", False, id="heading only"),
        pytest.param("03", "03", False, id="chapter only"),
        pytest.param("0306.17.00", "03061700", False, id="national tariff line"),
        pytest.param("03O617", "03O617", False, id="letter O for zero"),
        pytest.param("", "", False, id="empty"),
        pytest.param("\uff10\uff13\uff10\uff16\uff11\uff17", "\uff10\uff13\uff10\uff16\uff11\uff17", False, id="fullwidth"),
    ],
)
def test_hs_code_normalisation(printed: str, digits: str, six_digit: bool) -> None:
    """HS codes lose dots, spaces and dashes and nothing else; only six ASCII digits are a subheading."""
    item = attrs.evolve(_ITEM, hs_code=printed)

    assert (digits, six_digit, printed) == (normalize_hs(printed), is_six_digit_subheading(printed), item.hs_code)
    assert digits == item.hs_digits


def test_money_and_quantity_print_amount_and_unit() -> None:
    """Money and quantities print as ``amount unit``, keeping the printed places."""
    assert ("52000.00 USD", "4000 KGM") == (str(Money(Decimal("52000.00"), "USD")), str(Quantity(Decimal(4000), "KGM")))


def test_verdict_and_evaluation_helpers() -> None:
    """``granted``/``denied`` and ``item()`` summarise an evaluation."""
    ev = Evaluation(
        Status.PARTIALLY_ACCEPTED,
        (ItemVerdict(1, Preference.GRANTED), ItemVerdict(2, Preference.DENIED, (_FINDING,))),
        (_FINDING,),
    )

    assert ((1,), (2,)) == (ev.granted, ev.denied)
    assert ev.items[1] == ev.item(2)
    assert ev.item(3) is None
    assert (True, False) == (ev.items[0].granted, ev.items[1].granted)
    assert _FINDING.denies


def test_finding_facts_are_frozen() -> None:
    """A finding's facts are a ``FrozenMap``, whatever mapping it was given."""
    assert isinstance(_FINDING.facts, FrozenMap)
    assert {"hs_code": "0306"} == _FINDING.facts


def test_context_mappings_are_frozen() -> None:
    """The context's exchange rates and parameter overrides are frozen whatever mapping was given."""
    rates = {"USD/JPY": Decimal("150.25")}
    ctx = Context(exchange_rates=rates, parameters={"ajcep.retroactive.grace_days": 3})
    rates["USD/JPY"] = Decimal(1)

    assert isinstance(ctx.exchange_rates, FrozenMap)
    assert isinstance(ctx.parameters, FrozenMap)
    assert Decimal("150.25") == ctx.exchange_rates["USD/JPY"]


# ---------------------------------------------------------------------------------------------------------------------
# FrozenMap.


def test_frozen_map_is_a_read_only_mapping() -> None:
    """``FrozenMap`` reads like a dict, in insertion order."""
    m = FrozenMap({"b": 2, "a": 1})

    assert isinstance(m, Mapping)
    assert (["b", "a"], [2, 1], 2, 1, None, True, False) == (
        list(m),
        list(m.values()),
        len(m),
        m["a"],
        m.get("c"),
        "a" in m,
        "c" in m,
    )
    with pytest.raises(KeyError):
        m["c"]


def test_frozen_map_cannot_be_changed() -> None:
    """No item or attribute can be set or deleted."""
    m: Any = FrozenMap({"a": 1})

    with pytest.raises(TypeError):
        m["a"] = 2
    with pytest.raises(TypeError):
        del m["a"]
    with pytest.raises(AttributeError):
        m._data = {}
    with pytest.raises(AttributeError):
        m.extra = 1
    assert not hasattr(m, "__dict__")
    assert not hasattr(m, "update")
    assert {"a": 1} == m


def test_frozen_map_copies_its_source() -> None:
    """Changing the dict a ``FrozenMap`` was built from, or the dict ``to_dict`` returns, does not change it."""
    source = {"a": 1}
    m = FrozenMap(source)
    source["a"] = 2
    out = m.to_dict()
    out["a"] = 3

    assert {"a": 1} == m


def test_frozen_map_equality() -> None:
    """Equal to any mapping with the same items, in any order; unequal to other things."""
    assert FrozenMap({"a": 1, "b": 2}) == FrozenMap({"b": 2, "a": 1})
    assert FrozenMap({"a": 1}) == {"a": 1}
    assert {"a": 1} == FrozenMap({"a": 1})
    assert FrozenMap({"a": 1}) != FrozenMap({"a": 2})
    assert FrozenMap({"a": 1}) != [("a", 1)]
    assert FrozenMap() == EMPTY == FrozenMap(None) == {}


def test_frozen_map_hash() -> None:
    """Equal maps hash equal whatever their order; list values are hashed as tuples; unhashable values refuse."""
    assert hash(FrozenMap({"a": 1, "b": 2})) == hash(FrozenMap({"b": 2, "a": 1}))
    assert hash(FrozenMap({"needed": ("context.on",)})) == hash(FrozenMap({"needed": ["context.on"]}))
    with pytest.raises(TypeError):
        hash(FrozenMap({"a": {"b": 1}}))


def test_frozen_map_pickles_and_copies() -> None:
    """Pickle and copy give an equal map."""
    m = FrozenMap({"a": Decimal("1.5"), "b": date(2024, 2, 29)})

    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert m == pickle.loads(pickle.dumps(m, protocol))
    assert m == copy.copy(m) == copy.deepcopy(m)
    assert isinstance(copy.deepcopy(m), FrozenMap)


def test_frozen_map_repr() -> None:
    """The repr shows the items."""
    assert "FrozenMap({'a': 1})" == repr(FrozenMap({"a": 1}))
