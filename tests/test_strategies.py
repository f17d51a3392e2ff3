"""``roo.strategies``: the Hypothesis strategies roo ships for its users' property tests.

They must produce what they promise — valid, realistic certificates; exactly
one controlled defect; consistent contexts — and shrink to the minimal CO
their docstrings describe.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import roo
from roo.evaluation import Severity
from roo.hypothesis_plugin import _hypothesis_setup_hook
from roo.model import Certificate, CriterionKind, Medium, Scheme, is_six_digit_subheading
from roo.rules import all_specs
from roo.strategies import (
    DEFECTS,
    certificate_data,
    certificates,
    contexts,
    defective_certificates,
)
from tests.test_properties import assert_json_only, examples

ROOT = Path(__file__).resolve().parent.parent

AJCEP_PARTIES = {"JP", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}

#: Box 8 criteria each scheme's valid certificates may claim.
ACCEPTED_KINDS = {
    Scheme.AJCEP: {CriterionKind.WO, CriterionKind.PE, CriterionKind.CTH, CriterionKind.RVC},
    Scheme.JIEPA: {CriterionKind.WO, CriterionKind.PE, CriterionKind.PSR},
    Scheme.ID_MOTR_16_2024: {CriterionKind.WO, CriterionKind.PE, CriterionKind.CC},
}

REGISTERED_CODES = {spec.code for spec in all_specs()}

#: Warnings that only say customs may ask for documents the context does not carry.
WANT_OF_EVIDENCE = {"accumulation-evidence-not-provided"}


# ---------------------------------------------------------------------------------------------------------------------
# certificates()


@pytest.mark.parametrize("scheme", list(Scheme), ids=[s.value for s in Scheme])
def test_certificates_of_a_scheme_round_trip(scheme: Scheme) -> None:
    """``certificates(scheme)`` gives certificates of that scheme that load from their own dump."""

    @given(certificates(scheme))
    def check(co: Certificate) -> None:
        assert scheme is co.scheme
        assert co == roo.load(roo.dump(co))

    check()


@given(certificates())
def test_certificates_are_realistic(co: Certificate) -> None:
    """Parties of the scheme, six-digit HS codes, readable box 8 of the scheme, items 1..n, dates in order."""
    if co.scheme is Scheme.AJCEP:
        assert {co.exporting_party, co.importing_party} <= AJCEP_PARTIES
        assert "JP" in {co.exporting_party, co.importing_party}
    elif co.scheme is Scheme.JIEPA:
        assert {"ID", "JP"} == {co.exporting_party, co.importing_party}
    else:
        assert "ID" == co.importing_party
    assert co.exporting_party != co.importing_party
    assert list(range(1, len(co.items) + 1)) == [item.number for item in co.items]
    for item in co.items:
        assert is_six_digit_subheading(item.hs_code)
        assert item.origin_criterion.problem is None
        assert item.origin_criterion.kinds <= ACCEPTED_KINDS[co.scheme]
        rvc = item.origin_criterion.rvc_percent
        assert rvc is None or rvc >= 40
        assert item.invoice is not None and item.invoice.date is not None
        assert co.transport is not None and co.transport.departure_date is not None
        assert item.invoice.date <= co.transport.departure_date
    assert co.transport is not None and co.transport.departure_date is not None
    assert co.transport.departure_date <= co.issue_date <= co.transport.departure_date + timedelta(days=3)
    assert co.exporter_declaration is not None and co.exporter_declaration.date is not None
    assert co.exporter_declaration.date <= co.issue_date
    assert co.exporter_declaration.signed
    assert co.certification is not None and co.certification.signed and co.certification.sealed
    assert co.reference_number
    assert (co.medium is Medium.ELECTRONIC) == (co.copy is None)


@given(certificates(min_items=3, max_items=3))
def test_item_count_bounds(co: Certificate) -> None:
    """``min_items`` and ``max_items`` bound the number of items."""
    assert 3 == len(co.items)


def test_item_count_bounds_are_checked() -> None:
    """Impossible bounds are refused when the strategy is made."""
    with pytest.raises(ValueError, match="min_items <= max_items"):
        certificates(min_items=3, max_items=2)
    with pytest.raises(ValueError, match="min_items <= max_items"):
        certificates(min_items=0)


def test_an_unknown_scheme_is_refused() -> None:
    """The scheme is checked when the strategy is made."""
    with pytest.raises(ValueError):
        certificates("ATIGA")


@examples(60)
@given(st.data())
def test_valid_certificates_are_accepted(data: st.DataObject) -> None:
    """A generated certificate draws no error from any rule, and no warning but for documents the context lacks."""
    co = data.draw(certificates(), label="certificate")
    ctx = data.draw(st.none() | contexts(co), label="context")

    ev = roo.evaluate(co, ctx)

    evidence_given = ctx is not None and bool(ctx.accumulation_documents)
    allowed = set() if evidence_given else WANT_OF_EVIDENCE
    assert [] == [f.message for f in ev.findings if f.severity is not Severity.INFO and f.code not in allowed]
    assert ev.status in {roo.Status.ACCEPTED, roo.Status.NOT_REQUIRED}


@functools.cache
def minimal_certificate() -> Certificate:
    """What ``certificates()`` shrinks to (found once, shared by the tests below)."""
    return find(certificates(), lambda _: True, settings=settings(database=None))


def test_certificates_shrink_to_a_minimal_co() -> None:
    """The simplest certificate: AJCEP, one item of frozen shrimp, WO, Indonesia to Japan, on the range's first day."""
    co = minimal_certificate()

    item = co.items[0]
    assert (Scheme.AJCEP, 1, "030617", "WO", "ID", "JP", date(2019, 1, 1), date(2019, 1, 1)) == (
        co.scheme,
        len(co.items),
        item.hs_code,
        item.origin_criterion.text,
        co.exporting_party,
        co.importing_party,
        co.issue_date,
        co.transport.departure_date if co.transport else None,
    )
    assert (None, None, None, None, (), False) == (
        item.marks,
        item.packages,
        item.hs_version,
        co.producer,
        co.alterations,
        co.third_country_invoicing,
    )
    assert co == find(certificates("AJCEP"), lambda _: True, settings=settings(database=None))


