"""AJCEP IR 17: which HS edition a CO may use while Annex 2 moves from HS2002 to HS2007.

roo's packaged data record no amendment of Annex 2 for any Party (every Party
has HS2002), so these tests install a dated schedule of editions in place of
the packaged values: the amended Annex 2 (HS2007) enters into force for
Thailand on 2012-01-01, for Japan on 2012-04-01 and for Singapore on
2012-06-01. Boundaries are the day before and the day of each date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs
import pytest

import roo
import roo.params
from roo.context import Context
from roo.evaluation import Outcome, Preference, Severity
from roo.hs.correlation import CorrelationTable, Link
from roo.model.hs import HsVersion
from roo.params import ParameterNotInForce
from roo.rules.ajcep import ir17_hs_transition as ir17
from roo.rules.base import Result
from tests.builders import certificate, item_data

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

TH_AMENDS, JP_AMENDS, SG_AMENDS = date(2012, 1, 1), date(2012, 4, 1), date(2012, 6, 1)

#: Editions of Annex 2 in force per Party, from each date on.
SCHEDULE: Mapping[str, tuple[tuple[date, str], ...]] = {
    "TH": ((date(2009, 6, 1), "HS2002"), (TH_AMENDS, "HS2007")),
    "JP": ((date(2008, 12, 1), "HS2002"), (JP_AMENDS, "HS2007")),
    "SG": ((date(2008, 12, 1), "HS2002"), (SG_AMENDS, "HS2007")),
}

#: Parties whose SCHEDULE is served as unconfirmed data (verified = false); the others as confirmed.
UNCONFIRMED: set[str] = set()

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]], tuple[str, ...]]


@pytest.fixture(autouse=True)
def amended_annex2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Serve ``ajcep.annex2.hs_version.<TH|JP|SG>`` from SCHEDULE; context overrides still take precedence."""
    packaged = roo.params.value

    def value(name: str, on: date, overrides: Mapping[str, object] | None = None) -> Any:
        party = name.rsplit(".", 1)[-1]
        if name.startswith("ajcep.annex2.hs_version.") and party in SCHEDULE and not (overrides and name in overrides):
            steps = SCHEDULE[party]
            in_force = [edition for start, edition in steps if start <= on]
            if not in_force:
                raise ParameterNotInForce(name, on, steps[0][0])
            return in_force[-1]
        return packaged(name, on, overrides)

    monkeypatch.setattr(roo.params, "value", value)
    packaged_verified = roo.params.verified

    def verified(name: str, on: date, overrides: Mapping[str, object] | None = None) -> bool:
        party = name.rsplit(".", 1)[-1]
        if name.startswith("ajcep.annex2.hs_version.") and party in SCHEDULE and not (overrides and name in overrides):
            return party not in UNCONFIRMED
        return packaged_verified(name, on, overrides)

    monkeypatch.setattr(roo.params, "verified", verified)


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)], needed)."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings], result.needed


def co(
    issued: date,
    edition: str | None,
    exporting: str = "TH",
    importing: str = "JP",
    shipped: date | None = None,
    retroactive: bool = False,
    **changes: Any,
) -> roo.Certificate:
    """A CO with one item in ``edition``, issued on ``issued`` (shipped that day unless ``shipped`` says otherwise)."""
    return certificate(
        exporting_party=exporting,
        importing_party=importing,
        issue_date=issued.isoformat(),
        transport={"departure_date": (shipped or issued).isoformat()},
        issued_retroactively=retroactive,
        items=[item_data(hs_version=edition)],
        **changes,
    )


def check(certificate_: roo.Certificate, on: date | None = None, **context: Any) -> Seen:
    """IR 17 on the CO's first item."""
    return seen(ir17.check_hs_transition(certificate_.items[0], certificate_, Context(on=on, **context)))


PASS: Seen = (Outcome.PASSED, [], ())
SUPERSEDED: Seen = (Outcome.PASSED, [("hs-edition-superseded", WARNING, 1)], ())


# --- IR 17(a): the pre-amended edition while the amendment is not in force for one or both Parties ---------------


