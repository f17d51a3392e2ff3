"""Product-specific rules (AJCEP Annex 2, JIEPA Annex 2): a documented table format and its loader.

roo ships no Annex 2. The caller supplies a table (a parsed JSON object, or a
path or file holding one) in the format ``roo.psr/1``::

    {
      "format": "roo.psr/1",
      "scheme": "AJCEP",
      "hs_version": "HS2017",
      "source": "where the rows come from",
      "rows": [
        {"hs": "1806", "rule": "CTH or RVC 40", "de_minimis": {"percent": "7"}},
        {"hs": "1511.10", "to": "1511.90", "rule": "CC"},
        {"hs": "6403", "rule": "CTH except 6406.10 or RVC 40", "source": "row-level source"},
        {"hs": "1511.90", "rule": "CC or SP:[refining]", "hs_version": "HS2017"}
      ]
    }

A row covers the HS codes from ``hs`` to ``to`` inclusive (``to`` defaults to
``hs``); each end is a chapter (2 digits), heading (4) or subheading (6),
dots allowed, both ends of the same length. Where several rows cover a good
the narrowest range wins; two equally narrow rows make the rule ambiguous
(reported as a finding, never guessed). ``source`` and ``hs_version`` given on
the table apply to every row that does not give its own; every row must end
up with a ``source``.

``rule`` is an expression over these requirements:

* ``CC``, ``CTH``, ``CTSH``: every non-originating material changes chapter,
  heading or subheading; ``CTH except 1701, 1702.11-1702.19`` adds codes a
  material may not come from;
* ``RVC 40`` (also ``RVC 40%``, ``QVC 40``): value content of at least 40 %;
* ``SP:<process>``: the named specific process was performed (write
  ``SP:[...]`` when the name contains ``and``, ``or`` or brackets);
* ``WO``: the good is wholly obtained;

joined with ``and`` (also ``+``, ``&``) and ``or`` (also ``;``), ``and``
binding tighter, with parentheses. Each alternative the expression allows
(its disjunctive normal form) is a choice the exporter may make (AJCEP
Art 26.2). ``de_minimis`` sets the tolerance the row allows: ``percent`` and
``basis`` (``value`` of the FOB, the ``weight`` or the ``volume`` of the
good; default ``value``). Under AJCEP only a row for a good of Chapter 18 or
21 needs it (Art 28.1(b): 10 % or 7 %); under JIEPA it is the only source of
a de minimis (Art 31).
"""

from __future__ import annotations

import enum
import itertools
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import IO, Any, Final, final

import attrs

from .. import codec
from .._frozen import FrozenMap
from .._json import table_document
from ..errors import InvalidPsrTable as InvalidPsrTable
from ..errors import Problem
from ..model.certificate import Scheme
from ..model.hs import HsVersion, normalize_hs
from .decimals import plain

FORMAT: Final = "roo.psr/1"

#: More alternatives than this in one rule is a mistake in the table, not a rule.
MAX_ALTERNATIVES: Final = 64

#: Parentheses nested deeper than this in one rule are a mistake in the table, refused with a clear message.
MAX_NESTING: Final = 16


class RequirementKind(enum.StrEnum):
    """One kind of requirement a product-specific rule can set."""

    WO = "WO"
    CC = "CC"
    CTH = "CTH"
    CTSH = "CTSH"
    RVC = "RVC"
    SP = "SP"


#: Digits of the HS code that must differ for each change in tariff classification.
CTC_DIGITS: Final = {RequirementKind.CC: 2, RequirementKind.CTH: 4, RequirementKind.CTSH: 6}


class DeMinimisBasis(enum.StrEnum):
    """What a de minimis percentage is a share of."""

    VALUE = "value"
    WEIGHT = "weight"
    VOLUME = "volume"


@final
@attrs.frozen
class DeMinimis:
    """A de minimis tolerance set by a product-specific rule: ``percent`` of the good's value, weight or volume."""

    percent: Decimal
    basis: DeMinimisBasis = DeMinimisBasis.VALUE


