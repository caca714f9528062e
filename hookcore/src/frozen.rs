//! The table of a frozen manager: one that keeps every table it publishes, so
//! that a call can read the current one with a plain load.
//!
//! A live manager frees a replaced table once the last call reading it ends,
//! which a call can only tell it through arc-swap's `load` (an `xchg`, and a
//! `lock cmpxchg` when it ends: 12–16 ns, ten times a one-implementation
//! call). After [`PluginManager::freeze`](crate::PluginManager::freeze) the
//! manager frees no table until it is dropped, so a call needs no such word:
//! [`FrozenTable::current`] is one `Acquire` load of a pointer.
//!
//! The same module holds [`TableRef`], the table one caller reads: a plain
//! pointer resolved once, whether the table is a frozen manager's or one that
//! arc-swap's guard keeps alive, so that the call path does not branch on which
//! on each use (with a `match` there, a frozen `pm.hook().x()` at N = 1 was
//! 1.84× the slice floor; without, 1.6–1.7×, on a busy machine).
//!
//! This is one of the two modules of hookcore with `unsafe` (`object.rs` is
//! the other): one `unsafe` block in [`FrozenTable::current`] and one in
//! [`TableRef::get`]. Why the first is sound:
//!
//! 1. **Every pointer `current` can load points to a live table.** The pointer
//!    is stored only by [`FrozenTable::publish`], and only from an `Arc` that
//!    `publish` has just pushed onto `kept`, under `kept`'s lock. `kept` is never
//!    shrunk and its `Arc`s are never replaced: its only uses are that push and
//!    the drop of the whole `FrozenTable`. An `Arc`'s allocation does not move
//!    when the `Vec` holding the `Arc` reallocates, so the table behind every
//!    pointer ever stored lives until the `FrozenTable` is dropped.
//! 2. **The reference does not outlive the `FrozenTable`.** `current` returns
//!    `&Snapshot` borrowed from `&self`, so the borrow checker ends it before
//!    the `FrozenTable` (and with it `kept`) can be dropped.
//! 3. **The table is fully built before its pointer is seen.** The store is a
//!    `Release` and the load an `Acquire`, so a thread that loads the pointer
//!    sees every write made to the table before it was published.
//! 4. **Only shared references are made**: `kept` holds `Arc`s, which give no
//!    `&mut` while another clone exists, and the table is never written after
//!    it is built. `Snapshot<S>` is `Sync` when `S` is, and every spec is.

//!
//! Why the second is sound: a [`TableRef`] is made only by
//! [`TableRef::borrowed`], from a `&'a Snapshot` (its pointer lives for `'a`,
//! which the `TableRef` carries), or by [`TableRef::guarded`], from a guard
//! that the `TableRef` then owns: the guard holds an `Arc` of the table, whose
//! allocation does not move when the guard moves, and is dropped only with the
//! `TableRef`. `get` returns `&Snapshot` borrowed from `&self`, so no reference
//! outlives either owner. The fields are private and never changed after
//! construction.

// One of two exceptions to hookcore's `#![deny(unsafe_code)]`; see the module docs.
#![allow(unsafe_code)]

use std::marker::PhantomData;
use std::ptr::{self, NonNull};
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use arc_swap::Guard;

use crate::spec::HookSpec;
use crate::table::Snapshot;

/// The table one caller reads, resolved to a pointer: borrowed for `'a`
/// (a frozen manager's, a cached caller's), or kept alive by the guard it owns.
pub(crate) struct TableRef<'a, S: HookSpec + ?Sized> {
    table: NonNull<Snapshot<S>>,
    /// What keeps a loaded table alive, held for its `Drop`; `None` for a
    /// borrowed one.
    _guard: Option<Guard<Arc<Snapshot<S>>>>,
    borrowed: PhantomData<&'a Snapshot<S>>,
}

impl<'a, S: HookSpec + ?Sized> TableRef<'a, S> {
    /// A table that lives for `'a`.
    #[inline(always)]
    pub(crate) fn borrowed(table: &'a Snapshot<S>) -> Self {
        TableRef {
            table: NonNull::from(table),
            _guard: None,
            borrowed: PhantomData,
        }
    }

    /// A table that `guard` keeps alive.
    #[inline(always)]
    pub(crate) fn guarded(guard: Guard<Arc<Snapshot<S>>>) -> Self {
        TableRef {
            table: NonNull::from(&**guard),
            _guard: Some(guard),
            borrowed: PhantomData,
        }
    }

    /// The table.
    #[inline(always)]
    pub(crate) fn get(&self) -> &Snapshot<S> {
        // SAFETY: the pointer comes from a reference that lives for `'a`, or
        // from the `Arc` that `self._guard` holds; either outlives the borrow of
        // `self` (module docs).
        unsafe { self.table.as_ref() }
    }

    /// Whether a guard keeps the table alive (for tests).
    #[cfg(test)]
    fn is_guarded(&self) -> bool {
        self._guard.is_some()
    }
}

