//! Writes `$OUT_DIR/scale_plugins.rs`, which `src/lib.rs` includes: two hook specs
//! of 50 hooks each, and the plugin modules that implement one of them.
//!
//! - `Crowded`: `probe` and the hooks `hook_01` .. `hook_49`. One plugin implements
//!   `probe`; the generated modules `plugins::plugin_0000` .. implement the others,
//!   [`HOOKS_PER_MODULE`] hooks each as `#[hookimpl(Crowded)]` free functions (a
//!   module is a plugin): 1,000 modules, 10,000 implementations, about 204 per hook.
//! - `Sparse`: the same hooks; only `probe` is implemented, once.
//! - `Registered`: a run-time plugin type of `Crowded` implementing `hook_01` ..
//!   `hook_10`, for the registration benchmark.
//!
//! Hook `hook_NN` has one of the three common shapes, by `NN % 3`: `()` (every
//! implementation runs), `u64` (every value), `Option<u64>` with `firstresult`.
//! Implementation number `id` (1 ..= modules × 10, unique) does a little work with
//! `id`, so no two functions are identical and none can be merged by the linker.
//!
//! **How many modules.** Only an optimised build (`OPT_LEVEL` not `0`: `cargo
//! bench`, `--release`) gets [`OPTIMISED_MODULES`] (1,000, so 10,000
//! implementations). A build with the dev or test profile (`cargo clippy`,
//! `cargo test`, `cargo doc`, the CI commands) gets [`UNOPTIMISED_MODULES`] (20,
//! so 200 implementations): at 10,000, checking the crate takes minutes and a
//! debug build gigabytes, because every `#[hookimpl]` function instantiates the
//! spec's 100 trait methods (50 hooks, 50 `wrap_` methods) for its own type. The
//! tests therefore check the generated layout at 200 implementations, and the
//! benchmarks run at 10,000 (`cargo test --release -p hookcore-scale` tests that
//! size). `HOOKCORE_SCALE_MODULES` and `HOOKCORE_SCALE_HOOKS` override both, e.g.
//! `HOOKCORE_SCALE_MODULES=100` for 1,000 implementations. The library exports
//! the numbers it was built with (`OTHER_IMPLS` and others), and the benchmark
//! names carry them.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

/// Hooks per spec unless `HOOKCORE_SCALE_HOOKS` says otherwise: `probe` and
/// `hook_01` .. `hook_49`.
const DEFAULT_HOOKS: usize = 50;
/// Hooks each generated plugin module implements.
const HOOKS_PER_MODULE: usize = 10;
/// Plugin modules of an optimised build (`cargo bench`) unless
/// `HOOKCORE_SCALE_MODULES` says otherwise: 10,000 implementations.
const OPTIMISED_MODULES: usize = 1_000;
/// Plugin modules of an unoptimised build (`cargo clippy`, `cargo test`,
/// `cargo doc`) unless `HOOKCORE_SCALE_MODULES` says otherwise: 200
/// implementations, a few seconds to compile instead of minutes.
const UNOPTIMISED_MODULES: usize = 20;
/// Hooks the run-time plugin type `Registered` implements: `hook_01` .. `hook_10`.
const REGISTERED_HOOKS: usize = 10;

/// What a hook returns, and so what a call of it does.
#[derive(Clone, Copy)]
enum Shape {
    /// `()`: every implementation runs.
    Unit,
    /// `u64`: the call collects every value.
    Collect,
    /// `Option<u64>` with `firstresult`: the call stops at the first `Some`.
    First,
}

impl Shape {
    /// The shape of `hook_{number}`.
    fn of(number: usize) -> Shape {
        match number % 3 {
            1 => Shape::Unit,
            2 => Shape::Collect,
            _ => Shape::First,
        }
    }

    /// The hook's declaration in the spec, with its doc comment.
    fn declaration(self, number: usize) -> String {
        match self {
            Shape::Unit => format!(
                "    /// Generated hook {number}: every implementation runs.\n    \
                 fn hook_{number:02}(&self, x: u64);\n"
            ),
            Shape::Collect => format!(
                "    /// Generated hook {number}: every implementation's value.\n    \
                 fn hook_{number:02}(&self, x: u64) -> u64;\n"
            ),
            Shape::First => format!(
                "    /// Generated hook {number}: the first `Some`.\n    \
                 #[hookspec(firstresult)]\n    \
                 fn hook_{number:02}(&self, x: u64) -> Option<u64>;\n"
            ),
        }
    }

    /// Signature and body of an implementation, after `fn hook_NN`: `receiver`
    /// is `""` for a free function and `"&self, "` for a method; `id` is the
    /// implementation's number, an expression.
    fn implementation(self, receiver: &str, id: &str) -> String {
        match self {
            Shape::Unit => format!("({receiver}x: u64) {{\n        black_box(x ^ {id});\n    }}"),
            Shape::Collect => {
                format!("({receiver}x: u64) -> u64 {{\n        x.wrapping_add({id})\n    }}")
            }
            Shape::First => {
                format!(
                    "({receiver}x: u64) -> Option<u64> {{\n        (black_box(x) == {id}).then_some(x)\n    }}"
                )
            }
        }
    }
}

