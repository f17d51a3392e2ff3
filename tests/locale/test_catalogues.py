"""The message catalogues are complete and current: the CI check that none is missing or stale.

When one of these fails after a message was added or reworded, run
``python scripts/catalogues.py all``, translate the new or fuzzy entries of
``src/roo/locale/{ja,id}/LC_MESSAGES/roo.po``, and compile again
(docs/locales.md).
"""

from __future__ import annotations

import gettext
from io import BytesIO

import pytest
from babel.messages.mofile import write_mo

from roo import engine
from roo.locale import ITEM_PREFIX, NO, YES
from tests.locale.messages import (
    LANGUAGES,
    LOCALES,
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
    in_template = {m.id for m in template() if m.id}
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    """roo.mo holds exactly what roo.po says (compiled again in memory and compared entry by entry)."""
    compiled = BytesIO()
    write_mo(compiled, catalogue(language))
    expected = gettext.GNUTranslations(BytesIO(compiled.getvalue()))._catalog  # type: ignore[attr-defined]
    with (LOCALES / language / "LC_MESSAGES" / "roo.mo").open("rb") as fileobj:
        actual = gettext.GNUTranslations(fileobj)._catalog  # type: ignore[attr-defined]
    assert expected == actual, f"{language}/LC_MESSAGES/roo.mo is stale: run `python scripts/catalogues.py compile`"


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
