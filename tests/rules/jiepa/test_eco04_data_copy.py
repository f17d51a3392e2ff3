"""JIEPA e-CO arrangement §3-§5: the exchange's dates, and the e-CO read with the copy of its data."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

import roo
from roo import params
from roo.rules.jiepa import eco04_data_copy
from tests.rules.jiepa.helpers import jiepa, jiepa_data, jiepa_item


def evaluate(on: date, data_copy: dict[str, Any] | None = None, **changes: Any) -> roo.Evaluation:
    """Evaluate the clean e-CO presented on ``on`` with an optional copy of its data."""
    ctx = roo.load_context({"on": on.isoformat(), "eco_data_copy": data_copy})
    return roo.evaluate(jiepa(**changes), ctx)


def codes(evaluation: roo.Evaluation) -> list[str]:
    """Codes of the e-CO arrangement's findings."""
    return [f.code for f in evaluation.findings if f.rule.startswith("JIEPA/ECO")]


def severities(evaluation: roo.Evaluation) -> set[roo.Severity]:
    """Severities of the e-CO arrangement's findings."""
    return {f.severity for f in evaluation.findings if f.rule.startswith("JIEPA/ECO")}


# §3 schedule: pilot from 1 May 2023, full implementation from 26 June 2023. §4(c): for declarations from
# 1 May until 31 May 2023 the importer needs to submit the e-CO and a copy of its data. §4(b): after the review,
# from 1 June, customs "may require only an e-CO" if the pilot showed no serious problems. §5: after full
# implementation customs no longer require the copy.
@pytest.mark.parametrize(
    ("on", "with_copy", "expected", "status"),
    [
        pytest.param(
            date(2023, 4, 30),
            True,
            ["eco-issued-before-exchange", "eco-before-exchange"],
            roo.Status.REJECTED,
            id="day-before-pilot",
        ),
        pytest.param(date(2023, 5, 1), False, ["eco-data-copy-missing"], roo.Status.REJECTED, id="pilot-day-1-no-copy"),
        pytest.param(date(2023, 5, 1), True, [], roo.Status.ACCEPTED, id="pilot-day-1-with-copy"),
        pytest.param(date(2023, 5, 31), False, ["eco-data-copy-missing"], roo.Status.REJECTED, id="last-copy-day"),
        pytest.param(
            date(2023, 6, 1),
            False,
            ["eco-data-copy-missing-before-full-operation"],
            roo.Status.ACCEPTED,
            id="first-day-after-review",
        ),
        pytest.param(
            date(2023, 6, 25),
            False,
            ["eco-data-copy-missing-before-full-operation"],
            roo.Status.ACCEPTED,
            id="last-pilot-day",
        ),
        pytest.param(date(2023, 6, 25), True, [], roo.Status.ACCEPTED, id="last-pilot-day-with-copy"),
        pytest.param(date(2023, 6, 26), False, [], roo.Status.ACCEPTED, id="full-implementation-e-co-alone"),
    ],
)
def test_phases_to_the_day(on: date, with_copy: bool, expected: list[str], status: roo.Status) -> None:
    """Each phase of the schedule (§3, §4(b)-(c), §5), tested on its first and last day."""
    issued = min(on, date(2023, 5, 10))  # never presented before its issue date
    changes = {
        "issue_date": issued.isoformat(),
        "transport": dict(jiepa_data()["transport"], departure_date=(issued - timedelta(days=1)).isoformat()),
    }
    evaluation = evaluate(on, jiepa_data(**changes) if with_copy else None, **changes)
    assert expected == codes(evaluation)
    assert status == evaluation.status


def test_without_presentation_date_not_evaluated() -> None:
    """Without context.on the phase cannot be known."""
    evaluation = roo.evaluate(jiepa())
    check = [c for c in evaluation.checks if c.title.startswith("e-CO presented")]
    assert [("not_evaluated", ("context.on",))] == [(c.outcome.value, c.needed) for c in check]


def test_paper_co_is_not_subject_to_the_copy_rule() -> None:
    """Paper COs remain acceptable within their own rules (§4(a): either an e-CO or a CO on paper)."""
    assert [] == codes(evaluate(date(2023, 5, 15), medium="paper", copy="original"))


