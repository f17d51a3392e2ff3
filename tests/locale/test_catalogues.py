"""The message catalogues are complete and current: the CI check that none is missing or stale.

When one of these fails after a message was added or reworded, run
``python scripts/catalogues.py all``, translate the new or fuzzy entries of
``src/roo/locale/{ja,id}/LC_MESSAGES/roo.po``, and compile again
(docs/locales.md).
"""

from __future__ import annotations

import importlib.util
from io import BytesIO
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from roo import engine
from roo.locale import ITEM_PREFIX, NO, YES
from tests.locale.messages import (
    LANGUAGES,
    ROOT,
    catalogue,
    extracted,
    finding_specs,
    placeholders,
    rule_titles,
    template,
    translated,
)

STALE = "catalogues are stale: run `python scripts/catalogues.py all`, translate, compile (docs/locales.md)"


def test_every_finding_spec_is_extracted() -> None:
    """Every FindingSpec template in roo (registered or not) is found by extraction, so it reaches translators."""
    missing = sorted({spec.template for spec in finding_specs()} - extracted())
    assert [] == missing


def test_every_rule_title_and_engine_message_is_extracted() -> None:
    """Rule titles (shown in "not evaluated" messages and the trace) and the engine's own templates are msgids."""
    wanted = set(rule_titles()) | {engine.NOT_EVALUATED_TEMPLATE, engine.RULE_CRASHED_TEMPLATE, ITEM_PREFIX, YES, NO}
    assert [] == sorted(wanted - extracted())


def test_template_catalogue_is_current() -> None:
    """roo.pot holds exactly what the sources hold today (nothing missing, nothing obsolete)."""
    in_template = {m.id[0] if isinstance(m.id, (tuple, list)) else m.id for m in template() if m.id}
    assert (set(), set()) == (extracted() - in_template, in_template - extracted()), STALE


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    """Every extracted msgid and every FindingSpec template has a non-empty, non-fuzzy translation."""
    wanted = set(extracted()) | {spec.template for spec in finding_specs()} | set(rule_titles())
    assert [] == sorted(wanted - set(translated(language))), STALE


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language: str) -> None:
    """Each translation has the same set of ``{placeholders}`` as its msgid: no fact is lost or invented."""
    wrong = [
        (msgid, sorted(placeholders(msgid)), sorted(placeholders(text)))
        for msgid, text in translated(language).items()
        if placeholders(msgid) != placeholders(text)
    ]
    assert [] == wrong


def _catalogues_script() -> ModuleType:
    """scripts/catalogues.py, imported from its path (CI runs its ``check``)."""
    spec = importlib.util.spec_from_file_location("catalogues_script", ROOT / "scripts" / "catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    """roo.mo holds exactly the messages, translations and plural rule of roo.po (read back and compared)."""
    assert [] == _catalogues_script().compiled_problems(language)


def test_compiled_catalogue_check_ignores_the_tool_and_sees_the_messages() -> None:
    """The check compares what the catalogue says, never the bytes or the header a babel release writes.

    A catalogue compiled by another babel version (another ``Generated-By`` and dates) is current; one with a
    changed translation, a missing message or another plural rule is not.
    """
    script = _catalogues_script()
    source = catalogue("id")

    def fresh() -> Catalog:
        with (ROOT / "src" / "roo" / "locale" / "id" / "LC_MESSAGES" / "roo.po").open("rb") as fileobj:
            return read_po(fileobj, locale="id")

    def compiled(catalog: Catalog) -> Catalog:
        buffer = BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return read_mo(buffer)

    assert script.messages(source) == script.messages(compiled(source))

    other_tool = fresh()
    other_tool.version = "9.9"
    other_tool.revision_date = other_tool.creation_date.replace(year=2000)
    assert script.messages(source) == script.messages(compiled(other_tool))

    reworded = fresh()
    first = next(m for m in reworded if m.id and m.string)
    first.string = first.string + " (reworded)"
    assert script.messages(source) != script.messages(compiled(reworded))

    shorter = fresh()
    shorter.delete(first.id, first.context)
    assert script.messages(source) != script.messages(compiled(shorter))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_declares_its_language(language: str) -> None:
    """Each roo.po says which language it is in, with UTF-8 content."""
    po = catalogue(language)
    assert (language, "utf-8") == (str(po.locale), po.charset)


def test_finding_templates_tell_translators_their_code_and_rule() -> None:
    """A finding template carries an extracted comment naming its code and citation."""
    [message] = [m for m in template() if m.id == "HS code '{hs_code}' is not a six-digit subheading."]
    assert "code: hs-code-not-six-digits, rule: AJCEP/IR/12" in message.auto_comments


def test_rule_titles_tell_translators_their_rule() -> None:
    """A rule title carries an extracted comment naming the rule it belongs to."""
    [message] = [m for m in template() if m.id == "HS subheading at six digits"]
    assert "rule title: AJCEP/IR/12" in message.auto_comments
