"""The HTML report and the notebook views, rendered by a real browser: headless Chromium (issue 15).

Each page is opened by Debian's Chromium (``/usr/bin/chromium``, or the browser ``ROO_CHROMIUM`` names)
in a light and in a dark colour scheme, and read back with ``--dump-dom``. A small script, added to the
test's copy of the page only, measures the rendered page and writes what it found into the DOM:

* nothing is cut off: no element whose content is wider than its box (``scrollWidth`` over
  ``clientWidth``), none reaching past the right edge of the window, none clipping its content;
* every text reads: the contrast of each element's text colour against the background it is painted
  on (the backgrounds of its ancestors composited) is at least 4.5:1 (WCAG 2.1 AA);
* which colour scheme the page was shown in, so that a flag the browser ignored cannot pass unseen.

The dumped DOM must hold every box of the form and every finding of the evaluation (code and message).
The reports are written by ``roo evaluate FILE --format html``; the views (``_repr_html_``) are put in a
page as a notebook would show them, on a plain page and under JupyterLab's and VS Code's theme variables.
A screenshot of the report and of the views is taken in each scheme; set ``ROO_BROWSER_SCREENSHOTS`` to a
folder to keep them for a look.

Without Chromium every test here skips, saying why; CI installs it and fails on a skip (``.ci/run``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pytest

import roo
from roo.report_boxes import BOXES, ITEM_BOXES, REFERENCE
from tests.test_views import page_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

#: The browser: ROO_CHROMIUM, else Debian's package.
CHROMIUM = os.environ.get("ROO_CHROMIUM") or "/usr/bin/chromium"
_FOUND = shutil.which(CHROMIUM)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        _FOUND is None,
        reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium, or ROO_CHROMIUM=/path/to/chromium)",
    ),
]

#: The certificates whose report and views are rendered: a partial acceptance, third-country invoicing, a
#: JIEPA e-CO, a MoTR 16/2024 rejection and a waived consignment with many findings.
CASES = ("one_bad_item", "third_country_invoicing", "jiepa_eco_id_jp", "motr_transit_not_proven", "waived_small_consignment")

#: Flags for a quiet, offline, throw-away browser.
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",  # a container's small /dev/shm would crash the renderer on a long page
    "--hide-scrollbars",
    "--mute-audio",
)
#: How each scheme is asked for. Blink's preferredColorScheme: 0 is dark, 1 is light.
_SCHEME_FLAGS = {
    "light": ("--blink-settings=preferredColorScheme=1",),
    "dark": ("--force-dark-mode", "--blink-settings=preferredColorScheme=0"),
}
#: WCAG 2.1 AA for normal text.
MIN_CONTRAST = 4.5

#: The measuring script (see the module docstring); it writes its result as JSON into <pre id="roo-measure">.
_MEASURE = r"""
<script>
(function () {
  for (const d of document.querySelectorAll("details")) d.open = true;
  const parse = (c) => {
    let m = c.match(/^rgba?\(([^)]+)\)$/);
    if (m) { const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
             return [p[0] / 255, p[1] / 255, p[2] / 255, p.length > 3 ? p[3] : 1]; }
    m = c.match(/^color\(srgb ([^)]+)\)$/);
    if (m) { const p = m[1].split(/[\s\/]+/).filter(Boolean).map(Number);
             return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
    return null;
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const backgroundOf = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    let colour = [1, 1, 1, 1];
    for (const e of chain) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) colour = over(c, colour);
    }
    return colour;
  };
  const lum = (c) => { const l = c.slice(0, 3).map((v) => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                       return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    " '" + (el.textContent || "").trim().slice(0, 40) + "'";
  const root = document.documentElement;
  const result = { dark: matchMedia("(prefers-color-scheme: dark)").matches, width: root.clientWidth,
                   page_overflow: root.scrollWidth - root.clientWidth, overflowing: [], clipped: [],
                   low_contrast: [], texts: 0, min_contrast: null, view_backgrounds: [] };
  for (const el of document.body.querySelectorAll("*")) {
    if (["SCRIPT", "STYLE", "BR"].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      result.overflowing.push(name(el) + " " + el.scrollWidth + ">" + el.clientWidth);
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.right > root.clientWidth + 1)
      result.overflowing.push(name(el) + " right edge " + Math.round(rect.right) + ">" + root.clientWidth);
    if ((style.overflowX !== "visible" || style.overflowY !== "visible" || style.textOverflow === "ellipsis") &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      result.clipped.push(name(el));
    if (el.classList.contains("roo") && el.tagName === "DIV")
      result.view_backgrounds.push(lum(backgroundOf(el)));
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const background = backgroundOf(el);
    const fg = parse(style.color);
    if (!fg) { result.low_contrast.push(name(el) + " unreadable colour " + style.color); continue; }
    const r = ratio(over(fg, background), background);
    result.texts += 1;
    if (result.min_contrast === null || r < result.min_contrast) result.min_contrast = r;
    if (r < MIN_CONTRAST) result.low_contrast.push(name(el) + " " + r.toFixed(2) + " (" + style.color + " on " +
      background.map((v) => Math.round(v * 255)).join(",") + ")");
  }
  const pre = document.createElement("pre");
  pre.id = "roo-measure";
  pre.textContent = JSON.stringify(result);
  document.body.appendChild(pre);
})();
</script>
""".replace("MIN_CONTRAST", str(MIN_CONTRAST))


def _chromium(url: str, *args: str, profile: Path) -> str:
    """Run the browser once on ``url`` with ``args`` and a fresh profile; its stdout."""
    assert _FOUND is not None
    completed = subprocess.run(
        [_FOUND, *_FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


@dataclass(frozen=True)
class Rendered:
    """What the browser made of a page: its DOM as dumped, and the measurements."""

    dom: str
    measured: dict[str, object]


def render(page: Path, scheme: str, tmp_path: Path, *, width: int) -> Rendered:
    """``page`` with the measuring script, dumped by the browser in ``scheme`` at ``width`` pixels."""
    measured_page = page.with_name(page.stem + ".measured.html")
    measured_page.write_text(page.read_text(encoding="utf-8").replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    profile = tmp_path / f"profile-{page.stem}-{scheme}"
    dom = _chromium(
        measured_page.as_uri(), *_SCHEME_FLAGS[scheme], f"--window-size={width},900", "--dump-dom", profile=profile
    )
    found = re.search(r'<pre id="roo-measure">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run:\n" + dom[-2000:]
    measured = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    return Rendered(re.sub(r"<script>.*?</script>", "", dom[: found.start()], flags=re.S), measured)


def screenshot(page: Path, scheme: str, tmp_path: Path, *, width: int, height: int) -> Path:
    """A PNG of ``page`` in ``scheme``; kept in ROO_BROWSER_SCREENSHOTS when that names a folder."""
    keep = os.environ.get("ROO_BROWSER_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{page.stem}-{scheme}.png"
    _chromium(
        page.as_uri(),
        *_SCHEME_FLAGS[scheme],
        f"--window-size={width},{height}",
        f"--screenshot={target}",
        profile=tmp_path / f"profile-shot-{page.stem}-{scheme}",
    )
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert struct.unpack(">II", data[16:24]) == (width, height)
    return target


def assert_readable_and_whole(rendered: Rendered, scheme: str) -> None:
    """The page was shown in ``scheme``; nothing overflows or is clipped; every text reads."""
    measured = rendered.measured
    assert measured["dark"] is (scheme == "dark"), "the browser did not apply the colour scheme"
    assert measured["page_overflow"] == 0, "the page scrolls sideways"
    assert measured["overflowing"] == [], "content wider than its box"
    assert measured["clipped"] == [], "content clipped"
    assert isinstance(measured["texts"], int) and measured["texts"] > 20
    assert measured["low_contrast"] == [], f"text under {MIN_CONTRAST}:1"


def _evaluated(name: str) -> tuple[roo.Certificate, roo.Evaluation]:
    co, ctx = roo.load_case((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return co, roo.evaluate(co, ctx)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def assert_every_finding(text: str, evaluation: roo.Evaluation) -> None:
    """Every finding of ``evaluation`` is in ``text``: its code and its message."""
    for finding in evaluation.findings:
        assert finding.code in text, finding.code
        assert _squeezed(finding.message) in text, finding.message


# --- the HTML report ---------------------------------------------------------------------------------------


_REPORTS: dict[tuple[str, str | None], str] = {}


def _report(name: str, locale: str | None = None) -> str:
    """``roo evaluate examples/NAME.json --format html [--locale L]``, as a user runs it (once per case and process)."""
    if (name, locale) not in _REPORTS:
        completed = subprocess.run(
            [
                sys.executable, "-m", "roo", "evaluate", str(EXAMPLES / f"{name}.json"), "--format", "html",
                *(("--locale", locale) if locale else ()),
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
            cwd=ROOT,
        )
        assert completed.returncode in (0, 1), completed.stderr  # 1: not every item granted
        _REPORTS[name, locale] = completed.stdout
    return _REPORTS[name, locale]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", CASES)
def test_report_renders_whole_and_readable(name: str, scheme: str, tmp_path: Path) -> None:
    """The report of each example, in each scheme: every box and finding in the DOM, nothing cut off, all readable.

    Issue 15: test the HTML report "in a real headless browser ... that each renders, that every box and
    finding is there, and that nothing is cut off"; colours "work on light and dark themes".
    """
    page = tmp_path / f"report-{name}.html"
    page.write_text(_report(name), encoding="utf-8")
    # The light pages at a desktop width, the dark ones narrower, as a report opened beside another window.
    rendered = render(page, scheme, tmp_path, width=1280 if scheme == "light" else 860)
    text, ids = page_text(rendered.dom)
    for box in BOXES:
        if box.number in ITEM_BOXES:
            assert f"{box.label}: {box.title}" in text, box.number  # a column of the goods table
        else:
            assert ("box-reference" if box.number == REFERENCE else f"box-{box.number}") in ids, box.number
            assert box.title in text
    _, evaluation = _evaluated(name)
    assert_every_finding(text, evaluation)
    for number in range(1, len(evaluation.findings) + 1):
        assert f"f{number:0{len(str(len(evaluation.findings)))}d}" in ids
    assert_readable_and_whole(rendered, scheme)
    if name == "one_bad_item":
        screenshot(page, scheme, tmp_path, width=1280, height=2600)


@pytest.mark.parametrize(("locale", "scheme"), [("id", "light"), ("ja", "dark")])
def test_report_in_another_language_renders_whole_and_readable(locale: str, scheme: str, tmp_path: Path) -> None:
    """``--locale``: longer Indonesian labels and Japanese text fit their boxes too, and every finding is there."""
    page = tmp_path / f"report-one_bad_item-{locale}.html"
    page.write_text(_report("one_bad_item", locale), encoding="utf-8")
    rendered = render(page, scheme, tmp_path, width=860)
    text, ids = page_text(rendered.dom)
    assert f'lang="{locale}"' in rendered.dom
    co, ctx = roo.load_case((EXAMPLES / "one_bad_item.json").read_text(encoding="utf-8"))
    evaluation = roo.evaluate(co, ctx, locale=locale)
    assert_every_finding(text, evaluation)
    assert {f"box-{n}" for n in (1, 2, 3, 4, 11, 12, 13)} | {"box-reference"} <= ids
    assert_readable_and_whole(rendered, scheme)


# --- the notebook views ------------------------------------------------------------------------------------


#: How each notebook is imitated: the scheme the system prefers, and the page around the outputs.
#: JupyterLab marks its theme on <body> and defines --jp-* variables; VS Code marks it with a body class and
#: defines --vscode-* variables. Values as the dark and light themes of each set them (near enough).
NOTEBOOKS = {
    "plain-light": ("light", "<body>"),
    "plain-dark": ("dark", "<body>"),
    "jupyterlab-dark-on-a-light-system": (
        "light",
        '<body data-jp-theme-light="false" style="background:#111111;--jp-content-font-color1:rgba(255,255,255,1);'
        "--jp-content-font-color2:rgba(255,255,255,0.7);--jp-layout-color0:#111111;--jp-layout-color1:#212121;"
        '--jp-layout-color2:#424242;--jp-border-color1:#616161">',
    ),
    "vscode-light-on-a-dark-system": (
        "dark",
        '<body class="vscode-light" style="background:#ffffff;--vscode-editor-foreground:#3b3b3b;'
        "--vscode-editor-background:#ffffff;--vscode-descriptionForeground:#595959;"
        '--vscode-editorWidget-background:#f8f8f8;--vscode-editorWidget-border:#c8c8c8">',
    ),
}


#: The languages besides English whose views are put on the notebook page too (of the first case).
LOCALES = ("ja", "id")


def _notebook_page(body_tag: str) -> str:
    """A page of outputs as a notebook shows them: for each case the Evaluation and the Certificate views, then a
    Determination; each output in a ``<section data-case=...>`` so that the test can read it alone."""
    outputs = []
    for name in CASES:
        co, evaluation = _evaluated(name)
        outputs.append(f'<section data-case="{name}-evaluation">{evaluation._repr_html_()}</section>')
        outputs.append(f'<section data-case="{name}-certificate">{co._repr_html_()}</section>')
    co, ctx = roo.load_case((EXAMPLES / "one_bad_item.json").read_text(encoding="utf-8"))
    for locale in LOCALES:
        evaluation = roo.evaluate(co, ctx, locale=locale)
        outputs.append(f'<section data-case="one_bad_item-evaluation-{locale}">{evaluation._repr_html_()}</section>')
    good = roo.load_good(json.loads((EXAMPLES / "goods" / "footwear_vn_ajcep.json").read_text(encoding="utf-8")))
    outputs.append(f'<section data-case="determination">{roo.determine(good)._repr_html_()}</section>')
    cells = "".join(f'<div style="margin:12px 0">{output}</div>' for output in outputs)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape("roo views")}</title></head>\n'
        f'{body_tag}<div style="max-width:1000px;margin:0 auto;padding:8px">{cells}</div></body></html>\n'
    )


def _sections(dom: str) -> dict[str, str]:
    """The dumped DOM of each output, by its ``data-case``."""
    return {m.group(1): m.group(2) for m in re.finditer(r'<section data-case="([^"]+)">(.*?)</section>', dom, re.S)}


@pytest.mark.parametrize("notebook", list(NOTEBOOKS))
def test_notebook_views_render_whole_and_readable(notebook: str, tmp_path: Path) -> None:
    """The views of each example as notebook outputs: what each item is, every finding, every box of the form;
    nothing cut off; every text readable, in the system's scheme or in the notebook's own theme."""
    scheme, body_tag = NOTEBOOKS[notebook]
    page = tmp_path / f"views-{notebook}.html"
    page.write_text(_notebook_page(body_tag), encoding="utf-8")
    rendered = render(page, scheme, tmp_path, width=1100 if scheme == "light" else 820)
    sections = _sections(rendered.dom)
    assert len(sections) == 2 * len(CASES) + len(LOCALES) + 1
    co, ctx = roo.load_case((EXAMPLES / "one_bad_item.json").read_text(encoding="utf-8"))
    for locale in LOCALES:
        text, _ = page_text(sections[f"one_bad_item-evaluation-{locale}"])
        assert_every_finding(text, roo.evaluate(co, ctx, locale=locale))
        assert all(item.description in text for item in co.items)
    for name in CASES:
        co, evaluation = _evaluated(name)
        text, ids = page_text(sections[f"{name}-evaluation"])
        for item in co.items:
            assert f"verdict-{item.number}" in ids
            for value in (item.description, item.hs_code, item.origin_criterion.text):
                assert _squeezed(value) in text, value
        assert_every_finding(text, evaluation)
        text, ids = page_text(sections[f"{name}-certificate"])
        for box in BOXES:
            if box.number in ITEM_BOXES:
                assert box.title in text
            else:
                assert ("box-reference" if box.number == REFERENCE else f"box-{box.number}") in ids
        assert co.issue_date.isoformat() in text
        assert co.exporter is None or co.exporter.name in text
    assert_readable_and_whole(rendered, scheme)
    # The views paint their own background: dark under a dark notebook theme, light under a light one.
    backgrounds = rendered.measured["view_backgrounds"]
    assert isinstance(backgrounds, list) and len(backgrounds) == len(sections)
    dark_view = notebook in ("plain-dark", "jupyterlab-dark-on-a-light-system")
    assert all((luminance < 0.2) is dark_view for luminance in backgrounds), backgrounds
    if notebook.startswith("plain"):
        screenshot(page, scheme, tmp_path, width=1100, height=3000)
