//! A caller that a hot loop keeps: it reads the table again only when it changed.
//!
//! [`PluginManager::hook`] loads the current table on every call, which costs a
//! few nanoseconds of atomic operations. A [`CachedCaller`] keeps the table it
//! last read and, on each [`hook`](CachedCaller::hook), checks with one plain
//! atomic load whether the manager has published a newer one.

use std::fmt;
use std::sync::Arc;

use arc_swap::{ArcSwap, Cache};

use crate::dispatch::Dispatch;
use crate::manager::{PluginManager, SpecCallers};
use crate::spec::HookSpec;
use crate::table::Snapshot;

/// A caller kept across calls, from [`PluginManager::cached_caller`]: as cheap per
/// call as a caller made once outside a loop, and it still sees every
/// registration, unregistration and monitor.
///
/// It holds the table it last read until its next [`hook`](Self::hook) call, so
/// a plugin unregistered meanwhile is dropped only then. Keep one per thread (it
/// takes `&mut self`), for example in a worker's state.
///
/// ```
/// #[hookcore::hookspec]
/// pub trait Counter {
///     fn count(&self) -> u32;
/// }
///
/// struct One;
///
/// #[hookcore::hookimpl(runtime)]
/// impl Counter for One {
///     fn count(&self) -> u32 {
///         1
///     }
/// }
///
/// let pm = hookcore::PluginManager::<dyn Counter>::new();
/// let mut cached = pm.cached_caller();
/// assert!(cached.hook().count().is_empty());
/// pm.register("one", One)?;
/// assert_eq!(cached.hook().count(), [1]);
/// # Ok::<(), hookcore::Error>(())
/// ```
pub struct CachedCaller<'a, S: HookSpec + ?Sized> {
    manager: &'a PluginManager<S>,
    cache: Cache<&'a ArcSwap<Snapshot<S>>, Arc<Snapshot<S>>>,
}

impl<S: HookSpec + ?Sized> PluginManager<S> {
    /// A caller to keep across calls in a hot loop: [`CachedCaller::hook`] costs
    /// one plain atomic load when nothing changed, where [`hook`](Self::hook)
    /// costs a few nanoseconds of atomic operations per call, and it still sees
    /// every change to the manager.
    ///
    /// ```
    /// #[hookcore::hookspec]
    /// pub trait Ticks {
    ///     fn tick(&self, n: u64);
    /// }
    ///
    /// let pm = hookcore::PluginManager::<dyn Ticks>::linked()?;
    /// let mut cached = pm.cached_caller();
    /// for n in 0..1_000 {
    ///     cached.hook().tick(n);
    /// }
    /// # Ok::<(), hookcore::Error>(())
    /// ```
    #[must_use]
    pub fn cached_caller(&self) -> CachedCaller<'_, S>
    where
        S: SpecCallers,
    {
        CachedCaller::new(self)
    }
}

impl<'a, S: SpecCallers + ?Sized> CachedCaller<'a, S> {
    pub(crate) fn new(manager: &'a PluginManager<S>) -> Self {
        CachedCaller {
            manager,
            cache: Cache::new(&manager.table),
        }
    }

    /// The typed caller over the manager's current table.
    #[inline]
    #[must_use]
    pub fn hook(&mut self) -> S::Hooks<'_> {
        let snapshot: &Snapshot<S> = self.cache.load();
        S::__hooks(Dispatch::borrowed(snapshot, self.manager))
    }
}

impl<S: HookSpec + ?Sized> fmt::Debug for CachedCaller<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CachedCaller")
            .field("spec", &S::NAME)
            .finish_non_exhaustive()
    }
}