/// The spec `name`: `probe`, then `hook_01` .. up to `hook_{hooks - 1}`.
fn spec(out: &mut String, hooks: usize, name: &str, doc: &str) {
    writeln!(out, "{doc}\n#[hookcore::hookspec]\npub trait {name} {{").unwrap();
    out.push_str(
        "    /// The hook whose call is measured: one implementation, which answers.\n    \
         #[hookspec(firstresult)]\n    \
         fn probe(&self, x: u64) -> Option<u64>;\n",
    );
    for number in 1..hooks {
        out.push_str(&Shape::of(number).declaration(number));
    }
    out.push_str("}\n\n");
}

/// The hooks module `module` implements: [`HOOKS_PER_MODULE`] consecutive ones
/// among `hook_01` .. `hook_{hooks - 1}`, wrapping around, so every hook gets
/// about as many.
fn hooks_of(module: usize, hooks: usize) -> impl Iterator<Item = usize> {
    (0..HOOKS_PER_MODULE).map(move |k| 1 + (module * HOOKS_PER_MODULE + k) % (hooks - 1))
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=HOOKCORE_SCALE_MODULES");
    println!("cargo::rerun-if-env-changed=HOOKCORE_SCALE_HOOKS");
    // Cargo sets OPT_LEVEL to the profile's opt-level: "0" for dev and test, "3"
    // for release and bench.
    let optimised = env::var("OPT_LEVEL").is_ok_and(|level| level != "0");
    let modules = number_from_env("HOOKCORE_SCALE_MODULES").unwrap_or(if optimised {
        OPTIMISED_MODULES
    } else {
        UNOPTIMISED_MODULES
    });
    let hooks = number_from_env("HOOKCORE_SCALE_HOOKS").unwrap_or(DEFAULT_HOOKS);
    assert!(
        hooks > HOOKS_PER_MODULE.max(REGISTERED_HOOKS),
        "HOOKCORE_SCALE_HOOKS={hooks}: a spec needs more than {HOOKS_PER_MODULE} hooks besides `probe`"
    );

    let mut out = String::new();
    writeln!(
        out,
        "// @generated by benches/scale/build.rs: {modules} plugin modules x \
         {HOOKS_PER_MODULE} hooks.\n\n\
         /// Hooks in each spec: `probe` and `hook_01` .. `hook_{last:02}`.\n\
         pub const HOOKS: usize = {hooks};\n\
         /// Generated plugin modules of [`Crowded`].\n\
         pub const PLUGIN_MODULES: usize = {modules};\n\
         /// Hooks each generated plugin module implements.\n\
         pub const HOOKS_PER_MODULE: usize = {HOOKS_PER_MODULE};\n\
         /// Linked implementations of [`Crowded`] hooks other than `probe`.\n\
         pub const OTHER_IMPLS: usize = {others};\n\
         /// Hooks the run-time plugin [`Registered`] implements.\n\
         pub const REGISTERED_HOOKS: usize = {REGISTERED_HOOKS};\n",
        last = hooks - 1,
        others = modules * HOOKS_PER_MODULE,
    )
    .unwrap();

    spec(
        &mut out,
        hooks,
        "Crowded",
        "/// The crowded spec: `probe` has one implementation, the other hooks share\n\
         /// [`OTHER_IMPLS`] linked ones from the modules of [`plugins`].",
    );
    spec(
        &mut out,
        hooks,
        "Sparse",
        "/// The sparse spec: the hooks of [`Crowded`], and only `probe` implemented.",
    );

    out.push_str(
        "/// The one plugin of [`Crowded`] that implements `probe`.\n\
         mod crowded_probe {\n    \
         #[hookcore::hookimpl(crate::Crowded, name = \"probe\")]\n    \
         fn probe(x: u64) -> Option<u64> {\n        crate::probe_work(x)\n    }\n}\n\n\
         /// The one plugin of [`Sparse`]: `probe`.\n\
         mod sparse_probe {\n    \
         #[hookcore::hookimpl(crate::Sparse, name = \"probe\")]\n    \
         fn probe(x: u64) -> Option<u64> {\n        crate::probe_work(x)\n    }\n}\n\n",
    );

    out.push_str(
        "/// The generated plugins of [`Crowded`]: one module per plugin, named by\n\
         /// [`plugin_name`].\n\
         pub mod plugins {\n",
    );
    let mut id = 1;
    for module in 0..modules {
        writeln!(
            out,
            "mod plugin_{module:04} {{\n    use std::hint::black_box;\n\n    use crate::Crowded;\n"
        )
        .unwrap();
        for number in hooks_of(module, hooks) {
            let body = Shape::of(number).implementation("", &id.to_string());
            writeln!(
                out,
                "    #[hookcore::hookimpl(Crowded)]\n    fn hook_{number:02}{body}\n"
            )
            .unwrap();
            id += 1;
        }
        out.push_str("}\n\n");
    }
    out.push_str("}\n\n");

    out.push_str(
        "/// A run-time plugin of [`Crowded`]; instance `n` is implementation number `n`\n\
         /// of each of its hooks.\n\
         pub struct Registered(pub u64);\n\n\
         #[hookcore::hookimpl(runtime)]\n\
         impl Crowded for Registered {\n",
    );
    for number in 1..=REGISTERED_HOOKS {
        let body = Shape::of(number).implementation("&self, ", "self.0");
        writeln!(out, "    fn hook_{number:02}{body}\n").unwrap();
    }
    out.push_str("}\n");

    let path =
        PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("scale_plugins.rs");
    fs::write(&path, out)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
}

/// The number in environment variable `name`, if it is set.
fn number_from_env(name: &str) -> Option<usize> {
    let value = env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
    )
}
