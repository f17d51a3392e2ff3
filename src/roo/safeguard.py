"""Trade safeguard measures: which goods a measure covers, when, and which developing countries it excludes.

Indonesia imposes a safeguard measure (a safeguard duty or a quota) on goods
named by their HS codes, for a period, and excludes from it the goods of
developing countries that the act imposing it names. Under MoTR 16/2024 Art
2(3) a non-preferential certificate of origin serves exactly there: to show
that goods within a measure's scope come from a country the measure excludes.

roo ships no measures: they change with every act that imposes, extends or
ends one. The caller supplies a table, in Python or as JSON in the format
``roo.safeguard/1`` (in a context under ``safeguard_measures``, or as its own
file for ``roo evaluate --safeguards``)::

    {
      "format": "roo.safeguard/1",
      "source": "where the rows come from",
      "measures": [
        {"reference": "the act imposing the measure",
         "hs_codes": ["6907.21", "6907.22"],
         "excluded_countries": ["PH", "TH"],
         "effective_from": "2024-10-01",
         "effective_until": "2027-09-30",
         "description": "ceramic tiles"}
      ]
    }

``hs_codes`` are chapters, headings, subheadings or national tariff lines (2
to 10 digits, dots and spaces allowed): a measure covers every code that
begins with one of them. An item's code is compared by its digits (:func:`hs_digits`): dots, spaces,
dashes, a comma between the groups of digits, a leading ``HS`` label and a
leading ``ex`` (a part of the code that follows) are read; a code printed any
other way cannot be compared, and the table then tells nothing of it:
:meth:`SafeguardTable.covering` and :meth:`SafeguardTable.may_cover` give no
measure, and a caller must not read that as "outside every measure" (check
:func:`hs_digits` first).

``excluded_countries`` are ISO 3166-1 alpha-2 codes
(it may be empty: a measure that excludes no one). ``effective_until`` is the
measure's last day, inclusive; left out, the measure has no end date.

:meth:`SafeguardTable.covering` answers from an index of the table's codes,
so looking up an item costs the same whatever the table's size.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date
from typing import IO, Any, Final, final

import attrs

from . import codec
from ._frozen import FrozenMap
from ._json import table_document
from .errors import InvalidSafeguardTable as InvalidSafeguardTable
from .locale import N_
from .model.hs import normalize_hs

__all__ = [
    "FORMAT",
    "InvalidSafeguardTable",
    "SafeguardMeasure",
    "SafeguardTable",
    "load_safeguards",
    "hs_digits",
    "verdict_words",
]

FORMAT: Final = "roo.safeguard/1"

_COUNTRY: Final = re.compile(r"[A-Z]{2}\Z")
_HS: Final = re.compile(r"[0-9]{2,10}\Z")


#: What may precede an item's HS code and still leave it comparable: an ``HS`` (or ``HS code``) label, and ``ex``
#: (the goods are part of the code that follows, so within it).
_HS_LABEL: Final = re.compile(r"(?:h\.?\s?s\.?(?:\s*code)?\s*(?:no\.?)?\s*:?\s*)?(?:ex(?=[\s.0-9])\.?\s*)?", re.IGNORECASE)
_HS_GROUPS: Final = re.compile(r"([.,\- ])")


def hs_digits(printed: str) -> str | None:
    """The digits of an item's HS code when the print leaves no doubt what they are, else None.

    Digits alone, or a chapter or heading whose further groups of digits are set off by one separator, the
    same throughout: a dot, space, dash or comma (``6907.21.10``, ``6907 21``, ``6907,21``). Each group after
    the first has two digits; after a dot the last may have up to four (a national tariff line: ``6907.21.1000``)
    and the first may be a chapter (``69.07``), where a space, dash or comma may as well separate two codes
    (``69,70``). Anything else cannot be compared: words, two codes (``6907, 6908``, ``6907 6908``), a range
    (``6907.21-6907.22``).

    >>> hs_digits("6907.21"), hs_digits("HS 6907.21"), hs_digits("ex 6907.21"), hs_digits("6907,21")
    ('690721', '690721', '690721', '690721')
    >>> hs_digits("6907.21 / 6907.22") is None, hs_digits("6907, 6908") is None, hs_digits("tiles") is None
    (True, True, True)
    """
    rest = printed.strip()
    label = _HS_LABEL.match(rest)
    if label is not None:
        rest = rest[label.end() :]
    parts = _HS_GROUPS.split(rest)
    groups, separators = parts[0::2], parts[1::2]
    if not all(group.isascii() and group.isdigit() for group in groups):
        return None
    if len(groups) > 1 and not (
        2 <= len(groups[0]) <= 4
        and len(set(separators)) == 1
        and all(len(group) == 2 for group in groups[1:-1])
        and (len(groups[-1]) == 2 or (separators[0] == "." and 3 <= len(groups[-1]) <= 4))
        and (separators[0] == "." or len(groups[0]) == 4)
    ):
        return None
    digits = "".join(groups)
    return digits if 2 <= len(digits) <= 12 else None


def _hs_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The codes as digits only (``"6907.21"`` -> ``"690721"``)."""
    return tuple(normalize_hs(code) for code in codes)