def test_shrinking_keeps_the_certificate_valid() -> None:
    """Looking for a multi-item RVC claim shrinks to two items, the second with the lowest valid RVC."""
    co = find(
        certificates("AJCEP"),
        lambda c: len(c.items) >= 2 and c.items[1].origin_criterion.rvc_percent is not None,
        settings=settings(database=None, max_examples=2000),
    )

    assert 2 == len(co.items)
    assert "RVC 40%" == co.items[1].origin_criterion.text
    assert co == roo.load(roo.dump(co))


@given(certificate_data())
def test_certificate_data_is_json_that_loads(data: dict[str, object]) -> None:
    """``certificate_data()`` gives JSON-ready dicts that load, and dump back unchanged."""
    assert_json_only(data)
    assert data == roo.dump(roo.load(data))


# ---------------------------------------------------------------------------------------------------------------------
# defective_certificates()


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_each_defect_causes_its_finding_on_its_item(name: str) -> None:
    """Each defect gives its expected error on the damaged item (or the whole CO), and no other error."""
    defect = DEFECTS[name]
    if defect.code not in REGISTERED_CODES:
        pytest.skip(f"no registered rule reports {defect.code!r} yet")

    @examples(30)
    @given(defective_certificates(name, max_items=3))
    def check(case: tuple[Certificate, int | None, str]) -> None:
        co, number, code = case
        assert defect.code == code
        assert co == roo.load(roo.dump(co))
        ev = roo.evaluate(co)
        errors = {(f.code, f.item) for f in ev.findings if f.severity is Severity.ERROR}
        assert {(code, number)} == errors
        if number is None:
            assert roo.Status.REJECTED is ev.status
        else:
            assert (number,) == ev.denied
            assert len(co.items) - 1 == len(ev.granted)

    check()


def test_defect_codes_are_registered() -> None:
    """Every defect's code is one a registered rule can report (else the defect is untestable)."""
    assert [] == sorted(d.code for d in DEFECTS.values() if d.code not in REGISTERED_CODES)


@given(defective_certificates())
def test_defective_certificates_are_loadable(case: tuple[Certificate, int | None, str]) -> None:
    """Defective certificates are still well-formed: the defect is content, not format."""
    co, number, code = case

    assert co == roo.load(roo.dump(co))
    assert number is None or co.item(number) is not None
    assert code in {d.code for d in DEFECTS.values()}


def test_defects_shrink_to_the_first_defect_on_item_1() -> None:
    """The simplest defective certificate: the first defect, on a one-item certificate, item 1."""
    co, number, code = find(defective_certificates(), lambda _: True, settings=settings(database=None))

    first = next(iter(DEFECTS.values()))
    assert (first.code, 1, 1) == (code, number, len(co.items))


def test_an_unknown_defect_is_refused() -> None:
    """Asking for a defect roo does not know names the known ones."""
    with pytest.raises(ValueError, match="unknown defect 'bent-corner'; known: hs-code-not-six-digits"):
        defective_certificates("bent-corner")


