"""Evaluations do not depend on what roo has remembered: every cache and memo only ever saves time.

roo remembers pure results to be fast (dated parameters by name and date,
the HS editions in force for a CO, the engine's trace lines, parsed box 8
texts, ...). Each is keyed by everything its value depends on, so an
evaluation made with caches full of other certificates' values must equal
the same evaluation made from empty caches. These tests evaluate the bundled
examples and a few hundred generated certificates both ways, including
contexts that override the HS edition parameters, retroactive and
back-to-back COs and issue dates on both sides of an edition change, and
compare the complete JSON form (status, verdicts, findings and the trace).
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import roo
from roo import engine, strategies
from roo.context import Context, DatedOverride
from roo.model.certificate import Certificate, CertificateReference
from roo.model.hs import HsVersion
from roo.params import catalogue

EXAMPLES: Final = Path(__file__).resolve().parent.parent / "examples"

#: Every dated parameter holding an HS edition (AJCEP per Party, JIEPA for both).
EDITION_PARAMETERS: Final = tuple(p.name for p in catalogue() if "hs_version" in p.name)


def _caches() -> Iterator[Callable[[], None]]:
    """The ``clear`` of every module-level cache and memo roo evaluates with (functools caches, engine memos)."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "roo" or name.startswith("roo.")) or name.startswith("roo.strategies"):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, engine._Memo):
                yield value.clear
            elif callable(getattr(value, "cache_clear", None)):
                yield value.cache_clear


def cold(co: Certificate, ctx: Context) -> dict[str, Any]:
    """The evaluation of ``co`` in ``ctx`` computed with every cache emptied first, as JSON."""
    global _CLEARS
    if _CLEARS is None:
        _CLEARS = tuple(_caches())
    for clear in _CLEARS:
        clear()
    return as_json(co, ctx)


#: The caches' ``clear`` functions, found once (the caches are module-level values that live as long as roo).
_CLEARS: tuple[Callable[[], None], ...] | None = None


def as_json(co: Certificate, ctx: Context) -> dict[str, Any]:
    """The evaluation of ``co`` in ``ctx`` as JSON (``to_dict``), with whatever the caches hold."""
    result: dict[str, Any] = json.loads(json.dumps(roo.evaluate(co, ctx).to_dict(), default=str))
    return result


