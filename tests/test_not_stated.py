"""A field the data leave out is "not stated", never "no" (issue 15 part 5).

docs/formats.md#certificate: the model mirrors the form, and what the data do not say is
``None``. A rule that needs such a fact reports its check as not evaluated,
naming the fact (so the evaluation is not complete where the check could
have denied), and never a finding that says the CO shows the opposite. Each
optional yes/no field is tested three ways: left out, stated false, stated
true.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Final

import pytest

import roo
from roo.cli import main
from tests.builders import complete_case
from tests.rules.id_motr_16_2024.helpers import ON as MOTR_ON
from tests.rules.id_motr_16_2024.helpers import motr, motr_data
from tests.rules.jiepa.helpers import jiepa_data


def _evaluate(case: dict[str, Any]) -> roo.Evaluation:
    return roo.evaluate(roo.load(case["certificate"]), roo.load_context(case["context"]))


def _codes(evaluation: roo.Evaluation) -> set[str]:
    return {finding.code for finding in evaluation.findings}


def _needed(evaluation: roo.Evaluation) -> set[str]:
    return {name for check in evaluation.checks for name in check.needed}


# AJCEP IR 4(b)(i): unused spaces on the CO are to be crossed out so that nothing can be added later.


def test_unused_spaces_left_out_is_not_evaluated_not_a_warning() -> None:
    """Leaving ``unused_spaces_crossed_out`` out says nothing about the form: no warning that they are not."""
    case = complete_case()
    del case["certificate"]["unused_spaces_crossed_out"]
    evaluation = _evaluate(case)
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)
    assert "certificate.unused_spaces_crossed_out" in _needed(evaluation)
    assert not evaluation.complete  # the rule's check (IR 4(b), which can deny) was not made in full


def test_unused_spaces_null_is_the_same_as_left_out() -> None:
    case = complete_case(unused_spaces_crossed_out=None)
    evaluation = _evaluate(case)
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)
    assert "certificate.unused_spaces_crossed_out" in _needed(evaluation)


def test_unused_spaces_stated_false_warns() -> None:
    evaluation = _evaluate(complete_case(unused_spaces_crossed_out=False))
    assert "unused-spaces-not-crossed-out" in _codes(evaluation)
    assert evaluation.complete


def test_unused_spaces_stated_true_passes() -> None:
    evaluation = _evaluate(complete_case(unused_spaces_crossed_out=True))
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)
    assert "certificate.unused_spaces_crossed_out" not in _needed(evaluation)
    assert evaluation.complete


def test_unused_spaces_left_out_on_an_eco_needs_nothing() -> None:
    """An e-CO has no spaces to cross out: the fact is not needed."""
    case = complete_case(medium="electronic", copy=None)
    del case["certificate"]["unused_spaces_crossed_out"]
    assert "certificate.unused_spaces_crossed_out" not in _needed(_evaluate(case))


def test_unused_spaces_left_out_does_not_hide_an_erasure() -> None:
    """IR 4(b): no erasure is allowed; the unknown crossing-out does not soften that error."""
    case = complete_case(alterations=[{"box": 7, "method": "erasure"}])
    del case["certificate"]["unused_spaces_crossed_out"]
    evaluation = _evaluate(case)
    assert "alteration-by-erasure" in _codes(evaluation)
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)


# AJCEP IR 13 / IR 4(a): the issuing authority's stamp lets customs check a paper CO against the specimens.


def _certification(**changes: Any) -> dict[str, Any]:
    certification = dict(complete_case()["certificate"]["certification"])
    certification.update(changes)
    return certification


def test_stamp_left_out_is_not_evaluated_not_a_warning() -> None:
    certification = _certification()
    del certification["sealed"]
    evaluation = _evaluate(complete_case(certification=certification))
    assert "certification-not-stamped" not in _codes(evaluation)
    assert "certificate.certification.sealed" in _needed(evaluation)


def test_stamp_null_is_the_same_as_left_out() -> None:
    evaluation = _evaluate(complete_case(certification=_certification(sealed=None)))
    assert "certification-not-stamped" not in _codes(evaluation)
    assert "certificate.certification.sealed" in _needed(evaluation)


def test_stamp_stated_false_warns() -> None:
    evaluation = _evaluate(complete_case(certification=_certification(sealed=False)))
    assert "certification-not-stamped" in _codes(evaluation)


def test_stamp_stated_true_passes() -> None:
    evaluation = _evaluate(complete_case(certification=_certification(sealed=True)))
    assert "certification-not-stamped" not in _codes(evaluation)
    assert "certificate.certification.sealed" not in _needed(evaluation)


# --- the tick boxes of box 13 and the certified-true-copy endorsement --------------------------------------------
#
# A tick box the data leave out is not stated: a check whose finding would say "the box is not ticked" is not
# evaluated, naming the box. Where the tick only confirms what the substance shows, the substance is still checked
# (notes/legal-review.md, question 3: a missing tick never switches a check off).

#: AJCEP IR 7: a CO issued more than three days after shipment is issued retroactively, within twelve months;
#: this one is issued eleven days after its shipment on 2024-03-04.
LATE: Final = {"issue_date": "2024-03-15"}


def _case(**changes: Any) -> dict[str, Any]:
    """A complete case with ``changes`` to the certificate; ``None`` values are left out of the data."""
    case = complete_case(**{key: value for key, value in changes.items() if value is not None})
    for key, value in changes.items():
        if value is None:
            case["certificate"].pop(key, None)
    return case


def test_retroactive_tick_left_out_is_not_evaluated_not_a_denial() -> None:
    """AJCEP IR 7: a CO issued after the grace days bears 'Issued Retroactively'; unstated is not unticked."""
    evaluation = _evaluate(_case(issued_retroactively=None, **LATE))
    assert not {"retroactive-box-not-ticked", "issued-retroactively"} & _codes(evaluation)
    assert "certificate.issued_retroactively" in _needed(evaluation)
    assert not evaluation.complete and not evaluation.denied


def test_retroactive_tick_stated_false_denies() -> None:
    evaluation = _evaluate(_case(issued_retroactively=False, **LATE))
    assert "retroactive-box-not-ticked" in _codes(evaluation)
    assert evaluation.denied == (1,)


def test_retroactive_tick_stated_true_is_noted() -> None:
    evaluation = _evaluate(_case(issued_retroactively=True, **LATE))
    assert "issued-retroactively" in _codes(evaluation)
    assert "certificate.issued_retroactively" not in _needed(evaluation)


def test_retroactive_tick_left_out_still_denies_an_issuance_too_late() -> None:
    """IR 7: retroactive issuance only within twelve months of shipment, ticked or not."""
    evaluation = _evaluate(_case(issued_retroactively=None, issue_date="2025-03-10"))
    assert "retroactive-issuance-too-late" in _codes(evaluation)
    assert "retroactive-box-not-ticked" not in _codes(evaluation)


def test_retroactive_tick_left_out_on_time_needs_nothing() -> None:
    """Issued the day after shipment: the tick does not matter, so its absence is not asked about."""
    evaluation = _evaluate(_case(issued_retroactively=None))
    assert "certificate.issued_retroactively" not in _needed(evaluation)
    assert evaluation.complete


def test_jiepa_retroactive_tick_left_out_is_not_evaluated() -> None:
    """JIEPA Art 50 (Implementing Agreement): the same mark; its warning is not given for data that do not say."""
    evaluation = _evaluate(_case(scheme="JIEPA", issued_retroactively=None, **LATE))
    assert "jiepa-retroactive-box-not-ticked" not in _codes(evaluation)
    assert "certificate.issued_retroactively" in _needed(evaluation)
    stated_false = _evaluate(_case(scheme="JIEPA", issued_retroactively=False, **LATE))
    assert "jiepa-retroactive-box-not-ticked" in _codes(stated_false)


def _in_transit(retroactive: bool | None) -> roo.Evaluation:
    """AJCEP IR 15: goods shipped on 2010-06-30 to the Philippines, where the Agreement entered into force on
    2010-07-01, get preference only with a CO issued retroactively."""
    case = _case(
        exporting_party="JP",
        importing_party="PH",
        issue_date="2010-06-30",
        transport={"departure_date": "2010-06-30"},
        issued_retroactively=retroactive,
    )
    case["context"]["on"] = "2010-07-01"
    return _evaluate(case)


def test_in_transit_tick_left_out_is_not_evaluated_not_a_denial() -> None:
    evaluation = _in_transit(None)
    assert "in-transit-co-not-retroactive" not in _codes(evaluation)
    assert "certificate.issued_retroactively" in _needed(evaluation)
    assert not evaluation.complete


def test_in_transit_tick_stated_false_denies_and_true_passes() -> None:
    assert "in-transit-co-not-retroactive" in _codes(_in_transit(False))
    assert "in-transit-co-not-retroactive" not in _codes(_in_transit(True))


ORIGINAL: Final = {"reference_number": "SG/2024/AJ/000077", "issue_date": "2024-03-01", "exporting_party": "SG"}


def test_back_to_back_tick_left_out_is_not_reported_unticked() -> None:
    """AJCEP form note 8 and OCP Rule 3(4): a CO naming an original is back-to-back; the tick is box 13's."""
    evaluation = _evaluate(_case(back_to_back=None, original_certificate=ORIGINAL))
    assert "back-to-back-box-not-ticked" not in _codes(evaluation)
    assert "certificate.back_to_back" in _needed(evaluation)


