//! A hook call against baselines measured in the same run.
//!
//! Groups (one per shape), each benchmark named `<variant>/<N>`:
//!
//! - `unit`, `collect`, `first_at_first`, `first_at_last`: N = 1, 10, 100
//!   implementations; `first_at_*` answers at the first or at the last position
//!   of each variant's own call order.
//! - `wrapped_unit`: 10 implementations and 5 pass-through wrappers (N = 10).
//! - `threads_unit_n10`: the `unit` hook with 10 implementations, called from 1 or
//!   2 threads at once (N = threads); the time is per call, over all threads.
//!
//! Variants: `floor` (a loop over `fn` pointers, one function per implementation),
//! `floor_shared` (one function called through N `(fn, number)` pairs: the floor
//! of the run-time plugins, N objects of one type), `direct` (the bodies inlined),
//! `rwlock` (boxed closures behind a read lock taken per call), `inventory`
//! (`inventory::iter` filtered by group), `hookcore_per_call` (`pm.hook().unit(x)`
//! every iteration), `hookcore_hoisted` (one caller made outside the loop),
//! `hookcore_cached` (`cached.hook().unit(x)` on a `CachedCaller` kept outside
//! the loop), and
//! `hookcore_linked_*` (the same two, linked free-function plugins; N = 1 and 10).
//!
//! Run: `cargo bench -p hookcore-benches -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use hookcore::{HookSpec, ImplInfo, PluginManager};
use hookcore_benches::{
    Bench, CollectEntry, DynRegistry, FirstEntry, Fixture, LinkedOne, LinkedTen, N1, N10, N100,
    Shared, UnitEntry, Wrap, WrapEntry, WrapFn, direct_wrapped, dyn_wrap_chain, floor_collect,
    floor_first, floor_shared_collect, floor_shared_first, floor_shared_unit, floor_unit,
    inventory_wrap_chain, runtime_manager, wrap_body, wrap_chain, wrap_registry,
};

type Group<'a> = BenchmarkGroup<'a, WallTime>;

/// The argument of `unit` and `collect` calls (no implementation cares).
const X: u64 = 1_000_003;

const WRAPPERS: [WrapFn; 5] = [wrap_body; 5];

fn id(variant: &str, n: usize) -> BenchmarkId {
    BenchmarkId::new(variant, n)
}

/// The implementation numbers of `hook`'s implementations in the manager's call
/// order: the trailing digits of each plugin name (`p7`, `..::linked_ten::m7`).
fn call_order<S: HookSpec + ?Sized>(pm: &PluginManager<S>, hook: &str) -> Vec<u64> {
    let infos: Vec<ImplInfo> = pm.hookimpls(hook).expect("known hook");
    infos
        .iter()
        .filter(|info| !info.wrapper)
        .map(|info| {
            let name = &info.plugin;
            let digits = name.chars().rev().take_while(char::is_ascii_digit).count();
            name[name.len() - digits..]
                .parse()
                .unwrap_or_else(|_| panic!("no number at the end of plugin name {name:?}"))
        })
        .collect()
}

/// The implementation numbers of the `first` entries of group `n`, in
/// `inventory`'s iteration order.
fn inventory_first_order(n: usize) -> Vec<u64> {
    inventory::iter::<FirstEntry>
        .into_iter()
        .filter(|entry| entry.group == n)
        .map(|entry| entry.id)
        .collect()
}

/// Where a `first` call answers.
#[derive(Clone, Copy)]
enum At {
    First,
    Last,
}

impl At {
    /// The argument that makes the implementation at this position of `order` answer.
    fn pick(self, order: &[u64]) -> u64 {
        match self {
            At::First => order[0],
            At::Last => order[order.len() - 1],
        }
    }
}

/// Everything one N needs at run time.
struct Setup {
    pm: PluginManager<dyn Bench>,
    registry: DynRegistry,
    /// The hookcore manager's call order of `first`.
    hookcore_order: Vec<u64>,
    /// `inventory`'s order of `first`.
    inventory_order: Vec<u64>,
    /// The order of the floor, direct and rwlock baselines.
    table_order: Vec<u64>,
    shared: Shared,
}

impl Setup {
    fn new<F: Fixture>() -> Self {
        let pm = runtime_manager(F::N);
        let hookcore_order = call_order(&pm, "first");
        let inventory_order = inventory_first_order(F::N);
        assert_eq!(hookcore_order.len(), F::N);
        assert_eq!(inventory_order.len(), F::N);
        Setup {
            pm,
            registry: F::registry(),
            hookcore_order,
            inventory_order,
            table_order: (0..F::N as u64).collect(),
            shared: Shared::new(F::N),
        }
    }
}

