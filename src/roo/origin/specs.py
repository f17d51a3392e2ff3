"""Every kind of finding an origin determination or a box 8 cross-check can report.

Most kinds arise under both schemes; they keep one code and cite the
article of the scheme the good is under (``AJCEP/ART/28`` or
``JIEPA/ART/31``). :data:`SPECS` lists every :class:`FindingSpec` for the
rule catalogue.
"""

from __future__ import annotations

from typing import Any, Final, final

import attrs

from ..evaluation import Finding, Severity
from ..model.certificate import Scheme
from ..rule_kit import FindingSpec


@final
@attrs.frozen
class SchemeSpec:
    """One kind of finding, cited under each scheme in which it can arise."""

    ajcep: FindingSpec | None
    jiepa: FindingSpec | None

    @property
    def code(self) -> str:
        """The finding code, the same under every scheme."""
        spec = self.ajcep or self.jiepa
        assert spec is not None
        return spec.code

    def spec(self, scheme: Scheme) -> FindingSpec:
        """The spec citing ``scheme``'s article (the other scheme's when the kind arises under one only)."""
        chosen = self.jiepa if scheme is Scheme.JIEPA else self.ajcep
        fallback = self.ajcep if chosen is None else chosen
        spec = fallback or self.jiepa
        assert spec is not None
        return spec

    def __call__(self, scheme: Scheme, item: int | None = None, /, **facts: Any) -> Finding:
        """A finding of this kind under ``scheme``."""
        return self.spec(scheme)(item, **facts)


def _pair(
    code: str,
    severity: Severity,
    template: str,
    ajcep: str | None,
    jiepa: str | None,
    *,
    jiepa_template: str | None = None,
    jiepa_severity: Severity | None = None,
    plural: str = "",
    jiepa_plural: str = "",
    count: str = "",
) -> SchemeSpec:
    # A JIEPA template of its own has its own plural form; otherwise JIEPA's wording is AJCEP's.
    jiepa_forms = (jiepa_template, jiepa_plural) if jiepa_template else (template, plural)
    return SchemeSpec(
        FindingSpec(code, ajcep, severity, template, plural=plural, count=count) if ajcep else None,
        FindingSpec(
            code, jiepa, jiepa_severity or severity, jiepa_forms[0], plural=jiepa_forms[1], count=count
        )
        if jiepa
        else None,
    )


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# --- the outcome -----------------------------------------------------------------------------