@pytest.mark.parametrize(
    ("issued", "edition", "expected"),
    [
        pytest.param(date(2011, 12, 31), "HS2002", PASS, id="a-neither-party-amended"),
        pytest.param(TH_AMENDS, "HS2002", PASS, id="a-exporter-amended-that-day-importer-not"),
        pytest.param(date(2012, 3, 31), "HS2002", PASS, id="a-day-before-importer-amends"),
        pytest.param(JP_AMENDS, "HS2002", SUPERSEDED, id="both-amended-from-importer-eif-day"),
        pytest.param(date(2013, 5, 1), "HS2002", SUPERSEDED, id="both-amended-long-after"),
        pytest.param(JP_AMENDS, "HS2007", PASS, id="both-amended-amended-edition"),
        pytest.param(TH_AMENDS, "HS2007", PASS, id="exporter-amended-amended-edition"),
        pytest.param(date(2011, 12, 31), "HS2007", PASS, id="newer-edition-than-annex2-is-outside-ir17"),
        pytest.param(JP_AMENDS, "HS2017", PASS, id="much-newer-edition"),
        pytest.param(JP_AMENDS, None, PASS, id="no-edition-stated-taken-as-importers"),
    ],
)
def test_edition_on_issue_date(issued: date, edition: str | None, expected: Seen) -> None:
    """An edition no older than the older Party's Annex 2 on the issue date is accepted; older ones are not."""
    assert expected == check(co(issued, edition))


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        pytest.param(date(2011, 12, 31), PASS, id="day-before-importer-amends"),
        pytest.param(TH_AMENDS, PASS, id="importer-amended-exporter-not"),
        pytest.param(date(2012, 3, 31), PASS, id="day-before-exporter-amends"),
        pytest.param(JP_AMENDS, SUPERSEDED, id="exporter-amends-that-day"),
    ],
)
def test_edition_when_the_importer_amends_first(issued: date, expected: Seen) -> None:
    """(a) works whichever Party has not amended: Japan to Thailand, Thailand amending first."""
    assert expected == check(co(issued, "HS2002", exporting="JP", importing="TH"))


def test_superseded_message() -> None:
    """The warning names the code, its edition, the issue date and each Party's edition."""
    result = ir17.check_hs_transition(co(JP_AMENDS, "HS2002").items[0], co(JP_AMENDS, "HS2002"), Context())
    expected = (
        "Item 1: HS code '030617' is in HS2002, but on the issue date 2012-04-01 Annex 2 was in HS2007 for the "
        "exporting Party (TH) and in HS2007 for the importing Party (JP); IR 17(a) provides for a CO on an older "
        "edition while the amended Annex 2 is not in force for one of the Parties, so customs may verify the good's "
        "origin under the Annex 2 in force."
    )
    assert expected == result.findings[0].message
    assert "AJCEP/IR/17(a)" == result.findings[0].rule


# --- IR 17(b): issued before the amendment entered into force for the importing Party ---------------------------


@pytest.mark.parametrize(
    ("issued", "on", "exporting", "importing", "expected"),
    [
        pytest.param(
            date(2012, 3, 31),
            JP_AMENDS,
            "TH",
            "JP",
            (Outcome.PASSED, [("hs-edition-accepted-transitional", INFO, 1)], ()),
            id="issued-day-before-importer-amends-imported-that-day",
        ),
        pytest.param(date(2012, 3, 31), date(2012, 3, 31), "TH", "JP", PASS, id="imported-before-importer-amends"),
        pytest.param(
            date(2011, 12, 31),
            TH_AMENDS,
            "JP",
            "TH",
            (Outcome.PASSED, [("hs-edition-accepted-transitional", INFO, 1)], ()),
            id="importer-amends-first",
        ),
        pytest.param(date(2012, 2, 1), date(2012, 5, 1), "JP", "TH", PASS, id="importer-had-amended-at-issue-a-only"),
    ],
)
def test_issued_before_importer_amends(
    issued: date, on: date, exporting: str, importing: str, expected: Seen
) -> None:
    """A pre-amended CO issued before the amendment entered into force for the importing Party stays accepted."""
    assert expected == check(co(issued, "HS2002", exporting=exporting, importing=importing), on=on)