# §3 and §4(a): the pilot starts on 1 May 2023, and from that day an exporter may apply for an e-CO.
@pytest.mark.parametrize(
    ("issue_date", "flagged"),
    [
        pytest.param("2023-04-30", True, id="day-before-pilot"),
        pytest.param("2023-05-01", False, id="pilot-day-1"),
    ],
)
def test_e_co_issued_before_the_exchange_began_is_flagged(issue_date: str, flagged: bool) -> None:
    """An e-CO cannot have been issued through the exchange before it began: customs may verify (a warning)."""
    departure = (date.fromisoformat(issue_date) - timedelta(days=1)).isoformat()
    transport = dict(jiepa_data()["transport"], departure_date=departure)
    evaluation = evaluate(date(2023, 6, 26), issue_date=issue_date, transport=transport)
    assert (["eco-issued-before-exchange"] if flagged else []) == codes(evaluation)
    assert roo.Status.ACCEPTED == evaluation.status


# §4(c): "An e-CO will be the basis for granting preferential treatment"; a lack of some data elements or a
# discrepancy between the e-CO and the copy are minor defects on which customs "may check the validity of the
# e-CO ... referring to" the copy.
@pytest.mark.parametrize("on", [date(2023, 5, 15), date(2023, 6, 10), date(2024, 3, 20)], ids=str)
def test_discrepancy_on_what_decides_preference_is_a_warning_in_every_phase(on: date) -> None:
    """A different HS code on the copy: customs may check; the e-CO's item keeps its preference."""
    copy = jiepa_data(items=[jiepa_item(1, hs_code="090121"), jiepa_item(2)])
    evaluation = evaluate(on, copy, items=[jiepa_item(1), jiepa_item(2)])
    assert ["eco-copy-discrepancy-material"] == codes(evaluation)
    assert {roo.Severity.WARNING} == severities(evaluation)
    assert ((), (1, 2)) == (evaluation.denied, evaluation.granted)


def test_an_extra_item_on_the_copy_leaves_the_e_co_alone() -> None:
    """The e-CO is the basis: an item only the copy shows is a warning, and the e-CO's own items stay granted."""
    copy = jiepa_data(items=[jiepa_item(1), jiepa_item(2)])
    evaluation = evaluate(date(2023, 5, 15), copy)
    assert ["eco-copy-discrepancy-material"] == codes(evaluation)
    finding = next(f for f in evaluation.findings if f.code == "eco-copy-discrepancy-material")
    assert (None, roo.Severity.WARNING) == (finding.item, finding.severity)
    assert (roo.Status.ACCEPTED, (1,)) == (evaluation.status, evaluation.granted)


def test_an_item_missing_from_the_copy_keeps_its_preference() -> None:
    """An e-CO item the copy lacks: a warning on that item, which the e-CO still certifies."""
    evaluation = evaluate(date(2023, 5, 15), jiepa_data(), items=[jiepa_item(1), jiepa_item(2)])
    assert ["eco-copy-discrepancy-material"] == codes(evaluation)
    assert ((), (1, 2)) == (evaluation.denied, evaluation.granted)


@pytest.mark.parametrize(
    ("field", "blank"),
    [
        pytest.param("hs_code", "", id="hs-code-blank"),
        pytest.param("origin_criterion", " ", id="criterion-blank"),
        pytest.param("invoice", {"number": "", "date": None}, id="invoice-blank"),
        pytest.param("invoice", None, id="invoice-absent-as-a-whole"),
    ],
)
def test_a_lacking_element_is_read_from_the_copy(field: str, blank: object) -> None:
    """A lack of some data elements: customs refer to the copy; roo reads the copy's value and says so.

    An element lacking as a whole (the invoice) is read from the copy with all its parts: that is the one
    finding, and its parts are no discrepancy between e-CO and copy besides it.
    """
    evaluation = evaluate(date(2023, 5, 15), jiepa_data(), items=[jiepa_item(1, **{field: blank})])
    assert codes(evaluation) and {"eco-element-taken-from-copy"} == set(codes(evaluation))
    assert {roo.Severity.WARNING} == severities(evaluation)
    assert (roo.Status.ACCEPTED, (1,)) == (evaluation.status, evaluation.granted)
    taken = next(f for f in evaluation.findings if f.code == "eco-element-taken-from-copy")
    assert taken.item == 1 and taken.facts["path"].startswith(field)  # the item's own field: the finding names the item