def _faults(measure: SafeguardMeasure) -> list[str]:
    """Every fault of a measure, each naming its field."""
    faults: list[str] = []
    if not measure.reference.strip():
        faults.append("reference: name the act that imposes the measure")
    if not measure.hs_codes:
        faults.append("hs_codes: a measure covers at least one HS code")
    faults.extend(f"hs_codes: {code!r} is not an HS code of 2 to 10 digits" for code in measure.hs_codes if not _HS.match(code))
    faults.extend(
        f"excluded_countries: {country!r} is not an ISO 3166-1 alpha-2 country code"
        for country in measure.excluded_countries
        if not _COUNTRY.match(country)
    )
    if measure.effective_until is not None and measure.effective_until < measure.effective_from:
        faults.append(
            f"effective_until: {measure.effective_until.isoformat()} is before effective_from "
            f"{measure.effective_from.isoformat()}"
        )
    return faults


@final
@attrs.frozen
class SafeguardMeasure:
    """One safeguard measure: the goods it covers, its period, and the countries whose goods it excludes."""

    reference: str
    hs_codes: tuple[str, ...] = attrs.field(converter=_hs_codes)
    excluded_countries: tuple[str, ...]
    effective_from: date
    effective_until: date | None = None
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        faults = _faults(self)
        if faults:
            raise ValueError("; ".join(faults))

    def in_force(self, on: date) -> bool:
        """Whether the measure applies on ``on`` (from its first day to its last, both included)."""
        return self.effective_from <= on and (self.effective_until is None or on <= self.effective_until)

    def excludes(self, country: str) -> bool:
        """Whether the measure excludes goods from ``country`` (an ISO code)."""
        return country.strip().upper() in self.excluded_countries


def _check_format(_: object, __: object, value: str) -> None:
    if value != FORMAT:
        raise ValueError(f"format: expected {FORMAT!r}, got {value!r}")


def _index(measures: tuple[SafeguardMeasure, ...], *, prefixes: bool) -> FrozenMap[tuple[int, ...]]:
    """Each HS code of the table (or, with ``prefixes``, each shorter code it begins with) -> measure positions."""
    index: dict[str, list[int]] = {}
    for position, measure in enumerate(measures):
        keys = {
            code[:length]
            for code in measure.hs_codes
            for length in (range(2, len(code)) if prefixes else (len(code),))
        }
        for key in keys:
            index.setdefault(key, []).append(position)
    return FrozenMap.adopt({key: tuple(positions) for key, positions in index.items()})


