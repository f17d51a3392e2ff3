"""The babel extraction method for roo's sources (internal; used by ``pybabel extract`` through ``babel.cfg``).

``pybabel extract`` with babel's own ``python`` method finds ``_("...")`` and
``N_("...")`` markers, and with ``-k FindingSpec:4`` the fourth argument of
every ``FindingSpec(code, rule, severity, template)`` call. This method does
the same from the syntax tree, and in addition:

* writes ``#. code: <code>, rule: <citation>`` above each finding template (and
  ``#. rule title: <citation>`` above each rule title), so a translator sees
  which finding a sentence belongs to;
* resolves citations given as module constants (``RULE = "AJCEP/IR/12"``);
* also takes templates passed by keyword (``template=``, ``jiepa_template=``)
  and rule titles passed as ``title=``;
* makes a template with a plural form (``plural=``, ``jiepa_plural=``
  beside it) a plural entry (``msgid`` and ``msgid_plural``, as ``ngettext``
  reads it).

The keyword specifications it is run with are :data:`KEYWORDS`
(``scripts/catalogues.py`` passes them to ``pybabel extract`` as ``-k``
options, and the catalogue tests extract with the same table in memory).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import tokenize
from collections.abc import Collection, Iterator, Mapping
from io import BytesIO
from pathlib import Path
from typing import IO, Any, Final

#: Functions whose arguments are messages, with babel's keyword specification (1-based argument positions).
KEYWORDS: Final[Mapping[str, tuple[int, ...]]] = {
    "_": (1,),
    "N_": (1,),
    "gettext": (1,),
    # roo.model.phrase.Phrase(template, facts, text=...): words composed around data
    "Phrase": (1,),
    # FindingSpec(code, rule, severity, template)
    "FindingSpec": (4,),
    # roo.origin.specs._pair(code, severity, template, ajcep_citation, jiepa_citation, jiepa_template=...)
    "_pair": (3,),
    # CertificateRule(citation, title, check, ...) / ItemRule(citation, title, check, ...)
    "CertificateRule": (2,),
    "ItemRule": (2,),
    # A template with a plural form (``plural=`` beside it) is a plural entry: msgid and msgid_plural.
    "ngettext": (1, 2),
}

#: The position (1-based) of the template of a call whose ``plural=`` keyword gives its plural form.
PLURAL_TEMPLATE_POSITION: Final[Mapping[str, int]] = {"FindingSpec": 4, "_pair": 3}

#: Keyword arguments whose string value is a message in any call to a function in :data:`KEYWORDS`.
MESSAGE_ARGUMENTS: Final = frozenset({"template", "title"})

_CODE: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
_CITATION: Final = re.compile(r"^(AJCEP|JIEPA|ID)/[A-Z0-9-]+/[0-9A-Za-z.]+(?:\([0-9A-Za-z.]+\))*$")
_MARKERS: Final = frozenset({"_", "N_", "gettext", "Phrase"})
_RULES: Final = frozenset({"CertificateRule", "ItemRule"})

ExtractionResult = tuple[int, str, tuple[str | None, ...], list[str]]


def extract_msgids(sources: Path, mapping: Path) -> frozenset[str]:
    """Every msgid ``pybabel extract`` finds in ``sources`` with the mapping file ``mapping`` and :data:`KEYWORDS`.

    Used by ``scripts/catalogues.py check`` and the catalogue tests, so both extract exactly as the CLI does.
    """
    from babel.messages import frontend
    from babel.messages.extract import extract_from_dir

    # babel 2.16 renamed parse_mapping to parse_mapping_cfg; roo supports releases on both sides.
    parse_mapping: Any = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
    with mapping.open() as fileobj:
        method_map, options_map = parse_mapping(fileobj)
    return frozenset(
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(str(sources), method_map, options_map, keywords=dict(KEYWORDS))
    )


def extract_roo(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[ExtractionResult]:
    """Yield ``(lineno, funcname, messages, comments)`` for every call to one of ``keywords`` in a Python file."""
    encoding = str(options.get("encoding", "utf-8"))
    source = fileobj.read()
    text = source.decode(encoding) if isinstance(source, bytes) else str(source)
    tree = ast.parse(text)
    name = getattr(fileobj, "name", None)
    constants = _module_constants(tree, origin=Path(name) if isinstance(name, str) else None)
    tagged = _tagged_comments(text, comment_tags)
    marker = next((name for name in ("N_", "_", "gettext") if name in keywords), None)
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    for call in sorted(calls, key=lambda node: (node.lineno, node.col_offset)):
        name = _name(call.func)
        if name is None or name not in keywords:
            continue
        positional = tuple(_string(arg, constants) for arg in _positional(call))
        comments = [*_translator_comments(tagged, call.lineno), *_context_comment(name, positional)]
        named = {keyword.arg: _string(keyword.value, constants) for keyword in call.keywords if keyword.arg}
        plural = named.get("plural")
        position = PLURAL_TEMPLATE_POSITION.get(name, 0)
        if plural and 0 < position <= len(positional) and positional[position - 1] and "ngettext" in keywords:
            yield call.lineno, "ngettext", (positional[position - 1], plural), comments
        elif positional:
            yield call.lineno, name, positional, comments
        if marker is None:
            continue
        for keyword in call.keywords:
            if keyword.arg is None or not _is_message_argument(keyword.arg):
                continue
            value = _string(keyword.value, constants)
            # ``template=`` has its plural in ``plural=``, ``jiepa_template=`` in ``jiepa_plural=``.
            partner = named.get(keyword.arg.replace("template", "plural")) if "template" in keyword.arg else None
            if value and partner and "ngettext" in keywords:
                yield keyword.value.lineno, "ngettext", (value, partner), comments
            elif value:
                yield keyword.value.lineno, marker, (value,), comments


def _is_message_argument(name: str) -> bool:
    return name in MESSAGE_ARGUMENTS or name.endswith("_template")


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _positional(call: ast.Call) -> list[ast.expr]:
    args: list[ast.expr] = []
    for arg in call.args:
        if isinstance(arg, ast.Starred):
            break
        args.append(arg)
    return args


def _string(node: ast.expr, constants: Mapping[str, str]) -> str | None:
    """The string ``node`` stands for: a literal, a sum of literals, or a module-level string constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string(node.left, constants), _string(node.right, constants)
        return left + right if left is not None and right is not None else None
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _module_constants(tree: ast.Module, depth: int = 0, origin: Path | None = None) -> dict[str, str]:
    """Module-level string constants, including those imported by name from other roo modules.

    ``origin`` is the module's file, from which a relative import (``from ..citations import NAME``) is found.
    """
    constants: dict[str, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom) and depth < 2:
            constants.update(_imported_constants(statement, depth, origin))
            continue
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name):
            text = _string(value, constants)
            if text is not None:
                constants[target.id] = text
    return constants


