"""Due dates of an origin verification, from the date receipt of a request was confirmed.

* **AJCEP** (IR 14): communications go through the focal points with
  confirmation of receipt; the period for the exporting Party's response to a
  verification request (OCP Rules 6 and 7) runs from the date receipt of the
  request was confirmed (IR 14(c)); the period for the importing customs'
  written determination (OCP Rule 8(3)) runs from confirmation of receipt of
  the information last provided (IR 14(d)). The lengths of those periods are
  in Annex 4, which roo's sources could not confirm: they are dated
  parameters marked unverified, and a period with no value is reported as
  needing one instead of being guessed.
* **JIEPA** (Arts 43, 44): the exporting Party replies to a request for
  checking within 6 months and to a request for additional information within
  4 months; a verification visit is requested in writing at least 40 days
  ahead, accepted or refused within 30 days of the request, and its findings
  are given within 45 days of the last day of the visit.

Every period is a parameter (``roo.params``), so a Party's change, or a
caller's correction, is data. Month arithmetic follows :mod:`roo.dates`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final, final

import attrs

from . import params
from ._frozen import EMPTY
from .dates import add_days, add_months
from .model.certificate import Scheme


@final
@attrs.frozen
class Deadline:
    """One due date: what is due, by when, under which rule; ``due`` None when the period is not known."""

    name: str
    due: date | None
    rule: str
    description: str
    verified: bool = True
    needed: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "due": self.due.isoformat() if self.due else None,
            "rule": self.rule,
            "description": self.description,
            "verified": self.verified,
            "needed": list(self.needed),
        }


_AJCEP_REPLY: Final = "ajcep.verification.reply_months"
_AJCEP_ADDITIONAL: Final = "ajcep.verification.additional_info_months"
_AJCEP_DETERMINATION: Final = "ajcep.verification.determination_months"
_JIEPA_REPLY: Final = "jiepa.verification.reply_months"
_JIEPA_ADDITIONAL: Final = "jiepa.verification.additional_info_months"
_JIEPA_NOTICE: Final = "jiepa.visit.notice_days"
_JIEPA_ACCEPT: Final = "jiepa.visit.accept_days"
_JIEPA_REPORT: Final = "jiepa.visit.report_days"


def _period(name: str, start: date, overrides: Mapping[str, Any]) -> int | None:
    try:
        return _count(params.value(name, start, overrides))
    except params.ParameterNotInForce:
        return None
    except params.UnknownParameter:
        # Periods roo has no figure for (IR 14(d)) are not packaged; a caller may still supply one.
        raw = overrides.get(name)
        return None if raw is None else _count(int(str(raw)))


def _months(name: str, start: date, overrides: Mapping[str, Any]) -> tuple[date | None, bool]:
    months = _period(name, start, overrides)
    if months is None:
        return None, False
    return add_months(start, months), _verified(name, start, overrides)


def _days(name: str, start: date, sign: int, overrides: Mapping[str, Any]) -> tuple[date | None, bool]:
    days = _period(name, start, overrides)
    if days is None:
        return None, False
    return add_days(start, sign * days), _verified(name, start, overrides)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a period parameter must be a whole number, got {value!r}")
    return value


def _verified(name: str, on: date, overrides: Mapping[str, Any]) -> bool:
    if name in overrides:
        return True  # the caller vouches for its own value
    parameter = params.get(name)
    return parameter.verified and parameter.entry_on(on).verified


def verification_deadlines(
    scheme: Scheme | str,
    receipt_confirmed: date,
    *,
    overrides: Mapping[str, Any] = EMPTY,
) -> tuple[Deadline, ...]:
    """The response due after a verification request whose receipt was confirmed on ``receipt_confirmed``."""
    scheme = Scheme(scheme)
    if scheme is Scheme.AJCEP:
        due, verified = _months(_AJCEP_REPLY, receipt_confirmed, overrides)
        return (
            Deadline(
                "response",
                due,
                "AJCEP/IR/14(c)",
                "The exporting Party's response to the verification request (OCP Rules 6 and 7).",
                verified,
                () if due else (f"parameters.{_AJCEP_REPLY}",),
            ),
        )
    if scheme is Scheme.JIEPA:
        due, verified = _months(_JIEPA_REPLY, receipt_confirmed, overrides)
        return (
            Deadline(
                "response",
                due,
                "JIEPA/ART/43",
                "The exporting Party's reply to the request for checking.",
                verified,
                () if due else (f"parameters.{_JIEPA_REPLY}",),
            ),
        )
    raise ValueError(f"roo knows no verification deadlines for {scheme.value}")


def additional_information_deadline(
    scheme: Scheme | str, receipt_confirmed: date, *, overrides: Mapping[str, Any] = EMPTY
) -> Deadline:
    """When additional information requested in a verification is due, from confirmed receipt of the request."""
    scheme = Scheme(scheme)
    if scheme is Scheme.AJCEP:
        name, rule = _AJCEP_ADDITIONAL, "AJCEP/IR/14(c)"
    elif scheme is Scheme.JIEPA:
        name, rule = _JIEPA_ADDITIONAL, "JIEPA/ART/43"
    else:
        raise ValueError(f"roo knows no verification deadlines for {scheme.value}")
    due, verified = _months(name, receipt_confirmed, overrides)
    return Deadline(
        "additional_information",
        due,
        rule,
        "The reply to a request for additional information.",
        verified,
        () if due else (f"parameters.{name}",),
    )


def determination_deadline(
    last_information_confirmed: date, *, overrides: Mapping[str, Any] = EMPTY
) -> Deadline:
    """When the AJCEP importing customs' written determination is due (IR 14(d), OCP Rule 8(3))."""
    due, verified = _months(_AJCEP_DETERMINATION, last_information_confirmed, overrides)
    return Deadline(
        "determination",
        due,
        "AJCEP/IR/14(d)",
        "The written determination of origin, counted from receipt of the information last provided.",
        verified,
        () if due else (f"parameters.{_AJCEP_DETERMINATION}",),
    )


def visit_deadlines(
    *,
    planned_first_day: date | None = None,
    request_received: date | None = None,
    last_visit_day: date | None = None,
    overrides: Mapping[str, Any] = EMPTY,
) -> tuple[Deadline, ...]:
    """The dates of a JIEPA verification visit (Art 44) that follow from the dates given."""
    out: list[Deadline] = []
    if planned_first_day is not None:
        due, verified = _days(_JIEPA_NOTICE, planned_first_day, -1, overrides)
        out.append(
            Deadline(
                "latest_request",
                due,
                "JIEPA/ART/44",
                "The last day to send the written request for the visit.",
                verified,
            )
        )
    if request_received is not None:
        due, verified = _days(_JIEPA_ACCEPT, request_received, 1, overrides)
        out.append(
            Deadline("acceptance", due, "JIEPA/ART/44", "The exporting Party accepts or refuses the visit.", verified)
        )
    if last_visit_day is not None:
        due, verified = _days(_JIEPA_REPORT, last_visit_day, 1, overrides)
        out.append(
            Deadline("findings", due, "JIEPA/ART/44", "The findings of the visit are given in writing.", verified)
        )
    return tuple(out)