@pytest.mark.parametrize(
    ("edition", "expected"),
    [
        pytest.param("HS2002", [("hs-edition-accepted-transitional", INFO, 1)], id="pre-amended-edition-noted"),
        pytest.param("HS2007", [], id="already-in-the-importer-s-edition-on-import"),
    ],
)
@pytest.mark.parametrize("stated", [False, True], ids=["packaged-editions", "exporter-s-edition-stated"])
def test_transitional_note_only_for_an_older_edition(
    edition: str, expected: list[tuple[str, Severity, int | None]], stated: bool
) -> None:
    """IR 17(b): a CO issued before the amendment entered into force for the importing Party, on the
    pre-amended edition, is accepted. A CO already in the edition the importing Party applies on the import date
    needs no such acceptance, and gets no note; stating the exporting Party's edition in the context changes
    neither."""
    certificate_ = co(date(2012, 3, 31), edition)
    ctx = Context(on=JP_AMENDS, parameters={"ajcep.annex2.hs_version.TH": "HS2007"} if stated else None)
    assert (Outcome.PASSED, expected, ()) == seen(ir17.check_hs_transition(certificate_.items[0], certificate_, ctx))


def test_transitional_note_names_both_editions() -> None:
    """The note says which edition applies at import and why the older one is accepted."""
    certificate_ = co(date(2012, 3, 31), "HS2002")
    result = ir17.check_hs_transition(certificate_.items[0], certificate_, Context(on=JP_AMENDS))
    expected = (
        "Item 1: HS code '030617' is in HS2002, while Annex 2 is in HS2007 for the importing Party (JP) on the "
        "import date 2012-04-01; it is accepted because the CO was issued on 2012-03-31, before that edition "
        "entered into force for the importing Party."
    )
    assert expected == result.findings[0].message


# --- IR 17(c): retroactive CO after the amendment entered into force for the exporting Party --------------------


@pytest.mark.parametrize(
    ("shipped", "issued", "retroactive", "edition", "expected"),
    [
        pytest.param(
            date(2011, 12, 30),
            date(2012, 4, 10),
            True,
            "HS2002",
            (Outcome.PASSED, [("hs-edition-retroactive-not-amended", WARNING, 1)], ()),
            id="c-shipped-before-exporter-amends-retroactive-after-both",
        ),
        pytest.param(date(2011, 12, 30), date(2012, 4, 10), True, "HS2007", PASS, id="c-retroactive-amended"),
        pytest.param(
            date(2011, 12, 31),
            date(2012, 2, 1),
            True,
            "HS2002",
            (Outcome.PASSED, [("hs-edition-retroactive-old-accepted", WARNING, 1)], ()),
            id="c-shipped-day-before-importer-not-amended-a-accepts",
        ),
        pytest.param(TH_AMENDS, date(2012, 2, 1), True, "HS2002", PASS, id="c-shipped-on-exporter-eif-day"),
        pytest.param(
            date(2011, 12, 30), date(2012, 2, 1), False, "HS2002", PASS, id="not-ticked-retroactive-a-accepts"
        ),
        pytest.param(date(2011, 12, 30), date(2012, 4, 10), False, "HS2002", SUPERSEDED, id="not-ticked-both-amended"),
        pytest.param(
            date(2011, 12, 30), date(2011, 12, 31), True, "HS2002", PASS, id="retroactive-issued-before-exporter-amends"
        ),
        pytest.param(date(2011, 12, 30), date(2012, 4, 10), True, None, PASS, id="c-no-edition-stated"),
    ],
)
def test_retroactive_after_exporter_amends(
    shipped: date, issued: date, retroactive: bool, edition: str | None, expected: Seen
) -> None:
    """Goods shipped before the amendment for the exporter, CO issued retroactively after it: the amended edition."""
    assert expected == check(co(issued, edition, shipped=shipped, retroactive=retroactive))


def test_retroactive_judged_alike_when_the_context_states_an_edition() -> None:
    """IR 17(c): goods shipped before Annex 2 in the amended edition entered into force for the exporting Party,
    with a CO issued retroactively after that, should have a CO based on the amended edition.

    Stating the importing Party's edition in the context (here Japan's HS2007, as in force on the issue date)
    leaves Thailand's dates as they are: the same IR 17(c) warning, with the same shipment date.
    """
    certificate_ = co(date(2012, 4, 10), "HS2002", shipped=date(2011, 12, 30), retroactive=True)
    stated = {"ajcep.annex2.hs_version.JP": "HS2007"}
    result = ir17.check_hs_transition(certificate_.items[0], certificate_, Context(parameters=stated))
    assert ((Outcome.PASSED, [("hs-edition-retroactive-not-amended", WARNING, 1)], ()), date(2011, 12, 30)) == (
        seen(result),
        result.findings[0].facts["departure_date"],
    )