// SAFETY: a `TableRef` is a `&Snapshot<S>` and, at most, a guard: it may go
// to another thread exactly when both may (the bounds are those the compiler
// would derive for the pair).
unsafe impl<S: HookSpec + ?Sized> Send for TableRef<'_, S>
where
    Snapshot<S>: Sync,
    Guard<Arc<Snapshot<S>>>: Send,
{
}
// SAFETY: as above, for sharing.
unsafe impl<S: HookSpec + ?Sized> Sync for TableRef<'_, S>
where
    Snapshot<S>: Sync,
    Guard<Arc<Snapshot<S>>>: Sync,
{
}

/// The table calls read once the manager is frozen, and every table it has
/// been: none is freed before the manager is.
pub(crate) struct FrozenTable<S: HookSpec + ?Sized> {
    /// Null while the manager is live; then the last table published.
    current: AtomicPtr<Snapshot<S>>,
    /// Every table published since the manager was frozen, in order.
    kept: Mutex<Vec<Arc<Snapshot<S>>>>,
}

impl<S: HookSpec + ?Sized> FrozenTable<S> {
    pub(crate) fn new() -> Self {
        FrozenTable {
            current: AtomicPtr::new(ptr::null_mut()),
            kept: Mutex::new(Vec::new()),
        }
    }

    /// The current table, if the manager is frozen: one `Acquire` load.
    #[inline(always)]
    pub(crate) fn current(&self) -> Option<&Snapshot<S>> {
        let table = self.current.load(Ordering::Acquire);
        if table.is_null() {
            return None;
        }
        // SAFETY: a non-null pointer here was stored by `publish` from an `Arc`
        // that `kept` holds until `self` is dropped, and the reference is
        // borrowed from `self` (module docs, 1–4).
        Some(unsafe { &*table })
    }

    /// Makes `table` the one calls read, keeping it until `self` is dropped.
    pub(crate) fn publish(&self, table: Arc<Snapshot<S>>) {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        let pointer = Arc::as_ptr(&table).cast_mut();
        kept.push(table);
        self.current.store(pointer, Ordering::Release);
    }

    /// How many tables are kept: one per change since the manager was frozen,
    /// plus the one it was frozen with.
    pub(crate) fn kept(&self) -> usize {
        self.kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

#[cfg(test)]
mod tests {
    use arc_swap::ArcSwap;

    use super::*;
    use crate::calls::HookTable;
    use crate::testing::Two;

    /// A table told apart from others by its number of hooks.
    fn with_hooks(hooks: usize) -> Snapshot<dyn Two> {
        Snapshot::new((0..hooks).map(|_| HookTable::new([], [])).collect(), None)
    }

    #[test]
    fn a_table_ref_reads_its_table_however_it_is_held() {
        let table = with_hooks(3);
        let borrowed = TableRef::borrowed(&table);
        assert!(ptr::eq(borrowed.get(), &table) && !borrowed.is_guarded());
        let swap = ArcSwap::from_pointee(with_hooks(4));
        let guarded = TableRef::guarded(swap.load());
        // The guard keeps the table alive after it is swapped out, and moving
        // the `TableRef` moves no table.
        swap.store(Arc::new(with_hooks(5)));
        let moved = guarded;
        assert_eq!(moved.get().hooks.len(), 4);
        assert!(moved.is_guarded());
        assert_eq!(swap.load().hooks.len(), 5);
    }

    #[test]
    fn a_live_table_has_no_current_table() {
        let frozen = FrozenTable::<dyn Two>::new();
        assert!(frozen.current().is_none());
        assert_eq!(frozen.kept(), 0);
    }

    #[test]
    fn the_current_table_is_the_last_published_and_every_one_is_kept() {
        let frozen = FrozenTable::<dyn Two>::new();
        let first = Arc::new(with_hooks(1));
        let second = Arc::new(with_hooks(2));
        frozen.publish(Arc::clone(&first));
        assert!(ptr::eq(frozen.current().unwrap(), &*first));
        let held = frozen.current().unwrap();
        frozen.publish(Arc::clone(&second));
        // A table read before the next one was published is still there.
        assert_eq!(held.hooks.len(), 1);
        assert!(ptr::eq(frozen.current().unwrap(), &*second));
        drop((first, second));
        assert_eq!(frozen.current().unwrap().hooks.len(), 2);
        assert_eq!(frozen.kept(), 2);
    }

    #[test]
    fn readers_on_other_threads_see_whole_tables() {
        let frozen = Arc::new(FrozenTable::<dyn Two>::new());
        frozen.publish(Arc::new(with_hooks(1)));
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let frozen = Arc::clone(&frozen);
                std::thread::spawn(move || {
                    let mut seen = 0;
                    for _ in 0..10_000 {
                        let hooks = frozen.current().unwrap().hooks.len();
                        assert!((1..=50).contains(&hooks));
                        seen = seen.max(hooks);
                    }
                    seen
                })
            })
            .collect();
        for hooks in 2..=50 {
            frozen.publish(Arc::new(with_hooks(hooks)));
        }
        for reader in readers {
            assert!(reader.join().unwrap() >= 1);
        }
        assert_eq!(frozen.kept(), 50);
    }
}
