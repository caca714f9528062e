//! What `benches/hooks.rs` measures: a hook spec with three hook shapes, plugins
//! for it (registered at run time, and linked free functions), and the baselines a
//! hook call is compared with, all running the same bodies.
//!
//! | baseline | what a call does |
//! |---|---|
//! | floor | a loop over a slice of `fn` pointers, one function per implementation |
//! | floor_shared | a loop over `(fn pointer, number)` pairs, one function for all ([`Shared`]) |
//! | direct | the bodies called one after another, inlined ([`Fixture`]) |
//! | rwlock | a read lock on a `RwLock<Vec<Box<dyn Fn>>>`, then a loop over it ([`DynRegistry`]) |
//! | inventory | a walk over every `inventory::submit!`ted entry, keeping those of one group |
//!
//! The runtime plugins ([`Imp`]) are N objects of one type, so a call runs one
//! method N times with different `self`; the linked plugins and the `floor`,
//! `rwlock` and `inventory` baselines are N different functions. `floor_shared` is
//! the floor for the first kind: it calls one function through N pointers.
//!
//! Implementation number `i` of every kind does the same work: [`unit_work`],
//! [`collect_work`] or [`first_work`] with `i`. [`first_work`] answers only when
//! `x == i`, so the argument picks which position of the call order answers.

use std::hint::black_box;
use std::sync::RwLock;

pub use hookcore;
pub use inventory;

pub mod dispatch;
pub mod interleaved;

/// The spec whose plugins are registered at run time ([`Imp`], [`Wrap`]).
#[hookcore::hookspec]
pub trait Bench {
    /// Every implementation runs.
    fn unit(&self, x: u64);
    /// Every implementation's value.
    fn collect(&self, x: u64) -> u64;
    /// The first `Some`.
    #[hookspec(firstresult)]
    fn first(&self, x: u64) -> Option<u64>;
}

/// [`Bench`] again, for one linked free-function plugin (module [`linked_one`]).
#[hookcore::hookspec]
pub trait LinkedOne {
    /// Every implementation runs.
    fn unit(&self, x: u64);
    /// Every implementation's value.
    fn collect(&self, x: u64) -> u64;
    /// The first `Some`.
    #[hookspec(firstresult)]
    fn first(&self, x: u64) -> Option<u64>;
}

/// [`Bench`] again, for ten linked free-function plugins (module [`linked_ten`]).
#[hookcore::hookspec]
pub trait LinkedTen {
    /// Every implementation runs.
    fn unit(&self, x: u64);
    /// Every implementation's value.
    fn collect(&self, x: u64) -> u64;
    /// The first `Some`.
    #[hookspec(firstresult)]
    fn first(&self, x: u64) -> Option<u64>;
}

/// The body of every `unit` implementation number `i`.
#[inline(always)]
pub fn unit_work(i: u64, x: u64) {
    black_box(x ^ i);
}

/// The body of every `collect` implementation number `i`.
#[inline(always)]
pub fn collect_work(i: u64, x: u64) -> u64 {
    black_box(x.wrapping_add(i))
}

/// The body of every `first` implementation number `i`: answers when `x == i`.
/// The comparison goes through `black_box`, so an inlined chain of them is not
/// turned into one table lookup.
#[inline(always)]
pub fn first_work(i: u64, x: u64) -> Option<u64> {
    if black_box(x == i) {
        Some(black_box(x.wrapping_mul(3)))
    } else {
        None
    }
}

/// The body of every wrapper: passes the call on.
#[inline(always)]
pub fn wrap_work(x: u64) -> u64 {
    black_box(x)
}

/// `unit` implementation number `I` as a function.
pub fn unit_body<const I: u64>(x: u64) {
    unit_work(I, x);
}

/// `collect` implementation number `I` as a function.
pub fn collect_body<const I: u64>(x: u64) -> u64 {
    collect_work(I, x)
}

/// `first` implementation number `I` as a function.
pub fn first_body<const I: u64>(x: u64) -> Option<u64> {
    first_work(I, x)
}

/// A wrapper of `unit` as a function: gets the rest of the call as `next`.
pub fn wrap_body(x: u64, next: &mut dyn FnMut(u64)) {
    next(wrap_work(x));
}

/// One `unit` implementation as a shared function and its number.
pub type SharedUnit = (fn(u64, u64), u64);
/// One `collect` implementation as a shared function and its number.
pub type SharedCollect = (fn(u64, u64) -> u64, u64);
/// One `first` implementation as a shared function and its number.
pub type SharedFirst = (fn(u64, u64) -> Option<u64>, u64);

