"""The styles of the evaluation report (:mod:`roo.report`) and of the notebook views (:mod:`roo.html`).

Both are inline, so a page or a notebook output needs no asset. Every rule is
scoped under the class ``roo`` (the report's ``<body>``, each view's outer
``<div>``), so a view's style sheet leaves the rest of a notebook alone.

Colours are custom properties, never literals in the rules, so one sheet reads
on a light and on a dark background:

* :data:`LIGHT` and :data:`DARK` are the two palettes; ``prefers-color-scheme``
  picks one, and a notebook's own theme overrides that choice where the
  notebook says which it is (JupyterLab's ``data-jp-theme-light`` on
  ``<body>``, VS Code's ``vscode-light`` / ``vscode-dark`` body classes);
* text and background come from the notebook's variables where present
  (JupyterLab ``--jp-*``, VS Code ``--vscode-*``), the palette otherwise;
* a view paints its own background, so its text never lands on a background
  of the other scheme (a classic notebook that stays white on a dark system).

Each palette keeps every text colour at a contrast of at least 4.5:1 (WCAG AA)
against its backgrounds; ``tests/test_views.py`` computes it, and the browser
test (``tests/test_browser.py``) measures it again on the rendered pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

#: The light palette: each colour's role (the custom property ``--roo-<role>-own``) and its value.
LIGHT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "fg": "#1d1d1f",  # text
        "bg": "#ffffff",  # the sheet, a view
        "page": "#f4f4f2",  # around the report's sheet
        "muted": "#595959",  # secondary text: notes, codes, labels
        "line": "#1d1d1f",  # the form's ruling
        "rule": "#bdbdb8",  # table cell borders
        "head": "#efefeb",  # table headings
        "soft": "#f7f7f4",  # a finding's strip, a row of findings
        "error": "#b00020",
        "warning": "#8a5a00",
        "info": "#3b5b92",
        "granted": "#187236",
        "accent-warning": "#c88a00",  # borders only
        "accent-info": "#7f9cc9",  # borders only
    }
)
#: The dark palette, the same roles.
DARK: Final[Mapping[str, str]] = MappingProxyType(
    {
        "fg": "#e8e8e4",
        "bg": "#1e1f22",
        "page": "#111214",
        "muted": "#b4b4ae",
        "line": "#c9c9c4",
        "rule": "#55565a",
        "head": "#2b2c30",
        "soft": "#25262a",
        "error": "#ff8f8f",
        "warning": "#f2bb55",
        "info": "#9dbcff",
        "granted": "#74d68f",
        "accent-warning": "#d49a1e",
        "accent-info": "#6f8fc4",
    }
)

#: Where a notebook's own variable stands for a role (first found wins), before the palette's colour.
NOTEBOOK_VARIABLES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "fg": ("--jp-content-font-color1", "--vscode-editor-foreground"),
        "bg": ("--jp-layout-color0", "--vscode-editor-background"),
        "muted": ("--jp-content-font-color2", "--vscode-descriptionForeground"),
        "rule": ("--jp-border-color1", "--vscode-editorWidget-border"),
        "head": ("--jp-layout-color2", "--vscode-editorWidget-background"),
        "soft": ("--jp-layout-color1", "--vscode-textBlockQuote-background"),
    }
)


def _palette(colours: Mapping[str, str]) -> str:
    return " ".join(f"--roo-{role}-own: {value};" for role, value in colours.items())


def _role(role: str) -> str:
    value = f"var(--roo-{role}-own)"
    for variable in reversed(NOTEBOOK_VARIABLES.get(role, ())):
        value = f"var({variable}, {value})"
    return f"--roo-{role}: {value};"


_LIGHT_NOTEBOOKS: Final = (
    'body[data-jp-theme-light="true"] .roo',
    "body.vscode-light .roo",
    "body.vscode-high-contrast-light .roo",
)
_DARK_NOTEBOOKS: Final = (
    'body[data-jp-theme-light="false"] .roo',
    "body.vscode-dark .roo",
    "body.vscode-high-contrast:not(.vscode-high-contrast-light) .roo",
)

#: The colour scheme: palettes, the notebook's choice over the system's, and the roles the rules use.
COLOURS: Final = f"""
.roo {{ color-scheme: light; {_palette(LIGHT)} }}
@media (prefers-color-scheme: dark) {{ .roo {{ color-scheme: dark; {_palette(DARK)} }} }}
{", ".join(_LIGHT_NOTEBOOKS)} {{ color-scheme: light; {_palette(LIGHT)} }}
{", ".join(_DARK_NOTEBOOKS)} {{ color-scheme: dark; {_palette(DARK)} }}
@media print {{ .roo, body .roo {{ color-scheme: light; {_palette(LIGHT)} }} }}
.roo {{ {" ".join(_role(role) for role in LIGHT)}
  color: var(--roo-fg); background: var(--roo-bg); }}
