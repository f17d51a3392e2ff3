"""Loading a document: the fast path, then, only when it fails, every problem with its path (internal to :mod:`roo.codec`).

A document that does not load is first checked against the nesting limit, so that listing its problems never
recurses without bound; the problems listed are capped (:data:`roo.errors.MAX_PROBLEMS`) and every value echoed
in them is cut short. A certificate that loads is then checked for what its types cannot say
(:mod:`roo.codec.checks`); one that does not gets those problems too, from the parts that can be read, so that
one round reports both kinds.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from .._json import DEFAULT_LIMITS, Limits, decode_counted, depth_problem, keys_once, plain, show
from ..errors import InvalidCertificate, InvalidInput, Problem
from ..model.certificate import Certificate
from .checks import (
    FIELD_TEST_NAMES,
    FIELD_TESTS,
    check_certificate,
    in_document_order,
    numbered_once,
    readable_parts_problems,
)
from .hooks import json_type
from .problems import problems_of, split

if TYPE_CHECKING:
    import cattrs

    from .fast_path import FastStructure

T = TypeVar("T")


# cattrs and the converters (roo.codec.converters) load with the first document read or written the standard
# way, not with ``import roo``: roo[fast]'s reader of valid text never needs them. Cached, as a call is cheaper
# than an import statement on every load.
@functools.cache
def fast() -> cattrs.Converter:
    """:data:`roo.codec.converters.FAST`, imported on first use."""
    from .converters import FAST

    return FAST


@functools.cache
def detailed() -> cattrs.Converter:
    """:data:`roo.codec.converters.DETAILED`, imported on first use."""
    from .converters import DETAILED

    return DETAILED


@functools.cache
def fast_generator() -> FastStructure:
    """:data:`roo.codec.converters.FAST_GENERATOR`, imported on first use."""
    from .converters import FAST_GENERATOR

    return FAST_GENERATOR


def structure(data: object, cls: type[T], error: type[InvalidInput], limits: Limits = DEFAULT_LIMITS) -> T:
    """Structure ``data`` as ``cls``, or raise ``error`` listing every problem (at most MAX_PROBLEMS of them)."""
    if data.__class__ is not dict and not isinstance(data, Mapping):
        raise error([Problem("$", f"expected an object, got {json_type(data)}")])
    try:
        return fast().structure(data, cls)
    except Exception:  # noqa: BLE001 - re-run in detail to report every problem
        pass
    # Before listing problems: a document nested deeper than the limit gets that one problem, and the
    # detailed converter never walks it.
    too_deep = depth_problem(data, limits)
    if too_deep is not None:
        raise error([too_deep])
    try:
        result = detailed().structure(data, cls)
    except Exception as detailed_error:  # noqa: BLE001 - every failure becomes a Problem
        listed, omitted = split(problems_of(detailed_error))
        raise error(listed or [Problem("$", show(str(detailed_error)))], omitted) from None
    return result  # pragma: no cover - the fast path fails only when the detailed one does


def unstructure(value: object) -> Any:
    """The JSON-ready form of any roo value object."""
    return fast().unstructure(value)


def _items_problem(data: object, limits: Limits, path: str = "items") -> Problem | None:
    """A problem naming the limit when the parsed certificate ``data`` lists more items than it allows."""
    items = data.get("items") if data.__class__ is dict or isinstance(data, Mapping) else None
    if isinstance(items, (list, tuple)) and len(items) > limits.max_items:
        return Problem(path, f"{len(items)} items: the limit is {limits.max_items}")
    return None


def load_certificate(data: object, limits: Limits = DEFAULT_LIMITS) -> Certificate:
    """``data`` (parsed JSON) as a :class:`Certificate`, or :class:`InvalidCertificate`."""
    too_many = _items_problem(data, limits)
    if too_many is not None:
        raise InvalidCertificate([too_many])
    try:
        co = structure(data, Certificate, InvalidCertificate, limits)
    except InvalidCertificate as error:
        if not isinstance(data, Mapping) or len(error.problems) == 1 and error.problems[0].path == "$":
            raise  # not an object, or nested too deeply: nothing else can be read
        listed = {problem.path for problem in error.problems}
        more = [problem for problem in readable_parts_problems(data, limits) if problem.path not in listed]
        if not more:
            raise
        raise InvalidCertificate(in_document_order([*error.problems, *more]), error.omitted) from None
    problems = check_certificate(co)
    if problems:
        raise InvalidCertificate(problems)
    return co


def read_certificate_text(text: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS) -> Certificate | None:
    """The certificate of JSON ``text`` read without the parser's pairs hook, or None: read it the standard way
    (:func:`roo._json.decode`, then :func:`load_certificate`), which gives the same certificate or names the
    problem.

    The text is parsed all in C, and the certificate's counting structure function
    (:meth:`~roo.codec.fast_path.FastStructure.counting`) counts the keys of every object it reads; when they
    are as many as the keys of the text (:func:`roo._json.keys_once`), no key is repeated and the parsed
    document is the one the standard path parses. A plain document (:func:`roo._json.plain`) is read by the
    function that tests no string for printable text. Any doubt at all returns None.
    """
    decoded = decode_counted(text, limits)
    if decoded is None:
        return None
    data, parsed = decoded
    return counted_certificate(data, parsed, 0, limits)


def counted_certificate(data: object, parsed: str, keys_outside: int, limits: Limits = DEFAULT_LIMITS) -> Certificate | None:
    """The certificate of ``data``, parsed JSON without the pairs hook (:func:`roo._json.decode_counted`) from
    ``parsed``, or None: read the text the standard way. ``keys_outside``: the keys of the text that are not
    ``data``'s (those of a case around it), counted by the caller; all of them together must be the keys of the
    text for the certificate to be read (:func:`read_certificate_text`)."""
    counting = fast_generator().counting(
        Certificate, plain=plain(parsed), watched=FIELD_TESTS, watched_names=FIELD_TEST_NAMES
    )
    if counting is None:  # pragma: no cover - the certificate has a hook of its own
        return None
    if data.__class__ is not dict or _items_problem(data, limits) is not None:
        return None
    try:
        co, keys, suspect = counting(data)
    except Exception:  # noqa: BLE001 - any problem at all: the standard path reads it and names it
        return None
    # check_certificate's tests of a clean certificate were made field by field while it was read: only a
    # suspect value, or two items of one number, calls for its closer look.
    if not keys_once(parsed, keys + keys_outside) or ((suspect or not numbered_once(co)) and check_certificate(co)):
        return None
    result: Certificate = co
    return result
