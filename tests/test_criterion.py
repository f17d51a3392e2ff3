"""Box 8: ``OriginCriterion.parse`` reads every form the schemes use, and never raises."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.growth import MAX_RATIO, linear_growth
from roo.model import Criterion, CriterionKind, OriginCriterion

K = CriterionKind


@pytest.mark.parametrize(
    ("text", "criteria", "de_minimis", "accumulation"),
    [
        pytest.param("WO", (Criterion(K.WO),), False, False, id="WO wholly obtained (Art 25)"),
        pytest.param("PE", (Criterion(K.PE),), False, False, id="PE produced entirely from originating materials"),
        pytest.param("CTH", (Criterion(K.CTH),), False, False, id="CTH change of tariff heading"),
        pytest.param("RVC 40%", (Criterion(K.RVC, Decimal(40)),), False, False, id="RVC 40% general rule"),
        pytest.param("CTC", (Criterion(K.CTC),), False, False, id="CTC product-specific change"),
        pytest.param("SP", (Criterion(K.SP),), False, False, id="SP specific process"),
        pytest.param("CTH, DMI", (Criterion(K.CTH),), True, False, id="CTH with de minimis"),
        pytest.param("RVC 40%, ACU", (Criterion(K.RVC, Decimal(40)),), False, True, id="RVC with accumulation"),
        pytest.param("CTSH", (Criterion(K.CTSH),), False, False, id="CTSH change of subheading"),
        pytest.param("CC", (Criterion(K.CC),), False, False, id="CC change of chapter"),
        pytest.param("PSR", (Criterion(K.PSR),), False, False, id="PSR JIEPA product-specific rule"),
        pytest.param("RVC", (Criterion(K.RVC),), False, False, id="RVC without a percentage"),
        pytest.param("RVC 45%", (Criterion(K.RVC, Decimal(45)),), False, False, id="RVC above the general rule"),
        pytest.param("RVC 35%", (Criterion(K.RVC, Decimal(35)),), False, False, id="RVC below it is read (a rule judges)"),
        pytest.param("RVC 100%", (Criterion(K.RVC, Decimal(100)),), False, False, id="RVC 100%"),
        pytest.param("RVC 0%", (Criterion(K.RVC, Decimal(0)),), False, False, id="RVC 0%"),
        pytest.param("RVC 40.5%", (Criterion(K.RVC, Decimal("40.5")),), False, False, id="fractional percentage"),
        pytest.param("QVC 40%", (Criterion(K.RVC, Decimal(40)),), False, False, id="QVC read as RVC"),
        pytest.param("PE, ACU", (Criterion(K.PE),), False, True, id="PE with accumulation"),
        pytest.param("CTH, DMI, ACU", (Criterion(K.CTH),), True, True, id="both flags"),
        pytest.param(
            "CTH, RVC 40%", (Criterion(K.CTH), Criterion(K.RVC, Decimal(40))), False, False, id="two criteria"
        ),
    ],
)
def test_forms_in_design(
    text: str, criteria: tuple[Criterion, ...], de_minimis: bool, accumulation: bool
) -> None:
    """Every box 8 form of docs/formats.md#certificate is read into criteria and flags, keeping the printed text."""
    parsed = OriginCriterion.parse(text)

    assert (text, criteria, de_minimis, accumulation, None) == (
        parsed.text,
        parsed.criteria,
        parsed.de_minimis,
        parsed.accumulation,
        parsed.problem,
    )


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        pytest.param("wo", "WO", id="lower case"),
        pytest.param("Cth, dmi", "CTH, DMI", id="mixed case with flag"),
        pytest.param("rvc 40%", "RVC 40%", id="lower-case RVC"),
        pytest.param("RVC40%", "RVC 40%", id="no space"),
        pytest.param("40% RVC", "RVC 40%", id="percentage first"),
        pytest.param("RVC 40 %", "RVC 40%", id="space before the percent sign"),
        pytest.param("RVC 40", "RVC 40%", id="no percent sign"),
        pytest.param("RVC 040%", "RVC 40%", id="leading zero"),
        pytest.param("RVC 40.0%", "RVC 40%", id="trailing decimal zero"),
        pytest.param("CTH + DMI", "CTH, DMI", id="plus sign"),
        pytest.param("CTH; DMI", "CTH, DMI", id="semicolon"),
        pytest.param("CTH and DMI", "CTH, DMI", id="'and'"),
        pytest.param("CTH/DMI", "CTH, DMI", id="slash"),
        pytest.param("CTH & DMI", "CTH, DMI", id="ampersand"),
        pytest.param("CTH,,DMI", "CTH, DMI", id="doubled comma"),
        pytest.param("  CTH  ", "CTH", id="surrounding spaces"),
        pytest.param("\u00a0CTH", "CTH", id="no-break space"),
        pytest.param("CTH, CTH", "CTH", id="repeated criterion counted once"),
        pytest.param("RVC 40% or CTH", "RVC 40%, CTH", id="'or' between alternatives"),
        pytest.param("RVC 40%, ACU", "RVC 40%,ACU", id="spacing around the comma"),
        # Issue 11 §3: form note 3 prescribes the codes, not a separator.
        pytest.param("CTH DMI", "CTH, DMI", id="flag after a space"),
        pytest.param("PE ACU", "PE, ACU", id="PE ACU"),
        pytest.param("RVC 40% ACU", "RVC 40%, ACU", id="RVC 40% ACU"),
        pytest.param("CTH\nDMI", "CTH, DMI", id="line break"),
        pytest.param("CTH\r\nDMI\r\nACU", "CTH, DMI, ACU", id="CRLF line breaks"),
        pytest.param('"CTH" "DMI"', "CTH, DMI", id="quoted codes side by side"),
        pytest.param("\u201cCTC\u201d\u201cDMI\u201d", "CTC, DMI", id="curly-quoted codes with no space"),
        pytest.param("RVC-40%", "RVC 40%", id="dash"),
        pytest.param("RVC 40 per cent", "RVC 40%", id="per cent in words"),
        pytest.param("RVC 40 percent ACU", "RVC 40%, ACU", id="percent in words then a flag"),
        pytest.param("\uff37\uff2f", "WO", id="full-width letters"),
        pytest.param("RVC \uff14\uff10\uff05", "RVC 40%", id="full-width digits and per cent sign"),
        pytest.param("Qualifying value content 40%", "RVC 40%", id="QVC in words"),
    ],
)
def test_variants_read_like_the_canonical_form(variant: str, canonical: str) -> None:
    """Spelling variants seen on real forms give the same reading as the canonical text."""
    parsed = OriginCriterion.parse(variant)
    expected = OriginCriterion.parse(canonical)

    assert (expected.criteria, expected.de_minimis, expected.accumulation, None) == (
        parsed.criteria,
        parsed.de_minimis,
        parsed.accumulation,
        parsed.problem,
    )
    assert variant == parsed.text


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        # JIEPA Art 29(4)(b) writes the qualifying value content "Q.V.C.".
        pytest.param("Q.V.C. 40%", "QVC 40%", id="Q.V.C. 40% as JIEPA writes it"),
        pytest.param("Q.V.C 40%", "QVC 40%", id="Q.V.C without the last dot"),
        pytest.param("q.v.c. 40 per cent", "QVC 40%", id="lower case, per cent in words"),
        pytest.param("R.V.C.40%", "RVC 40%", id="R.V.C. with the percentage right after"),
        pytest.param("40% R.V.C.", "RVC 40%", id="percentage before R.V.C."),
        pytest.param("Q.V.C.", "QVC", id="Q.V.C. without a percentage"),
        pytest.param("W.O.", "WO", id="W.O."),
        pytest.param("W.O", "WO", id="W.O without the last dot"),
        pytest.param("P.E.", "PE", id="P.E."),
        pytest.param("C.T.H., D.M.I.", "CTH, DMI", id="C.T.H. with D.M.I."),
        pytest.param("C.T.S.H.", "CTSH", id="C.T.S.H."),
        pytest.param("C.C.", "CC", id="C.C."),
        pytest.param("C.T.C. + A.C.U.", "CTC, ACU", id="C.T.C. with A.C.U."),
        pytest.param("S.P.", "SP", id="S.P."),
        pytest.param("P.S.R.", "PSR", id="P.S.R."),
        pytest.param("(W.O.)", "WO", id="dotted code in brackets"),
        pytest.param("\uff37\uff0e\uff2f\uff0e", "WO", id="full-width W.O."),
        # Indonesia's Regulation 16/2024 calls the first criterion "wholly obtained or produced".
        pytest.param("Wholly obtained or produced", "WO", id="MoT Regulation 16/2024's words"),
        pytest.param("wholly produced", "WO", id="wholly produced"),
        pytest.param("Wholly produced goods", "WO", id="wholly produced goods"),
        pytest.param("Wholly obtained or produced entirely", "WO, PE", id="'produced entirely' keeps its reading"),
    ],
)
def test_dotted_codes_and_wholly_produced_read_as_the_code(variant: str, canonical: str) -> None:
    """Codes spelt with dots (JIEPA Art 29(4)(b) writes "Q.V.C.") and "wholly (obtained or) produced" are read."""
    parsed = OriginCriterion.parse(variant)
    expected = OriginCriterion.parse(canonical)

    assert (expected.criteria, expected.de_minimis, expected.accumulation, None, ()) == (
        parsed.criteria,
        parsed.de_minimis,
        parsed.accumulation,
        parsed.problem,
        parsed.unrecognised,
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("A.B.C", "unrecognised 'A', 'B', 'C'", id="dotted letters that spell no code"),
        pytest.param("W.", "unrecognised 'W'", id="one dotted letter"),
        pytest.param("Q.V.X.", "unrecognised 'Q', 'V', 'X'", id="dotted letters one off a code"),
    ],
)
def test_dotted_letters_that_spell_no_code_stay_unreadable(text: str, problem: str) -> None:
    """Only dotted letters that spell a code are read as it; others are named letter by letter."""
    assert problem == OriginCriterion.parse(text).problem


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("", "box 8 is empty", id="empty"),
        pytest.param("   ", "box 8 is empty", id="blank"),
        pytest.param("XYZ", "unrecognised 'XYZ'", id="unknown code"),
        pytest.param("W0", "unrecognised 'W0'", id="zero for O"),
        pytest.param("Wholly made", "unrecognised 'Wholly made'", id="words that are no criterion"),
        pytest.param("FOO, BAR", "unrecognised 'FOO', 'BAR'", id="several unknown parts"),
        pytest.param("DMI, XYZ", "unrecognised 'XYZ'", id="a flag and an unknown part but no criterion"),
        pytest.param("()", "no origin criterion", id="only brackets"),
        pytest.param('""', "no origin criterion", id="only quotation marks"),
        pytest.param("RVC 101%", "unrecognised 'RVC 101%'", id="more than 100 per cent"),
        pytest.param("RVC 1000%", "unrecognised 'RVC 1000%'", id="four-digit percentage"),
        pytest.param("DMI ACU", "no origin criterion, only ACU, DMI", id="only flags separated by a space"),
        pytest.param("RVC 140% ACU", "unrecognised 'RVC 140%'", id="a percentage above 100 beside a flag"),
        pytest.param("DMI", "no origin criterion, only DMI", id="only de minimis"),
        pytest.param("ACU, DMI", "no origin criterion, only ACU, DMI", id="only flags"),
    ],
)
def test_unreadable_text_keeps_a_problem(text: str, problem: str) -> None:
    """Text roo cannot read is kept with ``problem`` set, for a rule to report on the item."""
    parsed = OriginCriterion.parse(text)

    assert (text, problem) == (parsed.text, parsed.problem)