fn bench_unit<F: Fixture>(g: &mut Group<'_>, s: &Setup) {
    let n = F::N;
    g.bench_function(id("floor", n), |b| {
        b.iter(|| floor_unit(black_box(F::UNIT_FNS), black_box(X)));
    });
    g.bench_function(id("floor_shared", n), |b| {
        b.iter(|| floor_shared_unit(black_box(&s.shared.unit), black_box(X)));
    });
    g.bench_function(id("direct", n), |b| b.iter(|| F::unit(black_box(X))));
    g.bench_function(id("rwlock", n), |b| {
        b.iter(|| {
            let x = black_box(X);
            for f in s.registry.unit.read().expect("lock").iter() {
                f(x);
            }
        });
    });
    g.bench_function(id("inventory", n), |b| {
        b.iter(|| {
            let x = black_box(X);
            for entry in inventory::iter::<UnitEntry> {
                if entry.group == n {
                    (entry.f)(x);
                }
            }
        });
    });
    g.bench_function(id("hookcore_per_call", n), |b| {
        b.iter(|| s.pm.hook().unit(black_box(X)));
    });
    g.bench_function(id("hookcore_hoisted", n), |b| {
        let hooks = s.pm.hook();
        b.iter(|| hooks.unit(black_box(X)));
    });
    g.bench_function(id("hookcore_cached", n), |b| {
        let mut cached = s.pm.cached_caller();
        b.iter(|| cached.hook().unit(black_box(X)));
    });
}

fn bench_collect<F: Fixture>(g: &mut Group<'_>, s: &Setup) {
    let n = F::N;
    g.bench_function(id("floor", n), |b| {
        b.iter(|| floor_collect(black_box(F::COLLECT_FNS), black_box(X)));
    });
    g.bench_function(id("floor_shared", n), |b| {
        b.iter(|| floor_shared_collect(black_box(&s.shared.collect), black_box(X)));
    });
    g.bench_function(id("direct", n), |b| b.iter(|| F::collect(black_box(X))));
    g.bench_function(id("rwlock", n), |b| {
        b.iter(|| {
            let x = black_box(X);
            s.registry
                .collect
                .read()
                .expect("lock")
                .iter()
                .map(|f| f(x))
                .collect::<Vec<u64>>()
        });
    });
    g.bench_function(id("inventory", n), |b| {
        b.iter(|| {
            let x = black_box(X);
            inventory::iter::<CollectEntry>
                .into_iter()
                .filter(|entry| entry.group == n)
                .map(|entry| (entry.f)(x))
                .collect::<Vec<u64>>()
        });
    });
    g.bench_function(id("hookcore_per_call", n), |b| {
        b.iter(|| s.pm.hook().collect(black_box(X)));
    });
    g.bench_function(id("hookcore_hoisted", n), |b| {
        let hooks = s.pm.hook();
        b.iter(|| hooks.collect(black_box(X)));
    });
    g.bench_function(id("hookcore_cached", n), |b| {
        let mut cached = s.pm.cached_caller();
        b.iter(|| cached.hook().collect(black_box(X)));
    });
}

fn bench_first<F: Fixture>(g: &mut Group<'_>, s: &Setup, at: At) {
    let n = F::N;
    let x = at.pick(&s.table_order);
    let expected = Some(x.wrapping_mul(3));
    assert_eq!(F::first(x), expected);
    g.bench_function(id("floor", n), |b| {
        b.iter(|| floor_first(black_box(F::FIRST_FNS), black_box(x)));
    });
    g.bench_function(id("floor_shared", n), |b| {
        b.iter(|| floor_shared_first(black_box(&s.shared.first), black_box(x)));
    });
    g.bench_function(id("direct", n), |b| b.iter(|| F::first(black_box(x))));
    g.bench_function(id("rwlock", n), |b| {
        b.iter(|| {
            let x = black_box(x);
            s.registry
                .first
                .read()
                .expect("lock")
                .iter()
                .find_map(|f| f(x))
        });
    });
    let x_inventory = at.pick(&s.inventory_order);
    g.bench_function(id("inventory", n), |b| {
        b.iter(|| {
            let x = black_box(x_inventory);
            inventory::iter::<FirstEntry>
                .into_iter()
                .filter(|entry| entry.group == n)
                .find_map(|entry| (entry.f)(x))
        });
    });
    let x_hookcore = at.pick(&s.hookcore_order);
    assert_eq!(
        s.pm.hook().first(x_hookcore),
        Some(x_hookcore.wrapping_mul(3))
    );
    g.bench_function(id("hookcore_per_call", n), |b| {
        b.iter(|| s.pm.hook().first(black_box(x_hookcore)));
    });
    g.bench_function(id("hookcore_hoisted", n), |b| {
        let hooks = s.pm.hook();
        b.iter(|| hooks.first(black_box(x_hookcore)));
    });
    g.bench_function(id("hookcore_cached", n), |b| {
        let mut cached = s.pm.cached_caller();
        b.iter(|| cached.hook().first(black_box(x_hookcore)));
    });
}

