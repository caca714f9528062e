//! Calls from many threads while another thread changes the plugins: every call
//! sees one whole table, and no call waits for a lock.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

use hookcore::{PluginManager, hookimpl, hookspec};

#[hookspec]
pub trait Tally {
    /// Every plugin answers its weight.
    fn weight(&self) -> usize;
    fn bump(&self);
}

#[derive(Default)]
struct Weighted {
    weight: usize,
    bumps: AtomicUsize,
}

#[hookimpl(runtime)]
impl Tally for Weighted {
    fn weight(&self) -> usize {
        self.weight
    }
    fn bump(&self) {
        self.bumps.fetch_add(1, Ordering::Relaxed);
    }
}

#[test]
fn calls_during_changes_see_whole_tables_and_counts_add_up() {
    // 8 callers, 1,000,000 calls in all, while another thread registers,
    // unregisters, blocks and unblocks plugins. Bounded: the changer stops when
    // the callers are done, or after 1,000,000 rounds.
    const CALLERS: usize = 8;
    const CALLS: usize = 125_000;

    let pm = Arc::new(PluginManager::<dyn Tally>::new());
    let base = Arc::new(Weighted {
        weight: 1,
        ..Weighted::default()
    });
    pm.register_arc("base", Arc::clone(&base)).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let start = Arc::new(Barrier::new(CALLERS + 1));

    let callers: Vec<_> = (0..CALLERS)
        .map(|_| {
            let (pm, start) = (Arc::clone(&pm), Arc::clone(&start));
            thread::spawn(move || {
                start.wait();
                // How many calls saw "a" (weight 10) and "b" (weight 100).
                let (mut saw_a, mut saw_b) = (0, 0);
                for _ in 0..CALLS {
                    let hooks = pm.hook();
                    // The changer adds "a" then "b", blocks "a", removes "b", then
                    // unblocks "a": a whole table has one of these sums.
                    let total: usize = hooks.weight().iter().sum();
                    assert!(matches!(total, 1 | 11 | 111 | 101), "torn table: {total}");
                    saw_a += usize::from(total % 100 == 11);
                    saw_b += usize::from(total >= 100);
                    hooks.bump();
                }
                (saw_a, saw_b)
            })
        })
        .collect();

    let changer = {
        let (pm, start, done) = (Arc::clone(&pm), Arc::clone(&start), Arc::clone(&done));
        thread::spawn(move || {
            start.wait();
            let (mut a_objects, mut b_objects) = (Vec::new(), Vec::new());
            while !done.load(Ordering::Relaxed) && a_objects.len() < 1_000_000 {
                let a = Arc::new(Weighted {
                    weight: 10,
                    ..Weighted::default()
                });
                let b = Arc::new(Weighted {
                    weight: 100,
                    ..Weighted::default()
                });
                pm.register_arc("a", Arc::clone(&a)).unwrap();
                pm.register_arc("b", Arc::clone(&b)).unwrap();
                pm.set_blocked("a");
                pm.unregister("b").unwrap();
                assert!(pm.unblock("a"));
                a_objects.push(a);
                b_objects.push(b);
            }
            (a_objects, b_objects)
        })
    };

    let (mut saw_a, mut saw_b) = (0, 0);
    for caller in callers {
        let (a, b) = caller.join().unwrap();
        saw_a += a;
        saw_b += b;
    }
    done.store(true, Ordering::Relaxed);
    let (a_objects, b_objects) = changer.join().unwrap();
    let bumps = |objects: &[Arc<Weighted>]| -> usize {
        objects
            .iter()
            .map(|o| o.bumps.load(Ordering::Relaxed))
            .sum()
    };
    assert!(!a_objects.is_empty(), "the changer ran");
    assert_eq!(
        base.bumps.load(Ordering::Relaxed),
        CALLERS * CALLS,
        "every call reached base once"
    );
    assert_eq!(
        bumps(&a_objects),
        saw_a,
        "every call that saw `a` bumped it, and only those"
    );
    assert_eq!(
        bumps(&b_objects),
        saw_b,
        "every call that saw `b` bumped it, and only those"
    );
    assert_eq!(pm.hook().weight(), [1]);
}

/// Counts its drops: a plugin object is dropped only once no table holds it.
struct Dropped(Arc<AtomicUsize>);

#[hookimpl(runtime)]
impl Tally for Dropped {
    fn weight(&self) -> usize {
        1
    }
}

impl Drop for Dropped {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

#[test]
fn a_live_manager_frees_every_table_it_replaces_while_threads_call() {
    // 100,000 registrations, each unregistered at once, while two threads call:
    // every replaced table is freed, which the plugins' drops show (a table
    // holds its plugins), so memory stays at one table plus what running
    // calls hold.
    const CHANGES: usize = 100_000;
    let pm = Arc::new(PluginManager::<dyn Tally>::new());
    pm.register(
        "steady",
        Weighted {
            weight: 2,
            ..Weighted::default()
        },
    )
    .unwrap();
    let drops = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let callers: Vec<_> = (0..2)
        .map(|_| {
            let (pm, done) = (Arc::clone(&pm), Arc::clone(&done));
            thread::spawn(move || {
                let mut calls = 0_usize;
                while !done.load(Ordering::Relaxed) {
                    let weights = pm.hook().weight();
                    assert!(weights == [2] || weights == [1, 2], "{weights:?}");
                    calls += 1;
                }
                calls
            })
        })
        .collect();
    for _ in 0..CHANGES {
        pm.register("passing", Dropped(Arc::clone(&drops))).unwrap();
        pm.unregister("passing").unwrap();
    }
    done.store(true, Ordering::Relaxed);
    let calls: usize = callers.into_iter().map(|c| c.join().unwrap()).sum();
    assert!(calls > 0);
    assert_eq!(drops.load(Ordering::Relaxed), CHANGES);
    assert_eq!(pm.kept_tables(), 0);
}
