//! What a caller reads: [`Dispatch`], one table and the manager it came from.

use std::sync::Arc;

use arc_swap::Guard;

use crate::calls::Replay;
use crate::frozen::TableRef;
use crate::monitor::{HookCall, Monitors};
use crate::spec::HookSpec;
use crate::table::Snapshot;

/// Where a historic call is recorded and run: the manager (`callers.rs`).
pub(crate) trait Historic: Sync {
    /// Records a historic call of hook number `index` and runs it on the current
    /// implementations but those of the plugins named in `removed`.
    fn call_historic(&self, index: usize, replay: Replay, removed: &[String]);
}

/// The table one call (or one caller value) works with, and the manager it came
/// from (for historic calls).
#[doc(hidden)]
/// Not public API; held by the caller struct that `#[hookspec]` generates.
pub struct Dispatch<'a, S: HookSpec + ?Sized> {
    snapshot: TableRef<'a, S>,
    /// The manager, for its history.
    manager: &'a dyn Historic,
    /// The plugins a subset caller skips, for its historic calls.
    removed: &'a [String],
}

impl<'a, S: HookSpec + ?Sized> Dispatch<'a, S> {
    pub(crate) fn new(snapshot: Guard<Arc<Snapshot<S>>>, manager: &'a dyn Historic) -> Self {
        Dispatch {
            snapshot: TableRef::guarded(snapshot),
            manager,
            removed: &[],
        }
    }

    /// A subset caller's: `snapshot` is without the plugins named in `removed`.
    pub(crate) fn subset(
        snapshot: Guard<Arc<Snapshot<S>>>,
        manager: &'a dyn Historic,
        removed: &'a [String],
    ) -> Self {
        Dispatch {
            snapshot: TableRef::guarded(snapshot),
            manager,
            removed,
        }
    }

    pub(crate) fn borrowed(snapshot: &'a Snapshot<S>, manager: &'a dyn Historic) -> Self {
        Dispatch {
            snapshot: TableRef::borrowed(snapshot),
            manager,
            removed: &[],
        }
    }

    /// Records a historic call of hook number `index` and runs it on every
    /// current implementation (a subset caller's skip its removed plugins);
    /// plugins registered later run it when they register.
    pub fn call_historic(&self, index: usize, replay: Replay) {
        self.manager.call_historic(index, replay, self.removed);
    }

    /// The typed table: a field per hook, named like it.
    #[inline(always)]
    pub fn table(&self) -> &S::__Table {
        &self.snapshot.get().calls
    }

    /// The monitors, if any: `None` is the unmonitored path.
    #[inline]
    pub fn monitors(&self) -> Option<&Monitors> {
        self.snapshot.get().monitors.as_deref()
    }

    /// Hook number `index` as monitors see it.
    pub fn hook_call(&self, index: usize) -> HookCall<'_> {
        let table = &self.snapshot.get().hooks[index];
        HookCall {
            spec: S::NAME,
            hook: S::HOOKS[index].name,
            wrappers: &table.wrapper_plugins,
            plugins: &table.impl_plugins,
        }
    }

    /// The plugin of each of [`impls`](Self::impls).
    #[inline]
    pub fn impl_plugins(&self, index: usize) -> &[Arc<str>] {
        &self.snapshot.get().hooks[index].impl_plugins
    }
}