"""

#: The parts both the report and the views draw: tables, findings, the form's boxes.
COMPONENTS: Final = """
.roo * { box-sizing: border-box; }
.roo { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans JP", sans-serif; }
.roo h1 { font-size: 20px; margin: 0 0 4px; }
.roo h2 { font-size: 16px; margin: 28px 0 10px; border-bottom: 2px solid var(--roo-line); padding-bottom: 3px; }
.roo h3 { font-size: 12px; margin: 0 0 6px; text-transform: uppercase; letter-spacing: .03em; color: var(--roo-muted); }
.roo p { margin: 4px 0; }
.roo a { color: var(--roo-info); }
.roo code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: inherit; background: none; }
.roo .meta { color: var(--roo-muted); }
.roo .status { font-size: 17px; font-weight: 700; padding: 8px 12px; border-left: 6px solid; margin: 12px 0; }
.roo .status-accepted, .roo .status-not_required { border-color: var(--roo-granted);
  background: color-mix(in srgb, var(--roo-granted) 10%, var(--roo-bg)); }
.roo .status-partially_accepted { border-color: var(--roo-warning);
  background: color-mix(in srgb, var(--roo-warning) 10%, var(--roo-bg)); }
.roo .status-rejected { border-color: var(--roo-error); background: color-mix(in srgb, var(--roo-error) 10%, var(--roo-bg)); }
.roo table { border-collapse: collapse; width: 100%; color: inherit; background: transparent; }
.roo th, .roo td { border: 1px solid var(--roo-rule); padding: 5px 7px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; color: inherit; background: transparent; }
.roo .msg, .roo .code { overflow-wrap: anywhere; }
.roo th { background: var(--roo-head); font-weight: 600; font-size: 12px; }
.roo .granted { color: var(--roo-granted); font-weight: 700; }
.roo .denied { color: var(--roo-error); font-weight: 700; }
.roo .undetermined { color: var(--roo-warning); font-weight: 700; }
.roo .sev { display: inline-block; min-width: 4.6em; font-size: 11px; font-weight: 700; text-transform: uppercase; }
.roo .sev-error { color: var(--roo-error); }
.roo .sev-warning { color: var(--roo-warning); }
.roo .sev-info { color: var(--roo-info); }
.roo .ref { font-weight: 700; color: var(--roo-muted); }
.roo .cite { font-style: normal; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.roo .code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; color: var(--roo-muted); }
.roo ul.findings { list-style: none; margin: 6px 0 0; padding: 0; }
.roo ul.findings li { padding: 3px 0 3px 8px; border-left: 3px solid var(--roo-rule); margin: 3px 0;
  background: var(--roo-soft); }
