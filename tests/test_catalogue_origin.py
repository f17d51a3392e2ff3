"""The rule catalogue lists the checks of origin determination too."""

from __future__ import annotations

from roo import catalogue
from roo.origin import SPECS


def test_every_origin_finding_is_in_the_catalogue() -> None:
    """Each (code, citation) of roo.determine appears in the generated docs/rules.md."""
    page = catalogue.markdown()
    missing = sorted({(s.code, s.rule) for s in SPECS if f"| `{s.code}` |" not in page or f"`{s.rule}`" not in page})
    assert [] == missing


def test_origin_section_only_in_the_full_catalogue() -> None:
    """A catalogue filtered by scheme lists that scheme's certificate rules only."""
    assert "## Origin determination" in catalogue.markdown()
    assert "## Origin determination" not in catalogue.markdown("AJCEP")
