"""Value objects of roo: the certificate, its items, money, quantities, HS codes and box 8."""

from .certificate import (
    Alteration,
    AlterationMethod,
    Certificate,
    CertificateReference,
    Certification,
    Copy,
    ExporterDeclaration,
    Invoice,
    Item,
    Medium,
    Party,
    Scheme,
    Transport,
)
from .criterion import Criterion, CriterionKind, OriginCriterion
from .hs import HsVersion, is_six_digit_subheading, normalize_hs
from .money import Money, Quantity

__all__ = [
    "Alteration",
    "AlterationMethod",
    "Certificate",
    "CertificateReference",
    "Certification",
    "Copy",
    "Criterion",
    "CriterionKind",
    "ExporterDeclaration",
    "HsVersion",
    "Invoice",
    "Item",
    "Medium",
    "Money",
    "OriginCriterion",
    "Party",
    "Quantity",
    "Scheme",
    "Transport",
    "is_six_digit_subheading",
    "normalize_hs",
]