def example_cases() -> list[tuple[str, Certificate, Context]]:
    """Every bundled example that is a certificate (or a case of a certificate and a context) roo can load."""
    cases = []
    for path in sorted(EXAMPLES.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        document = data.get("certificate", data) if isinstance(data, dict) else data
        try:
            co = roo.load(document)
        except roo.InvalidCertificate:
            continue  # malformed.json, and the goods and product-rule examples, which are not certificates
        ctx = roo.load_context(data.get("context") or {}) if "certificate" in data else Context()
        cases.append((path.relative_to(EXAMPLES).as_posix(), co, ctx))
    return cases


def test_the_examples_include_the_certificates() -> None:
    """The examples these tests evaluate include the AJCEP, JIEPA and MoTR cases, not only a few."""
    names = [name for name, _, _ in example_cases()]
    assert {"clean_ajcep_id_jp.json", "jiepa_eco_id_jp.json", "motr_ceramic_tiles_vn_id.json"} <= set(names)


def test_examples_evaluate_the_same_from_empty_and_from_full_caches() -> None:
    """Each example, evaluated after all the others (caches full), equals its evaluation from empty caches."""
    cases = example_cases()
    for _, co, ctx in cases:
        as_json(co, ctx)
    warm = {name: as_json(co, ctx) for name, co, ctx in reversed(cases)}
    expected = {name: cold(co, ctx) for name, co, ctx in cases}
    assert expected == warm


def test_an_edition_override_is_not_answered_from_the_packaged_editions() -> None:
    """An HS edition overridden in the context wins over the packaged one, before and after that one is cached."""
    co = _clean("AJCEP")
    packaged = Context(on=co.issue_date)
    overridden = attrs.evolve(
        packaged, parameters={"ajcep.annex2.hs_version.ID": "HS2022", "ajcep.annex2.hs_version.JP": "HS2022"}
    )

    def superseded(ctx: Context) -> list[int | None]:
        return [f.item for f in roo.evaluate(co, ctx).findings if f.code == "hs-edition-superseded"]

    every_item = [item.number for item in co.items if item.hs_version is not None]
    assert ([], every_item, [], every_item) == (
        superseded(packaged),
        superseded(overridden),
        superseded(packaged),
        superseded(overridden),
    )
    assert cold(co, overridden) == as_json(co, overridden)


#: The editions an item can state, and none; the older ones are what the transition rules are about.
_VERSIONS: Final = (None, *HsVersion, HsVersion.HS2002, HsVersion.HS2007)
_EDITION_TEXTS: Final = ("HS2002", "HS2007", "HS2012", "HS2017", "HS2022")


def _changes(names: list[str]) -> list[date]:
    """The days the parameters ``names`` change value."""
    return sorted({entry.effective_from for p in catalogue() if p.name in names for entry in p.values})


def _days(rnd: random.Random, day: date, low: int, high: int) -> date:
    return day + timedelta(days=rnd.randint(low, high))


def moved(rnd: random.Random, co: Certificate, ctx: Context) -> tuple[Certificate, Context]:
    """``co`` and ``ctx`` moved near a change of the HS edition, with items in older editions.

    Also at random: issued retroactively, shipped long before, back-to-back
    with its original among the related certificates, the edition parameters
    of its Parties overridden (one edition, dated editions, or switched off),
    presented before, on or long after the issue date, or on no date.
    """
    names = [
        name
        for name in EDITION_PARAMETERS
        if name.rsplit(".", 1)[-1] in (co.exporting_party, co.importing_party) or name.startswith("jiepa.")
    ]
    overrides: dict[str, Any] = {}
    if rnd.random() < 0.5:
        for name in rnd.sample(names, k=min(len(names), rnd.randint(1, 2))):
            kind = rnd.random()
            if kind < 0.4:
                overrides[name] = rnd.choice(_EDITION_TEXTS)
            elif kind < 0.8:
                first = date(2008, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 17))
                then = _days(rnd, first, 1, 900)
                overrides[name] = (
                    DatedOverride(first, rnd.choice(_EDITION_TEXTS[:2])),
                    DatedOverride(then, rnd.choice(_EDITION_TEXTS[2:])),
                )
            else:
                overrides[name] = None
    changes_on = _changes(names) + [entry.effective_from for o in overrides.values() if isinstance(o, tuple) for entry in o]
    issued = _days(rnd, rnd.choice(changes_on), -400, 400)
    items = tuple(attrs.evolve(item, hs_version=rnd.choice(_VERSIONS)) for item in co.items)
    changes: dict[str, Any] = {"issue_date": issued, "items": items, "issued_retroactively": rnd.random() < 0.4}
    if co.transport is not None:
        changes["transport"] = attrs.evolve(co.transport, departure_date=_days(rnd, issued, -900, 0))
    if rnd.random() < 0.25:
        original = attrs.evolve(
            co,
            reference_number="ORIGINAL-1",
            items=tuple(attrs.evolve(item, hs_version=rnd.choice(_VERSIONS)) for item in co.items),
        )
        changes["back_to_back"] = True
        changes["original_certificate"] = CertificateReference(
            "ORIGINAL-1", exporting_party=rnd.choice((None, "SG", "TH", co.exporting_party))
        )
        changes["items"] = tuple(
            attrs.evolve(item, original_item=item.number if rnd.random() < 0.8 else None) for item in items
        )
        if rnd.random() < 0.7:
            ctx = attrs.evolve(ctx, related_certificates=(original,))
    on = _days(rnd, issued, -30, 800) if rnd.random() < 0.9 else None
    return attrs.evolve(co, **changes), attrs.evolve(ctx, on=on, parameters=overrides)


