"""Messages of the CO data exchange between an issuing body and a customs administration.

Japan Customs' business process model for CO interconnectivity (Global Forum on
Origin Interconnectivity, February 2025) has the
issuing body of the exporting Party deliver CO data directly to the customs
administration of the importing Party, in both directions between Japan and
Indonesia under JIEPA (from June 2023). roo types the four messages of that
exchange:

* ``co_data`` — issuing body to customs: a certificate as issued;
* ``receipt`` — customs to issuing body: confirmation that a message was
  received, accepted or rejected with reasons;
* ``cancellation`` — issuing body to customs: a certificate was cancelled;
* ``replacement`` — issuing body to customs: a new certificate replaces an
  earlier one (AJCEP IR 5(a) / an amended CO).

Every message carries its id, type, direction, sender, receiver and date, and
loads and dumps with roo's one converter (``load_message``/``dump_message``)
with the same error paths as certificates.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import Any, Final, final

import attrs

from .. import codec
from .._exact import exact
from ..errors import InvalidMessage as InvalidMessage
from ..errors import Problem
from ..model.certificate import Certificate


class Direction(enum.StrEnum):
    """Who sends to whom."""

    ID_TO_JP = "ID->JP"
    JP_TO_ID = "JP->ID"

    @property
    def exporting_party(self) -> str:
        """The Party whose issuing body sends CO data."""
        return self.value[:2]

    @property
    def importing_party(self) -> str:
        """The Party whose customs receive CO data."""
        return self.value[-2:]


@final
@attrs.frozen
class Envelope:
    """What every message carries."""

    message_id: str
    direction: Direction
    sender: str
    receiver: str
    sent_on: date


@final
@attrs.frozen
class CoDataMessage:
    """Issuing body to customs: a certificate as issued."""

    envelope: Envelope
    certificate: Certificate
    type: str = "co_data"


@final
@attrs.frozen
class ReceiptConfirmation:
    """Customs to issuing body: the referenced message was received (and accepted, or not, with reasons)."""

    envelope: Envelope
    refers_to: str
    accepted: bool
    reasons: tuple[str, ...] = ()
    type: str = "receipt"


@final
@attrs.frozen
class CancellationMessage:
    """Issuing body to customs: a certificate was cancelled."""

    envelope: Envelope
    reference_number: str
    cancelled_on: date
    reason: str = ""
    type: str = "cancellation"


@final
@attrs.frozen
class ReplacementMessage:
    """Issuing body to customs: ``certificate`` replaces the certificate ``replaces``."""

    envelope: Envelope
    replaces: str
    certificate: Certificate
    reason: str = ""
    type: str = "replacement"


Message = CoDataMessage | ReceiptConfirmation | CancellationMessage | ReplacementMessage

MESSAGE_TYPES: Final[Mapping[str, type[Any]]] = {
    "co_data": CoDataMessage,
    "receipt": ReceiptConfirmation,
    "cancellation": CancellationMessage,
    "replacement": ReplacementMessage,
}


@exact
def load_message(data: object) -> Message:
    """A message from parsed JSON, chosen by its ``type``; raises :class:`InvalidMessage` listing every problem."""
    if not isinstance(data, Mapping):
        raise InvalidMessage([Problem("$", "expected an object")])
    kind = data.get("type")
    cls = MESSAGE_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        allowed = ", ".join(repr(k) for k in MESSAGE_TYPES)
        raise InvalidMessage([Problem("type", f"not one of {allowed}: {kind!r}")])
    message: Message = codec.structure(data, cls, InvalidMessage)
    problems: list[Problem] = []
    certificate = getattr(message, "certificate", None)
    if isinstance(certificate, Certificate):
        problems.extend(codec.check_certificate(certificate, "certificate."))
        direction = message.envelope.direction
        if certificate.exporting_party != direction.exporting_party:
            problems.append(
                Problem(
                    "certificate.exporting_party",
                    f"a {direction.value} message carries COs issued by {direction.exporting_party}, "
                    f"not {certificate.exporting_party}",
                )
            )
    if problems:
        raise InvalidMessage(problems)
    return message


@exact
def dump_message(message: Message) -> dict[str, Any]:
    """The JSON-ready form of a message; ``load_message(dump_message(m)) == m``."""
    result: dict[str, Any] = codec.unstructure(message)
    return result