@final
@attrs.frozen
class HsRange:
    """HS codes from ``start`` to ``end`` inclusive, each a chapter, heading or subheading (digits only)."""

    start: str
    end: str

    @property
    def low(self) -> str:
        """The first six-digit subheading covered."""
        return self.start.ljust(6, "0")

    @property
    def high(self) -> str:
        """The last six-digit subheading covered."""
        return self.end.ljust(6, "9")

    def covers(self, code: str) -> bool:
        """Whether the HS code (any length, digits) falls in the range."""
        if len(code) >= len(self.start):
            return self.start <= code[: len(self.start)] <= self.end
        return False

    def may_cover(self, code: str) -> bool:
        """Whether a code too short to tell (``"17"`` against ``1701``) might fall in the range."""
        if len(code) >= len(self.start):
            return self.covers(code)
        return self.start[: len(code)] <= code <= self.end[: len(code)]

    def __str__(self) -> str:
        start, end = dotted(self.start), dotted(self.end)
        return start if start == end else f"{start}-{end}"


def dotted(code: str) -> str:
    """A subheading as people print it (``1806.10``); chapters and headings unchanged.

    >>> dotted("180610"), dotted("1806")
    ('1806.10', '1806')
    """
    return f"{code[:4]}.{code[4:]}" if len(code) == 6 else code


@final
@attrs.frozen
class Requirement:
    """One requirement of a product-specific rule: ``CTH``, ``RVC 40``, ``SP:refining``, ``CC except 1701``."""

    kind: RequirementKind
    percent: Decimal | None = None
    process: str | None = None
    exceptions: tuple[HsRange, ...] = ()

    @property
    def is_ctc(self) -> bool:
        """Whether this is a change in tariff classification (``CC``, ``CTH``, ``CTSH``)."""
        return self.kind in CTC_DIGITS

    def __str__(self) -> str:
        if self.kind is RequirementKind.RVC:
            return f"RVC {plain(self.percent) if self.percent is not None else ''}%"
        if self.kind is RequirementKind.SP:
            return f"SP:{self.process}"
        if self.exceptions:
            return f"{self.kind.value} except {', '.join(str(r) for r in self.exceptions)}"
        return self.kind.value


@final
@attrs.frozen
class AllOf:
    """Every part must be met."""

    parts: tuple[Expression, ...]


@final
@attrs.frozen
class AnyOf:
    """Any one part suffices; the exporter chooses."""

    parts: tuple[Expression, ...]


Expression = Requirement | AllOf | AnyOf

#: One way of meeting a rule: requirements that must all be met.
Alternative = tuple[Requirement, ...]


@final
@attrs.frozen
class ProductRule:
    """One row of a product-specific rule table, parsed."""

    hs: HsRange
    text: str
    expression: Expression
    alternatives: tuple[Alternative, ...]
    source: str
    hs_version: HsVersion | None = None
    de_minimis: DeMinimis | None = None
    note: str | None = None
    row: int = 0

    @property
    def width(self) -> int:
        """How many subheading numbers the row spans; the narrowest row covering a good applies."""
        return int(self.hs.high) - int(self.hs.low)

    def to_dict(self) -> dict[str, Any]:
        """The row in the table format."""
        row: dict[str, Any] = {"hs": self.hs.start}
        if self.hs.end != self.hs.start:
            row["to"] = self.hs.end
        row["rule"] = self.text
        if self.de_minimis is not None:
            row["de_minimis"] = {"percent": str(self.de_minimis.percent), "basis": self.de_minimis.basis.value}
        row["source"] = self.source
        if self.hs_version is not None:
            row["hs_version"] = self.hs_version.value
        if self.note is not None:
            row["note"] = self.note
        return row


@final
@attrs.frozen
class PsrTable:
    """A product-specific rule table for one scheme, as the caller supplied it."""

    scheme: Scheme
    rules: tuple[ProductRule, ...]
    source: str | None = None
    hs_version: HsVersion | None = None
    _by_chapter: Mapping[str, tuple[ProductRule, ...]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, list[ProductRule]] = {}
        for rule in self.rules:
            for chapter in range(int(rule.hs.low[:2]), int(rule.hs.high[:2]) + 1):
                index.setdefault(f"{chapter:02d}", []).append(rule)
        object.__setattr__(self, "_by_chapter", FrozenMap({k: tuple(v) for k, v in index.items()}))

    def lookup(self, hs_code: str) -> tuple[ProductRule, ...]:
        """The narrowest rows covering ``hs_code``: none, one, or several equally narrow (ambiguous).

        >>> table = load_psr({"format": "roo.psr/1", "scheme": "AJCEP", "source": "example",
        ...                   "rows": [{"hs": "18", "rule": "CC"}, {"hs": "1806", "rule": "CTH"}]})
        >>> [r.text for r in table.lookup("1806.32")]
        ['CTH']
        """
        code = normalize_hs(hs_code)
        candidates = [r for r in self._by_chapter.get(code[:2], ()) if r.hs.covers(code)]
        if not candidates:
            return ()
        narrowest = min(r.width for r in candidates)
        return tuple(r for r in candidates if r.width == narrowest)

    def to_dict(self) -> dict[str, Any]:
        """The table in its JSON format; ``load_psr(table.to_dict()) == table``."""
        data: dict[str, Any] = {"format": FORMAT, "scheme": self.scheme.value}
        if self.hs_version is not None:
            data["hs_version"] = self.hs_version.value
        if self.source is not None:
            data["source"] = self.source
        rows = []
        for rule in self.rules:
            row = rule.to_dict()
            if row.get("source") == self.source:
                del row["source"]
            if self.hs_version is not None and row.get("hs_version") == self.hs_version.value:
                del row["hs_version"]
            rows.append(row)
        data["rows"] = rows
        return data

    @staticmethod
    def structure_embedded(value: object) -> PsrTable:
        """The converter's hook for a table inside another document (a context): see :func:`structure_psr`."""
        return structure_psr(value)


