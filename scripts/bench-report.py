#!/usr/bin/env python3
"""The benchmark report: a markdown table and an SVG chart from criterion's results.

Reads the medians that criterion wrote for the groups of benches/benches/hooks.rs
(``<target>/criterion/<group>/<variant>/<N>/new/estimates.json``, the field
``median.point_estimate``, in ns) and

- prints a markdown table, one row per shape and N, each cell the median ns and
  its ratio to ``floor``; the last columns are hookcore's medians divided by
  ``floor_shared``, the like-for-like floor of the run-time plugins;
- writes an SVG chart (default docs/benchmarks.svg): grouped horizontal bars per
  shape and N, one bar per variant, on a log ns axis.

If the pluggy benchmark's JSON exists (scripts/bench-pluggy.sh writes it), pluggy is
one more column and one more series; ``--no-pluggy`` leaves it out.

Standard library only. Run from anywhere:

    scripts/bench-report.py [--criterion DIR] [--pluggy FILE | --no-pluggy]
                            [--svg FILE | --no-svg]

with the criterion results made first, for example
``cargo bench -p hookcore-benches -- --warm-up-time 1 --measurement-time 3 --noplot``.
The defaults follow ``${CARGO_TARGET_DIR:-target}`` as cargo does.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

REPO_ROOT = Path(__file__).resolve().parents[1]

# Rows: (criterion group, N, label). Labels as in docs/benchmarks.md.
ROWS = [
    *(("unit", n, f"unit/{n}") for n in (1, 10, 100)),
    *(("collect", n, f"collect/{n}") for n in (1, 10, 100)),
    *(("first_at_first", n, f"first@first/{n}") for n in (1, 10, 100)),
    *(("first_at_last", n, f"first@last/{n}") for n in (1, 10, 100)),
    ("wrapped_unit", 10, "wrapped 10 + 5 wrappers"),
    ("threads_unit_n10", 1, "threads unit/10, 1 thread"),
    ("threads_unit_n10", 2, "threads unit/10, 2 threads"),
]

# Table columns: (variant, header).
COLUMNS = [
    ("floor", "floor"),
    ("floor_shared", "floor_shared"),
    ("direct", "direct"),
    ("rwlock", "rwlock"),
    ("inventory", "inventory"),
    ("hookcore_per_call", "hc call"),
    ("hookcore_hoisted", "hc hoist"),
    ("hookcore_cached", "hc cached"),
    ("hookcore_linked_per_call", "lnk call"),
    ("hookcore_linked_hoisted", "lnk hoist"),
]

PLUGGY = "pluggy"

# Chart series: (variant, legend, colour); Okabe-Ito colours, told apart without hue.
SERIES = [
    ("floor", "floor: loop over fn pointers", "#6e6e6e"),
    ("floor_shared", "floor_shared: one fn, N (fn, i) pairs", "#b8b8b8"),
    ("rwlock", "rwlock: RwLock<Vec<Box<dyn Fn>>>", "#e69f00"),
    ("inventory", "inventory: inventory::iter", "#56b4e9"),
    ("hookcore_hoisted", "hookcore, caller hoisted", "#009e73"),
    ("hookcore_cached", "hookcore, CachedCaller", "#cc79a7"),
    ("hookcore_per_call", "hookcore, pm.hook() per call", "#0072b2"),
]
PLUGGY_SERIES = (PLUGGY, "pluggy", "#d55e00")


def target_dir() -> Path:
    """$CARGO_TARGET_DIR (relative to the working directory, as cargo reads it),
    else the workspace's target/."""
    configured = os.environ.get("CARGO_TARGET_DIR")
    return Path(configured).resolve() if configured else REPO_ROOT / "target"


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def read_criterion(criterion: Path) -> dict[tuple[str, str, int], float]:
    """Every median of the hooks.rs groups: (group, variant, N) -> ns."""
    medians = {}
    for group in sorted({group for group, _, _ in ROWS}):
        for path in (criterion / group).glob("*/*/new/estimates.json"):
            variant, n = path.parts[-4], path.parts[-3]
            try:
                estimate = json.loads(path.read_text())["median"]["point_estimate"]
                medians[(group, variant, int(n))] = float(estimate)
            except (OSError, ValueError, KeyError, TypeError) as err:
                print(f"warning: skipping {path}: {err}", file=sys.stderr)
    return medians


def read_pluggy(path: Path) -> tuple[dict[tuple[str, str, int], float], str]:
    """pluggy's results in the same keys, and a description of the run."""
    data = json.loads(path.read_text())
    medians = {(r["group"], PLUGGY, int(r["n"])): float(r["ns_per_call"]) for r in data["results"]}
    return medians, f"pluggy {data['pluggy_version']} on {data['python']}"


# --------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------


def fmt_ns(ns: float) -> str:
    return f"{ns:,.0f}" if ns >= 1000 else f"{ns:.1f}"


