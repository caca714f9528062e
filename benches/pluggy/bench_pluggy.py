#!/usr/bin/env python3
"""pluggy in the shapes of hookcore's criterion suite (benches/benches/hooks.rs).

What it measures: the time of one pluggy hook call, ``pm.hook.<name>(x=...)``
written at the call site as a pluggy user writes it, in nanoseconds per call:

=================  =====  =====================================================
group              N      a call
=================  =====  =====================================================
unit               1 10   ``unit(x)``: every implementation runs, returns nothing
                   100
collect            1 10   ``collect(x)``: the list of every implementation's value
                   100
first_at_first     1 10   ``first(x)``, ``firstresult=True``: answered by the
                   100    first implementation called, the rest do not run
first_at_last      1 10   the same, answered by the last implementation called
                   100
wrapped_unit       10     ``unit(x)`` with 10 implementations inside 5
                          pass-through new-style wrappers (``wrapper=True``)
threads_unit_n10   1 2    ``unit(x)`` with 10 implementations, called from 1 or 2
                          threads at once (N = threads); ns per call over all
                          threads, timed as the slowest thread
=================  =====  =====================================================

Group names and N are criterion's, so each row lines up with
``<group>/<variant>/<N>`` of the Rust suite.

The plugins mirror the Rust ``Imp`` and ``Wrap``: implementation number ``i`` is an
instance ``Imp(i)`` of one class registered with ``pm.register``, and its bodies do
the same trivial work as ``unit_work``, ``collect_work`` and ``first_work`` in
benches/src/lib.rs (``x ^ i``; ``x + i``; ``x * 3`` when ``x == i``, else
``None``). Plugin ``p{i}`` is registered in order ``p0`` first, as the Rust suite
does; pluggy calls the most recent first. The ``first`` argument is picked from
the call order pluggy reports (a ``collect(x=0)`` call returns the numbers in call
order), as the Rust suite picks it from ``pm.hookimpls``.

How it is timed: ``time.perf_counter_ns`` around a loop of calls. The loop count is
calibrated so that each of ``--rounds`` rounds takes about ``--seconds / --rounds``;
after one warm-up round the median round is reported. The cost of the bare loop
(``for _ in repeat(None, n)``, a few ns) is measured the same way and taken off, so
the number is the call's own cost (``raw_ns_per_call`` keeps it in). The garbage
collector stays on, as in a real program.

Run it (needs pluggy; scripts/bench-pluggy.sh makes a virtual environment with a
pinned pluggy, runs this, runs the matching criterion groups and prints the
comparison)::

    python3 benches/pluggy/bench_pluggy.py [--seconds 0.5] [--rounds 5] [--json PATH]

Python 3.10 or later. It prints its own table and writes JSON (default
``${CARGO_TARGET_DIR:-target}/pluggy-bench.json``). With ``--compare`` it runs
nothing: it reads that JSON and the criterion results
(``${CARGO_TARGET_DIR:-target}/criterion``) and prints pluggy against
``hookcore_hoisted`` and ``hookcore_per_call``; that part needs only the standard
library.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import repeat
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

# The argument of unit and collect calls, as `X` in hooks.rs (no implementation cares).
X = 1_000_003

# The target: a hookcore call at least this many times faster than pluggy's.
TARGET_RATIO = 1000.0

PROJECT = "hookbench"

# (group, N values): the shapes of hooks.rs, in its order.
SHAPES = [
    ("unit", (1, 10, 100)),
    ("collect", (1, 10, 100)),
    ("first_at_first", (1, 10, 100)),
    ("first_at_last", (1, 10, 100)),
    ("wrapped_unit", (10,)),
    ("threads_unit_n10", (1, 2)),
]

HOOKCORE_VARIANTS = ("hookcore_hoisted", "hookcore_per_call")


def target_dir() -> Path:
    """Cargo's target directory: $CARGO_TARGET_DIR (relative to the working
    directory, as cargo reads it), else the workspace's target/."""
    configured = os.environ.get("CARGO_TARGET_DIR")
    return Path(configured).resolve() if configured else REPO_ROOT / "target"


# --------------------------------------------------------------------------
# The spec and the plugins
# --------------------------------------------------------------------------


