"""Electronic certificates of origin: NACCS access keys, copy comparison, partial use, tamper evidence, messages.

``roo.eco`` serves the JIEPA e-CO exchange between Indonesia's issuing body
and Japan Customs (NACCS), and any e-CO that roo can load.
"""

from ..context import Drawdown
from .compare import Discrepancy, Materiality, compare
from .digest import canonical, digest
from .keys import AccessKeys, access_keys
from .ledger import ItemBalance, balances, check_drawdowns
from .messages import (
    CancellationMessage,
    CoDataMessage,
    Direction,
    Envelope,
    InvalidMessage,
    Message,
    ReceiptConfirmation,
    ReplacementMessage,
    dump_message,
    load_message,
)
from .verify import (
    CertificateState,
    Fragment,
    IssuingAuthority,
    Signatory,
    SignatureCheck,
    StatusRecord,
    Validity,
    Verification,
    verify,
)

__all__ = [
    "AccessKeys",
    "CancellationMessage",
    "CertificateState",
    "CoDataMessage",
    "Direction",
    "Discrepancy",
    "Drawdown",
    "Envelope",
    "Fragment",
    "InvalidMessage",
    "IssuingAuthority",
    "ItemBalance",
    "Materiality",
    "Message",
    "ReceiptConfirmation",
    "ReplacementMessage",
    "Signatory",
    "SignatureCheck",
    "StatusRecord",
    "Validity",
    "Verification",
    "access_keys",
    "balances",
    "canonical",
    "check_drawdowns",
    "compare",
    "digest",
    "dump_message",
    "load_message",
    "verify",
]