/// Implementations as `(function, implementation number)` pairs: the same function
/// for every number, as N [`Imp`] objects share one method.
pub struct Shared {
    /// `unit` implementations.
    pub unit: Vec<SharedUnit>,
    /// `collect` implementations.
    pub collect: Vec<SharedCollect>,
    /// `first` implementations.
    pub first: Vec<SharedFirst>,
}

impl Shared {
    /// Implementations number `0..n`.
    #[must_use]
    pub fn new(n: usize) -> Self {
        let numbers = 0..n as u64;
        Shared {
            unit: numbers
                .clone()
                .map(|i| (unit_work as fn(u64, u64), i))
                .collect(),
            collect: numbers
                .clone()
                .map(|i| (collect_work as fn(u64, u64) -> u64, i))
                .collect(),
            first: numbers
                .map(|i| (first_work as fn(u64, u64) -> Option<u64>, i))
                .collect(),
        }
    }
}

/// A wrapper as a function pointer.
pub type WrapFn = fn(u64, &mut dyn FnMut(u64));

/// The floor of a `unit` call: every function of `fns`, in order.
#[inline(always)]
pub fn floor_unit(fns: &[fn(u64)], x: u64) {
    for f in fns {
        f(x);
    }
}

/// The floor of a `collect` call: every function's value, in order.
#[inline(always)]
pub fn floor_collect(fns: &[fn(u64) -> u64], x: u64) -> Vec<u64> {
    fns.iter().map(|f| f(x)).collect()
}

/// The floor of a `first` call: the functions in order, until one answers.
#[inline(always)]
pub fn floor_first(fns: &[fn(u64) -> Option<u64>], x: u64) -> Option<u64> {
    fns.iter().find_map(|f| f(x))
}

/// [`floor_unit`] over shared functions ([`Shared`]).
#[inline(always)]
pub fn floor_shared_unit(pairs: &[SharedUnit], x: u64) {
    for (f, i) in pairs {
        f(*i, x);
    }
}

/// [`floor_collect`] over shared functions.
#[inline(always)]
pub fn floor_shared_collect(pairs: &[SharedCollect], x: u64) -> Vec<u64> {
    pairs.iter().map(|(f, i)| f(*i, x)).collect()
}

/// [`floor_first`] over shared functions.
#[inline(always)]
pub fn floor_shared_first(pairs: &[SharedFirst], x: u64) -> Option<u64> {
    pairs.iter().find_map(|(f, i)| f(*i, x))
}

/// A manager holding `n` plugins registered at run time, `p0` first: call order
/// is `p{n-1}` .. `p0` (most recent first).
///
/// # Panics
///
/// Never: the names are distinct.
#[must_use]
pub fn runtime_manager(n: usize) -> hookcore::PluginManager<dyn Bench> {
    let pm = hookcore::PluginManager::<dyn Bench>::new();
    for i in 0..n {
        pm.register(format!("p{i}"), Imp(i as u64))
            .expect("register");
    }
    pm
}

/// A plugin registered at run time: implementation number `.0` of every hook.
pub struct Imp(pub u64);

#[hookcore::hookimpl(runtime)]
impl Bench for Imp {
    fn unit(&self, x: u64) {
        unit_work(self.0, x);
    }
    fn collect(&self, x: u64) -> u64 {
        collect_work(self.0, x)
    }
    fn first(&self, x: u64) -> Option<u64> {
        first_work(self.0, x)
    }
}

/// A wrapper of `unit` registered at run time: passes the call on.
pub struct Wrap(pub u64);

#[hookcore::hookimpl(runtime)]
impl Bench for Wrap {
    #[hookimpl(wrapper)]
    fn unit(&self, x: u64, next: BenchUnitNext<'_>) {
        next.call(wrap_work(x));
    }
}

/// Linked free-function plugins, one module each (a module is a plugin); the
/// number is the implementation number.
macro_rules! linked_plugins {
    ($spec:ident; $($module:ident $i:literal),*) => {$(
        #[allow(missing_docs)]
        pub mod $module {
            use super::$spec;

            #[hookcore::hookimpl($spec)]
            fn unit(x: u64) {
                super::super::unit_work($i, x);
            }

            #[hookcore::hookimpl($spec)]
            fn collect(x: u64) -> u64 {
                super::super::collect_work($i, x)
            }

            #[hookcore::hookimpl($spec)]
            fn first(x: u64) -> Option<u64> {
                super::super::first_work($i, x)
            }
        }
    )*};
}