def make_plugin_classes():
    """The hook spec and the plugin classes, built once pluggy is imported (so
    that --compare runs without pluggy installed)."""
    import pluggy

    hookspec = pluggy.HookspecMarker(PROJECT)
    hookimpl = pluggy.HookimplMarker(PROJECT)

    class BenchSpec:
        """The Rust `Bench` trait."""

        @hookspec
        def unit(self, x):
            """Every implementation runs."""

        @hookspec
        def collect(self, x):
            """Every implementation's value."""

        @hookspec(firstresult=True)
        def first(self, x):
            """The first value that is not None."""

    class Imp:
        """Implementation number `i` of every hook (the Rust `Imp(i)`)."""

        def __init__(self, i: int) -> None:
            self.i = i

        @hookimpl
        def unit(self, x):
            x ^ self.i  # unit_work: computed and dropped

        @hookimpl
        def collect(self, x):
            return x + self.i  # collect_work

        @hookimpl
        def first(self, x):
            # first_work: answers only when asked for this implementation.
            if x == self.i:
                return x * 3
            return None

    class Wrap:
        """A pass-through wrapper of `unit` (the Rust `Wrap(i)`)."""

        def __init__(self, i: int) -> None:
            self.i = i

        @hookimpl(wrapper=True)
        def unit(self, x):
            # The rest of the call runs at the yield; its outcome goes back unchanged.
            return (yield)

    return pluggy, BenchSpec, Imp, Wrap


def make_manager(n: int, wrappers: int = 0):
    """A plugin manager with plugins p0..p{n-1} (p0 registered first), then
    wrappers w0..w{wrappers-1}: the Rust `runtime_manager(n)`."""
    pluggy, spec, imp, wrap = make_plugin_classes()
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(spec)
    for i in range(n):
        pm.register(imp(i), name=f"p{i}")
    for i in range(wrappers):
        pm.register(wrap(i), name=f"w{i}")
    return pm


def call_order(pm) -> list[int]:
    """The implementation numbers in pluggy's call order: `collect(x=0)`
    returns `0 + i` from each implementation, in the order they ran."""
    return pm.hook.collect(x=0)


# --------------------------------------------------------------------------
# Timed loops: one per hook, written as a pluggy user writes a call
# --------------------------------------------------------------------------


def loop_bare(pm, x, n):
    for _ in repeat(None, n):
        pass


def loop_unit(pm, x, n):
    for _ in repeat(None, n):
        pm.hook.unit(x=x)


def loop_collect(pm, x, n):
    for _ in repeat(None, n):
        pm.hook.collect(x=x)


def loop_first(pm, x, n):
    for _ in repeat(None, n):
        pm.hook.first(x=x)


def timed_loop(loop, pm, x) -> Callable[[int], int]:
    """A runner: n calls on this thread, returns elapsed ns."""

    def run(n: int) -> int:
        start = time.perf_counter_ns()
        loop(pm, x, n)
        return time.perf_counter_ns() - start

    return run


def timed_threads(loop, pm, x, threads: int) -> Callable[[int], int]:
    """A runner: n calls spread over `threads` threads that start together at a
    barrier; returns the slowest thread's ns from the start to its last call
    (the Rust `threaded`)."""

    def run(n: int) -> int:
        per_thread = -(-n // threads)
        barrier = threading.Barrier(threads)
        elapsed = [0] * threads

        def worker(slot: int) -> None:
            barrier.wait()
            start = time.perf_counter_ns()
            loop(pm, x, per_thread)
            elapsed[slot] = time.perf_counter_ns() - start

        workers = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return max(elapsed)

    return run


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------


@dataclass
class Measurement:
    """The rounds of one case, in ns per call."""

    iterations: int
    rounds_ns: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.rounds_ns)


def measure(run: Callable[[int], int], seconds: float, rounds: int) -> Measurement:
    """Calibrates a loop count for rounds of about seconds/rounds each, runs one
    warm-up round and then `rounds` rounds."""
    per_round_ns = seconds / rounds * 1e9
    n = 1
    while True:
        elapsed = run(n)
        if elapsed >= 10_000_000 or n >= 1 << 40:  # 10 ms is enough to scale from
            break
        n *= 10 if elapsed < 1_000_000 else 2
    n = max(1, int(n * per_round_ns / max(elapsed, 1)))
    run(n)  # warm-up
    m = Measurement(iterations=n)
    for _ in range(rounds):
        m.rounds_ns.append(run(n) / n)
    return m


