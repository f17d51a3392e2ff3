"""Notebook representations, lazy batches and picklability (issue: roo for the people who use it)."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from html.parser import HTMLParser

import roo
from tests.builders import certificate, certificate_data, item_data

CO = certificate(items=[item_data(1), item_data(2, hs_code="03")])


class _Collector(HTMLParser):
    """Collects tags and text, and fails on scripts or external resources."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag not in {"script", "link", "img", "iframe"}
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_evaluation_repr_is_short_and_useful() -> None:
    """One line: scheme, reference, status, items granted/denied, finding counts."""
    text = repr(roo.evaluate(CO))
    assert text.startswith("<Evaluation AJCEP ID/2024/AJ/000123: partially_accepted")
    assert "; granted 1; denied 2;" in text
    assert "\n" not in text and len(text) < 200


def test_certificate_repr_is_short() -> None:
    """One line naming scheme, reference, Parties, date and item count."""
    assert "<Certificate AJCEP ID/2024/AJ/000123 ID->JP issued 2024-03-05, paper, 2 items>" == repr(CO)


def test_evaluation_html_has_every_finding_and_no_assets() -> None:
    """The notebook table carries every finding's message and citation, and loads nothing external."""
    evaluation = roo.evaluate(CO)
    parser = _Collector()
    parser.feed(evaluation._repr_html_())
    text = "".join(parser.text)
    for finding in evaluation.findings:
        assert finding.message in text
        assert finding.rule in text
    assert "table" in parser.tags


def test_html_escapes_certificate_text() -> None:
    """Text from the certificate never becomes markup."""
    co = certificate(items=[item_data(1, description="<script>alert(1)</script>")])
    html = co._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_evaluate_many_is_lazy() -> None:
    """Nothing is read ahead of what the caller consumes."""
    consumed: list[int] = []

    def source() -> Iterator[roo.Certificate]:
        for number in range(1, 1000):
            consumed.append(number)
            yield CO

    results = roo.evaluate_many(source())
    first = next(results)
    assert isinstance(first, roo.Evaluation)
    assert [1] == consumed


def test_evaluate_many_can_return_errors_in_place() -> None:
    """A malformed certificate does not stop the batch when errors='return'."""
    results = list(roo.evaluate_many([CO, {"scheme": "AJCEP"}, certificate_data()], errors="return"))
    assert [roo.Evaluation, roo.InvalidCertificate, roo.Evaluation] == [type(r) for r in results]


def test_everything_pickles() -> None:
    """Certificates, contexts and evaluations survive pickling (for Dask or Spark workers)."""
    ctx = roo.load_context({"on": "2024-03-20", "exchange_rates": {"USD/JPY": "150.25"}})
    evaluation = roo.evaluate(CO, ctx)
    for value in (CO, ctx, evaluation):
        assert value == pickle.loads(pickle.dumps(value))
    assert roo.evaluate(pickle.loads(pickle.dumps(CO)), pickle.loads(pickle.dumps(ctx))) == evaluation


def test_determination_repr_and_html() -> None:
    """A determination shows its answer, box 8 and RVC in one line, and every finding in its HTML."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "examples" / "goods" / "biscuits_th_de_minimis.json"
    determination = roo.determine(roo.load_good(json.loads(path.read_text(encoding="utf-8"))))
    assert "<Determination AJCEP TH 1905.31: originating, box 8 'CTH, DMI', RVC 35.00%>" == repr(determination)
    parser = _Collector()
    parser.feed(determination._repr_html_())
    text = "".join(parser.text)
    for finding in determination.findings:
        assert finding.message in text
