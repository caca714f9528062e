//! The N = 1, 10 and 100 calls of `benches/hooks.rs`, timed round-robin
//! (`hookcore_benches::interleaved`): every round runs every case once, so the
//! ratios to the floor hold on a machine whose load comes and goes, where
//! criterion's one-case-after-another medians can be off by half.
//!
//! Run: `cargo bench -p hookcore-benches --bench interleaved` (about a minute). It
//! prints, per shape, each variant's best and median round in ns per call and the
//! best round's ratio to the floor. A plain `cargo bench` runs it too; a filter
//! that does not match `interleaved` skips it.

use std::hint::black_box;

use hookcore::PluginManager;
use hookcore_benches::interleaved::{Case, measure, print};
use hookcore_benches::{
    Fixture, LinkedOne, LinkedTen, N1, N10, N100, Shared, floor_collect, floor_first,
    floor_shared_collect, floor_shared_first, floor_shared_unit, floor_unit, runtime_manager,
};

/// The argument of `unit` and `collect` calls (no implementation cares).
const X: u64 = 1_000_003;
/// The argument of `first` calls: implementation number 0, the only one at
/// N = 1, answers.
const FIRST_X: u64 = 0;

/// Rounds, and calls per case in each round.
const ROUNDS: usize = 31;
const CALLS: u32 = 1_000_000;

/// Criterion's options that take a value: their values are not filters.
const OPTIONS_WITH_VALUES: [&str; 14] = [
    "--warm-up-time",
    "--measurement-time",
    "--sample-size",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--save-baseline",
    "--baseline",
    "--load-baseline",
    "--profile-time",
    "--output-format",
    "--color",
    "--format",
];

/// Whether the command line's filters (if any) select this benchmark.
fn selected(args: &[String]) -> bool {
    let mut filters = Vec::new();
    let mut skip_value = false;
    for arg in args {
        if skip_value {
            skip_value = false;
        } else if OPTIONS_WITH_VALUES.contains(&arg.as_str()) {
            skip_value = true;
        } else if !arg.starts_with('-') {
            filters.push(arg.as_str());
        }
    }
    filters.is_empty() || filters.iter().any(|filter| "interleaved".contains(filter))
}

/// The six variants of one hook's call with argument `$x`: the floors over
/// `$fns` and `$pairs`, and hookcore's callers of `$runtime` and `$linked`.
macro_rules! hook_cases {
    ($cases:expr, $group:expr, $hook:ident($x:expr), $floor:ident($fns:expr),
     $floor_shared:ident($pairs:expr), $runtime:expr, $linked:expr) => {{
        let (group, runtime, linked) = ($group, $runtime, $linked);
        $cases.push(Case::new(&group, "floor", || {
            $floor(black_box($fns), black_box($x))
        }));
        $cases.push(Case::new(&group, "floor_shared", || {
            $floor_shared(black_box($pairs), black_box($x))
        }));
        $cases.push(Case::new(&group, "hookcore_hoisted", {
            let hooks = runtime.hook();
            move || hooks.$hook(black_box($x))
        }));
        $cases.push(Case::new(&group, "hookcore_cached", {
            let mut cached = runtime.cached_caller();
            move || cached.hook().$hook(black_box($x))
        }));
        $cases.push(Case::new(&group, "hookcore_per_call", || {
            runtime.hook().$hook(black_box($x))
        }));
        if let Some(linked) = linked {
            $cases.push(Case::new(&group, "hookcore_linked_hoisted", {
                let hooks = linked.hook();
                move || hooks.$hook(black_box($x))
            }));
        }
    }};
}

/// The cases of the `unit`, `collect` and `first` shapes for `$fixture`'s N: the
/// floors, `$runtime`'s N run-time plugins and `$linked`'s N linked ones (an
/// `Option`: there is no spec with 100 linked plugins).
macro_rules! shape_cases {
    ($cases:expr, $fixture:ty, $runtime:expr, $linked:expr, $shared:expr) => {{
        let n = <$fixture>::N;
        let runtime: &PluginManager<dyn hookcore_benches::Bench> = $runtime;
        let shared: &Shared = $shared;
        let linked = $linked;
        hook_cases!(
            $cases,
            format!("unit/{n}"),
            unit(X),
            floor_unit(<$fixture>::UNIT_FNS),
            floor_shared_unit(&shared.unit),
            runtime,
            linked
        );
        hook_cases!(
            $cases,
            format!("collect/{n}"),
            collect(X),
            floor_collect(<$fixture>::COLLECT_FNS),
            floor_shared_collect(&shared.collect),
            runtime,
            linked
        );
        // Implementation number 0 answers `first`. It comes last in the run-time
        // manager's call order (most recent first) and first in the floors' and the
        // linked plugins' (by name), so at N = 10 the positions would differ:
        // `first` is timed at N = 1 only.
        if n == 1 {
            assert_eq!(runtime.hook().first(FIRST_X), Some(0));
            assert_eq!(linked.map(|pm| pm.hook().first(FIRST_X)), Some(Some(0)));
            hook_cases!(
                $cases,
                format!("first/{n}"),
                first(FIRST_X),
                floor_first(<$fixture>::FIRST_FNS),
                floor_shared_first(&shared.first),
                runtime,
                linked
            );
        }
    }};
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "--list") {
        println!("interleaved: bench");
        return;
    }
    if !selected(&args) {
        return;
    }
    // `cargo test --benches` passes `--test`: one short round, to check it runs.
    let (rounds, calls) = if args.iter().any(|arg| arg == "--test") {
        (1, 1_000)
    } else {
        (ROUNDS, CALLS)
    };
    let runtime = [
        runtime_manager(1),
        runtime_manager(10),
        runtime_manager(100),
    ];
    let linked_one = PluginManager::<dyn LinkedOne>::linked().expect("linked plugins");
    let linked_ten = PluginManager::<dyn LinkedTen>::linked().expect("linked plugins");
    let shared = [Shared::new(1), Shared::new(10), Shared::new(100)];
    let mut small = Vec::new();
    shape_cases!(small, N1, &runtime[0], Some(&linked_one), &shared[0]);
    shape_cases!(small, N10, &runtime[1], Some(&linked_ten), &shared[1]);
    let mut large = Vec::new();
    shape_cases!(
        large,
        N100,
        &runtime[2],
        None::<&PluginManager<dyn LinkedTen>>,
        &shared[2]
    );
    for (cases, calls) in [(&mut small, calls), (&mut large, calls / 20)] {
        let timings = measure(cases, rounds, calls);
        print(
            &format!(
                "interleaved: {rounds} rounds of {calls} calls per case, ns per call, ratio to the floor"
            ),
            ("shape/N", "variant"),
            &timings,
        );
    }
}