/// The linked plugin of [`LinkedOne`].
pub mod linked_one {
    use super::LinkedOne;
    linked_plugins!(LinkedOne; m0 0);
}

/// The ten linked plugins of [`LinkedTen`].
pub mod linked_ten {
    use super::LinkedTen;
    linked_plugins!(LinkedTen; m0 0, m1 1, m2 2, m3 3, m4 4, m5 5, m6 6, m7 7, m8 8, m9 9);
}

/// An `inventory` entry of a `unit` implementation; `group` is the N it belongs to.
pub struct UnitEntry {
    /// The benchmark's N (10 also serves the wrapper benchmark).
    pub group: usize,
    /// The implementation number.
    pub id: u64,
    /// The implementation.
    pub f: fn(u64),
}

/// An `inventory` entry of a `collect` implementation.
pub struct CollectEntry {
    /// The benchmark's N.
    pub group: usize,
    /// The implementation number.
    pub id: u64,
    /// The implementation.
    pub f: fn(u64) -> u64,
}

/// An `inventory` entry of a `first` implementation.
pub struct FirstEntry {
    /// The benchmark's N.
    pub group: usize,
    /// The implementation number.
    pub id: u64,
    /// The implementation.
    pub f: fn(u64) -> Option<u64>,
}

/// An `inventory` entry of a `unit` wrapper.
pub struct WrapEntry {
    /// The wrapper.
    pub f: WrapFn,
}

inventory::collect!(UnitEntry);
inventory::collect!(CollectEntry);
inventory::collect!(FirstEntry);
inventory::collect!(WrapEntry);

inventory::submit! { WrapEntry { f: wrap_body } }
inventory::submit! { WrapEntry { f: wrap_body } }
inventory::submit! { WrapEntry { f: wrap_body } }
inventory::submit! { WrapEntry { f: wrap_body } }
inventory::submit! { WrapEntry { f: wrap_body } }

/// A boxed `unit` implementation of the naive registry.
pub type DynUnit = Box<dyn Fn(u64) + Send + Sync>;
/// A boxed `collect` implementation of the naive registry.
pub type DynCollect = Box<dyn Fn(u64) -> u64 + Send + Sync>;
/// A boxed `first` implementation of the naive registry.
pub type DynFirst = Box<dyn Fn(u64) -> Option<u64> + Send + Sync>;

/// The naive run-time registry: boxed closures behind a lock taken per call.
pub struct DynRegistry {
    /// `unit` implementations.
    pub unit: RwLock<Vec<DynUnit>>,
    /// `collect` implementations.
    pub collect: RwLock<Vec<DynCollect>>,
    /// `first` implementations.
    pub first: RwLock<Vec<DynFirst>>,
}

/// A boxed wrapper of the naive registry.
pub type DynWrap = Box<dyn Fn(u64, &mut dyn FnMut(u64)) + Send + Sync>;

/// The naive registry with wrappers: `unit` wrappers (outermost first) and
/// implementations behind one lock.
pub struct DynWrapRegistry {
    /// Wrappers, then implementations.
    pub inner: RwLock<(Vec<DynWrap>, Vec<DynUnit>)>,
}

/// The implementations of one N, as every baseline holds them.
pub trait Fixture {
    /// How many implementations.
    const N: usize;
    /// `unit` implementations as `fn` pointers (the floor).
    const UNIT_FNS: &'static [fn(u64)];
    /// `collect` implementations as `fn` pointers.
    const COLLECT_FNS: &'static [fn(u64) -> u64];
    /// `first` implementations as `fn` pointers.
    const FIRST_FNS: &'static [fn(u64) -> Option<u64>];
    /// Every `unit` implementation, called directly.
    fn unit(x: u64);
    /// Every `collect` implementation, called directly.
    fn collect(x: u64) -> Vec<u64>;
    /// The `first` implementations, called directly until one answers.
    fn first(x: u64) -> Option<u64>;
    /// The implementations in a [`DynRegistry`].
    fn registry() -> DynRegistry;
}

