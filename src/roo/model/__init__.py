"""Value objects of roo: the certificate, its items, money, quantities, HS codes and box 8."""

from roo.model.certificate import (
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
from roo.model.criterion import Criterion, CriterionKind, OriginCriterion
from roo.model.hs import HsVersion, is_six_digit_subheading, normalize_hs
from roo.model.money import Money, Quantity

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
