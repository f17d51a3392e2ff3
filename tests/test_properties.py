"""Properties that hold for every certificate (docs/testing.md): round trip, JSON-only output, purity, item isolation,
and that nothing but ``roo.InvalidCertificate`` escapes ``roo.load`` and nothing at all escapes ``roo.evaluate``.

The certificates come from :mod:`roo.strategies`, the strategies roo ships for
its users; the "wild" certificates below are loadable but absurd.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import roo
from roo.engine import RULE_CRASHED_CODE
from roo.model import (
    Alteration,
    AlterationMethod,
    Certificate,
    CertificateReference,
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
    codes,
)
from roo.strategies import certificate_data, certificates, contexts
from tests import builders

JSON_SCALARS = (str, int, float, bool, type(None))


def examples(n: int) -> settings:
    """At most ``n`` examples, fewer when the profile asks for fewer (``HYPOTHESIS_PROFILE=fast``).

    The tests that draw a certificate *and* a context are capped so that the
    whole module stays within about half a minute.
    """
    return settings(max_examples=min(n, settings.default.max_examples))


def assert_json_only(value: object, path: str = "$") -> None:
    """Fail unless ``value`` is made of dicts with str keys, lists, str, int, float (finite), bool and None only."""
    if isinstance(value, dict):
        for key, inner in value.items():
            assert isinstance(key, str), f"{path}: key {key!r} is not a string"
            assert_json_only(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            assert_json_only(inner, f"{path}[{index}]")
    else:
        assert type(value) in JSON_SCALARS, f"{path}: {type(value).__name__} is not a JSON type"
        assert not isinstance(value, float) or math.isfinite(value), f"{path}: {value!r} is not finite"


def json_round_trip(value: object) -> Any:
    """``value`` through ``json.dumps`` and ``json.loads`` (``allow_nan=False``: NaN would not be JSON)."""
    return json.loads(json.dumps(value, allow_nan=False))


# ---------------------------------------------------------------------------------------------------------------------
# Round trip and JSON-only output.


@given(certificates())
def test_load_dump_round_trip(co: Certificate) -> None:
    """``load(dump(co)) == co`` for every certificate, also through JSON text."""
    assert co == roo.load(roo.dump(co))
    assert co == roo.load(json_round_trip(roo.dump(co)))


@given(certificates())
def test_dump_is_json_only(co: Certificate) -> None:
    """``dump`` returns JSON types only, and the JSON text survives ``json.dumps``/``json.loads`` unchanged."""
    data = roo.dump(co)

    assert_json_only(data)
    assert data == json_round_trip(data)


@given(certificate_data())
def test_dump_of_load_is_identity_on_dumped_data(data: dict[str, Any]) -> None:
    """Data that ``dump`` produced is a fixed point: ``dump(load(data)) == data``."""
    assert data == roo.dump(roo.load(data))


@examples(60)
@given(st.data())
def test_context_round_trip(data: st.DataObject) -> None:
    """``load_context(dump_context(ctx)) == ctx`` and the dump is JSON-only, for consistent and arbitrary contexts."""
    co = data.draw(certificates(), label="certificate")
    ctx = data.draw(contexts(co) | contexts(), label="context")
    dumped = roo.dump_context(ctx)

    assert_json_only(dumped)
    assert ctx == roo.load_context(json_round_trip(dumped))


# ---------------------------------------------------------------------------------------------------------------------
# Purity.


@examples(60)
@given(st.data())
def test_evaluate_is_pure(data: st.DataObject) -> None:
    """Evaluating twice gives equal results; the certificate and context are left as they were."""
    co = data.draw(certificates(), label="certificate")
    ctx = data.draw(st.none() | contexts(co) | contexts(), label="context")
    co_before = roo.dump(co)
    ctx_before = roo.dump_context(ctx) if ctx is not None else None

    first = roo.evaluate(co, ctx)
    second = roo.evaluate(co, ctx)

    assert first == second
    assert first.to_dict() == second.to_dict()
    assert co_before == roo.dump(co)
    assert ctx_before == (roo.dump_context(ctx) if ctx is not None else None)


@examples(40)
@given(st.data())
def test_evaluate_of_equal_inputs_is_equal(data: st.DataObject) -> None:
    """A certificate rebuilt from its JSON evaluates exactly as the original (no identity, no hidden state)."""
    co = data.draw(certificates(), label="certificate")
    ctx = data.draw(contexts(co), label="context")

    assert roo.evaluate(co, ctx) == roo.evaluate(roo.load(json_round_trip(roo.dump(co))), ctx)


@examples(60)
@given(st.data())
def test_to_dict_is_json_only(data: st.DataObject) -> None:
    """``Evaluation.to_dict()`` is JSON-only, says its format, and survives JSON text."""
    co = data.draw(certificates(), label="certificate")
    ctx = data.draw(st.none() | contexts(co) | contexts(), label="context")

    result = roo.evaluate(co, ctx).to_dict()

    assert_json_only(result)
    assert "roo.evaluation/1" == result["format"]
    assert result == json_round_trip(result)


# ---------------------------------------------------------------------------------------------------------------------
# Item isolation (AJCEP IR 3(j)).

#: Ways to damage one item, each something a rule reports against that item.
DAMAGES: dict[str, Callable[[Item], Item]] = {
    "HS code '03'": lambda item: attrs.evolve(item, hs_code="03"),
    "HS code not digits": lambda item: attrs.evolve(item, hs_code="ABCDEF"),
    "box 8 unreadable": lambda item: attrs.evolve(item, origin_criterion=OriginCriterion.parse("XYZ")),
    "box 8 empty": lambda item: attrs.evolve(item, origin_criterion=OriginCriterion.parse("")),
    "box 8 RVC 10%": lambda item: attrs.evolve(item, origin_criterion=OriginCriterion.parse("RVC 10%")),
    "box 8 CTSH": lambda item: attrs.evolve(item, origin_criterion=OriginCriterion.parse("CTSH")),
    "description empty": lambda item: attrs.evolve(item, description=""),
    "no invoice": lambda item: attrs.evolve(item, invoice=None),
    "invoice without date": lambda item: attrs.evolve(
        item, invoice=Invoice(item.invoice.number if item.invoice else "INV-1")
    ),
    "no quantity": lambda item: attrs.evolve(item, quantity=None),
    "no FOB value": lambda item: attrs.evolve(item, fob_value=None),
    "zero FOB value": lambda item: attrs.evolve(item, fob_value=Money(Decimal(0), "USD")),
}


@examples(100)
@given(st.data())
def test_damaging_one_item_never_changes_another(data: st.DataObject) -> None:
    """Damage one item of a valid multi-item CO: every other item keeps its verdict and its findings."""
    co = data.draw(certificates(min_items=2, max_items=4), label="certificate")
    ctx = data.draw(st.none() | contexts(co), label="context")
    index = data.draw(st.integers(min_value=0, max_value=len(co.items) - 1), label="damaged item index")
    damage = data.draw(st.sampled_from(sorted(DAMAGES)), label="damage")
    damaged_item = DAMAGES[damage](co.items[index])
    damaged = attrs.evolve(co, items=(*co.items[:index], damaged_item, *co.items[index + 1 :]))

    before = roo.evaluate(co, ctx)
    after = roo.evaluate(damaged, ctx)

    for verdict in before.items:
        if verdict.number != damaged_item.number:
            assert verdict == after.item(verdict.number), f"item {verdict.number} changed after {damage}"
    assert _certificate_errors(before) == _certificate_errors(after)


def _certificate_errors(ev: roo.Evaluation) -> list[roo.Finding]:
    """Findings that deny every item; a certificate-level ``info`` may well mention the damaged item."""
    return [f for f in ev.findings if f.item is None and f.denies]


# ---------------------------------------------------------------------------------------------------------------------
# Nothing but InvalidCertificate escapes load.

JSON_LIKE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=10)
    | st.sampled_from(["AJCEP", "2024-03-05", "2024-13-45", "ID", "JP", "WO", "NaN", "1e5x"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.text(max_size=8) | st.sampled_from(["scheme", "items", "number", "issue_date", "amount", "currency"]),
        children,
        max_size=5,
    ),
    max_leaves=25,
)


def _loads_or_refuses(data: object) -> None:
    """``roo.load(data)`` either gives a certificate that round-trips or raises ``InvalidCertificate`` with problems."""
    try:
        co = roo.load(data)
    except roo.InvalidCertificate as error:
        assert error.problems, "an InvalidCertificate must name at least one problem"
        for problem in error.problems:
            assert str(problem) in str(error)
    else:
        assert co == roo.load(roo.dump(co))


@given(JSON_LIKE)
def test_load_of_arbitrary_json_raises_only_invalid_certificate(data: object) -> None:
    """Any JSON-like value either loads or raises ``InvalidCertificate`` naming its problems."""
    _loads_or_refuses(data)


@given(st.dictionaries(st.sampled_from([f.name for f in attrs.fields(Certificate)]), JSON_LIKE))
def test_load_of_known_keys_with_arbitrary_values(data: dict[str, Any]) -> None:
    """The certificate's own keys with arbitrary values either load or raise ``InvalidCertificate``."""
    _loads_or_refuses(data)


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON tree (keys and indices), the root excluded."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            found.append((*prefix, key))
            found.extend(_paths(inner, (*prefix, key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.append((*prefix, index))
            found.extend(_paths(inner, (*prefix, index)))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    """The container holding the last step of ``path``."""
    for step in path[:-1]:
        data = data[step]
    return data


@given(st.data())
def test_load_of_a_mutated_certificate_raises_only_invalid_certificate(data: st.DataObject) -> None:
    """A valid certificate with keys deleted or values replaced by junk at random paths loads or is refused."""
    document = copy.deepcopy(data.draw(certificate_data(), label="certificate"))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="mutations")):
        paths = _paths(document)
        if not paths:
            break
        path = data.draw(st.sampled_from(paths), label="path")
        parent = _parent(document, path)
        if data.draw(st.booleans(), label="delete"):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(JSON_LIKE, label="junk")

    _loads_or_refuses(document)


@given(st.data())
def test_load_refuses_a_mutated_required_field_with_its_path(data: st.DataObject) -> None:
    """Deleting a required field of the certificate is refused, and the error names that field."""
    document = data.draw(certificate_data(), label="certificate")
    field = data.draw(st.sampled_from(["scheme", "exporting_party", "importing_party", "issue_date", "items"]))
    del document[field]

    try:
        roo.load(document)
    except roo.InvalidCertificate as error:
        assert (field, "required field is missing") in [(p.path, p.message) for p in error.problems]
    else:
        raise AssertionError(f"loaded without {field}")


@given(st.one_of(st.builds(object), st.binary(), st.sets(st.integers()), st.dates(), st.decimals()))
def test_load_of_non_json_values_raises_only_invalid_certificate(data: object) -> None:
    """Values that are not JSON at all are refused cleanly too."""
    _loads_or_refuses(data)
    _loads_or_refuses({"scheme": data, "items": [data], "issue_date": data})


# ---------------------------------------------------------------------------------------------------------------------
# Nothing escapes evaluate.

#: Any text a document can hold: every character but controls (tab, line feed, carriage return aside) and surrogates.
_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"), max_size=12)
#: Every magnitude the loader admits (10^-30 to 10^30, see roo.codec.DECIMAL_RANGE), its ends included.
_WILD_DECIMALS = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=Decimal("-9.99E+30"), max_value=Decimal("9.99E+30")
).filter(lambda d: d == 0 or d.adjusted() >= -30) | st.sampled_from(
    [Decimal(0), Decimal("-0"), Decimal("-1"), Decimal("9.9E+30"), Decimal("1E-30"), Decimal("0E-30")]
)
_WILD_DATES = st.dates() | st.sampled_from([date.min, date.max, date(2024, 2, 29)])
_UNITS = st.sampled_from(["KGM", "PCE", "kg", ""]) | _TEXT
_CURRENCY = st.sampled_from(sorted(codes.CURRENCIES))
_COUNTRY = st.sampled_from(["ID", "JP", "SG", "TH", "VN", "CN", "US", "AQ", "BV"])


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``None`` or a value of ``strategy``."""
    return st.none() | strategy


_WILD_PARTY = st.builds(Party, _TEXT, _TEXT, _maybe(_COUNTRY | st.sampled_from(sorted(codes.COUNTRIES))))


def wild_certificates(dates: st.SearchStrategy[date], amounts: st.SearchStrategy[Decimal]) -> st.SearchStrategy[Certificate]:
    """Loadable certificates with absurd contents: any texts, ``dates`` and ``amounts``, ticked boxes without data.

    Amounts, quantities and weights are never negative: the loader refuses those (issue 16).
    """
    some_date = _maybe(dates)
    amounts = amounts.map(abs)
    item = st.builds(
        Item,
        number=st.integers(min_value=1, max_value=6),
        description=_TEXT,
        hs_code=_TEXT | st.from_regex(r"\A[0-9. ]{0,10}\Z"),
        origin_criterion=(
            _TEXT | st.sampled_from(["WO", "RVC 35%", "CTH, DMI", "RVC 40%, ACU", "PSR", "CC", "DMI"])
        ).map(OriginCriterion.parse),
        marks=_maybe(_TEXT),
        packages=_maybe(_TEXT),
        hs_version=_maybe(st.sampled_from(HsVersion)),
        quantity=_maybe(st.builds(Quantity, amounts, _UNITS)),
        gross_weight=_maybe(st.builds(Quantity, amounts, _UNITS)),
        fob_value=_maybe(st.builds(Money, amounts, _CURRENCY)),
        invoice=_maybe(st.builds(Invoice, _TEXT, some_date)),
        original_item=_maybe(st.integers(min_value=-3, max_value=8)),
    )
    reference = st.builds(CertificateReference, _TEXT, some_date, _maybe(_COUNTRY))
    return st.builds(
        Certificate,
        scheme=st.sampled_from(Scheme),
        exporting_party=_COUNTRY,
        importing_party=_COUNTRY,
        issue_date=dates,
        items=st.lists(item, min_size=1, max_size=4, unique_by=lambda i: i.number).map(tuple),
        reference_number=_maybe(_TEXT),
        medium=st.sampled_from(Medium),
        copy=_maybe(st.sampled_from(Copy)),
        exporter=_maybe(_WILD_PARTY),
        consignee=_maybe(_WILD_PARTY),
        producer=_maybe(_WILD_PARTY),
        transport=_maybe(
            st.builds(
                Transport, some_date, _maybe(_TEXT), _maybe(_TEXT), _maybe(_TEXT), st.lists(_COUNTRY, max_size=3).map(tuple)
            )
        ),
        third_country_invoicing=st.booleans(),
        third_country_invoicer=_maybe(_WILD_PARTY),
        back_to_back=st.booleans(),
        original_certificate=_maybe(reference),
        issued_retroactively=st.booleans(),
        certified_true_copy=st.booleans(),
        certified_true_copy_date=some_date,
        replaces=_maybe(reference),
        exporter_declaration=_maybe(st.builds(ExporterDeclaration, _maybe(_TEXT), some_date, st.booleans())),
        certification=_maybe(
            st.builds(Certification, _maybe(_TEXT), _maybe(_TEXT), _maybe(_TEXT), st.booleans(), st.booleans())
        ),
        alterations=st.lists(
            st.builds(Alteration, st.integers(-1, 20), st.sampled_from(AlterationMethod), st.booleans(), st.booleans()),
            max_size=3,
        ).map(tuple),
        unused_spaces_crossed_out=st.booleans(),
        remarks=_TEXT,
    )


#: Wild certificates with any date and any loadable amount, the calendar's ends included.
WILD_CERTIFICATES = wild_certificates(_WILD_DATES, _WILD_DECIMALS)
#: Wild certificates dated 1900-2100, with amounts below 10^15 in size.
PLAUSIBLE_WILD_CERTIFICATES = wild_certificates(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False),
)


@given(WILD_CERTIFICATES)
def test_wild_certificates_are_loadable(co: Certificate) -> None:
    """The wild certificates are real, loadable certificates: they round-trip through JSON."""
    assert co == roo.load(json_round_trip(roo.dump(co)))


@examples(100)
@given(st.data())
def test_nothing_escapes_evaluate(data: st.DataObject) -> None:
    """``evaluate`` returns an Evaluation with a verdict per item for any loadable certificate and any context."""
    co = data.draw(WILD_CERTIFICATES | certificates(), label="certificate")
    ctx = data.draw(st.none() | contexts() | contexts(co), label="context")

    result = roo.evaluate(co, ctx)

    assert isinstance(result, roo.Evaluation)
    assert [i.number for i in co.items] == [v.number for v in result.items]
    assert_json_only(result.to_dict())


@examples(100)
@given(JSON_LIKE)
def test_evaluate_of_arbitrary_json_raises_only_invalid_certificate(data: object) -> None:
    """``evaluate`` given a Mapping loads it: malformed input raises ``InvalidCertificate``, nothing else."""
    assume(isinstance(data, dict))
    with contextlib.suppress(roo.InvalidCertificate):
        roo.evaluate(data)


@examples(100)
@given(st.data())
def test_no_rule_crashes_on_generated_certificates(data: st.DataObject) -> None:
    """No rule fails unexpectedly (code ``rule-crashed``) for certificates from ``roo.strategies``, in any context."""
    co = data.draw(certificates(), label="certificate")
    ctx = data.draw(st.none() | contexts(co) | contexts(), label="context")

    crashed = [f.message for f in roo.evaluate(co, ctx).findings if f.code == RULE_CRASHED_CODE]

    assert [] == crashed


@examples(100)
@given(PLAUSIBLE_WILD_CERTIFICATES, st.none() | contexts())
def test_no_rule_crashes_on_wild_certificates(co: Certificate, ctx: roo.Context | None) -> None:
    """Rules handle absurd but loadable content (any box empty, ticked boxes without data, dates out of order,
    amounts of any sign) without crashing. Dates and amounts keep to sizes that arithmetic can hold; beyond
    them ``test_nothing_escapes_evaluate`` still holds."""
    crashed = [f.message for f in roo.evaluate(co, ctx).findings if f.code == RULE_CRASHED_CODE]

    assert [] == crashed



@pytest.mark.parametrize("value", ["1E+999999", "1E+31", "1E-31"])
def test_astronomical_quantity_is_refused_at_load(value: str) -> None:
    """Magnitudes no trade document uses are a load error with their path, so no rule's arithmetic can overflow."""
    with pytest.raises(roo.InvalidCertificate) as error:
        roo.load(certificate_data_with_quantity(value))
    assert ["items[0].quantity.value"] == [p.path for p in error.value.problems]


def test_largest_accepted_quantity_is_judged_without_crash() -> None:
    """A quantity of 9.9E+30 KGM against a declared 1 KGM is judged, not reported as ``rule-crashed``."""
    co = roo.load(certificate_data_with_quantity("9.9E+30"))
    ctx = roo.load_context(
        {"declaration": {"items": [{"certificate_item": 1, "quantity": {"value": "1", "unit": "KGM"}}]}}
    )

    crashed = [f.message for f in roo.evaluate(co, ctx).findings if f.code == RULE_CRASHED_CODE]

    assert [] == crashed


def certificate_data_with_quantity(value: str) -> dict[str, Any]:
    """The clean test certificate with item 1's quantity set to ``value`` KGM."""
    return builders.certificate_data(items=[builders.item_data(1, quantity={"value": value, "unit": "KGM"})])