def test_retroactive_message() -> None:
    """The IR 17(c) warning names the shipment date and the edition the CO should be based on."""
    certificate_ = co(date(2012, 4, 10), "HS2002", shipped=date(2011, 12, 30), retroactive=True)
    finding = ir17.check_hs_transition(certificate_.items[0], certificate_, Context()).findings[0]
    expected = (
        "Item 1: HS code '030617' is in HS2002; the goods were shipped on 2011-12-30, before Annex 2 in HS2007 "
        "entered into force for the exporting Party (TH), and a CO issued retroactively after that (2012-04-10) "
        "should be based on HS2007; customs may verify the good's origin under it."
    )
    assert ("AJCEP/IR/17(c)", expected) == (finding.rule, finding.message)


# --- IR 17(d): back-to-back COs ---------------------------------------------------------------------------------

ORIGINAL_REFERENCE = "TH/2012/0001"


def original(edition: str | None, issued: date = date(2011, 12, 20)) -> roo.Certificate:
    """The original CO, Thailand to Singapore, one item in ``edition``."""
    return certificate(
        reference_number=ORIGINAL_REFERENCE,
        exporting_party="TH",
        importing_party="SG",
        issue_date=issued.isoformat(),
        transport={"departure_date": issued.isoformat()},
        items=[item_data(hs_version=edition)],
    )


def back_to_back(issued: date, edition: str, original_item: int | None = 1, **reference: Any) -> roo.Certificate:
    """A back-to-back CO issued by Singapore to Japan from the original."""
    return certificate(
        reference_number="SG/2012/0042",
        exporting_party="SG",
        importing_party="JP",
        issue_date=issued.isoformat(),
        transport={"departure_date": issued.isoformat()},
        back_to_back=True,
        original_certificate={"reference_number": ORIGINAL_REFERENCE, "exporting_party": "TH", **reference},
        items=[item_data(hs_version=edition, original_item=original_item)],
    )


AFTER_ALL = date(2012, 7, 1)
BETWEEN = date(2012, 5, 1)  # TH and JP amended, SG not


@pytest.mark.parametrize(
    ("issued", "edition", "original_edition", "expected"),
    [
        pytest.param(BETWEEN, "HS2002", "HS2002", PASS, id="d-issuer-not-amended-keeps-hs2002"),
        pytest.param(
            BETWEEN,
            "HS2007",
            "HS2002",
            (Outcome.PASSED, [("hs-conversion-not-verified", INFO, 1)], ()),
            id="d-converted-to-amended-not-checked-without-table",
        ),
        pytest.param(AFTER_ALL, "HS2002", "HS2002", PASS, id="d-all-amended-keeps-original-codes"),
        pytest.param(AFTER_ALL, "HS2007", "HS2007", PASS, id="d-all-amended-both-amended"),
        pytest.param(
            AFTER_ALL,
            "HS2002",
            "HS2007",
            (Outcome.PASSED, [("hs-edition-back-to-back-not-allowed", WARNING, 1)], ()),
            id="d-back-converted-to-an-edition-in-force-nowhere",
        ),
        pytest.param(
            date(2012, 5, 31),
            "HS2002",
            "HS2007",
            (Outcome.PASSED, [("hs-conversion-not-verified", INFO, 1)], ()),
            id="d-day-before-issuer-amends-converted-to-its-edition",
        ),
        pytest.param(
            SG_AMENDS,
            "HS2002",
            "HS2007",
            (Outcome.PASSED, [("hs-edition-back-to-back-not-allowed", WARNING, 1)], ()),
            id="d-issuer-amends-that-day",
        ),
        pytest.param(
            AFTER_ALL,
            "HS2002",
            None,
            (Outcome.NOT_EVALUATED, [], ("context.related_certificates.items.hs_version",)),
            id="d-original-edition-unknown",
        ),
    ],
)
def test_back_to_back(issued: date, edition: str, original_edition: str | None, expected: Seen) -> None:
    """A back-to-back CO may keep the original's edition or use one in force for a Party concerned."""
    ctx = {"related_certificates": (original(original_edition),)}
    assert expected == check(back_to_back(issued, edition), **ctx)


