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
    const CALLERS: usize = 4;
    const CALLS: usize = 20_000;

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
                for _ in 0..CALLS {
                    let hooks = pm.hook();
                    // The changer adds "a" (10) and "b" (100) together and removes them
                    // together while blocking; a whole table has one of these sums.
                    let total: usize = hooks.weight().iter().sum();
                    assert!(matches!(total, 1 | 11 | 111 | 101), "torn table: {total}");
                    hooks.bump();
                }
            })
        })
        .collect();

    let changer = {
        let (pm, start, done) = (Arc::clone(&pm), Arc::clone(&start), Arc::clone(&done));
        thread::spawn(move || {
            start.wait();
            let mut rounds = 0;
            while !done.load(Ordering::Relaxed) && rounds < 100_000 {
                pm.register(
                    "a",
                    Weighted {
                        weight: 10,
                        ..Weighted::default()
                    },
                )
                .unwrap();
                pm.register(
                    "b",
                    Weighted {
                        weight: 100,
                        ..Weighted::default()
                    },
                )
                .unwrap();
                pm.set_blocked("a");
                pm.unregister("b").unwrap();
                assert!(pm.unblock("a"));
                rounds += 1;
            }
            rounds
        })
    };

    for caller in callers {
        caller.join().unwrap();
    }
    done.store(true, Ordering::Relaxed);
    let rounds = changer.join().unwrap();
    assert!(rounds > 0);
    assert_eq!(
        base.bumps.load(Ordering::Relaxed),
        CALLERS * CALLS,
        "every call reached base once"
    );
    assert_eq!(pm.hook().weight(), [1]);
}
