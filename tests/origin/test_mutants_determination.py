"""Determinations as people read them and as the text decides them, pinned where mutation samples found gaps.

``repr`` and the text report give the answer in words (originating, not originating, undetermined), the
recommended box 8 (AJCEP form note 3), the value content and the facts still needed. Under JIEPA the value
content is the "qualifying value content", its FOB leaves out excise taxes repaid on exportation (Art 29.4(b)),
and the product-specific rule of Annex 2 is the only rule besides WO and PE (Art 29.1(c)).
"""

from __future__ import annotations

from decimal import Decimal

from roo.origin import determine
from tests.origin.helpers import criterion, good, material, run, table


def test_repr_says_not_originating_in_plain_words() -> None:
    """The short form gives the answer as the other outputs do: "not originating"."""
    determination = determine(good(material("Premix", "190590", "70.00")))
    assert determination.originating is False
    assert repr(determination) == "<Determination AJCEP TH 190531: not originating, RVC 30.00%>"


def test_repr_of_an_originating_good_names_box8() -> None:
    """An originating good's short form names the answer, the recommended box 8 and the value content."""
    determination = determine(good(material("Flour", "110100", "40.00")))
    assert repr(determination) == "<Determination AJCEP TH 190531: originating, box 8 'CTH', RVC 60.00%>"


def test_repr_of_an_undetermined_good() -> None:
    """Without the FOB, neither route can be told: the short form says "undetermined" and shows no RVC."""
    determination = determine(good(material("Premix", "190590", "70.00"), material("Mystery", None), fob_value=None))
    assert repr(determination) == "<Determination AJCEP TH 190531: undetermined>"


def test_text_report_names_the_facts_needed() -> None:
    """An undetermined good's report lists, on its "Needed" line, each fact that would decide it."""
    determination = determine(good(material("Premix", "190590", "70.00"), material("Mystery", None), fob_value=None))
    assert "  Needed:    fob_value, materials[1].hs_code" in determination.to_text().splitlines()


def _criterion_marks(text: str) -> list[str]:
    """The answer at the head of each line under "Criteria:" of a text report."""
    lines = text.split("  Criteria:\n", 1)[1].split("  Findings:", 1)[0].splitlines()
    return [line[4:13].rstrip() for line in lines]


def test_text_report_marks_each_criterion_met_not_met_or_unknown() -> None:
    """Each criterion's line opens with its answer, in the order PE, CTH, RVC of the general rule (Art 26.1)."""
    failing = determine(good(material("Premix", "190590", "70.00"), material("Mystery", None)))
    originating = determine(good(material("Flour", "110100", "40.00"), material("Mystery", None, "5.00")))
    undetermined = determine(good(material("Flour", "110100", "40.00"), material("Mystery", None), fob_value=None))

    assert _criterion_marks(failing.to_text()) == ["not met", "not met", "not met"]
    assert _criterion_marks(originating.to_text()) == ["not met", "met", "met"]
    assert _criterion_marks(undetermined.to_text()) == ["not met", "unknown", "unknown"]
    assert "  Satisfied: RVC, CTH" in originating.to_text().splitlines()


def test_jiepa_box8_is_wo_for_a_rule_of_wholly_obtained_only_and_psr_otherwise() -> None:
    """JIEPA's form asks for "WO" for goods wholly obtained and "PSR" for goods meeting Annex 2's rule; the
    alternative of an Annex 2 row that asks the good to be wholly obtained is written "WO"."""
    biscuits = good(material("Flour", "110100", "40.00"), scheme="JIEPA", exporting_party="ID")
    either = table({"hs": "1905", "rule": "WO or CTH"}, scheme="JIEPA")
    by_title = {r.title: r for r in determine(biscuits, either).criteria}
    assert (by_title["product-specific rule 1905: WO"].box8, by_title["product-specific rule 1905: CTH"].box8) == (
        "WO",
        "PSR",
    )
    assert determine(biscuits, either).box8 == "PSR"


def test_refunded_excise_in_another_currency_leaves_the_qvc_unknown_and_says_why() -> None:
    """JIEPA Art 29.4(b): the FOB of the QVC leaves out excise taxes reduced, exempted or repaid on exportation.

    roo converts no currency: an excise amount in another currency than the FOB cannot be taken off, so the QVC
    is not evaluated and a finding says which amount was in which currency.
    """
    rule = table({"hs": "8544", "rule": "QVC 40"}, scheme="JIEPA")
    determination = determine(
        good(
            material("Copper wire", "740811", "10.00"),
            scheme="JIEPA",
            exporting_party="ID",
            hs_code="854430",
            refunded_excise={"amount": "5.00", "currency": "JPY"},
        ),
        rule,
    )
    mismatch = [f for f in determination.findings if f.code == "origin-currency-mismatch"]
    assert [("JIEPA/ART/29(6)", "The refunded excise tax", "JPY", "USD")] == [
        (f.rule, f.facts["what"], f.facts["currency"], f.facts["fob_currency"]) for f in mismatch
    ]
    assert (None, ("fob_value",)) == (criterion(determination, "RVC"), determination.needed)


def test_ambiguous_rows_under_jiepa_cite_jiepa() -> None:
    """JIEPA Art 29.1(c): the product-specific rule of Annex 2 decides; two equally narrow rows leave it unknown,
    and the finding cites the JIEPA article, not the AJCEP one."""
    rows = table({"hs": "8544", "rule": "CTH"}, {"hs": "8544", "rule": "QVC 40"}, scheme="JIEPA")
    determination = determine(
        good(material("Copper wire", "740811", "10.00"), scheme="JIEPA", exporting_party="ID", hs_code="854430"), rows
    )
    ambiguous = [f for f in determination.findings if f.code == "origin-psr-ambiguous"]
    assert [("JIEPA/ART/29(1)(c)", ("0", "1"))] == [(f.rule, f.facts["rows"]) for f in ambiguous]