.roo ul.findings li.sev-error { border-color: var(--roo-error); color: inherit; }
.roo ul.findings li.sev-warning { border-color: var(--roo-accent-warning); color: inherit; }
.roo ul.findings li.sev-info { border-color: var(--roo-accent-info); color: inherit; }
.roo .sheet { border: 2px solid var(--roo-line); background: var(--roo-bg); }
.roo .row { display: flex; border-top: 1px solid var(--roo-line); }
.roo .row:first-child { border-top: 0; }
/* Equal halves whatever the padding: a basis of 0 would give a padded box its padding on top of its half. */
.roo .box { flex: 1 1 50%; padding: 8px 10px; min-width: 0; }
.roo .box + .box, .roo .col + .box { border-left: 1px solid var(--roo-line); }
.roo .col { flex: 1 1 50%; display: flex; flex-direction: column; min-width: 0; }
.roo .col > .box + .box { border-left: 0; border-top: 1px solid var(--roo-line); }
.roo .box.flag-error { box-shadow: inset 4px 0 0 var(--roo-error); background: color-mix(in srgb, var(--roo-error) 6%, var(--roo-bg)); }
.roo .box.flag-warning { box-shadow: inset 4px 0 0 var(--roo-accent-warning);
  background: color-mix(in srgb, var(--roo-warning) 6%, var(--roo-bg)); }
.roo .box.flag-info { box-shadow: inset 4px 0 0 var(--roo-accent-info); }
.roo .num { display: inline-block; min-width: 1.6em; font-weight: 700; color: var(--roo-fg); }
.roo .title { font-size: 15px; font-weight: 700; text-transform: none; letter-spacing: 0; color: var(--roo-fg); }
.roo dl { margin: 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 10px; }
.roo dt { color: var(--roo-muted); }
.roo dd { margin: 0; overflow-wrap: anywhere; }
.roo .goods { border-top: 1px solid var(--roo-line); }
.roo .goods table { width: 100%; }
.roo .goods th, .roo .goods td { border-width: 0 0 1px 1px; }
.roo .goods th:first-child, .roo .goods td:first-child { border-left: 0; }
.roo .goods td.flag-error { box-shadow: inset 3px 0 0 var(--roo-error); background: color-mix(in srgb, var(--roo-error) 6%, var(--roo-bg)); }
.roo .goods td.flag-warning { box-shadow: inset 3px 0 0 var(--roo-accent-warning);
  background: color-mix(in srgb, var(--roo-warning) 6%, var(--roo-bg)); }
.roo .goods td.flag-info { box-shadow: inset 3px 0 0 var(--roo-accent-info); }
.roo .goods tr.item-findings td { background: var(--roo-soft); border-bottom: 1px solid var(--roo-line); }
.roo .marker { font-size: 11px; font-weight: 700; color: var(--roo-muted); }
.roo .tick { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; }
.roo .note { color: var(--roo-muted); font-size: 12px; }
.roo .muted { color: var(--roo-muted); }
.roo details { margin-top: 8px; }
.roo summary { cursor: pointer; font-weight: 600; }
.roo footer { margin-top: 28px; color: var(--roo-muted); font-size: 12px; }
"""

#: The report's page around the sheet (only in the standalone page, never in a notebook).
PAGE: Final = """
body.roo { margin: 0; padding: 24px; background: var(--roo-page); }
body.roo main { max-width: 1040px; margin: 0 auto; background: var(--roo-bg); padding: 28px 32px;
  border: 1px solid var(--roo-rule); }
@media print { body.roo { background: var(--roo-bg); padding: 0; } body.roo main { border: 0; padding: 0; }
  .roo details { display: block; } }
"""

#: The notebook views' frame: their own background and a margin, no wider than the output area.
VIEW: Final = """
div.roo { padding: 8px 12px; border-radius: 4px; max-width: 100%; overflow-wrap: anywhere; }
div.roo .sheet { margin-top: 6px; }
div.roo h2 { margin: 12px 0 6px; }
div.roo h2:first-child { margin-top: 0; }
"""

#: The report page's style sheet, put in its ``<style>`` element.
STYLE: Final = COLOURS + COMPONENTS + PAGE
#: A notebook view's style sheet (scoped under ``.roo``), put in a ``<style>`` element inside the view.
VIEW_STYLE: Final = COLOURS + COMPONENTS + VIEW
