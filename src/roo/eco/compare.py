"""Comparing an e-CO with the copy of its data downloaded from the issuing body's system.

During the JIEPA e-CO pilot the importer presented both (pilot arrangement §4(c)). The
e-CO is the basis for preference; where it has minor defects — a data element
missing, or a discrepancy with the copy — Japan Customs may check its
validity by referring to the copy. roo lists every discrepancy, field by
field, and classifies it by what it concerns (the classification says what
customs are likely to look at; under the arrangement neither kind denies
anything on its own):

* **material** — the two disagree on something that identifies the
  certificate or decides preference: scheme, reference number, Parties, issue
  date, the items present, an item's HS subheading, origin criterion,
  quantity, FOB value or invoice, the exporter or consignee, the certifying
  authority or signatory, the retroactive / back-to-back / third-country
  boxes, the departure date;
* **minor** — anything else (addresses, marks, packages, remarks, ports, a
  slightly different description), and any data element the e-CO lacks but
  the copy supplies, which customs may take from the copy.

Differences of form only (case, spacing, HS dots, ``"52000.00"`` vs
``"52000"``) are not discrepancies. Blank text is a lacking data element,
exactly as a missing one.

:func:`supplement` reads the e-CO as customs may under §4(c): each data
element the e-CO lacks is taken from the copy, and nothing else changes; the
e-CO keeps its own items and its own values.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Final, final

import attrs

from .. import codec
from .._exact import exact
from ..errors import InvalidCertificate
from ..model.certificate import Certificate
from ..model.criterion import OriginCriterion
from ..model.hs import normalize_hs
from ..text import normalize_text, similarity


class Materiality(enum.StrEnum):
    """Whether a discrepancy matters for preference."""

    MINOR = "minor"
    MATERIAL = "material"


@final
@attrs.frozen
class Discrepancy:
    """One field on which the e-CO and the copy differ."""

    path: str
    eco_value: Any
    copy_value: Any
    materiality: Materiality
    item: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "path": self.path,
            "item": self.item,
            "eco": self.eco_value,
            "copy": self.copy_value,
            "materiality": self.materiality.value,
        }


_MATERIAL_CERTIFICATE_FIELDS: Final = frozenset(
    {
        "scheme",
        "reference_number",
        "exporting_party",
        "importing_party",
        "issue_date",
        "exporter.name",
        "consignee.name",
        "certification.authority",
        "certification.signatory",
        "issued_retroactively",
        "back_to_back",
        "third_country_invoicing",
        "transport.departure_date",
    }
)
_MATERIAL_ITEM_FIELDS: Final = frozenset(
    {
        "hs_code",
        "origin_criterion",
        "quantity.value",
        "quantity.unit",
        "fob_value.amount",
        "fob_value.currency",
        "invoice.number",
        "invoice.date",
    }
)
#: Descriptions at least this similar (0-1) differ only slightly.
_DESCRIPTION_SIMILAR: Final = 0.6


@exact
def compare(eco: Certificate, copy: Certificate) -> tuple[Discrepancy, ...]:
    """Every discrepancy between ``eco`` and ``copy``, certificate fields first, then items by number."""
    found: list[Discrepancy] = []
    eco_data = codec.unstructure(eco)
    copy_data = codec.unstructure(copy)
    eco_data.pop("items")
    copy_data.pop("items")
    for path, eco_value, copy_value in _differences(_flatten(eco_data), _flatten(copy_data)):
        material = path in _MATERIAL_CERTIFICATE_FIELDS and not _blank(eco_value)
        found.append(Discrepancy(path, eco_value, copy_value, _kind(material), None))
    copy_items = {item.number: item for item in copy.items}
    for index, item in enumerate(eco.items):
        other = copy_items.pop(item.number, None)
        where = f"items[{index}]"
        if other is None:
            found.append(Discrepancy(where, item.number, None, Materiality.MATERIAL, item.number))
            continue
        eco_item = _flatten(codec.unstructure(item))
        copy_item = _flatten(codec.unstructure(other))
        for path, eco_value, copy_value in _differences(eco_item, copy_item):
            material = _item_field_material(path, eco_value, copy_value)
            found.append(Discrepancy(f"{where}.{path}", eco_value, copy_value, _kind(material), item.number))
    for number in copy_items:
        found.append(Discrepancy(f"items[number={number}]", None, number, Materiality.MATERIAL, number))
    return tuple(found)


def _kind(material: bool) -> Materiality:
    return Materiality.MATERIAL if material else Materiality.MINOR


def _item_field_material(path: str, eco_value: Any, copy_value: Any) -> bool:
    if _blank(eco_value):
        return False  # a lacking data element: customs may take it from the copy
    if path == "description":
        return similarity(str(eco_value), str(copy_value or "")) < _DESCRIPTION_SIMILAR
    return path in _MATERIAL_ITEM_FIELDS


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else key))
    elif isinstance(data, list):
        if not data:
            out[prefix] = None
        for index, value in enumerate(data):
            out.update(_flatten(value, f"{prefix}[{index}]"))
    else:
        out[prefix] = data
    return out


def _differences(left: dict[str, Any], right: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    out = []
    for path in sorted(set(left) | set(right)):
        a, b = left.get(path), right.get(path)
        if not _same(path, a, b):
            out.append((path, a, b))
    return out


def _same(path: str, a: Any, b: Any) -> bool:
    if a == b:
        return True
    if _blank(a) and _blank(b):
        return True
    if isinstance(a, str) and isinstance(b, str):
        leaf = path.rsplit(".", 1)[-1]
        if leaf in {"amount", "value"}:
            try:
                return Decimal(a) == Decimal(b)
            except ArithmeticError:
                return False
        if leaf == "hs_code":
            return normalize_hs(a) == normalize_hs(b)
        if leaf == "origin_criterion":
            left, right = OriginCriterion.parse(a), OriginCriterion.parse(b)
            return (set(left.criteria), left.de_minimis, left.accumulation) == (
                set(right.criteria),
                right.de_minimis,
                right.accumulation,
            )
        return normalize_text(a) == normalize_text(b)
    return False


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


#: The particulars that say which e-CO a copy of e-CO data is of: its reference (certification) number, issue date
#: and Parties. A copy that differs on one of them is the copy of another e-CO's data.
IDENTITY_FIELDS: Final = ("reference_number", "issue_date", "exporting_party", "importing_party")


def other_eco(eco: Certificate, copy: Certificate) -> tuple[Discrepancy, ...]:
    """The particulars of :data:`IDENTITY_FIELDS` on which ``copy`` names another e-CO than ``eco``.

    Only a particular both give can differ: a blank one on either side names no
    other e-CO (a lacking element of the e-CO is for :func:`supplement`).
    Differences of form (case, spacing, punctuation) are none, as in :func:`compare`.
    """
    found: list[Discrepancy] = []
    for field, mine, theirs in zip(IDENTITY_FIELDS, _identity(eco), _identity(copy), strict=True):
        if _blank(mine) or _blank(theirs) or _same(field, mine, theirs):
            continue
        found.append(Discrepancy(field, mine, theirs, Materiality.MATERIAL))
    return tuple(found)


def _identity(co: Certificate) -> tuple[str | None, ...]:
    """``co``'s particulars of :data:`IDENTITY_FIELDS`, as text."""
    return (co.reference_number, co.issue_date.isoformat(), co.exporting_party, co.importing_party)


