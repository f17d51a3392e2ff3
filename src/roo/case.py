"""A case: a certificate together with the context it is presented with, read from parsed JSON or JSON text.

A case is ``{"certificate": {...}, "context": {...}}`` (the context may be left
out); a bare certificate reads as a case without a context. ``roo evaluate``
reads its files with the same function::

    co, ctx = roo.load_case(case)
    evaluation = roo.evaluate(co, ctx)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from . import codec
from ._exact import exact
from ._json import DEFAULT_LIMITS, JsonTextError, Limits, count_keys, decode, decode_counted
from .api import load, load_context
from .codec.loading import counted_certificate
from .context import Context
from .errors import InvalidCase, InvalidInput, Problem
from .model.certificate import Certificate

#: The keys of a case.
CASE_KEYS: Final = frozenset({"certificate", "context"})


def load_case(data: Mapping[str, Any] | str | bytes | bytearray | Any) -> tuple[Certificate, Context]:
    """The certificate and its context from a case (parsed JSON, or JSON text); an empty context if it has none.

    Raises :class:`roo.InvalidCase` listing every problem of the case, each path prefixed ``certificate.``
    or ``context.``; a bare certificate that is not well-formed raises :class:`roo.InvalidCertificate`, as
    :func:`roo.load` does. Text that is not JSON raises :class:`roo.InvalidCase` giving line and column.
    """
    if isinstance(data, (str, bytes, bytearray)):
        try:
            fast = read_case_text(data)
        except CaseError as error:
            raise InvalidCase(error.problems) from None
        if fast is not None:
            return fast[0], fast[1] or Context()
        try:
            data = decode(data)
        except JsonTextError as error:
            raise InvalidCase([error.problem]) from None
    if not _is_case(data):
        return load(data), Context()
    try:
        co, ctx = read_case_data(data)
    except CaseError as error:
        raise InvalidCase(error.problems) from None
    return co, ctx if ctx is not None else Context()


def _is_case(data: object) -> bool:
    return isinstance(data, Mapping) and "certificate" in data


class CaseError(Exception):
    """A document that is not a well-formed certificate or case: every problem, with its path."""

    def __init__(self, problems: Iterable[Problem], what: str) -> None:
        self.problems = tuple(problems)
        self.what = what
        super().__init__(what)


def read_case_data(data: Any, *, use_context: bool = True) -> tuple[Certificate, Context | None]:
    """The certificate in parsed JSON ``data`` (a certificate or a case) and, for a case, its context.

    With ``use_context`` false the case's context is neither read nor checked (the CLI's ``--context`` gives
    it instead).

    Raises:
        CaseError: listing every problem, prefixed ``certificate.`` / ``context.`` inside a case.
    """
    problems: list[Problem] = []
    is_case = _is_case(data)
    context_data: Any = None
    if is_case:
        unknown = sorted(str(key) for key in data if key not in CASE_KEYS)
        if unknown:
            problems.append(
                Problem("$", f"a case has only 'certificate' and 'context', not {', '.join(map(repr, unknown))}")
            )
        certificate_data, context_data = data["certificate"], data.get("context")
    else:
        certificate_data = data
    co: Certificate | None = None
    ctx: Context | None = None
    try:
        co = load(certificate_data)
    except InvalidInput as error:
        problems.extend(_prefixed("certificate" if is_case else "", p) for p in error.reported)
    if use_context and context_data is not None:
        try:
            ctx = load_context(context_data)
        except InvalidInput as error:
            problems.extend(_prefixed("context", p) for p in error.reported)
    if problems or co is None:
        raise CaseError(problems, "invalid case" if is_case else "invalid certificate")
    return co, ctx


def read_case_text(
    text: str | bytes | bytearray, *, use_context: bool = True, limits: Limits = DEFAULT_LIMITS
) -> tuple[Certificate, Context | None] | None:
    """:func:`read_case_data` of JSON ``text``, read by ``roo[fast]``'s reader (:mod:`roo.codec.fast_decode`)
    when it is installed, else by the standard parser without its pairs hook (:func:`_read_counted`).

    None when neither reads it (the text has any problem at all): the caller then parses ``text`` and calls
    :func:`read_case_data`, which names every problem. The certificate it gives is well-formed, so the only
    problems left are the case's context's, reported as that function reports them.
    """
    fast = codec.fast_decode.read_case(text, limits)
    if fast is not None:
        certificate, context = fast.certificate, fast.context
    else:
        counted = _read_counted(text, limits)
        if counted is None:
            return None
        certificate, context = counted
    ctx: Context | None = None
    if use_context and context is not None:
        try:
            ctx = load_context(context)
        except InvalidInput as error:
            raise CaseError([_prefixed("context", p) for p in error.reported], "invalid case") from None
    return certificate, ctx


@exact
def _read_counted(text: str | bytes | bytearray, limits: Limits) -> tuple[Certificate, Any] | None:
    """The certificate of JSON ``text`` (a certificate, or a case) and the case's context as parsed JSON (None
    when there is none), parsed without the pairs hook; None: read ``text`` the standard way.

    As :func:`roo.loads` reads a certificate's text (:func:`roo.codec.loading.read_certificate_text`): the text
    is parsed all in C, the certificate's keys are counted as it is read and the case's own keys and its
    context's are counted here, and the text is read only when they are all its keys, so that no key was given
    twice. The certificate is read with the limits :func:`load` reads it with, as :func:`read_case_data` does.
    """
    decoded = decode_counted(text, limits)
    if decoded is None:
        return None
    data, parsed = decoded
    if not _is_case(data):
        co = counted_certificate(data, parsed, 0)
        return None if co is None else (co, None)
    if data.__class__ is not dict or not CASE_KEYS.issuperset(data):
        return None  # read_case_data names the unknown keys
    context = data.get("context")
    co = counted_certificate(data["certificate"], parsed, len(data) + count_keys(context))
    return None if co is None else (co, context)


def _prefixed(prefix: str, problem: Problem) -> Problem:
    """``problem`` with its path inside a case: ``items[0].hs_code`` -> ``certificate.items[0].hs_code``."""
    if not prefix or problem.path == "...":  # no prefix, or the count of problems not listed
        return problem
    if problem.path == "$":
        path = prefix
    elif problem.path.startswith("["):
        path = prefix + problem.path
    else:
        path = f"{prefix}.{problem.path}"
    return Problem(path, problem.message, problem.value)