@dataclass
class Result:
    group: str
    n: int
    ns_per_call: float
    raw_ns_per_call: float
    min_ns: float
    max_ns: float
    iterations: int
    rounds_ns: list[float]


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise RuntimeError(f"benchmark setup is wrong: {what}")


def check_setup(group: str, n: int, pm, x: int) -> None:
    """Every case computes what the Rust suite's does, before it is timed."""
    if group in ("unit", "wrapped_unit", "threads_unit_n10"):
        expect(pm.hook.unit(x=x) == [], "unit returns no values")
    elif group == "collect":
        expect(sorted(pm.hook.collect(x=x)) == [x + i for i in range(n)], "collect's values")
    else:
        expect(pm.hook.first(x=x) == x * 3, f"first(x={x}) answers {x * 3}")
        expect(pm.hook.first(x=n) is None, f"first(x={n}) answers nothing")


def case(group: str, n: int):
    """The runner of one case and a description of it."""
    if group == "wrapped_unit":
        pm = make_manager(n, wrappers=5)
        impls = pm.hook.unit.get_hookimpls()
        expect(sum(1 for i in impls if i.wrapper) == 5, "5 wrappers of unit")
        check_setup(group, n, pm, X)
        return timed_loop(loop_unit, pm, X)
    if group == "threads_unit_n10":
        pm = make_manager(10)
        check_setup(group, 10, pm, X)
        return timed_threads(loop_unit, pm, X, threads=n)
    pm = make_manager(n)
    if group == "unit":
        check_setup(group, n, pm, X)
        return timed_loop(loop_unit, pm, X)
    if group == "collect":
        check_setup(group, n, pm, X)
        return timed_loop(loop_collect, pm, X)
    order = call_order(pm)
    expect(sorted(order) == list(range(n)), "every implementation in the call order")
    x = order[0] if group == "first_at_first" else order[-1]
    check_setup(group, n, pm, x)
    return timed_loop(loop_first, pm, x)