def test_back_to_back_without_the_original_is_not_evaluated_when_it_matters() -> None:
    """Without the original CO, an older edition cannot be judged: roo does not guess whether it was kept."""
    assert (Outcome.NOT_EVALUATED, [], ("context.related_certificates",)) == check(back_to_back(AFTER_ALL, "HS2002"))
    assert PASS == check(back_to_back(AFTER_ALL, "HS2007"))
    assert PASS == check(back_to_back(BETWEEN, "HS2002"))


def test_back_to_back_item_without_original_item_number() -> None:
    """An item that does not say which original item it draws on cannot be matched to the original's edition."""
    ctx = {"related_certificates": (original("HS2002"),)}
    expected = (Outcome.NOT_EVALUATED, [], ("certificate.items.original_item",))
    assert expected == check(back_to_back(AFTER_ALL, "HS2002", original_item=None), **ctx)


def test_back_to_back_other_party_from_the_original_in_context() -> None:
    """When the reference does not name the original's exporting Party, the original CO in the context does."""
    ctx = {"related_certificates": (original("HS2002"),)}
    certificate_ = back_to_back(BETWEEN, "HS2002", exporting_party=None)
    assert PASS == check(certificate_, **ctx)


def test_back_to_back_other_party_without_parameter() -> None:
    """An original exporting Party roo has no Annex 2 edition for leaves an older edition not evaluated."""
    certificate_ = back_to_back(AFTER_ALL, "HS2002", exporting_party="US")
    expected = (Outcome.NOT_EVALUATED, [], ("context.parameters.ajcep.annex2.hs_version.US",))
    assert expected == check(certificate_)


def test_conversion_note_names_both_codes() -> None:
    """The IR 17(d) note names the converted code, the original code, item and CO, and says it was not checked."""
    certificate_ = back_to_back(BETWEEN, "HS2007")
    ctx = Context(related_certificates=(original("HS2002"),))
    finding = ir17.check_hs_transition(certificate_.items[0], certificate_, ctx).findings[0]
    expected = (
        "Item 1: HS code '030617' (HS2007) stands for code '030617' (HS2002) of item 1 on the original CO "
        "TH/2012/0001, converted as IR 17(d) allows; the conversion was not checked against a correlation table."
    )
    assert expected == finding.message


# --- IR 17(d): a converted code checked against a correlation table ----------------------------------------------


def table(*links: tuple[str, str]) -> CorrelationTable:
    """A correlation table HS2002 -> HS2007 of (old code, new code) links."""
    return CorrelationTable.from_links(Link("HS2007", "HS2002", new, old) for old, new in links)


def converted(hs_code: str, correlation: CorrelationTable | None) -> Seen:
    """IR 17 on a back-to-back CO issued between the amendments, item ``hs_code`` in HS2007, original 030617 HS2002."""
    certificate_ = back_to_back(BETWEEN, "HS2007")
    certificate_ = attrs.evolve(certificate_, items=(attrs.evolve(certificate_.items[0], hs_code=hs_code),))
    return check(certificate_, related_certificates=(original("HS2002"),), hs_correlation=correlation)


@pytest.mark.parametrize(
    ("hs_code", "links", "expected"),
    [
        pytest.param("030617", [("030617", "030617")], PASS, id="d-one-to-one-correlate-confirmed"),
        pytest.param("0306.17", [("030617", "030617")], PASS, id="d-correlate-printed-with-a-dot"),
        pytest.param("0306.17.10", [("030617", "030617")], PASS, id="d-national-digits-after-the-subheading"),
        pytest.param("030616", [("030617", "030616")], PASS, id="d-renumbered-correlate-confirmed"),
        pytest.param(
            "030619",
            [("030617", "030617")],
            (Outcome.PASSED, [("hs-conversion-not-correlated", WARNING, 1)], ()),
            id="d-not-a-correlate-warns-never-denies",
        ),
        pytest.param(
            "030616",
            [("030617", "030616"), ("030617", "030617")],
            (Outcome.PASSED, [("hs-conversion-ambiguous", INFO, 1)], ()),
            id="d-split-one-of-several-correlates-noted",
        ),
        pytest.param(
            "030617",
            [("030611", "030611")],
            (Outcome.PASSED, [("hs-conversion-unchecked", INFO, 1)], ()),
            id="d-original-code-not-in-the-table",
        ),
    ],
)
def test_conversion_checked_against_the_table(hs_code: str, links: list[tuple[str, str]], expected: Seen) -> None:
    """With a correlation table, the item's code must be a correlate of the original item's code."""
    assert expected == converted(hs_code, table(*links))


