"""Typed data-exchange messages between issuing bodies and customs (CO interconnectivity)."""

from __future__ import annotations

from typing import Any

import pytest

from roo.eco import (
    CancellationMessage,
    CoDataMessage,
    Direction,
    InvalidMessage,
    ReceiptConfirmation,
    ReplacementMessage,
    dump_message,
    load_message,
)
from tests.builders import certificate_data


def envelope(direction: str = "ID->JP") -> dict[str, Any]:
    """A message envelope."""
    sender, receiver = ("Ministry of Trade of Indonesia", "Japan Customs")
    if direction == "JP->ID":
        sender, receiver = receiver, sender
    return {"message_id": "MSG-0001", "direction": direction, "sender": sender, "receiver": receiver, "sent_on": "2024-03-05"}


JP_CO = certificate_data(
    scheme="JIEPA", medium="electronic", copy=None, exporting_party="JP", importing_party="ID", reference_number="JP-1"
)
ID_CO = certificate_data(scheme="JIEPA", medium="electronic", copy=None)

MESSAGES = [
    pytest.param({"type": "co_data", "envelope": envelope(), "certificate": ID_CO}, CoDataMessage, id="co-data-id-jp"),
    pytest.param(
        {"type": "co_data", "envelope": envelope("JP->ID"), "certificate": JP_CO}, CoDataMessage, id="co-data-jp-id"
    ),
    pytest.param(
        {"type": "receipt", "envelope": envelope("JP->ID"), "refers_to": "MSG-0001", "accepted": False,
         "reasons": ["items[0].hs_code: not six digits"]},
        ReceiptConfirmation,
        id="receipt",
    ),
    pytest.param(
        {"type": "cancellation", "envelope": envelope(), "reference_number": "ID/2024/AJ/000123",
         "cancelled_on": "2024-03-07", "reason": "issued in error"},
        CancellationMessage,
        id="cancellation",
    ),
    pytest.param(
        {"type": "replacement", "envelope": envelope(), "replaces": "ID/2024/AJ/000100", "certificate": ID_CO},
        ReplacementMessage,
        id="replacement",
    ),
]


@pytest.mark.parametrize(("data", "cls"), MESSAGES)
def test_messages_round_trip(data: dict[str, Any], cls: type[Any]) -> None:
    """Each message type loads to its class and dumps back to the same message."""
    message = load_message(data)
    assert cls is type(message)
    assert message == load_message(dump_message(message))


def test_direction_names_the_parties() -> None:
    """ID->JP: Indonesia's issuing body sends, Japan Customs receives."""
    assert ("ID", "JP") == (Direction.ID_TO_JP.exporting_party, Direction.ID_TO_JP.importing_party)


@pytest.mark.parametrize(
    ("data", "paths"),
    [
        pytest.param(None, ["$"], id="not-an-object"),
        pytest.param({"type": "fax"}, ["type"], id="unknown-type"),
        pytest.param(
            {"type": "co_data", "envelope": envelope(), "certificate": JP_CO},
            ["certificate.exporting_party"],
            id="co-from-the-wrong-party",
        ),
        pytest.param(
            {"type": "cancellation", "envelope": {**envelope(), "sent_on": "yesterday"}, "reference_number": "X",
             "cancelled_on": "2024-03-07"},
            ["envelope.sent_on"],
            id="bad-date",
        ),
    ],
)
def test_malformed_messages_list_their_problems(data: Any, paths: list[str]) -> None:
    """Malformed messages raise InvalidMessage with paths, never a traceback."""
    with pytest.raises(InvalidMessage) as error:
        load_message(data)
    assert paths == [p.path for p in error.value.problems]