@pytest.mark.parametrize(
    ("text", "criteria", "unrecognised"),
    [
        pytest.param("CTH, XYZ", (Criterion(K.CTH),), ("XYZ",), id="one unknown part among known ones"),
        pytest.param("CTH (see note)", (Criterion(K.CTH),), ("see note",), id="a bracketed remark"),
        pytest.param("WO, ACU, FOO, BAR", (Criterion(K.WO),), ("FOO", "BAR"), id="several unknown parts beside a flag"),
        pytest.param("40 RVC", (Criterion(K.RVC),), ("40",), id="a number first without a per cent sign is not read"),
        pytest.param("CTH 40%", (Criterion(K.CTH),), ("40%",), id="a percentage beside no RVC is not read"),
        pytest.param(
            "CTH " + "x" * 1_000, (Criterion(K.CTH),), ("x" * 80 + "\u2026 (+920 characters)",), id="a long part is cut"
        ),
    ],
)
def test_a_readable_criterion_keeps_the_box_readable(
    text: str, criteria: tuple[Criterion, ...], unrecognised: tuple[str, ...]
) -> None:
    """Parts roo cannot read beside a criterion it can go to ``unrecognised``; the box has no ``problem``."""
    parsed = OriginCriterion.parse(text)

    assert (criteria, unrecognised, None) == (parsed.criteria, parsed.unrecognised, parsed.problem)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        pytest.param('"WO"', "WO", id="straight double quotes"),
        pytest.param("\u201cCTH\u201d", "CTH", id="curly double quotes"),
        pytest.param("'PE'", "PE", id="single quotes"),
        pytest.param('"CTH", "DMI"', "CTH, DMI", id="each part quoted"),
        pytest.param("(WO)", "WO", id="in brackets"),
        pytest.param("RVC (40%)", "RVC 40%", id="percentage in brackets"),
        pytest.param("CTC (CTH)", "CTC, CTH", id="the change named in brackets"),
        pytest.param("Wholly Obtained", "WO", id="wholly obtained in words"),
        pytest.param("WHOLLY OBTAINED GOODS", "WO", id="wholly obtained goods"),
        pytest.param("Produced entirely", "PE", id="produced entirely in words"),
        pytest.param("Produced entirely from originating materials", "PE", id="PE as form note 3 says it"),
        pytest.param("Change of tariff heading, de minimis", "CTH, DMI", id="CTH and DMI in words"),
        pytest.param("Regional value content 40%", "RVC 40%", id="RVC in words"),
    ],
)
def test_quotes_brackets_and_words_read_as_the_code(text: str, canonical: str) -> None:
    """Quotation marks and brackets do not matter, and criteria written in words read as their codes."""
    parsed = OriginCriterion.parse(text)
    expected = OriginCriterion.parse(canonical)

    assert (expected.criteria, expected.de_minimis, (), None) == (
        parsed.criteria,
        parsed.de_minimis,
        parsed.unrecognised,
        parsed.problem,
    )


