"""Maintain roo's message catalogues with babel: extract, update, compile, and check that none is stale.

Usage (from the project root, with the project's virtual environment)::

    python scripts/catalogues.py extract   # src/roo -> src/roo/locale/roo.pot  (pybabel extract)
    python scripts/catalogues.py update    # roo.pot -> ja/id roo.po           (pybabel update)
    python scripts/catalogues.py compile   # roo.po  -> roo.mo                 (babel's compile, see compile_)
    python scripts/catalogues.py all       # the three above, in order
    python scripts/catalogues.py init xx   # start a catalogue for a new language
    python scripts/catalogues.py check     # exit 1 if roo.pot, a roo.po or a roo.mo is out of date (CI)

After ``update``, translate every new or fuzzy entry of each ``roo.po`` (keep
every ``{placeholder}`` of the msgid), remove the ``#, fuzzy`` flags, then
``compile``. ``check`` passes only when every message extracted from the
sources has a non-fuzzy translation in every language and every ``roo.mo``
holds exactly what its ``roo.po`` says. See docs/locales.md.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "roo"
LOCALES = SOURCES / "locale"
POT = LOCALES / "roo.pot"
MAPPING = ROOT / "babel.cfg"
DOMAIN = "roo"
LANGUAGES = ("ja", "id")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

sys.path.insert(0, str(ROOT / "src"))

from roo.locale._extract import KEYWORDS, extract_msgids  # noqa: E402 - needs the src path above


def _pybabel(*args: str) -> None:
    command = [sys.executable, "-m", "babel.messages.frontend", *args]
    print("+ pybabel", " ".join(args[:1]), "...", flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def _keyword_options() -> list[str]:
    options = ["--no-default-keywords"]
    for name, spec in KEYWORDS.items():
        options += ["-k", f"{name}:{','.join(str(i) for i in spec)}"]
    return options


def extract() -> None:
    """Write roo.pot from the sources."""
    _pybabel(
        "extract",
        "-F", str(MAPPING),
        *_keyword_options(),
        "--add-comments", "TRANSLATORS:",
        "--no-location",
        "--sort-output",
        "--width", "160",
        "--project", "roo",
        "--copyright-holder", "roo contributors",
        "-o", str(POT),
        str(SOURCES),
    )  # fmt: skip


def update() -> None:
    """Merge roo.pot into every language's roo.po (new msgids empty, changed ones fuzzy)."""
    _pybabel(
        "update", "-i", str(POT), "-d", str(LOCALES), "-D", DOMAIN, "--ignore-obsolete", "--width", "160",
    )  # fmt: skip


def compile_() -> int:
    """Compile every roo.po into its roo.mo, after babel's checks and a check of the {placeholders}.

    This is ``pybabel compile`` done through babel's own API (``read_po``,
    ``Catalog.check``, ``write_mo``) for one reason: babel flags any msgid
    with a ``%`` followed by a letter as a %-format string too (``"{share}% of
    the good's ..."`` reads to it as the conversion ``% o``) and then rejects
    every translation that words it differently. roo's templates are
    ``str.format`` templates only, so that flag is dropped before the check,
    and the brace placeholders are checked instead.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    errors: list[str] = []
    for language in LANGUAGES:
        po_path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        with po_path.open("rb") as fileobj:
            catalogue = read_po(fileobj, locale=language)
        for message in catalogue:
            if "python-brace-format" in message.flags:
                message.flags.discard("python-format")
        for message, found in catalogue.check():
            errors += [f"{po_path}:{message.lineno}: {error}" for error in found]
        errors += [f"{po_path}: {problem}" for problem in placeholder_problems(catalogue)]
        translated = sum(1 for m in catalogue if is_translated(m))
        print(f"{language}: {translated} of {len(catalogue)} messages translated; writing {po_path.with_suffix('.mo')}")
        with po_path.with_suffix(".mo").open("wb") as fileobj:
            write_mo(fileobj, catalogue)
    for error in errors:
        print("error:", error, file=sys.stderr)
    return 1 if errors else 0


def _forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """A msgid or translation as its forms: one for a plain message, one per plural form for a plural one."""
    return (value,) if isinstance(value, str) else tuple(value)


def msgid_of(message: Any) -> str:
    """A message's msgid as extraction names it: a plural message by its singular form."""
    return _forms(message.id)[0]


def is_translated(message: Any) -> bool:
    """Whether ``message`` has a translation for every form, and is not fuzzy."""
    return bool(message.id) and all(_forms(message.string or "")) and not message.fuzzy