# --- the JSON shape, structured by roo's converter -------------------------------------------


@final
@attrs.frozen
class PsrDeMinimisData:
    """The de minimis tolerance a row allows, as written."""

    percent: Decimal
    basis: DeMinimisBasis = DeMinimisBasis.VALUE


@final
@attrs.frozen
class PsrRowData:
    """One row of a roo.psr/1 table, as written."""

    hs: str
    rule: str
    to: str | None = None
    de_minimis: PsrDeMinimisData | None = None
    source: str | None = None
    hs_version: HsVersion | None = None
    note: str | None = None


@final
@attrs.frozen
class PsrTableData:
    """A roo.psr/1 product-specific rule table, as written."""

    format: str
    scheme: Scheme
    rows: tuple[PsrRowData, ...]
    source: str | None = None
    hs_version: HsVersion | None = None
    description: str | None = None


# --- the rule expression parser ---------------------------------------------------------------

_OR: Final = re.compile(r"\s*(?:;|\bor\b)\s*", re.IGNORECASE)
_AND: Final = re.compile(r"\s*(?:\+|&|\band\b)\s*", re.IGNORECASE)
_CTC: Final = re.compile(r"(CTSH|CTH|CC)\b", re.IGNORECASE)
_EXCEPT: Final = re.compile(r"\s+except\b\s*(?:from\s+)?", re.IGNORECASE)
_HS_ITEM: Final = re.compile(r"([0-9][0-9.]*)(?:\s*-\s*([0-9][0-9.]*))?")
_LIST_SEPARATOR: Final = re.compile(r"\s*,\s*(?=[0-9])")
_RVC: Final = re.compile(r"(?:RVC|QVC)\s*(\d{1,3}(?:\.\d+)?)\s*%?", re.IGNORECASE)
_SP: Final = re.compile(r"SP\s*:\s*", re.IGNORECASE)
#: Characters that end an unbracketed process name (the operators and a closing parenthesis).
_SP_STOP: Final = frozenset(";)+&")
#: Words that end an unbracketed process name when whitespace comes before them.
_SP_STOP_WORDS: Final = ("and", "or")
_WO: Final = re.compile(r"WO\b", re.IGNORECASE)


def hs_range(start: str, end: str | None = None) -> HsRange:
    """An :class:`HsRange` from printed codes; raises ``ValueError`` naming the fault.

    >>> str(hs_range("1702.11", "1702.19"))
    '1702.11-1702.19'
    """
    low = normalize_hs(start)
    high = normalize_hs(end) if end is not None else low
    for code in (low, high):
        if not (code.isascii() and code.isdigit()) or len(code) not in (2, 4, 6):
            raise ValueError(f"an HS chapter, heading or subheading is 2, 4 or 6 digits, got {code!r}")
    if len(low) != len(high):
        raise ValueError(f"both ends of an HS range have the same number of digits, got {low!r} and {high!r}")
    if low > high:
        raise ValueError(f"an HS range runs from the lower code to the higher, got {low!r} to {high!r}")
    return HsRange(low, high)