def test_back_to_back_tick_stated_false_warns_and_true_does_not() -> None:
    stated_false = _evaluate(_case(back_to_back=False, original_certificate=ORIGINAL))
    ticked = _evaluate(_case(back_to_back=True, original_certificate=ORIGINAL))
    assert "back-to-back-box-not-ticked" in _codes(stated_false)
    assert "back-to-back-box-not-ticked" not in _codes(ticked)


INVOICER: Final = {"name": "Lion Trading Pte Ltd", "address": "1 Raffles Place, Singapore", "country": "SG"}


def test_third_country_invoicing_left_out_is_not_reported_as_not_indicated() -> None:
    """AJCEP form note 7: an invoice issued in a third country is shown by ticking box 13. Here Singapore is
    neither the exporting nor the importing Party, and the data do not say whether the box is ticked."""
    evaluation = _evaluate(_case(third_country_invoicing=None, third_country_invoicer=INVOICER))
    assert "third-country-invoicing-not-indicated" not in _codes(evaluation)
    assert "certificate.third_country_invoicing" in _needed(evaluation)


def test_third_country_invoicing_stated_false_warns_and_true_does_not() -> None:
    stated_false = _evaluate(_case(third_country_invoicing=False, third_country_invoicer=INVOICER))
    ticked = _evaluate(_case(third_country_invoicing=True, third_country_invoicer=INVOICER))
    assert "third-country-invoicing-not-indicated" in _codes(stated_false)
    assert "third-country-invoicing-not-indicated" not in _codes(ticked)