@pytest.mark.parametrize(
    ("text", "kinds", "rvc_percent"),
    [
        pytest.param("WO", frozenset({K.WO}), None, id="WO has no percentage"),
        pytest.param("RVC 45%, ACU", frozenset({K.RVC}), Decimal(45), id="RVC percentage"),
        pytest.param("RVC", frozenset({K.RVC}), None, id="RVC without percentage"),
        pytest.param("CTH or RVC 40%", frozenset({K.CTH, K.RVC}), Decimal(40), id="alternatives"),
        pytest.param("XYZ", frozenset(), None, id="unreadable"),
    ],
)
def test_kinds_and_rvc_percent(text: str, kinds: frozenset[CriterionKind], rvc_percent: Decimal | None) -> None:
    """``kinds`` and ``rvc_percent`` summarise the reading."""
    parsed = OriginCriterion.parse(text)

    assert (kinds, rvc_percent) == (parsed.kinds, parsed.rvc_percent)


@pytest.mark.parametrize(
    ("criterion", "text"),
    [
        pytest.param(Criterion(K.CTH), "CTH", id="kind alone"),
        pytest.param(Criterion(K.RVC, Decimal(40)), "RVC 40%", id="with percentage"),
        pytest.param(Criterion(K.RVC, Decimal("40.5")), "RVC 40.5%", id="fractional"),
    ],
)
def test_criterion_prints_as_in_box_8(criterion: Criterion, text: str) -> None:
    """A ``Criterion`` prints the way box 8 writes it."""
    assert text == str(criterion)


