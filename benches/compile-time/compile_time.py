#!/usr/bin/env python3
"""What `#[hookimpl]` costs the compiler: hook implementations built as
`#[hookimpl]` functions, against the same functions as linkme
`#[distributed_slice]` elements and registered by hand.

The script writes a throwaway Cargo workspace into
`${CARGO_TARGET_DIR:-target}/compile-time/` with two binary crates, both
depending on this repository's `hookcore` by path:

- `ct-hookimpl`: a `#[hookspec]` trait of `--hooks` hooks (10) and
  `--impls / --per-module` plugin modules (100), one file each, with
  `--per-module` (10) `#[hookimpl(AppHooks)]` functions per module; `main` builds
  the manager with `PluginManager::linked()` and calls every hook through it.
- `ct-linkme`: the same functions, each a `#[distributed_slice]` element of a
  slice per hook (linkme without hookcore); `main` calls them and prints the
  count, the only output that does not depend on the linker's order.
- `ct-by-hand`: the same modules and function bodies as plain functions; each
  module has a `register` function that pushes its functions into a struct of
  `Vec`s of `fn` pointers, one per hook, which `main` builds and calls in loops.

Both programs print each hook's outcome and how many implementations they found;
the script checks that the two print the same, in debug and in release.

Then it times `cargo build` of each crate alone, debug and release: the
dependencies are built first, and before each timed build `cargo clean -p
<crate>` removes only that crate's artifacts (incremental data included). Runs
alternate between the two crates; a run in which cargo compiled anything but
the crate (say, because hookcore's source changed meanwhile) is discarded and
repeated. The table shows the median of `--runs` builds and the ratio to the
hand-registered crate.

Run from anywhere (cargo is started in the repository, so its
`rust-toolchain.toml` applies):

    python3 benches/compile-time/compile_time.py                # 1,000 impls, 5 runs
    python3 benches/compile-time/compile_time.py --shape 1000x1  # 1,000 plugins x 1 hook
    python3 benches/compile-time/compile_time.py --shape 10x50 --cold

`--shape 10x50` is 10 plugin modules implementing all 50 hooks of a spec; with
release builds the table also gives each stripped binary's size; `--cold` times
the debug build, from an empty target directory, of an empty binary that
depends on hookcore against one that depends on linkme.

With the defaults it takes about 6 minutes on a 2-core machine; the first run
also builds hookcore and its dependencies, debug and release, into the
generated workspace's own target directory (`compile-time/target`).
hyperfine is not used, so that each sample can be checked for what it compiled.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

HOOKIMPL_CRATE = "ct-hookimpl"
LINKME_CRATE = "ct-linkme"
BY_HAND_CRATE = "ct-by-hand"
VARIANTS = {
    HOOKIMPL_CRATE: "#[hookimpl] functions",
    LINKME_CRATE: "linkme slice elements",
    BY_HAND_CRATE: "plain functions by hand",
}
# The shapes the issue names, as (--impls, --hooks, --per-module).
SHAPES = {
    "1000x1": (1000, 1, 1),
    "10x50": (500, 50, 50),
}


# --- what a hook looks like --------------------------------------------------


def shape(number: int) -> str:
    """The shape of hook `hook_{number}`: 'unit', 'collect' or 'first'."""
    return {1: "unit", 2: "collect", 0: "first"}[number % 3]


def hook_name(number: int) -> str:
    return f"hook_{number:02}"


def spec_method(number: int) -> str:
    """The hook's declaration in the `#[hookspec]` trait."""
    name = hook_name(number)
    return {
        "unit": f"    /// Every implementation updates `total`, in call order.\n"
        f"    fn {name}(&self, total: &mut u64);\n",
        "collect": f"    /// Every implementation's value.\n"
        f"    fn {name}(&self, x: u64) -> u64;\n",
        "first": f"    /// The first `Some`.\n"
        f"    #[hookspec(firstresult)]\n"
        f"    fn {name}(&self, x: u64) -> Option<u64>;\n",
    }[shape(number)]