def fmt_ratio(ratio: float) -> str:
    if ratio >= 100:
        return f"{ratio:,.0f}"
    if ratio >= 10:
        return f"{ratio:.1f}"
    return f"{ratio:.2f}"


def markdown_table(medians, columns) -> str:
    header = [
        "shape/N",
        *(title for _, title in columns),
        "hc hoist ÷ floor_shared",
        "hc cached ÷ floor_shared",
        "hc call ÷ floor_shared",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for group, n, label in ROWS:
        floor = medians.get((group, "floor", n))
        shared = medians.get((group, "floor_shared", n))
        cells = [label]
        for variant, _ in columns:
            ns = medians.get((group, variant, n))
            if ns is None:
                cells.append("-")
            elif variant == "floor" or not floor:
                cells.append(fmt_ns(ns))
            else:
                cells.append(f"{fmt_ns(ns)} ({fmt_ratio(ns / floor)})")
        for variant in ("hookcore_hoisted", "hookcore_cached", "hookcore_per_call"):
            ns = medians.get((group, variant, n))
            cells.append(fmt_ratio(ns / shared) if ns and shared else "-")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --------------------------------------------------------------------------
# The chart
# --------------------------------------------------------------------------

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"


def fmt_axis(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:g} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:g} µs"
    return f"{ns:g} ns"


