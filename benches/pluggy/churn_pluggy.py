#!/usr/bin/env python3
"""pluggy's registration cost in the shape of benches/benches/churn.rs: 2,000
plugins (instances of bench_pluggy.py's `Imp`, implementing three hooks) registered one by
one, then unregistered one by one, oldest first; best of 3 runs, in seconds.

    python3 benches/pluggy/churn_pluggy.py [--plugins 2000]

Needs pluggy (scripts/bench-pluggy.sh makes an environment with a pinned one).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# The spec and the plugin class of the call benchmark, bench_pluggy.py.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pluggy import PROJECT, make_plugin_classes  # noqa: E402

pluggy, Spec, Imp, _ = make_plugin_classes()


def churn(n: int) -> tuple[float, float]:
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(Spec)
    plugins = [(Imp(i), f"p{i}") for i in range(n)]
    start = time.perf_counter()
    for plugin, name in plugins:
        pm.register(plugin, name=name)
    registered = time.perf_counter() - start
    assert len(pm.hook.collect(x=0)) == n
    start = time.perf_counter()
    for _, name in plugins:
        pm.unregister(name=name)
    unregistered = time.perf_counter() - start
    assert pm.hook.collect(x=0) == []
    return registered, unregistered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plugins", type=int, default=2000)
    args = parser.parse_args()
    runs = [churn(args.plugins) for _ in range(3)]
    print(f"pluggy {pluggy.__version__}: {args.plugins} plugins, 3 hooks each, best of 3")
    print(f"register one by one    {min(r for r, _ in runs):>8.4f} s")
    print(f"unregister one by one  {min(u for _, u in runs):>8.4f} s")


if __name__ == "__main__":
    main()