def function(number: int, ident: int) -> str:
    """Signature and body of implementation number `ident` of hook `number`,
    without attributes or visibility: the same text in both crates."""
    name = hook_name(number)
    return {
        "unit": f"fn {name}(total: &mut u64) {{\n"
        f"    *total = total.wrapping_mul(31).wrapping_add({ident});\n}}\n",
        "collect": f"fn {name}(x: u64) -> u64 {{\n"
        f"    x.wrapping_mul({ident}) ^ {ident % 97}\n}}\n",
        "first": f"fn {name}(x: u64) -> Option<u64> {{\n"
        f"    (x % 100 == {ident % 100}).then_some(x + {ident})\n}}\n",
    }[shape(number)]


def fn_type(number: int) -> str:
    """The `fn` pointer type of hook `number` in the hand-registered crate."""
    return {
        "unit": "fn(&mut u64)",
        "collect": "fn(u64) -> u64",
        "first": "fn(u64) -> Option<u64>",
    }[shape(number)]




class Layout:
    """Which hooks each plugin module implements."""

    def __init__(self, impls: int, hooks: int, per_module: int):
        if per_module > hooks:
            sys.exit(f"--per-module {per_module} is more than --hooks {hooks}")
        if impls % per_module:
            sys.exit(f"--impls {impls} is not a multiple of --per-module {per_module}")
        self.impls = impls
        self.hooks = hooks
        self.per_module = per_module
        self.modules = impls // per_module

    def hooks_of(self, module: int) -> list[int]:
        """`per_module` consecutive hooks, wrapping around: hooks 1 ..= hooks."""
        start = module * self.per_module
        return [1 + (start + k) % self.hooks for k in range(self.per_module)]

    def implementations(self):
        """(module, hook number, implementation number), in module order."""
        ident = 1
        for module in range(self.modules):
            for number in self.hooks_of(module):
                yield module, number, ident
                ident += 1

    def first_argument(self, number: int) -> int:
        """The argument a `first` hook is called with: the number of its middle
        implementation, so that one, or an earlier one whose number ends in the
        same two digits, answers; which one depends on the call order."""
        idents = [ident for _, n, ident in self.implementations() if n == number]
        return idents[len(idents) // 2] if idents else 0


# --- the two crates ----------------------------------------------------------

REPORT_FN = """
/// A number that changes with every value and with their order.
fn checksum(values: &[u64]) -> u64 {
    values
        .iter()
        .fold(0, |acc, value| acc.wrapping_mul(1_000_003) ^ value)
}
"""


def module_name(module: int) -> str:
    return f"plugin_{module:03}"


def manifest(name: str, description: str, dependency: str = "hookcore") -> str:
    hookcore = (REPO / "hookcore").as_posix()
    # linkme at the version hookcore itself resolves to (the copied Cargo.lock).
    dep = {
        "hookcore": f'hookcore = {{ path = "{hookcore}" }}',
        "linkme": 'linkme = "0.3"',
    }[dependency]
    return (
        f"# @generated by benches/compile-time/compile_time.py: {description}\n"
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f"[dependencies]\n{dep}\n"
    )


def hookimpl_crate(layout: Layout, root: Path) -> None:
    src = root / "src"
    (src / "plugins").mkdir(parents=True)
    (root / "Cargo.toml").write_text(
        manifest(HOOKIMPL_CRATE, f"{layout.impls} #[hookimpl] functions")
    )
    by_module: dict[int, list[str]] = {m: [] for m in range(layout.modules)}
    for module, number, ident in layout.implementations():
        by_module[module].append("#[hookimpl(AppHooks)]\n" + function(number, ident))
    for module, functions in by_module.items():
        (src / "plugins" / f"{module_name(module)}.rs").write_text(
            f"//! Plugin {module}: `#[hookimpl]` functions, found at link time.\n\n"
            "use hookcore::hookimpl;\n\nuse crate::AppHooks;\n\n" + "\n".join(functions)
        )
    (src / "plugins" / "mod.rs").write_text(
        "//! The plugins: one module each.\n\n"
        + "".join(f"mod {module_name(m)};\n" for m in range(layout.modules))
    )
    hooks = range(1, layout.hooks + 1)
    calls = []
    for number in hooks:
        name = hook_name(number)
        calls.append(
            {
                "unit": f"    let mut total = 0;\n    hooks.{name}(&mut total);\n"
                f'    println!("{name}: total {{total}}");\n',
                "collect": f"    let values = hooks.{name}(7);\n"
                f'    println!("{name}: {{}} values, checksum {{}}", values.len(), checksum(&values));\n',
                "first": f'    println!("{name}: {{:?}}", hooks.{name}({layout.first_argument(number)}));\n',
            }[shape(number)]
        )
    (src / "main.rs").write_text(
        f"//! {layout.impls} hook implementations as `#[hookimpl]` functions in "
        f"{layout.modules} plugin modules,\n//! called through hookcore's manager.\n\n"
        "mod plugins;\n\n"
        "/// The application's hooks.\n#[hookcore::hookspec]\npub trait AppHooks {\n"
        + "".join(spec_method(n) for n in hooks)
        + "}\n"
        + REPORT_FN
        + "\nfn main() {\n"
        "    let pm = hookcore::PluginManager::<dyn AppHooks>::linked().expect(\"linked plugins\");\n"
        "    let hooks = pm.hook();\n"
        + "".join(calls)
        + "    let mut implementations = 0;\n"
        "    for hook in <dyn AppHooks as hookcore::HookSpec>::HOOKS {\n"
        "        implementations += pm.hookimpls(hook.name).expect(\"a hook of the spec\").len();\n"
        "    }\n"
        '    println!("implementations: {implementations}");\n'
        "}\n"
    )


def by_hand_crate(layout: Layout, root: Path) -> None:
    src = root / "src"
    (src / "plugins").mkdir(parents=True)
    (root / "Cargo.toml").write_text(
        manifest(BY_HAND_CRATE, f"{layout.impls} plain functions registered by hand")
    )
    by_module: dict[int, list[tuple[int, str]]] = {m: [] for m in range(layout.modules)}
    for module, number, ident in layout.implementations():
        by_module[module].append((number, function(number, ident)))
    for module, functions in by_module.items():
        register = "".join(
            f"    hooks.{hook_name(number)}.push({hook_name(number)});\n"
            for number, _ in functions
        )
        (src / "plugins" / f"{module_name(module)}.rs").write_text(
            f"//! Plugin {module}: plain functions, added to the hooks by `register`.\n\n"
            "use crate::Hooks;\n\n"
            + "\n".join(text for _, text in functions)
            + f"\n/// Adds this plugin's functions to `hooks`.\npub fn register(hooks: &mut Hooks) {{\n{register}}}\n"
        )
    (src / "plugins" / "mod.rs").write_text(
        "//! The plugins: one module each.\n\n"
        + "".join(f"mod {module_name(m)};\n" for m in range(layout.modules))
        + "\n/// Adds every plugin's functions to `hooks`, in module order.\n"
        "pub fn register_all(hooks: &mut crate::Hooks) {\n"
        + "".join(f"    {module_name(m)}::register(hooks);\n" for m in range(layout.modules))
        + "}\n"
    )
    hooks = range(1, layout.hooks + 1)
    fields = "".join(
        f"    {hook_name(n)}: Vec<{fn_type(n)}>,\n" for n in hooks
    )
    calls = []
    for number in hooks:
        name = hook_name(number)
        calls.append(
            {
                "unit": f"    let mut total = 0;\n    for f in &hooks.{name} {{\n        f(&mut total);\n    }}\n"
                f'    println!("{name}: total {{total}}");\n',
                "collect": f"    let values: Vec<u64> = hooks.{name}.iter().map(|f| f(7)).collect();\n"
                f'    println!("{name}: {{}} values, checksum {{}}", values.len(), checksum(&values));\n',
                "first": f"    let first = hooks.{name}.iter().find_map(|f| f({layout.first_argument(number)}));\n"
                f'    println!("{name}: {{first:?}}");\n',
            }[shape(number)]
        )
    counts = " + ".join(f"hooks.{hook_name(n)}.len()" for n in hooks)
    (src / "main.rs").write_text(
        f"//! {layout.impls} hook implementations as plain functions in "
        f"{layout.modules} plugin modules,\n//! registered by hand into `Vec`s of `fn` pointers.\n\n"
        "mod plugins;\n\n"
        "/// Each hook's functions, in registration order.\n#[derive(Default)]\n"
        f"pub struct Hooks {{\n{fields}}}\n"
        + REPORT_FN
        + "\nfn main() {\n"
        "    let mut hooks = Hooks::default();\n"
        "    plugins::register_all(&mut hooks);\n"
        + "".join(calls)
        + f'    println!("implementations: {{}}", {counts});\n'
        "}\n"
    )


def linkme_crate(layout: Layout, root: Path) -> None:
    """The same functions as elements of one linkme `#[distributed_slice]` per
    hook: what collecting them at link time costs without hookcore. The call
    order is the linker's, so the program prints only what does not depend on
    it (the count of elements)."""
    src = root / "src"
    (src / "plugins").mkdir(parents=True)
    (root / "Cargo.toml").write_text(
        manifest(LINKME_CRATE, f"{layout.impls} linkme slice elements", "linkme")
    )
    by_module: dict[int, list[str]] = {m: [] for m in range(layout.modules)}
    for module, number, ident in layout.implementations():
        slice_name = hook_name(number).upper()
        by_module[module].append(
            f"#[distributed_slice(crate::{slice_name})]\n" + function(number, ident)
        )
    for module, functions in by_module.items():
        (src / "plugins" / f"{module_name(module)}.rs").write_text(
            f"//! Plugin {module}: functions in linkme slices, found at link time.\n\n"
            "use linkme::distributed_slice;\n\n" + "\n".join(functions)
        )
    (src / "plugins" / "mod.rs").write_text(
        "//! The plugins: one module each.\n\n"
        + "".join(f"mod {module_name(m)};\n" for m in range(layout.modules))
    )
    hooks = range(1, layout.hooks + 1)
    slices = "".join(
        f"/// The implementations of `{hook_name(n)}`.\n#[distributed_slice]\n"
        f"pub static {hook_name(n).upper()}: [{fn_type(n)}];\n"
        for n in hooks
    )
    calls = "".join(
        {
            "unit": f"    let mut total = 0;\n    for f in {hook_name(n).upper()} {{\n        f(&mut total);\n    }}\n"
            f"    std::hint::black_box(total);\n",
            "collect": f"    let values: Vec<u64> = {hook_name(n).upper()}.iter().map(|f| f(7)).collect();\n"
            f"    std::hint::black_box(values);\n",
            "first": f"    std::hint::black_box({hook_name(n).upper()}.iter().find_map(|f| f({layout.first_argument(n)})));\n",
        }[shape(n)]
        for n in hooks
    )
    counts = " + ".join(f"{hook_name(n).upper()}.len()" for n in hooks)
    (src / "main.rs").write_text(
        f"//! {layout.impls} hook implementations as linkme slice elements in "
        f"{layout.modules} plugin modules.\n\n"
        "use linkme::distributed_slice;\n\nmod plugins;\n\n"
        + slices
        + "\nfn main() {\n"
        + calls
        + f'    println!("implementations: {{}}", {counts});\n'
        "}\n"
    )


def write_workspace(layout: Layout, root: Path) -> None:
    if root.exists():
        # Keep the target directory: the dependencies stay built.
        for child in root.iterdir():
            if child.name == "target":
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    root.mkdir(parents=True, exist_ok=True)
    (root / "Cargo.toml").write_text(
        "# @generated by benches/compile-time/compile_time.py; throwaway.\n"
        '[workspace]\nresolver = "3"\nmembers = ["hookimpl-app", "linkme-app", "by-hand-app"]\n'
    )
    # The repository's versions of hookcore's dependencies, and no network.
    shutil.copy(REPO / "Cargo.lock", root / "Cargo.lock")
    hookimpl_crate(layout, root / "hookimpl-app")
    linkme_crate(layout, root / "linkme-app")
    by_hand_crate(layout, root / "by-hand-app")


# --- building and timing -----------------------------------------------------


class Cargo:
    def __init__(self, root: Path):
        self.root = root

    def run(self, *args: str, release: bool = False, check: bool = True):
        command = [
            "cargo",
            *args,
            "--manifest-path",
            str(self.root / "Cargo.toml"),
            "--target-dir",
            str(self.root / "target"),
            "--color",
            "never",
        ]
        if release:
            command.append("--release")
        # In the repository, so that its rust-toolchain.toml picks the compiler.
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
        if check and result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
        return result

    def binary(self, crate: str, release: bool) -> Path:
        return self.root / "target" / ("release" if release else "debug") / crate

    def timed_build(self, crate: str, release: bool) -> float:
        """Seconds to build `crate` alone; retries a build that compiled more."""
        for _ in range(3):
            self.run("build", "--workspace", release=release)
            self.run("clean", "-p", crate, release=release)
            start = time.perf_counter()
            result = self.run("build", "-p", crate, release=release)
            seconds = time.perf_counter() - start
            compiled = [
                line.split()[1]
                for line in result.stderr.splitlines()
                if line.strip().startswith("Compiling")
            ]
            if compiled == [crate]:
                return seconds
            print(f"  discarded a run that compiled {compiled}", file=sys.stderr)
        sys.exit(f"cargo kept compiling more than {crate}; is a dependency being edited?")


def check_outputs(cargo: Cargo, layout: Layout, profiles: list[str]) -> None:
    for profile in profiles:
        release = profile == "release"
        outputs = {}
        for crate in VARIANTS:
            run = subprocess.run(
                [cargo.binary(crate, release)], capture_output=True, text=True, check=True
            )
            outputs[crate] = run.stdout
        if outputs[HOOKIMPL_CRATE] != outputs[BY_HAND_CRATE]:
            sys.exit(
                f"the two programs print different results ({profile}):\n"
                + "\n".join(f"--- {crate}\n{out}" for crate, out in outputs.items())
            )
        expected = f"implementations: {layout.impls}\n"
        if not outputs[HOOKIMPL_CRATE].endswith(expected):
            sys.exit(f"expected {expected!r} at the end of:\n{outputs[HOOKIMPL_CRATE]}")
        if outputs[LINKME_CRATE] != expected:
            sys.exit(f"the linkme program printed {outputs[LINKME_CRATE]!r}, not {expected!r}")
        print(
            f"{profile}: #[hookimpl] and by hand print the same "
            f"{len(outputs[BY_HAND_CRATE].splitlines())} lines; linkme finds every element"
        )
    lines = outputs[HOOKIMPL_CRATE].splitlines()
    shown = lines if len(lines) <= 12 else lines[:10] + ["..."] + lines[-1:]
    print("  " + "\n  ".join(shown))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shape",
        choices=sorted(SHAPES),
        help="1000x1: 1,000 plugins of one hook; 10x50: 10 plugins of 50 hooks (sets the next three)",
    )
    parser.add_argument(
        "--cold", action="store_true", help="also time the cold build of an empty binary"
    )
    parser.add_argument("--impls", type=int, default=1000, help="hook implementations (1000)")
    parser.add_argument("--hooks", type=int, default=10, help="hooks in the spec (10)")
    parser.add_argument("--per-module", type=int, default=10, help="implementations per plugin module (10)")
    parser.add_argument("--runs", type=int, default=5, help="timed builds per crate and profile (5)")
    parser.add_argument(
        "--profiles", default="debug,release", help="comma-separated: debug, release (both)"
    )
    args = parser.parse_args()
    profiles = [p for p in args.profiles.split(",") if p]
    if not profiles or any(p not in ("debug", "release") for p in profiles):
        sys.exit("--profiles takes debug, release or both")
    if args.shape:
        args.impls, args.hooks, args.per_module = SHAPES[args.shape]
    layout = Layout(args.impls, args.hooks, args.per_module)

    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    root = (target / "compile-time").resolve()
    write_workspace(layout, root)
    print(
        f"wrote {root}: {layout.impls} implementations in {layout.modules} plugin modules "
        f"x {layout.per_module}, a spec of {layout.hooks} hooks"
    )

    cargo = Cargo(root)
    for profile in profiles:
        print(f"building dependencies and both crates ({profile}) ...", flush=True)
        cargo.run("build", "--workspace", release=profile == "release")
    check_outputs(cargo, layout, profiles)

    times: dict[tuple[str, str], list[float]] = {}
    for profile in profiles:
        for run in range(args.runs):
            # Alternate which crate goes first, so drift in the machine's load
            # falls on both.
            order = list(VARIANTS) if run % 2 == 0 else list(reversed(VARIANTS))
            for crate in order:
                seconds = cargo.timed_build(crate, profile == "release")
                times.setdefault((crate, profile), []).append(seconds)
                print(f"  {profile} run {run + 1}/{args.runs}: {crate} {seconds:.2f} s", flush=True)

    def median(crate: str, profile: str) -> float:
        return statistics.median(times[(crate, profile)])

    print(
        f"\n{layout.impls} implementations, {layout.modules} modules x {layout.per_module}, "
        f"spec of {layout.hooks} hooks; `cargo build` of the crate alone, "
        f"median of {args.runs} runs"
    )
    header = f"{'variant':<26}" + "".join(f"{p + ' s':>11}" for p in profiles)
    header += "".join(f"{'/ by hand':>11}{'/ linkme':>10}" for p in profiles)
    if "release" in profiles:
        header += f"{'stripped KB':>13}{'/ linkme':>10}"
    print(header)
    sizes = {crate: stripped_size(cargo.binary(crate, True)) for crate in VARIANTS} if "release" in profiles else {}
    for crate, label in VARIANTS.items():
        row = f"{label:<26}" + "".join(f"{median(crate, p):>11.2f}" for p in profiles)
        row += "".join(
            f"{median(crate, p) / median(BY_HAND_CRATE, p):>11.2f}"
            f"{median(crate, p) / median(LINKME_CRATE, p):>10.2f}"
            for p in profiles
        )
        if sizes:
            row += f"{sizes[crate] / 1024:>13.0f}{sizes[crate] / sizes[LINKME_CRATE]:>10.2f}"
        print(row)
    for profile in profiles:
        extra = median(HOOKIMPL_CRATE, profile) - median(BY_HAND_CRATE, profile)
        samples = {
            crate: " ".join(f"{s:.2f}" for s in times[(crate, profile)]) for crate in VARIANTS
        }
        per_linkme = (median(LINKME_CRATE, profile) - median(BY_HAND_CRATE, profile)) / layout.impls
        print(
            f"{profile}: {extra * 1000 / layout.impls:.2f} ms more per #[hookimpl] than by hand, "
            f"{per_linkme * 1000:.2f} ms per linkme element; runs: hookimpl {samples[HOOKIMPL_CRATE]} "
            f"| linkme {samples[LINKME_CRATE]} | by hand {samples[BY_HAND_CRATE]}"
        )
    if args.cold:
        cold_builds(root.parent / "compile-time-cold", args.runs)