@pytest.mark.parametrize(
    ("links", "reason"),
    [
        pytest.param(
            [("030611", "030611")], "'030617' is not an HS2002 subheading in the table", id="d-code-unknown-to-the-table"
        ),
        pytest.param(
            [("030617", "030617")],
            "the table holds no HS2012 codes (it holds HS2002, HS2007)",
            id="d-edition-the-table-does-not-hold",
        ),
    ],
)
def test_unchecked_conversion_says_why_in_the_table_words(links: list[tuple[str, str]], reason: str) -> None:
    """IR 17(d): the issuing Party may convert the original's code; roo checks the conversion against the table.

    When the table cannot convert the original's code, the note tells the officer why, in the table's own
    words (a code it does not know, an edition it does not hold), so the officer knows what to look up.
    """
    certificate_ = back_to_back(BETWEEN, "HS2007")
    edition = "HS2012" if "HS2012" in reason else "HS2007"
    item = attrs.evolve(certificate_.items[0], hs_version=HsVersion(edition))
    certificate_ = attrs.evolve(certificate_, items=(item,))
    ctx = Context(related_certificates=(original("HS2002"),), hs_correlation=table(*links))
    findings = [f for f in ir17.check_hs_transition(item, certificate_, ctx).findings if f.code == "hs-conversion-unchecked"]
    assert [reason] == [f.facts["reason"] for f in findings]
    assert findings[0].message.endswith(f"the correlation table could not check the conversion: {reason}.")


def test_conversion_without_a_table_is_noted_as_not_checked() -> None:
    """Without a table the same conversion is only noted: roo does not guess."""
    assert (Outcome.PASSED, [("hs-conversion-not-verified", INFO, 1)], ()) == converted("030619", None)


def test_conversion_findings_name_the_candidates() -> None:
    """The warning lists every correlate the table gives; the note of a split counts them."""
    wrong = back_to_back(BETWEEN, "HS2007")
    wrong = attrs.evolve(wrong, items=(attrs.evolve(wrong.items[0], hs_code="030619"),))
    ctx = Context(related_certificates=(original("HS2002"),), hs_correlation=table(("030617", "030616"), ("030617", "030617")))
    finding = ir17.check_hs_transition(wrong.items[0], wrong, ctx).findings[0]
    expected = (
        "Item 1: HS code '030619' (HS2007) does not correspond to code '030617' (HS2002) of item 1 on the original "
        "CO TH/2012/0001: the correlation table gives 030616, 030617 in HS2007. Customs may verify the conversion."
    )
    assert (expected, ("030616", "030617")) == (finding.message, finding.facts["candidates"])


def test_split_note_counts_the_correlates() -> None:
    """IR 17(d) allows converting the original's code; where the table splits it into several codes, the note
    says how many there are and which, since the description of the goods settles which one applies."""
    split = table(("030617", "030616"), ("030617", "030617"))
    ctx = Context(related_certificates=(original("HS2002"),), hs_correlation=split)
    certificate_ = back_to_back(BETWEEN, "HS2007")
    certificate_ = attrs.evolve(certificate_, items=(attrs.evolve(certificate_.items[0], hs_code="030616"),))
    (finding,) = ir17.check_hs_transition(certificate_.items[0], certificate_, ctx).findings
    assert (2, ("030616", "030617"), True) == (
        finding.facts["count"],
        finding.facts["candidates"],
        "one of the 2 codes" in finding.message,
    )


