"""Box 8 of the CO: the origin criterion as printed, and its structured reading.

What the exporter writes (AJCEP form, note 3): ``"PE"`` for goods of Art 24(c),
``"WO"`` for wholly obtained goods (Art 25), ``"CTH"`` or ``"RVC"`` under the
general rule (Art 26.1), ``"CTC"``, ``"RVC"`` or ``"SP"`` under a
product-specific rule (Art 26.2), and, where they apply, ``"DMI"`` (de
minimis, Art 28) and ``"ACU"`` (accumulation, Art 29). The note prescribes
these codes and no percentage; :func:`roo.determine` writes exactly them.
``CTSH``, ``CC`` and JIEPA's ``PSR`` and ``QVC`` are read too.

What roo reads (exporters write the codes many ways): the note prescribes the
codes, not a separator, so commas, semicolons, ``+``, ``/``, ``&``, dashes,
``and``, ``or``, spaces, line breaks, quotation marks and brackets all
separate codes (``PE ACU``, ``"CTH" "DMI"``, ``RVC 40% ACU``, ``CTC (CTH)``).
A percentage beside ``RVC`` or ``QVC`` is read as the threshold the exporter
states (``RVC 40%``, ``RVC40``, ``40% RVC``, ``RVC (40 per cent)``); one above
100 makes that part unreadable. Every code may be spelt with dots, as JIEPA
writes its own (``Q.V.C.``, Art 29(4)(b)): ``Q.V.C. 40%``, ``W.O.``,
``C.T.H.``, ``D.M.I.`` read as ``QVC 40%``, ``WO``, ``CTH``, ``DMI``. The
words of the note read as their codes (``Wholly Obtained``, ``Produced
entirely from originating materials``, ``Change in Tariff Heading``,
``Regional Value Content 40%``, ``de minimis``), and so do Indonesia's
Regulation 16/2024's words for ``WO`` (``wholly obtained or produced``,
``wholly produced``).

Parsing never fails and takes time linear in the text: it is one pass that
cuts the text into words and numbers, then one pass that reads them, trying
the few fixed phrases of the note at each word. Text roo cannot read keeps
``problem`` set, and a rule turns that into a finding on the item rather than
a load error. When at least one criterion is read, parts roo cannot read
beside it are kept in ``unrecognised`` (each as printed) rather than making
the whole box unreadable: the box still states a criterion, and a rule
reports the rest for customs to look at. Only flags and no criterion
(``DMI``, ``ACU``) is a problem: a flag qualifies a criterion, it is none.
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from decimal import Decimal
from typing import Final, final

import attrs

from .phrase import Phrase


class CriterionKind(enum.StrEnum):
    """One origin criterion that can be claimed in box 8."""

    WO = "WO"
    PE = "PE"
    RVC = "RVC"
    CTH = "CTH"
    CTSH = "CTSH"
    CC = "CC"
    CTC = "CTC"
    SP = "SP"
    PSR = "PSR"


@final
@attrs.frozen
class Criterion:
    """A claimed criterion; ``percent`` is the RVC threshold printed with it, if any."""

    kind: CriterionKind
    percent: Decimal | None = None

    def __str__(self) -> str:
        if self.percent is None:
            return self.kind.value
        return f"{self.kind.value} {self.percent}%"


@final
@attrs.frozen
class OriginCriterion:
    """Box 8 as printed (``text``) with its structured reading.

    >>> OriginCriterion.parse("CTH, DMI").criteria
    (Criterion(kind=<CriterionKind.CTH: 'CTH'>, percent=None),)
    >>> OriginCriterion.parse("RVC 40%").rvc_percent
    Decimal('40')
    """

    text: str
    criteria: tuple[Criterion, ...] = ()
    de_minimis: bool = False
    accumulation: bool = False
    problem: str | None = None
    #: Parts of the box roo could not read, beside at least one criterion it could (``problem`` is then None).
    unrecognised: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> OriginCriterion:
        """Read box 8; never raises, linear in the length of ``text``."""
        if not text.strip():
            return cls(text=text, problem=Phrase("box 8 is empty"))
        criteria, flags, unknown = _Reader(text).read()
        problem: str | None = None
        # Each problem is a Phrase: its English text as always, and its words translatable around the parts.
        if unknown and not criteria:
            # TRANSLATORS: one part of box 8 roo cannot read, quoted as the language quotes printed text.
            parts = tuple(Phrase("'{part}'", {"part": t}, text=repr(t)) for t in unknown)
            problem = Phrase("unrecognised {parts}", {"parts": parts}, text="unrecognised " + ", ".join(parts))
        elif not criteria and flags:
            problem = Phrase("no origin criterion, only {flags}", {"flags": tuple(sorted(flags))})
        elif not criteria:
            problem = Phrase("no origin criterion")
        return cls(
            text=text,
            criteria=tuple(criteria),
            de_minimis="DMI" in flags,
            accumulation="ACU" in flags,
            problem=problem,
            unrecognised=tuple(unknown) if criteria else (),
        )

    # Cached: rules read these for every item, and parse() hands out one shared value per printed text.
    @functools.cached_property
    def kinds(self) -> frozenset[CriterionKind]:
        """The kinds of criterion claimed."""
        return frozenset(c.kind for c in self.criteria)

    @functools.cached_property
    def rvc_percent(self) -> Decimal | None:
        """The RVC percentage printed with an RVC claim, if any."""
        for criterion in self.criteria:
            if criterion.kind is CriterionKind.RVC and criterion.percent is not None:
                return criterion.percent
        return None

    def __str__(self) -> str:
        return self.text


# --- the reader -------------------------------------------------------------------------------------------

#: The codes of form note 3 and of JIEPA, as read (``QVC``, JIEPA's name for value content, reads as ``RVC``).
_CODES: Final = {kind.value: kind.value for kind in CriterionKind} | {"QVC": "RVC", "DMI": "DMI", "ACU": "ACU"}
_FLAGS: Final = frozenset({"DMI", "ACU"})
#: The most letters a code has (``CTSH``): a dotted abbreviation is looked for no further.
_LONGEST_CODE: Final = max(len(code) for code in _CODES)
#: Words that only join codes.
_JOINERS: Final = frozenset({"AND", "OR"})


def _phrases() -> dict[tuple[str, ...], str]:
    """Criteria and flags written out in words (form note 3 and common variants), as word tuples."""
    table: dict[tuple[str, ...], str] = {
        ("WHOLLY", "OBTAINED"): "WO",
        ("WHOLLY", "OBTAINED", "GOODS"): "WO",
        ("WHOLLY", "OBTAINED", "GOOD"): "WO",
        # Indonesia's Regulation of the Minister of Trade 16/2024 says "wholly obtained or produced".
        ("WHOLLY", "PRODUCED"): "WO",
        ("WHOLLY", "PRODUCED", "GOODS"): "WO",
        ("WHOLLY", "PRODUCED", "GOOD"): "WO",
        ("WHOLLY", "OBTAINED", "OR", "PRODUCED"): "WO",
        ("PRODUCED", "ENTIRELY"): "PE",
        ("PRODUCED", "ENTIRELY", "FROM", "ORIGINATING", "MATERIALS"): "PE",
        ("PRODUCED", "ENTIRELY", "FROM", "ORIGINATING", "MATERIAL"): "PE",
        ("SPECIFIC", "PROCESS"): "SP",
        ("SPECIFIC", "PROCESSES"): "SP",
        ("DE", "MINIMIS"): "DMI",
        ("ACCUMULATION",): "ACU",
        ("REGIONAL", "VALUE", "CONTENT"): "RVC",
        ("QUALIFYING", "VALUE", "CONTENT"): "RVC",
    }
    for preposition in ("IN", "OF"):
        table[("CHANGE", preposition, "TARIFF", "HEADING")] = "CTH"
        table[("CHANGE", preposition, "TARIFF", "SUBHEADING")] = "CTSH"
        table[("CHANGE", preposition, "CHAPTER")] = "CC"
        table[("CHANGE", preposition, "TARIFF", "CLASSIFICATION")] = "CTC"
    return table


_PHRASES: Final = _phrases()
#: A phrase that is not read where the given word follows it: "wholly obtained or produced entirely" keeps its
#: old reading, ``WO`` and ``PE``.
_NOT_BEFORE: Final[dict[tuple[str, ...], str]] = {("WHOLLY", "OBTAINED", "OR", "PRODUCED"): "ENTIRELY"}
_LONGEST_PHRASE: Final = max(len(words) for words in _PHRASES)
#: Words that may follow a number in place of the per cent sign.
_PERCENT_WORDS: Final = (("PERCENT",), ("PER", "CENT"))
#: At most this many digits before the decimal point of a percentage (``100``).
_PERCENT_DIGITS: Final = 3
#: An unreadable part is kept to this many characters: a box of megabytes is not echoed whole in findings.
MAX_SHOWN: Final = 80


def _clip(part: str) -> str:
    """An unreadable part as kept: whole, or its first :data:`MAX_SHOWN` characters and how many follow."""
    return part if len(part) <= MAX_SHOWN else f"{part[:MAX_SHOWN]}… (+{len(part) - MAX_SHOWN} characters)"


@final
@attrs.frozen
class _Token:
    """A word or a number of box 8, with where it stands in the text and whether a separator came before it."""

    kind: str  # "word" or "number"
    value: str  # a word in upper case, or a number's digits
    start: int
    end: int
    percent: bool = False  # a number followed by a per cent sign
    break_before: bool = False  # punctuation (not only space) separates it from the token before


def _dotted(text: str, start: int) -> tuple[str, int] | None:
    """A code written with a dot after each letter (``Q.V.C.``, ``W.O``) at ``start``: the code and where it ends.

    Only single letters joined by dots that spell a code or flag of :data:`_CODES` are one: anything else is
    left to be read letter by letter, as before. The scan stops after the longest code's letters, so that
    reading a box stays linear however many dotted letters it has.
    """
    length = len(text)
    letters: list[str] = []
    index = end = start
    while (
        len(letters) <= _LONGEST_CODE
        and index < length
        and text[index].isalpha()
        and not (index + 1 < length and text[index + 1].isalpha())
    ):
        letters.append(text[index])
        end = index + 1
        if end >= length or text[end] != ".":
            break
        end += 1  # the dot after the letter belongs to the abbreviation
        index = end
    code = "".join(letters).upper()
    if len(letters) < 2 or code not in _CODES:
        return None
    return code, end


def _tokens(text: str) -> list[_Token]:
    """Words (runs of letters), numbers (digits, one decimal point, an optional ``%``); the rest separates.

    A code spelt with dots (``Q.V.C.``, as Art 29(4)(b) of JIEPA writes it, or ``W.O.``) is one word, its
    dots included.
    """
    tokens: list[_Token] = []
    length = len(text)
    index = 0
    broken = False
    while index < length:
        char = text[index]
        if char.isalpha() and index + 1 < length and text[index + 1] == ".":
            dotted = _dotted(text, index)
            if dotted is not None:
                code, end = dotted
                tokens.append(_Token("word", code, index, end, break_before=broken))
                broken = False
                index = end
                continue
        if char.isalpha():
            start = index
            while index < length and text[index].isalpha():
                index += 1
            tokens.append(_Token("word", text[start:index].upper(), start, index, break_before=broken))
            broken = False
        elif "0" <= char <= "9":
            start = index
            while index < length and "0" <= text[index] <= "9":
                index += 1
            if index + 1 < length and text[index] == "." and "0" <= text[index + 1] <= "9":
                index += 1
                while index < length and "0" <= text[index] <= "9":
                    index += 1
            digits = text[start:index]
            after = index
            while after < length and text[after] == " ":
                after += 1
            percent = after < length and text[after] == "%"
            if percent:
                index = after + 1
            tokens.append(_Token("number", digits, start, index, percent=percent, break_before=broken))
            broken = False
        else:
            if not char.isspace():
                broken = True
            index += 1
    return tokens


def _percentage(digits: str) -> Decimal | None:
    """A printed percentage as an exact decimal without padding (``040.0`` -> 40), or ``None`` above 100."""
    whole, _, fraction = digits.partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    if len(whole) > _PERCENT_DIGITS:
        return None
    value = Decimal(f"{whole}.{fraction}" if fraction else whole)  # construction is exact in any context
    return value if value <= 100 else None


class _Reader:
    """One left-to-right pass over the words and numbers of box 8."""

    def __init__(self, text: str) -> None:
        # Full-width letters, digits and signs (``ＷＯ``, ``４０％``) read as their ASCII forms; spans of
        # unreadable parts point into this normalised text, which is what messages show.
        self.shown = unicodedata.normalize("NFKC", text)
        self.tokens = _tokens(self.shown)
        self.criteria: list[Criterion] = []
        self.flags: set[str] = set()
        self.unknown: list[str] = []
        self.group: tuple[int, int] | None = None  # span of the unreadable part being gathered

    def read(self) -> tuple[list[Criterion], set[str], list[str]]:
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.break_before:
                self.close()
            if token.kind == "word" and token.value in _JOINERS:
                self.close()
                index += 1
                continue
            code, after = self.code_at(index)
            if code is None and token.kind == "number" and token.percent:
                following, after_code = self.code_at(index + 1)
                if following == "RVC":  # "40% RVC": the percentage printed first
                    self.close()
                    self.claim_rvc(token, token.start, tokens[after_code - 1].end)
                    index = after_code
                    continue
            if code is None:
                self.group = (token.start, token.end) if self.group is None else (self.group[0], token.end)
                index += 1
                continue
            self.close()
            if code in _FLAGS:
                self.flags.add(code)
                index = after
            elif code == "RVC":
                index = self.rvc(after, token.start)
            else:
                self.add(Criterion(CriterionKind(code)))
                index = after
        self.close()
        return self.criteria, self.flags, self.unknown

    def code_at(self, index: int) -> tuple[str | None, int]:
        """The code (or flag) that starts at token ``index``, and the index after it; the longest phrase wins."""
        if index >= len(self.tokens) or self.tokens[index].kind != "word":
            return None, index
        for size in range(min(_LONGEST_PHRASE, len(self.tokens) - index), 0, -1):
            words = tuple(t.value if t.kind == "word" else "" for t in self.tokens[index : index + size])
            code = _PHRASES.get(words) or (_CODES.get(words[0]) if size == 1 else None)
            if code is not None and not self.followed_by(_NOT_BEFORE.get(words), index + size):
                return code, index + size
        return None, index + 1

    def followed_by(self, word: str | None, index: int) -> bool:
        """Whether token ``index`` is the word ``word`` (never, for ``None``)."""
        if word is None or index >= len(self.tokens):
            return False
        token = self.tokens[index]
        return token.kind == "word" and token.value == word

    def rvc(self, index: int, start: int) -> int:
        """An RVC claim whose code (starting at ``start``) ends before token ``index``; the index after it.

        Its percentage is the number that follows, with ``%``, ``percent`` or ``per cent`` or with none.
        """
        tokens = self.tokens
        if index >= len(tokens) or tokens[index].kind != "number":
            self.add(Criterion(CriterionKind.RVC))
            return index
        number = tokens[index]
        following = index + 1
        if (
            number.break_before
            and number.percent
            and following < len(tokens)
            and not tokens[following].break_before
            and self.code_at(following)[0] == "RVC"
        ):
            # "RVC, 40% RVC": set apart from this code and printed before the next, the percentage is the next one's
            self.add(Criterion(CriterionKind.RVC))
            return index
        after = index + 1
        if not number.percent:
            for words in _PERCENT_WORDS:
                if tuple(t.value for t in tokens[after : after + len(words)]) == words:
                    after += len(words)
                    break
        self.claim_rvc(number, start, tokens[after - 1].end)
        return after

    def claim_rvc(self, number: _Token, start: int, end: int) -> None:
        """RVC at the printed percentage or, above 100, an unreadable part as printed (``RVC 101%``)."""
        percent = _percentage(number.value)
        if percent is None:
            self.unknown.append(_clip(self.shown[start:end]))
        else:
            self.add(Criterion(CriterionKind.RVC, percent))

    def add(self, criterion: Criterion) -> None:
        if criterion not in self.criteria:
            self.criteria.append(criterion)

    def close(self) -> None:
        """End the unreadable part being gathered (at a separator, a joining word or a code)."""
        if self.group is not None:
            self.unknown.append(_clip(self.shown[self.group[0] : self.group[1]]))
            self.group = None