def stripped_size(binary: Path) -> int:
    """The size of `binary` without symbols: a stripped copy's."""
    stripped = binary.with_name(binary.name + ".stripped")
    subprocess.run(["strip", "-o", str(stripped), str(binary)], check=True)
    return stripped.stat().st_size


def cold_builds(root: Path, runs: int) -> None:
    """Times `cargo build` (debug) of an empty binary that depends on hookcore,
    and of one that depends on linkme, each from an empty target directory:
    what adding the dependency costs a new project."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "Cargo.toml").write_text(
        "# @generated by benches/compile-time/compile_time.py; throwaway.\n"
        '[workspace]\nresolver = "3"\nmembers = ["empty-hookcore", "empty-linkme"]\n'
    )
    shutil.copy(REPO / "Cargo.lock", root / "Cargo.lock")
    for name, dependency in [("empty-hookcore", "hookcore"), ("empty-linkme", "linkme")]:
        (root / name / "src").mkdir(parents=True)
        (root / name / "Cargo.toml").write_text(manifest(name, "an empty binary", dependency))
        (root / name / "src" / "main.rs").write_text(f"use {dependency} as _;\n\nfn main() {{}}\n")
    times: dict[str, list[float]] = {}
    for run in range(runs):
        names = ["empty-hookcore", "empty-linkme"]
        for name in names if run % 2 == 0 else reversed(names):
            target = root / "target" / name
            if target.exists():
                shutil.rmtree(target)
            command = [
                "cargo", "build", "-p", name, "--manifest-path", str(root / "Cargo.toml"),
                "--target-dir", str(target), "--offline",
            ]
            start = time.perf_counter()
            subprocess.run(command, cwd=REPO, check=True, capture_output=True)
            times.setdefault(name, []).append(time.perf_counter() - start)
    hookcore, linkme = (statistics.median(times[n]) for n in ["empty-hookcore", "empty-linkme"])
    print(
        f"\ncold debug build of an empty binary, median of {runs}: hookcore {hookcore:.2f} s, "
        f"linkme {linkme:.2f} s, ratio {hookcore / linkme:.2f}; runs: "
        + " | ".join(f"{n} " + " ".join(f"{t:.2f}" for t in times[n]) for n in times)
    )


if __name__ == "__main__":
    main()