/// Implements [`Fixture`] for `$ty` with the implementation numbers listed, and
/// submits them to `inventory` in group `$n`.
macro_rules! fixture {
    (($ty:ident, $n:literal) [$($i:literal)*]) => {
        #[doc = concat!("The ", stringify!($n), " implementations of N = ", stringify!($n), ".")]
        pub struct $ty;

        impl Fixture for $ty {
            const N: usize = $n;
            const UNIT_FNS: &'static [fn(u64)] = &[$(unit_body::<$i>),*];
            const COLLECT_FNS: &'static [fn(u64) -> u64] = &[$(collect_body::<$i>),*];
            const FIRST_FNS: &'static [fn(u64) -> Option<u64>] = &[$(first_body::<$i>),*];

            #[inline]
            fn unit(x: u64) {
                $(unit_body::<$i>(x);)*
            }

            #[inline]
            fn collect(x: u64) -> Vec<u64> {
                vec![$(collect_body::<$i>(x)),*]
            }

            #[inline]
            fn first(x: u64) -> Option<u64> {
                $(
                    if let Some(value) = first_body::<$i>(x) {
                        return Some(value);
                    }
                )*
                None
            }

            fn registry() -> DynRegistry {
                DynRegistry {
                    unit: RwLock::new(vec![$(Box::new(unit_body::<$i>)),*]),
                    collect: RwLock::new(vec![$(Box::new(collect_body::<$i>)),*]),
                    first: RwLock::new(vec![$(Box::new(first_body::<$i>)),*]),
                }
            }
        }

        $(
            inventory::submit! { UnitEntry { group: $n, id: $i, f: unit_body::<$i> } }
            inventory::submit! { CollectEntry { group: $n, id: $i, f: collect_body::<$i> } }
            inventory::submit! { FirstEntry { group: $n, id: $i, f: first_body::<$i> } }
        )*
    };
}

/// Calls `$callback! { $args [0 1 .. n-1] }`: the implementation numbers of an N.
macro_rules! with_indices {
    (1, $callback:ident! $args:tt) => {
        $callback! { $args [0] }
    };
    (10, $callback:ident! $args:tt) => {
        $callback! { $args [0 1 2 3 4 5 6 7 8 9] }
    };
    (100, $callback:ident! $args:tt) => {
        $callback! { $args [
            0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19
            20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39
            40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59
            60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79
            80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99
        ] }
    };
}

with_indices!(1, fixture!(N1, 1));
with_indices!(10, fixture!(N10, 10));
with_indices!(100, fixture!(N100, 100));

/// A `RwLock` registry of 5 wrappers around the 10 `unit` implementations of [`N10`].
#[must_use]
pub fn wrap_registry() -> DynWrapRegistry {
    let wrappers = (0..5)
        .map(|_| Box::new(wrap_body) as DynWrap)
        .collect::<Vec<_>>();
    let unit = N10::registry()
        .unit
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    DynWrapRegistry {
        inner: RwLock::new((wrappers, unit)),
    }
}

/// Runs `impls` inside `wrappers` (outermost first): the hand-written wrapper
/// chain; `call` runs one implementation.
#[inline]
pub fn wrap_chain<T>(wrappers: &[WrapFn], impls: &[T], call: &impl Fn(&T, u64), x: u64) {
    match wrappers.split_first() {
        Some((wrapper, rest)) => wrapper(x, &mut |x| wrap_chain(rest, impls, call, x)),
        None => {
            for implementation in impls {
                call(implementation, x);
            }
        }
    }
}

/// [`wrap_chain`] over the boxed closures of a [`DynWrapRegistry`].
#[inline]
pub fn dyn_wrap_chain(wrappers: &[DynWrap], impls: &[DynUnit], x: u64) {
    match wrappers.split_first() {
        Some((wrapper, rest)) => wrapper(x, &mut |x| dyn_wrap_chain(rest, impls, x)),
        None => {
            for f in impls {
                f(x);
            }
        }
    }
}

/// [`wrap_chain`] over the `inventory` wrappers and the group-10 `unit` entries.
#[inline]
pub fn inventory_wrap_chain(
    mut wrappers: <inventory::iter<WrapEntry> as IntoIterator>::IntoIter,
    x: u64,
) {
    match wrappers.next() {
        Some(wrapper) => (wrapper.f)(x, &mut |x| inventory_wrap_chain(wrappers.clone(), x)),
        None => {
            for entry in inventory::iter::<UnitEntry> {
                if entry.group == 10 {
                    (entry.f)(x);
                }
            }
        }
    }
}