def test_back_to_back_edition_finding_names_the_issue_date() -> None:
    """IR 17(d): a back-to-back CO keeps the original's edition or uses one in force for a Party concerned on
    its issue date; the warning for any other edition names both: the original's edition, and the issue date,
    which decides the editions in force."""
    ctx = Context(related_certificates=(original("HS2007"),))
    certificate_ = back_to_back(AFTER_ALL, "HS2002")
    (finding,) = ir17.check_hs_transition(certificate_.items[0], certificate_, ctx).findings
    assert ("hs-edition-back-to-back-not-allowed", "HS2007", AFTER_ALL, ("HS2007",)) == (
        finding.code,
        finding.facts["original_hs_version"],
        finding.facts["issue_date"],
        finding.facts["editions"],
    )


def test_conversion_warning_through_evaluate_does_not_deny() -> None:
    """Through roo.evaluate: the item keeps preference, and the warning is on it with its citation."""
    wrong = back_to_back(BETWEEN, "HS2007")
    wrong = attrs.evolve(wrong, items=(attrs.evolve(wrong.items[0], hs_code="030619"),))
    evaluation = roo.evaluate(
        wrong,
        on=BETWEEN,
        related_certificates=(original("HS2002"),),
        hs_correlation=table(("030617", "030617")),
    )
    codes = [(f.code, f.rule, f.severity) for f in evaluation.item(1).findings if f.code.startswith("hs-conversion")]
    assert ([("hs-conversion-not-correlated", "AJCEP/IR/17(d)", WARNING)], (1,)) == (codes, evaluation.granted)


def test_a_correlation_table_is_not_json() -> None:
    """dump_context writes a context's table as null; a JSON context cannot carry one (the error says how to give it)."""
    ctx = Context(on=BETWEEN, hs_correlation=table(("030617", "030617")))
    dumped = roo.dump_context(ctx)
    assert (None, attrs.evolve(ctx, hs_correlation=None)) == (dumped["hs_correlation"], roo.load_context(dumped))
    with pytest.raises(roo.InvalidContext) as raised:
        roo.load_context({"hs_correlation": {"HS2007": "030617"}})
    [problem] = raised.value.problems
    assert ("hs_correlation", True) == (problem.path, "--hs-table" in problem.message)


# --- parameters ---------------------------------------------------------------------------------------------------


def test_missing_parameter_is_not_evaluated() -> None:
    """Without an Annex 2 edition for a Party on the issue date the rule is not evaluated, naming the parameter."""
    before_thailand = co(date(2009, 5, 31), "HS2002")
    assert (Outcome.NOT_EVALUATED, [], ("context.parameters.ajcep.annex2.hs_version.TH",)) == check(before_thailand)
    unknown = co(JP_AMENDS, "HS2002", exporting="US", importing="CA")
    expected = (
        Outcome.NOT_EVALUATED,
        [],
        ("context.parameters.ajcep.annex2.hs_version.US", "context.parameters.ajcep.annex2.hs_version.CA"),
    )
    assert expected == check(unknown)


def test_overrides_apply_on_every_date() -> None:
    """A context override sets a Party's edition for the whole evaluation; null switches it off."""
    both_amended = {"ajcep.annex2.hs_version.TH": "HS2007", "ajcep.annex2.hs_version.JP": "HS2007"}
    assert SUPERSEDED == check(co(date(2010, 1, 1), "HS2002"), parameters=both_amended)
    switched_off = {"ajcep.annex2.hs_version.JP": None}
    assert (Outcome.NOT_EVALUATED, [], ("context.parameters.ajcep.annex2.hs_version.JP",)) == check(
        co(date(2010, 1, 1), "HS2002"), parameters=switched_off
    )