@final
@attrs.frozen
class SafeguardTable:
    """The safeguard measures a caller knows of (see the module's docstring for the JSON form)."""

    measures: tuple[SafeguardMeasure, ...] = ()
    source: str | None = None
    format: str = attrs.field(default=FORMAT, validator=_check_format)
    _by_code: FrozenMap[tuple[int, ...]] = attrs.field(init=False, eq=False, repr=False)
    _by_prefix: FrozenMap[tuple[int, ...]] = attrs.field(init=False, eq=False, repr=False)
    _longest: int = attrs.field(init=False, eq=False, repr=False)

    @_by_code.default
    def _build_index(self) -> FrozenMap[tuple[int, ...]]:
        return _index(self.measures, prefixes=False)

    @_by_prefix.default
    def _build_prefix_index(self) -> FrozenMap[tuple[int, ...]]:
        return _index(self.measures, prefixes=True)

    @_longest.default
    def _longest_code(self) -> int:
        return max((len(code) for code in self._by_code), default=0)

    def in_force(self, on: date) -> tuple[SafeguardMeasure, ...]:
        """The measures in force on ``on``: those that might cover goods whose code cannot be read."""
        return tuple(measure for measure in self.measures if measure.in_force(on))

    def covering(self, hs_code: str, on: date) -> tuple[SafeguardMeasure, ...]:
        """The measures in force on ``on`` whose scope includes ``hs_code`` (as printed, read by :func:`hs_digits`).

        A code that cannot be read gives no measure: it does not show that none covers the goods.

        >>> table = SafeguardTable((SafeguardMeasure("Act 1", ("6907",), ("TH",), date(2024, 1, 1)),))
        >>> [m.reference for m in table.covering("6907.21", date(2024, 6, 1))]
        ['Act 1']
        >>> table.covering("6908.10", date(2024, 6, 1))
        ()
        """
        digits = hs_digits(hs_code)
        if digits is None:
            return ()
        positions: dict[int, None] = {}
        for length in range(2, min(len(digits), self._longest) + 1):
            for position in self._by_code.get(digits[:length], ()):
                positions[position] = None
        return tuple(
            self.measures[position] for position in sorted(positions) if self.measures[position].in_force(on)
        )

    def may_cover(self, hs_code: str, on: date) -> tuple[SafeguardMeasure, ...]:
        """The measures in force on ``on`` that name a code more precise than ``hs_code`` and within it.

        A certificate that prints ``6907`` cannot tell whether its goods fall
        under a measure on ``6907.21`` only. A code that cannot be read gives no measure, as for :meth:`covering`.
        """
        digits = hs_digits(hs_code)
        if digits is None:
            return ()
        positions = self._by_prefix.get(digits, ())
        return tuple(self.measures[position] for position in positions if self.measures[position].in_force(on))

    def to_dict(self) -> dict[str, Any]:
        """The table in its JSON form; ``load_safeguards(table.to_dict()) == table``."""
        data: dict[str, Any] = codec.unstructure(self)
        return data


def load_safeguards(source: Mapping[str, Any] | str | os.PathLike[str] | IO[str] | IO[bytes]) -> SafeguardTable:
    """A safeguard-measure table from parsed JSON, a path to a JSON file, or an open file.

    Raises :class:`InvalidSafeguardTable` listing every problem with its JSON
    path (``measures[2]: hs_codes: ...``); a missing file raises the usual ``OSError``.
    """
    data = table_document(source, InvalidSafeguardTable)
    return codec.structure(data, SafeguardTable, InvalidSafeguardTable)



# --- what a verdict means, for reports ------------------------------------------------------------------------

#: The scheme whose verdicts answer the safeguard question rather than the preference one.
SAFEGUARD_SCHEME: Final = "ID-MOTR-16-2024"


@final
@attrs.frozen
class VerdictWords:
    """How reports name an item's verdict for a scheme: a column heading, a phrase and a short word per verdict.

    Each is an English msgid of roo's catalogue: a report in another language shows it translated
    (``roo.locale.frame.Labels._``)."""

    heading: str
    granted: str
    denied: str
    short_granted: str
    short_denied: str
    #: Leads "... to N of M items" in a summary.
    granted_to: str

    def of(self, granted: bool) -> str:
        """The short word for a granted (True) or denied (False) item, as a table cell shows it."""
        return self.short_granted if granted else self.short_denied


PREFERENCE_WORDS: Final = VerdictWords(
    N_("Preference"),
    N_("preferential treatment given"),
    N_("preferential treatment not given"),
    N_("granted"),
    N_("denied"),
    N_("preference granted"),
)
#: Under MoTR 16/2024 a granted item is one the COO can exclude from a safeguard measure (Art 2(3)): no tariff
#: preference is at stake.
SAFEGUARD_WORDS: Final = VerdictWords(
    N_("Safeguard exclusion"),
    N_("safeguard exclusion can apply"),
    N_("safeguard exclusion cannot apply"),
    N_("can apply"),
    N_("cannot apply"),
    N_("the safeguard exclusion can apply"),
)


def verdict_words(scheme: str | None) -> VerdictWords:
    """What a granted or denied item means for ``scheme`` (a scheme id), in the words reports show."""
    return SAFEGUARD_WORDS if scheme == SAFEGUARD_SCHEME else PREFERENCE_WORDS