def generated_cases(count: int) -> list[tuple[Certificate, Context]]:
    """``count`` valid certificates with contexts (:mod:`roo.strategies`), each as it is and moved twice."""
    drawn: list[tuple[Certificate, Context]] = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def draw(data: st.DataObject) -> None:
        co = data.draw(strategies.certificates(max_items=4))
        drawn.append((co, data.draw(strategies.contexts(co) | strategies.contexts())))

    draw()
    rnd = random.Random(20240205)
    return [case for co, ctx in drawn for case in ((co, ctx), moved(rnd, co, ctx), moved(rnd, co, ctx))]


def neighbours(co: Certificate, ctx: Context) -> list[tuple[Certificate, Context]]:
    """The case, and cases that differ from it in one input a remembered value could depend on.

    Evaluated one after the other, each finds in the caches what its
    neighbours left there: a cache keyed by less than its value depends on
    hands one of them another's answer.
    """
    later = (ctx.on or co.issue_date) + timedelta(days=400)
    family = [
        (co, ctx),
        (co, attrs.evolve(ctx, on=later)),
        (co, attrs.evolve(ctx, on=None if ctx.on is not None else co.issue_date)),
        (co, attrs.evolve(ctx, parameters={})),
        (attrs.evolve(co, issued_retroactively=not co.issued_retroactively), ctx),
        (attrs.evolve(co, issue_date=co.issue_date + timedelta(days=400)), ctx),
        (attrs.evolve(co, exporting_party=co.importing_party, importing_party=co.exporting_party), ctx),
    ]
    if co.transport is not None and co.transport.departure_date is not None:
        earlier = co.transport.departure_date - timedelta(days=700)
        family.append((attrs.evolve(co, transport=attrs.evolve(co.transport, departure_date=earlier)), ctx))
    return family


@pytest.fixture(scope="module")
def generated() -> list[tuple[Certificate, Context]]:
    """A few hundred generated cases, the same on every run."""
    return generated_cases(100)


def test_generated_cases_reach_the_edition_findings(generated: list[tuple[Certificate, Context]]) -> None:
    """The generated cases give the HS edition findings whose facts come from remembered editions."""
    codes = {f.code for case in generated for co, ctx in neighbours(*case) for f in roo.evaluate(co, ctx).findings}
    expected = {
        "hs-edition-superseded",
        "hs-conversion-not-verified",
        "jiepa-hs-edition-superseded",
        "jiepa-hs-edition-retroactive-not-amended",
        "jiepa-hs-edition-accepted-transitional",
    }
    assert expected <= codes


def test_generated_cases_evaluate_the_same_from_empty_and_from_full_caches(
    generated: list[tuple[Certificate, Context]],
) -> None:
    """Each generated case and its neighbours, evaluated one after another, equal their evaluations from empty caches."""
    for case in generated:
        family = neighbours(*case)
        warm = [as_json(co, ctx) for co, ctx in family]
        assert [cold(co, ctx) for co, ctx in family] == warm
        assert [as_json(co, ctx) for co, ctx in reversed(family)] == warm[::-1]


def test_the_caches_are_found() -> None:
    """The caches these tests empty include the parameter, HS edition and engine memos (else they prove nothing)."""
    from roo import params
    from roo.rules.shared import dated, hs_edition

    found = set(_caches())
    expected = {
        params._packaged_value.cache_clear,
        hs_edition._packaged.cache_clear,
        engine._CHECKS.clear,
        engine._LINES.clear,
        engine._NOT_EVALUATED_FINDINGS.clear,
        engine._CONCLUDED.clear,
        dated._packaged_from_first.cache_clear,
    }
    assert expected <= found


def _clean(scheme: str) -> Certificate:
    """The clean example of ``scheme``."""
    name = "clean_ajcep_id_jp.json" if scheme == "AJCEP" else "jiepa_eco_id_jp.json"
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"), parse_float=Decimal)
    return roo.load(data["certificate"])