def test_jiepa_requirement_of_a_combined_rule_is_named_qvc() -> None:
    """JIEPA calls the value content "qualifying value content" (Art 29.4): a failed QVC part of "CTH and QVC 40"
    is reported under the name QVC, not RVC."""
    rule = table({"hs": "8544", "rule": "CTH and QVC 40"}, scheme="JIEPA")
    determination = determine(
        good(material("Copper wire", "740811", "70.00"), scheme="JIEPA", exporting_party="ID", hs_code="854430"), rule
    )
    below = [f for f in determination.findings if f.code == "origin-rvc-below-threshold"]
    assert ["QVC 40%"] == [f.facts["criterion"] for f in below]
    assert determination.originating is False


def test_text_report_of_an_unknown_rule() -> None:
    """Two equally narrow rows leave the rule unknown; the report says so rather than guessing one."""
    rows = table({"hs": "1905", "rule": "CTH"}, {"hs": "1905", "rule": "RVC 40"})
    determination = determine(good(material("Flour", "110100", "40.00")), rows)
    assert "  Rule:      unknown: unknown" in determination.to_text().splitlines()


def test_jiepa_text_report_calls_the_value_content_qvc() -> None:
    """JIEPA Art 29.4 names the figure the qualifying value content; the report labels it QVC."""
    rule = table({"hs": "8544", "rule": "QVC 40"}, scheme="JIEPA")
    determination = determine(
        good(material("Copper wire", "740811", "10.00"), scheme="JIEPA", exporting_party="ID", hs_code="854430"), rule
    )
    assert "  QVC:       90.00 % (FOB 100.00 USD, VNM 10.00 USD)" in determination.to_text().splitlines()


def test_a_wo_rule_left_open_reports_the_missing_vessel_fact_once() -> None:
    """A product-specific rule "WO" is met only as wholly obtained (AJCEP Art 25, vessel of Art 23(b)): without the
    crew's share both the WO claim and the rule stay open, and the missing fact is reported once."""
    vessel = {"name": "Far Star", "registered_in": "ID", "flag": "ID", "ownership_percent": "60"}
    determination = determine(
        good(
            material("Bait", "030389", "1.00", originating=True),
            hs_code="030617",
            exporting_party="ID",
            wholly_obtained="sea_fishing",
            vessel=vessel,
        ),
        table({"hs": "0306", "rule": "WO"}),
    )
    assert [None, None] == [c.met for c in determination.criteria if c.criterion == "WO"]
    assert 1 == [f.code for f in determination.findings].count("origin-vessel-facts-missing")


def test_a_material_with_its_own_bill_is_settled_under_the_same_product_rules() -> None:
    """A material of unknown origin with a bill of its own is determined as a good (Art 24), by the rule for its own
    HS code: the product-specific rule the caller's table gives it, not the general rule (Art 26.2)."""
    dough = material("Dough", "190590", "30.00", originating=None, materials=[material("Premix", "190590", "25.00")])
    under_table = run(dough, psr=table({"hs": "1905", "rule": "RVC 10"}))
    settled = [f.message for f in under_table.findings if f.code == "origin-material-settled"]
    assert settled == ["Material 'Dough' (materials[0]) was settled from its own bill of materials: originating (RVC)."]
    assert under_table.rvc_percent == Decimal("100.00")
    assert run(dough).rvc_percent == Decimal("70.00")  # the general rule (CTH or RVC 40%) leaves the dough foreign



def test_a_built_good_of_four_digits_names_its_code_and_needs_a_subheading() -> None:
    """Annex 2's rules are found by six-digit subheading (Art 26.2): a good built in code with a heading only
    cannot be matched to its row, and the note quotes the code as given."""
    import roo
    from roo.origin.model import Good, Material

    built = Good(roo.Scheme.AJCEP, "TH", "1905", materials=(Material("Flour", "110100"),))
    determination = determine(built, table({"hs": "1905", "rule": "CTSH"}))
    (finding,) = [f for f in determination.findings if f.code == "origin-hs-code-unusable"]
    assert (dict(finding.facts), determination.originating, determination.needed) == ({"hs_code": "1905"}, None, ("hs_code",))
    assert finding.message == "'1905' is not a six-digit subheading, so the rule that applies to the good cannot be found."


def test_a_nested_material_left_undetermined_names_the_fact_from_the_outer_good() -> None:
    """A material settled from its own bill that cannot be decided says which fact of that bill is missing, named
    from the good being determined (materials[0].materials[0].hs_code)."""
    dough = material("Dough", "190590", "30.00", originating=None, materials=[material("Premix", None, "25.00")])
    settled = [f.message for f in run(dough).findings if f.code == "origin-material-settled"]
    assert settled == [
        "Material 'Dough' (materials[0]) was settled from its own bill of materials: undetermined for want of "
        "materials[0].materials[0].hs_code, so it is treated as non-originating."
    ]


def test_the_value_content_currency_comes_from_the_materials_when_the_fob_is_nought() -> None:
    """A good built in code with an FOB of nought has no value content (Art 27 divides by the FOB); the VNM is still
    given, and the currency it is in."""
    import roo
    from roo.model import Money
    from roo.origin.model import Good, Material

    built = Good(
        roo.Scheme.AJCEP,
        "TH",
        "190531",
        fob_value=Money(Decimal(0), "USD"),
        materials=(Material("Flour", "110100", value=Money(Decimal("40.00"), "USD")),),
    )
    assert determine(built).to_dict()["value_content"] == {"fob": None, "vnm": "40.00", "currency": "USD"}