def test_packaged_data_accepts_hs2002_and_newer(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the packaged data (HS2002 for every Party) no edition from HS2002 on is refused."""
    monkeypatch.undo()
    for edition in ("HS2002", "HS2007", "HS2017", "HS2022"):
        assert PASS == check(co(date(2024, 3, 5), edition, exporting="ID", importing="JP"), on=date(2024, 3, 20))


# --- through roo.evaluate -----------------------------------------------------------------------------------------


def test_through_evaluate_a_superseded_edition_warns_without_denying() -> None:
    """IR 17(a): a CO on the pre-amended edition "should be accepted" while the amendment is not in force for a Party.

    Nothing in IR 17 says a CO outside that case is invalid: through roo.evaluate the item on the superseded
    edition gets a warning, on that item alone, and both items keep their preference.
    """
    certificate_ = certificate(
        exporting_party="TH",
        importing_party="JP",
        issue_date="2012-04-10",
        transport={"departure_date": "2012-04-09"},
        items=[item_data(1, hs_version="HS2007"), item_data(2, hs_version="HS2002")],
    )
    evaluation = roo.evaluate(certificate_, Context(on=date(2012, 4, 20)))
    ir17_findings = [(f.code, f.item) for f in evaluation.findings if f.rule.startswith("AJCEP/IR/17")]
    verdicts = {verdict.number: verdict.preference for verdict in evaluation.items}
    assert [("hs-edition-superseded", 2)] == ir17_findings
    assert {1: Preference.GRANTED, 2: Preference.GRANTED} == verdicts


# --- editions roo holds without a confirmed source never deny -------------------------------------------------------
#
# IR 17 denies an older edition only once "the amendment to Annex 2 has ... entered into force" for the Parties; when
# the date roo holds for that is not confirmed, the doubt is the data's, not the CO's: a warning, never a denial.


@pytest.fixture
def unconfirmed() -> Any:
    """Serve Japan's and Singapore's editions as unconfirmed data (Thailand's stays confirmed)."""
    UNCONFIRMED.update({"JP", "SG"})
    yield
    UNCONFIRMED.clear()


@pytest.mark.usefixtures("unconfirmed")
def test_superseded_on_unconfirmed_dates_warns() -> None:
    """IR 17(a) on an unconfirmed date of Japan's amendment: the HS2002 item gets a warning and keeps preference."""
    assert (Outcome.PASSED, [("hs-edition-superseded-unverified", WARNING, 1)], ()) == check(co(JP_AMENDS, "HS2002"))
    assert PASS == check(co(date(2012, 3, 31), "HS2002"))


@pytest.mark.usefixtures("unconfirmed")
def test_superseded_on_dates_the_caller_gives_denies() -> None:
    """An edition the caller states in the context is its own statement: confirmed, so IR 17(a) denies."""
    stated = {"ajcep.annex2.hs_version.JP": "HS2007"}
    assert SUPERSEDED == check(co(JP_AMENDS, "HS2002"), parameters=stated)


@pytest.mark.usefixtures("unconfirmed")
def test_retroactive_on_unconfirmed_dates_warns() -> None:
    """IR 17(c) resting on Japan's unconfirmed edition (the importing Party here) warns instead of denying."""
    certificate_ = co(date(2012, 4, 10), "HS2002", shipped=date(2011, 12, 30), retroactive=True)
    assert (Outcome.PASSED, [("hs-edition-retroactive-not-amended-unverified", WARNING, 1)], ()) == check(certificate_)


@pytest.mark.usefixtures("unconfirmed")
def test_back_to_back_on_unconfirmed_dates_warns() -> None:
    """IR 17(d) resting on Singapore's unconfirmed edition warns instead of denying."""
    ctx = {"related_certificates": (original("HS2007"),)}
    assert (Outcome.PASSED, [("hs-edition-back-to-back-not-allowed-unverified", WARNING, 1)], ()) == check(
        back_to_back(AFTER_ALL, "HS2002"), **ctx
    )


def test_unticked_co_based_on_an_original_may_keep_its_edition() -> None:
    """IR 17(d) concerns the back-to-back CO issued under OCP Rule 3(4)(a), whatever its box 13 says.

    A CO that names its original but lacks the tick may keep the original's HS2002 codes after every Party
    amended, as a ticked one may (the missing tick is IR 9's finding, not a ground to deny here).
    """
    unticked = back_to_back(AFTER_ALL, "HS2002")
    unticked = attrs.evolve(unticked, back_to_back=False)
    assert PASS == check(unticked, related_certificates=(original("HS2002"),))


def test_packaged_editions_are_marked_unconfirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped data hold no confirmed date of a later Annex 2 edition for any Party: none can deny on its own."""
    monkeypatch.undo()
    for party in ("BN", "ID", "JP", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"):
        assert not roo.params.verified(f"ajcep.annex2.hs_version.{party}", date(2024, 3, 20))