class _Parser:
    """Recursive descent over one rule expression."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def fail(self, expected: str) -> ValueError:
        rest = self.text[self.pos :].strip()
        where = f"at {rest[:20]!r}" if rest else "at the end"
        return ValueError(f"expected {expected} {where} in rule {_clip(self.text)}")

    def parse(self) -> Expression:
        expression = self.expression()
        self.skip()
        if self.pos != len(self.text):
            raise self.fail("'and', 'or' or the end")
        return expression

    def expression(self) -> Expression:
        parts = [self.term()]
        while match := _OR.match(self.text, self.pos):
            self.pos = match.end()
            parts.append(self.term())
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def term(self) -> Expression:
        parts = [self.factor()]
        while match := _AND.match(self.text, self.pos):
            self.pos = match.end()
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def factor(self) -> Expression:
        self.skip()
        if self.text.startswith("(", self.pos):
            self.pos += 1
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise ValueError(f"parentheses nested more than {MAX_NESTING} deep in rule {_clip(self.text)}")
            inner = self.expression()
            self.depth -= 1
            self.skip()
            if not self.text.startswith(")", self.pos):
                raise self.fail("')'")
            self.pos += 1
            return inner
        return self.requirement()

    def requirement(self) -> Requirement:
        if match := _CTC.match(self.text, self.pos):
            self.pos = match.end()
            kind = RequirementKind(match.group(1).upper())
            return Requirement(kind, exceptions=self.exceptions())
        if match := _RVC.match(self.text, self.pos):
            self.pos = match.end()
            percent = Decimal(match.group(1))
            if not 0 < percent <= 100:
                raise ValueError(f"an RVC threshold is a percentage above 0 and at most 100, got {percent}")
            return Requirement(RequirementKind.RVC, percent=percent)
        if match := _SP.match(self.text, self.pos):
            self.pos = match.end()
            return Requirement(RequirementKind.SP, process=self.process())
        if match := _WO.match(self.text, self.pos):
            self.pos = match.end()
            return Requirement(RequirementKind.WO)
        raise self.fail("CC, CTH, CTSH, RVC <percent>, SP:<process> or WO")

    def exceptions(self) -> tuple[HsRange, ...]:
        match = _EXCEPT.match(self.text, self.pos)
        if not match:
            return ()
        self.pos = match.end()
        found: list[HsRange] = []
        while True:
            item = _HS_ITEM.match(self.text, self.pos)
            if not item:
                raise self.fail("an HS code or range after 'except'")
            found.append(hs_range(item.group(1).rstrip("."), item.group(2).rstrip(".") if item.group(2) else None))
            self.pos = item.end()
            separator = _LIST_SEPARATOR.match(self.text, self.pos)
            if not separator:
                return tuple(found)
            self.pos = separator.end()

    def process(self) -> str:
        if self.text.startswith("[", self.pos):
            close = self.text.find("]", self.pos)
            if close < 0:
                raise self.fail("']' closing the process name")
            name = self.text[self.pos + 1 : close].strip()
            self.pos = close + 1
        else:
            stop = _process_end(self.text, self.pos)
            name = self.text[self.pos : stop].strip()
            self.pos = stop
        if not name:
            raise ValueError(f"SP: names no process in rule {_clip(self.text)}")
        return name


def _process_end(text: str, start: int) -> int:
    """Where an unbracketed process name that starts at ``start`` ends, in one pass (linear time).

    The name runs to the first ``;``, ``)``, ``+`` or ``&``, to whitespace followed by the word ``and`` or
    ``or``, or to the end. A scan rather than a regular-expression search: a search restarted at every
    position re-reads each run of whitespace, which is quadratic in its length.

    >>> text = "SP:spinning and weaving"
    >>> text[3:_process_end(text, 3)]
    'spinning'
    """
    length = len(text)
    index = start
    while index < length:
        char = text[index]
        if char in _SP_STOP:
            return index
        if char.isspace():
            after = index
            while after < length and text[after].isspace():
                after += 1
            if any(_word_at(text, after, word) for word in _SP_STOP_WORDS):
                return index
            index = after
            continue
        index += 1
    return length


def _word_at(text: str, index: int, word: str) -> bool:
    """Whether ``word`` (any case) stands at ``index`` as a whole word."""
    end = index + len(word)
    if text[index:end].lower() != word:
        return False
    return end == len(text) or not (text[end].isalnum() or text[end] == "_")


def _clip(text: str, limit: int = 80) -> str:
    """A rule's text for a message, cut to ``limit`` characters."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f" (+{len(text) - limit} characters)"


def parse_rule(text: str) -> Expression:
    """Parse a rule expression; raises ``ValueError`` saying what was expected where.

    >>> [str(part) for part in parse_rule("CTH except 1701 or RVC 40").parts]
    ['CTH except 1701', 'RVC 40%']
    """
    if not text.strip():
        raise ValueError("the rule is empty")
    return _Parser(text).parse()


