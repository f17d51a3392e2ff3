"""``import roo`` loads what evaluating a certificate needs and leaves the rest to first use (issue 14).

What most callers never touch (origin determination, the e-CO tools, the HTML view, the JSON schema, the
Hypothesis strategies, the rule sets of schemes not evaluated, the classes of the tables and goods a context
may carry) and the packaged parameter data are loaded when first used; cattrs and the converters built with it
wait for the first document read or written the standard way, roo[fast]'s reader for the first text read. So
importing roo stays cheap, and the public names stay where they were. Each check runs in a fresh interpreter,
since this test session has imported everything long ago.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Modules that ``import roo`` must not import (each is loaded on first use).
LAZY = (
    "roo.origin.determination",
    "roo.origin.crosscheck",
    "roo.origin.loading",
    "roo.origin.model",
    "roo.origin.psr",
    "roo.safeguard",
    "roo.hs.correlation",
    "roo.eco.verify",
    "roo.eco.messages",
    "roo.eco.digest",
    "roo.eco.keys",
    "roo.html",
    "roo.schema",
    "roo.strategies",
    "roo.rules.ajcep",
    "roo.rules.jiepa",
    "roo.rules.id_motr_16_2024",
    "roo.codec.converters",
    "roo.codec.fast_decode",
    "roo.codec.fast_path",
    "cattrs",
    "tomllib",
)


def _fresh(code: str) -> object:
    """What ``code`` prints as JSON, run in a fresh interpreter."""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(run.stdout)


def test_import_roo_leaves_the_lazy_parts_unloaded() -> None:
    loaded = _fresh(
        # Modules already loaded before roo (a coverage tracer started in the interpreter reads its settings with
        # tomllib) are not roo's doing: only what importing roo adds is looked at.
        "import json, sys\nbefore = set(sys.modules)\nimport roo\n"
        f"print(json.dumps([m for m in {list(LAZY)!r} if m in sys.modules and m not in before] + "
        "(['packaged parameters'] if '_BY_NAME' in vars(roo.params) else [])))"
    )
    assert [] == loaded


def test_the_lazy_public_names_are_where_they_were() -> None:
    """``roo.determine``, ``roo.eco.verify``, ``roo.origin.Good``... resolve on first use, to the same objects."""
    found = _fresh(
        "import json, roo, roo.eco\n"
        "import roo.eco.verify\n"  # importing the module leaves roo.eco.verify the function, as before
        "from roo.origin import Good, determine\n"
        "from roo.origin.determination import determine as determine_itself\n"
        "from roo.eco.verify import verify as verify_itself\n"
        "print(json.dumps([\n"
        "    roo.determine is determine is determine_itself,\n"
        "    roo.eco.verify is verify_itself,\n"
        "    callable(roo.eco.compare) and callable(roo.eco.digest),\n"
        "    roo.load_good is roo.origin.load_good,\n"
        "    roo.json_schema()['title'] != '',\n"
        "    roo.origin.Good is Good,\n"
        "    {'determine', 'eco', 'json_schema', 'load_good'} <= set(dir(roo)),\n"
        "    'Determination' in dir(roo.origin) and 'verify' in dir(roo.eco),\n"
        "    roo.params.get('jiepa.co.validity_months').reference == 'JIEPA/ART/41',\n"
        "]))"
    )
    assert [True] * 9 == found


#: Prints, as JSON, whether cattrs is imported after ``import roo`` and after each step a test adds.
_CATTRS_AFTER = (
    "import json, sys\n"
    "seen = []\n"
    "import roo\n"
    "seen.append('cattrs' in sys.modules)\n"
    "{steps}\n"
    "print(json.dumps(seen))"
)
_EXAMPLE = "json.load(open('examples/clean_ajcep_id_jp.json'))['certificate']"


def test_cattrs_loads_with_the_first_document_read_the_standard_way() -> None:
    """cattrs and the converters are not imported by ``import roo``; ``roo.load`` imports them, and
    ``roo.codec.FAST`` and ``roo.codec.DETAILED`` still name them."""
    steps = (
        f"co = roo.load({_EXAMPLE})\n"
        "seen.append('cattrs' in sys.modules)\n"
        "import roo.codec.converters as converters\n"
        "seen.append(roo.codec.FAST is converters.FAST and roo.codec.DETAILED is converters.DETAILED)\n"
        "seen.append(roo.load(roo.dump(co)) == co)"
    )
    assert [False, True, True, True] == _fresh(_CATTRS_AFTER.format(steps=steps))


@pytest.mark.skipif(importlib.util.find_spec("msgspec") is None, reason="needs the fast extra (msgspec)")
def test_roo_fast_reads_a_valid_certificate_without_cattrs() -> None:
    """roo[fast]'s reader of valid text builds its own conversion: it never imports the converters."""
    steps = (
        f"co = roo.loads(json.dumps({_EXAMPLE}))\n"
        "seen.append('cattrs' in sys.modules)\n"
        f"seen.append(co == roo.load({_EXAMPLE}))"
    )
    assert [False, False, True] == _fresh(_CATTRS_AFTER.format(steps=steps))


def test_a_certificate_of_one_scheme_loads_only_that_schemes_rules() -> None:
    """Evaluating an AJCEP certificate loads the AJCEP rules, not JIEPA's nor MoTR's."""
    loaded = _fresh(
        "import json, sys, roo\n"
        "from tests.builders import certificate\n"
        "roo.evaluate(certificate())\n"
        "print(json.dumps(sorted(m for m in ('roo.rules.ajcep', 'roo.rules.jiepa', 'roo.rules.id_motr_16_2024') "
        "if m in sys.modules)))"
    )
    assert ["roo.rules.ajcep"] == loaded


def test_unknown_names_still_raise_attribute_error() -> None:
    found = _fresh(
        "import json, roo, roo.origin, roo.eco, roo.params\n"
        "print(json.dumps([hasattr(m, 'no_such_name') for m in (roo, roo.origin, roo.eco, roo.params)]))"
    )
    assert [False] * 4 == found
