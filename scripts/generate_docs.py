"""Refresh the parts of the documentation that are generated from the code.

* In each scheme page (``docs/schemes/<scheme>.md``), the block between
  ``<!-- rules:begin -->`` and ``<!-- rules:end -->``: every rule module the
  engine runs for that scheme, in run order, with its docstring (in Markdown),
  the citations it uses, and a table of its rules and finding codes.
* ``docs/certificate.schema.json`` and ``docs/context.schema.json``: the JSON
  Schemas of :func:`roo.json_schema` and :func:`roo.schema.context_schema`.

Run from the project root::

    python scripts/generate_docs.py           # rewrite the generated parts
    python scripts/generate_docs.py --check   # exit 1 and name the stale files

``tests/test_docs_site.py`` fails when any generated part is stale.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Final

from roo import catalogue
from roo.model.certificate import Scheme
from roo.schema import context_schema, json_schema

ROOT: Final = Path(__file__).resolve().parent.parent
DOCS: Final = ROOT / "docs"

#: The scheme page of each scheme, relative to docs/.
SCHEME_PAGES: Final = {
    Scheme.AJCEP: "schemes/ajcep.md",
    Scheme.JIEPA: "schemes/jiepa.md",
    Scheme.ID_MOTR_16_2024: "schemes/id-motr-16-2024.md",
}
SCHEMA_FILES: Final = {
    "certificate.schema.json": json_schema,
    "context.schema.json": context_schema,
}

BEGIN: Final = "<!-- rules:begin -->"
END: Final = "<!-- rules:end -->"
REFRESH: Final = "python scripts/generate_docs.py"

_SPHINX_ROLE = re.compile(r":(?:mod|func|class|meth|attr|data|obj):`~?([^`]+)`")
_LITERAL = re.compile(r"``(.+?)``")
_NUMBER = re.compile(r"(\d+)")
_CLAUSE = re.compile(r"^\([a-z]\) ")


def markdown_of_docstring(text: str) -> str:
    """A module docstring's body (without its first line and its ``Source:`` paragraph) as Markdown.

    The ``Source:`` paragraph is left out because the page lists the citations
    the module's rules use, taken from the rules themselves.
    """
    paragraphs = _paragraphs(text)[1:]
    kept = [_lettered_list(p) for p in paragraphs if not p.startswith("Source:")]
    body = "\n\n".join(kept)
    body = _SPHINX_ROLE.sub(lambda m: f"``{m.group(1)}``", body)
    return _LITERAL.sub(lambda m: f"`{m.group(1)}`", body)


def _lettered_list(paragraph: str) -> str:
    """A paragraph of lettered clauses, ``(a) ...`` each with indented continuation lines, as a Markdown list."""
    lines = paragraph.splitlines()
    heads = [line for line in lines if _CLAUSE.match(line)]
    if len(heads) < 2 or not _CLAUSE.match(lines[0]):
        return paragraph
    if any(not _CLAUSE.match(line) and not line[:1].isspace() for line in lines):
        return paragraph
    return "\n".join(f"- {line}" if _CLAUSE.match(line) else f"  {line.strip()}" for line in lines)


def _paragraphs(text: str) -> list[str]:
    lines = text.strip("\n").splitlines()
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def _citation_key(citation: str) -> list[object]:
    return [int(part) if part.isdigit() else part for part in _NUMBER.split(citation)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _severities(finding: catalogue.CodeEntry) -> list[str]:
    """A code's default severity, then the other severities of its cases (see the catalogue for when)."""
    others = [case.severity.value for case in finding.cases if case.severity is not None]
    return list(dict.fromkeys([finding.severity.value, *others]))


def rules_section(scheme: Scheme) -> str:
    """The generated block of ``scheme``'s page: its rule modules in run order, each with its rules."""
    entries = catalogue.rules(scheme)
    modules: dict[str, list[catalogue.RuleEntry]] = {}
    for entry in entries:
        modules.setdefault(entry.module, []).append(entry)
    out = [
        BEGIN,
        f"<!-- Generated from the rule registry by `{REFRESH}`; do not edit by hand. -->",
        "",
        f"The engine runs {len(entries)} rules for `{scheme.value}`, from {len(modules)} modules under "
        f"`src/roo/rules/{scheme.name.lower()}/`. The modules are listed in the order their first rule runs.",
        "The numbers are the run order; the [rule catalogue](../rules.md) has every message template.",
    ]
    for module, own in modules.items():
        doc = sys.modules[module].__doc__ or ""
        citations = sorted(
            {entry.citation for entry in own}
            | {cited for entry in own for finding in entry.findings for cited in finding.citations},
            key=_citation_key,
        )
        out.extend(["", f"### {own[0].regulation}", "", f"Module `{module}`."])
        body = markdown_of_docstring(doc)
        if body:
            out.extend(["", body])
        out.extend(["", "Cites: " + ", ".join(f"`{c}`" for c in citations) + "."])
        out.extend(["", "| # | citation | rule | applies to | needs | finding codes |", "|---|---|---|---|---|---|"])
        for entry in own:
            needs = ", ".join(f"`{n}`" for n in entry.needs) or "nothing"
            codes = ", ".join(f"`{f.code}` ({'/'.join(_severities(f))})" for f in entry.findings) or "none"
            where = "the certificate" if entry.applies_to == "certificate" else "each item"
            out.append(f"| {entry.order} | `{entry.citation}` | {_cell(entry.title)} | {where} | {needs} | {codes} |")
    out.extend(["", END])
    return "\n".join(out)


def scheme_page(scheme: Scheme, current: str) -> str:
    """``current`` (the page's text) with its generated block replaced by today's."""
    start, end = current.find(BEGIN), current.find(END)
    if start < 0 or end < start:
        raise ValueError(f"docs/{SCHEME_PAGES[scheme]} has no {BEGIN} ... {END} block")
    return current[:start] + rules_section(scheme) + current[end + len(END) :]


def schema_text(name: str) -> str:
    """The JSON text of docs/``name``."""
    return json.dumps(SCHEMA_FILES[name](), indent=2, ensure_ascii=False) + "\n"


def expected_files() -> dict[Path, str]:
    """Every generated file, as it should read today."""
    files: dict[Path, str] = {}
    for scheme, page in SCHEME_PAGES.items():
        path = DOCS / page
        files[path] = scheme_page(scheme, path.read_text(encoding="utf-8"))
    for name in SCHEMA_FILES:
        files[DOCS / name] = schema_text(name)
    return files


def stale_files() -> list[Path]:
    """The generated files whose content is not what the code generates today."""
    return [
        path
        for path, text in expected_files().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    """Rewrite the generated parts, or with ``--check`` report the stale ones (exit 1)."""
    if argv == ["--check"]:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run `{REFRESH}`)")
        return 1 if stale else 0
    if argv:
        print(__doc__)
        return 2
    for path, text in expected_files().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
