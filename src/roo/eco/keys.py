"""The two data elements an importer enters in NACCS to reach an e-CO (JIEPA e-CO arrangement §4(b), §5).

Japan Customs' NACCS finds an e-CO received from Indonesia's issuing body by
(i) the e-CO certification number and (ii) the first invoice number, in full,
of the first item entered in the e-CO. roo takes the certification number
from the CO's reference number and the invoice number from the first item as
listed (the order of entry), exactly as printed apart from surrounding
spaces: "in full digits" means no shortening, so nothing inside is changed.
"""

from __future__ import annotations

from typing import NamedTuple

from .._exact import exact
from ..errors import InvalidCertificate, Problem
from ..model.certificate import Certificate


class AccessKeys(NamedTuple):
    """What the importer types into NACCS; a tuple ``(certification_number, first_invoice_number)``."""

    certification_number: str
    first_invoice_number: str


@exact
def access_keys(co: Certificate) -> AccessKeys:
    """The NACCS access keys of ``co``.

    Raises :class:`roo.InvalidCertificate` naming the missing field when the
    CO lacks a reference number or its first item lacks an invoice number.
    """
    problems: list[Problem] = []
    number = (co.reference_number or "").strip()
    if not number:
        problems.append(Problem("reference_number", "the e-CO certification number is missing"))
    first = co.items[0] if co.items else None
    invoice = (first.invoice.number if first is not None and first.invoice is not None else "").strip()
    if not invoice:
        problems.append(Problem("items[0].invoice.number", "the first item has no invoice number"))
    if problems:
        raise InvalidCertificate(problems)
    return AccessKeys(number, invoice)