/// `hookcore_linked_per_call` and `hookcore_linked_hoisted` for the linked
/// plugins of `$spec`: `$call` is the call on `$hooks`, with `$x` the argument.
macro_rules! bench_linked {
    ($g:expr, $spec:ident, $n:expr, $at:expr, |$hooks:ident, $x:ident| $call:expr) => {{
        let pm = PluginManager::<dyn $spec>::linked().expect("linked plugins");
        let order = call_order(&pm, "first");
        assert_eq!(order.len(), $n, "linked plugins of {}", stringify!($spec));
        let $x: u64 = match $at {
            Some(at) => At::pick(at, &order),
            None => X,
        };
        $g.bench_function(id("hookcore_linked_per_call", $n), |b| {
            b.iter(|| {
                let $hooks = pm.hook();
                let $x = black_box($x);
                $call
            })
        });
        $g.bench_function(id("hookcore_linked_hoisted", $n), |b| {
            let $hooks = pm.hook();
            b.iter(|| {
                let $x = black_box($x);
                $call
            })
        });
    }};
}

struct Setups {
    n1: Setup,
    n10: Setup,
    n100: Setup,
}

fn shapes(c: &mut Criterion) {
    let s = Setups {
        n1: Setup::new::<N1>(),
        n10: Setup::new::<N10>(),
        n100: Setup::new::<N100>(),
    };

    let mut g = c.benchmark_group("unit");
    bench_unit::<N1>(&mut g, &s.n1);
    bench_linked!(g, LinkedOne, 1, None::<At>, |hooks, x| hooks.unit(x));
    bench_unit::<N10>(&mut g, &s.n10);
    bench_linked!(g, LinkedTen, 10, None::<At>, |hooks, x| hooks.unit(x));
    bench_unit::<N100>(&mut g, &s.n100);
    g.finish();

    let mut g = c.benchmark_group("collect");
    bench_collect::<N1>(&mut g, &s.n1);
    bench_linked!(g, LinkedOne, 1, None::<At>, |hooks, x| hooks.collect(x));
    bench_collect::<N10>(&mut g, &s.n10);
    bench_linked!(g, LinkedTen, 10, None::<At>, |hooks, x| hooks.collect(x));
    bench_collect::<N100>(&mut g, &s.n100);
    g.finish();

    for (name, at) in [("first_at_first", At::First), ("first_at_last", At::Last)] {
        let mut g = c.benchmark_group(name);
        bench_first::<N1>(&mut g, &s.n1, at);
        bench_linked!(g, LinkedOne, 1, Some(at), |hooks, x| hooks.first(x));
        bench_first::<N10>(&mut g, &s.n10, at);
        bench_linked!(g, LinkedTen, 10, Some(at), |hooks, x| hooks.first(x));
        bench_first::<N100>(&mut g, &s.n100, at);
        g.finish();
    }
}

