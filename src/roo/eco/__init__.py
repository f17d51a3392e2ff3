"""Electronic certificates of origin: NACCS access keys, copy comparison, partial use, tamper evidence, messages.

``roo.eco`` serves the JIEPA e-CO exchange between Indonesia's issuing body
and Japan Customs (NACCS), and any e-CO that roo can load.
"""

import sys
import types
from typing import TYPE_CHECKING

from ..context import Drawdown

if TYPE_CHECKING:
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
else:
    from .._lazy import lazy_names

    # The public names are imported on first use: ``import roo`` runs only what the JIEPA rules need (the
    # ledger, the comparison), not the verification, digests, keys and messages.
    _HOME = {
        "Discrepancy": "compare",
        "Materiality": "compare",
        "compare": "compare",
        "canonical": "digest",
        "digest": "digest",
        "AccessKeys": "keys",
        "access_keys": "keys",
        "ItemBalance": "ledger",
        "balances": "ledger",
        "check_drawdowns": "ledger",
        "CancellationMessage": "messages",
        "CoDataMessage": "messages",
        "Direction": "messages",
        "Envelope": "messages",
        "InvalidMessage": "messages",
        "Message": "messages",
        "ReceiptConfirmation": "messages",
        "ReplacementMessage": "messages",
        "dump_message": "messages",
        "load_message": "messages",
        "CertificateState": "verify",
        "Fragment": "verify",
        "IssuingAuthority": "verify",
        "Signatory": "verify",
        "SignatureCheck": "verify",
        "StatusRecord": "verify",
        "Validity": "verify",
        "Verification": "verify",
        "verify": "verify",
    }

    __getattr__, __dir__ = lazy_names(__name__, globals(), _HOME)

    class _Package(types.ModuleType):
        """``roo.eco`` itself: ``compare``, ``digest`` and ``verify`` name functions, not their modules.

        Importing a submodule binds it on its package; these three share their module's name, so that binding
        is left out and the name stays the function (the module is in ``sys.modules`` as ever).
        """

        def __setattr__(self, name: str, value: object) -> None:
            if isinstance(value, types.ModuleType) and _HOME.get(name) == name:
                return
            super().__setattr__(name, value)

    sys.modules[__name__].__class__ = _Package

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