def test_origin_criterion_prints_the_text_as_printed() -> None:
    """``str()`` of the box is the text as printed, not a normalised form."""
    assert "cth + dmi" == str(OriginCriterion.parse("cth + dmi"))


def test_equal_texts_parse_equal() -> None:
    """Parsing is deterministic: the same text gives equal, equally hashed values."""
    assert OriginCriterion.parse("RVC 40%, ACU") == OriginCriterion.parse("RVC 40%, ACU")
    assert hash(OriginCriterion.parse("RVC 40%, ACU")) == hash(OriginCriterion.parse("RVC 40%, ACU"))


@given(st.text())
def test_parse_never_raises_for_any_text(text: str) -> None:
    """Any text at all is read without raising; the text is kept; unreadable text has a problem and no flags lost."""
    parsed = OriginCriterion.parse(text)

    assert text == parsed.text
    assert parsed.problem is not None or len(parsed.criteria) > 0
    assert not (parsed.problem is not None and parsed.unrecognised)
    assert all(c.percent is None or Decimal(0) <= c.percent <= Decimal(100) for c in parsed.criteria)


_TOKENS = st.sampled_from(
    ["WO", "PE", "CTH", "CTSH", "CC", "CTC", "SP", "PSR", "RVC", "DMI", "ACU", "RVC 40%", "40% RVC", "XYZ", "%", "RVC 1"]
)


