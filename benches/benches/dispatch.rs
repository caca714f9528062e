//! What a hook call costs as users write it, `pm.hook().x()` on every call,
//! against the floors of `hookcore_benches::dispatch`: for N = 1, 10 and 100
//! distinct implementations, the `unit`, `collect` and `first` shapes (`first`
//! answered by the first implementation and by the last), linked and run-time
//! plugins, through a live manager and a frozen one.
//!
//! Every round runs every case once (`hookcore_benches::interleaved`); each
//! ratio is a case's time over the slice floor's time in the same round, and
//! the table gives the lowest, median and highest of those ratios over the
//! rounds, so that a busy neighbour shows as spread instead of a false ratio.
//!
//! Run in cargo's default release profile and with fat LTO:
//!
//! ```text
//! cargo bench -p hookcore-benches --bench dispatch
//! cargo bench -p hookcore-benches --bench dispatch --profile bench-fat-lto
//! ```

use std::hint::black_box;

use hookcore::PluginManager;
use hookcore_benches::dispatch::{
    COLLECT_1, COLLECT_10, COLLECT_100, DYN_1, DYN_10, DYN_100, FIRST_1, FIRST_10, FIRST_100,
    Linked1, Linked10, Linked100, Runtime, UNIT_1, UNIT_10, UNIT_100, runtime_plugins,
};
use hookcore_benches::interleaved::{Case, measure, print_spread};

const ROUNDS: usize = 31;
/// Calls per case and round at N = 1; fewer at larger N, for the same time.
const CALLS: u32 = 400_000;
/// The argument of `unit` and `collect` (no implementation cares).
const X: u64 = 1_000_003;

/// The cases of one shape: `$fns` is the shape's `static` array of linked
/// functions and `$dyn` the `&dyn` array; `$floor` loops over functions
/// (`$f`), `$dyn_floor` over plugins (`$p`), both with the argument `$x`.
macro_rules! shape {
    ($cases:ident, $group:expr, $fns:expr, $dyn:expr, $linked:expr, $runtime:expr,
     $hook:ident($arg:expr), |$f:ident, $p:ident, $x:ident| $floor:expr, $dyn_floor:expr) => {{
        let group: String = $group;
        let (linked, runtime) = ($linked, $runtime);
        $cases.push(Case::new(&group, "slice_floor", move || {
            // A slice whose length the optimiser cannot see, as a table's.
            let $f: &[_] = black_box(&$fns[..]);
            let $x = black_box($arg);
            $floor
        }));
        $cases.push(Case::new(&group, "static_floor", move || {
            let $f = &$fns;
            let $x = black_box($arg);
            $floor
        }));
        $cases.push(Case::new(&group, "dyn_floor", move || {
            let $p: &[&dyn Runtime] = black_box(&$dyn[..]);
            let $x = black_box($arg);
            $dyn_floor
        }));
        $cases.push(Case::new(&group, "linked pm.hook()", move || {
            linked.0.hook().$hook(black_box($arg))
        }));
        $cases.push(Case::new(&group, "linked frozen pm.hook()", move || {
            linked.1.hook().$hook(black_box($arg))
        }));
        $cases.push(Case::new(&group, "linked hoisted", {
            let hooks = linked.0.hook();
            move || hooks.$hook(black_box($arg))
        }));
        $cases.push(Case::new(&group, "runtime pm.hook()", move || {
            runtime.0.hook().$hook(black_box($arg))
        }));
        $cases.push(Case::new(&group, "runtime frozen pm.hook()", move || {
            runtime.1.hook().$hook(black_box($arg))
        }));
    }};
}

/// Every shape for one N.
macro_rules! all_shapes {
    ($cases:ident, $n:expr, $spec:ident, $unit:ident, $collect:ident, $first:ident, $dyn:ident) => {{
        let n: u64 = $n;
        // Each kind twice: a live manager, and one frozen after start-up.
        let linked_manager = || -> &'static PluginManager<dyn $spec> {
            Box::leak(Box::new(
                PluginManager::<dyn $spec>::linked().expect("linked plugins"),
            ))
        };
        let linked = (linked_manager(), linked_manager().freeze());
        let runtime_manager = || -> &'static PluginManager<dyn Runtime> {
            Box::leak(Box::new(runtime_plugins(n as usize)))
        };
        let runtime = (runtime_manager(), runtime_manager().freeze());
        // The same answers from every case, before any is timed.
        let by_hand: Vec<u64> = $collect.iter().map(|f| f(X)).collect();
        assert_eq!(linked.0.hook().collect(X), by_hand);
        assert_eq!(runtime.1.hook().collect(X), by_hand);
        for x in [0, n - 1] {
            assert_eq!(linked.1.hook().first(x), $first[x as usize](x));
            assert_eq!(runtime.0.hook().first(x), $first[x as usize](x));
        }
        shape!(
            $cases,
            format!("unit/{n}"),
            $unit,
            $dyn,
            linked,
            runtime,
            unit(X),
            |fns, plugins, x| {
                for f in fns {
                    f(x)
                }
            },
            {
                for p in plugins {
                    p.unit(x)
                }
            }
        );
        shape!(
            $cases,
            format!("collect/{n}"),
            $collect,
            $dyn,
            linked,
            runtime,
            collect(X),
            |fns, plugins, x| { fns.iter().map(|f| f(x)).collect::<Vec<u64>>() },
            { plugins.iter().map(|p| p.collect(x)).collect::<Vec<u64>>() }
        );
        shape!(
            $cases,
            format!("first@first/{n}"),
            $first,
            $dyn,
            linked,
            runtime,
            first(0),
            |fns, plugins, x| { fns.iter().find_map(|f| f(x)) },
            { plugins.iter().find_map(|p| p.first(x)) }
        );
        if n > 1 {
            shape!(
                $cases,
                format!("first@last/{n}"),
                $first,
                $dyn,
                linked,
                runtime,
                first(n - 1),
                |fns, plugins, x| { fns.iter().find_map(|f| f(x)) },
                { plugins.iter().find_map(|p| p.first(x)) }
            );
        }
    }};
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "--list") {
        println!("dispatch: bench");
        return;
    }
    let filtered = args
        .iter()
        .any(|arg| !arg.starts_with('-') && !"dispatch".contains(arg.as_str()));
    if filtered {
        return;
    }
    // `cargo test --benches` passes `--test`: one short round, to check it runs.
    let (rounds, calls) = if args.iter().any(|arg| arg == "--test") {
        (1, 1_000)
    } else {
        (ROUNDS, CALLS)
    };
    let mut one = Vec::new();
    all_shapes!(one, 1, Linked1, UNIT_1, COLLECT_1, FIRST_1, DYN_1);
    let mut ten = Vec::new();
    all_shapes!(ten, 10, Linked10, UNIT_10, COLLECT_10, FIRST_10, DYN_10);
    let mut hundred = Vec::new();
    all_shapes!(
        hundred,
        100,
        Linked100,
        UNIT_100,
        COLLECT_100,
        FIRST_100,
        DYN_100
    );
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "optimised"
    };
    for (cases, calls) in [
        (&mut one, calls),
        (&mut ten, calls / 8),
        (&mut hundred, calls / 80),
    ] {
        let timings = measure(cases, rounds, calls);
        print_spread(
            &format!(
                "dispatch ({profile}): {rounds} rounds of {calls} calls per case; ratios to the slice floor in the same round"
            ),
            &timings,
        );
    }
}