def test_without_the_copy_a_lacking_element_stays_lacking() -> None:
    """After full implementation the e-CO alone is presented (§5): a blank HS code is the e-CO's own defect, not
    supplied from anywhere (a warning: only Annex 3, unread, would require the code)."""
    evaluation = evaluate(date(2024, 3, 20), None, items=[jiepa_item(1, hs_code="")])
    found = [(f.code, f.item) for f in evaluation.findings if f.code.startswith("jiepa-hs-code")]
    assert [("jiepa-hs-code-not-six-digits", 1)] == found
    assert "eco-element-taken-from-copy" not in [f.code for f in evaluation.findings]


def test_the_copy_never_replaces_a_value_the_e_co_gives() -> None:
    """The e-CO is the basis: its own criterion is what the rules read, whatever the copy says."""
    copy = jiepa_data(items=[jiepa_item(1, origin_criterion="WO")])
    evaluation = evaluate(date(2023, 5, 15), copy, items=[jiepa_item(1, origin_criterion="XYZ")])
    assert (1,) == evaluation.denied
    assert "eco-copy-discrepancy-material" in codes(evaluation)


def test_lacking_certificate_element_is_read_from_the_copy() -> None:
    """A certificate-level element the e-CO lacks (the departure date) is read from the copy, with a warning."""
    transport = dict(jiepa_data()["transport"], departure_date=None)
    evaluation = evaluate(date(2023, 5, 15), jiepa_data(), transport=transport)
    assert ["eco-element-taken-from-copy"] == codes(evaluation)
    assert "transport.departure_date" == evaluation.findings[0].facts["path"]


def test_paper_co_ignores_the_copy() -> None:
    """The copy is the e-CO's; a paper CO is read as printed: its blank description is not supplied and denies."""
    items = [jiepa_item(1, description="")]
    evaluation = evaluate(date(2023, 5, 15), jiepa_data(), medium="paper", copy="original", items=items)
    assert (1,) == evaluation.denied
    assert "jiepa-description-missing" in [f.code for f in evaluation.findings]


def test_supplemented_memo_changes_no_result() -> None:
    """The one-entry memo of the supplemented e-CO is a cache: emptying it changes nothing."""
    first = evaluate(date(2023, 5, 15), jiepa_data(), items=[jiepa_item(1, hs_code="")])
    eco04_data_copy._last.clear()
    assert first == evaluate(date(2023, 5, 15), jiepa_data(), items=[jiepa_item(1, hs_code="")])


# --- every dated parameter of the e-CO phases is read by a rule --------------------------------------------

PHASE_DATES = (
    date(2023, 4, 30),
    date(2023, 5, 1),
    date(2023, 5, 31),
    date(2023, 6, 1),
    date(2023, 6, 25),
    date(2023, 6, 26),
    date(2024, 2, 4),
    date(2024, 2, 5),
    date(2024, 2, 6),
)


def _grid(overrides: dict[str, str]) -> list[tuple[str, ...]]:
    """Codes of e-CO findings over a grid of dates, issue dates, media, with and without the copy."""
    out = []
    for on in PHASE_DATES:
        for medium, copy in (("electronic", None), ("paper", "original")):
            for with_copy in (False, True):
                issue = on - timedelta(days=1)
                transport = dict(jiepa_data()["transport"], departure_date=(issue - timedelta(days=1)).isoformat())
                ctx = roo.load_context(
                    {"on": on.isoformat(), "eco_data_copy": jiepa_data() if with_copy else None, "parameters": overrides}
                )
                co = jiepa(medium=medium, copy=copy, issue_date=issue.isoformat(), transport=transport)
                out.append(tuple(f.code for f in roo.evaluate(co, ctx).findings if f.rule.startswith("JIEPA/ECO")))
    return out


def test_the_phase_parameters_are_the_arrangements_dated_parameters() -> None:
    """The module names every dated e-CO phase parameter of the data, and no other."""
    phase = {p.name for p in params.catalogue() if p.name.startswith("jiepa.eco.")}
    assert phase == set(eco04_data_copy.PHASE_PARAMETERS)


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in params.catalogue() if p.reference.startswith("JIEPA/ECO")),
)
def test_every_e_co_phase_parameter_is_read_by_a_rule(name: str) -> None:
    """Moving a phase date a year later changes some verdict: a rule reads it (none may sit unread)."""
    moved = (params.value(name, date(2024, 1, 1)) + timedelta(days=366)).isoformat()
    assert _grid({}) != _grid({name: moved})


