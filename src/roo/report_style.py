"""The styles of the evaluation report's page (:mod:`roo.report`): inline, so the page needs no asset."""

from __future__ import annotations

from typing import Final

#: The page's style sheet, put in its ``<style>`` element.
STYLE: Final = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans JP", sans-serif;
  color: #1d1d1f; background: #f4f4f2; margin: 0; padding: 24px; }
main { max-width: 1040px; margin: 0 auto; background: #fff; padding: 28px 32px; border: 1px solid #d8d8d4; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 10px; border-bottom: 2px solid #1d1d1f; padding-bottom: 3px; }
h3 { font-size: 12px; margin: 0 0 6px; text-transform: uppercase; letter-spacing: .03em; color: #444; }
p { margin: 4px 0; }
.meta { color: #555; }
.status { font-size: 17px; font-weight: 700; padding: 8px 12px; border-left: 6px solid; margin: 12px 0; }
.status-accepted, .status-not_required { border-color: #1b7f3b; background: #eef8f0; }
.status-partially_accepted { border-color: #a05a00; background: #fdf5e8; }
.status-rejected { border-color: #b00020; background: #fcecee; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bdbdb8; padding: 5px 7px; text-align: left; vertical-align: top; }
th { background: #efefeb; font-weight: 600; font-size: 12px; }
.granted { color: #1b7f3b; font-weight: 700; }
.denied { color: #b00020; font-weight: 700; }
.sev { display: inline-block; min-width: 4.6em; font-size: 11px; font-weight: 700; text-transform: uppercase; }
.sev-error { color: #b00020; }
.sev-warning { color: #8a5a00; }
.sev-info { color: #3b5b92; }
.ref { font-weight: 700; color: #555; }
.cite { font-style: normal; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; color: #666; }
ul.findings { list-style: none; margin: 6px 0 0; padding: 0; }
ul.findings li { padding: 3px 0 3px 8px; border-left: 3px solid #ccc; margin: 3px 0; background: #fafaf8; }
ul.findings li.sev-error { border-color: #b00020; color: inherit; }
ul.findings li.sev-warning { border-color: #c88a00; color: inherit; }
ul.findings li.sev-info { border-color: #7f9cc9; color: inherit; }
.sheet { border: 2px solid #1d1d1f; }
.row { display: flex; border-top: 1px solid #1d1d1f; }
.row:first-child { border-top: 0; }
.box { flex: 1 1 0; padding: 8px 10px; min-width: 0; }
.box + .box, .col + .box { border-left: 1px solid #1d1d1f; }
.col { flex: 1 1 0; display: flex; flex-direction: column; min-width: 0; }
.col > .box + .box { border-left: 0; border-top: 1px solid #1d1d1f; }
.box.flag-error { box-shadow: inset 4px 0 0 #b00020; background: #fff8f8; }
.box.flag-warning { box-shadow: inset 4px 0 0 #c88a00; background: #fffcf3; }
.box.flag-info { box-shadow: inset 4px 0 0 #7f9cc9; }
.num { display: inline-block; min-width: 1.6em; font-weight: 700; color: #1d1d1f; }
.title { font-size: 15px; font-weight: 700; text-transform: none; letter-spacing: 0; color: #1d1d1f; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
dt { color: #666; }
dd { margin: 0; overflow-wrap: anywhere; }
.goods { border-top: 1px solid #1d1d1f; }
.goods table { width: 100%; }
.goods th, .goods td { border-width: 0 0 1px 1px; }
.goods th:first-child, .goods td:first-child { border-left: 0; }
.goods td.flag-error { box-shadow: inset 3px 0 0 #b00020; background: #fff8f8; }
.goods td.flag-warning { box-shadow: inset 3px 0 0 #c88a00; background: #fffcf3; }
.goods td.flag-info { box-shadow: inset 3px 0 0 #7f9cc9; }
.goods tr.item-findings td { background: #fcfcfa; border-bottom: 1px solid #1d1d1f; }
.marker { font-size: 11px; font-weight: 700; color: #555; }
.tick { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; }
.note { color: #555; font-size: 12px; }
.muted { color: #888; }
details { margin-top: 8px; }
summary { cursor: pointer; font-weight: 600; }
footer { margin-top: 28px; color: #666; font-size: 12px; }
@media print { body { background: #fff; padding: 0; } main { border: 0; padding: 0; } details { display: block; } }
"""