def test_certified_true_copy_left_out_with_a_copy_date_is_not_reported_unendorsed() -> None:
    """AJCEP IR 5(b): a certified true copy is endorsed 'CERTIFIED TRUE COPY' in box 12."""
    evaluation = _evaluate(_case(certified_true_copy=None, certified_true_copy_date="2024-03-10"))
    assert "certified-true-copy-date-without-endorsement" not in _codes(evaluation)
    assert "certificate.certified_true_copy" in _needed(evaluation)


def test_certified_true_copy_stated_false_with_a_copy_date_warns() -> None:
    evaluation = _evaluate(_case(certified_true_copy=False, certified_true_copy_date="2024-03-10"))
    assert "certified-true-copy-date-without-endorsement" in _codes(evaluation)


def test_every_tick_box_left_out_loads_as_none_and_dumps_back() -> None:
    """DESIGN §3.1: load(dump(co)) == co; a tick the data leave out stays unstated through a round trip."""
    case = complete_case()
    for key in ("third_country_invoicing", "back_to_back", "issued_retroactively", "certified_true_copy"):
        del case["certificate"][key]
    co = roo.load(case["certificate"])
    assert (None, None, None, None) == (
        co.third_country_invoicing,
        co.back_to_back,
        co.issued_retroactively,
        co.certified_true_copy,
    )
    assert roo.load(roo.dump(co)) == co


def test_every_yes_no_field_of_the_documents_defaults_to_not_stated() -> None:
    """A yes/no field added to the certificate or context models defaults to None ("not stated"), never False.

    The one exception says why: a material's CO issued retroactively is only noted (AJCEP IR 8(c) allows it),
    so leaving that out can never make a finding that claims the opposite.
    """
    import typing

    import attrs

    from roo import context as context_module
    from roo.model import certificate as certificate_module

    allowed = {("AccumulationDocument", "issued_retroactively")}
    wrong = []
    for module in (certificate_module, context_module):
        for cls in vars(module).values():
            if not (isinstance(cls, type) and attrs.has(cls) and cls.__module__ == module.__name__):
                continue
            hints = typing.get_type_hints(cls)
            for field in attrs.fields(cls):
                if hints[field.name] in (bool, bool | None) and field.default is not None:
                    if (cls.__name__, field.name) not in allowed:
                        wrong.append(f"{cls.__name__}.{field.name} defaults to {field.default!r}")
    assert not wrong, wrong


# --- whole boxes left out: the certification (box 12 / Japan's box 11) and the exporter's declaration -------------
#
# AJCEP IR 3(e): the exporter completes the declaration in box 11 (Japan's form: box 10) and may sign it by hand or
# print the signature electronically. IR 3(f): the authorised signatory's signature on the CO may be autographed or
# electronically printed. Both say how a box is signed; neither lets roo read data that leave the box out as a box
# left empty. A missing fact is not evaluated, naming it; a box the data state unsigned is still denied.

_WHOLE_BOXES: Final = (
    ("certification", "certificate.certification", "certification-unsigned"),
    ("exporter_declaration", "certificate.exporter_declaration", "exporter-declaration-missing"),
)


@pytest.mark.parametrize(("field", "needed", "code"), _WHOLE_BOXES)
def test_ajcep_box_left_out_is_not_evaluated_not_a_denial(field: str, needed: str, code: str) -> None:
    case = complete_case()
    del case["certificate"][field]
    evaluation = _evaluate(case)
    codes = _codes(evaluation)
    assert code not in codes and "certification-signatory-missing" not in codes
    assert needed in _needed(evaluation)
    assert not evaluation.complete