# --- invariants ---------------------------------------------------------------------------------------------

from datetime import date as _date  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from roo.model.certificate import Medium  # noqa: E402
from roo.strategies import certificates  # noqa: E402


def _indonesian_e_co(eco: roo.Certificate) -> roo.Certificate:
    import attrs

    return attrs.evolve(eco, medium=Medium.ELECTRONIC, copy=None, exporting_party="ID", importing_party="JP")


def _copy_of(eco: roo.Certificate, copy: roo.Certificate) -> roo.Certificate:
    """``copy``'s data under ``eco``'s reference number, issue date and Parties: a copy of that e-CO's data."""
    import attrs

    return attrs.evolve(
        copy,
        reference_number=eco.reference_number,
        issue_date=eco.issue_date,
        exporting_party=eco.exporting_party,
        importing_party=eco.importing_party,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(certificates("JIEPA", max_items=3), certificates("JIEPA", max_items=3), st.dates(_date(2023, 5, 1), _date(2025, 12, 31)))
def test_the_copy_never_gives_an_error_of_its_own(eco: roo.Certificate, copy: roo.Certificate, on: _date) -> None:
    """§4(c): a lack of data elements and a discrepancy with the copy are minor defects customs may check; the
    comparison with any copy of the e-CO's data reports warnings only, and the e-CO's own item numbers stay."""
    eco = _indonesian_e_co(eco)
    evaluation = roo.evaluate(eco, on=on, eco_data_copy=_copy_of(eco, copy))
    assert all(f.severity is not roo.Severity.ERROR for f in evaluation.findings if f.rule == "JIEPA/ECO/4(c)")
    assert {v.number for v in evaluation.items} == {item.number for item in eco.items}


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(certificates("JIEPA", max_items=3), certificates("JIEPA", max_items=3), st.dates(_date(2023, 5, 1), _date(2025, 12, 31)))
def test_a_copy_of_another_e_co_is_no_copy(eco: roo.Certificate, copy: roo.Certificate, on: _date) -> None:
    """§4(c) asks for "a copy of the e-CO data": whatever copy is given, the arrangement's only error is the
    missing copy, in May 2023 only, and only when the copy given names another e-CO."""
    eco = _indonesian_e_co(eco)
    evaluation = roo.evaluate(eco, on=on, eco_data_copy=copy)
    errors = {f.code for f in evaluation.findings if f.rule == "JIEPA/ECO/4(c)" and f.severity is roo.Severity.ERROR}
    other = "eco-data-copy-of-another-e-co" in {f.code for f in evaluation.findings}
    assert errors <= ({"eco-data-copy-missing"} if other and on <= _date(2023, 5, 31) else set())


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(certificates("JIEPA", max_items=3), certificates("JIEPA", max_items=3), st.dates(_date(2023, 6, 1), _date(2025, 12, 31)))
def test_nothing_read_from_the_copy_denies(eco: roo.Certificate, copy: roo.Certificate, on: _date) -> None:
    """§4(c): "An e-CO will be the basis for granting preferential treatment"; customs may check it "referring to"
    the copy "to grant preferential treatment". Once the copy is no longer required (from 1 June 2023), an item the
    e-CO alone would not deny is never denied because of the copy."""
    eco = _indonesian_e_co(eco)
    alone = roo.evaluate(eco, on=on)
    with_copy = roo.evaluate(eco, on=on, eco_data_copy=_copy_of(eco, copy))
    assert set(with_copy.denied) <= set(alone.denied)


def test_the_phase_dates_are_the_arrangements_own() -> None:
    """Read again (kept): §3 puts the pilot from 1 May and full implementation from 26 June 2023; §4(c) asks the
    importer to submit the copy with declarations "from 1st May until 31st May 2023". The copy's last required day
    is 31 May, not the pilot's last day (25 June), which a secondary research note gave."""
    on = date(2023, 5, 15)
    assert (date(2023, 5, 1), date(2023, 5, 31), date(2023, 6, 26)) == tuple(
        params.value(name, on) for name in eco04_data_copy.PHASE_PARAMETERS
    )


def test_a_missing_copy_in_may_is_the_declarations_missing_document() -> None:
    """Kept: for declarations in May 2023 an importer "need[s] to submit" the e-CO and the copy (§4(c)); that is
    what the declaration must carry, a "shall", so the claim without it is denied (citing §4(c)). From 1 June
    customs "may require only an e-CO" (§4(b)): a "may", a warning citing §4(b)."""
    may = [(f.code, f.rule, f.severity) for f in evaluate(date(2023, 5, 31)).findings if f.rule.startswith("JIEPA/ECO")]
    june = [(f.code, f.rule, f.severity) for f in evaluate(date(2023, 6, 1)).findings if f.rule.startswith("JIEPA/ECO")]
    assert [("eco-data-copy-missing", "JIEPA/ECO/4(c)", roo.Severity.ERROR)] == may
    assert [("eco-data-copy-missing-before-full-operation", "JIEPA/ECO/4(b)", roo.Severity.WARNING)] == june


# --- §4(c): the e-CO is the basis; the copy lets customs check it in order to grant ---------------------------

SWITCHED = {"issue_date": "2024-03-01", "transport": dict(jiepa_data()["transport"], departure_date="2024-02-29")}


def test_an_edition_read_from_the_copy_does_not_deny() -> None:
    """§4(c): the e-CO is the basis, and customs may refer to the copy "to grant preferential treatment".

    Regression: the e-CO's item (PSR, Annex 2) states no HS edition and the copy says HS2002 on a CO issued after
    Annex 2 moved to HS2017; the item was denied on the copy's edition, while the e-CO alone is granted.
    """
    items = [jiepa_item(1, hs_version=None, origin_criterion="PSR")]
    copy = jiepa_data(items=[jiepa_item(1, hs_version="HS2002", origin_criterion="PSR")], **SWITCHED)
    alone = evaluate(date(2024, 3, 20), None, items=items, **SWITCHED)
    evaluation = evaluate(date(2024, 3, 20), copy, items=items, **SWITCHED)
    assert (1,) == alone.granted == evaluation.granted
    note = next(f for f in evaluation.findings if f.code == "eco-copy-value-does-not-deny")
    expected = (1, roo.Severity.WARNING, ("hs_version",), ("jiepa-hs-edition-superseded",), ("JIEPA/ART/29(1)",))
    assert expected == (note.item, note.severity, note.facts["paths"], note.facts["codes"], note.facts["citation"])
    assert "jiepa-hs-edition-superseded" not in [f.code for f in evaluation.findings]


def test_a_quantity_read_from_the_copy_does_not_deny() -> None:
    """§4(c): the copy serves customs to check the e-CO, not to deny it.

    Regression: the e-CO item shows no quantity; the copy's 10,000 kg against 12,000 kg declared denied the item.
    The e-CO alone leaves the draw-down check not evaluated (it shows no quantity); so does the e-CO with its
    copy, and a warning names the copy's quantity.
    """
    items = [jiepa_item(1, quantity=None)]
    copy = jiepa_data(items=[jiepa_item(1, quantity={"value": "10000", "unit": "KGM"})])
    context = {"on": "2023-07-03", "declaration": {"items": [{"certificate_item": 1, "quantity": {"value": "12000", "unit": "KGM"}}]}}
    alone = roo.evaluate(jiepa(items=items), roo.load_context(context))
    evaluation = roo.evaluate(jiepa(items=items), roo.load_context(dict(context, eco_data_copy=copy)))
    assert (1,) == alone.granted == evaluation.granted
    codes_of_item = [f.code for f in evaluation.findings if f.item == 1]
    assert "eco-quantity-exceeded" not in codes_of_item
    assert {"eco-item-without-quantity", "eco-copy-value-does-not-deny"} <= set(codes_of_item)
    checks = [(c.outcome, c.needed) for c in evaluation.checks if c.rule == "JIEPA/ART/41" and c.item == 1]
    assert [(roo.Outcome.NOT_EVALUATED, ("certificate.items.quantity",))] == checks


def test_the_e_cos_own_value_still_denies_with_a_copy() -> None:
    """The e-CO is the basis: an HS2002 edition the e-CO itself states on a PSR item denies, copy or not."""
    items = [jiepa_item(1, hs_version="HS2002", origin_criterion="PSR", description="")]
    copy = jiepa_data(items=[jiepa_item(1, hs_version="HS2002", origin_criterion="PSR")], **SWITCHED)
    evaluation = evaluate(date(2024, 3, 20), copy, items=items, **SWITCHED)
    assert (1,) == evaluation.denied
    assert "jiepa-hs-edition-superseded" in [f.code for f in evaluation.findings]
    assert "eco-copy-value-does-not-deny" not in [f.code for f in evaluation.findings]


def test_a_value_read_from_the_copy_still_cures_a_gap() -> None:
    """§4(c): customs "may check the validity of the e-CO to grant preferential treatment referring to" the copy:
    a description the e-CO lacks, read from the copy, grants the item it would otherwise deny."""
    items = [jiepa_item(1, description="")]
    assert (1,) == evaluate(date(2023, 7, 3), None, items=items).denied
    assert (1,) == evaluate(date(2023, 7, 3), jiepa_data(), items=items).granted


# --- "a copy of the e-CO data": a copy of another e-CO's data is none ------------------------------------------

OTHER_E_CO = {
    "reference": {"reference_number": "0009999/JIEPA/2023"},
    "issue-date": {"issue_date": "2023-05-09"},
    "parties": {"exporting_party": "JP", "importing_party": "ID"},
}


@pytest.mark.parametrize("changes", OTHER_E_CO.values(), ids=OTHER_E_CO.keys())
def test_a_copy_of_another_e_co_is_missing_in_may(changes: dict[str, Any]) -> None:
    """§4(c): from 1 to 31 May 2023 the importer "need[s] to submit" the e-CO and "a copy of the e-CO data"; a copy
    that names another e-CO (reference number, issue date or Parties) is not it: the copy is missing, and a
    warning names the particulars that differ.

    Regression: a copy of another e-CO's data (other reference number and issue date) satisfied the requirement.
    """
    evaluation = evaluate(date(2023, 5, 15), jiepa_data(**changes))
    assert ["eco-data-copy-missing", "eco-data-copy-of-another-e-co"] == codes(evaluation)
    assert roo.Status.REJECTED == evaluation.status
    other = next(f for f in evaluation.findings if f.code == "eco-data-copy-of-another-e-co")
    assert tuple(changes) == other.facts["fields"]
    assert tuple(str(value) for value in changes.values()) == other.facts["copy"]


def test_a_copy_of_another_e_co_fills_no_gap() -> None:
    """§4(c) lets customs refer to the copy of the e-CO's data. Regression: a copy of another e-CO's data supplied
    the description and criterion the e-CO lacked, and its item was granted."""
    items = [jiepa_item(1), jiepa_item(2, description="", origin_criterion="")]
    copy = jiepa_data(reference_number="0009999/JIEPA/2023", items=[jiepa_item(1), jiepa_item(2)])
    evaluation = evaluate(date(2023, 7, 3), copy, items=items)
    assert ((1,), (2,)) == (evaluation.granted, evaluation.denied)
    assert ["eco-data-copy-of-another-e-co"] == codes(evaluation)


@pytest.mark.parametrize(
    ("on", "expected", "status"),
    [
        pytest.param(
            date(2023, 6, 1),
            ["eco-data-copy-missing-before-full-operation", "eco-data-copy-of-another-e-co"],
            roo.Status.ACCEPTED,
            id="after-the-review",
        ),
        pytest.param(date(2023, 6, 26), ["eco-data-copy-of-another-e-co"], roo.Status.ACCEPTED, id="full-implementation"),
    ],
)
def test_a_copy_of_another_e_co_after_may_is_named_and_denies_nothing(
    on: date, expected: list[str], status: roo.Status
) -> None:
    """§4(b), §5: after May the copy is no longer required outright, so a copy of another e-CO denies nothing."""
    assert (expected, status) == (lambda e: (codes(e), e.status))(
        evaluate(on, jiepa_data(reference_number="0009999/JIEPA/2023"))
    )


def test_a_reference_number_written_otherwise_is_the_same_e_co() -> None:
    """Case, spacing and punctuation of the reference number are form, not another e-CO."""
    evaluation = evaluate(date(2023, 5, 15), jiepa_data(reference_number=" 0000123 / jiepa / 2023"))
    assert [] == codes(evaluation)
    assert roo.Status.ACCEPTED == evaluation.status