class Svg:
    """Just enough of an SVG writer."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, element: str, text: str | None = None, **attrs) -> None:
        """``<element attrs>text</element>``; ``font_size`` is ``font-size``, and
        float values (coordinates, sizes) are written with one decimal."""

        def value_text(value) -> str:
            return f"{value:.1f}" if isinstance(value, float) else str(value)

        rendered = " ".join(
            f'{key.rstrip("_").replace("_", "-")}="{escape(value_text(value), {chr(34): "&quot;"})}"'
            for key, value in attrs.items()
        )
        if text is None:
            self.parts.append(f"<{element} {rendered}/>")
        else:
            self.parts.append(f"<{element} {rendered}>{escape(text)}</{element}>")

    def text(self, x, y, content, size=12, anchor="start", weight="normal", fill="#222"):
        self.add(
            "text",
            content,
            x=float(x),
            y=float(y),
            font_size=size,
            text_anchor=anchor,
            font_weight=weight,
            fill=fill,
        )

    def line(self, x1, y1, x2, y2, stroke="#000", width=1.0):
        x1, y1, x2, y2 = map(float, (x1, y1, x2, y2))
        self.add("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, stroke_width=width)

    def rect(self, x, y, w, h, fill, stroke="none", width=0.0):
        x, y, w, h = map(float, (x, y, w, h))
        self.add("rect", x=x, y=y, width=w, height=h, fill=fill, stroke=stroke, stroke_width=width)

    def render(self, width: float, height: float) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'font-family="{FONT}">'
        )
        return "\n".join([head, *self.parts, "</svg>"]) + "\n"


def svg_chart(medians, series, subtitle: str, note: str) -> str:
    # Series and rows with no result at all are left out.
    series = [entry for entry in series if any(key[1] == entry[0] for key in medians)]
    rows = [row for row in ROWS if any((row[0], v, row[1]) in medians for v, _, _ in series)]
    values = [
        medians[(g, v, n)]
        for g, n, _ in rows
        for v, _, _ in series
        if medians.get((g, v, n), 0) > 0
    ]
    if not values:
        raise SystemExit("no criterion results to plot")
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values) * 1.05))

    bar, gap_in, gap_out = 11.0, 2.0, 14.0
    left, plot_w, right = 200.0, 660.0, 80.0
    width = left + plot_w + right
    legend_cols = 2
    legend_rows = math.ceil(len(series) / legend_cols)
    top = 58.0 + legend_rows * 18.0 + 34.0
    group_h = len(series) * (bar + gap_in) - gap_in
    plot_h = len(rows) * (group_h + gap_out) + gap_out
    bottom = 74.0
    height = top + plot_h + bottom

    def x_of(ns: float) -> float:
        return left + plot_w * (math.log10(ns) - math.log10(low)) / (
            math.log10(high) - math.log10(low)
        )

    svg = Svg()
    svg.rect(0, 0, width, height, "#ffffff")
    svg.text(
        left,
        26,
        "Hook call cost: median ns per call (log scale, lower is better)",
        size=16,
        weight="bold",
    )
    svg.text(left, 45, subtitle, size=11, fill="#555")

    # Legend.
    col_w = plot_w / legend_cols
    for k, (_, legend, colour) in enumerate(series):
        lx = left + (k % legend_cols) * col_w
        ly = 58 + (k // legend_cols) * 18
        svg.rect(lx, ly + 1, 14, 11, colour, stroke="#333", width=0.5)
        svg.text(lx + 20, ly + 11, legend, size=12)

    # Shaded bands, one per shape, and row labels.
    y = top + gap_out
    previous_group = None
    shade = False
    for group, _, label in rows:
        if group != previous_group:
            shade = not shade
            previous_group = group
        band_y = y - gap_out / 2
        if shade:
            svg.rect(0, band_y, width, group_h + gap_out, "#f3f4f6")
        svg.text(left - 10, y + group_h / 2 + 4, label, size=12, anchor="end")
        y += group_h + gap_out

    # Grid: a line per decade, faint lines at 2..9, tick labels top and bottom.
    decade = low
    while decade <= high * 1.0001:
        x = x_of(decade)
        svg.line(x, top, x, top + plot_h, stroke="#9a9a9a", width=0.8)
        svg.text(x, top + plot_h + 16, fmt_axis(decade), size=11, anchor="middle")
        svg.text(x, top - 6, fmt_axis(decade), size=11, anchor="middle")
        for k in range(2, 10):
            if decade * k < high:
                xm = x_of(decade * k)
                svg.line(xm, top, xm, top + plot_h, stroke="#d4d4d4", width=0.5)
        decade *= 10
    svg.line(left, top, left, top + plot_h, stroke="#333", width=1)
    svg.line(left, top + plot_h, left + plot_w, top + plot_h, stroke="#333", width=1)
    svg.text(
        left + plot_w / 2,
        top + plot_h + 38,
        "median time per call (ns, log scale)",
        size=12,
        anchor="middle",
    )
    svg.text(left, top + plot_h + 60, note, size=11, fill="#555")

    # Bars with their values.
    y = top + gap_out
    for group, n, _ in rows:
        for k, (variant, _, colour) in enumerate(series):
            by = y + k * (bar + gap_in)
            ns = medians.get((group, variant, n))
            if ns is None or ns <= 0:
                svg.text(left + 4, by + bar - 2, "not measured", size=9, fill="#888")
                continue
            x_end = x_of(ns)
            svg.rect(left, by, x_end - left, bar, colour, stroke="#333", width=0.4)
            svg.text(x_end + 4, by + bar - 2, fmt_ns(ns), size=9.5, fill="#222")
        y += group_h + gap_out

    return svg.render(width, height)


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Markdown table and SVG chart of the hooks.rs criterion results."
    )
    parser.add_argument(
        "--criterion",
        type=Path,
        default=None,
        help="criterion's results (default ${CARGO_TARGET_DIR:-target}/criterion)",
    )
    parser.add_argument(
        "--pluggy",
        type=Path,
        default=None,
        help="pluggy's JSON (default ${CARGO_TARGET_DIR:-target}/pluggy-bench.json,"
        " used if it exists)",
    )
    parser.add_argument("--no-pluggy", action="store_true", help="leave pluggy out")
    parser.add_argument(
        "--svg",
        type=Path,
        default=REPO_ROOT / "docs" / "benchmarks.svg",
        help="the chart to write (default docs/benchmarks.svg)",
    )
    parser.add_argument("--no-svg", action="store_true", help="print the table only")
    args = parser.parse_args(argv)

    criterion = args.criterion or target_dir() / "criterion"
    medians = read_criterion(criterion)
    if not medians:
        print(
            f"no criterion results for hooks.rs under {criterion}; run "
            "`cargo bench -p hookcore-benches -- --noplot` first",
            file=sys.stderr,
        )
        return 1

    columns = list(COLUMNS)
    series = list(SERIES)
    pluggy_note = ""
    pluggy_path = args.pluggy or target_dir() / "pluggy-bench.json"
    if not args.no_pluggy and (args.pluggy or pluggy_path.exists()):
        pluggy, pluggy_note = read_pluggy(pluggy_path)
        medians.update(pluggy)
        columns.append((PLUGGY, PLUGGY))
        series.append(PLUGGY_SERIES)

    groups = sorted({group for group, _, _ in ROWS})
    stamps = [
        path.stat().st_mtime
        for group in groups
        for path in (criterion / group).glob("*/*/new/estimates.json")
    ]

    def when(stamp: float) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))

    print(
        f"Median ns (ratio to floor). Criterion results in {criterion}, written "
        f"{when(min(stamps))} to {when(max(stamps))}"
        + (f"; {pluggy_note}." if pluggy_note else ".")
    )
    print()
    print(markdown_table(medians, columns))

    if not args.no_svg:
        subtitle = "criterion medians of benches/benches/hooks.rs"
        if pluggy_note:
            subtitle += f"; {pluggy_note}, same shapes (benches/pluggy)"
        args.svg.parent.mkdir(parents=True, exist_ok=True)
        note = "Thread rows: ns per call over all threads at once."
        if pluggy_note:
            note += " pluggy: pm.hook.<name>(x=...) per call, plugins as class instances."
        args.svg.write_text(svg_chart(medians, series, subtitle, note), encoding="utf-8")
        print(f"\nwrote {args.svg}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
