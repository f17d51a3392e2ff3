"""docs/origin.md stays true: its finding catalogue is the generated one, and its Good JSON loads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import roo
from roo.origin import specs

DOC = Path(__file__).resolve().parents[2] / "docs" / "origin.md"


def test_finding_catalogue_is_current() -> None:
    """The table at the end of docs/origin.md is exactly ``roo.origin.specs.markdown()``."""
    assert DOC.read_text(encoding="utf-8").endswith(specs.markdown())


def test_codes_are_kebab_case_and_each_kind_cites_one_article_per_scheme() -> None:
    """A code names one kind of finding; under each scheme it has one citation."""
    seen: dict[tuple[str, str], str] = {}
    for spec in specs.SPECS:
        scheme = spec.rule.split("/")[0]
        assert seen.setdefault((spec.code, scheme), spec.rule) == spec.rule


def test_good_json_of_the_docs_loads() -> None:
    """The Good JSON example in docs/origin.md is a valid good."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"## The good \(Good JSON\)\n\n```json\n(.*?)```", text, re.S)
    assert block is not None
    good = roo.load_good(json.loads(block.group(1)))
    assert "190531" == good.hs_digits