/// Five wrappers around ten implementations, called directly and inlined.
#[inline]
pub fn direct_wrapped(x: u64) {
    #[inline(always)]
    fn wrap(x: u64, next: impl FnOnce(u64)) {
        next(wrap_work(x));
    }
    wrap(x, |x| {
        wrap(x, |x| wrap(x, |x| wrap(x, |x| wrap(x, N10::unit))))
    });
}

#[cfg(test)]
mod tests {
    use hookcore::PluginManager;

    use super::*;

    fn sorted(mut values: Vec<u64>) -> Vec<u64> {
        values.sort_unstable();
        values
    }

    fn runtime(n: usize) -> PluginManager<dyn Bench> {
        let pm = PluginManager::<dyn Bench>::new();
        for i in 0..n {
            pm.register(format!("p{i}"), Imp(i as u64)).unwrap();
        }
        pm
    }

    /// Every baseline and hookcore compute the same values for one N.
    fn same_values<F: Fixture>() {
        let x = 40;
        let expected: Vec<u64> = (0..F::N as u64).map(|i| x + i).collect();
        let floor: Vec<u64> = F::COLLECT_FNS.iter().map(|f| f(x)).collect();
        assert_eq!(floor, expected);
        assert_eq!(F::collect(x), expected);
        let registry = F::registry();
        let boxed: Vec<u64> = registry
            .collect
            .read()
            .unwrap()
            .iter()
            .map(|f| f(x))
            .collect();
        assert_eq!(boxed, expected);
        let shared = Shared::new(F::N);
        let pairs: Vec<u64> = shared.collect.iter().map(|(f, i)| f(*i, x)).collect();
        assert_eq!(pairs, expected);
        assert_eq!(shared.first.iter().find_map(|(f, i)| f(*i, 0)), Some(0));
        let listed: Vec<u64> = inventory::iter::<CollectEntry>
            .into_iter()
            .filter(|entry| entry.group == F::N)
            .map(|entry| (entry.f)(x))
            .collect();
        assert_eq!(sorted(listed), expected);
        let pm = runtime(F::N);
        assert_eq!(sorted(pm.hook().collect(x)), expected);

        let last = F::N as u64 - 1;
        assert_eq!(F::first(last), Some(last * 3));
        assert_eq!(F::FIRST_FNS.iter().find_map(|f| f(last)), Some(last * 3));
        assert_eq!(pm.hook().first(last), Some(last * 3));
        assert_eq!(pm.hook().first(F::N as u64), None);
        assert_eq!(F::UNIT_FNS.len(), F::N);
    }

    #[test]
    fn every_variant_computes_the_same_values() {
        same_values::<N1>();
        same_values::<N10>();
        same_values::<N100>();
    }

    #[test]
    fn linked_plugins_are_found() {
        let one = PluginManager::<dyn LinkedOne>::linked().unwrap();
        assert_eq!(one.hook().collect(5), [5]);
        let ten = PluginManager::<dyn LinkedTen>::linked().unwrap();
        assert_eq!(sorted(ten.hook().collect(5)), (5..15).collect::<Vec<_>>());
        assert_eq!(ten.hook().first(9), Some(27));
    }

    #[test]
    fn wrappers_pass_the_call_through() {
        let pm = runtime(10);
        for i in 0..5 {
            pm.register(format!("w{i}"), Wrap(i)).unwrap();
        }
        let wrappers = pm.hookimpls("unit").unwrap();
        assert_eq!(wrappers.iter().filter(|info| info.wrapper).count(), 5);
        pm.hook().unit(3);

        let ran = std::cell::Cell::new(0);
        let mut count = |_: u64| ran.set(ran.get() + 1);
        wrap_body(3, &mut count);
        assert_eq!(ran.get(), 1);
        wrap_chain(&[wrap_body as WrapFn; 5], N10::UNIT_FNS, &|f, x| f(x), 3);
        let shared = Shared::new(10);
        wrap_chain(
            &[wrap_body as WrapFn; 5],
            &shared.unit,
            &|(f, i), x| f(*i, x),
            3,
        );
        let registry = wrap_registry();
        let inner = registry.inner.read().unwrap();
        assert_eq!((inner.0.len(), inner.1.len()), (5, 10));
        dyn_wrap_chain(&inner.0, &inner.1, 3);
        inventory_wrap_chain(inventory::iter::<WrapEntry>.into_iter(), 3);
        direct_wrapped(3);
    }
}
