//! Registration cost: 2,000 run-time plugins (each implementing the three hooks
//! of `Bench`) registered one by one, then unregistered one by one, as
//! `benches/pluggy/churn_pluggy.py` does with pluggy. Each phase should cost
//! what it changes, not the whole registry per step.
//!
//! Run: `cargo bench -p hookcore-benches --bench churn` (prints seconds per
//! phase, best of 3 runs), and `python3 benches/pluggy/churn_pluggy.py` in an
//! environment with pluggy for the comparison.

use std::time::Instant;

use hookcore::PluginManager;
use hookcore_benches::{Bench, Imp};

const PLUGINS: u64 = 2_000;

/// Seconds to register `n` plugins one by one, then to unregister them one by
/// one (oldest first).
fn churn(n: u64) -> (f64, f64) {
    let pm = PluginManager::<dyn Bench>::new();
    let names: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let start = Instant::now();
    for (i, name) in names.iter().enumerate() {
        pm.register(name.as_str(), Imp(i as u64))
            .expect("free name");
    }
    let registered = start.elapsed().as_secs_f64();
    assert_eq!(pm.hook().collect(0).len(), names.len());
    let start = Instant::now();
    for name in &names {
        pm.unregister(name).expect("registered");
    }
    let unregistered = start.elapsed().as_secs_f64();
    assert!(pm.hook().collect(0).is_empty());
    (registered, unregistered)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "--list") {
        println!("churn: bench");
        return;
    }
    if args
        .iter()
        .any(|arg| !arg.starts_with('-') && !"churn".contains(arg.as_str()))
    {
        return;
    }
    // `cargo test --benches` passes `--test`: a small run, to check it works.
    let (n, runs) = if args.iter().any(|arg| arg == "--test") {
        (50, 1)
    } else {
        (PLUGINS, 3)
    };
    let mut best = (f64::INFINITY, f64::INFINITY);
    for _ in 0..runs {
        let (register, unregister) = churn(n);
        best = (best.0.min(register), best.1.min(unregister));
    }
    println!("churn: {n} run-time plugins, 3 hooks each, best of {runs}");
    println!("register one by one    {:>8.4} s", best.0);
    println!("unregister one by one  {:>8.4} s", best.1);
}
