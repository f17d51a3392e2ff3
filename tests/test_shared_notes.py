"""Reports list a "not evaluated" note that several items share once, naming the items (docs/formats.md).

The evaluation keeps one ``check-not-evaluated`` finding per item: each names its item, and an item's
verdict is folded from its own findings (AJCEP IR 3(j): a problem of one item concerns that item only). Only
the human reports (text, Markdown, HTML) group them, so that a 50-item certificate evaluated with a date
alone does not repeat each note fifty times.
"""

from __future__ import annotations

from datetime import date

import roo
from roo.cli.reports import render, render_markdown
from roo.report import html_report, item_ranges, shared_notes
from tests.builders import certificate, item_data

ON = date(2024, 3, 20)
NOTE = "check-not-evaluated"


def _evaluated(count: int) -> tuple[roo.Certificate, roo.Evaluation]:
    co = certificate(items=[item_data(n) for n in range(1, count + 1)])
    return co, roo.evaluate(co, on=ON)


def test_item_ranges_name_runs_of_items() -> None:
    assert ("1\u20133, 5, 7\u20138", "4", "") == (item_ranges((1, 2, 3, 5, 7, 8)), item_ranges((4,)), item_ranges(()))


def test_the_evaluation_keeps_one_note_per_item() -> None:
    """Grouping is the reports' alone: the findings and their JSON are one per item, as before."""
    _, evaluation = _evaluated(3)
    notes = [f for f in evaluation.findings if f.code == NOTE and f.item is not None]
    by_rule_and_facts: dict[tuple[str, object], list[int | None]] = {}
    for note in notes:
        by_rule_and_facts.setdefault((note.rule, note.facts), []).append(note.item)
    assert by_rule_and_facts and all(items == [1, 2, 3] for items in by_rule_and_facts.values())
    assert all(any(f.code == NOTE for f in verdict.findings) for verdict in evaluation.items)


def test_shared_notes_group_the_notes_of_several_items_once() -> None:
    _, evaluation = _evaluated(3)
    shared = shared_notes(evaluation.findings)
    [(numbers, notes)] = shared.groups
    assert (1, 2, 3) == numbers
    assert len(notes) == len({(f.rule, f.facts) for f in evaluation.findings if f.code == NOTE and f.item})
    assert all(shared.covers(f) for f in evaluation.findings if f.code == NOTE and f.item is not None)
    assert not any(shared.covers(f) for f in evaluation.findings if f.item is None)


def test_a_note_of_one_item_only_stays_with_its_item() -> None:
    """One item: nothing is shared, every note is listed under its item as before."""
    co, evaluation = _evaluated(1)
    assert () == shared_notes(evaluation.findings).groups
    assert "items " not in render(evaluation, co)


def test_the_text_report_lists_each_shared_note_once() -> None:
    co, evaluation = _evaluated(50)
    text = render(evaluation, co)
    shared = shared_notes(evaluation.findings)
    [(_, notes)] = shared.groups
    assert "\nitems 1\u201350\n" in text
    assert text.count(f"[{NOTE}]") == len(notes) + sum(1 for f in evaluation.findings if f.code == NOTE and f.item is None)


def test_the_markdown_report_lists_each_shared_note_once() -> None:
    co, evaluation = _evaluated(4)
    text = render_markdown(evaluation, co)
    [(_, notes)] = shared_notes(evaluation.findings).groups
    assert "## Items 1\u20134" in text
    assert text.count(f"`{NOTE}`") == len(notes) + sum(1 for f in evaluation.findings if f.code == NOTE and f.item is None)


def test_the_html_report_lists_each_shared_note_once_and_every_link_has_its_target() -> None:
    import re

    co, evaluation = _evaluated(4)
    page = html_report(co, evaluation)
    [(_, notes)] = shared_notes(evaluation.findings).groups
    assert "About items 1\u20134:" in page
    assert page.count(f"[{NOTE}]") == len(notes) + sum(1 for f in evaluation.findings if f.code == NOTE and f.item is None)
    targets = set(re.findall(r'<li class="sev-\w+" id="(f\d+)"', page))
    assert set(re.findall(r'href="#(f\d+)"', page)) <= targets


def test_shared_notes_follow_the_locale() -> None:
    co = certificate(items=[item_data(n) for n in range(1, 3)])
    text = render(roo.evaluate(co, on=ON, locale="ja"), co, locale="ja")
    assert "\u54c1\u76ee1\u20132" in text  # the Japanese "items 1–2"