def _imported_constants(statement: ast.ImportFrom, depth: int, origin: Path | None = None) -> dict[str, str]:
    """String constants named in ``from .x import NAME`` or ``from roo.x import NAME`` (read, not imported)."""
    module = statement.module or ""
    found: Path | None
    if statement.level:
        found = _relative_source(origin, statement.level, module)
    elif module == "roo" or module.startswith("roo."):
        found = _absolute_source(module)
    else:
        return {}
    if found is None:
        return {}
    try:
        source = found.read_text(encoding="utf-8")
        theirs = _module_constants(ast.parse(source), depth + 1, found)
    except (OSError, SyntaxError):
        return {}
    return {alias.asname or alias.name: theirs[alias.name] for alias in statement.names if alias.name in theirs}


def _relative_source(origin: Path | None, level: int, module: str) -> Path | None:
    """The file of the module a relative import names, from the importing module's file."""
    if origin is None:
        return None
    base = origin.parent
    for _ in range(level - 1):
        base = base.parent
    target = base.joinpath(*module.split(".")) if module else base
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if module and candidate.is_file():
            return candidate
    return None


def _absolute_source(module: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _context_comment(name: str, positional: tuple[str | None, ...]) -> list[str]:
    """``code: ..., rule: ...`` for a finding template; ``rule title: ...`` for a rule's title."""
    if name in _MARKERS:
        return []
    citations = [value for value in positional if value and _CITATION.match(value)]
    if name in _RULES:
        return [f"rule title: {', '.join(citations)}"] if citations else []
    code = positional[0] if positional and positional[0] and _CODE.match(positional[0]) else None
    parts = ([f"code: {code}"] if code else []) + ([f"rule: {', '.join(citations)}"] if citations else [])
    return [", ".join(parts)] if parts else []


def _tagged_comments(text: str, comment_tags: Collection[str]) -> dict[int, str]:
    """Comments starting with one of ``comment_tags`` (``# TRANSLATORS: ...``), by line."""
    if not comment_tags:
        return {}
    found: dict[int, str] = {}
    for token in tokenize.tokenize(BytesIO(text.encode("utf-8")).readline):
        if token.type == tokenize.COMMENT:
            body = token.string.lstrip("#").strip()
            if any(body.startswith(tag) for tag in comment_tags):
                found[token.start[0]] = body
    return found


def _translator_comments(tagged: Mapping[int, str], lineno: int) -> list[str]:
    """The tagged comments on the lines directly above ``lineno`` (or on it)."""
    lines: list[str] = []
    line = lineno - 1
    while line in tagged:
        lines.insert(0, tagged[line])
        line -= 1
    if lineno in tagged:
        lines.append(tagged[lineno])
    return lines