@given(st.lists(_TOKENS, max_size=5), st.sampled_from([", ", ",", " + ", "; ", " and ", " or ", "/", " "]))
def test_parse_never_raises_for_combinations(tokens: list[str], separator: str) -> None:
    """Combinations of real tokens with any separator never raise, and a readable box always names a criterion."""
    parsed = OriginCriterion.parse(separator.join(tokens))

    assert parsed.problem is not None or parsed.criteria


# --- every layout form note 3 allows (issue 11 §3) ---------------------------------------------------
#
# Form note 3 (AJCEP) tells the exporter to insert in box 8 "PE", "WO", "CTH" or "RVC" (Art 26.1), "CTC",
# "RVC" or "SP" (Art 26.2), and "DMI" and "ACU" where Arts 28 and 29 apply. It prescribes the codes, not how
# they are set apart, so any separator, quoting, case, order or line layout must read the same.

_CODE_FORMS: dict[str, tuple[str, ...]] = {
    "WO": ("WO", "Wholly Obtained", "wholly obtained goods", "W.O.", "W.O", "wholly produced",
           "wholly obtained or produced"),
    "PE": ("PE", "Produced Entirely", "produced entirely from originating materials", "P.E."),
    "CTH": ("CTH", "Change in Tariff Heading", "change of tariff heading", "C.T.H."),
    "CTC": ("CTC", "Change in Tariff Classification", "C.T.C."),
    "SP": ("SP", "Specific Process", "S.P."),
    "CTSH": ("CTSH", "C.T.S.H."),
    "CC": ("CC", "change in chapter", "C.C."),
    "PSR": ("PSR", "P.S.R."),
}
_PERCENT_FORMS = ("RVC {n}%", "RVC{n}%", "RVC {n} %", "RVC {n}", "{n}% RVC", "RVC ({n}%)", "Regional Value Content {n}%",
                  "QVC {n}%", "RVC {n} per cent", "Q.V.C. {n}%", "Q.V.C {n}%", "R.V.C.{n}%")
_FLAG_FORMS = {"DMI": ("DMI", "de minimis", "D.M.I."), "ACU": ("ACU", "Accumulation", "A.C.U.")}
_SEPARATORS = st.sampled_from(
    [", ", ",", ";", "; ", " ", "  ", "\n", "\r\n", "\t", " + ", "+", "/", " / ", " & ", " and ", " or ", " - ", ",\n"]
)
_QUOTES = st.sampled_from([("", ""), ('"', '"'), ("'", "'"), ("\u201c", "\u201d"), ("(", ")"), ("\u00ab", "\u00bb")])
_CASES = st.sampled_from([str, str.upper, str.lower, str.title])


@st.composite
def _boxes(draw: st.DrawFn) -> tuple[str, tuple[Criterion, ...], bool, bool]:
    """A box 8 in any layout, and what it must read as: criteria (in order), DMI, ACU."""
    kinds = draw(st.lists(st.sampled_from([*_CODE_FORMS, "RVC", "RVC%"]), min_size=1, max_size=3, unique=True))
    expected: list[Criterion] = []
    parts: list[str] = []
    percent_first = bare_rvc = -1  # the parts printed "40% RVC" and "RVC"
    for kind in kinds:
        case = draw(_CASES)
        if kind == "RVC":
            parts.append(case(draw(st.sampled_from(["RVC", "Regional Value Content", "QVC", "Q.V.C.", "R.V.C"]))))
            bare_rvc = len(parts) - 1
            expected.append(Criterion(K.RVC))
        elif kind == "RVC%":
            number = draw(st.integers(0, 100))
            form = draw(st.sampled_from(_PERCENT_FORMS))
            parts.append(case(form.format(n=number)))
            if form.startswith("{n}%"):
                percent_first = len(parts) - 1
            expected.append(Criterion(K.RVC, Decimal(number)))
        else:
            parts.append(case(draw(st.sampled_from(_CODE_FORMS[kind]))))
            expected.append(Criterion(K(kind)))
    flags = draw(st.lists(st.sampled_from(["DMI", "ACU"]), unique=True))
    parts.extend(draw(_CASES)(draw(st.sampled_from(_FLAG_FORMS[flag]))) for flag in flags)
    order = draw(st.permutations(range(len(parts))))
    quoted = [draw(_QUOTES) for _ in parts]
    text = ""
    for position, index in enumerate(order):
        opening, closing = quoted[index]
        if position:
            separator = draw(_SEPARATORS)
            if (order[position - 1], index) == (bare_rvc, percent_first) and not (
                separator.strip() or quoted[bare_rvc][1] or opening
            ):
                # "RVC 40% RVC" can be read either way; an exporter sets the two claims apart (tested below)
                separator = ", "
            text += separator
        text += f"{opening}{parts[index]}{closing}"
    text = draw(st.sampled_from(["", " ", "\n"])) + text + draw(st.sampled_from(["", " ", "\n"]))
    criteria_in_order = tuple(expected[i] for i in order if i < len(expected))
    return text, criteria_in_order, "DMI" in flags, "ACU" in flags