@pytest.mark.parametrize(("field", "needed", "code"), _WHOLE_BOXES)
def test_ajcep_box_null_is_the_same_as_left_out(field: str, needed: str, code: str) -> None:
    evaluation = _evaluate(complete_case(**{field: None}))
    assert code not in _codes(evaluation)
    assert needed in _needed(evaluation)


@pytest.mark.parametrize(
    ("field", "code"),
    [("certification", "certification-unsigned"), ("exporter_declaration", "exporter-declaration-unsigned")],
)
def test_ajcep_box_stated_unsigned_denies(field: str, code: str) -> None:
    stated = dict(complete_case()["certificate"][field], signed=False)
    evaluation = _evaluate(complete_case(**{field: stated}))
    assert code in _codes(evaluation)
    assert roo.Status.REJECTED == evaluation.status


def test_ajcep_declaration_stated_empty_is_not_completed() -> None:
    """IR 3(e): the exporter completes the declaration; a box the data state with nothing in it is not completed."""
    evaluation = _evaluate(complete_case(exporter_declaration={"signed": False}))
    assert "exporter-declaration-missing" in _codes(evaluation)
    assert roo.Status.REJECTED == evaluation.status


def test_grant_resting_on_a_left_out_certification_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The grant is made on the checks roo could make; the CLI's exit code says the evaluation is not complete."""
    case = complete_case()
    del case["certificate"]["certification"]
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    assert 4 == main(["evaluate", str(path)])
    capsys.readouterr()


@pytest.mark.parametrize(
    ("field", "needed", "code"),
    [
        ("certification", "certificate.certification", "jiepa-certification-unsigned"),
        ("exporter_declaration", "certificate.exporter_declaration", "jiepa-exporter-declaration-missing"),
    ],
)
def test_jiepa_box_left_out_is_not_evaluated(field: str, needed: str, code: str) -> None:
    """JIEPA Art 41(1): the issuing authority certifies the CO; data without the box do not say it did not."""
    co = jiepa_data(medium="paper", copy="original")
    del co[field]
    evaluation = roo.evaluate(roo.load(co), on=date(2023, 5, 20))
    assert code not in _codes(evaluation)
    assert needed in _needed(evaluation)
    stated = roo.evaluate(roo.load(jiepa_data(medium="paper", copy="original", **{field: {"signed": False}})))
    assert code in _codes(stated)  # a box stated empty: not signed, or (the declaration) not completed


@pytest.mark.parametrize(("field", "needed"), [(field, needed) for field, needed, _ in _WHOLE_BOXES])
def test_motr_box_left_out_is_not_a_missing_data_element(field: str, needed: str) -> None:
    """MoTR 16/2024 Art 9 (g), (h): a COO shows the exporter's statement and the agency's certification; data that
    leave them out do not say that the COO lacks them."""
    co = motr_data()
    del co[field]
    evaluation = roo.evaluate(roo.load(co), on=MOTR_ON)
    assert "motr-data-element-missing" not in _codes(evaluation)
    assert needed in _needed(evaluation)
    assert not evaluation.complete
    stated = roo.evaluate(motr(**{field: dict(motr_data()[field], signed=False)}), on=MOTR_ON)
    # A certification the agency did not sign is no certification (h); a statement completed but not signed is
    # still a statement (g), which the summary does not ask to be signed: a warning, not a missing element.
    unsigned = "motr-exporter-statement-unsigned" if field == "exporter_declaration" else "motr-data-element-missing"
    assert unsigned in _codes(stated)


# MoTR 16/2024: the importer proves a delivery through another country with documents. Which documents were
# presented is a fact of the context: left out it is not stated (None), stated empty it is "none presented".


def test_transit_evidence_left_out_is_not_stated_and_empty_is_none() -> None:
    journey = {"direct": False, "transit": [{"country": "SG", "operations": [], "reason": "transport", "traded_or_consumed": False}]}
    left_out = roo.load_context({"consignment": journey})
    assert left_out.consignment is not None and left_out.consignment.evidence is None
    stated = roo.load_context({"consignment": {**journey, "evidence": []}})
    assert stated.consignment is not None and stated.consignment.evidence == ()
    assert roo.load_context(roo.dump_context(left_out)) == left_out
    assert roo.load_context(roo.dump_context(stated)) == stated
    unstated = roo.evaluate(motr(), left_out, on=MOTR_ON)
    assert "motr-transit-not-proven" not in _codes(unstated)
    assert "context.consignment.evidence" in _needed(unstated)
    assert "motr-transit-not-proven" in _codes(roo.evaluate(motr(), stated, on=MOTR_ON))
