//! Calls allocate nothing, except a collecting call's result vector: counted by a
//! global allocator, per thread (tests run on threads of their own).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Arc;

use hookcore::{Monitor, PluginManager, hookimpl, hookspec};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` unchanged; the only addition is a
// thread-local counter, which needs no allocation (const-initialised `Cell`).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract for `layout`.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (see `alloc`).
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `work` makes on this thread.
fn allocations(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    work();
    ALLOCATIONS.with(Cell::get) - before
}

#[hookspec]
pub trait Hot {
    fn unit(&self, x: u64);
    #[hookspec(firstresult)]
    fn first(&self, x: u64) -> Option<u64>;
    fn collect(&self, x: u64) -> u64;
    fn maybe(&self, x: u64) -> Option<u64>;
    fn fallible(&self, x: u64) -> Result<(), String>;
}

struct Imp(u64);

#[hookimpl(runtime)]
impl Hot for Imp {
    fn unit(&self, x: u64) {
        std::hint::black_box(x + self.0);
    }
    fn first(&self, x: u64) -> Option<u64> {
        (self.0 == 9).then_some(x)
    }
    fn collect(&self, x: u64) -> u64 {
        x + self.0
    }
    fn maybe(&self, x: u64) -> Option<u64> {
        self.0.is_multiple_of(2).then_some(x)
    }
    fn fallible(&self, _x: u64) -> Result<(), String> {
        Ok(())
    }
}

struct Pass;

#[hookimpl(runtime)]
impl Hot for Pass {
    #[hookimpl(wrapper)]
    fn unit(&self, x: u64, next: HotUnitNext<'_>) {
        next.call(x);
    }
    #[hookimpl(wrapper)]
    fn first(&self, x: u64, next: HotFirstNext<'_>) -> Option<u64> {
        next.call(x)
    }
}

fn manager() -> PluginManager<dyn Hot> {
    let pm = PluginManager::new();
    for i in 0..10 {
        pm.register(format!("p{i}"), Imp(i)).unwrap();
    }
    pm.register("wrapper-1", Pass).unwrap();
    pm.register("wrapper-2", Pass).unwrap();
    // Warm up: the first table read on a thread may set up per-thread state.
    pm.hook().unit(0);
    pm
}

#[test]
fn unit_and_firstresult_calls_allocate_nothing() {
    let pm = manager();
    assert_eq!(
        allocations(|| for x in 0..100 {
            pm.hook().unit(x)
        }),
        0
    );
    assert_eq!(
        allocations(|| for x in 0..100 {
            assert_eq!(pm.hook().first(x), Some(x))
        }),
        0
    );
    assert_eq!(
        allocations(|| for x in 0..100 {
            assert_eq!(pm.hook().fallible(x), Ok(()))
        }),
        0
    );
    let hooks = pm.hook();
    assert_eq!(
        allocations(|| for x in 0..100 {
            hooks.unit(x)
        }),
        0
    );
    let mut cached = pm.cached_caller();
    assert_eq!(
        allocations(|| for x in 0..100 {
            cached.hook().unit(x);
            assert_eq!(cached.hook().first(x), Some(x));
        }),
        0
    );
    pm.freeze();
    assert_eq!(
        allocations(|| for x in 0..100 {
            pm.hook().unit(x);
            assert_eq!(pm.hook().first(x), Some(x));
            assert_eq!(pm.hook().fallible(x), Ok(()));
        }),
        0
    );
}

#[test]
fn a_collecting_call_allocates_exactly_its_result_vector() {
    let pm = manager();
    let mut results = Vec::new();
    assert_eq!(
        allocations(|| results.push(pm.hook().collect(1))),
        1 + 1,
        "the vector, and `results` growing"
    );
    assert_eq!(allocations(|| drop(pm.hook().collect(1))), 1);
    assert_eq!(
        allocations(|| drop(pm.hook().maybe(1))),
        1,
        "sized once for every answer, never regrown"
    );
}

#[test]
fn a_monitored_call_allocates_nothing_either() {
    struct Quiet;
    impl Monitor for Quiet {}
    let pm = manager();
    pm.add_monitor(Arc::new(Quiet));
    pm.hook().unit(0);
    assert_eq!(
        allocations(|| for x in 0..100 {
            pm.hook().unit(x)
        }),
        0
    );
}

#[hookspec]
pub trait Later {
    async fn unit(&self, x: u64);
    #[hookspec(firstresult)]
    async fn first(&self, x: u64) -> Option<u64>;
    async fn collect(&self, x: u64) -> u64;
}

struct LaterImp(u64);

#[hookimpl(runtime)]
impl Later for LaterImp {
    async fn unit(&self, x: u64) {
        std::hint::black_box(x + self.0);
    }
    async fn first(&self, x: u64) -> Option<u64> {
        (self.0 == 9).then_some(x)
    }
    async fn collect(&self, x: u64) -> u64 {
        x + self.0
    }
}

/// Polls `future` to completion on this thread; the futures here never wait.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

#[test]
fn an_async_call_allocates_one_box_per_implementation_it_runs() {
    let pm = PluginManager::<dyn Later>::new();
    for i in 0..10 {
        pm.register(format!("p{i}"), LaterImp(i)).unwrap();
    }
    block_on(pm.hook().unit(0));
    // Each implementation's future is boxed by the hook's trait: one allocation
    // each, nothing else for a unit call.
    assert_eq!(allocations(|| block_on(pm.hook().unit(1))), 10);
    // `p9`, registered last, runs first and answers: the nine after it never
    // start, so their futures are never made.
    assert_eq!(
        allocations(|| assert_eq!(block_on(pm.hook().first(1)), Some(1))),
        1
    );
    // A collecting call adds its result vector.
    assert_eq!(allocations(|| drop(block_on(pm.hook().collect(1)))), 11);
    pm.freeze();
    assert_eq!(allocations(|| block_on(pm.hook().unit(1))), 10);
}

#[hookspec]
pub trait LaterWrapped {
    async fn unit(&self, x: u64);
}

struct Through;

#[hookimpl(runtime)]
impl LaterWrapped for Through {
    async fn unit(&self, x: u64) {
        std::hint::black_box(x);
    }
}

struct Around;

#[hookimpl(runtime)]
impl LaterWrapped for Around {
    #[hookimpl(wrapper)]
    async fn unit(&self, x: u64, next: LaterWrappedUnitNext<'_>) {
        next.call(x).await;
    }
}

#[test]
fn an_async_call_through_wrappers_allocates_one_box_per_step() {
    let pm = PluginManager::<dyn LaterWrapped>::new();
    for i in 0..3 {
        pm.register(format!("p{i}"), Through).unwrap();
    }
    pm.register("w1", Around).unwrap();
    pm.register("w2", Around).unwrap();
    block_on(pm.hook().unit(0));
    // Each wrapper's future, the innermost step's, and each implementation's.
    assert_eq!(allocations(|| block_on(pm.hook().unit(1))), 2 + 1 + 3);
}