NOT_ORIGINATING: Final = _pair(
    "origin-not-originating",
    ERROR,
    "The good ({hs_code}) does not originate in {party} under {scheme}: no criterion is met ({tried}).",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
UNDETERMINED: Final = _pair(
    "origin-undetermined",
    WARNING,
    "Whether the good ({hs_code}) originates in {party} under {scheme} cannot be told without: {needed}.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
SCHEME_NOT_SUPPORTED: Final = FindingSpec(
    "origin-scheme-not-supported",
    "ID/MOTR-16-2024/3",
    WARNING,
    "roo determines preferential origin under AJCEP and JIEPA only, not under {scheme}.",
)
EXPORTING_PARTY_NOT_A_PARTY: Final = _pair(
    "origin-exporting-party-not-a-party",
    ERROR,
    "{party} is not a Party to {scheme}; only goods of a Party can originate.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
AGREEMENT_NOT_IN_FORCE: Final = _pair(
    "origin-agreement-not-in-force",
    ERROR,
    "{scheme} entered into force for {party} on {in_force}, after {on}; its goods could not originate then.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
PARAMETER_NOT_IN_FORCE: Final = _pair(
    "origin-parameter-not-in-force",
    INFO,
    "{criterion}: parameter '{parameter}' has no value on {on}, so it cannot be evaluated.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)

# --- the product-specific rule -----------------------------------------------------------------

PSR_TABLE_NOT_SUPPLIED: Final = _pair(
    "origin-psr-table-not-supplied",
    INFO,
    "No product-specific rule table was supplied, so the general rule (CTH or RVC {threshold}%) was applied; "
    "if Annex 2 has a rule for {hs_code}, that rule applies instead.",
    "AJCEP/ART/26(2)",
    "JIEPA/ART/29(1)(c)",
    jiepa_template="No product-specific rule table was supplied; JIEPA has no general rule, so beyond WO and PE "
    "the good can qualify only under its rule in Annex 2 for {hs_code}.",
)
PSR_NOT_FOUND: Final = _pair(
    "origin-psr-not-found",
    INFO,
    "The product-specific rule table has no row for {hs_code}, so the general rule (CTH or RVC {threshold}%) applies.",
    "AJCEP/ART/26(1)",
    "JIEPA/ART/29(1)(c)",
    jiepa_template="The product-specific rule table has no row for {hs_code}; JIEPA has no general rule, so the "
    "rule for it in Annex 2 is needed.",
    jiepa_severity=WARNING,
)
PSR_AMBIGUOUS: Final = _pair(
    "origin-psr-ambiguous",
    WARNING,
    "Rows {rows} of the product-specific rule table cover {hs_code} equally narrowly; roo cannot tell which "
    "rule applies.",
    "AJCEP/ART/26(2)",
    "JIEPA/ART/29(1)(c)",
)
PSR_TABLE_OTHER_SCHEME: Final = _pair(
    "origin-psr-table-other-scheme",
    WARNING,
    "The product-specific rule table is for {table_scheme} and the good is under {scheme}; the table was not used.",
    "AJCEP/ART/26(2)",
    "JIEPA/ART/29(1)(c)",
)
PSR_HS_EDITION_DIFFERS: Final = _pair(
    "origin-psr-hs-edition-differs",
    WARNING,
    "The product-specific rule for {hs_code} (row {row}) is written in {rule_edition} and the good is classified "
    "in {good_edition}; check that the rule fits the code.",
    "AJCEP/ART/26(1)",
    "JIEPA/ART/29(1)(c)",
)
HS_CODE_UNUSABLE: Final = _pair(
    "origin-hs-code-unusable",
    INFO,
    "'{hs_code}' is not a six-digit subheading, so the rule that applies to the good cannot be found.",
    "AJCEP/ART/26",
    "JIEPA/ART/29(1)(c)",
)

# --- materials ----------------------------------------------------------------------------------

GOOD_WITHOUT_MATERIALS: Final = _pair(
    "origin-good-without-materials",
    INFO,
    "The good is not claimed as wholly obtained and lists no materials; no criterion that looks at materials "
    "can be evaluated.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
MATERIAL_ORIGIN_UNKNOWN: Final = _pair(
    "origin-material-origin-unknown",
    WARNING,
    "Material '{material}' ({path}) has no stated origin and no bill of materials of its own; it is treated as "
    "non-originating.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
MATERIAL_PARTY_NOT_A_PARTY: Final = _pair(
    "origin-material-party-not-a-party",
    WARNING,
    "Material '{material}' ({path}) is stated to originate in {origin_party}, which is not a Party to AJCEP; "
    "it is treated as non-originating.",
    "AJCEP/ART/29",
    "JIEPA/ART/30(1)",
    jiepa_template="Material '{material}' ({path}) is stated to originate in {origin_party}; only materials "
    "originating in Japan or Indonesia count under JIEPA, so it is treated as non-originating.",
)
MATERIAL_PARTY_NOT_IN_FORCE: Final = _pair(
    "origin-material-party-not-in-force",
    WARNING,
    "Material '{material}' ({path}) is stated to originate in {origin_party}, for which {scheme} entered into "
    "force only on {in_force}, after {on}; it is treated as non-originating.",
    "AJCEP/ART/29",
    "JIEPA/ART/30(1)",
)
MATERIAL_SETTLED: Final = _pair(
    "origin-material-settled",
    INFO,
    "Material '{material}' ({path}) was settled from its own bill of materials: {result}.",
    "AJCEP/ART/27(5)",
    "JIEPA/ART/29(7)",
)
MATERIAL_VALUE_LIMITED: Final = _pair(
    "origin-material-value-limited",
    INFO,
    "Non-originating material '{material}' ({path}) was produced in {origin_party}; it counts in the VNM at "
    "{limited}, the value of the non-originating materials used to make it, instead of {value}.",
    None,
    "JIEPA/ART/30(2)",
)
CURRENCY_MISMATCH: Final = _pair(
    "origin-currency-mismatch",
    WARNING,
    "{what} is given in {currency} and the FOB in {fob_currency}; roo converts no currency, so the amount is "
    "treated as unknown.",
    "AJCEP/ART/27(4)",
    "JIEPA/ART/29(6)",
)
FOB_MISSING: Final = _pair(
    "origin-fob-missing",
    INFO,
    "{criterion}: the good's FOB value is not given (or is not above zero), so it cannot be evaluated.",
    "AJCEP/ART/27(2)",
    "JIEPA/ART/29(4)",
)
MATERIAL_VALUE_MISSING: Final = _pair(
    "origin-material-value-missing",
    INFO,
    "{criterion}: no usable value is given for non-originating material {materials}.",
    "AJCEP/ART/27(4)",
    "JIEPA/ART/29(6)",
    plural="{criterion}: no usable value is given for non-originating materials {materials}.",
    count="materials",
)
MATERIAL_HS_MISSING: Final = _pair(
    "origin-material-hs-missing",
    INFO,
    "{criterion}: the HS code of non-originating material {materials} is not given precisely enough to tell "
    "whether it changes {level}.",
    "AJCEP/ART/26(4)",
    "JIEPA/ART/29(3)",
    plural="{criterion}: the HS codes of non-originating materials {materials} are not given precisely enough to "
    "tell whether they change {level}.",
    count="materials",
)

# --- wholly obtained, produced entirely -------------------------------------------------------

VESSEL_FACTS_MISSING: Final = _pair(
    "origin-vessel-facts-missing",
    INFO,
    "The good is claimed as {category}; whether the vessel is one of {party} cannot be told without {needed}.",
    "AJCEP/ART/23(b)",
    "JIEPA/ART/28(c)",
)
VESSEL_NOT_OF_PARTY: Final = _pair(
    "origin-vessel-not-of-party",
    INFO,
    "The good is claimed as {category}, but the vessel {vessel} is not one of {party}: {reason}.",
    "AJCEP/ART/23(b)",
    "JIEPA/ART/28(c)",
)
WO_MATERIALS_NOT_ORIGINATING: Final = _pair(
    "origin-wo-materials-not-originating",
    INFO,
    "The good is claimed as obtained exclusively from wholly obtained goods, but material {materials} is not "
    "originating.",
    "AJCEP/ART/25(k)",
    "JIEPA/ART/29(2)(l)",
    plural="The good is claimed as obtained exclusively from wholly obtained goods, but materials {materials} are "
    "not originating.",
    count="materials",
)
WO_MATERIALS_OF_OTHER_PARTY: Final = _pair(
    "origin-wo-materials-of-other-party",
    INFO,
    "The good is claimed as obtained exclusively from wholly obtained goods, but material {materials} was "
    "obtained in or originates in {parties}, not in {party}; a good made from it is not wholly obtained in "
    "{party}, though it may be produced entirely from originating materials (PE).",
    "AJCEP/ART/25(k)",
    "JIEPA/ART/29(2)(l)",
    plural="The good is claimed as obtained exclusively from wholly obtained goods, but materials {materials} "
    "were obtained in or originate in {parties}, not in {party}; a good made from them is not wholly obtained in "
    "{party}, though it may be produced entirely from originating materials (PE).",
    count="materials",
)
WO_MATERIALS_NOT_SHOWN: Final = _pair(
    "origin-wo-materials-not-shown-wholly-obtained",
    INFO,
    "The good is claimed as obtained exclusively from wholly obtained goods, but material {materials} is not "
    "stated to be wholly obtained in {party}.",
    "AJCEP/ART/25(k)",
    "JIEPA/ART/29(2)(l)",
    plural="The good is claimed as obtained exclusively from wholly obtained goods, but materials {materials} are "
    "not stated to be wholly obtained in {party}.",
    count="materials",
)
PE_NOT_MET: Final = _pair(
    "origin-pe-not-met",
    INFO,
    "Material {materials} is not originating, so the good is not produced entirely from originating materials.",
    "AJCEP/ART/24(c)",
    "JIEPA/ART/29(1)(b)",
    plural="Materials {materials} are not originating, so the good is not produced entirely from originating "
    "materials.",
    count="materials",
)
PSR_WO_NOT_MET: Final = _pair(
    "origin-psr-wo-not-met",
    INFO,
    "{criterion}: the product-specific rule requires the good to be wholly obtained, and it is not.",
    "AJCEP/ART/26(2)",
    "JIEPA/ART/29(1)(c)",
)

# --- change in tariff classification, de minimis, non-qualifying operations --------------------

NON_QUALIFYING_OPERATIONS: Final = _pair(
    "origin-non-qualifying-operations",
    INFO,
    "{criterion}: only operations that cannot confer origin were performed ({operations}).",
    "AJCEP/ART/30",
    "JIEPA/ART/32",
)
DE_MINIMIS_APPLIED: Final = _pair(
    "origin-de-minimis-applied",
    INFO,
    "{criterion}: material {materials} does not change {level}, but at {share}% of the good's {basis} it stays "
    "within the de minimis of {limit}%.",
    "AJCEP/ART/28",
    "JIEPA/ART/31",
    plural="{criterion}: materials {materials} do not change {level}, but at {share}% of the good's {basis} they "
    "stay within the de minimis of {limit}%.",
    count="materials",
)
DE_MINIMIS_EXCEEDED: Final = _pair(
    "origin-de-minimis-exceeded",
    INFO,
    "{criterion}: material {materials} does not change {level}; at {share}% of the good's {basis} it exceeds "
    "the de minimis of {limit}%.",
    "AJCEP/ART/28",
    "JIEPA/ART/31",
    plural="{criterion}: materials {materials} do not change {level}; at {share}% of the good's {basis} they "
    "exceed the de minimis of {limit}%.",
    count="materials",
)
DE_MINIMIS_NOT_AVAILABLE: Final = _pair(
    "origin-de-minimis-not-available",
    INFO,
    "{criterion}: material {materials} does not change {level}, and goods of Chapter {chapter} get no de minimis.",
    "AJCEP/ART/28",
    "JIEPA/ART/31",
    jiepa_template="{criterion}: material {materials} does not change {level}, and the product-specific rule "
    "sets no de minimis.",
    plural="{criterion}: materials {materials} do not change {level}, and goods of Chapter {chapter} get no de "
    "minimis.",
    jiepa_plural="{criterion}: materials {materials} do not change {level}, and the product-specific rule sets no "
    "de minimis.",
    count="materials",
)
DE_MINIMIS_PERCENT_UNKNOWN: Final = _pair(
    "origin-de-minimis-percent-unknown",
    INFO,
    "{criterion}: material {materials}, which does not change {level}, comes to {share}% of the FOB; for goods "
    "of Chapter {chapter} the de minimis is {lower}% or {higher}% as Annex 2 specifies, and the product-specific "
    "rule table does not say which.",
    "AJCEP/ART/28(1)(b)",
    None,
    plural="{criterion}: materials {materials}, which do not change {level}, come to {share}% of the FOB; for "
    "goods of Chapter {chapter} the de minimis is {lower}% or {higher}% as Annex 2 specifies, and the "
    "product-specific rule table does not say which.",
    count="materials",
)
DE_MINIMIS_MEASURE_MISSING: Final = _pair(
    "origin-de-minimis-measure-missing",
    INFO,
    "{criterion}: the de minimis is a share of the good's {basis}, and the {basis} of {missing} is not given "
    "in the same unit.",
    "AJCEP/ART/28(1)(c)",
    "JIEPA/ART/31",
)

# --- value content ---------------------------------------------------------------------------

RVC_BELOW_THRESHOLD: Final = _pair(
    "origin-rvc-below-threshold",
    INFO,
    "{criterion}: the regional value content is {rvc_percent}% (FOB {fob}, VNM {vnm}), below the {threshold}% "
    "required.",
    "AJCEP/ART/27",
    "JIEPA/ART/29(4)",
    jiepa_template="{criterion}: the qualifying value content is {rvc_percent}% (FOB {fob}, VNM {vnm}), below the "
    "{threshold}% required.",
)
FINAL_PROCESS_ELSEWHERE: Final = _pair(
    "origin-final-process-elsewhere",
    INFO,
    "{criterion}: the general rule's RVC route also needs the final process of production in {party}, and it "
    "was performed elsewhere.",
    "AJCEP/ART/26(1)(a)",
    None,
)
FINAL_PROCESS_UNKNOWN: Final = _pair(
    "origin-final-process-unknown",
    INFO,
    "{criterion}: the general rule's RVC route also needs the final process of production in {party}; whether "
    "it was performed there is not stated.",
    "AJCEP/ART/26(1)(a)",
    None,
)

# --- specific process ----------------------------------------------------------------------------

SPECIFIC_PROCESS_NOT_PERFORMED: Final = _pair(
    "origin-specific-process-not-performed",
    INFO,
    "{criterion}: the operations listed do not include the specific process '{process}'.",
    "AJCEP/ART/26(2)",
    "JIEPA/ART/29(3)",
)
OPERATIONS_MISSING: Final = _pair(
    "origin-operations-missing",
    INFO,
    "{criterion}: no operations are listed, so whether the specific process '{process}' was performed cannot "
    "be told.",
    "AJCEP/ART/26(2)",
    "JIEPA/ART/29(3)",
)

# --- box 8 against the determination (roo.origin.cross_check) -------------------------------------

BOX8_NOT_ORIGINATING: Final = _pair(
    "box8-not-originating",
    ERROR,
    "Box 8 claims '{claimed}', but the bill of materials shows the good does not originate ({reasons}).",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
BOX8_CRITERION_NOT_SUPPORTED: Final = _pair(
    "box8-criterion-not-supported",
    WARNING,
    "Box 8 claims {unsupported}, which the bill of materials does not support; it supports {satisfied} "
    "(roo recommends '{box8}').",
    "AJCEP/FORM/3",
    "JIEPA/ART/41",
)
BOX8_FLAG_MISSING: Final = _pair(
    "box8-flag-missing",
    WARNING,
    "Box 8 '{claimed}' omits {flags}, on which the criterion it claims depends (roo recommends '{box8}').",
    "AJCEP/FORM/3",
    "JIEPA/ART/41",
)
BOX8_FLAG_UNNEEDED: Final = _pair(
    "box8-flag-unneeded",
    INFO,
    "Box 8 '{claimed}' adds {flags}, on which no criterion it claims depends.",
    "AJCEP/FORM/3",
    "JIEPA/ART/41",
)
BOX8_NOT_DETERMINABLE: Final = _pair(
    "box8-not-determinable",
    INFO,
    "Whether box 8 '{claimed}' is right cannot be told from the bill of materials without: {needed}.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)
BOX8_GOOD_DIFFERS: Final = _pair(
    "box8-bill-for-other-good",
    WARNING,
    "The bill of materials is for HS {good_hs_code} under {good_scheme} from {good_party}, and the item is HS "
    "{item_hs_code} under {scheme} from {party}; box 8 was not compared with it.",
    "AJCEP/ART/24",
    "JIEPA/ART/29(1)",
)

#: Every kind of finding of this package, each scheme's citation listed.
SCHEME_SPECS: Final[tuple[SchemeSpec, ...]] = tuple(
    value for value in tuple(globals().values()) if isinstance(value, SchemeSpec)
)

#: Every FindingSpec of origin determination and the box 8 cross-check, for the rule catalogue.
SPECS: Final[tuple[FindingSpec, ...]] = (
    *(spec for pair in SCHEME_SPECS for spec in (pair.ajcep, pair.jiepa) if spec is not None),
    SCHEME_NOT_SUPPORTED,
)


def markdown() -> str:
    """The catalogue of origin findings as a Markdown table (embedded in docs/origin.md, checked by a test)."""
    rows = ["| Code | Severity | Citation | Message template |", "|---|---|---|---|"]
    for spec in SPECS:
        template = spec.template.replace("|", "\\|")
        rows.append(f"| `{spec.code}` | {spec.severity.value} | `{spec.rule}` | {template} |")
    return "\n".join(rows) + "\n"