def gil_enabled() -> bool:
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def run_benchmarks(seconds: float, rounds: int) -> dict:
    import pluggy

    bare = measure(timed_loop(loop_bare, None, X), seconds, rounds)
    loop_ns = bare.median
    print(
        f"pluggy {pluggy.__version__}, {platform.python_implementation()} "
        f"{platform.python_version()}, GIL {'on' if gil_enabled() else 'off'}; "
        f"bare loop {loop_ns:.1f} ns/iteration (taken off each result)",
        file=sys.stderr,
    )
    results = []
    for group, ns in SHAPES:
        for n in ns:
            m = measure(case(group, n), seconds, rounds)
            net = [max(r - loop_ns, 0.0) for r in m.rounds_ns]
            result = Result(
                group=group,
                n=n,
                ns_per_call=round(statistics.median(net), 2),
                raw_ns_per_call=round(m.median, 2),
                min_ns=round(min(net), 2),
                max_ns=round(max(net), 2),
                iterations=m.iterations,
                rounds_ns=[round(r, 2) for r in m.rounds_ns],
            )
            results.append(result)
            print(
                f"  {group:<17} N={n:<4} {result.ns_per_call:>10.1f} ns/call"
                f"  (rounds {result.min_ns:.1f}..{result.max_ns:.1f}, "
                f"{m.iterations} calls each)",
                file=sys.stderr,
            )
    return {
        "pluggy_version": pluggy.__version__,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "gil": gil_enabled(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "seconds_per_case": seconds,
        "rounds": rounds,
        "loop_ns": round(loop_ns, 2),
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "results": [asdict(r) for r in results],
    }


# --------------------------------------------------------------------------
# Comparing with the criterion results
# --------------------------------------------------------------------------


def criterion_median(criterion: Path, group: str, variant: str, n: int) -> float | None:
    """The median of one criterion benchmark in ns, or None if it has not run."""
    path = criterion / group / variant / str(n) / "new" / "estimates.json"
    try:
        return float(json.loads(path.read_text())["median"]["point_estimate"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def fmt_ns(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def fmt_ratio(ratio: float | None) -> str:
    return "-" if ratio is None else f"{ratio:,.0f}×"


def verdict(hoisted: float | None, per_call: float | None) -> str:
    if hoisted is None and per_call is None:
        return "no data"
    meets = [r is not None and r >= TARGET_RATIO for r in (hoisted, per_call)]
    if all(meets):
        return "yes"
    if meets[0]:
        return "hoisted only"
    if meets[1]:
        return "per_call only"
    return "no"


def compare(data: dict, criterion: Path) -> int:
    """Prints one markdown table: pluggy against hookcore per shape and N."""
    header = [
        "shape",
        "N",
        "pluggy ns/call",
        "hookcore hoisted ns",
        "hookcore per_call ns",
        "pluggy ÷ hoisted",
        "pluggy ÷ per_call",
        f"≥ {TARGET_RATIO:,.0f}×",
    ]
    rows = []
    missing = 0
    counts = {"yes": 0, "hoisted only": 0}
    for result in data["results"]:
        group, n, pluggy_ns = result["group"], result["n"], result["ns_per_call"]
        hc = [criterion_median(criterion, group, v, n) for v in HOOKCORE_VARIANTS]
        missing += sum(value is None for value in hc)
        ratios = [None if v is None or v <= 0 else pluggy_ns / v for v in hc]
        answer = verdict(*ratios)
        counts[answer] = counts.get(answer, 0) + 1
        rows.append(
            [group, str(n), fmt_ns(pluggy_ns), fmt_ns(hc[0]), fmt_ns(hc[1])]
            + [fmt_ratio(r) for r in ratios]
            + [answer]
        )

    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    numeric = {1, 2, 3, 4, 5, 6}

    def line(cells: list[str]) -> str:
        padded = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = [("-" * (w - 1) + ":") if i in numeric else "-" * w for i, w in enumerate(widths)]
    print(
        f"pluggy {data['pluggy_version']} ({data['python']}) against hookcore "
        f"(criterion medians in {criterion}); ns per call"
    )
    print()
    print(line(header))
    print("| " + " | ".join(rule) + " |")
    for row in rows:
        print(line(row))
    print()
    total = len(rows)
    print(
        f"Target ≥ {TARGET_RATIO:,.0f}× faster than pluggy per call: "
        f"{counts['yes']} of {total} rows meet it with both callers, "
        f"{counts['hoisted only']} only with the hoisted caller."
    )
    print(
        "pluggy ns/call is pm.hook.<name>(x=...) at the call site, bare-loop cost "
        "taken off; threads_unit_n10 N is the thread count."
    )
    if missing:
        print(
            f"warning: {missing} hookcore result(s) missing under {criterion}; "
            "run the criterion groups first",
            file=sys.stderr,
        )
    return 0


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="pluggy in the shapes of hookcore's criterion suite.",
    )
    parser.add_argument(
        "--seconds",
        type=float,
        default=float(os.environ.get("PLUGGY_SECONDS", "0.5")),
        help="time per case, all rounds together (default 0.5, env PLUGGY_SECONDS)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(os.environ.get("PLUGGY_ROUNDS", "5")),
        help="timed rounds per case; the median is reported (default 5, env PLUGGY_ROUNDS)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help="the JSON file (default ${CARGO_TARGET_DIR:-target}/pluggy-bench.json)",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="run nothing: print the JSON's results against the criterion results",
    )
    parser.add_argument(
        "--criterion",
        type=Path,
        default=None,
        help="criterion's results (default ${CARGO_TARGET_DIR:-target}/criterion)",
    )
    args = parser.parse_args(argv)
    json_path = args.json or target_dir() / "pluggy-bench.json"

    if args.compare:
        try:
            data = json.loads(json_path.read_text())
        except OSError as err:
            parser.error(f"cannot read {json_path}: {err.strerror}; run without --compare first")
        return compare(data, args.criterion or target_dir() / "criterion")

    if args.seconds <= 0 or args.rounds < 1:
        parser.error("--seconds must be positive and --rounds at least 1")
    data = run_benchmarks(args.seconds, args.rounds)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(data, indent=2) + "\n")
    print(f"wrote {json_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