def alternatives(expression: Expression) -> tuple[Alternative, ...]:
    """The ways of meeting ``expression`` (its disjunctive normal form), each a tuple of requirements.

    >>> [" + ".join(map(str, a)) for a in alternatives(parse_rule("(CTH or CTSH) and RVC 40 or SP:[refining]"))]
    ['CTH + RVC 40%', 'CTSH + RVC 40%', 'SP:refining']
    """
    if isinstance(expression, Requirement):
        return ((expression,),)
    if isinstance(expression, AnyOf):
        found: dict[Alternative, None] = {}
        for part in expression.parts:
            found.update(dict.fromkeys(alternatives(part)))
            if len(found) > MAX_ALTERNATIVES:
                raise ValueError(f"the rule allows more than {MAX_ALTERNATIVES} alternatives")
        return tuple(found)
    combined: list[Alternative] = [()]
    for part in expression.parts:
        combined = [
            tuple(dict.fromkeys(left + right)) for left, right in itertools.product(combined, alternatives(part))
        ]
        if len(combined) > MAX_ALTERNATIVES:
            raise ValueError(f"the rule allows more than {MAX_ALTERNATIVES} alternatives")
    return tuple(dict.fromkeys(combined))


# --- loading ----------------------------------------------------------------------------------


def load_psr(source: Mapping[str, Any] | str | os.PathLike[str] | IO[str] | IO[bytes]) -> PsrTable:
    """A product-specific rule table from parsed JSON, a path to a JSON file, or an open file.

    Numbers in a file are read as exact decimals. Raises
    :class:`InvalidPsrTable` listing every problem with its JSON path
    (``rows[3].rule: expected ...``); a missing file raises the usual ``OSError``.
    """
    data = table_document(source, InvalidPsrTable)
    raw = codec.structure(data, PsrTableData, InvalidPsrTable)
    problems: list[Problem] = []
    if raw.format != FORMAT:
        problems.append(Problem("format", f"expected {FORMAT!r}, got {raw.format!r}", raw.format))
    if raw.scheme not in (Scheme.AJCEP, Scheme.JIEPA):
        problems.append(Problem("scheme", "product-specific rule tables exist for AJCEP and JIEPA", raw.scheme.value))
    rules: list[ProductRule] = []
    for index, row in enumerate(raw.rows):
        where = f"rows[{index}]"
        try:
            span = hs_range(row.hs, row.to)
        except ValueError as error:
            problems.append(Problem(f"{where}.hs", str(error), row.hs))
            continue
        try:
            expression = parse_rule(row.rule)
            ways = alternatives(expression)
        except ValueError as error:
            problems.append(Problem(f"{where}.rule", str(error), row.rule))
            continue
        source_text = row.source if row.source is not None else raw.source
        if source_text is None or not source_text.strip():
            problems.append(Problem(f"{where}.source", "every row needs a source (on the row or the table)"))
            continue
        de_minimis = None
        if row.de_minimis is not None:
            if not 0 <= row.de_minimis.percent <= 100:
                problems.append(
                    Problem(f"{where}.de_minimis.percent", "a percentage from 0 to 100", str(row.de_minimis.percent))
                )
                continue
            de_minimis = DeMinimis(row.de_minimis.percent, row.de_minimis.basis)
        rules.append(
            ProductRule(
                hs=span,
                text=row.rule,
                expression=expression,
                alternatives=ways,
                source=source_text,
                hs_version=row.hs_version if row.hs_version is not None else raw.hs_version,
                de_minimis=de_minimis,
                note=row.note,
                row=index,
            )
        )
    if problems:
        raise InvalidPsrTable(problems)
    return PsrTable(scheme=raw.scheme, rules=tuple(rules), source=raw.source, hs_version=raw.hs_version)



def structure_psr(value: object, _: object = None) -> PsrTable:
    """A converter hook: a ``roo.psr/1`` table inside another document (e.g. a context) as a :class:`PsrTable`."""
    if isinstance(value, PsrTable):
        return value
    if not isinstance(value, Mapping):
        raise ValueError("expected a product-specific rule table (a JSON object)")
    return load_psr(value)


def unstructure_psr(table: PsrTable) -> dict[str, Any]:
    """A converter hook: a :class:`PsrTable` as its ``roo.psr/1`` JSON."""
    return table.to_dict()