@given(_boxes())
def test_every_layout_the_note_allows_reads_as_its_codes(box: tuple[str, tuple[Criterion, ...], bool, bool]) -> None:
    """Whatever the separator, quotes, brackets, case, order, words or line breaks, the codes are read."""
    text, criteria, de_minimis, accumulation = box
    parsed = OriginCriterion.parse(text)

    assert (parsed.problem, parsed.unrecognised) == (None, ())
    assert parsed.criteria == criteria
    assert (parsed.de_minimis, parsed.accumulation) == (de_minimis, accumulation)


@pytest.mark.parametrize(
    "text",
    ["WO, RVC, 0% RVC", "RVC; 40% RVC", 'RVC "40% RVC"', '"RVC" 40% RVC', "(RVC) 40% RVC", "RVC / 40 % RVC"],
)
def test_a_percentage_set_apart_from_rvc_and_printed_before_the_next_belongs_to_the_next(text: str) -> None:
    """Punctuation after a bare RVC and a percentage printed right before the next RVC: two claims, in order."""
    parsed = OriginCriterion.parse(text)

    percent = Decimal(0) if "0% RVC" in text and "40" not in text else Decimal(40)
    assert parsed.criteria[-2:] == (Criterion(K.RVC), Criterion(K.RVC, percent))
    assert (parsed.problem, parsed.unrecognised) == (None, ())


@pytest.mark.parametrize("text", ["RVC, 40%", "RVC (40%), RVC", "RVC (40%) RVC", "RVC: 40%; RVC"])
def test_a_percentage_after_rvc_and_set_apart_from_what_follows_is_its_own(text: str) -> None:
    """``RVC, 40%`` is one claim at 40 per cent, whatever follows it after punctuation."""
    assert OriginCriterion.parse(text).criteria[0] == Criterion(K.RVC, Decimal(40))


_NOT_CODES = st.text(alphabet="BFGHJKLMNQXYZ", min_size=1, max_size=6).filter(lambda w: w not in {"CC"})


@given(st.lists(_NOT_CODES, min_size=1, max_size=4), _SEPARATORS)
def test_words_that_are_no_code_are_refused_clearly(words: list[str], separator: str) -> None:
    """Text with no code of the note is refused, naming what could not be read."""
    parsed = OriginCriterion.parse(separator.join(words))

    assert parsed.criteria == ()
    assert parsed.problem is not None and parsed.problem.startswith("unrecognised ")
    assert all(word in parsed.problem for word in words)


@given(st.lists(st.sampled_from(["DMI", "ACU", "de minimis", "accumulation"]), min_size=1, max_size=3), _SEPARATORS)
def test_flags_alone_are_refused_clearly(flags: list[str], separator: str) -> None:
    """A flag qualifies a criterion and is none: a box of flags only states no criterion."""
    parsed = OriginCriterion.parse(separator.join(flags))

    assert parsed.problem is not None and parsed.problem.startswith("no origin criterion, only ")


@given(st.integers(101, 999), _SEPARATORS)
def test_a_percentage_above_100_is_refused_clearly(number: int, separator: str) -> None:
    """No value content exceeds 100 per cent: such an RVC claim is not read, and is named as printed."""
    parsed = OriginCriterion.parse(f"RVC {number}%{separator}DMI")

    assert parsed.problem == f"unrecognised 'RVC {number}%'"


def test_parsing_is_linear_in_the_length_of_the_box() -> None:
    """Ten times the text costs at most fifteen times the CPU time (``benchmarks.growth.linear_growth``)."""
    def make(size: int) -> Callable[[], object]:
        text = ("CTH, RVC 40% ACU \"DMI\" see note " * (size // 30))[:size] + " " * size + "x" * size + "Q." * size
        return lambda: OriginCriterion.parse(text)

    growth = linear_growth(make(3_000), make(30_000))
    assert growth.ratio <= MAX_RATIO, f"x10 text cost x{growth.ratio:.1f} time"