/// 10 implementations inside 5 pass-through wrappers, on the `unit` hook.
fn wrapped(c: &mut Criterion) {
    let pm = runtime_manager(10);
    for i in 0..5 {
        pm.register(format!("w{i}"), Wrap(i)).expect("register");
    }
    let registry = wrap_registry();
    let shared = Shared::new(10);
    assert_eq!(inventory::iter::<WrapEntry>.into_iter().count(), 5);

    let mut g = c.benchmark_group("wrapped_unit");
    g.bench_function(id("floor", 10), |b| {
        b.iter(|| {
            let fns = black_box(N10::UNIT_FNS);
            wrap_chain(black_box(&WRAPPERS), fns, &|f, x| f(x), black_box(X));
        });
    });
    g.bench_function(id("floor_shared", 10), |b| {
        b.iter(|| {
            let pairs = black_box(shared.unit.as_slice());
            wrap_chain(
                black_box(&WRAPPERS),
                pairs,
                &|(f, i), x| f(*i, x),
                black_box(X),
            );
        });
    });
    g.bench_function(id("direct", 10), |b| {
        b.iter(|| direct_wrapped(black_box(X)))
    });
    g.bench_function(id("rwlock", 10), |b| {
        b.iter(|| {
            let x = black_box(X);
            let inner = registry.inner.read().expect("lock");
            dyn_wrap_chain(&inner.0, &inner.1, x);
        });
    });
    g.bench_function(id("inventory", 10), |b| {
        b.iter(|| inventory_wrap_chain(inventory::iter::<WrapEntry>.into_iter(), black_box(X)));
    });
    g.bench_function(id("hookcore_per_call", 10), |b| {
        b.iter(|| pm.hook().unit(black_box(X)));
    });
    g.bench_function(id("hookcore_hoisted", 10), |b| {
        let hooks = pm.hook();
        b.iter(|| hooks.unit(black_box(X)));
    });
    g.bench_function(id("hookcore_cached", 10), |b| {
        let mut cached = pm.cached_caller();
        b.iter(|| cached.hook().unit(black_box(X)));
    });
    g.finish();
}

/// Runs `iters` calls spread over `threads` threads that start together; each
/// thread makes its call with `setup()` before the start. The time is the
/// slowest thread's, from the start to its last call.
fn threaded<S, C>(threads: usize, iters: u64, setup: S) -> Duration
where
    S: Fn() -> C + Sync,
    C: FnMut(),
{
    let barrier = Barrier::new(threads);
    let per_thread = iters.div_ceil(threads as u64);
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut call = setup();
                    barrier.wait();
                    let start = Instant::now();
                    for _ in 0..per_thread {
                        call();
                    }
                    start.elapsed()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("worker"))
            .max()
            .unwrap_or_default()
    })
}

/// The `unit` hook with 10 implementations from 1 and 2 threads at once.
fn threads(c: &mut Criterion) {
    let s = Setup::new::<N10>();
    // The same plugins in a manager frozen after start-up.
    let frozen = runtime_manager(N10::N);
    frozen.freeze();
    let frozen = &frozen;
    let mut g = c.benchmark_group("threads_unit_n10");
    for threads in [1, 2] {
        g.bench_function(id("floor", threads), |b| {
            b.iter_custom(|iters| {
                threaded(threads, iters, || {
                    || floor_unit(black_box(N10::UNIT_FNS), black_box(X))
                })
            });
        });
        g.bench_function(id("floor_shared", threads), |b| {
            b.iter_custom(|iters| {
                threaded(threads, iters, || {
                    || floor_shared_unit(black_box(&s.shared.unit), black_box(X))
                })
            });
        });
        g.bench_function(id("direct", threads), |b| {
            b.iter_custom(|iters| threaded(threads, iters, || || N10::unit(black_box(X))));
        });
        g.bench_function(id("rwlock", threads), |b| {
            b.iter_custom(|iters| {
                threaded(threads, iters, || {
                    || {
                        let x = black_box(X);
                        for f in s.registry.unit.read().expect("lock").iter() {
                            f(x);
                        }
                    }
                })
            });
        });
        g.bench_function(id("inventory", threads), |b| {
            b.iter_custom(|iters| {
                threaded(threads, iters, || {
                    || {
                        let x = black_box(X);
                        for entry in inventory::iter::<UnitEntry> {
                            if entry.group == 10 {
                                (entry.f)(x);
                            }
                        }
                    }
                })
            });
        });
        g.bench_function(id("hookcore_per_call", threads), |b| {
            b.iter_custom(|iters| threaded(threads, iters, || || s.pm.hook().unit(black_box(X))));
        });
        g.bench_function(id("hookcore_hoisted", threads), |b| {
            b.iter_custom(|iters| {
                threaded(threads, iters, || {
                    let hooks = s.pm.hook();
                    move || hooks.unit(black_box(X))
                })
            });
        });
        g.bench_function(id("hookcore_cached", threads), |b| {
            b.iter_custom(|iters| {
                threaded(threads, iters, || {
                    let mut cached = s.pm.cached_caller();
                    move || cached.hook().unit(black_box(X))
                })
            });
        });
        g.bench_function(id("hookcore_frozen_per_call", threads), |b| {
            b.iter_custom(|iters| threaded(threads, iters, || || frozen.hook().unit(black_box(X))));
        });
    }
    g.finish();
}

criterion_group!(benches, shapes, wrapped, threads);
criterion_main!(benches);