def placeholder_problems(catalogue: Any) -> list[str]:
    """Translations whose ``{placeholders}`` differ from their msgid's (each plural form from the msgid's)."""
    found = []
    for message in catalogue:
        if is_translated(message):
            expected = {name for form in _forms(message.id) for name in PLACEHOLDER.findall(form)}
            for form in _forms(message.string):
                actual = set(PLACEHOLDER.findall(form))
                if expected != actual:
                    found.append(f"{msgid_of(message)!r}: placeholders {sorted(actual)} instead of {sorted(expected)}")
    return found


def init(language: str) -> None:
    """Start ``language``'s catalogue from roo.pot."""
    _pybabel("init", "-i", str(POT), "-d", str(LOCALES), "-D", DOMAIN, "-l", language, "--width", "160")


def problems() -> list[str]:
    """Everything that makes the catalogues stale; empty when they are current."""
    from babel.messages.pofile import read_po

    extracted = extract_msgids(SOURCES, MAPPING)
    found: list[str] = []
    with POT.open("rb") as fileobj:
        template = {msgid_of(m) for m in read_po(fileobj) if m.id}
    if template != extracted:
        found.append(
            f"roo.pot is stale: {len(extracted - template)} msgids missing, {len(template - extracted)} obsolete; "
            "run `python scripts/catalogues.py extract`"
        )
    for language in LANGUAGES:
        po_path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        with po_path.open("rb") as fileobj:
            catalogue = read_po(fileobj, locale=language)
        translated = {msgid_of(m) for m in catalogue if is_translated(m)}
        found += [f"{language}: {problem}" for problem in placeholder_problems(catalogue)]
        for msgid in sorted(extracted - translated):
            found.append(f"{language}: no translation for {msgid!r}")
        found += [f"{language}: {problem}" for problem in compiled_problems(language)]
    return found


def messages(catalogue: Any) -> dict[tuple[str | tuple[str, ...], str | None], str | tuple[str, ...]]:
    """What a catalogue says, and nothing about how or by which tool it was written.

    Keys are ``(msgid, msgctxt)`` (a plural message's msgid is its tuple of forms); values are the
    translation (a tuple of forms for a plural message). The header entry is left out: it carries the
    babel version and dates, which change with every release of the tool, not with roo's messages.
    Untranslated and fuzzy entries are left out too, as ``write_mo`` leaves them out of the compiled file.
    """
    found: dict[tuple[str | tuple[str, ...], str | None], str | tuple[str, ...]] = {}
    for message in catalogue:
        if not message.id or message.fuzzy:
            continue
        plural = isinstance(message.string, (tuple, list))  # read_po gives a tuple of forms, read_mo a list
        strings = tuple(message.string) if plural else (message.string,)
        if not any(strings):
            continue
        key = (tuple(message.id) if isinstance(message.id, (tuple, list)) else message.id, message.context)
        found[key] = strings if plural else message.string
    return found


def compiled_problems(language: str) -> list[str]:
    """How ``language``'s compiled roo.mo differs from its roo.po: messages, translations, plural rule."""
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    po_path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.is_file():
        return [f"{mo_path.name} is missing; run `python scripts/catalogues.py compile`"]
    with po_path.open("rb") as fileobj:
        source = read_po(fileobj, locale=language)
    with mo_path.open("rb") as fileobj:
        compiled = read_mo(fileobj)
    problems: list[str] = []
    wanted, held = messages(source), messages(compiled)
    if wanted != held:
        missing = len(wanted.keys() - held.keys())
        extra = len(held.keys() - wanted.keys())
        changed = sum(1 for key in wanted.keys() & held.keys() if wanted[key] != held[key])
        problems.append(
            f"{mo_path.name} does not match {po_path.name} ({missing} missing, {extra} extra, {changed} changed); "
            "run `python scripts/catalogues.py compile`"
        )
    if (source.num_plurals, source.plural_expr) != (compiled.num_plurals, compiled.plural_expr):
        problems.append(f"{mo_path.name} has another plural rule than {po_path.name}; run `python scripts/catalogues.py compile`")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Run one command; ``check`` returns 1 and lists the problems when a catalogue is stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "compile", "all", "init", "check"])
    parser.add_argument("language", nargs="?", help="for init: the new language's code")
    args = parser.parse_args(argv)
    if args.command in ("extract", "all"):
        extract()
    if args.command in ("update", "all"):
        update()
    if args.command in ("compile", "all") and compile_():
        return 1
    if args.command == "init":
        if not args.language:
            parser.error("init needs a language code")
        init(args.language)
    if args.command == "check":
        found = problems()
        for problem in found:
            print(problem, file=sys.stderr)
        print("catalogues are current" if not found else f"{len(found)} problem(s)", file=sys.stderr)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