#: Certificate fields that say what kind of certificate it is, not data of it: a copy never fills them in.
_NOT_SUPPLIED: Final = frozenset(
    {"scheme", "medium", "copy", "replaces", "original_certificate", "certified_true_copy_date", "alterations"}
)


@final
@attrs.frozen
class Supplied:
    """A data element the e-CO lacks, taken from the copy: where (``path``), its value, and the item."""

    path: str
    value: Any
    item: int | None = None


def supplement(eco: Certificate, copy: Certificate) -> tuple[Certificate, tuple[Supplied, ...]]:
    """``eco`` with each data element it lacks taken from ``copy``, and the list of what was taken.

    Only blank elements are filled, and only on items the e-CO has (matched by
    number): an item the copy adds stays off the e-CO, and a value the e-CO
    gives stays, whatever the copy says. Fields that say what kind of
    certificate it is (a replacement, a certified true copy, a back-to-back
    CO's original) are never taken from the copy. When nothing is lacking, or
    the supplemented data would not load, ``eco`` itself is returned.
    """
    eco_data = codec.unstructure(eco)
    copy_data = codec.unstructure(copy)
    supplied: list[Supplied] = []
    for key in sorted(set(eco_data) & set(copy_data) - _NOT_SUPPLIED - {"items"}):
        eco_data[key] = _fill(eco_data[key], copy_data[key], key, None, supplied)
    copy_items = {entry.get("number"): entry for entry in copy_data.get("items") or () if isinstance(entry, dict)}
    for index, entry in enumerate(eco_data.get("items") or ()):
        other = copy_items.get(entry.get("number"))
        if other is None:
            continue
        for key in sorted(set(entry) & set(other) - {"number"}):
            entry[key] = _fill(entry[key], other[key], f"items[{index}].{key}", entry.get("number"), supplied)
    if not supplied:
        return eco, ()
    try:
        return codec.load_certificate(eco_data), tuple(supplied)
    except InvalidCertificate:  # the copy's value does not fit the e-CO: read the e-CO as it is
        return eco, ()


def _fill(eco_value: Any, copy_value: Any, path: str, item: int | None, supplied: list[Supplied]) -> Any:
    if _lacking(eco_value):
        if _lacking(copy_value):
            return eco_value
        supplied.append(Supplied(path, copy_value, item))
        return copy_value
    if isinstance(eco_value, dict) and isinstance(copy_value, dict):
        for key in sorted(set(eco_value) & set(copy_value)):
            eco_value[key] = _fill(eco_value[key], copy_value[key], f"{path}.{key}", item, supplied)
    return eco_value


def _lacking(value: Any) -> bool:
    # An empty list is a statement (no transit country, no alteration), not a lacking element.
    return _blank(value)
