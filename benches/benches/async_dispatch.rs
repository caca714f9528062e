//! What an async hook call costs, `pm.hook().x(..).await`, against the floor a
//! hand-written program pays for the same thing: a loop over N closures that
//! return the implementations' futures boxed (`Pin<Box<dyn Future + Send>>`),
//! each awaited in turn. N = 1, 10 and 100 distinct implementations
//! (`Imp::<I>`, whose bodies differ by `I`), run-time plugins, the `unit`,
//! `collect` and `first` (answered by the last) shapes, a live and a frozen
//! manager. The futures never wait, so each call is polled once, on this
//! thread, with a no-op waker: what is measured is the dispatch, not an
//! executor.
//!
//! Every round runs every case once (`hookcore_benches::interleaved`); each
//! ratio is a case's time over the floor's in the same round (lowest, median,
//! highest over the rounds).
//!
//! ```text
//! cargo bench -p hookcore-benches --bench async_dispatch
//! cargo bench -p hookcore-benches --bench async_dispatch --profile bench-fat-lto
//! ```

use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use hookcore::{PluginManager, hookimpl, hookspec};
use hookcore_benches::interleaved::{Case, measure, print_spread};

const ROUNDS: usize = 31;
const CALLS: u32 = 200_000;

#[hookspec]
pub trait Later {
    async fn unit(&self, x: u64);
    async fn collect(&self, x: u64) -> u64;
    #[hookspec(firstresult)]
    async fn first(&self, x: u64) -> Option<u64>;
}

/// Implementation number `I`: its bodies are `body::<I>`.
struct Imp<const I: u64>;

#[inline(never)]
fn body<const I: u64>(x: u64) -> u64 {
    black_box(x.wrapping_mul(I + 1) ^ I)
}

#[hookimpl(runtime)]
impl<const I: u64> Later for Imp<I> {
    async fn unit(&self, x: u64) {
        body::<I>(x);
    }
    async fn collect(&self, x: u64) -> u64 {
        body::<I>(x)
    }
    async fn first(&self, x: u64) -> Option<u64> {
        // Only implementation number 0, registered first and so called last, answers.
        (I == 0).then(|| body::<I>(x))
    }
}

/// One implementation as the hand-written program holds it: a closure that
/// returns its future, boxed.
type Call<T> = Box<dyn Fn(u64) -> Pin<Box<dyn Future<Output = T> + Send>> + Send + Sync>;

/// The hand-written program's table: one boxed-future closure per implementation.
struct Floor {
    unit: Vec<Call<()>>,
    collect: Vec<Call<u64>>,
    first: Vec<Call<Option<u64>>>,
}

impl Floor {
    fn push<const I: u64>(&mut self) {
        self.unit.push(Box::new(|x| {
            Box::pin(async move {
                body::<I>(x);
            })
        }));
        self.collect
            .push(Box::new(|x| Box::pin(async move { body::<I>(x) })));
        self.first.push(Box::new(|x| {
            Box::pin(async move { (I == 0).then(|| body::<I>(x)) })
        }));
    }
}

/// Polls `future` to completion on this thread; the futures here never wait.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

/// `$n` implementations `Imp::<0>` .. `Imp::<$n - 1>`, in the manager and the floor.
macro_rules! plugins {
    ($pm:expr, $floor:expr, $($i:literal)*) => {{
        $(
            $pm.register(concat!("p", $i), Imp::<$i>).unwrap();
            $floor.push::<$i>();
        )*
    }};
}

fn setup(n: usize) -> (PluginManager<dyn Later>, Floor) {
    let pm = PluginManager::<dyn Later>::new();
    let mut floor = Floor {
        unit: Vec::new(),
        collect: Vec::new(),
        first: Vec::new(),
    };
    plugins!(pm, floor, 0);
    if n >= 10 {
        plugins!(pm, floor, 1 2 3 4 5 6 7 8 9);
    }
    if n >= 100 {
        plugins!(pm, floor,
            10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
            30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49
            50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69
            70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89
            90 91 92 93 94 95 96 97 98 99);
    }
    // The floor calls in the manager's order: the most recent registration first.
    floor.unit.reverse();
    floor.collect.reverse();
    floor.first.reverse();
    (pm, floor)
}

fn main() {
    for n in [1, 10, 100] {
        let (live, floor) = setup(n);
        let (frozen, _) = setup(n);
        frozen.freeze();
        let calls = CALLS / u32::try_from(n).unwrap();
        let mut cases = Vec::new();
        let group = format!("unit/{n}");
        cases.push(Case::new(&group, "boxed-future floor", || {
            block_on(async {
                for f in black_box(&floor.unit) {
                    f(black_box(7)).await;
                }
            })
        }));
        cases.push(Case::new(&group, "pm.hook()", || {
            block_on(live.hook().unit(black_box(7)))
        }));
        cases.push(Case::new(&group, "frozen pm.hook()", || {
            block_on(frozen.hook().unit(black_box(7)))
        }));
        let group = format!("collect/{n}");
        cases.push(Case::new(&group, "boxed-future floor", || {
            block_on(async {
                let fs = black_box(&floor.collect);
                let mut values = Vec::with_capacity(fs.len());
                for f in fs {
                    values.push(f(black_box(7)).await);
                }
                values
            })
        }));
        cases.push(Case::new(&group, "pm.hook()", || {
            block_on(live.hook().collect(black_box(7)))
        }));
        cases.push(Case::new(&group, "frozen pm.hook()", || {
            block_on(frozen.hook().collect(black_box(7)))
        }));
        let group = format!("first@last/{n}");
        cases.push(Case::new(&group, "boxed-future floor", || {
            block_on(async {
                for f in black_box(&floor.first) {
                    if let Some(value) = f(black_box(7)).await {
                        return Some(value);
                    }
                }
                None
            })
        }));
        cases.push(Case::new(&group, "pm.hook()", || {
            block_on(live.hook().first(black_box(7)))
        }));
        cases.push(Case::new(&group, "frozen pm.hook()", || {
            block_on(frozen.hook().first(black_box(7)))
        }));
        let timings = measure(&mut cases, ROUNDS, calls);
        print_spread(
            &format!(
                "async dispatch: {ROUNDS} rounds of {calls} calls per case; ratios to the boxed-future floor in the same round"
            ),
            &timings,
        );
    }
}