# ---------------------------------------------------------------------------------------------------------------------
# contexts()


@given(st.data())
def test_consistent_contexts_fit_their_certificate(data: st.DataObject) -> None:
    """A context for a certificate presents it within its validity and declares each item as certified."""
    co = data.draw(certificates(), label="certificate")
    ctx = data.draw(contexts(co), label="context")

    assert ctx.on is not None
    assert co.issue_date <= ctx.on <= co.issue_date + timedelta(days=300)
    if ctx.declaration is not None:
        assert [i.number for i in co.items] == [line.certificate_item for line in ctx.declaration.items]
        for item, line in zip(co.items, ctx.declaration.items, strict=True):
            assert line.hs_code is not None and item.hs_digits == line.hs_code[:6]
            assert (item.description, item.quantity) == (line.description, line.quantity)
    assert ctx == roo.load_context(roo.dump_context(ctx))


@given(contexts())
def test_arbitrary_contexts_are_well_formed(ctx: roo.Context) -> None:
    """Arbitrary contexts load from their own dump and carry no parameter overrides."""
    assert ctx == roo.load_context(roo.dump_context(ctx))
    assert {} == ctx.parameters


def test_contexts_shrink_to_the_day_of_issue() -> None:
    """The simplest consistent context is ``on`` = the issue date and nothing else."""
    co = minimal_certificate()

    ctx = find(contexts(co), lambda _: True, settings=settings(database=None))

    assert roo.Context(on=co.issue_date) == ctx


def test_arbitrary_contexts_shrink_to_the_empty_context() -> None:
    """The simplest arbitrary context is ``Context()``."""
    assert roo.Context() == find(contexts(), lambda _: True, settings=settings(database=None))


# ---------------------------------------------------------------------------------------------------------------------
# Registration and packaging.


def test_setup_hook_registers_the_types() -> None:
    """After the entry-point hook ran, ``st.from_type`` gives valid certificates and well-formed contexts."""
    _hypothesis_setup_hook()

    @examples(20)
    @given(st.from_type(roo.Certificate), st.from_type(roo.Context))
    def check(co: Certificate, ctx: roo.Context) -> None:
        assert co == roo.load(roo.dump(co))
        assert all(item.origin_criterion.problem is None for item in co.items)
        assert ctx == roo.load_context(roo.dump_context(ctx))

    check()


def test_entry_point_is_declared() -> None:
    """``pyproject.toml`` declares the hook as a Hypothesis entry point, and ``roo[hypothesis]`` as an extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    assert {"_": "roo.hypothesis_plugin:_hypothesis_setup_hook"} == project["entry-points"]["hypothesis"]
    assert any(req.startswith("hypothesis") for req in project["optional-dependencies"]["hypothesis"])


#: Run in a fresh interpreter: Hypothesis alone, which loads roo's plug-in through the installed entry point.
_PLUGIN_ONLY = """\
import sys, warnings
from hypothesis import strategies as st
from roo.model import Certificate
loaded_early = "roo.strategies" in sys.modules
warnings.simplefilter("ignore")  # .example() outside a test warns that it is for interactive use
co = st.from_type(Certificate).example()
import roo
assert co == roo.load(roo.dump(co))
print(loaded_early, type(co).__name__, "roo.strategies" in sys.modules)
"""


def test_from_type_works_with_only_the_plugin_loaded() -> None:
    """Hypothesis's entry point registers roo's types lazily: the strategies load when a type is first asked for.

    Hypothesis's documentation ("Registering strategies via setuptools entry points") has a package's hook register
    each type; registering a function of the type (rather than a strategy) defers building it until it is used.
    """
    result = subprocess.run([sys.executable, "-c", _PLUGIN_ONLY], capture_output=True, text=True, check=False, cwd=ROOT)

    assert "False Certificate True" == result.stdout.strip(), result.stderr


def test_the_plugin_module_does_not_import_hypothesis() -> None:
    """Importing the hook's module loads neither Hypothesis nor the strategies: only calling the hook does."""
    code = "import sys, roo.hypothesis_plugin; print('roo.strategies' in sys.modules, 'hypothesis' in sys.modules)"

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)

    assert "False False" == result.stdout.strip()


def test_import_roo_does_not_import_hypothesis() -> None:
    """``import roo`` loads neither ``roo.strategies`` nor Hypothesis: the extra stays optional."""
    code = "import sys, roo; print('roo.strategies' in sys.modules, 'hypothesis' in sys.modules)"

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)

    assert "False False" == result.stdout.strip()
